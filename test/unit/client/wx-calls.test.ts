import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWx } from '../../../client';
import { apiTable } from '../../../core/contracts/apis';
import { FILE_API_NAMES, WX_FILE_API_NAMES } from '../../../core/contracts/api-names';
import { MAX_REQUEST_BYTES } from '../../../core/contracts/wire';
import { failAnswer, flush, okAnswer, scriptedTransport } from './fake-transport';

afterEach(() => vi.restoreAllMocks());

describe('wx object', () => {
  it('has every API of the API table plus the Sync storage forms and app events', () => {
    const managerOnly = new Set<string>(FILE_API_NAMES.filter((api) => !(WX_FILE_API_NAMES as readonly string[]).includes(api)));
    const wx = createWx(scriptedTransport()) as unknown as Record<string, unknown>;
    const expected = [
      // abortNetworkTask is the wire form of task.abort(), not a wx member; most file APIs are on wx.getFileSystemManager() only
      ...Object.keys(apiTable).filter((api) => api !== 'abortNetworkTask' && !managerOnly.has(api)),
      'getFileSystemManager',
      ...['Open', 'Message', 'Error', 'Close'].flatMap((e) => [`onSocket${e}`, `offSocket${e}`]),
      'setStorageSync',
      'getStorageSync',
      'removeStorageSync',
      'clearStorageSync',
      'getStorageInfoSync',
      'onAppShow',
      'offAppShow',
      'onAppHide',
      'offAppHide',
    ];
    expect(Object.keys(wx).sort()).toEqual([...expected, 'env'].sort());
    for (const name of expected) expect(typeof wx[name]).toBe('function');
    expect(wx['env']).toEqual({ USER_DATA_PATH: 'wxfile://usr' });
  });

  it('cannot be tampered with by page code', () => {
    const wx = createWx(scriptedTransport()) as unknown as Record<string, unknown>;
    expect(() => {
      wx.login = () => 'stolen';
    }).toThrow(TypeError);
  });

  it('sends the params without the callbacks, in a versioned envelope with a fresh id per call', async () => {
    const transport = scriptedTransport();
    const wx = createWx(transport);
    await wx.getUserProfile({ desc: 'why', lang: 'en' });
    wx.invokeNativePlugin({ api_name: 'echo', data: { a: 1 }, success: () => undefined });
    await flush();
    expect(transport.sent).toEqual([
      { v: 1, id: 1, api: 'getUserProfile', params: { desc: 'why', lang: 'en' } },
      { v: 1, id: 2, api: 'invokeNativePlugin', params: { api_name: 'echo', data: { a: 1 } } },
    ]);
  });
});

describe('callback style', () => {
  it('success then complete, each once, asynchronously; returns undefined', async () => {
    const wx = createWx(scriptedTransport((msg) => okAnswer(msg, { code: 'c1' })));
    const order: string[] = [];
    const returned = wx.login({
      success: (res) => order.push(`success:${res.code}:${res.errMsg}`),
      fail: () => order.push('fail'),
      complete: (res) => order.push(`complete:${res.errMsg}`),
    });
    expect(returned).toBeUndefined();
    expect(order).toEqual([]);
    await flush();
    expect(order).toEqual(['success:c1:login:ok', 'complete:login:ok']);
  });

  it('fail then complete with errMsg, errno and errCode; no success', async () => {
    const wx = createWx(scriptedTransport((msg) => failAnswer(msg, 'requestVirtualPayment:fail cancel', { errCode: -2 })));
    const seen: unknown[] = [];
    wx.requestVirtualPayment({
      signData: '{}',
      mode: 'short_series_coin',
      paySig: 'a',
      signature: 'b',
      success: () => seen.push('success'),
      fail: (res) => seen.push(['fail', res]),
      complete: (res) => seen.push(['complete', res]),
    });
    await flush();
    const failure = { errMsg: 'requestVirtualPayment:fail cancel', errCode: -2 };
    expect(seen).toEqual([
      ['fail', failure],
      ['complete', failure],
    ]);
  });

  it('complete alone is enough to choose callback style', async () => {
    const wx = createWx(scriptedTransport());
    const complete = vi.fn();
    expect(wx.checkSession({ complete })).toBeUndefined();
    await flush();
    expect(complete).toHaveBeenCalledWith({ errMsg: 'checkSession:ok' });
  });

  it('a throwing success is reported, complete still runs, and later calls still work', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const wx = createWx(scriptedTransport());
    const complete = vi.fn();
    wx.getSetting({
      success: () => {
        throw new Error('app bug');
      },
      complete,
    });
    await flush();
    expect(complete).toHaveBeenCalledOnce();
    expect(consoleError).toHaveBeenCalledWith('wx.getSetting: the success callback threw', expect.objectContaining({ message: 'app bug' }));
    await expect(wx.getSetting()).resolves.toEqual({ errMsg: 'getSetting:ok' });
  });

  it('a throwing fail or complete does not escape either', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const wx = createWx(scriptedTransport((msg) => failAnswer(msg, 'login:fail x')));
    const boom = () => {
      throw new Error('boom');
    };
    wx.login({ fail: boom, complete: boom });
    await flush();
    await expect(wx.login()).rejects.toEqual({ errMsg: 'login:fail x' });
  });
});

describe('Promise style', () => {
  it('resolves with the success object', async () => {
    const wx = createWx(scriptedTransport((msg) => okAnswer(msg, { code: 'c2' })));
    await expect(wx.login()).resolves.toEqual({ code: 'c2', errMsg: 'login:ok' });
  });

  it('rejects with the fail object', async () => {
    const wx = createWx(scriptedTransport((msg) => failAnswer(msg, 'getUserInfo:fail auth deny', { errno: 103 })));
    await expect(wx.getUserInfo({ lang: 'en' })).rejects.toEqual({ errMsg: 'getUserInfo:fail auth deny', errno: 103 });
  });

  it('rejects a non-object options argument with a parameter error', async () => {
    const wx = createWx(scriptedTransport());
    await expect((wx.login as (o: unknown) => Promise<unknown>)('now')).rejects.toEqual({
      errMsg: 'login:fail parameter error: parameter should be Object instead of String;',
    });
  });
});

