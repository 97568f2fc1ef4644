import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ModuleFactory } from '../../../miniprogram/logic/bundle';
import { Op, type PageWindow, type RenderOp } from '../../../miniprogram/protocol';
import { cacheBuild, MAX_CACHED_PAGES, MAX_ENTRY_CHARS, RenderingCacheStore, sanitizeCachedNode, type CacheStorage, type CachedNode } from '../../../miniprogram/view/rendering-cache';
import { wechatViewPage } from '../../../core/wechat/view-page';
import { settle, startApp } from './support/harness';
import { ViewTree } from './support/view-tree';

/** localStorage's behaviour over a Map, with a switch to make every call throw (storage disabled, quota full) */
class MemoryStorage implements CacheStorage {
  readonly items = new Map<string, string>();
  failing = false;
  getItem(key: string): string | null {
    if (this.failing) throw new Error('SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failing) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    if (this.failing) throw new Error('SecurityError');
    this.items.delete(key);
  }
}

const WINDOW: PageWindow = { navigationBarTitleText: 'Menu', navigationBarBackgroundColor: '#0f5132', navigationBarTextStyle: 'white', navigationStyle: 'default', backgroundColor: '#ffffff', enablePullDownRefresh: false, onReachBottomDistance: 50 };
const PAGE: CachedNode = ['wx-page-holder', {}, [['wx-view', { class: 'card' }, ['Loading menu']]]];

describe('the store: keyed by the app build and the runtime build, bounded, never throwing', () => {
  test('a page recorded by one build is read back by the same build only', () => {
    const storage = new MemoryStorage();
    let clock = 1000;
    const build1 = new RenderingCacheStore(storage, cacheBuild('aaa', '?v=1'), () => clock++);
    expect(build1.write('pages/menu/menu', WINDOW, PAGE, true)).toBe(true);
    expect(build1.read('pages/menu/menu')?.page).toEqual(PAGE);
    expect(build1.read('pages/menu/menu')?.window.navigationBarTitleText).toBe('Menu');
    expect(build1.entryRoute()).toBe('pages/menu/menu');
    expect(build1.read('pages/other/other')).toBeUndefined();

    // the package changed (a dev save, an update): nothing of the old build is shown, and it is cleared
    const appChanged = new RenderingCacheStore(storage, cacheBuild('bbb', '?v=1'));
    expect(appChanged.read('pages/menu/menu')).toBeUndefined();
    expect(appChanged.entryRoute()).toBeUndefined();
    expect([...storage.items.keys()]).toEqual([]);

    // the runtime changed: the same
    build1.write('pages/menu/menu', WINDOW, PAGE, true);
    expect(new RenderingCacheStore(storage, cacheBuild('aaa', '?v=2')).read('pages/menu/menu')).toBeUndefined();
  });

  test('without the app build, or without storage, nothing is cached', () => {
    expect(cacheBuild(undefined, '?v=1')).toBeUndefined();
    expect(cacheBuild('', '')).toBeUndefined();
    const storage = new MemoryStorage();
    const noBuild = new RenderingCacheStore(storage, undefined);
    expect(noBuild.usable).toBe(false);
    expect(noBuild.write('pages/menu/menu', WINDOW, PAGE, true)).toBe(false);
    expect(storage.items.size).toBe(0);
    expect(new RenderingCacheStore(undefined, 'x').read('pages/menu/menu')).toBeUndefined();
  });

  test('a storage that throws makes an empty cache, not an error', () => {
    const storage = new MemoryStorage();
    const store = new RenderingCacheStore(storage, 'b');
    store.write('pages/menu/menu', WINDOW, PAGE, true);
    storage.failing = true;
    expect(store.read('pages/menu/menu')).toBeUndefined();
    expect(store.entryRoute()).toBeUndefined();
    expect(store.write('pages/menu/menu', WINDOW, PAGE, true)).toBe(false);
  });

  test(`a page over ${MAX_ENTRY_CHARS} characters is not kept (nor its older recording); at most ${MAX_CACHED_PAGES} pages, the oldest dropped`, () => {
    const storage = new MemoryStorage();
    let clock = 0;
    const store = new RenderingCacheStore(storage, 'b', () => ++clock);
    store.write('pages/big/big', WINDOW, PAGE, false);
    expect(store.write('pages/big/big', WINDOW, ['wx-page-holder', {}, ['x'.repeat(MAX_ENTRY_CHARS)]], false)).toBe(false);
    expect(store.read('pages/big/big')).toBeUndefined();

    for (let i = 0; i < MAX_CACHED_PAGES + 2; i++) store.write(`pages/p${i}/p${i}`, WINDOW, PAGE, i === 0);
    expect(store.read('pages/p0/p0')).toBeUndefined();
    expect(store.read('pages/p1/p1')).toBeUndefined();
    expect(store.entryRoute()).toBeUndefined();
    for (let i = 2; i < MAX_CACHED_PAGES + 2; i++) expect(store.read(`pages/p${i}/p${i}`)).toBeDefined();
    expect([...storage.items.keys()].filter((k) => k.includes(':page:'))).toHaveLength(MAX_CACHED_PAGES);
  });

  test('the tab bar recorded with the page comes back with app.json\'s defaults and type checks; a custom one is not drawn', () => {
    const storage = new MemoryStorage();
    const store = new RenderingCacheStore(storage, 'b');
    const tabBar = { color: '#111111', selectedColor: '#222222', backgroundColor: '#ffffff', borderStyle: 'black' as const, position: 'bottom' as const, custom: false, list: [{ pagePath: 'pages/menu/menu', text: 'Menu' }, { pagePath: 'pages/orders/orders', text: 'Orders' }] };
    store.write('pages/menu/menu', WINDOW, PAGE, true, { tabBar });
    expect(store.read('pages/menu/menu')?.chrome).toEqual({ tabBar });
    const key = [...storage.items.keys()].find((k) => k.includes(':page:'))!;
    const stored = JSON.parse(storage.getItem(key)!) as Record<string, unknown>;
    storage.setItem(key, JSON.stringify({ ...stored, chrome: { tabBar: { list: [{ pagePath: 7, text: { x: 1 } }], position: 'left', color: 5 } } }));
    expect(store.read('pages/menu/menu')?.chrome).toEqual({ tabBar: { color: '#7a7e83', selectedColor: '#07c160', backgroundColor: '#ffffff', borderStyle: 'black', position: 'bottom', custom: false, list: [{ pagePath: '', text: '' }] } });
    storage.setItem(key, JSON.stringify({ ...stored, chrome: { tabBar: { ...tabBar, custom: true } } }));
    expect(store.read('pages/menu/menu')?.chrome).toBeUndefined();
    storage.setItem(key, JSON.stringify({ ...stored, chrome: 'nonsense' }));
    expect(store.read('pages/menu/menu')?.page).toEqual(PAGE);
  });

  test('what is read back is sanitised: no script, iframe, object, embed, on* attributes or script URLs', () => {
    const storage = new MemoryStorage();
    const store = new RenderingCacheStore(storage, 'b');
    store.write('pages/menu/menu', WINDOW, PAGE, true);
    const key = [...storage.items.keys()].find((k) => k.includes(':page:'))!;
    const forged = {
      build: 'b',
      route: 'pages/menu/menu',
      at: 1,
      window: { ...WINDOW, navigationBarTitleText: 42, enablePullDownRefresh: true },
      page: ['wx-page-holder', { onclick: 'alert(1)', class: 'ok' }, [
        ['script', {}, ['alert(1)']],
        ['iframe', { src: 'https://evil.example' }, []],
        ['object', {}, []],
        ['embed', {}, []],
        ['wx-view', { onmouseover: 'x()', OnFocus: 'y()', style: 'color:red' }, ['kept', ['img', { src: ' java\tscript:alert(1)' }, []], ['img', { src: '/assets/leaf.svg' }, []]]],
        ['a', { href: 'javascript:alert(1)' }, ['link']],
        ['Bad Tag', {}, []],
        { not: 'a node' },
        ['wx-text', { 'bad name': 'v', title: 7 }, []],
      ]],
    };
    storage.setItem(key, JSON.stringify(forged));
    const read = store.read('pages/menu/menu')!;
    expect(read.page).toEqual(['wx-page-holder', { class: 'ok' }, [
      ['wx-view', { style: 'color:red' }, ['kept', ['img', {}, []], ['img', { src: '/assets/leaf.svg' }, []]]],
      ['a', {}, ['link']],
      ['wx-text', {}, []],
    ]]);
    // the window's fields are type-checked; the cached page never refreshes
    expect(read.window.navigationBarTitleText).toBe('');
    expect(read.window.enablePullDownRefresh).toBe(false);
    expect(sanitizeCachedNode('text')).toBe('text');
    expect(sanitizeCachedNode(['script', {}, []])).toBeUndefined();
  });
});

describe('the view page carries the app build', () => {
  test('as a meta element, escaped', () => {
    expect(wechatViewPage({ title: 't', appBuild: 'abc"<' })).toContain('<meta name="wx-app-build" content="abc&#34;&#60;">');
    expect(wechatViewPage({ title: 't' })).not.toContain('wx-app-build');
  });
});

/** the render operations the view applied up to the initial-render mark, as HTML of the page holder */
function htmlAtMark(batches: RenderOp[][]): { html: string; window: PageWindow } | undefined {
  const ops = batches.flat();
  const at = ops.findIndex((op) => op[0] === Op.initialRender);
  if (at < 0) return undefined;
  const replay = new ViewTree(() => undefined);
  replay.receive({ t: 'render', seq: 1, ops: ops.slice(0, at) });
  return { html: replay.html(ops[at]![2] as number), window: ops[at]![4] as PageWindow };
}

const menuPage: ModuleFactory = (_r, _m, _e, _wx, _App, Page) =>
  (Page as (d: unknown) => void)({
    data: { hint: 'Loading menu' },
    onLoad(this: { setData(d: unknown): void }) {
      this.setData({ greeting: 'from setData' });
    },
  });
const MENU_WXML = '<view id="hint">{{hint}}</view><view id="greeting" wx:if="{{greeting}}">{{greeting}}</view>';

describe('the logic layer marks the initial-data render of pages that ask for the cache', () => {
  afterEach(() => vi.restoreAllMocks());

  test('page json "static": the mark comes after the data is rendered and before onLoad\'s setData', async () => {
    const { view } = startApp({ wxml: { 'pages/index/index': MENU_WXML }, json: { 'pages/index/index': { initialRenderingCache: 'static', navigationBarTitleText: 'Menu' } }, js: { 'pages/index/index.js': menuPage } });
    await settle();
    const marked = htmlAtMark(view.batches)!;
    expect(marked.html).toContain('Loading menu');
    expect(marked.html).not.toContain('from setData');
    expect(marked.window.navigationBarTitleText).toBe('Menu');
    // the page itself went on as always
    expect(view.html()).toContain('from setData');
  });

  test('app.json window "static" applies to every page; a page json overrides it; no option, no mark', async () => {
    const viaApp = startApp({ app: { window: { initialRenderingCache: 'static' } }, wxml: { 'pages/index/index': MENU_WXML }, js: { 'pages/index/index.js': menuPage } });
    await settle();
    expect(htmlAtMark(viaApp.view.batches)?.html).toContain('Loading menu');

    const overridden = startApp({ app: { window: { initialRenderingCache: 'static' } }, wxml: { 'pages/index/index': MENU_WXML }, json: { 'pages/index/index': { initialRenderingCache: 'dynamic' } }, js: { 'pages/index/index.js': menuPage } });
    await settle();
    expect(htmlAtMark(overridden.view.batches)).toBeUndefined();

    const none = startApp({ wxml: { 'pages/index/index': MENU_WXML }, js: { 'pages/index/index.js': menuPage } });
    await settle();
    expect(htmlAtMark(none.view.batches)).toBeUndefined();
  });

  test('this.setInitialRenderingCache exists on pages and warns once that the dynamic cache is not supported', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const calls: unknown[] = [];
    const page: ModuleFactory = (_r, _m, _e, _wx, _App, Page) =>
      (Page as (d: unknown) => void)({
        onLoad(this: { setInitialRenderingCache(d: unknown): unknown }) {
          calls.push(this.setInitialRenderingCache({ a: 1 }));
          calls.push(this.setInitialRenderingCache({ a: 2 }));
        },
      });
    const { view } = startApp({ wxml: { 'pages/index/index': '<view>x</view>' }, json: { 'pages/index/index': { initialRenderingCache: 'dynamic' } }, js: { 'pages/index/index.js': page } });
    await settle();
    expect(view.errors).toEqual([]);
    expect(calls).toEqual([undefined, undefined]);
    const cacheWarnings = warn.mock.calls.filter((c) => String(c[0]).includes('setInitialRenderingCache'));
    expect(cacheWarnings).toHaveLength(1);
  });
});
