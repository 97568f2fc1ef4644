import type { WebSocket } from 'ws';
import type { Runtime } from '../core/contracts/services';
import { FailureEnvelope, MAX_REQUEST_BYTES, WIRE_VERSION } from '../core/contracts/wire';
import { EchoFrame } from '../client/transports/boot-config';
import { BridgeFlow } from './bridge-flow';
import { closeOnSocketError } from './socket-errors';
import type { ViewBinding, WebViewHost } from './view-host';

export interface BridgeSocketOptions {
  /** the view token the socket was opened with: it must still be the view's latest load's when it attaches */
  token: string;
  /** the bridge WebSocketServer's maxPayload, for the log line when a page exceeds it */
  maxPayload: number;
  log: (message: string) => void;
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
  socket.on('message', (data, isBinary) => {
    if (!views.isCurrent(binding, socket)) {
      socket.close(4000, 'view closed');
      return;
    }
    if (isBinary) {
      flow.send(JSON.stringify(FailureEnvelope.parse({ v: WIRE_VERSION, id: null, ok: false, errMsg: 'bridge:fail binary frames are not accepted; send JSON text' })));
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      flow.send(JSON.stringify(FailureEnvelope.parse({ v: WIRE_VERSION, id: null, ok: false, errMsg: 'bridge:fail the message is not JSON' })));
      return;
    }
    // Dev-only raw echo (bench): answered here, before dispatch, so it measures the transport alone.
    if (json && typeof json === 'object' && 'echo' in json && !('api' in json)) {
      const echo = EchoFrame.safeParse(json);
      if (echo.success) flow.send(JSON.stringify(echo.data));
      return;
    }
    // The view's inspector reports: one-way, parsed and attributed to this socket's view by the runtime.
    if (json && typeof json === 'object' && 'devtools' in json && !('api' in json)) {
      const kept = runtime.reportFromView(binding.viewId, json);
      if (!kept.ok) options.log(`bridge of view ${binding.viewId} (${binding.appId}): dropped an inspector report: ${kept.problem}`);
      return;
    }
    // the frame's own size is the request's size: the dispatcher checks its limit on this, without re-serialising
    const bytes = Buffer.isBuffer(data) ? data.length : Buffer.byteLength(JSON.stringify(json));
    flow.received(bytes);
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
  });
}
