import { createWriteStream } from 'node:fs';
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { ApiParams, ApiResult } from '../contracts/apis';
import type { CallerIdentity, Manifest } from '../contracts/app';
import { ApiError, Errno } from '../contracts/errors';
import {
  DEFAULT_NETWORK_TIMEOUT_MS,
  ERRNO_URL_NOT_IN_DOMAIN_LIST,
  MAX_CONCURRENT_SOCKETS,
  MAX_CONCURRENT_TASKS,
  type NetworkKind,
  type NetworkTaskEvent,
} from '../contracts/network';
import { currentCallSignal } from '../dispatcher/call-context';
import type { AddressRules } from './address-policy';
import { checkTarget } from './domain-policy';
import { AddressRefused, checkLiteral, guardedLookup, systemResolver, type Resolver } from './guarded-lookup';
import { exchange, PolicyRefused, readCapped, responseHeaders, TooLarge, type ExchangeContext } from './http-exchange';
import { wsConnector, type SocketConnection, type SocketConnector } from './io/ws-connector';
import { decodeText, encodeData, headerValue, pageHeaders, refererOf } from './request-shape';
import { TaskQueue } from './task-queue';
import type { TempFiles } from './temp-files';

/**
 * wx.request, downloadFile, uploadFile and connectSocket, made by the host for one mini program within
 * its declared domains. Each call is a task named by the page's taskId; its events go back to the view
 * that started it. Failures are ApiErrors with WeChat's reasons (the dispatcher adds "<api>:fail ").
 */

export interface NetworkLimits {
  /** wx.request's response body (it crosses the bridge as JSON) */
  maxResponseBytes: number;
  /** downloadFile's file (WeChat: 200 MB) */
  maxDownloadBytes: number;
  maxConcurrent: number;
  maxSockets: number;
  /** one WebSocket message either way */
  maxSocketMessageBytes: number;
}

export const DEFAULT_NETWORK_LIMITS: NetworkLimits = {
  maxResponseBytes: 10 * 1024 * 1024,
  maxDownloadBytes: 200 * 1024 * 1024,
  maxConcurrent: MAX_CONCURRENT_TASKS,
  maxSockets: MAX_CONCURRENT_SOCKETS,
  maxSocketMessageBytes: 1024 * 1024 - 4096,
};

export interface NetworkServiceOptions {
  manifestOf(appId: string): Manifest | undefined;
  /** development apps say version 0 in the Referer */
  isDev?(appId: string): boolean;
  allowedOrigins(appId: string): ReadonlySet<string>;
  /** the shell's own ports on this machine, never reachable */
  hostPorts(): Iterable<number>;
  /** delivers a task event to the view that started the task */
  send(viewId: number, event: NetworkTaskEvent): void;
  tempFiles: TempFiles;
  host: { name: string; version: string };
  resolver?: Resolver;
  /** extra trusted CAs (tests) */
  ca?: string[];
  connector?: SocketConnector;
  limits?: Partial<NetworkLimits>;
}

type Params<N extends 'request' | 'downloadFile' | 'uploadFile' | 'connectSocket' | 'sendSocketMessage' | 'closeSocket' | 'abortNetworkTask'> = ApiParams<N>;

export interface NetworkService {
  request(caller: CallerIdentity, params: Params<'request'>): Promise<ApiResult<'request'>>;
  downloadFile(caller: CallerIdentity, params: Params<'downloadFile'>): Promise<ApiResult<'downloadFile'>>;
  uploadFile(caller: CallerIdentity, params: Params<'uploadFile'>): Promise<ApiResult<'uploadFile'>>;
  connectSocket(caller: CallerIdentity, params: Params<'connectSocket'>): Promise<Record<string, never>>;
  sendSocketMessage(caller: CallerIdentity, params: Params<'sendSocketMessage'>): Promise<Record<string, never>>;
  closeSocket(caller: CallerIdentity, params: Params<'closeSocket'>): Record<string, never>;
  abortTask(caller: CallerIdentity, params: Params<'abortNetworkTask'>): Record<string, never>;
  /** the view is gone: its tasks stop and its sockets close */
  viewClosed(viewId: number): void;
  /** uninstall: the app's temp files go */
  forgetApp(appId: string): Promise<void>;
  /** tasks waiting and running now, per app and kind (inspector, tests) */
  load(appId: string, kind: 'request' | 'downloadFile' | 'uploadFile'): { active: number; queued: number };
  /** serves a temp file to its own app only */
  tempFile(appId: string, urlPath: string): Promise<string | undefined>;
}

