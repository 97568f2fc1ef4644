import { NetworkTaskEvent, type TaskApiName } from '../../core/contracts/network-task-wire';
import { EventEnvelope } from '../../core/contracts/wire';
import { fromBase64, isBinary, toBase64 } from './base64';
import { runCallbacks, splitOptions } from './callbacks';
import type { Invoker } from './invoke';
import type { CallOutcome } from './response';

/**
 * wx.request, downloadFile, uploadFile and connectSocket return their task object at once, in WeChat
 * only in callback style ("Promise style: not supported"), so they do here too. The host makes the
 * request; this side names the task, carries abort/send/close as calls and hands the host's task
 * events (`networkTask`) to the task's listeners.
 */

type Listener = (detail: Record<string, unknown>) => void;

class Listeners {
  private readonly set = new Set<Listener>();
  on(listener: unknown): void {
    if (typeof listener === 'function') this.set.add(listener as Listener);
  }
  /** without a listener removes all of them, as in WeChat */
  off(listener?: unknown): void {
    if (listener === undefined) this.set.clear();
    else this.set.delete(listener as Listener);
  }
  emit(what: string, detail: Record<string, unknown>): void {
    for (const listener of [...this.set]) {
      try {
        listener(detail);
      } catch (e) {
        console.error(`wx: a ${what} listener threw`, e);
      }
    }
  }
}

interface TaskState {
  listeners: Partial<Record<NetworkTaskEvent['type'], Listeners>>;
  socket?: { readyState: number };
}

const SOCKET_STATE = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 } as const;

export interface NetworkApis {
  receive(raw: unknown): void;
  methods: Record<string, unknown>;
}

/**
 * Only has to differ between loads of a page (not a secret). Not crypto.getRandomValues: its first call in
 * a fresh renderer took 27 ms of every launch (profiled in the browser host), for a value nobody guesses at.
 */
function randomPart(): string {
  const time = Date.now().toString(36);
  return `${time}${Math.floor(Math.random() * 0x7fffffff).toString(36)}`;
}

function asObject(options: unknown): Record<string, unknown> {
  return options !== null && typeof options === 'object' && !Array.isArray(options) ? (options as Record<string, unknown>) : {};
}

