import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiName } from '../../../../core/contracts/apis';
import { ApiError } from '../../../../core/contracts/errors';
import { captureConsoleError, failureOf, harness, resultOf, USER_INFO, VALID_PARAMS, type Harness } from './harness';

/**
 * The seven open APIs and invokeNativePlugin, each through the whole dispatcher: success, the user's
 * refusal/cancel, bad params (missing and wrong-typed), a crashing handler and a handler that never answers.
 */

type Behaviour = (...args: unknown[]) => Promise<unknown>;

interface Case {
  api: ApiName;
  success: Record<string, unknown>;
  /** how the user says no, and what the app must see */
  refusal: { throws: ApiError; expected: { errMsg: string; errno?: number; errCode?: number } };
  missing?: { params: Record<string, unknown>; errMsg: string };
  wrongType: { params: Record<string, unknown>; errMsg: string };
  timeLimitMs: number;
}

const PROMPT = 300_000;
const HANDLER = 15_000;

const CASES: Case[] = [
  {
    api: 'login',
    success: { code: 'code-1', errMsg: 'login:ok' },
    refusal: { throws: ApiError.cancel(), expected: { errMsg: 'login:fail cancel' } },
    wrongType: { params: { timeout: '5000' }, errMsg: 'login:fail parameter error: parameter.timeout should be Number instead of String;' },
    timeLimitMs: HANDLER,
  },
  {
    api: 'checkSession',
    success: { errMsg: 'checkSession:ok' },
    refusal: { throws: new ApiError('session expired'), expected: { errMsg: 'checkSession:fail session expired' } },
    // checkSession takes no params: anything the app adds is ignored, so only the envelope can be wrong-typed
    wrongType: { params: { x: 1 }, errMsg: '' },
    timeLimitMs: HANDLER,
  },
  {
    api: 'getUserInfo',
    success: { ...USER_INFO, errMsg: 'getUserInfo:ok' },
    refusal: { throws: ApiError.cancel(), expected: { errMsg: 'getUserInfo:fail cancel' } },
    wrongType: { params: { withCredentials: 'yes' }, errMsg: 'getUserInfo:fail parameter error: parameter.withCredentials should be Boolean instead of String;' },
    timeLimitMs: HANDLER,
  },
  {
    api: 'getUserProfile',
    success: { ...USER_INFO, errMsg: 'getUserProfile:ok' },
    refusal: { throws: ApiError.cancel(), expected: { errMsg: 'getUserProfile:fail cancel' } },
    missing: { params: {}, errMsg: 'getUserProfile:fail parameter error: parameter.desc should be String instead of Undefined;' },
    wrongType: { params: { desc: 42 }, errMsg: 'getUserProfile:fail parameter error: parameter.desc should be String instead of Number;' },
    timeLimitMs: PROMPT,
  },
  {
    api: 'getPhoneNumber',
    success: { code: 'phone-code-1', errMsg: 'getPhoneNumber:ok' },
    refusal: { throws: ApiError.cancel(), expected: { errMsg: 'getPhoneNumber:fail cancel' } },
    wrongType: { params: { x: 1 }, errMsg: '' },
    timeLimitMs: PROMPT,
  },
  {
    api: 'requestPayment',
    success: { errMsg: 'requestPayment:ok' },
    refusal: { throws: ApiError.cancel(), expected: { errMsg: 'requestPayment:fail cancel' } },
    missing: {
      params: { timeStamp: '1700000000', nonceStr: 'n', package: 'prepay_id=x' },
      errMsg: 'requestPayment:fail parameter error: parameter.paySign should be String instead of Undefined;',
    },
    wrongType: {
      params: { ...VALID_PARAMS.requestPayment, timeStamp: 1700000000 },
      errMsg: 'requestPayment:fail parameter error: parameter.timeStamp should be String instead of Number;',
    },
    timeLimitMs: PROMPT,
  },
  {
    api: 'requestVirtualPayment',
    success: { errMsg: 'requestVirtualPayment:ok' },
    refusal: { throws: ApiError.cancel({ errCode: -2 }), expected: { errMsg: 'requestVirtualPayment:fail cancel', errCode: -2 } },
    missing: {
      params: { signData: '{}', paySig: 'a'.repeat(64), signature: 'a'.repeat(64) },
      errMsg: 'requestVirtualPayment:fail parameter error: parameter.mode should be String instead of Undefined;',
    },
    wrongType: {
      params: { ...VALID_PARAMS.requestVirtualPayment, signData: 7 },
      errMsg: 'requestVirtualPayment:fail parameter error: parameter.signData should be String instead of Number;',
    },
    timeLimitMs: PROMPT,
  },
  {
    api: 'invokeNativePlugin',
    success: { echoed: { name: 'kka', age: 22 }, appId: 'app-a', errMsg: 'invokeNativePlugin:ok' },
    refusal: { throws: ApiError.cancel(), expected: { errMsg: 'invokeNativePlugin:fail cancel' } },
    missing: { params: { data: {} }, errMsg: 'invokeNativePlugin:fail parameter error: parameter.api_name should be String instead of Undefined;' },
    wrongType: { params: { api_name: 'echo', data: 'kka' }, errMsg: 'invokeNativePlugin:fail parameter error: parameter.data should be Object instead of String;' },
    timeLimitMs: HANDLER,
  },
];

