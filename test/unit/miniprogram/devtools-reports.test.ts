import { describe, expect, test } from 'vitest';
import type { ModuleFactory } from '../../../miniprogram/logic/bundle';
import type { DevReport } from '../../../core/contracts/devtools';
import { DevtoolsFrame } from '../../../core/contracts/devtools';
import { settle, startApp } from './support/harness';

type Fn = (...args: unknown[]) => unknown;
const reportsOf = (others: ReadonlyArray<{ t: string }>): DevReport[] => others.filter((m): m is { t: 'devtools'; report: DevReport } => m.t === 'devtools').map((m) => m.report);

function inspectApp(options: { app?: (App: Fn, wx: Record<string, Fn>, log: string[]) => void; launch?: { path?: string; query?: Record<string, string> }; lines?: Record<string, number> } = {}) {
  const log: string[] = [];
  const js: Record<string, ModuleFactory> = {
    'app.js': (_r, _m, _e, wx, App) => {
      if (options.app) options.app(App as Fn, wx as Record<string, Fn>, log);
      else (App as Fn)({});
    },
    'pages/a/a.js': (_r, _m, _e, _wx, _App, Page) =>
      (Page as Fn)({
        data: { n: 0, list: [1, 2] },
        bump(this: { setData: Fn; data: { n: number } }) {
          this.setData({ n: this.data.n + 1, 'list[1]': 'x' });
        },
      }),
    'pages/b/b.js': (_r, _m, _e, _wx, _App, Page) => (Page as Fn)({}),
    'pages/c/c.js': (_r, _m, _e, _wx, _App, Page) => (Page as Fn)({ onLoad(this: { setData: Fn }, q: unknown) { log.push(`c.onLoad ${JSON.stringify(q)}`); } }),
  };
  const app = startApp(
    { ...(options.lines ? { lines: options.lines } : {}), app: { pages: ['pages/a/a', 'pages/b/b', 'pages/c/c'] }, wxml: { 'pages/a/a': '<view id="n" bindtap="bump">{{n}}</view>', 'pages/b/b': '<view>B</view>', 'pages/c/c': '<view>C</view>' }, js },
    options.launch ? { launch: options.launch } : {},
  );
  return { ...app, log };
}

describe('inspector reports from the logic layer', () => {
  test('the page stack after launch, navigateTo and navigateBack: one report per navigation, with each query', async () => {
    const { view, wx } = inspectApp();
    await settle();
    await wx.navigateTo({ url: '/pages/b/b?id=7&from=a' });
    await settle();
    await wx.navigateBack();
    await settle();
    const stacks = reportsOf(view.others).filter((r) => r.kind === 'pageStack').map((r) => (r.kind === 'pageStack' ? r.pages : []));
    expect(stacks).toEqual([
      [{ route: 'pages/a/a', query: {} }],
      [{ route: 'pages/a/a', query: {} }, { route: 'pages/b/b', query: { id: '7', from: 'a' } }],
      [{ route: 'pages/a/a', query: {} }],
    ]);
  });

  test('a setData: the page, its keys, its JSON size in bytes, and a commit time once the view acknowledged it', async () => {
    const { view, tap } = inspectApp();
    await settle();
    view.others.length = 0;
    view.autoCommit = false;
    tap('n');
    await settle();
    expect(reportsOf(view.others).filter((r) => r.kind === 'setData')).toEqual([]);
    view.release();
    await settle();
    const rows = reportsOf(view.others).filter((r) => r.kind === 'setData');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'setData', target: 'pages/a/a', targetKind: 'page', keys: ['n', 'list[1]'], keyCount: 2, bytes: 21, preview: '{"n":1,"list[1]":"x"}' });
    // every report is what the host accepts
    expect(DevtoolsFrame.safeParse({ v: 1, devtools: reportsOf(view.others) }).success).toBe(true);
  });
});

describe('wx.onUnhandledRejection and App.onUnhandledRejection', () => {
  test('both get { reason, promise } (App first), onError does not, and the inspector gets a rejection', async () => {
    const promise = Promise.resolve();
    const reason = new Error('nobody caught me');
    const seen: unknown[] = [];
    const { runtime, view, log } = inspectApp({
      app: (App, wx, log) => {
        wx.onUnhandledRejection!((res: unknown) => seen.push(['wx', res]));
        App({ onUnhandledRejection: (res: unknown) => seen.push(['App', res]), onError: (m: string) => log.push(`onError ${m}`) });
      },
    });
    await settle();
    runtime.reportRejection(reason, promise);
    expect(seen).toEqual([
      ['App', { reason, promise }],
      ['wx', { reason, promise }],
    ]);
    expect(log).toEqual([]);
    const report = reportsOf(view.others).find((r) => r.kind === 'rejection');
    expect(report).toMatchObject({ kind: 'rejection', message: 'Error: nobody caught me', route: 'pages/a/a' });
  });

  test('wx.offUnhandledRejection(listener) removes that listener, without one removes all; a non-function is a TypeError', async () => {
    const seen: string[] = [];
    const { runtime, wx } = inspectApp();
    await settle();
    const w = wx as unknown as Record<string, Fn>;
    const a = () => seen.push('a');
    const b = () => seen.push('b');
    w.onUnhandledRejection!(a);
    w.onUnhandledRejection!(b);
    w.offUnhandledRejection!(a);
    runtime.reportRejection('x', Promise.resolve());
    w.offUnhandledRejection!();
    runtime.reportRejection('y', Promise.resolve());
    expect(seen).toEqual(['b']);
    expect(() => w.onUnhandledRejection!('nope')).toThrow('wx.onUnhandledRejection: listener must be a function');
  });
});

