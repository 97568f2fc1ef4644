import { createWx } from './index';
import { installWx } from './install-wx';
import { BOOT_ELEMENT_ID, BootConfig, LOAD_KEY_PARAM } from './transports/boot-config';
import { DEVTOOLS_HOOK } from '../core/contracts/devtools-limits';
import { createWebSocketTransport } from './transports/websocket';

/**
 * /__superapp__/wx.js in the browser host. The host places a JSON data block and this script at the top of
 * the mini program's page, so `wx` exists before any of the page's own scripts run. Reading the block
 * synchronously keeps the Sync storage APIs free of any round trip on the launch path.
 */
function boot(): void {
  const element = document.getElementById(BOOT_ELEMENT_ID);
  if (!element) {
    console.error('superapp: this page was opened outside the shell (no boot config); launch it from the catalog to get wx.');
    return;
  }
  let config: BootConfig;
  try {
    config = BootConfig.parse(JSON.parse(element.textContent ?? ''));
  } catch (e) {
    console.error('superapp: the boot config is unreadable; relaunch the mini program.', e);
    return;
  } finally {
    // The page has no use for the token in its DOM; the transport keeps it.
    element.remove();
  }

  const reloadUrl = prepareReload(config.reloadKey);
  const transport = createWebSocketTransport({
    wsUrl: config.wsUrl,
    viewId: config.viewId,
    token: config.token,
    // The page's own boot URL with the key for its next load, even if the page changed its URL since.
    onReload: () => (reloadUrl ? location.replace(reloadUrl) : location.reload()),
  });
  const wx = createWx(transport, { storageMirror: config.storageMirror });
  // the same installer the Electron preload runs in the page's world: configurable, frozen, one per host
  installWx(wx as unknown as Record<string, unknown>);
  // Dev-only hook for the benchmark: a raw echo over the same socket, without dispatch.
  Object.defineProperty(window, '__superappBridge', { value: Object.freeze({ echo: transport.echo }), enumerable: false });
  // The WeChat-format runtime's view sends the inspector's reports over the same socket (one-way).
  Object.defineProperty(window, DEVTOOLS_HOOK, { value: Object.freeze({ report: (frame: unknown) => transport.report(frame) }), enumerable: false });
}

/**
 * The key this page loaded with is used up; the host handed over the key for the next load. It goes into
 * the page's URL now (same document, nothing reloads), so that the user reloading the frame, or the host
 * asking a development app to reload, loads the page again with a key that works.
 */
function prepareReload(reloadKey: string | undefined): string | undefined {
  if (!reloadKey) return undefined;
  try {
    const next = new URL(location.href);
    next.searchParams.set(LOAD_KEY_PARAM, reloadKey);
    history.replaceState(history.state, '', next.href);
    return next.href;
  } catch (e) {
    console.error('superapp: could not prepare this page for a reload; relaunch the mini program from the shell to reload it.', e);
    return undefined;
  }
}

boot();
