import { runCallbacks, splitOptions, type SplitOptions } from '../../client/wx/callbacks';
import { typeName } from '../../client/wx/type-name';
import type { RecordedElement } from './composed-backend';
import type { ViewCalls } from './view-calls';

export interface EditorContextDeps {
  views: Pick<ViewCalls, 'call'>;
  /** sends the render operations queued so far, so the view has drawn the node before a call names it */
  flush(): void;
}

type Check = (params: Record<string, unknown>) => string | undefined;

/** WeChat's wording for a parameter of the wrong type */
const wrongType = (name: string, wanted: string, value: unknown) => `parameter error: parameter.${name} should be ${wanted} instead of ${typeName(value)};`;

const requireString =
  (name: string): Check =>
  (params) =>
    typeof params[name] === 'string' && params[name] !== '' ? undefined : wrongType(name, 'String', params[name]);

const optionalOf =
  (name: string, wanted: 'String' | 'Object'): Check =>
  (params) => {
    const value = params[name];
    if (value === undefined) return undefined;
    const fits = wanted === 'String' ? typeof value === 'string' : value !== null && typeof value === 'object' && !Array.isArray(value);
    return fits ? undefined : wrongType(name, wanted, value);
  };

/** the options object of a method, or {} when none was given; a non-object is refused like WeChat's APIs do */
function optionsOf(method: string, options: unknown): SplitOptions | { refused: string } {
  if (options === undefined) return splitOptions({});
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return { refused: `${method}:fail parameter error: parameter should be Object instead of ${typeName(options)};` };
  return splitOptions(options as Record<string, unknown>);
}

/**
 * WeChat's EditorContext, as SelectorQuery's `.context()` / `fields({ context: true })` gives it for an
 * <editor>: each method is an `__editor` view call to that node, answered by the view's Quill
 * (view/components/editor-calls.ts) with WeChat's result object ({ html, text, delta } for getContents,
 * { text } for getSelectionText), errMsg "<method>:ok". Like WeChat's, the methods take success / fail /
 * complete and return nothing (no Promise style); format(name, value) takes no callbacks at all.
 */
export class EditorContext {
  constructor(
    private readonly node: number,
    private readonly deps: EditorContextDeps,
  ) {}

  format(name: unknown, value?: unknown): void {
    if (typeof name !== 'string' || name === '') {
      console.warn(`EditorContext.format: the format name should be a string, not ${typeName(name)}`);
      return;
    }
    this.call('format', undefined, [], { name, ...(value !== undefined ? { value } : {}) });
  }

  insertDivider(options?: unknown): void {
    this.call('insertDivider', options);
  }

  /** src: an https URL, a data: URL or a package path; alt, width, height, extClass, data (to data-custom), nowrap */
  insertImage(options?: unknown): void {
    this.call('insertImage', options ?? {}, [requireString('src'), optionalOf('data', 'Object')]);
  }

  insertText(options?: unknown): void {
    this.call('insertText', options, [optionalOf('text', 'String')]);
  }

  /** html or delta; with both, only delta (WeChat's rule). HTML is sanitised by the view as rich-text's is. */
  setContents(options?: unknown): void {
    this.call('setContents', options, [optionalOf('html', 'String'), optionalOf('delta', 'Object')]);
  }

  getContents(options?: unknown): void {
    this.call('getContents', options);
  }

  getSelectionText(options?: unknown): void {
    this.call('getSelectionText', options);
  }

  clear(options?: unknown): void {
    this.call('clear', options);
  }

  removeFormat(options?: unknown): void {
    this.call('removeFormat', options);
  }

  undo(options?: unknown): void {
    this.call('undo', options);
  }

  redo(options?: unknown): void {
    this.call('redo', options);
  }

  blur(options?: unknown): void {
    this.call('blur', options);
  }

  scrollIntoView(options?: unknown): void {
    this.call('scrollIntoView', options);
  }

  private call(method: string, options: unknown, checks: Check[] = [], extra: Record<string, unknown> = {}): void {
    const split = optionsOf(method, options);
    const label = `EditorContext.${method}`;
    if ('refused' in split) {
      console.error(`${label}: ${split.refused}`);
      return;
    }
    const refused = checks.map((check) => check(split.params)).find((reason) => reason !== undefined);
    if (refused) {
      // answered after the caller's task, as every wx callback is
      void Promise.resolve().then(() => runCallbacks(label, split, { ok: false, result: { errMsg: `${method}:fail ${refused}` } }));
      return;
    }
    this.deps.flush();
    void this.deps.views.call('__editor', { ...split.params, ...extra, node: this.node, method }).then((outcome) => runCallbacks(label, split, outcome));
  }
}

/** one EditorContext per <editor> element, as SelectorQuery hands them out */
export class EditorContexts {
  private readonly contexts = new WeakMap<RecordedElement, EditorContext>();

  constructor(private readonly deps: EditorContextDeps) {}

  /** the `context` of an element a query selected: an EditorContext for an <editor>, undefined for other tags */
  contextOf(element: RecordedElement): EditorContext | undefined {
    if (element.tag !== 'editor') return undefined;
    let context = this.contexts.get(element);
    if (!context) {
      context = new EditorContext(element.id, this.deps);
      this.contexts.set(element, context);
    }
    return context;
  }
}