export function createNetworkApis(invoker: Invoker): NetworkApis {
  // Unique per page load: a reloaded page must not name a task the host still runs for the previous load.
  const prefix = randomPart();
  let seq = 0;
  const tasks = new Map<string, TaskState>();
  const globalSocket = { open: new Listeners(), message: new Listeners(), error: new Listeners(), close: new Listeners() };
  /** the socket the global forms (wx.sendSocketMessage, wx.onSocketOpen…) act on: the latest one */
  let latestSocket: string | undefined;

  const listenersOf = (state: TaskState, type: NetworkTaskEvent['type']) => (state.listeners[type] ??= new Listeners());

  function start(api: TaskApiName, options: unknown, prepare: (params: Record<string, unknown>) => void, onDone?: (outcome: CallOutcome) => void): { taskId: string; state: TaskState } {
    const taskId = `${prefix}-${++seq}`;
    const state: TaskState = { listeners: {} };
    tasks.set(taskId, state);
    const split = splitOptions(asObject(options));
    const params = { ...split.params, taskId };
    prepare(params);
    void invoker.send(api, params).then((outcome) => {
      if (api !== 'connectSocket' || !outcome.ok) tasks.delete(taskId);
      onDone?.(outcome);
      runCallbacks(api, split, outcome);
    });
    return { taskId, state };
  }

  const abort = (taskId: string) => () => void invoker.send('abortNetworkTask', { taskId });

  function transferTask(api: 'downloadFile' | 'uploadFile', options: unknown) {
    const { taskId, state } = start(api, options, () => undefined);
    return Object.freeze({
      abort: abort(taskId),
      onProgressUpdate: (l: unknown) => listenersOf(state, 'progress').on(l),
      offProgressUpdate: (l?: unknown) => listenersOf(state, 'progress').off(l),
      onHeadersReceived: (l: unknown) => listenersOf(state, 'headersReceived').on(l),
      offHeadersReceived: (l?: unknown) => listenersOf(state, 'headersReceived').off(l),
    });
  }

  function socketCall(api: 'sendSocketMessage' | 'closeSocket', taskId: string | undefined, options: unknown) {
    const opts: Record<string, unknown> = { ...asObject(options) };
    if (taskId === undefined) {
      const fail = { errMsg: `${api}:fail WebSocket is not connected` };
      const split = splitOptions(opts);
      if (!split.callbackStyle) return Promise.reject(fail);
      queueMicrotask(() => runCallbacks(api, split, { ok: false, result: fail }));
      return undefined;
    }
    opts['taskId'] = taskId;
    if (api === 'sendSocketMessage' && isBinary(opts['data'])) {
      opts['dataBase64'] = toBase64(opts['data']);
      delete opts['data'];
    }
    return invoker.call(api, opts);
  }

  const methods: Record<string, unknown> = {
    request(options: unknown) {
      const { taskId, state } = start(
        'request',
        options,
        (params) => {
          if (isBinary(params['data'])) {
            params['dataBase64'] = toBase64(params['data']);
            delete params['data'];
          }
        },
        (outcome) => {
          // an arraybuffer response crossed the bridge as base64
          if (outcome.ok && outcome.result['dataEncoding'] === 'base64' && typeof outcome.result['data'] === 'string') {
            outcome.result['data'] = fromBase64(outcome.result['data']);
            delete outcome.result['dataEncoding'];
          }
        },
      );
      return Object.freeze({
        abort: abort(taskId),
        onHeadersReceived: (l: unknown) => listenersOf(state, 'headersReceived').on(l),
        offHeadersReceived: (l?: unknown) => listenersOf(state, 'headersReceived').off(l),
      });
    },
    downloadFile: (options: unknown) => transferTask('downloadFile', options),
    uploadFile: (options: unknown) => transferTask('uploadFile', options),
    connectSocket(options: unknown) {
      const socket = { readyState: SOCKET_STATE.CONNECTING as number };
      const { taskId, state } = start('connectSocket', options, () => undefined, (outcome) => {
        if (!outcome.ok) socket.readyState = SOCKET_STATE.CLOSED;
      });
      state.socket = socket;
      latestSocket = taskId;
      const task = {
        get readyState() {
          return socket.readyState;
        },
        ...SOCKET_STATE,
        send: (opts: unknown) => socketCall('sendSocketMessage', taskId, opts),
        close: (opts?: unknown) => {
          if (socket.readyState < SOCKET_STATE.CLOSING) socket.readyState = SOCKET_STATE.CLOSING;
          return socketCall('closeSocket', taskId, opts ?? {});
        },
        onOpen: (l: unknown) => listenersOf(state, 'open').on(l),
        offOpen: (l?: unknown) => listenersOf(state, 'open').off(l),
        onMessage: (l: unknown) => listenersOf(state, 'message').on(l),
        offMessage: (l?: unknown) => listenersOf(state, 'message').off(l),
        onError: (l: unknown) => listenersOf(state, 'error').on(l),
        offError: (l?: unknown) => listenersOf(state, 'error').off(l),
        onClose: (l: unknown) => listenersOf(state, 'close').on(l),
        offClose: (l?: unknown) => listenersOf(state, 'close').off(l),
      };
      return Object.freeze(task);
    },
    sendSocketMessage: (options: unknown) => socketCall('sendSocketMessage', latestSocket, options),
    closeSocket: (options?: unknown) => socketCall('closeSocket', latestSocket, options ?? {}),
    onSocketOpen: (l: unknown) => globalSocket.open.on(l),
    offSocketOpen: (l?: unknown) => globalSocket.open.off(l),
    onSocketMessage: (l: unknown) => globalSocket.message.on(l),
    offSocketMessage: (l?: unknown) => globalSocket.message.off(l),
    onSocketError: (l: unknown) => globalSocket.error.on(l),
    offSocketError: (l?: unknown) => globalSocket.error.off(l),
    onSocketClose: (l: unknown) => globalSocket.close.on(l),
    offSocketClose: (l?: unknown) => globalSocket.close.off(l),
  };

  return {
    methods,
    receive(raw) {
      const envelope = EventEnvelope.safeParse(raw);
      if (!envelope.success || envelope.data.event !== 'networkTask') return;
      const parsed = NetworkTaskEvent.safeParse(envelope.data.data);
      if (!parsed.success) {
        console.error('wx: ignored a malformed network task event from the host', parsed.error.issues);
        return;
      }
      const { taskId, type } = parsed.data;
      const state = tasks.get(taskId);
      if (!state) return;
      const detail = { ...parsed.data.detail };
      if (type === 'message' && typeof detail['dataBase64'] === 'string') {
        detail['data'] = fromBase64(detail['dataBase64']);
        delete detail['dataBase64'];
      }
      if (state.socket) {
        if (type === 'open') state.socket.readyState = SOCKET_STATE.OPEN;
        if (type === 'close') {
          state.socket.readyState = SOCKET_STATE.CLOSED;
          tasks.delete(taskId);
        }
      }
      state.listeners[type]?.emit(type, detail);
      if (state.socket && taskId === latestSocket && (type === 'open' || type === 'message' || type === 'error' || type === 'close')) {
        globalSocket[type].emit(`onSocket${type}`, detail);
      }
    },
  };
}
