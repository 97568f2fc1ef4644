import { describe, expect, test } from 'vitest';
import type { ModuleFactory } from '../../../miniprogram/logic/bundle';
import { settle, startApp } from './support/harness';

/** A page module that records its lifecycle into the shared log, as `<route> <hook>` */
function loggingPage(log: string[], name: string): ModuleFactory {
  return (_require, _module, _exports, _wx, _App, Page) => {
    const hook = (h: string) =>
      function (this: unknown, arg?: unknown) {
        log.push(h === 'onLoad' || h === 'onTabItemTap' ? `${name} ${h} ${JSON.stringify(arg)}` : `${name} ${h}`);
      };
    (Page as (d: unknown) => void)({
      onLoad: hook('onLoad'),
      onShow: hook('onShow'),
      onReady: hook('onReady'),
      onHide: hook('onHide'),
      onUnload: hook('onUnload'),
      onTabItemTap: hook('onTabItemTap'),
    });
  };
}

function lifecycleApp() {
  const log: string[] = [];
  const routes = ['pages/a/a', 'pages/b/b', 'pages/c/c', 'pages/t1/t1', 'pages/t2/t2'];
  const wxml: Record<string, string> = {};
  const js: Record<string, ModuleFactory> = {
    'app.js': (_r, _m, _e, _wx, App) =>
      (App as (d: unknown) => void)({
        onLaunch: (o: { path: string; query: unknown }) => log.push(`App onLaunch ${o.path} ${JSON.stringify(o.query)}`),
        onShow: () => log.push('App onShow'),
        onHide: () => log.push('App onHide'),
      }),
  };
  for (const r of routes) {
    const name = r.split('/')[1]!.toUpperCase();
    wxml[r] = `<view>${name}</view>`;
    js[`${r}.js`] = loggingPage(log, name);
  }
  const app = startApp({
    app: { pages: routes, tabBar: { list: [{ pagePath: 'pages/t1/t1', text: 'One' }, { pagePath: 'pages/t2/t2', text: 'Two' }] } },
    wxml,
    js,
  });
  return { ...app, log };
}

