import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../core/contracts/errors';
import { MAX_REQUEST_BYTES, ResponseEnvelope } from '../../../../core/contracts/wire';
import { captureConsoleError, failureOf, harness, manifest, resultOf, USER_INFO } from './harness';

/** Every errMsg the dispatcher can produce, exactly as a mini program sees it. */

afterEach(() => vi.restoreAllMocks());

describe('success', () => {
  it('adds errMsg "<api>:ok" even when the handler returns nothing', async () => {
    const h = harness();
    h.openApi.requestPayment.mockResolvedValue(undefined);
    const response = await h.call('requestPayment', {
      timeStamp: '1700000000',
      nonceStr: 'n',
      package: 'prepay_id=abc',
      paySign: 'S',
    });
    expect(response).toEqual({ v: 1, id: expect.any(Number), ok: true, result: { errMsg: 'requestPayment:ok' } });
  });

  it('overrides an errMsg the handler tried to set', async () => {
    const h = harness();
    h.shell.registerMiniAppApi('echo', async () => ({ errMsg: 'invokeNativePlugin:fail spoofed', v: 2 }), { replace: true });
    expect(resultOf(await h.call('invokeNativePlugin', { api_name: 'echo' }))).toEqual({ errMsg: 'invokeNativePlugin:ok', v: 2 });
  });

  it('passes validated params to the handler, defaults applied', async () => {
    const h = harness();
    await h.call('requestPayment', { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=abc', paySign: 'S' });
    expect(h.openApi.requestPayment).toHaveBeenCalledWith(h.callerA.appInfo, {
      timeStamp: '1',
      nonceStr: 'n',
      package: 'prepay_id=abc',
      signType: 'MD5',
      paySign: 'S',
    });
  });
});

describe('refusals before any handler runs', () => {
  it('unknown api -> "<api>:fail not supported" (errno 2)', async () => {
    const h = harness();
    expect(failureOf(await h.call('navigateToMiniProgram', {}))).toEqual({ errMsg: 'navigateToMiniProgram:fail not supported', errno: 2 });
  });

  it('an open API missing from permissions.openApi -> permission denied (errno 102)', async () => {
    const h = harness({ manifests: [manifest('app-a', { openApi: ['login'] })] });
    expect(failureOf(await h.call('getPhoneNumber'))).toEqual({
      errMsg: 'getPhoneNumber:fail permission denied: "getPhoneNumber" is not declared in manifest permissions.openApi',
      errno: 102,
    });
    expect(h.openApi.getPhoneNumber).not.toHaveBeenCalled();
    expect(resultOf(await h.call('login')).errMsg).toBe('login:ok');
  });

  it('a custom API missing from permissions.customApi -> permission denied (errno 102)', async () => {
    const h = harness({ manifests: [manifest('app-a', { customApi: ['noop'] })] });
    const echo = vi.fn(async () => ({}));
    h.shell.registerMiniAppApi('echo', echo, { replace: true });
    expect(failureOf(await h.call('invokeNativePlugin', { api_name: 'echo', data: {} }))).toEqual({
      errMsg: 'invokeNativePlugin:fail permission denied: custom API "echo" is not declared in manifest permissions.customApi',
      errno: 102,
    });
    expect(echo).not.toHaveBeenCalled();
  });

  it('base APIs need no declaration', async () => {
    const h = harness({ manifests: [manifest('app-a', { openApi: [], customApi: [] })] });
    expect(resultOf(await h.call('getSetting')).errMsg).toBe('getSetting:ok');
    expect(resultOf(await h.call('getSystemInfo')).errMsg).toBe('getSystemInfo:ok');
  });

  it('a declared custom API the host never registered -> "is not registered by the host"', async () => {
    const h = harness({ manifests: [manifest('app-a', { customApi: ['scanBadge'] })] });
    expect(failureOf(await h.call('invokeNativePlugin', { api_name: 'scanBadge' }))).toEqual({
      errMsg: 'invokeNativePlugin:fail custom API "scanBadge" is not registered by the host',
    });
  });

  it('an app without a manifest -> not installed', async () => {
    const h = harness({ manifests: [manifest('app-b')] });
    expect(failureOf(await h.call('getSystemInfo'))).toEqual({ errMsg: 'getSystemInfo:fail app "app-a" is not installed' });
  });

  it('several bad fields are all named, each ending with ";"', async () => {
    const h = harness();
    expect(failureOf(await h.call('requestPayment', { timeStamp: 1, nonceStr: 'n', package: 'prepay_id=abc' }))).toEqual({
      errMsg:
        'requestPayment:fail parameter error: parameter.timeStamp should be String instead of Number; ' +
        'parameter.paySign should be String instead of Undefined;',
      errno: 1001,
    });
  });

  it('rule violations other than type use the schema message', async () => {
    const h = harness();
    expect(failureOf(await h.call('getUserProfile', { desc: '' }))).toEqual({
      errMsg: 'getUserProfile:fail parameter error: parameter.desc desc is required: say why the app needs the profile;',
      errno: 1001,
    });
    expect(failureOf(await h.call('requestPayment', { timeStamp: '1', nonceStr: 'n', package: 'order=1', paySign: 'S' }))).toEqual({
      errMsg: 'requestPayment:fail parameter error: parameter.package package must look like "prepay_id=<id>";',
      errno: 1001,
    });
  });

  it('an enum given a string outside it quotes the allowed values', async () => {
    const h = harness();
    const failure = failureOf(await h.call('authorize', { scope: 'scope.everything' }));
    expect(failure.errMsg).toMatch(/^authorize:fail parameter error: parameter\.scope Invalid option: expected one of "scope\.userInfo"\|/);
    expect(failure.errno).toBe(1001);
  });

  it('nested paths are named in full', async () => {
    const h = harness();
    expect(failureOf(await h.call('login', { timeout: 1.5 })).errMsg).toMatch(/^login:fail parameter error: parameter\.timeout /);
  });
});

describe('broken envelopes', () => {
  const cases: Array<[string, unknown, string, string | number | null]> = [
    ['not an object', 'login', 'bridge:fail invalid message: expected an object { v: 1, id, api, params }, got String', null],
    ['null', null, 'bridge:fail invalid message: expected an object { v: 1, id, api, params }, got Null', null],
    ['an array', [1], 'bridge:fail invalid message: expected an object { v: 1, id, api, params }, got Array', null],
    ['wrong version', { v: 2, id: 5, api: 'login', params: {} }, 'bridge:fail invalid message: "v" must be 1 (the bridge wire version)', 5],
    [
      'missing id',
      { v: 1, api: 'login', params: {} },
      'bridge:fail invalid message: "id" must be a non-empty string of at most 128 characters or a non-negative integer',
      null,
    ],
    [
      'missing api',
      { v: 1, id: 'c-1', params: {} },
      'bridge:fail invalid message: "api" must be the name of an API: a non-empty string of at most 128 characters',
      'c-1',
    ],
    ['params not an object', { v: 1, id: 3, api: 'login', params: [1, 2] }, 'bridge:fail invalid message: "params" must be an object of named parameters', 3],
  ];

  it.each(cases)('%s', async (_name, raw, errMsg, id) => {
    const h = harness();
    const response = await h.shell.dispatch(raw, h.callerA);
    expect(response).toEqual({ v: 1, id, ok: false, errMsg });
    expect(ResponseEnvelope.safeParse(response).success).toBe(true);
  });

  it('names every broken field at once', async () => {
    const h = harness();
    const failure = failureOf(await h.shell.dispatch({ v: 0, id: -1, api: '' }, h.callerA));
    expect(failure.errMsg).toContain('"v" must be 1');
    expect(failure.errMsg).toContain('"id" must be');
    expect(failure.errMsg).toContain('"api" must be');
  });

  it('a message JSON cannot carry is refused, not crashed on', async () => {
    const h = harness();
    const response = await h.shell.dispatch({ v: 1, id: 9, api: 'setStorage', params: { key: 'k', data: 10n } }, h.callerA);
    expect(failureOf(response).errMsg).toMatch(/^bridge:fail invalid message: the message cannot be encoded as JSON/);
    expect(response.id).toBe(9);
  });
});

describe('size limit', () => {
  it('refuses a request over 1 MiB of UTF-8 JSON, stating its size, and stores nothing', async () => {
    const h = harness();
    const message = { v: 1, id: 1, api: 'setStorage', params: { key: 'big', data: 'é'.repeat(MAX_REQUEST_BYTES / 2) } };
    const bytes = Buffer.byteLength(JSON.stringify(message), 'utf8');
    expect(failureOf(await h.shell.dispatch(message, h.callerA))).toEqual({
      errMsg: `setStorage:fail request too large: ${bytes} bytes, the limit is 1048576`,
    });
    expect(h.shell.storage.snapshot('app-a')).toEqual({});
  });

  it('accepts a request of exactly the limit', async () => {
    const h = harness();
    const base = { v: 1, id: 1, api: 'setStorage', params: { key: 'big', data: '' } };
    const padding = MAX_REQUEST_BYTES - Buffer.byteLength(JSON.stringify(base), 'utf8');
    const message = { ...base, params: { key: 'big', data: 'x'.repeat(padding) } };
    expect(Buffer.byteLength(JSON.stringify(message))).toBe(MAX_REQUEST_BYTES);
    expect(resultOf(await h.shell.dispatch(message, h.callerA)).errMsg).toBe('setStorage:ok');
  });
});

describe('handler failures', () => {
  it('ApiError carries reason, errno and errCode to the app', async () => {
    const h = harness();
    h.openApi.requestVirtualPayment.mockRejectedValue(new ApiError('paySig invalid', { errno: 1, errCode: -15006 }));
    const response = await h.call('requestVirtualPayment', {
      signData: '{}',
      mode: 'short_series_goods',
      paySig: 'b'.repeat(64),
      signature: 'c'.repeat(64),
    });
    expect(failureOf(response)).toEqual({ errMsg: 'requestVirtualPayment:fail paySig invalid', errno: 1, errCode: -15006 });
    expect(h.shell.calls.list().at(-1)?.outcome).toBe('fail');
  });

  it('ApiError.cancel() is recorded as a cancel', async () => {
    const h = harness();
    h.openApi.getPhoneNumber.mockRejectedValue(ApiError.cancel());
    expect(failureOf(await h.call('getPhoneNumber')).errMsg).toBe('getPhoneNumber:fail cancel');
    expect(h.shell.calls.list().at(-1)?.outcome).toBe('cancel');
  });

  it('a thrown non-Error is an internal error too', async () => {
    captureConsoleError();
    const h = harness();
    h.openApi.login.mockRejectedValue('just a string');
    expect(failureOf(await h.call('login'))).toEqual({ errMsg: 'login:fail internal error', errno: 4 });
    expect(h.shell.calls.list().at(-1)?.internalError).toContain('just a string');
  });

  it('a result that breaks the result schema is an internal error; the app sees none of it', async () => {
    const consoleError = captureConsoleError();
    const h = harness();
    h.openApi.getUserProfile.mockResolvedValue({ ...USER_INFO, userInfo: { nickName: 'x' } });
    const response = await h.call('getUserProfile', { desc: 'why' });
    expect(failureOf(response)).toEqual({ errMsg: 'getUserProfile:fail internal error', errno: 4 });
    expect(h.shell.calls.list().at(-1)?.internalError).toMatch(/does not match the getUserProfile result schema: userInfo\.avatarUrl/);
    expect(consoleError).toHaveBeenCalled();
  });

  it('login without a code is an internal error, not an empty success', async () => {
    captureConsoleError();
    const h = harness();
    h.openApi.login.mockResolvedValue(undefined);
    expect(failureOf(await h.call('login')).errMsg).toBe('login:fail internal error');
  });

  it('a custom API returning something other than a map is an internal error', async () => {
    captureConsoleError();
    const h = harness();
    h.shell.registerMiniAppApi('echo', (async () => ['a', 'list']) as never, { replace: true });
    expect(failureOf(await h.call('invokeNativePlugin', { api_name: 'echo' })).errMsg).toBe('invokeNativePlugin:fail internal error');
  });

  it('a custom API returning null answers plain ok', async () => {
    const h = harness();
    h.shell.registerMiniAppApi('echo', async () => null, { replace: true });
    expect(resultOf(await h.call('invokeNativePlugin', { api_name: 'echo' }))).toEqual({ errMsg: 'invokeNativePlugin:ok' });
  });
});

describe('a broken host', () => {
  it('a caller without identity still gets a well-formed answer', async () => {
    captureConsoleError();
    const h = harness();
    const response = await h.shell.dispatch({ v: 1, id: 1, api: 'login', params: {} }, undefined as never);
    expect(failureOf(response)).toEqual({ errMsg: 'login:fail internal error', errno: 4 });
    expect(h.openApi.login).not.toHaveBeenCalled();
  });

  it('a throwing manifest source still gets a well-formed answer', async () => {
    captureConsoleError();
    const h = harness();
    h.shell.setManifestSource(() => {
      throw new Error('catalog offline');
    });
    const response = await h.call('login');
    expect(ResponseEnvelope.parse(response)).toEqual({ v: 1, id: expect.any(Number), ok: false, errMsg: 'login:fail internal error', errno: 4 });
    expect(h.shell.calls.list().at(-1)?.internalError).toContain('catalog offline');
  });
});
