import { describe, expect, it } from 'vitest';
import { SHELL_ENTRY_URL } from '../../../main/app-scheme';
import { memoryLogger } from '../../../main/logger';
import { applyAppViewPolicies, applySessionPolicies, applyShellViewPolicies, permissionAllowed } from '../../../main/view-policies';
import { FakeSession, FakeWebContents } from './support/fake-electron';

/** Emits a navigation event the way Electron does and says whether the page was stopped. */
function navigate(wc: FakeWebContents, event: 'will-navigate' | 'will-redirect', url: string, isMainFrame = true): boolean {
  let prevented = false;
  wc.emit(event, { url, isMainFrame, preventDefault: () => (prevented = true) });
  return prevented;
}

describe('mini program view policies', () => {
  function appView() {
    const wc = new FakeWebContents();
    const log = memoryLogger();
    applyAppViewPolicies(wc as never, 'superapp://shop', log, 'app shop');
    return { wc, log };
  }

  it('lets the main frame move inside its own origin and stops it anywhere else, logging the attempt', () => {
    const { wc, log } = appView();
    expect(navigate(wc, 'will-navigate', 'superapp://shop/pages/cart.html')).toBe(false);
    expect(navigate(wc, 'will-navigate', 'superapp://SHOP/pages/cart.html')).toBe(false);
    expect(navigate(wc, 'will-navigate', 'superapp://wallet-app/index.html')).toBe(true);
    expect(navigate(wc, 'will-navigate', 'https://phish.example/login')).toBe(true);
    expect(navigate(wc, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(wc, 'will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(log.lines.filter((l) => l.includes('blocked navigation'))).toHaveLength(4);
  });

  it('stops a redirect of the main frame to another origin', () => {
    const { wc } = appView();
    expect(navigate(wc, 'will-redirect', 'https://elsewhere.example/')).toBe(true);
    expect(navigate(wc, 'will-redirect', 'superapp://shop/moved.html')).toBe(false);
  });

  it('denies every new window and every <webview>', () => {
    const { wc } = appView();
    expect(wc.windowOpenHandler!({ url: 'superapp://shop/popup.html' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'https://ads.example/' })).toEqual({ action: 'deny' });
    let prevented = false;
    wc.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, { src: 'https://x.example' });
    expect(prevented).toBe(true);
  });
});

describe('shell view policies', () => {
  it('keeps the shell on its own page: hash changes and reloads fine, any other page stopped', () => {
    const wc = new FakeWebContents();
    applyShellViewPolicies(wc as never, SHELL_ENTRY_URL, memoryLogger());
    expect(navigate(wc, 'will-navigate', `${SHELL_ENTRY_URL}#settings`)).toBe(false);
    expect(navigate(wc, 'will-navigate', SHELL_ENTRY_URL)).toBe(false);
    expect(navigate(wc, 'will-navigate', 'superapp://shell.superapp/other.html')).toBe(true);
    expect(navigate(wc, 'will-navigate', 'superapp://shop/index.html')).toBe(true);
    expect(wc.windowOpenHandler!({ url: SHELL_ENTRY_URL })).toEqual({ action: 'deny' });
  });
});

describe('session permission handlers', () => {
  it('deny by default: camera, geolocation, notifications, clipboard read... all refused, on both the request and the check path', async () => {
    const session = new FakeSession('persist:app-shop');
    applySessionPolicies(session as never, { origin: 'superapp://shop' }, memoryLogger(), 'app shop');
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal']) {
      expect(await session.requestPermission(permission, 'superapp://shop/index.html')).toBe(false);
      expect(session.permissionCheckHandler!(null, permission, 'superapp://shop', {})).toBe(false);
    }
  });

  it('a permission the shell grants is allowed for the app own origin only, and never one outside the allowlist', async () => {
    const granted = new Set(['fullscreen', 'media']);
    const session = new FakeSession('persist:app-shop');
    applySessionPolicies(session as never, { origin: 'superapp://shop', granted: (p) => granted.has(p) }, memoryLogger(), 'app shop');
    expect(await session.requestPermission('fullscreen', 'superapp://shop/index.html')).toBe(true);
    expect(await session.requestPermission('fullscreen', 'https://embedded.example/')).toBe(false);
    // granted by mistake, but not grantable: still refused
    expect(await session.requestPermission('media', 'superapp://shop/index.html')).toBe(false);
    expect(permissionAllowed('fullscreen', undefined, { origin: 'superapp://shop', granted: () => true })).toBe(false);
    expect(permissionAllowed('fullscreen', 'superapp://shop', { origin: undefined, granted: () => true })).toBe(false);
  });

  it('cancels every download', () => {
    const session = new FakeSession('persist:app-shop');
    const log = memoryLogger();
    applySessionPolicies(session as never, { origin: 'superapp://shop' }, log, 'app shop');
    let prevented = false;
    session.emit('will-download', { preventDefault: () => (prevented = true) }, { getURL: () => 'superapp://shop/big.zip' });
    expect(prevented).toBe(true);
    expect(log.lines.at(-1)).toContain('cancelled a download of superapp://shop/big.zip');
  });
});
