import type { WebSocket } from 'ws';
import type { CallerIdentity } from '../core/contracts/app';
import type { ViewHost, ViewLaunch } from '../core/contracts/services';
import type { CatalogEntry } from '../core/contracts/shell-api';
import { EventEnvelope } from '../core/contracts/wire';
import { BridgeClose, LAUNCH_PATH_PARAM, LOAD_KEY_PARAM, VIEW_PARAM } from '../client/transports/boot-config';
import { appLabel, appOrigin } from './origins';
import { newToken, sameToken } from './tokens';

/** Events for a view whose page has not connected yet are kept (appShow right after launch), up to this many. */
const MAX_QUEUED_EVENTS = 64;
/**
 * Unused load keys kept per view: one per shell page that was shown the view, plus the live page's reload
 * key. Past this the oldest goes (most likely a shell page long closed), so unused keys cannot pile up.
 */
const MAX_LOAD_KEYS = 16;

export interface ViewBinding {
  viewId: number;
  appId: string;
  label: string;
  /** the bridge token of the view page's latest load; every load gets a new one */
  token: string;
  socket: WebSocket | undefined;
  queued: string[];
  /** the entry page, URL-encoded, relative to the app's origin */
  entryPath: string;
  /** one-time keys that may load the view's page, oldest first */
  loadKeys: string[];
  /** the page a WeChat-format app launches on, when the launch named one */
  launchPath?: string;
}

export type AttachResult = { ok: true; binding: ViewBinding } | { ok: false; status: number; reason: string };
export type LoadResult = { ok: true; binding: ViewBinding; reloadKey: string } | { ok: false; status: number; reason: string };

/**
 * The browser host's views. A view is an iframe in the shell page at the app's own origin; what binds it
 * to (appId, viewId) is a token that only that origin's page receives when it loads. Any page may navigate
 * a frame it owns to another app's view URL, and view ids are small numbers, so a page is handed a token
 * only for a one-time load key that the host gave the shell page (or the view's previous load, for its
 * reload), and each load gets a new token. The bridge socket is accepted only with the latest load's token,
 * from the right origin, on the right Host.
 */
export class WebViewHost implements ViewHost {
  private readonly views = new Map<number, ViewBinding>();

  constructor(
    private readonly port: () => number,
    /** the manifest entry of an installed app: the view opens on it so its relative links resolve */
    private readonly entryOf: (appId: string) => string | undefined,
  ) {}

  open(viewId: number, app: CatalogEntry, _caller: CallerIdentity, launch?: ViewLaunch): { url: string } {
    const entry = this.entryOf(app.appId) ?? 'index.html';
    this.views.set(viewId, {
      viewId,
      appId: app.appId,
      label: appLabel(app.appId),
      // no page holds this one: a socket can only attach with the token of a load, issued when it is served
      token: newToken(),
      socket: undefined,
      queued: [],
      entryPath: entry.split('/').map(encodeURIComponent).join('/'),
      loadKeys: [],
      ...(launch ? { launchPath: launch.path } : {}),
    });
    return { url: this.frameUrl(viewId)! };
  }

  /**
   * A URL that loads the view's page once, with a fresh key; undefined when the view is not open.
   * Each shell page gets its own (web/frame-urls.ts), because each one loads the view in its own frame.
   */
  frameUrl(viewId: number): string | undefined {
    const view = this.views.get(viewId);
    if (!view) return undefined;
    const key = this.issueLoadKey(view);
    const launch = view.launchPath !== undefined ? `&${LAUNCH_PATH_PARAM}=${encodeURIComponent(view.launchPath)}` : '';
    return `${appOrigin(view.appId, this.port())}/${view.entryPath}?${VIEW_PARAM}=${viewId}&${LOAD_KEY_PARAM}=${key}${launch}`;
  }

  isOpen(viewId: number): boolean {
    return this.views.has(viewId);
  }

  show(_viewId: number): void {
    // The shell page shows and hides the iframes itself from runningChanged; nothing to do server-side.
  }

  hide(_viewId: number): void {}

  close(viewId: number): void {
    const view = this.views.get(viewId);
    if (!view) return;
    this.views.delete(viewId);
    view.socket?.close(BridgeClose.viewClosed, 'view closed');
  }

