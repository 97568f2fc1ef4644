import type { WebSocket } from 'ws';
import type { Runtime } from '../core/contracts/services';
import { FailureEnvelope, WIRE_VERSION } from '../core/contracts/wire';
import { EchoFrame } from '../client/transports/boot-config';
import type { ViewBinding, WebViewHost } from './view-host';

/**
 * One mini program view's bridge socket. The view (and so the caller's identity) was fixed when the
 * socket was accepted; nothing in a message can change it. Messages after the view closed are refused.
 */
export function serveBridge(socket: WebSocket, binding: ViewBinding, views: WebViewHost, runtime: Runtime): void {
  views.attach(binding, socket);
  socket.on('message', (data, isBinary) => {
    if (!views.isCurrent(binding, socket)) {
      socket.close(4000, 'view closed');
      return;
    }
    if (isBinary) {
      socket.send(JSON.stringify(FailureEnvelope.parse({ v: WIRE_VERSION, id: null, ok: false, errMsg: 'bridge:fail binary frames are not accepted; send JSON text' })));
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      socket.send(JSON.stringify(FailureEnvelope.parse({ v: WIRE_VERSION, id: null, ok: false, errMsg: 'bridge:fail the message is not JSON' })));
      return;
    }
    // Dev-only raw echo (bench): answered here, before dispatch, so it measures the transport alone.
    if (json && typeof json === 'object' && 'echo' in json && !('api' in json)) {
      const echo = EchoFrame.safeParse(json);
      if (echo.success) socket.send(JSON.stringify(echo.data));
      return;
    }
    void runtime
      .dispatchFromView(binding.viewId, json)
      .catch(() => {
        // dispatchFromView never throws by contract; if it ever does, the app still gets an answer.
        const id = (json as { id?: unknown } | null)?.id;
        return FailureEnvelope.parse({ v: WIRE_VERSION, id: typeof id === 'string' || typeof id === 'number' ? id : null, ok: false, errMsg: 'bridge:fail internal error' });
      })
      .then((response) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(response));
      });
  });
}
