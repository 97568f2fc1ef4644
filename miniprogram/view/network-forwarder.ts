import { fromBase64 } from '../../client/wx/base64';
import type { WxPortMessage } from '../protocol';

type HostWx = Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;
type Task = Record<string, Fn>;

/**
 * The network tasks of the logic Worker. The Worker's wx sends the wire calls (request with its taskId,
 * abortNetworkTask, sendSocketMessage…); here each one is made with the page's real wx task API and the
 * page task's events go back to the Worker as `networkTask` events under the Worker's taskId, so the
 * Worker's RequestTask/SocketTask objects behave exactly as in a web-format page.
 */
const TASK_EVENTS: Record<string, Array<[listen: string, type: string]>> = {
  request: [['onHeadersReceived', 'headersReceived']],
  downloadFile: [
    ['onHeadersReceived', 'headersReceived'],
    ['onProgressUpdate', 'progress'],
  ],
  uploadFile: [
    ['onHeadersReceived', 'headersReceived'],
    ['onProgressUpdate', 'progress'],
  ],
  connectSocket: [
    ['onOpen', 'open'],
    ['onMessage', 'message'],
    ['onError', 'error'],
    ['onClose', 'close'],
  ],
};

export const NETWORK_WIRE_APIS: ReadonlySet<string> = new Set([...Object.keys(TASK_EVENTS), 'abortNetworkTask', 'sendSocketMessage', 'closeSocket']);

type Respond = (outcome: { ok: true; result: Record<string, unknown> } | { ok: false; fail: { errMsg?: unknown; errno?: unknown; errCode?: unknown } }) => void;

export function createNetworkForwarder(hostWx: HostWx, post: (message: WxPortMessage) => void) {
  const tasks = new Map<string, Task>();
  const event = (taskId: string, type: string, detail: unknown) => post({ t: 'event', event: { v: 1, event: 'networkTask', data: { taskId, type, detail: detail ?? {} } } });

  return (api: string, params: Record<string, unknown>, respond: Respond): void => {
    const taskId = String(params['taskId'] ?? '');
    const { taskId: _drop, ...options } = params;
    void _drop;
    if (api in TASK_EVENTS) {
      const task = (hostWx[api] as Fn)({
        ...options,
        success: (result: Record<string, unknown>) => {
          if (api !== 'connectSocket') tasks.delete(taskId);
          respond({ ok: true, result });
        },
        fail: (fail: { errMsg?: unknown }) => {
          tasks.delete(taskId);
          respond({ ok: false, fail });
        },
      }) as Task;
      tasks.set(taskId, task);
      for (const [listen, type] of TASK_EVENTS[api]!) {
        task[listen]?.((detail: unknown) => {
          if (type === 'close') tasks.delete(taskId);
          event(taskId, type, detail);
        });
      }
      return;
    }
    const task = tasks.get(taskId);
    if (api === 'abortNetworkTask') {
      task?.['abort']?.();
      respond({ ok: true, result: {} });
      return;
    }
    if (!task) {
      respond({ ok: false, fail: { errMsg: `${api}:fail WebSocket is not connected` } });
      return;
    }
    const method = api === 'sendSocketMessage' ? 'send' : 'close';
    const data = typeof options['dataBase64'] === 'string' ? fromBase64(options['dataBase64']) : options['data'];
    const { dataBase64: _b64, ...rest } = options;
    void _b64;
    task[method]!({
      ...rest,
      ...(api === 'sendSocketMessage' ? { data } : {}),
      success: (result: Record<string, unknown>) => respond({ ok: true, result }),
      fail: (fail: { errMsg?: unknown }) => respond({ ok: false, fail }),
    });
  };
}
