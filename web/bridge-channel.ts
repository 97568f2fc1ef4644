import type { RawData, WebSocket } from 'ws';
import type { Runtime } from '../core/contracts/services';
import { FailureEnvelope, MAX_REQUEST_BYTES, WIRE_VERSION } from '../core/contracts/wire';
import { EchoFrame } from '../client/transports/boot-config';
import { BridgeFlow } from './bridge-flow';
import type { BridgeScheduler } from './bridge-scheduler';
import { closeOnSocketError } from './socket-errors';
import type { ViewBinding, WebViewHost } from './view-host';

export interface BridgeSocketOptions {
  /** the view token the socket was opened with: it must still be the view's latest load's when it attaches */
  token: string;
  /** the bridge WebSocketServer's maxPayload, for the log line when a page exceeds it */
  maxPayload: number;
  log: (message: string) => void;
  /** the host's turn-taking between bridge sockets (one per host) */
  scheduler: BridgeScheduler;
}

interface Received {
  data: RawData;
  isBinary: boolean;
  /** what the flow counted for it on arrival */
  bytes: number;
}

/**
 * One mini program view's bridge socket. The view (and so the caller's identity) was fixed when the
 * socket was accepted; nothing in a message can change it. Messages after the view closed are refused.
 */
export function serveBridge(socket: WebSocket, binding: ViewBinding, views: WebViewHost, runtime: Runtime, options: BridgeSocketOptions): void {
  // First, before anything can fail: a page's bad frame must cost that page its socket, never the host.
  closeOnSocketError(
    socket,
    {
      who: `bridge of view ${binding.viewId} (${binding.appId})`,
      maxPayload: options.maxPayload,
      tooLargeHint: `wx refuses a call over ${MAX_REQUEST_BYTES} bytes before sending it, so the page sent this around wx (or runs an outdated wx.js); keep each call under the limit.`,
    },
    options.log,
  );
  if (!views.attach(binding, socket, options.token)) return;
  const flow = new BridgeFlow(socket);
  // Received messages wait in the socket's inbox for the host's turn (web/bridge-scheduler.ts); the flow
  // counts them from arrival, so a page that sends faster than its turns come holds its own socket back.
  const inbox = options.scheduler.open<Received>(binding.appId, (received) => handle(received));
  socket.on('message', (data, isBinary) => {
    const bytes = rawLength(data);
    flow.received(bytes);
    inbox.push({ data, isBinary, bytes });
  });
  socket.on('close', () => inbox.close());

  function handle({ data, isBinary, bytes }: Received): void {
    let answered = false;
    try {
      answered = handleMessage(data, isBinary, bytes);
    } finally {
      if (!answered) flow.answered(bytes);
    }
  }

  /** Handles one message; true when it became a call whose answer will release its count in the flow. */
  function handleMessage(data: RawData, isBinary: boolean, bytes: number): boolean {
    if (!views.isCurrent(binding, socket)) {
      socket.close(4000, 'view closed');
      return false;
    }
    if (isBinary) {
      flow.send(JSON.stringify(FailureEnvelope.parse({ v: WIRE_VERSION, id: null, ok: false, errMsg: 'bridge:fail binary frames are not accepted; send JSON text' })));
      return false;
    }
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      flow.send(JSON.stringify(FailureEnvelope.parse({ v: WIRE_VERSION, id: null, ok: false, errMsg: 'bridge:fail the message is not JSON' })));
      return false;
    }
    // Dev-only raw echo (bench): answered here, before dispatch, so it measures the transport alone.
    if (json && typeof json === 'object' && 'echo' in json && !('api' in json)) {
      const echo = EchoFrame.safeParse(json);
      if (echo.success) flow.send(JSON.stringify(echo.data));
      return false;
    }
    // The view's inspector reports: one-way, parsed and attributed to this socket's view by the runtime.
    if (json && typeof json === 'object' && 'devtools' in json && !('api' in json)) {
      const kept = runtime.reportFromView(binding.viewId, json);
      if (!kept.ok) options.log(`bridge of view ${binding.viewId} (${binding.appId}): dropped an inspector report: ${kept.problem}`);
      return false;
    }
    // the frame's own size is the request's size: the dispatcher checks its limit on this, without re-serialising
    void runtime
      .dispatchFromView(binding.viewId, json, { bytes })
      .catch(() => {
        // dispatchFromView never throws by contract; if it ever does, the app still gets an answer.
        const id = (json as { id?: unknown } | null)?.id;
        return FailureEnvelope.parse({ v: WIRE_VERSION, id: typeof id === 'string' || typeof id === 'number' ? id : null, ok: false, errMsg: 'bridge:fail internal error' });
      })
      .then((response) => {
        flow.answered(bytes);
        flow.send(JSON.stringify(response));
      });
    return true;
  }
}

/** A text frame's size in bytes (ws hands text over as one Buffer; the other shapes only for completeness). */
function rawLength(data: RawData): number {
  if (Buffer.isBuffer(data)) return data.length;
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return data.byteLength;
}
