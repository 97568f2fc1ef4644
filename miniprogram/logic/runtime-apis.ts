import { runCallbacks, splitOptions } from '../../client/wx/callbacks';
import type { CallOutcome } from '../../client/wx/response';
import { typeName } from '../../client/wx/type-name';

/** A runtime API's failure: becomes `"<api>:fail <reason>"`, with `fields` beside errMsg where WeChat documents some. */
/**
 * The reason of another API's failure (a host call or a view call answered `{ errMsg: "<api>:fail <reason>" }`),
 * without that API's name: the app sees it in the errMsg of the API it called.
 */
export function failReason(fail: unknown): string {
  const errMsg = (fail as { errMsg?: unknown } | null)?.errMsg;
  return typeof errMsg === 'string' ? errMsg.replace(/^[^:]*:fail /, '') : String(fail);
}

export class RuntimeApiError extends Error {
  constructor(
    readonly reason: string,
    readonly fields: Record<string, unknown> = {},
  ) {
    super(reason);
  }
}

/** Gets the params without callbacks; returns the success fields (errMsg is added) or throws RuntimeApiError. */
export type RuntimeApiHandler = (params: Record<string, unknown>) => Record<string, unknown> | void | Promise<Record<string, unknown> | void>;

/**
 * The wx APIs the runtime answers itself (routing now; toasts, modals and the other page-level UI later),
 * with the same calling convention as the host APIs of client/: `{ ...params, success, fail, complete }`,
 * or a Promise when no callback is given; callbacks run asynchronously, success or fail once, then complete.
 */
export class RuntimeApis {
  private readonly handlers = new Map<string, RuntimeApiHandler>();
  private readonly observers = new Set<(api: string, outcome: Promise<CallOutcome>) => void>();

  /**
   * Told synchronously of every call, with the outcome to come: onPageNotFound needs to know whether its
   * listeners routed somewhere while they ran (WeChat honours only a synchronous redirect). Returns the remover.
   */
  observe(observer: (api: string, outcome: Promise<CallOutcome>) => void): () => void {
    this.observers.add(observer);
    return () => void this.observers.delete(observer);
  }

  register(name: string, handler: RuntimeApiHandler): void {
    if (this.handlers.has(name)) throw new Error(`runtime API ${name} is registered twice`);
    this.handlers.set(name, handler);
  }

  names(): string[] {
    return [...this.handlers.keys()];
  }

  /** the wx methods, one per registered API */
  methods(): Record<string, (options?: unknown) => Promise<Record<string, unknown>> | undefined> {
    const out: Record<string, (options?: unknown) => Promise<Record<string, unknown>> | undefined> = {};
    for (const name of this.handlers.keys()) out[name] = (options?: unknown) => this.call(name, options);
    return out;
  }

  call(api: string, options: unknown): Promise<Record<string, unknown>> | undefined {
    const handler = this.handlers.get(api);
    if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
      return Promise.reject({ errMsg: `${api}:fail parameter error: parameter should be Object instead of ${typeName(options)};` });
    }
    const split = splitOptions((options ?? {}) as Record<string, unknown>);
    const outcome = this.run(api, handler, split.params);
    for (const observer of this.observers) observer(api, outcome);
    if (!split.callbackStyle) return outcome.then((o) => (o.ok ? o.result : Promise.reject(o.result)));
    void outcome.then((o) => runCallbacks(api, split, o));
    return undefined;
  }

  private async run(api: string, handler: RuntimeApiHandler | undefined, params: Record<string, unknown>): Promise<CallOutcome> {
    // WeChat answers after the caller's current task, even when the answer is known at once
    await Promise.resolve();
    if (!handler) return { ok: false, result: { errMsg: `${api}:fail not supported` } };
    try {
      const result = (await handler(params)) ?? {};
      return { ok: true, result: { ...result, errMsg: `${api}:ok` } };
    } catch (e) {
      if (e instanceof RuntimeApiError) return { ok: false, result: { ...e.fields, errMsg: `${api}:fail ${e.reason}` } };
      console.error(`wx.${api} failed`, e);
      return { ok: false, result: { errMsg: `${api}:fail internal error` } };
    }
  }
}
