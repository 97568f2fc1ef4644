import { apiTable, isApiName, type ApiName } from '../contracts/apis';
import type { CallerIdentity, Manifest } from '../contracts/app';
import { Errno, isApiError } from '../contracts/errors';
import type { Clock } from '../contracts/ports';
import type { MockRules } from '../contracts/services';
import type { CallRecord, MockRule } from '../contracts/shell-api';
import { MAX_REQUEST_BYTES, WIRE_VERSION, type FailureEnvelope, type ResponseEnvelope, type WireFacts } from '../contracts/wire';
import { utf8ByteLength } from '../contracts/storage-quota';
import type { CallRecorder, NewCallRecord } from '../calls/call-log';
import { AppLanes, type LaneLimits } from './app-lanes';
import { DeadlineQueue } from './deadlines';
import { quickEnvelope, readEnvelope } from './envelope';
import { describeParamIssues } from '../contracts/param-errors';
import type { Route, RouteTable } from './routes';
import { sleep, timeLimitFor, type TimeLimits } from './time-limit';
import { CallContext, runInCall } from './call-context';
import { describeZodIssues } from '../contracts/zod-issues';

export interface DispatcherDeps {
  routes: RouteTable;
  /** the installed app's manifest, or undefined when it is not installed */
  manifestOf(appId: string): Manifest | undefined;
  mocks: MockRules;
  calls: CallRecorder;
  clock: Clock;
  limits: TimeLimits;
  /** per-app calls in flight and queued (default DEFAULT_LANE_LIMITS) */
  lanes?: LaneLimits;
}

/** How one call ended, before it becomes a response envelope and a call record. */
type Outcome =
  | { kind: 'ok'; result: Record<string, unknown>; mocked: boolean }
  | {
      kind: 'fail';
      errMsg: string;
      errno?: number;
      errCode?: number;
      outcome: Exclude<CallRecord['outcome'], 'ok'>;
      internalError?: string;
      mocked?: boolean;
    };

const fail = (errMsg: string, errno?: number): Outcome => ({ kind: 'fail', errMsg, errno, outcome: 'fail' });

function internal(api: string, detail: string): Outcome {
  return { kind: 'fail', errMsg: `${api}:fail internal error`, errno: Errno.internal, outcome: 'error', internalError: detail };
}

function describeThrown(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : `thrown value: ${String(e)}`;
}

