import type { WebSocket } from 'ws';
import type { CallerIdentity } from '../core/contracts/app';
import type { ViewHost } from '../core/contracts/services';
import type { CatalogEntry } from '../core/contracts/shell-api';
import { EventEnvelope } from '../core/contracts/wire';
import { BridgeClose } from '../client/transports/boot-config';
import { appLabel, appOrigin } from './origins';
import { newToken, sameToken } from './tokens';

/** Events for a view whose page has not connected yet are kept (appShow right after launch), up to this many. */
const MAX_QUEUED_EVENTS = 64;

export interface ViewBinding {
  viewId: number;
  appId: string;
  label: string;
  token: string;
  socket: WebSocket | undefined;
  queued: string[];
}

export type AttachResult = { ok: true; binding: ViewBinding } | { ok: false; status: number; reason: string };

/**
 * The browser host's views. A view is an iframe in the shell page at the app's own origin; what binds it
 * to (appId, viewId) is a per-view token that only that origin's page receives. The bridge socket is
 * accepted only with the right token, from the right origin, on the right Host.
 */
export class WebViewHost implements ViewHost {
  private readonly views = new Map<number, ViewBinding>();

  constructor(
    private readonly port: () => number,
    /** the manifest entry of an installed app: the view opens on it so its relative links resolve */
    private readonly entryOf: (appId: string) => string | undefined,
  ) {}

  open(viewId: number, app: CatalogEntry, _caller: CallerIdentity): { url: string } {
    const entry = this.entryOf(app.appId) ?? 'index.html';
    this.views.set(viewId, { viewId, appId: app.appId, label: appLabel(app.appId), token: newToken(), socket: undefined, queued: [] });
    const path = entry.split('/').map(encodeURIComponent).join('/');
    return { url: `${appOrigin(app.appId, this.port())}/${path}?__view=${viewId}` };
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

  /** The binding a page of `label` may embed in its HTML, or undefined when that view is not this app's. */
  bindingForPage(viewId: number, label: string): ViewBinding | undefined {
    const view = this.views.get(viewId);
    return view && view.label === label ? view : undefined;
  }

  /** Checks a bridge upgrade: the view is open, the token is its own, and Host and Origin are that app's. */
  checkAttach(viewId: number, token: string | null, hostLabel: string, origin: string | undefined): AttachResult {
    const view = this.views.get(viewId);
    if (!view) return { ok: false, status: 403, reason: `view ${viewId} is not open; launch the mini program from the catalog` };
    if (!sameToken(token, view.token)) return { ok: false, status: 403, reason: 'the view token is missing or wrong for this view' };
    if (hostLabel !== view.label) return { ok: false, status: 403, reason: `view ${viewId} belongs to another mini program` };
    if (origin !== appOrigin(view.appId, this.port())) {
      return { ok: false, status: 403, reason: `Origin "${origin ?? '(none)'}" may not open the bridge of view ${viewId}` };
    }
    return { ok: true, binding: view };
  }

  /** Binds a connected socket to its view; a newer socket (the page reloaded) replaces the older one. */
  attach(binding: ViewBinding, socket: WebSocket): void {
    if (this.views.get(binding.viewId) !== binding) {
      socket.close(BridgeClose.viewClosed, 'view closed');
      return;
    }
    if (binding.socket && binding.socket !== socket) binding.socket.close(BridgeClose.replaced, 'replaced by a newer page');
    binding.socket = socket;
    const queued = binding.queued;
    binding.queued = [];
    for (const frame of queued) socket.send(frame);
    socket.on('close', () => {
      if (binding.socket === socket) binding.socket = undefined;
    });
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
}
