import { NETWORK_API_NAMES, type NetworkTaskEvent } from '../../core/contracts/network';

type HostWx = Record<string, unknown>;
type Outcome = { ok: true; result: Record<string, unknown> } | { ok: false; fail: Record<string, unknown> };
type HostTask = Record<string, unknown>;

/** the calls that start a task and return its task object */
const TASK_STARTERS = new Set(['request', 'downloadFile', 'uploadFile', 'connectSocket']);
/** task-object listener -> the host's networkTask event type it carries */
const TASK_EVENTS: ReadonlyArray<readonly [string, NetworkTaskEvent['type']]> = [
  ['onHeadersReceived', 'headersReceived'],
  ['onProgressUpdate', 'progress'],
  ['onOpen', 'open'],
  ['onMessage', 'message'],
  ['onError', 'error'],
  ['onClose', 'close'],
];

/**
 * The network APIs of the logic Worker's wx, made with the page's wx. The Worker's client names each task
 * (taskId) and sends its calls as wire requests; the page's wx only offers WeChat's task objects, which name
 * their own tasks. So each Worker task gets a page task: its outcome answers the Worker's request, its
 * listeners come back as `networkTask` events under the Worker's taskId, and abort / send / close act on it.
 */
export class NetworkForwarder {
  private readonly tasks = new Map<string, HostTask>();

  constructor(
    private readonly hostWx: HostWx | undefined,
    private readonly emit: (event: { v: 1; event: 'networkTask'; data: NetworkTaskEvent }) => void,
  ) {}

  handles(api: string): boolean {
    return (NETWORK_API_NAMES as readonly string[]).includes(api);
  }

  /** answers one of the Worker's network calls; resolves with its outcome */
  call(api: string, params: Record<string, unknown>): Promise<Outcome> {
    const { taskId, ...rest } = params;
    const id = typeof taskId === 'string' ? taskId : '';
    if (api === 'abortNetworkTask') {
      const task = this.tasks.get(id);
      if (typeof task?.['abort'] === 'function') (task['abort'] as () => void)();
      return Promise.resolve({ ok: true, result: {} });
    }
    return new Promise<Outcome>((settle) => {
      const resolve = (outcome: Outcome) => {
        // a request, download or upload is over with its outcome; a socket with its close event
        if (TASK_STARTERS.has(api) && (api !== 'connectSocket' || !outcome.ok)) this.tasks.delete(id);
        settle(outcome);
      };
      const callbacks = {
        success: (result: Record<string, unknown>) => resolve({ ok: true, result }),
        fail: (fail: Record<string, unknown>) => resolve({ ok: false, fail }),
      };
      if (TASK_STARTERS.has(api)) {
        const start = this.hostWx?.[api];
        if (typeof start !== 'function') return resolve({ ok: false, fail: { errMsg: `${api}:fail not supported` } });
        this.track(id, (start as (o: unknown) => HostTask).call(this.hostWx, { ...rest, ...callbacks }));
        return;
      }
      // sendSocketMessage / closeSocket on the Worker's socket
      const task = this.tasks.get(id);
      const method = task?.[api === 'sendSocketMessage' ? 'send' : 'close'];
      if (typeof method !== 'function') return resolve({ ok: false, fail: { errMsg: `${api}:fail WebSocket is not connected` } });
      (method as (o: unknown) => void).call(task, { ...rest, ...callbacks });
    });
  }

  private track(id: string, task: HostTask): void {
    if (!task || typeof task !== 'object') return;
    this.tasks.set(id, task);
    for (const [listen, type] of TASK_EVENTS) {
      const on = task[listen];
      if (typeof on !== 'function') continue;
      (on as (l: (detail: unknown) => void) => void).call(task, (detail) => {
        this.emit({ v: 1, event: 'networkTask', data: { taskId: id, type, detail: (detail ?? {}) as Record<string, unknown> } });
        if (type === 'close') this.tasks.delete(id);
      });
    }
  }
}
