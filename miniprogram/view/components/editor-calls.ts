import type { ApiOutcome } from '../overlays/page-apis';
import type { EditorEngine } from './editor-engine-api';
import { sanitizeRichText } from './rich-text';

/**
 * The view's side of EditorContext: the logic layer's `__editor` view call ({ node, method, ...arguments },
 * sent by logic/editor-context.ts) runs one method on that node's editor, once Quill has loaded, and answers
 * with WeChat's result object.
 */
export interface EditorHandle {
  /** the editor's engine once Quill has loaded; rejects when it could not load */
  engine(): Promise<EditorEngine>;
  /** a package path as a URL (relative paths from the page showing the editor) */
  resolveUrl(path: string): string;
  /** a context method changed the formats: bindstatuschange */
  formatsChanged(): void;
}

const editors = new WeakMap<Element, EditorHandle>();

export function registerEditor(element: Element, handle: EditorHandle): void {
  editors.set(element, handle);
}

const ok = (method: string, fields: Record<string, unknown> = {}): ApiOutcome => ({ ok: true, result: { ...fields, errMsg: `${method}:ok` } });
const fail = (method: string, reason: string): ApiOutcome => ({ ok: false, result: { errMsg: `${method}:fail ${reason}` } });

/** setContents({ html }) keeps only what rich-text would show: no script, handler, frame or javascript: URL */
function safeHtml(doc: Document, html: string): string {
  const { fragment } = sanitizeRichText(doc, html);
  const holder = doc.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

/** `data` of insertImage as WeChat documents it on data-custom: name=value;name1=value2 */
function customData(data: unknown): string | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const pairs = Object.entries(data as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`);
  return pairs.length ? pairs.join(';') : undefined;
}

const optionalString = (value: unknown): string | undefined => (value === undefined || value === null || value === '' ? undefined : String(value));

/** runs one EditorContext method on a ready engine */
export function runEditorMethod(engine: EditorEngine, handle: EditorHandle, doc: Document, method: string, params: Record<string, unknown>): ApiOutcome {
  switch (method) {
    case 'format':
      engine.format(String(params['name']), params['value']);
      handle.formatsChanged();
      return ok(method);
    case 'removeFormat':
      engine.removeFormat();
      handle.formatsChanged();
      return ok(method);
    case 'insertDivider':
      engine.insertDivider();
      return ok(method);
    case 'insertImage':
      engine.insertImage({
        src: handle.resolveUrl(String(params['src'])),
        alt: optionalString(params['alt']),
        width: optionalString(params['width']),
        height: optionalString(params['height']),
        extClass: optionalString(params['extClass']),
        custom: customData(params['data']),
        nowrap: params['nowrap'] === true,
      });
      return ok(method);
    case 'insertText':
      engine.insertText(String(params['text'] ?? ''));
      return ok(method);
    case 'setContents':
      // WeChat: with both, only delta is used
      if (params['delta'] !== undefined && params['delta'] !== null) engine.setDelta(params['delta']);
      else engine.setHtml(safeHtml(doc, String(params['html'] ?? '')));
      return ok(method);
    case 'getContents':
      return ok(method, { ...engine.contents() });
    case 'getSelectionText':
      return ok(method, { text: engine.selectionText() });
    case 'clear':
      engine.clear();
      return ok(method);
    case 'undo':
      engine.undo();
      return ok(method);
    case 'redo':
      engine.redo();
      return ok(method);
    case 'blur':
      engine.blur();
      return ok(method);
    case 'scrollIntoView':
      engine.scrollIntoView();
      return ok(method);
    default:
      return fail(method, 'not supported');
  }
}

export function editorCalls(doc: Document, deps: { domNode(id: number): Node | undefined }) {
  return {
    async __editor(params: Record<string, unknown>): Promise<ApiOutcome> {
      const method = String(params['method']);
      const node = deps.domNode(Number(params['node']));
      const handle = node instanceof Element ? editors.get(node) : undefined;
      if (!handle) return fail(method, 'the editor is not on the page');
      let engine: EditorEngine;
      try {
        engine = await handle.engine();
      } catch (e) {
        return fail(method, e instanceof Error ? e.message : 'the editor could not start');
      }
      return runEditorMethod(engine, handle, doc, method, params);
    },
  };
}