describe('lifecycle order (WeChat documented)', () => {
  test('launch: App onLaunch -> App onShow -> page onLoad(query) -> onShow -> onReady after the first render', async () => {
    const { log, view } = lifecycleApp();
    await settle();
    expect(log).toEqual(['App onLaunch pages/a/a {}', 'App onShow', 'A onLoad {}', 'A onShow', 'A onReady']);
    expect(view.html()).toBe('<page><view>A</view></page>');
  });

  test('onReady waits for the view to commit the first render', async () => {
    const { log, view } = lifecycleApp();
    view.autoCommit = false;
    await settle();
    expect(log).not.toContain('A onReady');
    view.release();
    await settle();
    expect(log).toContain('A onReady');
  });

  test('navigateTo with a query, then navigateBack', async () => {
    const { log, wx, view } = lifecycleApp();
    await settle();
    log.length = 0;
    await wx.navigateTo({ url: '/pages/b/b?id=7&name=x' });
    await settle();
    expect(log).toEqual(['A onHide', 'B onLoad {"id":"7","name":"x"}', 'B onShow', 'B onReady']);
    expect(view.visibleRoute()).toBe('pages/b/b');
    log.length = 0;
    await wx.navigateBack();
    await settle();
    expect(log).toEqual(['B onUnload', 'A onShow']);
    expect(view.visibleRoute()).toBe('pages/a/a');
    expect(view.html()).toBe('<page><view>A</view></page>');
  });

  test('navigateBack with delta closes several pages, top first', async () => {
    const { log, wx } = lifecycleApp();
    await wx.navigateTo({ url: '../b/b' });
    await wx.navigateTo({ url: '/pages/c/c' });
    await settle();
    log.length = 0;
    await wx.navigateBack({ delta: 5 });
    expect(log).toEqual(['C onUnload', 'B onUnload', 'A onShow']);
  });

  test('redirectTo unloads the current page first', async () => {
    const { log, wx } = lifecycleApp();
    await settle();
    log.length = 0;
    await wx.redirectTo({ url: '/pages/b/b' });
    await settle();
    expect(log).toEqual(['A onUnload', 'B onLoad {}', 'B onShow', 'B onReady']);
  });

  test('switchTab closes non-tab pages, keeps tab pages alive and hidden', async () => {
    const { log, wx, runtime } = lifecycleApp();
    await wx.navigateTo({ url: '/pages/b/b' });
    await settle();
    log.length = 0;
    await wx.switchTab({ url: '/pages/t1/t1' });
    await settle();
    expect(log).toEqual(['B onUnload', 'A onUnload', 'T1 onLoad {}', 'T1 onShow', 'T1 onReady']);
    log.length = 0;
    await wx.switchTab({ url: '/pages/t2/t2' });
    await settle();
    expect(log).toEqual(['T1 onHide', 'T2 onLoad {}', 'T2 onShow', 'T2 onReady']);
    log.length = 0;
    await wx.switchTab({ url: '/pages/t1/t1' });
    expect(log).toEqual(['T2 onHide', 'T1 onShow']);
    expect(runtime.router.stack.map((p) => p.route)).toEqual(['pages/t1/t1']);
  });

  test("a tap on the tab bar calls onTabItemTap {index, pagePath, text} on the tapped tab's page once it is shown, also when it already is; wx.switchTab does not", async () => {
    const { log, wx, runtime, view } = lifecycleApp();
    await wx.switchTab({ url: '/pages/t1/t1' });
    await settle();
    expect(log.filter((e) => e.includes('onTabItemTap'))).toEqual([]);
    log.length = 0;
    // what the view's tab bar sends (its text as shown: setTabBarItem may have changed it); the view
    // acknowledges the first render later, from another thread, as a real view does
    view.autoCommit = false;
    runtime.receive({ t: 'navigate', openType: 'switchTab', url: '/pages/t2/t2', tab: { index: 1, text: 'Two!' } });
    await settle();
    view.release();
    await settle();
    expect(log).toEqual(['T1 onHide', 'T2 onLoad {}', 'T2 onShow', 'T2 onTabItemTap {"index":1,"pagePath":"pages/t2/t2","text":"Two!"}', 'T2 onReady']);
    log.length = 0;
    runtime.receive({ t: 'navigate', openType: 'switchTab', url: '/pages/t2/t2', tab: { index: 1, text: 'Two' } });
    await settle();
    expect(log).toEqual(['T2 onTabItemTap {"index":1,"pagePath":"pages/t2/t2","text":"Two"}']);
  });

  test('reLaunch unloads every page, hidden tab pages included', async () => {
    const { log, wx } = lifecycleApp();
    await wx.switchTab({ url: '/pages/t1/t1' });
    await wx.switchTab({ url: '/pages/t2/t2' });
    await wx.navigateTo({ url: '/pages/b/b' });
    await settle();
    log.length = 0;
    await wx.reLaunch({ url: '/pages/c/c?from=relaunch' });
    await settle();
    expect(log).toEqual(['B onUnload', 'T2 onUnload', 'T1 onUnload', 'C onLoad {"from":"relaunch"}', 'C onShow', 'C onReady']);
  });

  test('app hide and show from the host: page onHide then App onHide; App onShow then page onShow', async () => {
    const { log, host } = lifecycleApp();
    await settle();
    log.length = 0;
    host.emit('appHide');
    host.emit('appShow', { scene: 1001 });
    expect(log).toEqual(['A onHide', 'App onHide', 'App onShow', 'A onShow']);
  });
});

test('getCurrentPages() includes the page being loaded, top last, each with its route and options', async () => {
  const seen: string[] = [];
  const page = (name: string): ModuleFactory => (_r, _m, _e, _wx, _A, Page, _C, _B, _g, getCurrentPages) =>
    (Page as (d: unknown) => void)({
      onLoad() {
        const pages = (getCurrentPages as () => Array<{ route: string; options: unknown }>)();
        seen.push(`${name}: ${pages.map((p) => `${p.route} ${JSON.stringify(p.options)}`).join(', ')}`);
      },
    });
  const { wx } = startApp({ app: { pages: ['pages/a/a', 'pages/b/b'] }, wxml: { 'pages/a/a': '<view/>', 'pages/b/b': '<view/>' }, js: { 'pages/a/a.js': page('a'), 'pages/b/b.js': page('b') } });
  await wx.navigateTo({ url: '/pages/b/b?k=v' });
  expect(seen).toEqual(['a: pages/a/a {}', 'b: pages/a/a {}, pages/b/b {"k":"v"}']);
});

