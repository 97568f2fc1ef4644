import { describe, expect, it } from 'vitest';
import { runProject } from './support/run-project';
import { settle } from './support/harness';

/**
 * What UI component libraries (and the apps built on them) use of WeChat's Component(), compiled by the
 * real compiler and run by the runtime: relations, externalClasses, multiple slots, generics, placeholders,
 * virtualHost, pure data, observers, definitionFilter, selectOwnerComponent.
 */
const json = (o: Record<string, unknown>) => JSON.stringify(o);

async function run(files: Record<string, string>) {
  const app = await runProject({ 'app.json': json({ pages: ['pages/index/index'] }), ...files });
  await settle();
  return app;
}

describe('Component features component libraries use', () => {
  it('relations link a parent and its children both ways: linked in order, getRelationNodes, unlinked on removal', async () => {
    const app = await run({
      'comp/tabs.json': json({ component: true }),
      'comp/tabs.wxml': '<view id="tabs-count">{{count}}</view><slot/>',
      'comp/tabs.js':
        "Component({ relations: { '../comp/tab': { type: 'child', linked() { this.sync(); }, unlinked() { this.sync(); } } }, data: { count: 0 }, methods: { sync() { const tabs = this.getRelationNodes('../comp/tab'); this.setData({ count: tabs.length }); getApp().seen.push('tabs:' + tabs.map((t) => t.data.title).join(',')); } } });",
      'comp/tab.json': json({ component: true }),
      'comp/tab.wxml': '<view class="tab">{{title}}:{{index}}</view>',
      'comp/tab.js':
        "Component({ properties: { title: String }, data: { index: -1 }, relations: { '../comp/tabs': { type: 'parent', linked(parent) { getApp().seen.push('tab-linked:' + this.data.title + '<-' + parent.is); } } }, methods: { setIndex(i) { this.setData({ index: i }); } } });",
      'app.js': 'App({ seen: [] });',
      'pages/index/index.json': json({ usingComponents: { tabs: '/comp/tabs', tab: '/comp/tab' } }),
      'pages/index/index.wxml': '<tabs id="t"><tab wx:for="{{titles}}" wx:key="*this" title="{{item}}"/></tabs><view id="out">{{seen}}</view>',
      'pages/index/index.js': "Page({ data: { titles: ['a', 'b', 'c'] }, drop() { this.setData({ titles: ['a', 'c'] }); } });",
    });
    const seen = () => (app.runtime as unknown as { app: { getApp(): { seen: string[] } } }).app.getApp().seen;
    expect(seen()).toContain('tab-linked:a<-comp/tabs');
    expect(app.view.html(app.view.findById('tabs-count'))).toBe('3');
    expect(seen()).toContain('tabs:a,b,c');
    const page = (app.runtime as unknown as { router: { top(): { instance: { drop(): void } } } }).router.top().instance;
    page.drop();
    await settle();
    expect(app.view.html(app.view.findById('tabs-count'))).toBe('2');
    expect(seen().filter((s) => s.startsWith('tabs:')).at(-1)).toBe('tabs:a,c');
  });

  it("externalClasses take the user's class and multiple named slots place content", async () => {
    const app = await run({
      'comp/card.json': json({ component: true }),
      'comp/card.wxml': '<view id="card-title" class="title custom-title"><slot name="title"/></view><view id="card-body" class="body"><slot/></view><view id="card-foot"><slot name="foot"/></view>',
      'comp/card.js': "Component({ options: { multipleSlots: true }, externalClasses: ['custom-title'] });",
      'pages/index/index.json': json({ usingComponents: { card: '/comp/card' } }),
      'pages/index/index.wxml': '<card custom-title="big red"><text slot="foot">F</text><text slot="title">T</text><text>B</text></card>',
      'pages/index/index.js': 'Page({});',
    });
    expect(app.view.html(app.view.findById('card-title'))).toContain('>T<');
    expect(app.view.html(app.view.findById('card-body'))).toContain('>B<');
    expect(app.view.html(app.view.findById('card-foot'))).toContain('>F<');
    expect(app.view.html(app.view.findById('card-body'))).not.toContain('>F<');
    const titleClasses = app.view.html().match(/id="card-title" class="([^"]*)"/)![1]!;
    expect(titleClasses).toMatch(/big/);
    expect(titleClasses).toMatch(/red/);
  });

  it('componentGenerics: the page chooses the component a generic slot renders, and the default applies without it', async () => {
    const app = await run({
      'comp/list.json': json({ component: true, componentGenerics: { item: { default: '/comp/plain-item' } } }),
      'comp/list.wxml': '<item wx:for="{{rows}}" wx:key="*this" value="{{item}}"/>',
      'comp/list.js': 'Component({ properties: { rows: Array } });',
      'comp/plain-item.json': json({ component: true }),
      'comp/plain-item.wxml': '<view class="plain">{{value}}</view>',
      'comp/plain-item.js': 'Component({ properties: { value: String } });',
      'comp/fancy-item.json': json({ component: true }),
      'comp/fancy-item.wxml': '<view class="fancy">*{{value}}*</view>',
      'comp/fancy-item.js': 'Component({ properties: { value: String } });',
      'pages/index/index.json': json({ usingComponents: { list: '/comp/list', fancy: '/comp/fancy-item' } }),
      'pages/index/index.wxml': '<view id="a"><list rows="{{rows}}" generic:item="fancy"/></view><view id="b"><list rows="{{rows}}"/></view>',
      'pages/index/index.js': "Page({ data: { rows: ['x', 'y'] } });",
    });
    expect(app.view.html(app.view.findById('a'))).toContain('*x*');
    expect(app.view.html(app.view.findById('a'))).toContain('*y*');
    expect(app.view.html(app.view.findById('b'))).toMatch(/class="[^"]*plain[^"]*">x</);
  });

  it('pureDataPattern keeps pure fields out of the view; observers see every field they name, "**" sees all', async () => {
    const app = await run({
      'comp/sum.json': json({ component: true }),
      'comp/sum.wxml': '<view id="sum">{{sum}}|{{_secret}}</view><view id="changes">{{changes}}</view>',
      'comp/sum.js':
        "Component({ options: { pureDataPattern: /^_/ }, properties: { a: { type: Number, value: 1 }, b: { type: Number, value: 2 } }, data: { sum: 0, _secret: 'hidden', changes: 0 }, observers: { 'a, b'(a, b) { this.setData({ sum: a + b }); }, '**'() { this.data.changes++; } }, methods: { poke() { this.setData({ _secret: 'still hidden', changes: this.data.changes }); } } });",
      'pages/index/index.json': json({ usingComponents: { sum: '/comp/sum' } }),
      'pages/index/index.wxml': '<sum id="s" a="{{a}}" b="{{b}}"/>',
      'pages/index/index.js': "Page({ data: { a: 1, b: 2 }, bump() { this.setData({ b: 10 }); } });",
    });
    expect(app.view.html(app.view.findById('sum'))).toBe('3|');
    const page = (app.runtime as unknown as { router: { top(): { instance: { bump(): void; selectComponent(s: string): { poke(): void; data: Record<string, unknown> } } } } }).router.top().instance;
    page.bump();
    await settle();
    expect(app.view.html(app.view.findById('sum'))).toBe('11|');
    const sum = page.selectComponent('#s');
    sum.poke();
    await settle();
    expect(sum.data['_secret']).toBe('still hidden');
    expect(app.view.html(app.view.findById('sum'))).toBe('11|');
  });

  it("virtualHost leaves no host node: the component's content sits directly in its parent", async () => {
    const app = await run({
      'comp/cell.json': json({ component: true }),
      'comp/cell.wxml': '<view id="cell-inner">cell</view>',
      'comp/cell.js': 'Component({ options: { virtualHost: true } });',
      'pages/index/index.json': json({ usingComponents: { cell: '/comp/cell' } }),
      'pages/index/index.wxml': '<view id="row"><cell/></view>',
      'pages/index/index.js': 'Page({});',
    });
    expect(app.view.html(app.view.findById('row'))).toMatch(/^<view id="cell-inner"[^>]*>cell<\/view>$/);
  });

  it("a component's ready runs once after the view drew it, between the page's onShow and onReady (WeChat's order); selectOwnerComponent works there", async () => {
    const app = await run({
      'comp/owner.json': json({ component: true, usingComponents: { inner: '/comp/inner' } }),
      'comp/owner.wxml': '<inner id="in"/>',
      'comp/owner.js':
        "Component({ data: { name: 'owner' }, lifetimes: { attached() { getApp().log.push('owner attached'); }, ready() { getApp().log.push('owner ready, owner of #in: ' + this.selectComponent('#in').selectOwnerComponent().data.name); } } });",
      'comp/inner.json': json({ component: true }),
      'comp/inner.wxml': '<view>inner</view>',
      // the old top-level form of the lifetime
      'comp/inner.js': "Component({ attached() { getApp().log.push('inner attached'); }, ready() { getApp().log.push('inner ready'); } });",
      'app.js': 'App({ log: [] });',
      'pages/index/index.json': json({ usingComponents: { owner: '/comp/owner', inner: '/comp/inner' } }),
      'pages/index/index.wxml': '<owner/><inner wx:if="{{more}}"/>',
      'pages/index/index.js':
        "Page({ data: { more: false }, onLoad() { getApp().log.push('onLoad'); }, onShow() { getApp().log.push('onShow'); }, onReady() { getApp().log.push('onReady'); }, more() { this.setData({ more: true }); } });",
    });
    const log = (app.runtime as unknown as { app: { getApp(): { log: string[] } } }).app.getApp().log;
    expect(log).toEqual(['owner attached', 'inner attached', 'onLoad', 'onShow', 'owner ready, owner of #in: owner', 'inner ready', 'onReady']);
    // a component that appears later gets its own ready after its first render, once
    const page = (app.runtime as unknown as { router: { top(): { instance: { more(): void } } } }).router.top().instance;
    page.more();
    await settle();
    expect(log.slice(7)).toEqual(['inner attached', 'inner ready']);
  });

  it('a main-package page using a subpackage component with a componentPlaceholder shows the real component', async () => {
    const app = await runProject({
      'app.json': json({ pages: ['pages/index/index'], subpackages: [{ root: 'pkg', pages: ['pages/p/p'] }] }),
      'pkg/comp/badge.json': json({ component: true }),
      'pkg/comp/badge.wxml': '<view id="badge">real badge</view>',
      'pkg/comp/badge.js': 'Component({});',
      'pkg/pages/p/p.wxml': '<view>sub page</view>',
      'pkg/pages/p/p.js': 'Page({});',
      'pages/index/index.json': json({ usingComponents: { badge: '/pkg/comp/badge' }, componentPlaceholder: { badge: 'view' } }),
      'pages/index/index.wxml': '<badge/>',
      'pages/index/index.js': 'Page({});',
    });
    await settle();
    expect(app.view.html(app.view.findById('badge'))).toBe('real badge');
  });
});
