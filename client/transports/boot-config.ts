import * as z from 'zod/mini';

/**
 * What the browser host embeds in a mini program's entry page before any of the page's scripts:
 * a JSON data block (not a script, so no inline-script CSP exemption is needed) that /__superapp__/wx.js
 * reads synchronously. The host writes it (web/boot-page.ts) and the client reads it (client/inject.ts),
 * so the one schema lives here beside the transport that consumes it.
 */
export const BOOT_ELEMENT_ID = '__superapp_boot__';
export const WX_SCRIPT_PATH = '/__superapp__/wx.js';
/** Query parameters of a view page's URL: which view the page is, and the one-time key that lets it load. */
export const VIEW_PARAM = '__view';
export const LOAD_KEY_PARAM = '__load';
/** Query parameter of a WeChat-format view page: the page to launch on ("pages/a/a?x=1"), when not the entry page. */
export const LAUNCH_PATH_PARAM = '__path';

// zod/mini: wx.js parses this in every mini program frame before the page's scripts (core/contracts/wire.ts)
export const BootConfig = z.object({
  v: z.literal(1),
  viewId: z.number().check(z.int(), z.positive()),
  /** secret of this load of the view, bound to (appId, viewId); the bridge refuses a socket without it */
  token: z.string().check(z.minLength(16), z.maxLength(128)),
  /**
   * The one-time key for this page's next load (a reload by the user or by a dev-app change). A page can be
   * loaded only with a key the host issued, and each key works once; wx.js puts this one in the page's URL.
   */
  reloadKey: z.optional(z.string().check(z.minLength(16), z.maxLength(128))),
  /** ws://<app>.localhost:PORT/ws/bridge — the transport adds view and token */
  wsUrl: z.string().check(z.regex(/^wss?:\/\//, 'wsUrl must be a ws:// or wss:// URL')),
  /** the app's storage, so the Sync storage APIs answer without a synchronous round trip */
  storageMirror: z._default(z.record(z.string(), z.unknown()), {}),
});
export type BootConfig = z.infer<typeof BootConfig>;

/** Close codes the host uses on a bridge socket; the client must not reconnect after them. */
export const BridgeClose = {
  /** the shell closed the view (tab closed, evicted, uninstalled) */
  viewClosed: 4000,
  /** development app changed on disk: reload the page */
  reload: 4001,
  /** token, origin or view refused */
  refused: 4003,
  /** another socket for the same view took over (a reload of the same page) */
  replaced: 4002,
} as const;

/** Dev-only raw echo frame: answered by the host without dispatch, to measure the bare transport. */
export const EchoFrame = z.object({ v: z.literal(1), echo: z.unknown() });
