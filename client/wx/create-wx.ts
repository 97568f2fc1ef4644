import './zod-config';
import { API_NAMES, FILE_API_NAMES } from '../../core/contracts/api-names';
import { utf8ByteLength } from '../../core/contracts/storage-quota';
import { MAX_REQUEST_BYTES, WIRE_VERSION } from '../../core/contracts/wire';
import type { WxTransport } from '../transport';
import { typeName } from './type-name';
import { AppEvents } from './app-events';
import { createInvoker } from './invoke';
import { createNetworkApis } from './network-tasks';
import { NETWORK_API_NAMES } from '../../core/contracts/network-task-wire';
import { StorageMirror } from './storage-mirror';
import { createFileSystemApis } from './file-system';
import type { CreateWxOptions, Wx } from './types';

const MAX_KEY_LENGTH = 512;

/** The Sync forms throw, as WeChat's do; the message has the same shape as the async form's errMsg. */
function checkKey(api: string, key: unknown): string {
  if (typeof key !== 'string') throw new Error(`${api}:fail parameter error: parameter.key should be String instead of ${typeName(key)};`);
  if (key.length === 0) throw new Error(`${api}:fail parameter error: parameter.key key must be a non-empty string;`);
  if (key.length > MAX_KEY_LENGTH) throw new Error(`${api}:fail parameter error: parameter.key must be at most ${MAX_KEY_LENGTH} characters;`);
  return key;
}

/**
 * Bytes of the setStorage request that will carry a Sync write to the host, with the longest possible id,
 * so that a value the host would refuse as too large is refused up front instead of living in this page only.
 */
function writeThroughBytes(key: string, data: unknown): number {
  try {
    return utf8ByteLength(JSON.stringify({ v: WIRE_VERSION, id: Number.MAX_SAFE_INTEGER, api: 'setStorage', params: { key, data } }));
  } catch {
    return 0; // not JSON at all: the mirror refuses it with the parameter error
  }
}

function paramOf(params: Record<string, unknown>, name: string): unknown {
  return params[name];
}

/**
 * Builds the `wx` object a mini program page uses. Every API of the bridge's API table is here, in
 * callback or Promise style, plus the Sync storage forms (served from a local mirror and written through
 * asynchronously) and the app show/hide events.
 */
export function createWx(transport: WxTransport, options: CreateWxOptions = {}): Wx {
  const invoker = createInvoker(transport);
  const mirror = new StorageMirror(options.storageMirror);
  const events = new AppEvents();
  const network = createNetworkApis(invoker);
  transport.onEvent((event) => {
    events.receive(event);
    network.receive(event);
  });

  const methods: Record<string, unknown> = {};
  // the network and file APIs have their own forms: tasks, and the file system manager
  const ownForms: ReadonlySet<string> = new Set([...NETWORK_API_NAMES, ...FILE_API_NAMES]);
  for (const api of API_NAMES) if (!ownForms.has(api)) methods[api] = (opts?: unknown) => invoker.call(api, opts);
  // request, downloadFile, uploadFile, connectSocket return their task; the socket's global forms
  Object.assign(methods, network.methods);
  // getFileSystemManager, env, and the four file APIs WeChat also has on wx (wx.readFile does not exist)
  Object.assign(methods, createFileSystemApis(invoker));

  // The async storage forms keep the mirror in step with the host, in the order the calls were issued.
  methods['setStorage'] = (opts?: unknown) => {
    const ticket = mirror.ticket();
    return invoker.call('setStorage', opts, (p) => mirror.setConfirmed(String(paramOf(p, 'key')), paramOf(p, 'data'), ticket));
  };
  methods['removeStorage'] = (opts?: unknown) => {
    const ticket = mirror.ticket();
    return invoker.call('removeStorage', opts, (p) => mirror.remove(String(paramOf(p, 'key')), ticket));
  };
  methods['clearStorage'] = (opts?: unknown) => {
    const ticket = mirror.ticket();
    return invoker.call('clearStorage', opts, () => mirror.clear(ticket));
  };

  const writeThrough = (api: string, params: Record<string, unknown>, syncName: string) => {
    void invoker.send(api, params).then((outcome) => {
      // The page already saw its write succeed; all that is left is telling the developer the host disagreed.
      if (!outcome.ok) console.error(`wx.${syncName}: the host did not apply the change (${outcome.result.errMsg}); it holds for this page only`);
    });
  };

  const wx = {
    ...methods,
    setStorageSync(key: unknown, data: unknown) {
      const k = checkKey('setStorageSync', key);
      const bytes = writeThroughBytes(k, data);
      if (bytes > MAX_REQUEST_BYTES) throw new Error(`setStorageSync:fail request too large: ${bytes} bytes, the limit is ${MAX_REQUEST_BYTES}`);
      const ticket = mirror.ticket();
      const applied = mirror.setLocal(k, data, ticket);
      if (!applied.ok) throw new Error(`setStorageSync:fail ${applied.reason}`);
      writeThrough('setStorage', { key: k, data: applied.stored }, 'setStorageSync');
    },
    getStorageSync(key: unknown) {
      const k = checkKey('getStorageSync', key);
      return mirror.has(k) ? mirror.get(k) : '';
    },
    removeStorageSync(key: unknown) {
      const k = checkKey('removeStorageSync', key);
      mirror.remove(k, mirror.ticket());
      writeThrough('removeStorage', { key: k }, 'removeStorageSync');
    },
    clearStorageSync() {
      mirror.clear(mirror.ticket());
      writeThrough('clearStorage', {}, 'clearStorageSync');
    },
    getStorageInfoSync: () => mirror.info(),
    onAppShow: (listener: unknown) => events.on('appShow', listener),
    offAppShow: (listener?: unknown) => events.off('appShow', listener),
    onAppHide: (listener: unknown) => events.on('appHide', listener),
    offAppHide: (listener?: unknown) => events.off('appHide', listener),
  };
  // Frozen: one part of a page cannot swap an API out from under another.
  return Object.freeze(wx) as unknown as Wx;
}
