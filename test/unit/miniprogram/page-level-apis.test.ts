import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appBaseInfo, badgeText, canIUse, deviceInfo, menuButtonRect, systemInfo, windowInfo } from '../../../miniprogram/logic/page-apis';
import { ViewCalls } from '../../../miniprogram/logic/view-calls';
import type { ModuleFactory } from '../../../miniprogram/logic/bundle';
import { Op, type ToView } from '../../../miniprogram/protocol';
import { settle, startApp } from './support/harness';

describe('page-level APIs answered in the logic layer', () => {
  it('getSystemInfoSync reports the view as the window', () => {
    const info = systemInfo({ width: 800, height: 600, pixelRatio: 2 });
    expect(info).toMatchObject({ windowWidth: 800, windowHeight: 600, screenWidth: 800, pixelRatio: 2, statusBarHeight: 0, SDKVersion: expect.any(String) });
    expect(info['safeArea']).toEqual({ left: 0, right: 800, top: 0, bottom: 600, width: 800, height: 600 });
  });

  it("getMenuButtonBoundingClientRect: WeChat's capsule size at the right of the navigation bar", () => {
    expect(menuButtonRect({ width: 400, height: 700, pixelRatio: 1 })).toEqual({ width: 87, height: 32, top: 6, right: 393, bottom: 38, left: 306 });
  });

  it('canIUse: APIs of this wx and built-in components, nothing else', () => {
    const wx = { showModal: () => undefined };
    expect(canIUse(wx, 'showModal')).toBe(true);
    expect(canIUse(wx, 'showModal.object.editable')).toBe(true);
    expect(canIUse(wx, 'button.open-type.getPhoneNumber')).toBe(true);
    expect(canIUse(wx, 'map')).toBe(false);
    expect(canIUse(wx, 'video.danmu-list')).toBe(true);
    expect(canIUse(wx, 'openBluetoothAdapter')).toBe(false);
    expect(canIUse(wx, 42)).toBe(false);
    // the method part is one of return / success / object / callback
    expect(canIUse(wx, 'showModal.success.confirm')).toBe(true);
    expect(canIUse(wx, 'showModal.nonsense')).toBe(false);
  });

  it('canIUse knows every built-in component the view registers', () => {
    const dir = join(import.meta.dirname, '../../../miniprogram/view/components');
    const tags = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/\btag: '([a-z-]+)',/g)].map((m) => m[1]!));
    expect(tags).toEqual(expect.arrayContaining(['view', 'movable-view', 'cover-image']));
    expect(tags.filter((tag) => !canIUse({}, tag))).toEqual([]);
    expect(canIUse({}, 'cover-view.scroll-top')).toBe(true);
  });

  it('a view call is answered by the reply with its id, in any order', async () => {
    const posted: ToView[] = [];
    const views = new ViewCalls((m) => posted.push(m));
    const first = views.call('showModal', { title: 'a' });
    const second = views.call('showToast', { title: 'b' });
    expect(posted).toEqual([
      { t: 'viewCall', id: 1, api: 'showModal', params: { title: 'a' } },
      { t: 'viewCall', id: 2, api: 'showToast', params: { title: 'b' } },
    ]);
    views.receive({ t: 'viewReply', id: 2, ok: true, result: { errMsg: 'showToast:ok' } });
    views.receive({ t: 'viewReply', id: 1, ok: false, result: { errMsg: 'showModal:fail x' } });
    views.receive({ t: 'viewReply', id: 9, ok: true, result: { errMsg: 'stray:ok' } });
    expect(await second).toEqual({ ok: true, result: { errMsg: 'showToast:ok' } });
    expect(await first).toEqual({ ok: false, result: { errMsg: 'showModal:fail x' } });
  });
});

