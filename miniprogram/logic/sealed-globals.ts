/**
 * What the Worker's global object offers that WeChat's logic layer does not have, and that package code
 * must not reach: its own networking (which would bypass the host's domain lists), the channel to the view
 * (the runtime's own), storage outside wx's, and ways to start more code. The runtime needs none of it
 * once the bundle is loaded; it keeps what it uses (postMessage) as a bound function of its own first.
 */
export const WORKER_ONLY_GLOBALS = [
  // networking and loading code
  'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'importScripts',
  'Worker', 'SharedWorker', 'BroadcastChannel', 'FontFace', 'fonts',
  // the view's channel and the Worker's own lifetime
  'postMessage', 'close', 'onmessage', 'onmessageerror', 'addEventListener', 'removeEventListener', 'dispatchEvent',
  // storage that is not wx's
  'indexedDB', 'caches', 'cookieStore', 'webkitRequestFileSystem', 'webkitRequestFileSystemSync',
  'webkitResolveLocalFileSystemURL', 'webkitResolveLocalFileSystemSyncURL',
  // the global object by name (globalThis stays: the runtime's bundled code reads it; nothing above is left on it)
  'self',
] as const;

type AnyObject = Record<string | symbol, unknown>;

/**
 * Removes WORKER_ONLY_GLOBALS from `scope` and from the prototypes it inherits them from
 * (WorkerGlobalScope.prototype holds fetch, importScripts, self, indexedDB... in Chromium), so they are
 * gone however the global object is reached: a bare name, `globalThis`, a sloppy function's `this`,
 * `Function('return this')()`. EventTarget.prototype's methods stay (MessagePorts need them): the global
 * gets own `undefined` properties over them. `navigator` becomes a frozen copy of what the runtime reads
 * (userAgent, language), without storage, locks or the rest. Returns the names that were present.
 */
export function sealWorkerGlobals(scope: object): string[] {
  const global = scope as AnyObject;
  const removed: string[] = [];
  const eventTargetProto = (global['EventTarget'] as { prototype?: unknown } | undefined)?.prototype;
  for (const name of WORKER_ONLY_GLOBALS) {
    if (!(name in global)) continue;
    removed.push(name);
    for (let o: AnyObject | null = global; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as AnyObject | null) {
      if (o !== (eventTargetProto as unknown) && Object.hasOwn(o, name)) Reflect.deleteProperty(o, name);
    }
    if (name in global) shadow(global, name, undefined);
  }
  sealNavigator(global);
  return removed;
}

function sealNavigator(global: AnyObject): void {
  const nav = global['navigator'] as { userAgent?: unknown; language?: unknown } | undefined;
  if (!nav) return;
  const copy = Object.freeze({ userAgent: String(nav.userAgent ?? ''), language: String(nav.language ?? '') });
  for (let o: AnyObject | null = global; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as AnyObject | null) {
    if (Object.hasOwn(o, 'navigator')) Reflect.deleteProperty(o, 'navigator');
  }
  shadow(global, 'navigator', copy);
}

/** an own, fixed property of the global over whatever it inherits (or, failing that, its value replaced) */
function shadow(global: AnyObject, name: string, value: unknown): void {
  if (!Reflect.defineProperty(global, name, { value, writable: false, enumerable: false, configurable: false })) Reflect.set(global, name, value);
}
