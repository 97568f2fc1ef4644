import * as glassEasel from 'glass-easel';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareWechatApp, type PreparedWechatApp } from '../../../../core/wechat';
import { compileFiles } from './support/projects';
import { loadBundle, renderPage, type LoadedBundle } from './support/render-bundle';

const FIXTURE = 'test/fixtures/wechat/compile-basic';

/** Dispatches a bubbling, composed tap on the element with the given class (as the view forwards a click). */
function tap(root: glassEasel.GeneralComponent, cls: string, detail: unknown = { x: 1, y: 2 }): void {
  const target = root.getShadowRoot()!.querySelector(`.${cls}`);
  if (!target) throw new Error(`no .${cls} rendered`);
  glassEasel.Event.dispatchEvent(target, new glassEasel.Event('tap', detail, { bubbles: true, composed: true, capturePhase: true }));
}

describe('WXML compiles through TmplGroup and renders with glass-easel', () => {
  let prepared: PreparedWechatApp;
  let bundle: LoadedBundle;
  beforeAll(async () => {
    prepared = await prepareWechatApp(FIXTURE);
    bundle = loadBundle(prepared.compiled.logicJs);
  });

  it('keys templates, configs and scopes by path without extension, and lists every page', () => {
    expect(Object.keys(bundle.tmpl).sort()).toEqual(['components/card/card', 'pages/index/index', 'pages/list/list', 'templates/header', 'templates/item']);
    expect(bundle.pages).toEqual(['pages/index/index', 'pages/list/list']);
    expect(bundle.configs['pages/index/index']).toMatchObject({ navigationBarTitleText: 'Home', usingComponents: { 'local-card': '/components/card/card' } });
    expect(bundle.app.usingComponents).toEqual({ card: '/components/card/card' });
    expect(bundle.styleScopes['components/card/card']).toMatch(/^wx[0-9a-f]{8}$/);
    expect(bundle.entry).toEqual({ app: 'app.js' });
  });

  it('fills app.json defaults the runtime relies on', () => {
    expect(bundle.app).toMatchObject({
      entryPagePath: 'pages/index/index',
      window: { navigationBarTitleText: 'Compile basic', navigationBarTextStyle: 'black', navigationStyle: 'default', enablePullDownRefresh: false, onReachBottomDistance: 50 },
      tabBar: { position: 'bottom', borderStyle: 'black' },
      subpackages: [],
    });
  });

  it('renders include, import + template is/data, wx:for with for-item/for-index/key, wx:elif, hidden and slots', () => {
    const page = renderPage(bundle, 'pages/index/index');
    const dump = page.dump();
    // <include> inlines header.wxml; <template is="item" data="{{...row, index: i}}"> from the <import>
    expect(dump).toContain('<view class="header">');
    expect(dump).toMatch(/<view class="item">\s+0: one[\s\S]*<view class="item">\s+1: two/);
    // wx:elif picks B for mode "b"; hidden is passed on as an attribute
    expect(dump).toMatch(/<view class="mode">\s+B/);
    expect(dump).not.toMatch(/<view class="mode">\s+(A|other)/);
    expect(dump).toContain('<view class="maybe" hidden="true">');
    // a custom component from usingComponents with its <slot> content
    expect(dump).toMatch(/<local-card:components\/card\/card title="tea">[\s\S]*<view class="card-title">\s+tea[\s\S]*<\(virtual\):slot[\s\S]*<text class="slotted">\s+inside/);
  });

  it('updates wx:if/elif/else, hidden and wx:for when data changes', () => {
    const page = renderPage(bundle, 'pages/index/index');
    page.root.get().setData({ mode: 'z', shown: true, list: [{ id: 2, name: 'two' }, { id: 3, name: 'three' }, { id: 1, name: 'one' }] });
    const dump = page.dump();
    expect(dump).toMatch(/<view class="mode">\s+other/);
    expect(dump).toMatch(/<view class="maybe" hidden="false">\s+maybe/);
    expect(dump).toMatch(/0: two[\s\S]*1: three[\s\S]*2: one/);
  });

  it('runs inline and src <wxs> with getRegExp and getDate', () => {
    const dump = renderPage(bundle, 'pages/index/index').dump();
    expect(dump).toMatch(/<text class="upper">\s+TEA/); // src wxs function
    expect(dump).toMatch(/<text class="number">\s+digits/); // getRegExp('^\\d+$') in a src .wxs
    expect(dump).toMatch(/<text class="year">\s+1970 1970/); // getDate(0) inline and in the src module
    expect(dump).toMatch(/<text class="count">\s+2/); // getRegExp('a+', 'g') inline
  });

  it('delivers bindtap, bind:tap, catchtap, catch:tap, capture-bind, capture-catch and mut-bind with dataset and mark', async () => {
    const seen: Array<{ handler: string; cls: string; dataset: unknown; mark: unknown; detail: unknown; type: string }> = [];
    const prepared = await compileFiles({
      'pages/index/index.wxml': [
        '<view class="outer" bindtap="outer" capture-bind:tap="outerCapture" mark:zone="page">',
        '  <view class="plain" bindtap="inner" data-kind="plain" data-row-id="{{7}}"></view>',
        '  <view class="colon" bind:tap="inner"></view>',
        '  <view class="caught" catchtap="inner"></view>',
        '  <view class="caught-colon" catch:tap="inner"></view>',
        '  <view class="capture-caught" capture-catch:tap="inner"></view>',
        '  <view class="mut" mut-bind:tap="inner" mark:row="{{3}}"></view>',
        '</view>',
      ].join('\n'),
      'pages/index/index.js': [
        'function record(handler) {',
        '  return function (e) { wx.record({ handler: handler, cls: e.currentTarget.dataset.kind || "", dataset: e.target.dataset, mark: e.mark, detail: e.detail, type: e.type }); };',
        '}',
        'Page({ outer: record("outer"), outerCapture: record("outerCapture"), inner: record("inner") });',
      ].join('\n'),
    });
    const page = renderPage(loadBundle(prepared.compiled.logicJs), 'pages/index/index', { record: (e: (typeof seen)[number]) => seen.push(e) });
    const run = (cls: string) => {
      seen.length = 0;
      tap(page.component, cls);
      return seen.map((s) => s.handler);
    };
    expect(run('plain')).toEqual(['outerCapture', 'inner', 'outer']);
    expect(seen[1]).toMatchObject({ type: 'tap', dataset: { kind: 'plain', rowId: 7 }, mark: { zone: 'page' }, detail: { x: 1, y: 2 } });
    expect(run('colon')).toEqual(['outerCapture', 'inner', 'outer']);
    expect(run('caught')).toEqual(['outerCapture', 'inner']);
    expect(run('caught-colon')).toEqual(['outerCapture', 'inner']);
    expect(run('capture-caught')).toEqual(['outerCapture', 'inner']);
    expect(run('mut')).toEqual(['outerCapture', 'inner', 'outer']);
    expect(seen[1]!.mark).toEqual({ zone: 'page', row: 3 });
  });
});