describe('page-level APIs through the runtime', () => {
  const page = (def: Record<string, unknown>): ModuleFactory => (_r, _m, _e, _wx, _A, Page) => (Page as (d: unknown) => void)(def);

  it("bindinput's returned string goes back to the input that sent the event", async () => {
    const { runtime, view } = startApp({
      wxml: { 'pages/index/index': '<input id="box" bindinput="upper" />' },
      js: { 'pages/index/index.js': page({ upper: (e: { detail: { value: string } }) => e.detail.value.toUpperCase() }) },
    });
    await settle();
    const node = view.findById('box')!;
    runtime.receive({ t: 'event', node, type: 'input', detail: { value: 'tea', cursor: 3, keyCode: 65 }, bubbles: false });
    await settle();
    expect(view.others).toContainEqual({ t: 'eventResult', node, type: 'input', value: 'TEA' });
  });

  it('showModal is drawn by the view and its reply becomes success; a view failure becomes fail with the reason', async () => {
    const { runtime, view, wx } = startApp({ wxml: { 'pages/index/index': '<view/>' }, js: { 'pages/index/index.js': page({}) } });
    await settle();
    const modal = wx.showModal!({ title: 'Delete?' });
    const sheet = wx.showActionSheet!({ itemList: ['A'] });
    await settle();
    const calls = view.others.filter((m) => m.t === 'viewCall') as Array<{ id: number; api: string; params: unknown }>;
    expect(calls.map((c) => [c.api, c.params])).toEqual([
      ['showModal', { title: 'Delete?' }],
      ['showActionSheet', { itemList: ['A'] }],
    ]);
    runtime.receive({ t: 'viewReply', id: calls[0]!.id, ok: true, result: { confirm: true, cancel: false, errMsg: 'showModal:ok' } });
    runtime.receive({ t: 'viewReply', id: calls[1]!.id, ok: false, result: { errMsg: 'showActionSheet:fail cancel' } });
    await expect(modal).resolves.toEqual({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
    await expect(sheet).rejects.toEqual({ errMsg: 'showActionSheet:fail cancel' });
  });

  it('setNavigationBarColor checks its colours as WeChat does', async () => {
    const { wx } = startApp({ wxml: { 'pages/index/index': '<view/>' }, js: { 'pages/index/index.js': page({}) } });
    await settle();
    await expect(wx.setNavigationBarColor!({ frontColor: '#ff0000', backgroundColor: '#000000' })).rejects.toEqual({ errMsg: 'setNavigationBarColor:fail invalid frontColor' });
    await expect(wx.setNavigationBarColor!({ frontColor: '#ffffff', backgroundColor: '#2f7bf5' })).resolves.toEqual({ errMsg: 'setNavigationBarColor:ok' });
    await expect(wx.setTabBarBadge!({ index: 0, text: '1' })).rejects.toEqual({ errMsg: 'setTabBarBadge:fail not TabBar page' });
  });
});

describe('info objects and tab bar APIs checked against WeChat documentation (docs/wechat-api-audit.md)', () => {
  const page = (def: Record<string, unknown>): ModuleFactory => (_r, _m, _e, _wx, _A, Page) => (Page as (d: unknown) => void)(def);

  it('getWindowInfo has exactly the documented fields', () => {
    expect(Object.keys(windowInfo({ width: 800, height: 600, pixelRatio: 2 })).sort()).toEqual(
      ['pixelRatio', 'safeArea', 'screenHeight', 'screenTop', 'screenWidth', 'statusBarHeight', 'windowHeight', 'windowWidth'].sort(),
    );
  });

  it('getDeviceInfo: brand, model, system (a name), platform, benchmarkLevel; nothing Android-only', () => {
    const info = deviceInfo();
    expect(info).toMatchObject({ brand: 'desktop', model: 'Superapp Shell', benchmarkLevel: 1 });
    expect(['windows', 'mac', 'linux']).toContain(info['platform']);
    expect(info['system']).toBe({ windows: 'Windows', mac: 'macOS', linux: 'Linux' }[info['platform'] as string]);
    for (const androidOnly of ['abi', 'deviceAbi', 'cpuType']) expect(info).not.toHaveProperty(androidOnly);
  });

  it('getAppBaseInfo carries fontSizeSetting and fontSizeScaleFactor; getSystemInfoSync has fontSizeSetting only', () => {
    expect(appBaseInfo()).toMatchObject({ SDKVersion: '3.0.0', enableDebug: false, language: 'zh_CN', fontSizeSetting: 16, fontSizeScaleFactor: 1 });
    const info = systemInfo({ width: 800, height: 600, pixelRatio: 1 });
    expect(info).toMatchObject({ fontSizeSetting: 16, deviceOrientation: 'landscape' });
    expect(info).not.toHaveProperty('fontSizeScaleFactor');
    // not a getSystemInfo field (battery is wx.getBatteryInfo's)
    expect(info).not.toHaveProperty('batteryLevel');
    expect(systemInfo({ width: 375, height: 640, pixelRatio: 2 })['deviceOrientation']).toBe('portrait');
  });

  it('theme is reported only for an app.json with "darkmode": true', () => {
    expect(appBaseInfo()).not.toHaveProperty('theme');
    expect(systemInfo({ width: 800, height: 600, pixelRatio: 1 })).not.toHaveProperty('theme');
    expect(appBaseInfo(true)).toMatchObject({ theme: 'light' });
    expect(systemInfo({ width: 800, height: 600, pixelRatio: 1 }, true)).toMatchObject({ theme: 'light' });
  });

  it('getSystemInfo (async) answers the same object with getSystemInfo:ok', async () => {
    const { wx } = startApp({ wxml: { 'pages/index/index': '<view/>' }, js: { 'pages/index/index.js': page({}) } });
    await settle();
    const res = await wx.getSystemInfo!();
    expect(res).toMatchObject({ errMsg: 'getSystemInfo:ok', windowWidth: 375, windowHeight: 640, deviceOrientation: 'portrait', fontSizeSetting: 16 });
    expect(res).not.toHaveProperty('theme');
    expect(res).not.toHaveProperty('batteryLevel');
  });

  it('an app.json with "darkmode": true gets theme from every info API; account info has no plugin entry outside a plugin', async () => {
    const { wx } = startApp({ app: { pages: ['pages/index/index'], darkmode: true } as never, wxml: { 'pages/index/index': '<view/>' }, js: { 'pages/index/index.js': page({}) } });
    await settle();
    const sync = wx as unknown as Record<string, () => Record<string, unknown>>;
    expect(sync['getSystemInfoSync']!()).toMatchObject({ theme: 'light' });
    expect(sync['getAppBaseInfo']!()).toMatchObject({ theme: 'light' });
    expect(await wx.getSystemInfo!()).toMatchObject({ theme: 'light', errMsg: 'getSystemInfo:ok' });
    expect(sync['getAccountInfoSync']!()).toEqual({ miniProgram: { appId: 'wxtest', envVersion: 'release', version: '' } });
  });

  it('pageScrollTo with a selector asks the view to scroll to that node (across components with >>>) plus offsetTop', async () => {
    const { wx, view } = startApp({
      wxml: { 'pages/index/index': '<view style="height: 2000px" /><view id="target">here</view><card id="card" />', 'components/card/card': '<view id="inner">in card</view>' },
      json: { 'pages/index/index': { usingComponents: { card: '/components/card/card' } }, 'components/card/card': { component: true } },
      js: { 'pages/index/index.js': page({}), 'components/card/card.js': (_r, _m, _e, _wx, _A, _P, Component) => (Component as (d: unknown) => void)({}) },
    });
    await settle();
    const scrolls = () => view.batches.flat().filter((op) => op[0] === Op.pageScrollTo).map((op) => op.slice(2));
    await expect(wx.pageScrollTo!({ selector: '#target', offsetTop: -10, duration: 0 })).resolves.toEqual({ errMsg: 'pageScrollTo:ok' });
    await expect(wx.pageScrollTo!({ selector: '#card >>> #inner' })).resolves.toEqual({ errMsg: 'pageScrollTo:ok' });
    await wx.pageScrollTo!({ scrollTop: 120, duration: 0 });
    await settle();
    expect(scrolls()).toEqual([
      [0, 0, view.findById('target'), -10],
      [0, 300, view.findById('inner'), 0],
      [120, 0],
    ]);
  });

  it('setNavigationBarTitle needs a string title', async () => {
    const { wx } = startApp({ wxml: { 'pages/index/index': '<view/>' }, js: { 'pages/index/index.js': page({}) } });
    await settle();
    await expect(wx.setNavigationBarTitle!({ title: 7 })).rejects.toMatchObject({ errMsg: 'setNavigationBarTitle:fail parameter error: parameter.title should be String instead of Number;' });
    await expect(wx.setNavigationBarTitle!({ title: 'Orders' })).resolves.toEqual({ errMsg: 'setNavigationBarTitle:ok' });
  });

  it('a badge text of more than 4 characters shows as "..."', () => {
    expect(badgeText('99+')).toBe('99+');
    expect(badgeText('新消息啊')).toBe('新消息啊');
    expect(badgeText('12345')).toBe('...');
    expect(badgeText('')).toBe('');
  });

  it('setTabBarBadge needs a string text; the tab bar is sent what WeChat would show', async () => {
    const { wx, view } = startApp({
      app: { pages: ['pages/t1/t1', 'pages/t2/t2'], tabBar: { list: [{ pagePath: 'pages/t1/t1', text: 'One' }, { pagePath: 'pages/t2/t2', text: 'Two' }] } },
      wxml: { 'pages/t1/t1': '<view/>', 'pages/t2/t2': '<view/>' },
      js: { 'pages/t1/t1.js': page({}), 'pages/t2/t2.js': page({}) },
    });
    await settle();
    await expect(wx.setTabBarBadge!({ index: 0 })).rejects.toEqual({ errMsg: 'setTabBarBadge:fail parameter error: parameter.text should be String instead of Undefined;' });
    await expect(wx.setTabBarBadge!({ index: 2, text: '1' })).rejects.toEqual({ errMsg: 'setTabBarBadge:fail tabbar item not found' });
    // left pending: the fake view never answers the tab bar call
    void wx.setTabBarBadge!({ index: 1, text: '12345' });
    await settle();
    const call = view.others.filter((m) => m.t === 'viewCall').at(-1) as { id: number; api: string; params: unknown };
    expect([call.api, call.params]).toEqual(['__tabBar', { action: 'badge', index: 1, text: '...' }]);
  });

  it('setBackgroundColor sets backgroundColor; the iOS-only backgroundColorTop does not change the window', async () => {
    const { wx, view } = startApp({ wxml: { 'pages/index/index': '<view/>' }, js: { 'pages/index/index.js': page({}) } });
    await settle();
    const background = () => [...view.pages.values()][0]!.window.backgroundColor;
    const before = background();
    await expect(wx.setBackgroundColor!({ backgroundColorTop: '#ff0000' })).resolves.toEqual({ errMsg: 'setBackgroundColor:ok' });
    await settle();
    expect(background()).toBe(before);
    await expect(wx.setBackgroundColor!({ backgroundColor: '#00ff00' })).resolves.toEqual({ errMsg: 'setBackgroundColor:ok' });
    await settle();
    expect(background()).toBe('#00ff00');
  });

  it('makePhoneCall: a missing phoneNumber is a parameter error; a number fails because a desktop cannot dial', async () => {
    const { wx } = startApp({ wxml: { 'pages/index/index': '<view/>' }, js: { 'pages/index/index.js': page({}) } });
    await settle();
    await expect(wx.makePhoneCall!({})).rejects.toEqual({ errMsg: 'makePhoneCall:fail parameter error: parameter.phoneNumber should be String instead of Undefined;' });
    await expect(wx.makePhoneCall!({ phoneNumber: '10086' })).rejects.toEqual({ errMsg: 'makePhoneCall:fail this desktop shell cannot place phone calls' });
  });
});
