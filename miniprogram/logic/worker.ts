import type { ToLogic, ToView } from '../protocol';
import { readBundle } from './bundle';
import { createPortTransport, type PortLike } from './port-transport';
import { LogicRuntime } from './runtime';
import { sealWorkerGlobals } from './sealed-globals';

/**
 * /__wx/runtime/logic.js: the logic layer's dedicated Worker. The view sends `start` with a MessagePort
 * for wx; the Worker loads the app's compiled bundle with importScripts (a file from the app's own
 * origin, so CSP script-src 'self' holds and nothing is eval'ed) and runs the app. Before any package code
 * runs, the Worker's own globals (fetch, importScripts, postMessage, self...) are removed: WeChat's logic
 * layer has none, and package code must reach the network and the view only through wx.
 */
interface WorkerScope {
  postMessage(message: ToView): void;
  importScripts(...urls: string[]): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (ev: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (ev: PromiseRejectionEvent) => void): void;
  __wxAppBundle?: unknown;
}

const scope = globalThis as unknown as WorkerScope;
/** the runtime's own channel to the view, kept before the global one is removed */
const post = scope.postMessage.bind(scope);
let runtime: LogicRuntime | undefined;
/** messages that arrived before the bundle finished loading */
const early: ToLogic[] = [];

scope.addEventListener('message', (ev: MessageEvent) => {
  const message = ev.data as ToLogic;
  if (message.t !== 'start') {
    if (runtime) runtime.receive(message);
    else early.push(message);
    return;
  }
  if (runtime) return;
  try {
    scope.importScripts(message.bundleUrl);
    const bundle = readBundle(scope.__wxAppBundle);
    delete scope.__wxAppBundle;
    const port = ev.ports[0];
    if (!port) throw new Error('the view did not hand over the wx port');
    runtime = new LogicRuntime({
      bundle,
      post,
      transport: createPortTransport(port as unknown as PortLike),
      storageMirror: message.storageMirror,
      window: { width: message.window.width, height: message.window.height, pixelRatio: message.window.pixelRatio },
      ...(message.launch ? { launch: message.launch } : {}),
    });
    sealWorkerGlobals(globalThis);
    runtime.start();
    for (const m of early.splice(0)) runtime.receive(m);
  } catch (e) {
    post({ t: 'fatal', message: e instanceof Error ? e.message : String(e) });
  }
});

// Errors outside glass-easel's callbacks (timers, promise chains): same path as the rest, with file:line
scope.addEventListener('error', (ev) => {
  if (!runtime) return;
  ev.preventDefault();
  runtime.reportError(ev.error ?? new Error(ev.message));
});
scope.addEventListener('unhandledrejection', (ev) => {
  if (!runtime) return;
  ev.preventDefault();
  runtime.reportRejection(ev.reason, ev.promise);
});
