import { describe, expect, it, vi } from 'vitest';
import { createWorkerApi, type WorkerThread, type WorkerThreadError } from '../../../miniprogram/logic/app-worker';
import type { FromWorkerThread, ToWorkerThread } from '../../../miniprogram/worker/protocol';
import { createThreadWorker } from '../../../miniprogram/worker/worker-global';

/** a stand-in for the nested dedicated Worker: records what the logic layer sends, lets a test answer */
class FakeThread implements WorkerThread {
  readonly sent: ToWorkerThread[] = [];
  terminated = false;
  private readonly listeners: Record<string, Array<(ev: never) => void>> = {};
  constructor(readonly url: string) {}
  postMessage(message: ToWorkerThread): void {
    structuredClone(message); // as a real Worker: a function or a DOM node cannot be copied
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: string, listener: (ev: never) => void): void {
    (this.listeners[type] ??= []).push(listener);
  }
  answer(message: FromWorkerThread): void {
    for (const l of this.listeners['message'] ?? []) l({ data: message } as never);
  }
}

/** app.json "workers" is "workers" unless a test passes its own value (undefined: no such field) */
function setup(...given: [unknown?]) {
  const workers = given.length > 0 ? given[0] : 'workers';
  const threads: FakeThread[] = [];
  const reports: WorkerThreadError[] = [];
  const createWorker = createWorkerApi({
    workers,
    spawn: (url) => {
      const thread = new FakeThread(url);
      threads.push(thread);
      return thread;
    },
    userDataPath: 'wxfile://usr',
    report: (e) => reports.push(e),
  });
  return { createWorker, threads, reports };
}

describe('wx.createWorker in the logic layer', () => {
  it('starts worker.js and tells it the entry, then carries messages both ways (the listener gets the message itself)', () => {
    const { createWorker, threads } = setup();
    const worker = createWorker('workers/fib/index.js');
    expect(threads).toHaveLength(1);
    expect(threads[0]!.url).toBe('/__wx/runtime/worker.js');
    expect(threads[0]!.sent[0]).toEqual({ t: 'start', bundleUrl: '/__wx/app/workers.js', scriptPath: 'workers/fib/index.js', userDataPath: 'wxfile://usr' });
    const heard: unknown[] = [];
    worker.onMessage((m: unknown) => heard.push(m));
    worker.postMessage({ n: 30 });
    expect(threads[0]!.sent[1]).toEqual({ t: 'message', data: { n: 30 } });
    threads[0]!.answer({ t: 'message', data: { value: 832040 } });
    expect(heard).toEqual([{ value: 832040 }]);
    expect(worker.env.USER_DATA_PATH).toBe('wxfile://usr');
  });

  it('allows one worker at a time: a second before terminate() throws, after it works', () => {
    const { createWorker, threads } = setup();
    const first = createWorker('workers/index.js');
    expect(() => createWorker('workers/index.js')).toThrow('wx.createWorker: only one Worker may run at a time; call terminate() on the current one before creating another');
    first.terminate();
    expect(threads[0]!.terminated).toBe(true);
    expect(() => first.postMessage({})).toThrow('Worker.postMessage: this Worker was terminated; create a new one with wx.createWorker');
    createWorker('workers/index.js');
    expect(threads).toHaveLength(2);
  });

  it('refuses a script outside the workers folder, and an app without "workers", with a clear sentence', () => {
    expect(() => setup().createWorker('pages/index/index.js')).toThrow('wx.createWorker("pages/index/index.js"): the script must be inside the workers folder "workers" (app.json "workers")');
    expect(() => setup().createWorker('workers/../app.js')).toThrow('must be inside the workers folder');
    expect(() => setup(undefined).createWorker('workers/index.js')).toThrow('wx.createWorker: app.json has no "workers" field');
    expect(() => setup({ path: 'workers', isSubpackage: true }).createWorker('/workers/index.js')).not.toThrow();
    expect(() => setup().createWorker(42)).toThrow('wx.createWorker: scriptPath must be a String, got Number');
  });

  it('a message that cannot be copied fails at the caller with a clear error', () => {
    const worker = setup().createWorker('workers/index.js');
    expect(() => worker.postMessage({ callback: () => 1 })).toThrow(/^Worker\.postMessage: the message cannot be copied to the worker \(.+\); send plain data/);
  });

  it("passes the worker's exceptions on; testOnProcessKilled ends the worker and calls onProcessKilled", () => {
    const { createWorker, threads, reports } = setup();
    const worker = createWorker('workers/index.js');
    threads[0]!.answer({ t: 'error', name: 'Error', message: 'boom', where: 'workers/index.js:3:9' });
    expect(reports).toEqual([{ t: 'error', name: 'Error', message: 'boom', where: 'workers/index.js:3:9' }]);
    const killed = vi.fn();
    worker.onProcessKilled(killed);
    threads[0]!.answer({ t: 'killed' });
    expect(killed).toHaveBeenCalledTimes(1);
    expect(threads[0]!.terminated).toBe(true);
    expect(() => createWorker('workers/index.js')).not.toThrow();
  });
});

describe('the `worker` global of the worker thread', () => {
  it('posts to the logic layer, hands messages to its listeners and reports a listener that throws', () => {
    const posted: FromWorkerThread[] = [];
    const reported: unknown[] = [];
    const { worker, deliver } = createThreadWorker({ post: (m) => posted.push(m), userDataPath: 'wxfile://usr', report: (e) => reported.push(e) });
    const heard: unknown[] = [];
    worker.onMessage((m: unknown) => heard.push(m));
    worker.onMessage(() => {
      throw new Error('listener broke');
    });
    deliver({ n: 30 });
    expect(heard).toEqual([{ n: 30 }]);
    expect((reported[0] as Error).message).toBe('listener broke');
    worker.postMessage({ value: 1 });
    expect(posted).toEqual([{ t: 'message', data: { value: 1 } }]);
    expect(worker.env.USER_DATA_PATH).toBe('wxfile://usr');
    expect(() => worker.terminate()).toThrow("Worker.terminate: call it on the main thread's Worker object");
    expect(() => worker.onMessage('nope')).toThrow('Worker.onMessage: listener must be a function');
  });
});
