import { describe, expect, it } from 'vitest';
import type { ModuleFactory } from '../../../miniprogram/logic/bundle';
import type { ToView } from '../../../miniprogram/protocol';
import { settle, startApp } from './support/harness';

/**
 * The EditorContext a SelectorQuery gives for an <editor> (logic/editor-context.ts): which `__editor` view
 * calls its methods send to which node, how the view's answer reaches success / fail / complete, and the
 * arguments refused before anything is sent, with WeChat's errMsg.
 */

const page = (def: Record<string, unknown>): ModuleFactory => (_r, _m, _e, _wx, _A, Page) => (Page as (d: unknown) => void)(def);

type Query = { select(s: string): { context(cb?: (r: unknown) => void): Query }; exec(cb?: (res: unknown[]) => void): void };
type Ctx = Record<string, (...args: unknown[]) => void>;
type ViewCallMessage = Extract<ToView, { t: 'viewCall' }>;

async function editorPage() {
  const app = startApp({ wxml: { 'pages/index/index': '<editor id="e" placeholder="Write" /><view id="v" />' }, js: { 'pages/index/index.js': page({}) } });
  await settle();
  const contextOf = async (selector: string): Promise<unknown> => {
    const query = (app.wx as unknown as { createSelectorQuery(): Query }).createSelectorQuery();
    const results = await new Promise<unknown[]>((resolve) => query.select(selector).context().exec(resolve));
    await settle();
    return (results[0] as { context: unknown }).context;
  };
  const editorCalls = (): ViewCallMessage[] => app.view.others.filter((m): m is ViewCallMessage => m.t === 'viewCall' && m.api === '__editor');
  return { ...app, contextOf, editorCalls };
}

/** success / fail / complete recorders, in the order they ran */
function recorder() {
  const calls: Array<[string, unknown]> = [];
  return {
    calls,
    options: { success: (r: unknown) => calls.push(['success', r]), fail: (r: unknown) => calls.push(['fail', r]), complete: (r: unknown) => calls.push(['complete', r]) },
  };
}

describe('EditorContext from SelectorQuery .context()', () => {
  it("is an EditorContext for an <editor> (the same one each time), null for other elements", async () => {
    const { contextOf } = await editorPage();
    const ctx = (await contextOf('#e')) as Ctx;
    for (const method of ['format', 'insertDivider', 'insertImage', 'insertText', 'setContents', 'getContents', 'getSelectionText', 'clear', 'removeFormat', 'undo', 'redo', 'blur', 'scrollIntoView']) {
      expect(typeof ctx[method], method).toBe('function');
    }
    expect(await contextOf('#e')).toBe(ctx);
    expect(await contextOf('#v')).toBeNull();
  });

  it("sends each method to the editor's node with WeChat's arguments, callbacks kept in the logic layer", async () => {
    const { contextOf, editorCalls, view } = await editorPage();
    const ctx = (await contextOf('#e')) as Ctx;
    ctx['format']!('header', 'H2');
    ctx['format']!('bold');
    ctx['insertText']!({ text: 'hi', success: () => undefined });
    ctx['insertImage']!({ src: '/a.png', width: '40px', data: { id: 1 } });
    ctx['setContents']!({ html: '<p>x</p>' });
    ctx['getContents']!({ complete: () => undefined });
    ctx['undo']!();
    const node = view.findById('e');
    expect(node).toBeTypeOf('number');
    expect(editorCalls().map((m) => m.params)).toEqual([
      { node, method: 'format', name: 'header', value: 'H2' },
      { node, method: 'format', name: 'bold' },
      { node, method: 'insertText', text: 'hi' },
      { node, method: 'insertImage', src: '/a.png', width: '40px', data: { id: 1 } },
      { node, method: 'setContents', html: '<p>x</p>' },
      { node, method: 'getContents' },
      { node, method: 'undo' },
    ]);
  });

  it("hands the view's answer to success then complete (getContents' html, text, delta), and a failure to fail then complete", async () => {
    const { contextOf, editorCalls, runtime } = await editorPage();
    const ctx = (await contextOf('#e')) as Ctx;
    const got = recorder();
    ctx['getContents']!(got.options);
    const answer = { html: '<p>hi</p>', text: 'hi\n', delta: { ops: [{ insert: 'hi\n' }] }, errMsg: 'getContents:ok' };
    runtime.receive({ t: 'viewReply', id: editorCalls().at(-1)!.id, ok: true, result: answer });
    await settle();
    expect(got.calls).toEqual([
      ['success', answer],
      ['complete', answer],
    ]);

    const failed = recorder();
    ctx['undo']!(failed.options);
    runtime.receive({ t: 'viewReply', id: editorCalls().at(-1)!.id, ok: false, result: { errMsg: 'undo:fail the editor is not on the page' } });
    await settle();
    expect(failed.calls.map(([name]) => name)).toEqual(['fail', 'complete']);
    expect(failed.calls[0]![1]).toEqual({ errMsg: 'undo:fail the editor is not on the page' });
  });

  it('refuses arguments of the wrong type with WeChat parameter errors and sends nothing', async () => {
    const { contextOf, editorCalls } = await editorPage();
    const ctx = (await contextOf('#e')) as Ctx;
    const noSrc = recorder();
    const badDelta = recorder();
    const badHtml = recorder();
    const badText = recorder();
    ctx['insertImage']!(noSrc.options);
    ctx['setContents']!({ delta: 'ops', ...badDelta.options });
    ctx['setContents']!({ html: 12, ...badHtml.options });
    ctx['insertText']!({ text: ['a'], ...badText.options });
    // answered after the caller's task, like every wx callback
    expect(noSrc.calls).toEqual([]);
    await settle();
    expect(noSrc.calls).toEqual([
      ['fail', { errMsg: 'insertImage:fail parameter error: parameter.src should be String instead of Undefined;' }],
      ['complete', { errMsg: 'insertImage:fail parameter error: parameter.src should be String instead of Undefined;' }],
    ]);
    expect(badDelta.calls[0]).toEqual(['fail', { errMsg: 'setContents:fail parameter error: parameter.delta should be Object instead of String;' }]);
    expect(badHtml.calls[0]).toEqual(['fail', { errMsg: 'setContents:fail parameter error: parameter.html should be String instead of Number;' }]);
    expect(badText.calls[0]).toEqual(['fail', { errMsg: 'insertText:fail parameter error: parameter.text should be String instead of Array;' }]);
    expect(editorCalls()).toEqual([]);
  });

  it('canIUse knows the editor component', async () => {
    const { wx } = await editorPage();
    expect((wx as unknown as { canIUse(s: string): boolean }).canIUse('editor.read-only')).toBe(true);
  });
});