function setBehaviour(h: Harness, api: ApiName, behaviour: Behaviour): void {
  if (api === 'invokeNativePlugin') h.shell.registerMiniAppApi('echo', behaviour as never, { replace: true });
  else (h.openApi[api as keyof typeof h.openApi] as ReturnType<typeof vi.fn>).mockImplementation(behaviour);
}

describe.each(CASES)('$api through the dispatcher', (c) => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
    // getUserInfo is gated by scope.userInfo (tested on its own in the consent suite)
    h.shell.ledger.decide('app-a', 'scope.userInfo', true, 'test');
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('succeeds with the handler result and errMsg "<api>:ok"', async () => {
    const response = await h.call(c.api, VALID_PARAMS[c.api]);
    expect(resultOf(response)).toEqual(c.success);
    expect(h.shell.calls.list().at(-1)).toMatchObject({ api: c.api, outcome: 'ok', appId: 'app-a', webViewId: 7, mocked: false });
  });

  it('reports the user refusing or cancelling', async () => {
    setBehaviour(h, c.api, async () => {
      throw c.refusal.throws;
    });
    expect(failureOf(await h.call(c.api, VALID_PARAMS[c.api]))).toEqual(c.refusal.expected);
  });

  // APIs without required fields have no "missing" case; APIs without params have no wrong-typed one.
  if (c.missing) it('names a missing field in WeChat parameter-error wording (errno 1001)', async () => {
    const handlerRan = vi.fn(async () => ({}));
    setBehaviour(h, c.api, handlerRan);
    const response = await h.call(c.api, c.missing!.params);
    expect(failureOf(response)).toEqual({ errMsg: c.missing!.errMsg, errno: 1001 });
    expect(handlerRan).not.toHaveBeenCalled();
  });

  if (c.wrongType.errMsg) it('names a wrong-typed field with expected and received types (errno 1001)', async () => {
    const handlerRan = vi.fn(async () => ({}));
    setBehaviour(h, c.api, handlerRan);
    expect(failureOf(await h.call(c.api, c.wrongType.params))).toEqual({ errMsg: c.wrongType.errMsg, errno: 1001 });
    expect(handlerRan).not.toHaveBeenCalled();
  });

  else it('ignores extra params, since it takes none', async () => {
    expect(resultOf(await h.call(c.api, c.wrongType.params)).errMsg).toBe(`${c.api}:ok`);
  });

  it('turns a handler crash into "internal error" and keeps the real message out of the app', async () => {
    const consoleError = captureConsoleError();
    setBehaviour(h, c.api, async () => {
      throw new Error('database exploded at row 7');
    });
    const response = await h.call(c.api, VALID_PARAMS[c.api]);
    expect(failureOf(response)).toEqual({ errMsg: `${c.api}:fail internal error`, errno: 4 });
    expect(JSON.stringify(response)).not.toContain('exploded');
    const record = h.shell.calls.list().at(-1)!;
    expect(record).toMatchObject({ outcome: 'error', errMsg: `${c.api}:fail internal error` });
    expect(record.internalError).toContain('database exploded at row 7');
    expect(consoleError).toHaveBeenCalled();
  });

  it(`answers "${c.api}:fail timeout" (errno 5) after ${c.timeLimitMs} ms without an answer`, async () => {
    vi.useFakeTimers();
    setBehaviour(h, c.api, () => new Promise(() => undefined));
    let answer: Awaited<ReturnType<Harness['call']>> | undefined;
    void h.call(c.api, VALID_PARAMS[c.api]).then((r) => (answer = r));
    await vi.advanceTimersByTimeAsync(c.timeLimitMs - 1);
    expect(answer).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(failureOf(answer!)).toEqual({ errMsg: `${c.api}:fail timeout`, errno: 5 });
    expect(h.shell.calls.list().at(-1)?.outcome).toBe('timeout');
  });
});

describe('time limits', () => {
  afterEach(() => vi.useRealTimers());

  it('login uses its own timeout param', async () => {
    vi.useFakeTimers();
    const h = harness();
    h.openApi.login.mockImplementation(() => new Promise(() => undefined));
    let answer: Awaited<ReturnType<Harness['call']>> | undefined;
    void h.call('login', { timeout: 2_000 }).then((r) => (answer = r));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(answer).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(failureOf(answer!)).toEqual({ errMsg: 'login:fail timeout', errno: 5 });
  });

  it('honours a configured handlerTimeoutMs', async () => {
    vi.useFakeTimers();
    const h = harness({ handlerTimeoutMs: 500 });
    h.openApi.checkSession.mockImplementation(() => new Promise(() => undefined));
    let answer: Awaited<ReturnType<Harness['call']>> | undefined;
    void h.call('checkSession').then((r) => (answer = r));
    await vi.advanceTimersByTimeAsync(500);
    expect(failureOf(answer!).errMsg).toBe('checkSession:fail timeout');
  });

  it('a handler that fails after its time limit changes nothing and raises no unhandled rejection', async () => {
    vi.useFakeTimers();
    const h = harness({ handlerTimeoutMs: 100 });
    h.openApi.checkSession.mockImplementation(() => new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 1_000)));
    const first = h.call('checkSession');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(failureOf(await first).errMsg).toBe('checkSession:fail timeout');
    expect(h.shell.calls.list()).toHaveLength(1);
  });

  it('refuses a time limit setTimeout cannot represent', () => {
    expect(() => harness({ handlerTimeoutMs: 2 ** 31 })).toThrow(/handlerTimeoutMs must be a whole number of milliseconds/);
  });
});
