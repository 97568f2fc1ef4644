import { EventEnvelope, MAX_REQUEST_BYTES, ResponseEnvelope, WIRE_VERSION, type CallId, type RequestEnvelope } from '../../core/contracts/wire';
import type { WxTransport } from '../transport';
import { BridgeClose } from './boot-config';

/**
 * The browser host's bridge: one WebSocket per view, opened with the per-view token the host embedded
 * in the page. Responses are matched to requests by id. A dropped socket reconnects with the same token;
 * calls that were in flight when it dropped fail ("bridge disconnected") instead of being sent twice,
 * because a repeated payment must never happen behind the user's back.
 */

export interface WebSocketTransportOptions {
  /** ws://<app>.localhost:PORT/ws/bridge */
  wsUrl: string;
  viewId: number;
  token: string;
  /** called when the host says the app's files changed (development apps) */
  onReload?: () => void;
  /** consecutive failed connection attempts before giving up (default 8) */
  maxRetries?: number;
  /** for tests: a WebSocket constructor other than the page's */
  WebSocketImpl?: new (url: string) => WebSocket;
}

export interface WebSocketTransport extends WxTransport {
  /** dev-only: a raw frame answered by the host without dispatch, to measure the bare transport */
  echo(payload: unknown): Promise<unknown>;
  /** one-way: the view's inspector reports (core/contracts/devtools.ts); dropped once the view is closed */
  report(frame: unknown): void;
  close(): void;
}

interface PendingCall {
  api: string;
  /** the host's answer as received (unparsed), or a failure envelope made here */
  resolve: (response: unknown) => void;
}

/** WebSocket close code 1009, Message Too Big */
const MESSAGE_TOO_BIG = 1009;

function failure(id: CallId, api: string, reason: string): ResponseEnvelope {
  return { v: WIRE_VERSION, id, ok: false, errMsg: `${api}:fail ${reason}` };
}

export function createWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  const Impl = options.WebSocketImpl ?? WebSocket;
  const maxRetries = options.maxRetries ?? 8;
  const url = `${options.wsUrl}?view=${encodeURIComponent(String(options.viewId))}&token=${encodeURIComponent(options.token)}`;
  const pending = new Map<CallId, PendingCall>();
  const echoes = new Map<number, (payload: unknown) => void>();
  const listeners: Array<(event: unknown) => void> = [];
  let outbox: string[] = [];
  let socket: WebSocket | undefined;
  let open = false;
  /** set once the host closed the view (or we gave up): every later call fails at once */
  let deadReason: string | undefined;
  let failedAttempts = 0;
  let echoSeq = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const failAll = (reason: string) => {
    for (const [id, call] of pending) call.resolve(failure(id, call.api, reason));
    pending.clear();
    outbox = [];
    for (const resolve of echoes.values()) resolve(undefined);
    echoes.clear();
  };

  const die = (reason: string) => {
    deadReason = reason;
    failAll(reason);
  };

  const onMessage = (text: string) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      console.warn('superapp bridge: ignored a frame that is not JSON');
      return;
    }
    if (json && typeof json === 'object' && 'event' in json) {
      const event = EventEnvelope.safeParse(json);
      if (event.success) for (const listener of listeners) listener(event.data);
      return;
    }
    if (json && typeof json === 'object' && 'echo' in json) {
      const body = (json as { echo?: { seq?: unknown; payload?: unknown } }).echo;
      const waiter = typeof body?.seq === 'number' ? echoes.get(body.seq) : undefined;
      if (waiter && typeof body?.seq === 'number') {
        echoes.delete(body.seq);
        waiter(body.payload);
      }
      return;
    }
    // Only the id is read here, to find the call; the caller (client/wx/response.ts) parses the whole answer once.
    const id = json && typeof json === 'object' ? (json as { id?: unknown }).id : undefined;
    const call = typeof id === 'string' || typeof id === 'number' ? pending.get(id) : undefined;
    if (!call) {
      console.warn('superapp bridge: ignored an answer that matches no call', text.slice(0, 200));
      return;
    }
    pending.delete(id as CallId);
    call.resolve(json);
  };

  const connect = () => {
    retryTimer = undefined;
    if (deadReason) return;
    const ws = new Impl(url);
    socket = ws;
    ws.onopen = () => {
      open = true;
      failedAttempts = 0;
      const queued = outbox;
      outbox = [];
      for (const frame of queued) ws.send(frame);
    };
    ws.onmessage = (e: MessageEvent) => onMessage(typeof e.data === 'string' ? e.data : String(e.data));
    ws.onclose = (e: CloseEvent) => {
      const wasOpen = open;
      open = false;
      if (socket === ws) socket = undefined;
      if (deadReason) return;
      if (e.code === BridgeClose.reload) {
        die('the mini program is reloading');
        options.onReload?.();
        return;
      }
      if (e.code === BridgeClose.viewClosed || e.code === BridgeClose.refused || e.code === BridgeClose.replaced) {
        die('this view is closed; relaunch the mini program');
        return;
      }
      // In-flight calls may or may not have run on the host: fail them rather than risk running them twice.
      // 1009: the host dropped the socket for a frame over its limit (wx checks calls, not the raw echo hook).
      const why = e.code === MESSAGE_TOO_BIG ? `bridge disconnected: the host refused a message over its size limit; keep each call under ${MAX_REQUEST_BYTES} bytes` : 'bridge disconnected';
      for (const [id, call] of pending) call.resolve(failure(id, call.api, why));
      pending.clear();
      if (!wasOpen) failedAttempts++;
      if (failedAttempts >= maxRetries) {
        die('cannot reach the host; relaunch the mini program');
        return;
      }
      retryTimer = setTimeout(connect, Math.min(3000, 100 * 2 ** failedAttempts));
    };
  };

  const sendFrame = (frame: string) => {
    if (open && socket) socket.send(frame);
    else outbox.push(frame);
  };

  // Not inline: opening a WebSocket held a fresh renderer's main thread 11-37 ms (measured in the browser host),
  // and wx.js runs before every script of the page. Calls made before the socket is open wait in the outbox.
  retryTimer = setTimeout(connect, 0);

  return {
    request(msg: RequestEnvelope, json?: string): Promise<unknown> {
      if (deadReason) return Promise.resolve(failure(msg.id, msg.api, deadReason));
      if (pending.has(msg.id)) return Promise.resolve(failure(msg.id, msg.api, `duplicate call id ${String(msg.id)}`));
      return new Promise<unknown>((resolve) => {
        pending.set(msg.id, { api: msg.api, resolve });
        sendFrame(json ?? JSON.stringify(msg));
      });
    },
    onEvent(listener) {
      listeners.push(listener);
    },
    echo(payload) {
      if (deadReason) return Promise.resolve(undefined);
      const seq = ++echoSeq;
      return new Promise((resolve) => {
        echoes.set(seq, resolve);
        sendFrame(JSON.stringify({ v: WIRE_VERSION, echo: { seq, payload } }));
      });
    },
    report(frame) {
      if (deadReason) return;
      let text: string;
      try {
        text = JSON.stringify(frame);
      } catch {
        return; // not JSON: the host could not read it either
      }
      sendFrame(text);
    },
    close() {
      if (retryTimer) clearTimeout(retryTimer);
      die('this view is closed; relaunch the mini program');
      socket?.close(1000, 'closed by page');
    },
  };
}