test('navigateTo events: the opened page and its opener talk over the EventChannel both ways', async () => {
  const seen: string[] = [];
  type Channel = { on(n: string, f: (d: unknown) => void): void; emit(n: string, d: unknown): void };
  const { wx } = startApp({
    app: { pages: ['pages/a/a', 'pages/b/b'] },
    wxml: { 'pages/a/a': '<view/>', 'pages/b/b': '<view/>' },
    js: {
      'pages/a/a.js': (_r, _m, _e, _wx, _A, Page) => (Page as (d: unknown) => void)({}),
      'pages/b/b.js': (_r, _m, _e, _wx, _A, Page) =>
        (Page as (d: unknown) => void)({
          onLoad(this: { getOpenerEventChannel(): Channel }) {
            const channel = this.getOpenerEventChannel();
            channel.on('fromOpener', (d) => seen.push(`b got ${JSON.stringify(d)}`));
            channel.emit('fromOpened', { ready: true });
          },
        }),
    },
  });
  const res = (await wx.navigateTo({ url: '/pages/b/b', events: { fromOpened: (d: unknown) => seen.push(`a got ${JSON.stringify(d)}`) } })) as { errMsg: string; eventChannel: Channel };
  expect(res.errMsg).toBe('navigateTo:ok');
  res.eventChannel.emit('fromOpener', { n: 1 });
  expect(seen).toEqual(['a got {"ready":true}', 'b got {"n":1}']);
});

describe('routing errors (WeChat errMsg)', () => {
  test('the 11th page fails with webview count limit exceed', async () => {
    const { wx, runtime } = lifecycleApp();
    for (let i = 0; i < 9; i++) await wx.navigateTo({ url: i % 2 ? '/pages/b/b' : '/pages/c/c' });
    expect(runtime.router.stack).toHaveLength(10);
    await expect(wx.navigateTo({ url: '/pages/b/b' })).rejects.toEqual({ errMsg: 'navigateTo:fail webview count limit exceed' });
    expect(runtime.router.stack).toHaveLength(10);
  });

  test('unknown pages, tab pages and the first page', async () => {
    const { wx } = lifecycleApp();
    await expect(wx.navigateTo({ url: '/pages/nope/nope' })).rejects.toEqual({ errMsg: 'navigateTo:fail page "pages/nope/nope" is not found' });
    await expect(wx.navigateTo({ url: '/pages/t1/t1' })).rejects.toEqual({ errMsg: 'navigateTo:fail can not navigateTo a tabbar page' });
    await expect(wx.redirectTo({ url: '/pages/t1/t1' })).rejects.toEqual({ errMsg: 'redirectTo:fail can not redirectTo a tabbar page' });
    await expect(wx.switchTab({ url: '/pages/b/b' })).rejects.toEqual({ errMsg: 'switchTab:fail can not switch to no-tabBar page' });
    await expect(wx.reLaunch({ url: '/pages/x' })).rejects.toEqual({ errMsg: 'reLaunch:fail page "pages/x" is not found' });
    await expect(wx.navigateBack()).rejects.toEqual({ errMsg: 'navigateBack:fail cannot navigate back at first page.' });
    await expect(wx.navigateTo({})).rejects.toEqual({ errMsg: 'navigateTo:fail parameter error: parameter.url should be String instead of Undefined;' });
  });

  test('callback style: success then complete, asynchronously', async () => {
    const { wx } = lifecycleApp();
    const seen: string[] = [];
    const ret = (wx.navigateTo as (o: unknown) => unknown)({
      url: '/pages/b/b',
      success: (r: { errMsg: string }) => seen.push(`success ${r.errMsg}`),
      complete: (r: { errMsg: string }) => seen.push(`complete ${r.errMsg}`),
    });
    expect(ret).toBeUndefined();
    expect(seen).toEqual([]);
    await settle();
    expect(seen).toEqual(['success navigateTo:ok', 'complete navigateTo:ok']);
  });
});
