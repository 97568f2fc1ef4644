import { describe, expect, it } from 'vitest';
import type { ModuleFactory } from '../../../miniprogram/logic/bundle';
import { fontSourceUrl } from '../../../miniprogram/view/font-face';
import { settle, startApp } from './support/harness';

const page: ModuleFactory = (_r, _m, _e, _wx, _A, Page) => (Page as (d: unknown) => void)({});

describe('wx.loadFontFace (logic/font-face.ts)', () => {
  it('canIUse knows it; the view loads the font and its answer is the result: status "loaded" or status "error"', async () => {
    const { runtime, view, wx } = startApp({ wxml: { 'pages/index/index': '<view/>' }, js: { 'pages/index/index.js': page } });
    await settle();
    expect((runtime.wx['canIUse'] as (s: string) => boolean)('loadFontFace')).toBe(true);
    const loaded = wx.loadFontFace!({ family: 'Box', source: 'url("/fonts/box.ttf")', desc: { weight: 'bold' }, global: true });
    const results: unknown[] = [];
    wx.loadFontFace!({ family: 'Gone', source: 'url("/fonts/gone.ttf")', fail: (r: unknown) => results.push(['fail', r]), complete: (r: unknown) => results.push(['complete', r]) } as never);
    await settle();
    const calls = view.others.filter((m) => m.t === 'viewCall' && m.api === '__loadFontFace') as Array<{ id: number; params: unknown }>;
    expect(calls.map((c) => c.params)).toEqual([
      { family: 'Box', source: 'url("/fonts/box.ttf")', desc: { weight: 'bold' } },
      { family: 'Gone', source: 'url("/fonts/gone.ttf")', desc: undefined },
    ]);
    runtime.receive({ t: 'viewReply', id: calls[0]!.id, ok: true, result: { status: 'loaded', errMsg: 'loadFontFace:ok' } });
    const fail = { status: 'error', errMsg: 'loadFontFace:fail A network error occurred.' };
    runtime.receive({ t: 'viewReply', id: calls[1]!.id, ok: false, result: fail });
    await expect(loaded).resolves.toEqual({ status: 'loaded', errMsg: 'loadFontFace:ok' });
    await settle();
    expect(results).toEqual([['fail', fail], ['complete', fail]]);
  });

  it('family and source are required strings (WeChat\'s parameter error), checked before the view is asked', async () => {
    const { view, wx } = startApp({ wxml: { 'pages/index/index': '<view/>' }, js: { 'pages/index/index.js': page } });
    await settle();
    await expect(wx.loadFontFace!({ source: 'url("/a.ttf")' })).rejects.toEqual({ errMsg: 'loadFontFace:fail parameter error: parameter.family should be String instead of Undefined;' });
    await expect(wx.loadFontFace!({ family: 'A', source: 3 })).rejects.toEqual({ errMsg: 'loadFontFace:fail parameter error: parameter.source should be String instead of Number;' });
    expect(view.others.some((m) => m.t === 'viewCall' && m.api === '__loadFontFace')).toBe(false);
  });

  it('the view reads the address out of url("..."), url(\'...\'), url(...) or a bare address', () => {
    expect(fontSourceUrl('url("https://cdn.example/a.woff")')).toBe('https://cdn.example/a.woff');
    expect(fontSourceUrl(" url( '/fonts/a.ttf' ) ")).toBe('/fonts/a.ttf');
    expect(fontSourceUrl('url(data:font/ttf;base64,AAEA)')).toBe('data:font/ttf;base64,AAEA');
    expect(fontSourceUrl('fonts/a.ttf')).toBe('fonts/a.ttf');
  });
});