describe('a broken bridge', () => {
  it('a malformed response fails the call with "bridge error: <what>"', async () => {
    const wx = createWx(scriptedTransport(() => ({ v: 1, ok: 'yes' })));
    const failure = await wx.login().catch((e: { errMsg: string }) => e);
    expect(failure.errMsg).toMatch(/^login:fail bridge error: the host's answer is not a valid response \(/);
    // zod/mini's English messages (built on the first issue, not at load), not its bare "Invalid input"
    expect(failure.errMsg).toContain("(ok: Invalid discriminator value. Expected 'true' | 'false')");
  });

  it('an answer for another call fails the call', async () => {
    const wx = createWx(scriptedTransport((msg) => okAnswer({ ...msg, id: 999 })));
    await expect(wx.login()).rejects.toEqual({ errMsg: 'login:fail bridge error: the host answered call 999 instead of call 1' });
  });

  it('a transport that rejects or throws fails the call through fail/complete', async () => {
    const transport = scriptedTransport(() => {
      throw new Error('socket closed');
    });
    const wx = createWx(transport);
    const seen: string[] = [];
    wx.login({ fail: (e) => seen.push(e.errMsg), complete: () => seen.push('complete') });
    await flush();
    expect(seen).toEqual(['login:fail bridge error: socket closed', 'complete']);
  });
});

describe('a call too large for the bridge', () => {
  // The browser host drops a socket whose frame passes its transport limit, so the client must not send one:
  // it fails the call itself, with the dispatcher's own wording and byte count.
  it('fails locally with the dispatcher\'s "request too large" errMsg and sends nothing', async () => {
    const transport = scriptedTransport();
    const wx = createWx(transport);
    const data = 'é'.repeat(1.25 * 1024 * 1024);
    const bytes = Buffer.byteLength(JSON.stringify({ v: 1, id: 1, api: 'setStorage', params: { key: 'big', data } }), 'utf8');
    expect(bytes).toBeGreaterThan(MAX_REQUEST_BYTES);
    await expect(wx.setStorage({ key: 'big', data })).rejects.toEqual({ errMsg: `setStorage:fail request too large: ${bytes} bytes, the limit is 1048576` });
    const seen: string[] = [];
    wx.invokeNativePlugin({ api_name: 'echo', data: { blob: 'x'.repeat(3 * 1024 * 1024) }, fail: (e) => seen.push(e.errMsg), complete: () => seen.push('complete') });
    await flush();
    expect(seen[0]).toMatch(/^invokeNativePlugin:fail request too large: \d+ bytes, the limit is 1048576$/);
    expect(seen[1]).toBe('complete');
    expect(transport.sent).toEqual([]);
    // the bridge still works for the next call, and the storage mirror did not take the refused value
    await expect(wx.setStorage({ key: 'small', data: 1 })).resolves.toEqual({ errMsg: 'setStorage:ok' });
    expect(wx.getStorageSync('big')).toBe('');
  });

  it('still sends a call of exactly the limit', async () => {
    const transport = scriptedTransport();
    const wx = createWx(transport);
    const empty = Buffer.byteLength(JSON.stringify({ v: 1, id: 1, api: 'setStorage', params: { key: 'k', data: '' } }), 'utf8');
    await expect(wx.setStorage({ key: 'k', data: 'x'.repeat(MAX_REQUEST_BYTES - empty) })).resolves.toEqual({ errMsg: 'setStorage:ok' });
    expect(transport.sent).toHaveLength(1);
  });
});

describe('app events', () => {
  it('onAppShow / onAppHide get the event data; off removes one listener or all', () => {
    const transport = scriptedTransport();
    const wx = createWx(transport);
    const shown = vi.fn();
    const shown2 = vi.fn();
    const hidden = vi.fn();
    wx.onAppShow(shown);
    wx.onAppShow(shown2);
    wx.onAppHide(hidden);
    transport.emit({ v: 1, event: 'appShow', data: { scene: 1001 } });
    transport.emit({ v: 1, event: 'appHide' });
    expect(shown).toHaveBeenCalledWith({ scene: 1001 });
    expect(hidden).toHaveBeenCalledWith({});
    wx.offAppShow(shown);
    transport.emit({ v: 1, event: 'appShow', data: {} });
    expect(shown).toHaveBeenCalledTimes(1);
    expect(shown2).toHaveBeenCalledTimes(2);
    wx.offAppShow();
    transport.emit({ v: 1, event: 'appShow', data: {} });
    expect(shown2).toHaveBeenCalledTimes(2);
  });

  it('malformed events are reported and dropped; a throwing listener does not stop the next', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const transport = scriptedTransport();
    const wx = createWx(transport);
    const second = vi.fn();
    wx.onAppHide(() => {
      throw new Error('listener bug');
    });
    wx.onAppHide(second);
    transport.emit({ event: 'appHide' });
    transport.emit('garbage');
    expect(second).not.toHaveBeenCalled();
    expect(consoleError).toHaveBeenCalledTimes(2);
    transport.emit({ v: 1, event: 'appHide', data: {} });
    expect(second).toHaveBeenCalledOnce();
  });

  it('refuses a listener that is not a function', () => {
    const wx = createWx(scriptedTransport());
    expect(() => wx.onAppShow('x' as never)).toThrow('wx.onAppShow: listener must be a function');
  });
});
