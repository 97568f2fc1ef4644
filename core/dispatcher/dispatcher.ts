import { apiTable, isApiName, type ApiName } from '../contracts/apis';
import type { CallerIdentity, Manifest } from '../contracts/app';
import { Errno, isApiError } from '../contracts/errors';
import type { Clock } from '../contracts/ports';
import type { MockRules } from '../contracts/services';
import type { CallRecord, MockRule } from '../contracts/shell-api';
import { MAX_REQUEST_BYTES, WIRE_VERSION, type CallId, type ResponseEnvelope } from '../contracts/wire';
import { utf8ByteLength } from '../contracts/storage-quota';
import type { CallRecorder } from '../calls/call-log';
import { readEnvelope } from './envelope';
import { describeParamIssues } from '../contracts/param-errors';
import type { Route, RouteTable } from './routes';
import { sleep, timeLimitFor, TimeLimitExceeded, withTimeLimit, type TimeLimits } from './time-limit';
import { runInCall } from './call-context';
import { describeZodIssues } from '../contracts/zod-issues';

export interface DispatcherDeps {
  routes: RouteTable;
  /** the installed app's manifest, or undefined when it is not installed */
  manifestOf(appId: string): Manifest | undefined;
  mocks: MockRules;
  calls: CallRecorder;
  clock: Clock;
  limits: TimeLimits;
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

/** JSON size of what the app sent; a message JSON cannot encode (BigInt, cycles) has no size and is refused. */
function requestBytes(raw: unknown): number | string {
  try {
    return utf8ByteLength(JSON.stringify(raw));
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * The bridge pipeline, one place for every call:
 * envelope -> size -> identity -> capability -> params -> mock rule -> handler (time-limited) -> result -> record -> response.
 */
export function createDispatcher(deps: DispatcherDeps): { dispatch(raw: unknown, caller: CallerIdentity): Promise<ResponseEnvelope> } {
  const { routes, mocks, calls, clock, limits } = deps;

  /** Runs the handler (after a mock delay, if any) under the API's time limit and maps every way it can end. */
  async function runHandler(api: ApiName, caller: CallerIdentity, params: Record<string, unknown>, delayMs: number | undefined): Promise<Outcome> {
    const route = routes[api] as Route<ApiName>;
    const deadline = new AbortController();
    const work = runInCall({ caller, signal: deadline.signal }, async () => {
      if (delayMs !== undefined) await sleep(delayMs);
      return route(caller, params as never);
    });
    let returned: unknown;
    try {
      returned = await withTimeLimit(work, timeLimitFor(api, params, limits));
    } catch (e) {
      if (e instanceof TimeLimitExceeded) {
        deadline.abort();
        return { kind: 'fail', errMsg: `${api}:fail timeout`, errno: Errno.apiTimeout, outcome: 'timeout' };
      }
      if (isApiError(e)) {
        return { kind: 'fail', errMsg: `${api}:fail ${e.reason}`, errno: e.errno, errCode: e.errCode, outcome: e.reason === 'cancel' ? 'cancel' : 'fail' };
      }
      // The app learns only that something broke; the real message is for the developer (record + log).
      console.error(`[bridge] ${api} handler crashed for app "${caller.appInfo.appId}":`, e);
      return internal(api, describeThrown(e));
    }
    const checked = apiTable[api].result.safeParse(returned ?? {});
    if (!checked.success) {
      const detail = describeZodIssues(checked.error.issues);
      console.error(`[bridge] ${api} handler returned a result that breaks its schema: ${detail}`);
      return internal(api, `the handler's result does not match the ${api} result schema: ${detail}`);
    }
    return { kind: 'ok', result: checked.data as Record<string, unknown>, mocked: false };
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

  async function runPipeline(raw: unknown, caller: CallerIdentity, call: { api: string; params: unknown; id: CallId | null }): Promise<Outcome> {
    // 1. envelope
    const envelope = readEnvelope(raw);
    if (!envelope.ok) {
      call.id = envelope.id;
      return fail(`bridge:fail invalid message: ${envelope.problem}`);
    }
    const { id, api, params } = envelope.request;
    Object.assign(call, { id, api, params });

    // 2. size, measured on what was sent
    const bytes = requestBytes(raw);
    if (typeof bytes === 'string') return fail(`bridge:fail invalid message: the message cannot be encoded as JSON (${bytes})`);
    if (bytes > MAX_REQUEST_BYTES) return fail(`${api}:fail request too large: ${bytes} bytes, the limit is ${MAX_REQUEST_BYTES}`);

    // 3. identity: only what the host says; an appId inside params is the app's own data
    const appId = caller?.appInfo?.appId;
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
    const valid = parsed.data as Record<string, unknown>;

    // 6. mock rule (developer tooling must never be able to break real calls, so a broken rule store is only logged)
    let rule: MockRule | undefined;
    try {
      rule = mocks.match(appId, api, valid);
    } catch (e) {
      console.error('[bridge] mock rules unavailable, calling the real handler:', e);
    }
    let delayMs: number | undefined;
    if (rule) {
      const mocked = applyMock(api, rule);
      if (!('delayMs' in mocked)) return mocked;
      delayMs = mocked.delayMs;
    }

    // 7-8. handler with a time limit, then the result schema
    const outcome = await runHandler(api, caller, valid, delayMs);
    return rule ? { ...outcome, mocked: true } : outcome;
  }

  function respond(outcome: Outcome, caller: CallerIdentity, call: { api: string; params: unknown; id: CallId | null }, started: number): ResponseEnvelope {
    const response: ResponseEnvelope =
      outcome.kind === 'ok'
        ? { v: WIRE_VERSION, id: call.id, ok: true, result: { ...outcome.result, errMsg: `${call.api}:ok` } }
        : {
            v: WIRE_VERSION,
            id: call.id,
            ok: false,
            errMsg: outcome.errMsg,
            ...(outcome.errno !== undefined ? { errno: outcome.errno } : {}),
            ...(outcome.errCode !== undefined ? { errCode: outcome.errCode } : {}),
          };
    try {
      calls.add({
        at: started,
        appId: caller?.appInfo?.appId ?? '',
        webViewId: typeof caller?.webViewId === 'number' ? caller.webViewId : -1,
        api: call.api,
        params: call.params,
        outcome: outcome.kind === 'ok' ? 'ok' : outcome.outcome,
        ...(response.ok ? { result: response.result } : { errMsg: response.errMsg }),
        ...(outcome.kind === 'fail' && outcome.internalError !== undefined ? { internalError: outcome.internalError } : {}),
        mocked: outcome.mocked ?? false,
        ms: Math.max(0, clock.now() - started),
      });
    } catch (e) {
      console.error('[bridge] could not record a call:', e);
    }
    return response;
  }

  return {
    async dispatch(raw, caller) {
      const call: { api: string; params: unknown; id: CallId | null } = { api: 'bridge', params: undefined, id: null };
      let started = 0;
      try {
        started = clock.now();
        const outcome = await runPipeline(raw, caller, call);
        return respond(outcome, caller, call, started);
      } catch (e) {
        // Last line of the "never throws" promise: a bug above still yields a well-formed answer.
        console.error('[bridge] dispatcher failure:', e);
        try {
          return respond(internal(call.api, describeThrown(e)), caller, call, started);
        } catch {
          return { v: WIRE_VERSION, id: call.id, ok: false, errMsg: `${call.api}:fail internal error`, errno: Errno.internal };
        }
      }
    },
  };
}
