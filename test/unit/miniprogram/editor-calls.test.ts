import { describe, expect, it } from 'vitest';
import { runEditorMethod, type EditorHandle } from '../../../miniprogram/view/components/editor-calls';
import type { EditorEngine } from '../../../miniprogram/view/components/editor-engine-api';

/**
 * The view's side of EditorContext (view/components/editor-calls.ts) on a recording engine: how each method's
 * arguments reach Quill (insertImage's src resolved from the page, `data` as WeChat's data-custom string; delta
 * winning over html), WeChat's result objects, and statuschange after the format methods. (setContents' HTML
 * sanitising needs a browser: test/web/wechat-editor.spec.ts.)
 */

function recordingEngine() {
  const calls: Array<[string, ...unknown[]]> = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
    };
  const engine: EditorEngine = {
    contents: () => ({ html: '<p>a</p>', text: 'a\n', delta: { ops: [{ insert: 'a\n' }] } }),
    formats: () => ({ bold: true }),
    setPlaceholder: record('setPlaceholder'),
    setReadOnly: record('setReadOnly'),
    format: record('format'),
    insertDivider: record('insertDivider'),
    insertImage: record('insertImage'),
    insertText: record('insertText'),
    setDelta: record('setDelta'),
    setHtml: record('setHtml'),
    clear: record('clear'),
    removeFormat: record('removeFormat'),
    undo: record('undo'),
    redo: record('redo'),
    blur: record('blur'),
    scrollIntoView: record('scrollIntoView'),
    selectionText: () => 'picked',
  };
  let statusChanges = 0;
  const handle: EditorHandle = {
    engine: async () => engine,
    resolveUrl: (path) => (path.startsWith('/') || /^[a-z]+:/.test(path) ? path : `/pages/index/${path}`),
    formatsChanged: () => void statusChanges++,
  };
  const run = (method: string, params: Record<string, unknown> = {}) => runEditorMethod(engine, handle, undefined as unknown as Document, method, params);
  return { calls, run, statusChanges: () => statusChanges };
}

describe('the __editor view call', () => {
  it("answers with WeChat's result objects", () => {
    const { run } = recordingEngine();
    expect(run('getContents')).toEqual({ ok: true, result: { html: '<p>a</p>', text: 'a\n', delta: { ops: [{ insert: 'a\n' }] }, errMsg: 'getContents:ok' } });
    expect(run('getSelectionText')).toEqual({ ok: true, result: { text: 'picked', errMsg: 'getSelectionText:ok' } });
    expect(run('clear')).toEqual({ ok: true, result: { errMsg: 'clear:ok' } });
    expect(run('insertCustomBlock')).toEqual({ ok: false, result: { errMsg: 'insertCustomBlock:fail not supported' } });
  });

  it('format and removeFormat report statuschange; other methods do not', () => {
    const { calls, run, statusChanges } = recordingEngine();
    run('format', { name: 'header', value: 'H2' });
    run('removeFormat');
    run('insertText', { text: 'x' });
    expect(calls).toEqual([['format', 'header', 'H2'], ['removeFormat'], ['insertText', 'x']]);
    expect(statusChanges()).toBe(2);
  });

  it("insertImage: src from the page's package, data as name=value;name1=value2, nowrap only when true", () => {
    const { calls, run } = recordingEngine();
    run('insertImage', { src: 'pic.png', width: '50%', height: 80, alt: 'A', extClass: 'round', data: { id: 3, role: 'cover' } });
    run('insertImage', { src: 'https://example.com/a.png', nowrap: true });
    expect(calls).toEqual([
      ['insertImage', { src: '/pages/index/pic.png', width: '50%', height: '80', alt: 'A', extClass: 'round', custom: 'id=3;role=cover', nowrap: false }],
      ['insertImage', { src: 'https://example.com/a.png', width: undefined, height: undefined, alt: undefined, extClass: undefined, custom: undefined, nowrap: true }],
    ]);
  });

  it('setContents uses delta when both delta and html are given', () => {
    const { calls, run } = recordingEngine();
    const delta = { ops: [{ insert: 'd\n' }] };
    expect(run('setContents', { delta, html: '<p>h</p>' })).toEqual({ ok: true, result: { errMsg: 'setContents:ok' } });
    expect(calls).toEqual([['setDelta', delta]]);
  });
});
