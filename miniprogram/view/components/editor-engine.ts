import Quill, { Delta, type Range } from 'quill/core';
import quillCoreCss from 'quill/dist/quill.core.css';
import { registerEditorFormats } from './editor-formats';
import { EDITOR_ENGINE_GLOBAL, type EditorContents, type EditorEngine, type EditorEngineEvents, type EditorEngineFactory, type EditorImage } from './editor-engine-api';

/**
 * Entry of the editor bundle (/__wx/runtime/editor.js, built apart from view.js): Quill 2 behind the small
 * interface editor.ts talks to. Every change a context method makes uses the "api" source, so it works on a
 * read-only editor too (WeChat apps show saved rich text with read-only + setContents) and is undoable.
 */

const STYLE_ID = 'wx-editor-quill-css';

/** Quill's core CSS, only inside <editor> elements (@scope), so its .ql-* rules cannot reach the app's own markup */
function installCss(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = `@scope (wx-editor) {\n${quillCoreCss}\n}`;
  doc.head.append(style);
}

/** WeChat's format values as Quill's: header "H2" is level 2, bold & co. take no value, list "check" is a checklist */
function quillValue(name: string, value: unknown): unknown {
  if (name === 'header') {
    const level = /^h?([1-6])$/i.exec(String(value ?? '').trim());
    return level ? Number(level[1]) : false;
  }
  if (['bold', 'italic', 'underline', 'strike', 'ins'].includes(name)) return true;
  if (name === 'list' && value === 'check') return 'unchecked';
  // left is the default alignment: Quill keeps no format for it
  if (name === 'align' && value === 'left') return false;
  if (name === 'direction' && (value === undefined || value === '')) return 'rtl';
  return value === undefined || value === null ? false : String(value);
}

/** getSemanticHTML writes every space as &nbsp;: single ones back to plain spaces, as typed; runs stay visible */
function plainSpaces(html: string): string {
  return html.replace(/(&nbsp;)+/g, (run) => (run === '&nbsp;' ? ' ' : run));
}

class QuillEngine implements EditorEngine {
  private readonly quill: Quill;

  constructor(container: HTMLElement, options: { placeholder: string; readOnly: boolean }, events: EditorEngineEvents) {
    this.quill = new Quill(container, { placeholder: options.placeholder, readOnly: options.readOnly, modules: { history: { userOnly: false } } });
    // Ctrl+Y redoes on every platform, as desktop editors do (Quill binds it on Windows only); 'Y' with Caps Lock
    this.quill.keyboard.addBinding({ key: ['y', 'Y'], shortKey: true }, () => {
      this.quill.history.redo();
      return false;
    });
    // Tab types a tab in the text (Quill's binding); Escape leaves the editor, so Tab then moves on from it
    this.quill.keyboard.addBinding({ key: 'Escape' }, () => {
      this.quill.blur();
      return false;
    });
    const root = this.quill.root;
    root.setAttribute('role', 'textbox');
    root.setAttribute('aria-multiline', 'true');
    this.setPlaceholder(options.placeholder);
    this.quill.on('text-change', () => {
      events.change();
      events.selection();
    });
    this.quill.on('selection-change', (range: Range | null) => {
      if (range) events.selection();
    });
    root.addEventListener('focus', () => events.focus());
    root.addEventListener('blur', () => events.blur());
  }

  contents(): EditorContents {
    const ops = this.quill.getContents().ops as Array<Record<string, unknown>>;
    return { html: plainSpaces(this.quill.getSemanticHTML()), text: this.quill.getText(), delta: { ops: structuredClone(ops) } };
  }

  formats(): Record<string, unknown> {
    const range = this.quill.getSelection();
    return range ? (this.quill.getFormat(range) as Record<string, unknown>) : {};
  }

  setPlaceholder(text: string): void {
    this.quill.root.setAttribute('data-placeholder', text);
    if (text) this.quill.root.setAttribute('aria-placeholder', text);
    else this.quill.root.removeAttribute('aria-placeholder');
  }

  setReadOnly(readOnly: boolean): void {
    this.quill.enable(!readOnly);
  }

  format(name: string, value: unknown): void {
    const range = this.quill.getSelection(true);
    const wanted = quillValue(name, value);
    const current = this.quill.getFormat(range)[name];
    // WeChat: formatting a selection that already has this format (and value) takes it off; indent steps instead
    const off = name !== 'indent' && current !== undefined && String(current) === String(wanted);
    this.quill.format(name, off ? false : wanted, 'api');
  }

  insertDivider(): void {
    const range = this.quill.getSelection(true);
    this.quill.deleteText(range.index, range.length, 'api');
    this.quill.insertEmbed(range.index, 'divider', true, 'api');
    this.quill.setSelection(range.index + 1, 0, 'silent');
  }

  insertImage(image: EditorImage): void {
    const range = this.quill.getSelection(true);
    const attributes: Record<string, string> = {};
    if (image.alt) attributes['alt'] = image.alt;
    if (image.width) attributes['width'] = image.width;
    if (image.height) attributes['height'] = image.height;
    if (image.extClass) attributes['class'] = image.extClass;
    if (image.custom) attributes['data-custom'] = image.custom;
    const change = new Delta().retain(range.index).delete(range.length).insert({ image: image.src }, attributes);
    // nowrap false (WeChat's default): the image ends its line, which keeps its own formats (a heading stays one)
    if (!image.nowrap) change.insert('\n', this.lineFormats(range.index));
    this.quill.updateContents(change, 'api');
    this.quill.setSelection(range.index + (image.nowrap ? 1 : 2), 0, 'silent');
  }

  /** the block formats (header, list, align...) of the line at `index` */
  private lineFormats(index: number): Record<string, unknown> {
    const [line] = this.quill.getLine(index);
    return line ? (line.formats() as Record<string, unknown>) : {};
  }

  insertText(text: string): void {
    const range = this.quill.getSelection(true);
    this.quill.updateContents(new Delta().retain(range.index).delete(range.length).insert(text), 'api');
    this.quill.setSelection(range.index + text.length, 0, 'silent');
  }

  setDelta(delta: unknown): void {
    this.quill.setContents(new Delta(delta as ConstructorParameters<typeof Delta>[0]), 'api');
  }

  setHtml(html: string): void {
    this.quill.setContents(this.quill.clipboard.convert({ html }), 'api');
  }

  clear(): void {
    this.quill.setContents(new Delta(), 'api');
  }

  removeFormat(): void {
    const range = this.quill.getSelection(true);
    if (range.length > 0) {
      this.quill.removeFormat(range.index, range.length, 'api');
      return;
    }
    // a cursor: what would be typed next, and its line, lose their formats
    for (const name of Object.keys(this.quill.getFormat(range))) this.quill.format(name, false, 'api');
  }

  undo(): void {
    this.quill.history.undo();
  }

  redo(): void {
    this.quill.history.redo();
  }

  blur(): void {
    this.quill.blur();
  }

  scrollIntoView(): void {
    this.quill.scrollSelectionIntoView();
  }

  selectionText(): string {
    const range = this.quill.getSelection();
    return range && range.length > 0 ? this.quill.getText(range.index, range.length) : '';
  }
}

registerEditorFormats();

const factory: EditorEngineFactory = {
  create(container, options, events) {
    installCss(container.ownerDocument);
    return new QuillEngine(container, options, events);
  },
};

(globalThis as unknown as Record<string, unknown>)[EDITOR_ENGINE_GLOBAL] = factory;