type AbortWhy = 'abort' | 'timeout' | 'closed';

interface Task {
  key: string;
  appId: string;
  viewId: number;
  controller: AbortController;
  socket?: SocketConnection;
}

const CONNECTION_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'timeout',
  EPIPE: 'connection reset',
};

/** WeChat says "ssl hand shake error" for every certificate or TLS failure. */
function isTlsError(code: string | undefined): boolean {
  return !!code && (/^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO)/.test(code) || code === 'ERR_TLS_CERT_ALTNAME_INVALID');
}

function domainError(reason: string): ApiError {
  return new ApiError(reason, reason === 'url not in domain list' ? { errno: ERRNO_URL_NOT_IN_DOMAIN_LIST } : {});
}

/** Every way a task can end badly, in WeChat's words; an error we do not know stays an internal error. */
function failureOf(error: unknown, signal: AbortSignal): unknown {
  if (signal.aborted) {
    const why = signal.reason as AbortWhy;
    return why === 'timeout' ? new ApiError('timeout', { errno: Errno.apiTimeout }) : new ApiError('abort');
  }
  if (error instanceof ApiError) return error;
  if (error instanceof AddressRefused) return new ApiError(error.message);
  if (error instanceof PolicyRefused) return domainError(error.reason);
  if (error instanceof TooLarge) return new ApiError(`response too large: ${error.message}`);
  const code = (error as { code?: string } | null)?.code;
  if (isTlsError(code)) return new ApiError('ssl hand shake error');
  if (code && CONNECTION_ERRORS[code]) return new ApiError(CONNECTION_ERRORS[code]!);
  return error;
}

function eventOf(taskId: string, type: NetworkTaskEvent['type'], detail: Record<string, unknown>): NetworkTaskEvent {
  return { taskId, type, detail };
}

