import { afterEach, describe, expect, it, vi } from 'vitest';
import { desktopSyncApis, type NetworkSource } from '../../../miniprogram/logic/desktop-apis';
import { runProject } from './support/run-project';
import { settle } from './support/harness';

/** a network that the test takes on- and offline */
function fakeNetwork() {
  let online = true;
  const listeners: Array<() => void> = [];
  const source: NetworkSource = { online: () => online, onChange: (l) => listeners.push(l) };
  return { source, set: (value: boolean) => ((online = value), listeners.forEach((l) => l())) };
}

describe('wx APIs with a plain desktop answer (update manager, logs, analytics, network type)', () => {
  afterEach(() => vi.restoreAllMocks());

  it("an app.js with the usual start-up code runs: the update check hears {hasUpdate: false}, logs reach the console", async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const app = await runProject({
      'app.js': [
        'App({',
        '  globalData: {},',
        '  onLaunch() {',
        '    const updates = wx.getUpdateManager();',
        '    updates.onCheckForUpdate((res) => { this.globalData.update = res; });',
        '    updates.onUpdateReady(() => { this.globalData.ready = true; });',
        '    updates.onUpdateFailed(() => {});',
        "    wx.getLogManager({ level: 1 }).info('started', 1);",
        "    wx.getRealtimeLogManager().info('realtime');",
        "    wx.reportAnalytics('launch', { from: 'test' });",
        "    wx.reportEvent('launch', {});",
        '    wx.onMemoryWarning(() => {});',
        '    wx.showShareMenu({ withShareTicket: true });',
        '  },',
        '  onError(e) { this.globalData.error = e; },',
        '});',
      ].join('\n'),
      'pages/index/index.wxml': '<view id="out">{{update}}</view>',
      'pages/index/index.js': 'Page({ onReady() { setTimeout(() => this.setData({ update: JSON.stringify(getApp().globalData) }), 5); } });',
    });
    await settle(40);
    expect(JSON.parse(app.view.html(app.view.findById('out')))).toEqual({ update: { hasUpdate: false } });
    expect(info).toHaveBeenCalledWith('[log]', 'started', 1);
    expect(info).toHaveBeenCalledWith('[realtime log]', 'realtime');
    expect(app.wx.canIUse!('getUpdateManager' as never)).toBe(true);
  });

  it('getNetworkType answers wifi while online; the no-op APIs answer ok', async () => {
    const app = await runProject({});
    await expect(app.wx.getNetworkType!()).resolves.toEqual({ networkType: 'wifi', signalStrength: 0, hasSystemProxy: false, errMsg: 'getNetworkType:ok' });
    await expect(app.wx.setKeepScreenOn!({ keepScreenOn: true })).resolves.toEqual({ errMsg: 'setKeepScreenOn:ok' });
    await expect(app.wx.hideShareMenu!({})).resolves.toEqual({ errMsg: 'hideShareMenu:ok' });
  });

  it('an API the desktop cannot do fails with a clear errMsg through the callbacks or the Promise, and canIUse says false', async () => {
    const app = await runProject({});
    await expect(app.wx.getLocation!({ type: 'gcj02' })).rejects.toEqual({ errMsg: 'getLocation:fail not supported in this desktop shell' });
    const outcome = await new Promise((resolve) => app.wx.scanCode!({ fail: (res: unknown) => resolve(['fail', res]), success: (res: unknown) => resolve(['success', res]) } as never));
    expect(outcome).toEqual(['fail', { errMsg: 'scanCode:fail not supported in this desktop shell' }]);
    expect(app.wx.canIUse!('getLocation' as never)).toBe(false);
    expect(app.wx.canIUse!('scanCode.success.result' as never)).toBe(false);
    expect(app.wx.canIUse!('getNetworkType' as never)).toBe(true);
  });

  it('onNetworkStatusChange hears the machine going offline and back; off removes a listener', () => {
    const net = fakeNetwork();
    const apis = desktopSyncApis(net.source) as Record<string, (l?: unknown) => void>;
    const heard: unknown[] = [];
    const listener = (res: unknown) => heard.push(res);
    apis['onNetworkStatusChange']!(listener);
    net.set(false);
    net.set(true);
    expect(heard).toEqual([
      { isConnected: false, networkType: 'none' },
      { isConnected: true, networkType: 'wifi' },
    ]);
    apis['offNetworkStatusChange']!(listener);
    net.set(false);
    expect(heard).toHaveLength(2);
    expect(() => apis['onNetworkStatusChange']!('not a function')).toThrow('wx.onNetworkStatusChange: listener must be a function');
  });

  it("the realtime logger carries the page in() named and the filters; the update manager is one", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const apis = desktopSyncApis(fakeNetwork().source) as {
      getRealtimeLogManager(): { in(p: unknown): void; warn(...a: unknown[]): void; addFilterMsg(m: string): void };
      getUpdateManager(): unknown;
    };
    const logger = apis.getRealtimeLogManager();
    logger.in({ route: 'pages/cart/cart' });
    logger.addFilterMsg('order-7');
    logger.warn('slow');
    expect(warn).toHaveBeenCalledWith('[realtime log pages/cart/cart order-7]', 'slow');
    expect(apis.getUpdateManager()).toBe(apis.getUpdateManager());
  });
});
