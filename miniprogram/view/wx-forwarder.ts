import type { WxPortMessage } from '../protocol';
import { NetworkForwarder } from './network-forwarder';

type HostWx = Record<string, unknown>;

/**
 * The view's half of `wx` for the logic Worker: each request the Worker's client sends is made with the
 * page's real `wx` (installed by the boot block and client before the runtime), and its outcome goes back
 * as the wire's response envelope. Host events (app show/hide) are passed on the same port.
 */
export function serveWx(port: MessagePort, hostWx: HostWx | undefined): void {
  const post = (message: WxPortMessage) => port.postMessage(message);
  // wx.request and the other task APIs return task objects: they are made with the page's task objects
  const network = new NetworkForwarder(hostWx, (event) => post({ t: 'event', event }));
  port.onmessage = (ev: MessageEvent) => {
    const data = ev.data as WxPortMessage;
    if (data?.t !== 'call') return;
    const { id, api, params } = data.msg;
    if (hostWx && network.handles(api)) {
      void network.call(api, params).then((outcome) =>
        post({ t: 'response', response: outcome.ok ? { v: 1, id, ok: true, result: outcome.result } : { v: 1, id, ok: false, ...failFields(api, outcome.fail) } }),
      );
      return;
    }
    const fn = hostWx?.[api];
    if (typeof fn !== 'function') {
      const why = hostWx ? 'not supported' : 'this page was opened outside the shell (no wx)';
      post({ t: 'response', response: { v: 1, id, ok: false, errMsg: `${api}:fail ${why}` } });
      return;
    }
    Promise.resolve()
      .then(() => (fn as (p: unknown) => unknown).call(hostWx, params))
      .then(
        (result) => post({ t: 'response', response: { v: 1, id, ok: true, result: (result ?? {}) as Record<string, unknown> } }),
        (fail: Record<string, unknown>) => post({ t: 'response', response: { v: 1, id, ok: false, ...failFields(api, fail) } }),
      );
  };
  for (const event of ['appShow', 'appHide'] as const) {
    const on = hostWx?.[event === 'appShow' ? 'onAppShow' : 'onAppHide'];
    if (typeof on === 'function') (on as (l: (d: unknown) => void) => void).call(hostWx, (data) => post({ t: 'event', event: { v: 1, event, data: data ?? {} } }));
  }
}

/** errMsg, errno and errCode of a failure, as the wire's failure envelope carries them */
function failFields(api: string, fail: Record<string, unknown> | undefined): Record<string, unknown> {
  return {
    errMsg: typeof fail?.['errMsg'] === 'string' ? fail['errMsg'] : `${api}:fail ${String(fail)}`,
    ...(typeof fail?.['errno'] === 'number' ? { errno: fail['errno'] } : {}),
    ...(typeof fail?.['errCode'] === 'number' ? { errCode: fail['errCode'] } : {}),
  };
}

/** the app's storage as the page's wx mirror has it, for the Worker's Sync storage APIs */
export function storageSnapshot(hostWx: HostWx | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  try {
    const info = (hostWx?.['getStorageInfoSync'] as (() => { keys: string[] }) | undefined)?.();
    const get = hostWx?.['getStorageSync'] as ((k: string) => unknown) | undefined;
    for (const key of info?.keys ?? []) out[key] = get?.(key);
  } catch (e) {
    console.error('mini program view: could not read the storage mirror; the Sync storage APIs start empty', e);
  }
  return out;
}
