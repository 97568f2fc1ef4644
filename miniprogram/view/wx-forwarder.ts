import type { WxPortMessage } from '../protocol';
import { createNetworkForwarder, NETWORK_WIRE_APIS } from './network-forwarder';
import { FILE_WIRE_APIS, forwardFileCall } from './file-forwarder';

type HostWx = Record<string, unknown>;

/**
 * The view's half of `wx` for the logic Worker: each request the Worker's client sends is made with the
 * page's real `wx` (installed by the boot block and client before the runtime), and its outcome goes back
 * as the wire's response envelope. Host events (app show/hide) are passed on the same port.
 */
export function serveWx(port: MessagePort, hostWx: HostWx | undefined): void {
  const post = (message: WxPortMessage) => port.postMessage(message);
  // request, connectSocket and their tasks return task objects: they have their own forwarder
  const network = hostWx ? createNetworkForwarder(hostWx, post) : undefined;
  port.onmessage = (ev: MessageEvent) => {
    const data = ev.data as WxPortMessage;
    if (data?.t !== 'call') return;
    const { id, api, params } = data.msg;
    if (network && NETWORK_WIRE_APIS.has(api)) {
      network(api, params, (outcome) => post({ t: 'response', response: outcome.ok ? { v: 1, id, ok: true, result: outcome.result } : failure(api, id, outcome.fail) }));
      return;
    }
    if (hostWx && FILE_WIRE_APIS.has(api)) {
      forwardFileCall(hostWx, api, params, {
        success: (result) => post({ t: 'response', response: { v: 1, id, ok: true, result } }),
        fail: (fail) => post({ t: 'response', response: failure(api, id, fail) }),
      });
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
        (fail: { errMsg?: unknown; errno?: unknown; errCode?: unknown }) => post({ t: 'response', response: failure(api, id, fail) }),
      );
  };
  for (const event of ['appShow', 'appHide'] as const) {
    const on = hostWx?.[event === 'appShow' ? 'onAppShow' : 'onAppHide'];
    if (typeof on === 'function') (on as (l: (d: unknown) => void) => void).call(hostWx, (data) => post({ t: 'event', event: { v: 1, event, data: data ?? {} } }));
  }
}

function failure(api: string, id: WxCallId, fail: { errMsg?: unknown; errno?: unknown; errCode?: unknown }) {
  return {
    v: 1 as const,
    id,
    ok: false as const,
    errMsg: typeof fail?.errMsg === 'string' ? fail.errMsg : `${api}:fail ${String(fail)}`,
    ...(typeof fail?.errno === 'number' ? { errno: fail.errno } : {}),
    ...(typeof fail?.errCode === 'number' ? { errCode: fail.errCode } : {}),
  };
}
type WxCallId = Extract<WxPortMessage, { t: 'call' }>['msg']['id'];

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
