import type { WxTransport } from '../../client/transport';
import type { WxPortMessage } from '../protocol';


export interface PortLike {
  postMessage(message: WxPortMessage): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

/**
 * The wx client's transport inside the Worker: requests go to the view over a MessagePort, the view calls
 * the page's real `wx` and answers with the response envelope; host events (app show/hide) come the same way.
 * The client parses everything it receives, so this stays a dumb pipe.
 */
export function createPortTransport(port: PortLike): WxTransport {
  const pending = new Map<unknown, (response: unknown) => void>();
  const listeners: Array<(event: unknown) => void> = [];
  port.onmessage = (ev) => {
    const data = ev.data as WxPortMessage;
    if (data?.t === 'response') {
      const resolve = pending.get(data.response.id);
      if (resolve) {
        pending.delete(data.response.id);
        resolve(data.response);
      }
    } else if (data?.t === 'event') {
      for (const listener of listeners) listener(data.event);
    }
  };
  return {
    request(msg) {
      return new Promise((resolve) => {
        pending.set(msg.id, resolve);
        port.postMessage({ t: 'call', msg });
      });
    },
    onEvent(listener) {
      listeners.push(listener);
    },
  };
}
