import { describe, expect, it } from 'vitest';
import { runProject } from './support/run-project';
import { settle, type TestWx } from './support/harness';

/**
 * app.json `tabBar.custom: true`: the package's custom-tab-bar/index component is drawn on every tab page
 * (an instance of its own per page), `getTabBar()` on the page and its components returns it, and the view
 * gets no tab bar of its own. Compiled by the real compiler and run by the runtime.
 */
const json = (o: Record<string, unknown>) => JSON.stringify(o);

const FILES = {
  'app.json': json({
    pages: ['pages/home/home', 'pages/me/me', 'pages/detail/detail'],
    tabBar: {
      custom: true,
      color: '#666666',
      selectedColor: '#1f6feb',
      backgroundColor: '#ffffff',
      list: [
        { pagePath: 'pages/home/home', text: 'Home' },
        { pagePath: 'pages/me/me', text: 'Me' },
      ],
    },
  }),
  'app.js': 'App({ log: [] });',
  'custom-tab-bar/index.json': json({ component: true }),
  'custom-tab-bar/index.wxml':
    '<view class="bar"><view wx:for="{{tabs}}" wx:key="path" id="tab-{{index}}" class="item {{selected === index ? \'on\' : \'\'}}" data-path="{{item.path}}" bindtap="go">{{item.text}}</view></view>',
  'custom-tab-bar/index.js':
    "Component({ data: { selected: -1, tabs: [{ path: '/pages/home/home', text: 'Home' }, { path: '/pages/me/me', text: 'Me' }] }, lifetimes: { attached() { getApp().log.push('bar attached'); } }, pageLifetimes: { show() { getApp().log.push('bar sees page show'); } }, methods: { go(e) { wx.switchTab({ url: e.currentTarget.dataset.path }); } } });",
  'comp/badge.json': json({ component: true }),
  'comp/badge.wxml': '<view>badge</view>',
  'comp/badge.js': "Component({ lifetimes: { ready() { getApp().fromComponent = this.getTabBar(); } } });",
  'pages/home/home.json': json({ usingComponents: { badge: '/comp/badge' } }),
  'pages/home/home.wxml': '<view id="home">home</view><badge/>',
  'pages/home/home.js': 'Page({ onShow() { this.getTabBar().setData({ selected: 0 }); } });',
  'pages/me/me.wxml': '<view id="me">me</view>',
  'pages/me/me.js': 'Page({ onShow() { this.getTabBar().setData({ selected: 1 }); } });',
  'pages/detail/detail.wxml': '<view id="detail">detail</view>',
  'pages/detail/detail.js': "Page({ onLoad() { getApp().detailBar = this.getTabBar(); } });",
};

type Instance = { data: Record<string, unknown> };
const appOf = (app: Awaited<ReturnType<typeof runProject>>) =>
  (app.runtime as unknown as { app: { getApp(): { log: string[]; fromComponent?: Instance; detailBar?: unknown } } }).app.getApp();
const topPage = (app: Awaited<ReturnType<typeof runProject>>) =>
  (app.runtime as unknown as { router: { top(): { instance: { getTabBar(): Instance | undefined } } } }).router.top().instance;

describe('custom tab bar (app.json tabBar.custom)', () => {
  it("draws the package's component after each tab page's content, one instance per page, and the view draws no tab bar", async () => {
    const app = await runProject(FILES);
    await settle();
    // the view is told of no tab bar of its own
    expect(app.view.others.find((m) => m.t === 'ready')).toEqual({ t: 'ready', chrome: {} });
    // the page's content, then the bar in its slot; the page selected its tab in onShow
    expect(app.view.html()).toMatch(/^<page>.*home.*<\/page><wx-custom-tab-bar><custom-tab-bar>.*<\/custom-tab-bar><\/wx-custom-tab-bar>$/);
    expect(app.view.html()).toMatch(/id="tab-0" class="[^"]*\bon\b[^"]*">Home</);
    expect(app.view.html()).not.toMatch(/id="tab-1" class="[^"]*\bon\b/);
    const homeBar = topPage(app).getTabBar()!;
    expect(homeBar.data['selected']).toBe(0);
    // a component in the page reaches the same instance
    expect(appOf(app).fromComponent).toBe(homeBar);
    expect(appOf(app).log).toEqual(['bar attached', 'bar sees page show']);

    // a tap in the bar switches tabs; the other tab page has its own bar
    app.tap('tab-1');
    await settle();
    expect(app.view.visibleRoute()).toBe('pages/me/me');
    const meBar = topPage(app).getTabBar()!;
    expect(meBar).not.toBe(homeBar);
    expect(meBar.data['selected']).toBe(1);
    expect(homeBar.data['selected']).toBe(0);
    expect(app.view.html()).toMatch(/id="tab-1" class="[^"]*\bon\b[^"]*">Me</);
  });

  it('a page that is not a tab has no tab bar: getTabBar() returns undefined', async () => {
    const app = await runProject(FILES);
    await settle();
    await (app.wx as TestWx).navigateTo({ url: '/pages/detail/detail' });
    await settle();
    expect(app.view.visibleRoute()).toBe('pages/detail/detail');
    expect(appOf(app).detailBar).toBeUndefined();
    expect(app.view.html()).not.toContain('wx-custom-tab-bar');
  });
});
