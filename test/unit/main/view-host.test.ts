import { beforeEach, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../../core/contracts';
import { ipcChannels } from '../../../core/contracts/ipc-channels';
import { memoryLogger } from '../../../main/logger';
import { DesktopViewHost, type HostView } from '../../../main/view-host';
import { FakeBaseWindow, FakeWebContentsView, navigateMainFrame, resetFakeElectron } from './support/fake-electron';

function entry(appId: string): CatalogEntry {
  return { appId, name: appId, version: '1.0.0', installedAt: 1, dev: false };
}
const caller = (appId: string, webViewId: number) => ({ appInfo: { appId, name: appId, version: '1.0.0', developerId: appId }, webViewId });

function setup() {
  const window = new FakeBaseWindow();
  const shellView = new FakeWebContentsView();
  window.contentView.addChildView(shellView);
  const gone: number[] = [];
  const log = memoryLogger();
  const host = new DesktopViewHost({
    container: window.contentView,
    shellView: shellView as unknown as HostView,
    contentSize: () => ({ width: window.size[0], height: window.size[1] }),
    createAppView: () => new FakeWebContentsView() as unknown as HostView,
    entryUrl: (appId) => `superapp://${appId.toLowerCase()}/index.html`,
    onViewGone: (viewId) => gone.push(viewId),
    log,
  });
  window.on('resize', () => host.layout());
  const viewOf = (viewId: number) => host.view(viewId)!.view as unknown as FakeWebContentsView;
  return { window, shellView, host, gone, log, viewOf };
}

beforeEach(() => resetFakeElectron());

describe('DesktopViewHost: the lifecycle of a mini program view', () => {
  it('opens a view hidden on top of the shell, loads the app entry, and maps its webContents to the view', () => {
    const { window, shellView, host, viewOf } = setup();
    const { url } = host.open(1, entry('Shop'), caller('Shop', 1));
    const view = viewOf(1);
    expect(url).toBe('superapp://shop/index.html');
    expect(view.webContents.loaded).toEqual(['superapp://shop/index.html']);
    expect(window.contentView.children).toEqual([shellView, view]);
    expect(view.visible).toBe(false);
    expect(host.viewForWebContents(view.webContents.id)).toMatchObject({ viewId: 1, appId: 'Shop', origin: 'superapp://shop' });
  });

  it('a launch on a given page loads the entry with that page in __path (the runtime reads it), encoded', () => {
    const { host, viewOf } = setup();
    const { url } = host.open(1, entry('Shop'), caller('Shop', 1), { path: 'pages/gone/gone?a=1&b=x y' });
    expect(url).toBe('superapp://shop/index.html?__path=pages%2Fgone%2Fgone%3Fa%3D1%26b%3Dx+y');
    expect(viewOf(1).webContents.loaded).toEqual([url]);
    expect(new URL(url).searchParams.get('__path')).toBe('pages/gone/gone?a=1&b=x y');
  });

  it('places the shown view at the shell viewport, scaled by the shell zoom, and re-lays it on every resize', () => {
    const { window, shellView, host, viewOf } = setup();
    host.open(1, entry('shop'), caller('shop', 1));
    host.setViewport({ x: 200, y: 56, width: 600, height: 700 });
    host.show(1);
    expect(viewOf(1).visible).toBe(true);
    expect(viewOf(1).bounds).toEqual({ x: 200, y: 56, width: 600, height: 700 });
    expect(shellView.bounds).toEqual({ x: 0, y: 0, width: 1200, height: 800 });

    shellView.webContents.zoomFactor = 1.25;
    window.resizeTo(900, 600);
    expect(shellView.bounds).toEqual({ x: 0, y: 0, width: 900, height: 600 });
    // 200*1.25=250, right edge (800*1.25=1000) clipped to the 900 px window, bottom clipped to 600
    expect(viewOf(1).bounds).toEqual({ x: 250, y: 70, width: 650, height: 530 });
  });

  it('hides the app view for a zero-size viewport and shows it again when the stage comes back', () => {
    const { host, viewOf } = setup();
    host.open(1, entry('shop'), caller('shop', 1));
    host.setViewport({ x: 10, y: 10, width: 300, height: 300 });
    host.show(1);
    host.setViewport({ x: 10, y: 10, width: 0, height: 0 });
    expect(viewOf(1).visible).toBe(false);
    host.setViewport({ x: 10, y: 10, width: 320, height: 300 });
    expect(viewOf(1).visible).toBe(true);
    expect(viewOf(1).bounds).toEqual({ x: 10, y: 10, width: 320, height: 300 });
  });

  it('shows one app at a time: showing B hides A; hide() hides', () => {
    const { host, viewOf } = setup();
    host.setViewport({ x: 0, y: 0, width: 500, height: 500 });
    host.open(1, entry('app-a'), caller('app-a', 1));
    host.open(2, entry('app-b'), caller('app-b', 2));
    host.show(1);
    host.show(2);
    expect(viewOf(1).visible).toBe(false);
    expect(viewOf(2).visible).toBe(true);
    host.hide(2);
    expect(viewOf(2).visible).toBe(false);
    expect(host.activeView()).toBeUndefined();
  });

  it('close() removes the view from the window AND closes its webContents, and forgets its identity', () => {
    const { window, host, gone, viewOf } = setup();
    host.open(1, entry('shop'), caller('shop', 1));
    const view = viewOf(1);
    host.close(1);
    expect(window.contentView.removed).toContain(view);
    expect(window.contentView.children).not.toContain(view);
    expect(view.webContents.closeCalls).toBe(1);
    expect(view.webContents.isDestroyed()).toBe(true);
    expect(host.viewForWebContents(view.webContents.id)).toBeUndefined();
    // a close the runtime asked for is not reported back to it as a crash
    expect(gone).toEqual([]);
    host.close(1);
    expect(view.webContents.closeCalls).toBe(1);
  });

  it('a crashed renderer: the view is removed, its webContents closed, and the runtime told once', () => {
    const { window, host, gone, viewOf, log } = setup();
    host.open(7, entry('shop'), caller('shop', 7));
    const view = viewOf(7);
    view.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(gone).toEqual([7]);
    expect(window.contentView.children).not.toContain(view);
    expect(view.webContents.isDestroyed()).toBe(true);
    expect(log.lines.some((l) => l.includes('renderer crashed'))).toBe(true);
    // the runtime then closes the tab: nothing left to do, nothing thrown
    host.close(7);
    expect(gone).toEqual([7]);
  });

  it('send() delivers a bridge event to that view only, and is a no-op for a closed view', () => {
    const { host, viewOf } = setup();
    host.open(1, entry('app-a'), caller('app-a', 1));
    host.open(2, entry('app-b'), caller('app-b', 2));
    host.bridgeReady(1);
    host.bridgeReady(2);
    host.send(2, { v: 1, event: 'appShow', data: {} });
    expect(viewOf(2).webContents.sent).toEqual([{ channel: ipcChannels.bridgeEvent, args: [{ v: 1, event: 'appShow', data: {} }] }]);
    expect(viewOf(1).webContents.sent).toEqual([]);
    host.close(2);
    expect(() => host.send(2, { v: 1, event: 'appHide', data: {} })).not.toThrow();
  });
});

describe('DesktopViewHost: trusted sheets sit above every app view', () => {
  it('raises the shell view to the top while a sheet is open and puts the app views back on top after the last one closes', () => {
    const { window, shellView, host, viewOf } = setup();
    host.open(1, entry('app-a'), caller('app-a', 1));
    host.open(2, entry('app-b'), caller('app-b', 2));
    host.sheetOpened(1);
    expect(window.contentView.children.at(-1)).toBe(shellView);
    host.sheetOpened(2);
    host.sheetClosed(1);
    // one sheet still open: the shell stays on top
    expect(window.contentView.children.at(-1)).toBe(shellView);
    host.sheetClosed(2);
    expect(window.contentView.children).toEqual([shellView, viewOf(1), viewOf(2)]);
  });

  it('moves keyboard focus to the shell while a sheet is open and back to the front app after', () => {
    const { shellView, host, viewOf } = setup();
    host.open(1, entry('app-a'), caller('app-a', 1));
    host.show(1);
    const appFocus = viewOf(1).webContents.focusCalls;
    host.sheetOpened(1);
    expect(shellView.webContents.focusCalls).toBe(1);
    host.sheetClosed(1);
    expect(viewOf(1).webContents.focusCalls).toBe(appFocus + 1);
  });

  it('an app launched while a sheet is open does not cover the sheet', () => {
    const { window, shellView, host } = setup();
    host.sheetOpened(1);
    host.open(3, entry('late-app'), caller('late-app', 3));
    expect(window.contentView.children.at(-1)).toBe(shellView);
  });

  it('never re-adds a view whose webContents is already closed', () => {
    const { window, shellView, host, viewOf } = setup();
    host.open(1, entry('app-a'), caller('app-a', 1));
    host.sheetOpened(1);
    viewOf(1).webContents.destroyed = true; // closed behind the host's back
    host.sheetClosed(1);
    expect(window.contentView.children).toEqual([viewOf(1), shellView]);
  });
});

describe('DesktopViewHost: host events wait for the page that is loading', () => {
  const show = { v: 1, event: 'appShow', data: {} } as const;
  const hide = { v: 1, event: 'appHide', data: {} } as const;
  const sentEvents = (view: FakeWebContentsView) => view.webContents.sent.filter((s) => s.channel === ipcChannels.bridgeEvent).map((s) => (s.args[0] as { event: string }).event);

  it('an event sent right after launch reaches the page once its preload listens, not before (it would be lost)', () => {
    const { host, viewOf } = setup();
    host.open(1, entry('shop'), caller('shop', 1));
    host.send(1, show);
    expect(sentEvents(viewOf(1))).toEqual([]);
    host.bridgeReady(1);
    expect(sentEvents(viewOf(1))).toEqual(['appShow']);
    host.send(1, hide);
    expect(sentEvents(viewOf(1))).toEqual(['appShow', 'appHide']);
  });

  it('a reload or in-app navigation holds events again until the new document listens, in order', () => {
    const { host, viewOf } = setup();
    host.open(1, entry('shop'), caller('shop', 1));
    host.bridgeReady(1);
    navigateMainFrame(viewOf(1).webContents, 'superapp://shop/next.html');
    host.send(1, hide);
    host.send(1, show);
    expect(sentEvents(viewOf(1))).toEqual([]);
    host.bridgeReady(1);
    expect(sentEvents(viewOf(1))).toEqual(['appHide', 'appShow']);
    // a same-document navigation (#hash, pushState) keeps the same listener: nothing waits
    viewOf(1).webContents.emit('did-start-navigation', { url: 'superapp://shop/next.html#b', isMainFrame: true, isSameDocument: true });
    host.send(1, hide);
    expect(sentEvents(viewOf(1))).toEqual(['appHide', 'appShow', 'appHide']);
  });

  it('a load that ends without a bridge message (cancelled, failed, no preload) releases what waited', () => {
    const { host, viewOf } = setup();
    host.open(1, entry('shop'), caller('shop', 1));
    host.bridgeReady(1);
    navigateMainFrame(viewOf(1).webContents, 'superapp://shop/blocked.html');
    host.send(1, hide);
    viewOf(1).webContents.emit('did-stop-loading');
    expect(sentEvents(viewOf(1))).toEqual(['appHide']);
  });

  it('holds at most 64 events for a page that never loads, and says so in the log', () => {
    const { host, viewOf, log } = setup();
    host.open(1, entry('shop'), caller('shop', 1));
    for (let i = 0; i < 70; i += 1) host.send(1, i % 2 ? hide : show);
    host.bridgeReady(1);
    expect(sentEvents(viewOf(1))).toHaveLength(64);
    expect(log.lines.filter((l) => l.includes('its page has not loaded'))).toHaveLength(6);
  });
});