export function createNetworkService(options: NetworkServiceOptions): NetworkService {
  const limits = { ...DEFAULT_NETWORK_LIMITS, ...options.limits };
  const resolver = options.resolver ?? systemResolver;
  const connector = options.connector ?? wsConnector;
  const tasks = new Map<string, Task>();
  const queues = new Map<string, TaskQueue>();

  const keyOf = (viewId: number, taskId: string) => `${viewId}:${taskId}`;
  const queueOf = (appId: string, kind: string) => {
    const key = `${appId}\n${kind}`;
    let queue = queues.get(key);
    if (!queue) queues.set(key, (queue = new TaskQueue(limits.maxConcurrent)));
    return queue;
  };
  const rulesOf = (appId: string): AddressRules => ({ allowedOrigins: options.allowedOrigins(appId), hostPorts: new Set(options.hostPorts()) });
  const emit = (task: Task, taskId: string, type: NetworkTaskEvent['type'], detail: Record<string, unknown>) => {
    try {
      options.send(task.viewId, eventOf(taskId, type, detail));
    } catch (e) {
      console.error('[network] could not deliver a task event:', e);
    }
  };

  function target(kind: NetworkKind, caller: CallerIdentity, url: string) {
    const appId = caller.appInfo.appId;
    const verdict = checkTarget(kind, url, options.manifestOf(appId)?.domains, options.allowedOrigins(appId));
    if (!verdict.ok) throw domainError(verdict.reason);
    return verdict;
  }

  /** Registers a task; its signal aborts on wx's abort, its timeout, the dispatcher's deadline or the view closing. */
  function begin(caller: CallerIdentity, taskId: string, timeoutMs: number | undefined): Task & { end(): void } {
    const key = keyOf(caller.webViewId, taskId);
    if (tasks.has(key)) throw new ApiError(`parameter error: task "${taskId}" is already running`, { errno: Errno.parameterError });
    const controller = new AbortController();
    const task: Task = { key, appId: caller.appInfo.appId, viewId: caller.webViewId, controller };
    tasks.set(key, task);
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => controller.abort('timeout' satisfies AbortWhy), timeoutMs);
    const deadline = currentCallSignal();
    const onDeadline = () => controller.abort('timeout' satisfies AbortWhy);
    deadline?.addEventListener('abort', onDeadline, { once: true });
    return {
      ...task,
      end() {
        clearTimeout(timer);
        deadline?.removeEventListener('abort', onDeadline);
        if (tasks.get(key) === task) tasks.delete(key);
      },
    };
  }

  function baseHeaders(caller: CallerIdentity, page: Record<string, string>): Record<string, string> {
    return {
      ...page,
      Referer: refererOf(caller.appInfo, options.isDev?.(caller.appInfo.appId) ?? false),
      ...(headerValue(page, 'user-agent') === undefined ? { 'User-Agent': `SuperappShell/${options.host.version} (${options.host.name}; miniprogram ${caller.appInfo.appId})` } : {}),
    };
  }

  function context(kind: NetworkKind, appId: string, signal: AbortSignal): ExchangeContext {
    return { kind, domains: options.manifestOf(appId)?.domains, rules: rulesOf(appId), resolver, signal, ...(options.ca ? { ca: options.ca } : {}) };
  }

  /** progress events, one per whole percent (and the last), so a large transfer does not flood the bridge */
  function progressReporter(task: Task, taskId: string, names: { done: string; total: string }) {
    let last = -1;
    return (done: number, total: number) => {
      const progress = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
      if (progress === last && done !== total) return;
      last = progress;
      emit(task, taskId, 'progress', { progress, [names.done]: done, [names.total]: total });
    };
  }

  return {
    async request(caller, p) {
      const verdict = target('request', caller, p.url);
      const headers = pageHeaders('request', p.header);
      if (headerValue(headers, 'content-type') === undefined) headers['content-type'] = 'application/json';
      const { url, body } = encodeData(p.method, verdict.url, headerValue(headers, 'content-type')!, p.data, p.dataBase64 !== undefined ? Buffer.from(p.dataBase64, 'base64') : undefined);
      const task = begin(caller, p.taskId, p.timeout ?? DEFAULT_NETWORK_TIMEOUT_MS);
      const signal = task.controller.signal;
      try {
        return await queueOf(task.appId, 'request').run(signal, async () => {
          const { response } = await exchange(
            { url, method: p.method, headers: baseHeaders(caller, headers), ...(body ? { body: { kind: 'buffer' as const, bytes: body } } : {}), followRedirects: true },
            context('request', task.appId, signal),
          );
          const { header, cookies } = responseHeaders(response);
          const statusCode = response.statusCode ?? 0;
          emit(task, p.taskId, 'headersReceived', { header, statusCode, cookies });
          const bytes = await readCapped(response, limits.maxResponseBytes);
          const binary = p.responseType === 'arraybuffer';
          return {
            data: binary ? bytes.toString('base64') : decodeText(bytes, p.dataType),
            statusCode,
            header,
            cookies,
            ...(binary ? { dataEncoding: 'base64' as const } : {}),
            profile: { sendBytesCount: body?.length ?? 0, receivedBytedCount: bytes.length },
          };
        });
      } catch (error) {
        throw failureOf(error, signal);
      } finally {
        task.end();
      }
    },

    async downloadFile(caller, p) {
      if (p.filePath !== undefined) {
        throw new ApiError('parameter error: filePath is not supported; use the tempFilePath of the result', { errno: Errno.parameterError });
      }
      const verdict = target('downloadFile', caller, p.url);
      const headers = baseHeaders(caller, pageHeaders('downloadFile', p.header));
      const task = begin(caller, p.taskId, p.timeout ?? DEFAULT_NETWORK_TIMEOUT_MS);
      const signal = task.controller.signal;
      try {
        return await queueOf(task.appId, 'downloadFile').run(signal, async () => {
          const { response, url } = await exchange({ url: verdict.url, method: 'GET', headers, followRedirects: true }, context('downloadFile', task.appId, signal));
          const { header, cookies } = responseHeaders(response);
          const statusCode = response.statusCode ?? 0;
          emit(task, p.taskId, 'headersReceived', { header, statusCode, cookies });
          const total = Number(response.headers['content-length'] ?? 0) || 0;
          if (total > limits.maxDownloadBytes) {
            response.destroy();
            throw new TooLarge(limits.maxDownloadBytes);
          }
          const temp = options.tempFiles.create(task.appId, url.pathname);
          const report = progressReporter(task, p.taskId, { done: 'totalBytesWritten', total: 'totalBytesExpectedToWrite' });
          let written = 0;
          const counter = new Transform({
            transform(chunk: Buffer, _encoding, done) {
              written += chunk.length;
              if (written > limits.maxDownloadBytes) return done(new TooLarge(limits.maxDownloadBytes));
              report(written, total || written);
              done(null, chunk);
            },
          });
          await pipeline(response, counter, createWriteStream(temp.file), { signal });
          report(written, total || written);
          return { tempFilePath: temp.url, statusCode, profile: { sendBytesCount: 0, receivedBytedCount: written } };
        });
      } catch (error) {
        throw failureOf(error, signal);
      } finally {
        task.end();
      }
    },

    async uploadFile(caller, p) {
      const verdict = target('uploadFile', caller, p.url);
      const file = await options.tempFiles.resolve(caller.appInfo.appId, p.filePath);
      if (!file) throw new ApiError(`file not found: ${p.filePath} (uploadFile sends a tempFilePath of this app, e.g. from downloadFile)`);
      const form = new FormData();
      for (const [name, value] of Object.entries(p.formData)) form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
      form.append(p.name, await openAsBlob(file), basename(file));
      // The platform's own multipart encoder (undici's Response), not a home-made one.
      const encoded = new Response(form);
      const bytes = Buffer.from(await encoded.arrayBuffer());
      const page = pageHeaders('uploadFile', p.header);
      for (const name of Object.keys(page)) if (name.toLowerCase() === 'content-type') delete page[name];
      const headers = { ...baseHeaders(caller, page), 'Content-Type': encoded.headers.get('content-type')! };
      const task = begin(caller, p.taskId, p.timeout ?? DEFAULT_NETWORK_TIMEOUT_MS);
      const signal = task.controller.signal;
      try {
        return await queueOf(task.appId, 'uploadFile').run(signal, async () => {
          const report = progressReporter(task, p.taskId, { done: 'totalBytesSent', total: 'totalBytesExpectedToSend' });
          const { response } = await exchange(
            { url: verdict.url, method: 'POST', headers, body: { kind: 'buffer', bytes }, onBodyProgress: (sent) => report(sent, bytes.length), followRedirects: false },
            context('uploadFile', task.appId, signal),
          );
          const { header, cookies } = responseHeaders(response);
          const statusCode = response.statusCode ?? 0;
          emit(task, p.taskId, 'headersReceived', { header, statusCode, cookies });
          const body = await readCapped(response, limits.maxResponseBytes);
          return { data: decodeText(body, 'text') as string, statusCode, profile: { sendBytesCount: bytes.length, receivedBytedCount: body.length } };
        });
      } catch (error) {
        throw failureOf(error, signal);
      } finally {
        task.end();
      }
    },

    async connectSocket(caller, p) {
      const verdict = target('socket', caller, p.url);
      const appId = caller.appInfo.appId;
      const open = [...tasks.values()].filter((t) => t.appId === appId && t.socket).length;
      if (open >= limits.maxSockets) throw new ApiError(`exceed max task count: at most ${limits.maxSockets} sockets at once`);
      const { url } = verdict;
      const port = Number(url.port || (url.protocol === 'wss:' ? 443 : 80));
      const origin = `${url.protocol}//${url.hostname}:${port}`;
      const rules = rulesOf(appId);
      try {
        checkLiteral(url.hostname, port, origin, rules);
      } catch (error) {
        throw failureOf(error, new AbortController().signal);
      }
      const headers = baseHeaders(caller, pageHeaders('connectSocket', p.header));
      const key = keyOf(caller.webViewId, p.taskId);
      if (tasks.has(key)) throw new ApiError(`parameter error: task "${p.taskId}" is already running`, { errno: Errno.parameterError });
      // The socket outlives this call: it ends when the page closes it, the server does, or the view goes.
      const socketTask: Task = { key, appId, viewId: caller.webViewId, controller: new AbortController() };
      tasks.set(key, socketTask);
      let closed = false;
      const finish = () => {
        if (tasks.get(key) === socketTask) tasks.delete(key);
      };
      socketTask.socket = connector(
        url,
        {
          headers,
          ...(p.protocols ? { protocols: p.protocols } : {}),
          perMessageDeflate: p.perMessageDeflate,
          handshakeTimeoutMs: p.timeout ?? DEFAULT_NETWORK_TIMEOUT_MS,
          lookup: guardedLookup(resolver, port, origin, rules),
          maxPayload: limits.maxSocketMessageBytes,
          ...(options.ca ? { ca: options.ca } : {}),
        },
        {
          open: (response) => emit(socketTask, p.taskId, 'open', { header: response ? responseHeaders(response).header : {} }),
          message: (data) =>
            emit(socketTask, p.taskId, 'message', typeof data === 'string' ? { data } : { dataBase64: data.toString('base64') }),
          error: (message, code) => {
            const reason = /address not allowed/.test(message) ? message : isTlsError(code) ? 'ssl hand shake error' : (code && CONNECTION_ERRORS[code]) || message;
            emit(socketTask, p.taskId, 'error', { errMsg: reason });
          },
          close: (code, reason) => {
            if (closed) return;
            closed = true;
            finish();
            emit(socketTask, p.taskId, 'close', { code, reason });
          },
        },
      );
      socketTask.controller.signal.addEventListener('abort', () => socketTask.socket?.close(1001, 'going away'), { once: true });
      return {};
    },

    async sendSocketMessage(caller, p) {
      const task = tasks.get(keyOf(caller.webViewId, p.taskId));
      if (!task?.socket?.isOpen) throw new ApiError('WebSocket is not connected');
      await task.socket.send(p.dataBase64 !== undefined ? Buffer.from(p.dataBase64, 'base64') : p.data!);
      return {};
    },

    closeSocket(caller, p) {
      const task = tasks.get(keyOf(caller.webViewId, p.taskId));
      if (!task?.socket) throw new ApiError('WebSocket is not connected');
      task.socket.close(p.code ?? 1000, p.reason ?? '');
      return {};
    },

    abortTask(caller, p) {
      // Aborting a task that already ended does nothing, as in WeChat.
      tasks.get(keyOf(caller.webViewId, p.taskId))?.controller.abort('abort' satisfies AbortWhy);
      return {};
    },

    viewClosed(viewId) {
      for (const task of [...tasks.values()]) if (task.viewId === viewId) task.controller.abort('closed' satisfies AbortWhy);
    },

    async forgetApp(appId) {
      for (const task of [...tasks.values()]) if (task.appId === appId) task.controller.abort('closed' satisfies AbortWhy);
      await options.tempFiles.forgetApp(appId);
    },

    load(appId, kind) {
      const queue = queueOf(appId, kind);
      return { active: queue.active, queued: queue.queued };
    },

    tempFile: (appId, urlPath) => options.tempFiles.resolve(appId, urlPath),
  };
}