/** JSON size of what the app sent, for callers whose transport did not measure it (in-process, IPC). */
function requestBytes(raw: unknown): number | string {
  try {
    return utf8ByteLength(JSON.stringify(raw));
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Rejection value of a call whose deadline passed (a constant: a timeout need not capture a stack). */
const TIMED_OUT = Symbol('timed out');

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';

/**
 * APIs that only touch the app's own data on this host and never open a sheet: their handlers need no
 * call context (saves an async-context frame per call). Everything else runs inside one, because
 * integrator code (open APIs, custom APIs) may prompt the user.
 */
const CONTEXT_FREE: ReadonlySet<ApiName> = new Set<ApiName>([
  'getSystemInfo',
  'getSetting',
  'setStorage',
  'getStorage',
  'removeStorage',
  'clearStorage',
  'getStorageInfo',
]);

function thrownOutcome(api: string, appId: string, e: unknown): Outcome {
  if (e === TIMED_OUT) return { kind: 'fail', errMsg: `${api}:fail timeout`, errno: Errno.apiTimeout, outcome: 'timeout' };
  if (isApiError(e)) {
    return { kind: 'fail', errMsg: `${api}:fail ${e.reason}`, errno: e.errno, errCode: e.errCode, outcome: e.reason === 'cancel' ? 'cancel' : 'fail' };
  }
  // The app learns only that something broke; the real message is for the developer (record + log).
  console.error(`[bridge] ${api} handler crashed for app "${appId}":`, e);
  return internal(api, describeThrown(e));
}

function applyMock(api: ApiName, rule: MockRule): Outcome | { delayMs: number } {
  const action = rule.action;
  if (action.type === 'succeed') return { kind: 'ok', result: { ...action.result }, mocked: true };
  if (action.type === 'delay') return { delayMs: action.ms };
  const errMsg = action.errMsg.startsWith(`${api}:`) ? action.errMsg : `${api}:fail ${action.errMsg}`;
  return {
    kind: 'fail',
    errMsg,
    errno: action.errno,
    errCode: action.errCode,
    outcome: errMsg === `${api}:fail cancel` ? 'cancel' : 'fail',
    mocked: true,
  };
}

/**
 * The bridge pipeline, one place for every call:
 * envelope -> size -> identity -> capability -> params -> app lane -> mock rule -> handler (time-limited) -> result -> record -> response.
 */
export function createDispatcher(deps: DispatcherDeps): {
  dispatch(raw: unknown, caller: CallerIdentity, wire?: WireFacts): Promise<ResponseEnvelope>;
  /** calls whose time limit is running (for tests and the bench) */
  readonly pending: number;
} {
  const { routes, mocks, calls, clock, limits } = deps;
  const deadlines = new DeadlineQueue();
  const lanes = new AppLanes(deps.lanes);

  /** Steps 1-5, synchronous: how the call was refused, or undefined when it may run (the call then holds what it needs). */
  function admit(raw: unknown, call: CallContext, wire: WireFacts | undefined): Outcome | undefined {
    // 1. envelope (the well-formed case without building a reading)
    let request = quickEnvelope(raw);
    if (!request) {
      const envelope = readEnvelope(raw);
      if (!envelope.ok) {
        call.id = envelope.id;
        return fail(`bridge:fail invalid message: ${envelope.problem}`);
      }
      request = envelope.request;
    }
    const { id, api, params } = request;
    call.id = id;
    call.api = api;
    call.params = params;

    // 2. size, measured on what was received when the transport knows it
    const bytes = wire?.bytes ?? requestBytes(raw);
    if (typeof bytes === 'string') return fail(`bridge:fail invalid message: the message cannot be encoded as JSON (${bytes})`);
    if (bytes > MAX_REQUEST_BYTES) return fail(`${api}:fail request too large: ${bytes} bytes, the limit is ${MAX_REQUEST_BYTES}`);

    // 3. identity: only what the host says; an appId inside params is the app's own data
    const appId = call.caller?.appInfo?.appId;
    if (typeof appId !== 'string') return internal(api, 'dispatch was called without a caller identity (host bug: pass { appInfo, webViewId })');

    // 4. capability
    if (!isApiName(api)) return fail(`${api}:fail not supported`, Errno.notSupported);
    const manifest = deps.manifestOf(appId);
    if (!manifest) return fail(`${api}:fail app "${appId}" is not installed`);
    const kind = apiTable[api].kind;
    if (kind === 'open' && !(manifest.permissions.openApi as string[]).includes(api)) {
      return fail(`${api}:fail permission denied: "${api}" is not declared in manifest permissions.openApi`, Errno.notDeclared);
    }
    if (kind === 'custom' && typeof params['api_name'] === 'string' && !manifest.permissions.customApi.includes(params['api_name'])) {
      return fail(
        `${api}:fail permission denied: custom API "${params['api_name']}" is not declared in manifest permissions.customApi`,
        Errno.notDeclared,
      );
    }

    // 5. params
    const parsed = apiTable[api].params.safeParse(params);
    if (!parsed.success) return fail(`${api}:fail parameter error: ${describeParamIssues(parsed.error.issues, params)}`, Errno.parameterError);
    call.appId = appId;
    call.args = parsed.data as Record<string, unknown>;
    call.bytes = bytes;
    return undefined;
  }

  /** Starts the handler (after a mock delay, if any) in the call's context; returns its value or promise. */
  function start(call: CallContext, api: ApiName, delayMs: number | undefined): unknown {
    const route = routes[api] as Route<ApiName>;
    const { caller, args } = call;
    if (delayMs !== undefined) {
      return runInCall(call, async () => {
        await sleep(delayMs);
        return route(caller, args as never);
      });
    }
    if (CONTEXT_FREE.has(api)) return route(caller, args as never);
    return runInCall(call, () => route(caller, args as never));
  }

  /** Waits for a handler's promise, or for its deadline, whichever comes first. */
  function untilDeadline(call: CallContext, work: PromiseLike<unknown>, ms: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      call.onExpire = () => reject(TIMED_OUT);
      deadlines.add(call, ms);
      work.then(resolve, reject);
    });
  }

  /** Step 9: what the handler returned, checked against the API's result schema. */
  function resultOutcome(api: ApiName, returned: unknown): Outcome {
    const checked = apiTable[api].result.safeParse(returned ?? {});
    if (!checked.success) {
      const detail = describeZodIssues(checked.error.issues);
      console.error(`[bridge] ${api} handler returned a result that breaks its schema: ${detail}`);
      return internal(api, `the handler's result does not match the ${api} result schema: ${detail}`);
    }
    return { kind: 'ok', result: checked.data as Record<string, unknown>, mocked: false };
  }

  /** Steps 6-9: wait for a slot in the app's lane, apply a mock rule, run the handler under its time limit. */
  async function execute(call: CallContext): Promise<Outcome> {
    const api = call.api as ApiName;
    const { appId } = call;
    // 6. the app's lane: at most so many of its calls run at once, the rest wait their turn
    const admission = lanes.enter(appId, call.bytes);
    if (admission !== undefined) {
      if (!(admission instanceof Promise)) return fail(`${api}:fail ${admission.refused}`);
      await admission;
    }
    try {
      // 7. mock rule (developer tooling must never be able to break real calls, so a broken rule store is only logged)
      let rule: MockRule | undefined;
      try {
        rule = mocks.match(appId, api, call.args);
      } catch (e) {
        console.error('[bridge] mock rules unavailable, calling the real handler:', e);
      }
      let delayMs: number | undefined;
      if (rule) {
        const mocked = applyMock(api, rule);
        if (!('delayMs' in mocked)) return mocked;
        delayMs = mocked.delayMs;
      }

      // 8. handler; a handler that answered synchronously cannot be late, only a pending one gets a deadline
      let returned: unknown;
      try {
        returned = start(call, api, delayMs);
        if (isThenable(returned)) {
          try {
            returned = await untilDeadline(call, returned, timeLimitFor(api, call.args, limits));
          } finally {
            deadlines.settle(call);
          }
        }
      } catch (e) {
        const failed = thrownOutcome(api, appId, e);
        if (rule) failed.mocked = true;
        return failed;
      }
      // 9. result schema
      const outcome = resultOutcome(api, returned);
      if (rule) outcome.mocked = true;
      return outcome;
    } finally {
      lanes.leave(appId);
    }
  }

  /** Steps 10-11: the call record (the log keeps size-capped previews of params and result) and the response. */
  function respond(outcome: Outcome, call: CallContext): ResponseEnvelope {
    let response: ResponseEnvelope;
    if (outcome.kind === 'ok') {
      response = { v: WIRE_VERSION, id: call.id, ok: true, result: { ...outcome.result, errMsg: `${call.api}:ok` } };
    } else {
      const failure: FailureEnvelope = { v: WIRE_VERSION, id: call.id, ok: false, errMsg: outcome.errMsg };
      if (outcome.errno !== undefined) failure.errno = outcome.errno;
      if (outcome.errCode !== undefined) failure.errCode = outcome.errCode;
      response = failure;
    }
    try {
      const { caller } = call;
      const record: NewCallRecord = {
        at: call.started,
        appId: caller?.appInfo?.appId ?? '',
        webViewId: typeof caller?.webViewId === 'number' ? caller.webViewId : -1,
        api: call.api,
        params: call.params,
        outcome: outcome.kind === 'ok' ? 'ok' : outcome.outcome,
        mocked: outcome.mocked ?? false,
        ms: clock.now() - call.started,
      };
      if (response.ok) record.result = response.result;
      else record.errMsg = response.errMsg;
      if (outcome.kind === 'fail' && outcome.internalError !== undefined) record.internalError = outcome.internalError;
      calls.add(record);
    } catch (e) {
      console.error('[bridge] could not record a call:', e);
    }
    return response;
  }

  return {
    async dispatch(raw, caller, wire) {
      let call: CallContext | undefined;
      try {
        call = new CallContext(caller, clock.now());
        const outcome = admit(raw, call, wire) ?? (await execute(call));
        return respond(outcome, call);
      } catch (e) {
        // Last line of the "never throws" promise: a bug above still yields a well-formed answer.
        console.error('[bridge] dispatcher failure:', e);
        const api = call?.api ?? 'bridge';
        try {
          if (call) return respond(internal(api, describeThrown(e)), call);
        } catch {
          // fall through to the minimal answer
        }
        return { v: WIRE_VERSION, id: call?.id ?? null, ok: false, errMsg: `${api}:fail internal error`, errno: Errno.internal };
      }
    },
    get pending() {
      return deadlines.size;
    },
  };
}
