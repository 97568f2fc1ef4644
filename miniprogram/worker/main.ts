import { ErrorLocator } from '../logic/error-location';
import { ModuleLoader } from '../logic/module-loader';
import { sealWorkerGlobals } from '../logic/sealed-globals';
import type { FromWorkerThread, ToWorkerThread } from './protocol';
import { readWorkerBundle } from './worker-bundle';
import { createThreadWorker } from './worker-global';

/**
 * /__wx/runtime/worker.js: the thread wx.createWorker starts (app.json "workers"), a dedicated Worker nested in
 * the logic layer's. `start` names the app's workers bundle and the entry file; the bundle is loaded with
 * importScripts (a file of the app's own origin), then the thread's globals are sealed as the logic layer's are
 * (no fetch, XMLHttpRequest, WebSocket, importScripts, self... for package code), `worker` is installed, and
 * the entry module runs. WeChat's worker has no wx API and no DOM; neither does this one.
 */
interface ThreadScope {
  postMessage(message: FromWorkerThread): void;
  importScripts(...urls: string[]): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (ev: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (ev: PromiseRejectionEvent) => void): void;
  __wxWorkerBundle?: unknown;
}

const scope = globalThis as unknown as ThreadScope;
/** the thread's own channel and loader, kept before sealing removes them from the global object */
const post = scope.postMessage.bind(scope);
const importScripts = scope.importScripts.bind(scope);
let locator = new ErrorLocator(undefined, undefined, 'workers.js');
let deliver: ((message: unknown) => void) | undefined;

/** an exception of worker code, to the logic layer with the package's file:line:col */
function report(error: unknown): void {
  const err = error instanceof Error ? error : new Error(describe(error));
  const where = locator.locate(err.stack);
  post({ t: 'error', name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}), ...(where ? { where } : {}) });
}

/** a thrown value that is not an Error: its JSON, or its string form */
function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function start(message: Extract<ToWorkerThread, { t: 'start' }>): void {
  importScripts(message.bundleUrl);
  const bundle = readWorkerBundle(scope.__wxWorkerBundle);
  delete scope.__wxWorkerBundle;
  locator = new ErrorLocator(bundle.lines, bundle.columns, 'workers.js');
  // worker code gets require/module/exports only: wx, App, Page... are WeChat's logic layer's, not the worker's
  const loader = new ModuleLoader(bundle.modules, { wx: undefined, App: undefined, Page: undefined, Component: undefined, Behavior: undefined, getApp: undefined, getCurrentPages: undefined, requirePlugin: undefined });
  const entry = [message.scriptPath, `${message.scriptPath}.js`].find((path) => loader.has(path));
  if (!entry) throw new Error(`wx.createWorker("${message.scriptPath}"): no such file in the workers folder "${bundle.root}"`);
  const thread = createThreadWorker({ post, userDataPath: message.userDataPath, report });
  deliver = thread.deliver;
  Object.defineProperty(globalThis, 'worker', { value: thread.worker, writable: false, enumerable: false, configurable: false });
  sealWorkerGlobals(globalThis);
  loader.load(entry);
}

scope.addEventListener('message', (ev: MessageEvent) => {
  const message = ev.data as ToWorkerThread;
  if (message.t === 'message') {
    deliver?.(message.data);
    return;
  }
  if (message.t !== 'start' || deliver) return;
  try {
    start(message);
  } catch (e) {
    report(e);
  }
});

// errors outside the listeners (timers, promise chains): the same path, with file:line:col
scope.addEventListener('error', (ev) => {
  ev.preventDefault();
  report(ev.error ?? new Error(ev.message));
});
scope.addEventListener('unhandledrejection', (ev) => {
  ev.preventDefault();
  report(ev.reason);
});
