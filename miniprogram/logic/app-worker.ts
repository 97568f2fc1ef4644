import { isInWorkers, outsideWorkersReason, workerScriptPath, workersRoot } from '../../core/wechat/workers-config';
import { typeName } from '../../client/wx/type-name';
import { WORKER_BUNDLE_URL, WORKER_RUNTIME_URL, type FromWorkerThread, type ToWorkerThread } from '../worker/protocol';

/**
 * wx.createWorker (WeChat's "多线程 Worker"): a dedicated Worker nested in the logic layer's runs the app's
 * workers bundle (miniprogram/worker/main.ts). Only one at a time, as WeChat allows; messages are copied
 * (structured clone) both ways; an exception in worker code reaches the console and the inspector with the
 * package's file:line:col.
 */

/** the part of a dedicated Worker this file uses (a fake one in unit tests) */
export interface WorkerThread {
  postMessage(message: ToWorkerThread): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (ev: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (ev: { message?: string; preventDefault(): void }) => void): void;
}

export type SpawnThread = (url: string) => WorkerThread;

/** An exception in worker code, as the worker thread described it. */
export interface WorkerThreadError {
  name?: string;
  message: string;
  stack?: string;
  where?: string;
}

/** The Worker object wx.createWorker returns (WeChat's Worker, main-thread side). */
export interface WxWorker {
  readonly env: { readonly USER_DATA_PATH: string };
  postMessage(message: unknown): void;
  onMessage(listener: unknown): void;
  onProcessKilled(listener: unknown): void;
  terminate(): void;
}

/**
 * The logic Worker's own `Worker` constructor and its URL's query (the runtime's `?v=` build, so worker.js is
 * cached like logic.js), read when the runtime is built: sealed-globals.ts removes `Worker` from the global
 * object before package code runs. Undefined where there is none (Node, in unit tests).
 */
export function nestedWorkerSpawner(global: typeof globalThis): SpawnThread | undefined {
  const NativeWorker = (global as { Worker?: new (url: string) => WorkerThread }).Worker;
  if (typeof NativeWorker !== 'function') return undefined;
  const query = (global as { location?: { search?: string } }).location?.search ?? '';
  return (url) => new NativeWorker(`${url}${query}`);
}

export interface CreateWorkerOptions {
  /** app.json "workers" as written */
  workers: unknown;
  spawn: SpawnThread | undefined;
  userDataPath: string;
  /** an exception in worker code (the worker thread located it) */
  report(error: WorkerThreadError): void;
}

type Listener = (value: unknown) => void;

const listenerOf = (method: string, listener: unknown): Listener => {
  if (typeof listener !== 'function') throw new TypeError(`Worker.${method}: listener must be a function`);
  return listener as Listener;
};

/** wx.createWorker(scriptPath[, { useExperimentalWorker }]) */
export function createWorkerApi(options: CreateWorkerOptions): (scriptPath: unknown, createOptions?: unknown) => WxWorker {
  /** WeChat: "at most one Worker; call Worker.terminate before creating the next" */
  let running: WorkerThread | undefined;
  return (scriptPath) => {
    if (typeof scriptPath !== 'string') throw new TypeError(`wx.createWorker: scriptPath must be a String, got ${typeName(scriptPath)}`);
    if (options.workers === undefined) throw new Error('wx.createWorker: app.json has no "workers" field; add "workers": "<folder>" naming the folder of the worker code');
    const found = workersRoot(options.workers);
    if (!found.ok) throw new Error(`wx.createWorker: app.json "workers" ${found.reason}`);
    const path = workerScriptPath(scriptPath);
    if (path === undefined || !isInWorkers(path, found.root)) throw new Error(`wx.createWorker("${scriptPath}"): ${outsideWorkersReason(found.root)}`);
    if (running) throw new Error('wx.createWorker: only one Worker may run at a time; call terminate() on the current one before creating another');
    if (!options.spawn) throw new Error('wx.createWorker: worker threads are not available here');
    const thread = options.spawn(WORKER_RUNTIME_URL);
    running = thread;
    let ended = false;
    const messageListeners: Listener[] = [];
    const killedListeners: Listener[] = [];
    const end = () => {
      if (ended) return;
      ended = true;
      thread.terminate();
      if (running === thread) running = undefined;
    };
    thread.addEventListener('message', (ev) => {
      if (ended) return;
      const message = ev.data as FromWorkerThread;
      if (message.t === 'message') for (const listener of [...messageListeners]) listener(message.data);
      else if (message.t === 'error') options.report(message);
      else if (message.t === 'killed') {
        // as a reclaimed experimental worker: gone, and its onProcessKilled listeners told, so the app can create another
        end();
        for (const listener of [...killedListeners]) listener({});
      }
    });
    // the thread's script itself failed to load or run (not the package's code: that comes as an 'error' message)
    thread.addEventListener('error', (ev) => {
      ev.preventDefault();
      options.report({ message: `the worker thread failed to start: ${ev.message ?? 'unknown error'}` });
    });
    thread.postMessage({ t: 'start', bundleUrl: WORKER_BUNDLE_URL, scriptPath: path, userDataPath: options.userDataPath });
    return Object.freeze({
      env: Object.freeze({ USER_DATA_PATH: options.userDataPath }),
      postMessage(message: unknown) {
        if (ended) throw new Error('Worker.postMessage: this Worker was terminated; create a new one with wx.createWorker');
        try {
          thread.postMessage({ t: 'message', data: message });
        } catch (e) {
          throw new TypeError(`Worker.postMessage: the message cannot be copied to the worker (${(e as Error).message}); send plain data: objects, arrays, strings, numbers, ArrayBuffers`, { cause: e });
        }
      },
      // WeChat passes the worker's message itself to the listener (its examples log `res` as the object sent)
      onMessage(listener: unknown) {
        messageListeners.push(listenerOf('onMessage', listener));
      },
      // a desktop never reclaims the thread; only the worker's own testOnProcessKilled() fires these
      onProcessKilled(listener: unknown) {
        killedListeners.push(listenerOf('onProcessKilled', listener));
      },
      terminate: end,
    });
  };
}

/** The worker's exception as an Error of this thread (its stack is the worker's), for the console and the inspector. */
export function workerErrorOf(report: WorkerThreadError): Error {
  const error = new Error(report.message);
  error.name = report.name ?? 'Error';
  if (report.stack !== undefined) error.stack = report.stack;
  return error;
}
