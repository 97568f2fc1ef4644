import { EventEnvelope } from '../../core/contracts/wire';
import type { WxAppEventListener } from './types';

/** onAppShow/onAppHide listeners, fed by the host's events. */
export class AppEvents {
  private readonly listeners = { appShow: new Set<WxAppEventListener>(), appHide: new Set<WxAppEventListener>() };

  on(event: 'appShow' | 'appHide', listener: unknown): void {
    if (typeof listener !== 'function') throw new TypeError(`wx.on${event === 'appShow' ? 'AppShow' : 'AppHide'}: listener must be a function`);
    this.listeners[event].add(listener as WxAppEventListener);
  }

  /** without a listener removes all of them, as in WeChat */
  off(event: 'appShow' | 'appHide', listener?: unknown): void {
    if (listener === undefined) this.listeners[event].clear();
    else this.listeners[event].delete(listener as WxAppEventListener);
  }

  /** the transport's event handler: anything that is not a well-formed event is reported and dropped */
  receive(raw: unknown): void {
    const parsed = EventEnvelope.safeParse(raw);
    if (!parsed.success) {
      console.error('wx: ignored a malformed event from the host', parsed.error.issues);
      return;
    }
    const { event, data } = parsed.data;
    // storageChanged is reserved for the host; the mirror follows this page's own writes. networkTask
    // events belong to the network tasks (network-tasks.ts).
    if (event !== 'appShow' && event !== 'appHide') return;
    for (const listener of [...this.listeners[event]]) {
      try {
        listener({ ...data });
      } catch (e) {
        console.error(`wx: an ${event} listener threw`, e);
      }
    }
  }
}
