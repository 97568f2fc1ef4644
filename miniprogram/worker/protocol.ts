/**
 * The messages between the logic layer's Worker object (miniprogram/logic/app-worker.ts) and the worker thread
 * it starts (miniprogram/worker/main.ts). The app's own messages travel as `data`, structured-cloned.
 */

/** logic layer -> worker thread */
export type ToWorkerThread =
  | { t: 'start'; bundleUrl: string; scriptPath: string; userDataPath: string }
  | { t: 'message'; data: unknown };

/** worker thread -> logic layer */
export type FromWorkerThread =
  | { t: 'message'; data: unknown }
  /** an exception in worker code, `where` being the package's file:line:col */
  | { t: 'error'; name: string; message: string; stack?: string; where?: string }
  /** Worker.testOnProcessKilled(): the worker asks to be treated as reclaimed by the system */
  | { t: 'killed' };

/** Where the host serves the worker thread's runtime and the app's workers bundle (core/wechat/serve-paths.ts). */
export const WORKER_RUNTIME_URL = '/__wx/runtime/worker.js';
export const WORKER_BUNDLE_URL = '/__wx/app/workers.js';