  send(viewId: number, event: EventEnvelope): void {
    const view = this.views.get(viewId);
    if (!view) return;
    const frame = JSON.stringify(EventEnvelope.parse(event));
    if (view.socket && view.socket.readyState === view.socket.OPEN) view.socket.send(frame);
    else if (view.queued.length < MAX_QUEUED_EVENTS) view.queued.push(frame);
  }

  /**
   * A page of `label` asks to load as view `viewId` with `key`. A valid key is used up by this load, which
   * gets a new bridge token (older loads' tokens stop opening the bridge) and a key for its own next load
   * (a reload).
   */
  beginLoad(viewId: number, label: string, key: string | null): LoadResult {
    const view = this.views.get(viewId);
    if (!view || view.label !== label) {
      return { ok: false, status: 403, reason: `View ${viewId} is not an open view of this mini program. Launch the mini program from the shell's catalog.` };
    }
    if (key === null || key === '') {
      return {
        ok: false,
        status: 403,
        reason:
          `This page of view ${viewId} was opened without the one-time load key the shell gives each load, so it gets no bridge to the host. ` +
          'Open the mini program from the shell; a link, bookmark or another page cannot open it.',
      };
    }
    // Constant time per key: a page must not learn a key from how fast a wrong one is refused.
    const index = view.loadKeys.findIndex((k) => sameToken(key, k));
    if (index < 0) {
      return {
        ok: false,
        status: 403,
        reason:
          `This load key of view ${viewId} was already used or never issued: each key opens the page once. ` +
          'Reload the mini program from the shell (close its tab and launch it again), or reload the shell page.',
      };
    }
    view.loadKeys.splice(index, 1);
    view.token = newToken();
    return { ok: true, binding: view, reloadKey: this.issueLoadKey(view) };
  }

  /** Checks a bridge upgrade: the view is open, the token is its latest load's, and Host and Origin are that app's. */
  checkAttach(viewId: number, token: string | null, hostLabel: string, origin: string | undefined): AttachResult {
    const view = this.views.get(viewId);
    if (!view) return { ok: false, status: 403, reason: `view ${viewId} is not open; launch the mini program from the catalog` };
    if (!sameToken(token, view.token)) {
      return { ok: false, status: 403, reason: `the view token is missing, wrong, or not from the latest load of view ${viewId}; reload the page` };
    }
    if (hostLabel !== view.label) return { ok: false, status: 403, reason: `view ${viewId} belongs to another mini program` };
    if (origin !== appOrigin(view.appId, this.port())) {
      return { ok: false, status: 403, reason: `Origin "${origin ?? '(none)'}" may not open the bridge of view ${viewId}` };
    }
    return { ok: true, binding: view };
  }

  /**
   * Binds a connected socket to its view. A socket with the latest load's token (the page reloaded) replaces
   * the older one; any other is closed, because the page may have loaded again between the upgrade check and now.
   */
  attach(binding: ViewBinding, socket: WebSocket, token: string): boolean {
    if (this.views.get(binding.viewId) !== binding) {
      socket.close(BridgeClose.viewClosed, 'view closed');
      return false;
    }
    if (!sameToken(token, binding.token)) {
      socket.close(BridgeClose.refused, 'a newer load of this view holds the bridge');
      return false;
    }
    if (binding.socket && binding.socket !== socket) binding.socket.close(BridgeClose.replaced, 'replaced by a newer page');
    binding.socket = socket;
    const queued = binding.queued;
    binding.queued = [];
    for (const frame of queued) socket.send(frame);
    socket.on('close', () => {
      if (binding.socket === socket) binding.socket = undefined;
    });
    return true;
  }

  /** Whether a socket still speaks for an open view (messages after close() are refused). */
  isCurrent(binding: ViewBinding, socket: WebSocket): boolean {
    return this.views.get(binding.viewId) === binding && binding.socket === socket;
  }

  /** Development apps: ask every open page of the app to reload (the client reloads on this close code). */
  reloadApp(appId: string): number {
    let count = 0;
    for (const view of this.views.values()) {
      if (view.appId !== appId) continue;
      view.socket?.close(BridgeClose.reload, 'files changed');
      count++;
    }
    return count;
  }

  openViews(): ViewBinding[] {
    return [...this.views.values()];
  }

  closeAll(): void {
    for (const id of [...this.views.keys()]) this.close(id);
  }

  private issueLoadKey(view: ViewBinding): string {
    const key = newToken();
    view.loadKeys.push(key);
    if (view.loadKeys.length > MAX_LOAD_KEYS) view.loadKeys.shift();
    return key;
  }
}