describe('onPageNotFound (a launch on a page the package does not have)', () => {
  const missing = { path: 'pages/gone/gone', query: { a: '1' } };

  test('App.onPageNotFound then wx.onPageNotFound get { path, query, isEntryPage: true } after onLaunch and onShow; a redirect in it opens', async () => {
    const { view, log } = inspectApp({
      launch: missing,
      app: (App, wx, log) => {
        wx.onPageNotFound!((res: unknown) => log.push(`wx ${JSON.stringify(res)}`));
        App({
          onLaunch: (o: { path: string }) => log.push(`onLaunch ${o.path}`),
          onShow: () => log.push('onShow'),
          onPageNotFound(res: { path: string }) {
            log.push(`App ${JSON.stringify(res)}`);
            wx.redirectTo!({ url: `/pages/c/c?from=${res.path}` });
          },
        });
      },
    });
    await settle();
    const res = '{"path":"pages/gone/gone","query":{"a":"1"},"isEntryPage":true}';
    expect(log).toEqual(['onLaunch pages/gone/gone', 'onShow', `App ${res}`, `wx ${res}`, 'c.onLoad {"from":"pages/gone/gone"}']);
    expect(view.visibleRoute()).toBe('pages/c/c');
    expect(view.others.filter((m) => m.t === 'pageNotFound')).toEqual([]);
  });

  test('without a listener the runtime shows its "page not found" page and the stack is empty', async () => {
    const { view, runtime } = inspectApp({ launch: missing });
    await settle();
    expect(view.others.filter((m) => m.t === 'pageNotFound')).toEqual([{ t: 'pageNotFound', path: 'pages/gone/gone' }]);
    expect(runtime.router.stack).toEqual([]);
    const stacks = reportsOf(view.others).filter((r) => r.kind === 'pageStack');
    expect(stacks.at(-1)).toMatchObject({ pages: [] });
  });

  test('a redirect made later (setTimeout) is not waited for; a redirect to another missing page shows the page, with no second call', async () => {
    const late = inspectApp({
      launch: missing,
      app: (App, wx, log) => App({ onPageNotFound: () => { log.push('called'); setTimeout(() => void wx.redirectTo!({ url: '/pages/c/c' }), 0); } }),
    });
    expect(late.view.others.filter((m) => m.t === 'pageNotFound')).toHaveLength(1);
    const again = inspectApp({
      launch: missing,
      app: (App, wx, log) => App({ onPageNotFound: () => { log.push('called'); (wx.redirectTo!({ url: '/pages/also-gone/x' }) as Promise<unknown>).catch((f: { errMsg: string }) => log.push(f.errMsg)); } }),
    });
    await settle();
    expect(again.log).toEqual(['called', 'redirectTo:fail page "pages/also-gone/x" is not found']);
    expect(again.view.others.filter((m) => m.t === 'pageNotFound')).toEqual([{ t: 'pageNotFound', path: 'pages/gone/gone' }]);
  });

  test('a launch path that exists opens that page with its query', async () => {
    const { log, view } = inspectApp({ launch: { path: 'pages/c/c', query: { x: '2' } } });
    await settle();
    expect(log).toEqual(['c.onLoad {"x":"2"}']);
    expect(view.visibleRoute()).toBe('pages/c/c');
  });
});

describe('exceptions in page code', () => {
  test('the inspector gets the message, the package file:line:col and a stack written in package files', async () => {
    // logic.js line 10 is line 1 of pages/a/a.js
    const { runtime, view } = inspectApp({ lines: { 'app.js': 2, 'pages/a/a.js': 10 } });
    await settle();
    const error = new Error('boom');
    error.stack = 'Error: boom\n    at Object.tap (http://x.localhost/__wx/app/logic.js:12:9)\n    at run (http://x.localhost/__wx/runtime/logic.js:1:200)';
    runtime.reportError(error);
    expect(reportsOf(view.others).find((r) => r.kind === 'exception')).toEqual({
      kind: 'exception',
      at: expect.any(Number),
      message: 'Error: boom',
      where: 'pages/a/a.js:3:9',
      stack: 'Error: boom\n    at Object.tap (pages/a/a.js:3:9)\n    at run (http://x.localhost/__wx/runtime/logic.js:1:200)',
      route: 'pages/a/a',
    });
  });
});
