import type { FromWorkerThread } from './protocol';

/** The `worker` global of WeChat's worker thread (its "Worker" object, as the worker's own code sees it). */
export interface ThreadWorker {
  readonly env: { readonly USER_DATA_PATH: string };
  postMessage(message: unknown): void;
  onMessage(listener: unknown): void;
  terminate(): void;
  testOnProcessKilled(): void;
}

/**
 * Builds the `worker` object and the delivery of the logic layer's messages to its listeners. `post` is the
 * thread's own postMessage, kept before the globals are sealed; `report` takes an exception of a listener.
 */
export function createThreadWorker(options: { post: (message: FromWorkerThread) => void; userDataPath: string; report: (error: unknown) => void }) {
  const listeners: Array<(message: unknown) => void> = [];
  const worker: ThreadWorker = Object.freeze({
    env: Object.freeze({ USER_DATA_PATH: options.userDataPath }),
    postMessage(message: unknown) {
      try {
        options.post({ t: 'message', data: message });
      } catch (e) {
        throw new TypeError(`Worker.postMessage: the message cannot be copied to the main thread (${(e as Error).message}); send plain data: objects, arrays, strings, numbers, ArrayBuffers`, { cause: e });
      }
    },
    // WeChat passes the main thread's message itself to the listener (its examples log `res` as the object sent)
    onMessage(listener: unknown) {
      if (typeof listener !== 'function') throw new TypeError('Worker.onMessage: listener must be a function');
      listeners.push(listener as (message: unknown) => void);
    },
    terminate() {
      throw new Error('Worker.terminate: call it on the main thread\'s Worker object (the one wx.createWorker returned)');
    },
    testOnProcessKilled() {
      options.post({ t: 'killed' });
    },
  });
  const deliver = (message: unknown) => {
    for (const listener of [...listeners]) {
      try {
        listener(message);
      } catch (e) {
        options.report(e);
      }
    }
  };
  return { worker, deliver };
}
