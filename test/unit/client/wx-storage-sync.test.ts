import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWx } from '../../../client';
import { STORAGE_LIMIT_BYTES } from '../../../core/contracts/storage-quota';
import type { RequestEnvelope } from '../../../core/contracts/wire';
import { harness } from '../core/dispatcher/harness';
import { failAnswer, flush, okAnswer, scriptedTransport, shellTransport } from './fake-transport';

afterEach(() => vi.restoreAllMocks());

/** Nine ~1 MiB entries plus filler, just under the quota: each entry = key + JSON of the string. */
function nearlyFullMirror(freeBytes: number): Record<string, unknown> {
  const mirror: Record<string, unknown> = {};
  let left = STORAGE_LIMIT_BYTES - freeBytes;
  for (let i = 0; left > 0; i++) {
    const key = `k${i}`;
    const entry = Math.min(left, 1024 * 1024);
    mirror[key] = 'x'.repeat(entry - key.length - 2);
    left -= entry;
  }
  return mirror;
}

describe('Sync storage forms', () => {
  it('read the mirror the host embedded; a missing key gives ""', () => {
    const wx = createWx(scriptedTransport(), { storageMirror: { greeting: { text: 'hi' } } });
    expect(wx.getStorageSync('greeting')).toEqual({ text: 'hi' });
    expect(wx.getStorageSync('nothing')).toBe('');
  });

  it('read the function form lazily, once, on first use', () => {
    const source = vi.fn(() => ({ a: 1 }));
    const wx = createWx(scriptedTransport(), { storageMirror: source });
    expect(source).not.toHaveBeenCalled();
    expect(wx.getStorageSync('a')).toBe(1);
    expect(wx.getStorageInfoSync().keys).toEqual(['a']);
    expect(source).toHaveBeenCalledOnce();
  });

  it('setStorageSync is visible at once and writes through with an async setStorage of the JSON form', async () => {
    // a host that has not answered yet: the Sync form must not wait for it
    const transport = scriptedTransport(() => new Promise(() => undefined));
    const wx = createWx(transport);
    wx.setStorageSync('when', { at: new Date(0) });
    expect(wx.getStorageSync('when')).toEqual({ at: '1970-01-01T00:00:00.000Z' });
    await flush();
    expect(transport.sent).toEqual([{ v: 1, id: 1, api: 'setStorage', params: { key: 'when', data: { at: '1970-01-01T00:00:00.000Z' } } }]);
  });

  it('past the quota throws "setStorageSync:fail exceed storage max size 10MB", changes nothing and sends nothing', async () => {
    const transport = scriptedTransport();
    const wx = createWx(transport, { storageMirror: nearlyFullMirror(10) });
    const before = wx.getStorageInfoSync();
    // "k" + '"12345678"' = 11 bytes > 10 free
    expect(() => wx.setStorageSync('k', '12345678')).toThrow(new Error('setStorageSync:fail exceed storage max size 10MB'));
    expect(wx.getStorageSync('k')).toBe('');
    expect(wx.getStorageInfoSync()).toEqual(before);
    // exactly filling it is fine: "k" + '"1234567"' = 10 bytes
    wx.setStorageSync('k', '1234567');
    expect(wx.getStorageInfoSync().currentSize).toBe(10240);
    await flush();
    expect(transport.sent.map((m) => m.params['key'])).toEqual(['k']);
  });

  it('a value larger than one request is refused up front instead of living in this page only', () => {
    const wx = createWx(scriptedTransport());
    expect(() => wx.setStorageSync('big', 'x'.repeat(1024 * 1024))).toThrow(/^setStorageSync:fail request too large: \d+ bytes, the limit is 1048576$/);
    expect(wx.getStorageSync('big')).toBe('');
  });

  it('refuses bad keys and data with WeChat-style messages', () => {
    const wx = createWx(scriptedTransport());
    expect(() => wx.setStorageSync(5 as never, 1)).toThrow('setStorageSync:fail parameter error: parameter.key should be String instead of Number;');
    expect(() => wx.setStorageSync('', 1)).toThrow('setStorageSync:fail parameter error: parameter.key key must be a non-empty string;');
    expect(() => wx.setStorageSync('k', undefined)).toThrow('setStorageSync:fail parameter error: parameter.data is required;');
    expect(() => wx.getStorageSync(null as never)).toThrow('getStorageSync:fail parameter error: parameter.key should be String instead of Null;');
  });

  it('remove, clear and info work on the mirror and write through', async () => {
    const transport = scriptedTransport();
    const wx = createWx(transport, { storageMirror: { a: 1, b: 'two', c: [3] } });
    wx.removeStorageSync('a');
    expect(wx.getStorageInfoSync()).toEqual({ keys: ['b', 'c'], currentSize: 1, limitSize: 10240 });
    wx.clearStorageSync();
    expect(wx.getStorageInfoSync()).toEqual({ keys: [], currentSize: 0, limitSize: 10240 });
    await flush();
    expect(transport.sent.map((m) => [m.api, m.params])).toEqual([
      ['removeStorage', { key: 'a' }],
      ['clearStorage', {}],
    ]);
  });

  it('returns copies: editing what getStorageSync gave does not edit storage', () => {
    const wx = createWx(scriptedTransport(), { storageMirror: { o: { n: 1 } } });
    (wx.getStorageSync('o') as { n: number }).n = 2;
    expect(wx.getStorageSync('o')).toEqual({ n: 1 });
  });

  it('a write-through the host refuses is reported to the developer', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const wx = createWx(scriptedTransport((msg) => failAnswer(msg, 'setStorage:fail internal error', { errno: 4 })));
    wx.setStorageSync('a', 1);
    await flush();
    expect(consoleError).toHaveBeenCalledWith(
      'wx.setStorageSync: the host did not apply the change (setStorage:fail internal error); it holds for this page only',
    );
  });
});

describe('async storage forms keep the mirror in step', () => {
  it('setStorage / removeStorage / clearStorage update the mirror before success runs; a failure does not', async () => {
    let refuse = false;
    const wx = createWx(scriptedTransport((msg) => (refuse ? failAnswer(msg, `${msg.api}:fail no`) : okAnswer(msg))));
    let seenInSuccess: unknown;
    wx.setStorage({ key: 'a', data: 1, success: () => (seenInSuccess = wx.getStorageSync('a')) });
    await flush();
    expect(seenInSuccess).toBe(1);
    refuse = true;
    await wx.setStorage({ key: 'a', data: 2 }).catch(() => undefined);
    expect(wx.getStorageSync('a')).toBe(1);
    refuse = false;
    await wx.removeStorage({ key: 'a' });
    expect(wx.getStorageSync('a')).toBe('');
    wx.setStorageSync('b', 1);
    await wx.clearStorage();
    expect(wx.getStorageInfoSync().keys).toEqual([]);
  });

  it('a late answer to an older setStorage cannot overwrite a newer setStorageSync', async () => {
    const held: Array<() => void> = [];
    const transport = scriptedTransport((msg: RequestEnvelope) => new Promise((resolve) => held.push(() => resolve(okAnswer(msg)))));
    const wx = createWx(transport);
    const older = wx.setStorage({ key: 'k', data: 'older' });
    wx.setStorageSync('k', 'newer');
    await flush();
    for (const release of held) release();
    await older;
    expect(wx.getStorageSync('k')).toBe('newer');
  });

  it('a key written after an async clear was issued survives its answer', async () => {
    const held: Array<() => void> = [];
    const wx = createWx(
      scriptedTransport((msg: RequestEnvelope) => new Promise((resolve) => held.push(() => resolve(okAnswer(msg))))),
      { storageMirror: { old: 1 } },
    );
    const clearing = wx.clearStorage();
    wx.setStorageSync('fresh', 2);
    await flush();
    for (const release of held) release();
    await clearing;
    expect(wx.getStorageInfoSync().keys).toEqual(['fresh']);
  });
});

describe('against the real host', () => {
  it('Sync writes reach the app host-side storage, and a fresh page sees them in its snapshot', async () => {
    const h = harness();
    const wx = createWx(shellTransport(h.shell, h.callerA), { storageMirror: () => h.shell.storage.snapshot('app-a') });
    wx.setStorageSync('cart', [1, 2, 3]);
    wx.setStorageSync('user', { name: 'Ada' });
    wx.removeStorageSync('user');
    await flush();
    await flush();
    expect(h.shell.storage.snapshot('app-a')).toEqual({ cart: [1, 2, 3] });
    const nextPage = createWx(shellTransport(h.shell, h.callerA), { storageMirror: () => h.shell.storage.snapshot('app-a') });
    expect(nextPage.getStorageSync('cart')).toEqual([1, 2, 3]);
    await expect(nextPage.getStorage({ key: 'cart' })).resolves.toEqual({ data: [1, 2, 3], errMsg: 'getStorage:ok' });
  });

  it('mirror and host agree on the quota to the byte', async () => {
    const h = harness();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const wx = createWx(shellTransport(h.shell, h.callerA));
    // fill the host and the mirror together through the Sync form, in pieces under the request limit
    let left = STORAGE_LIMIT_BYTES;
    for (let i = 0; left > 0; i++) {
      const key = `p${i}`;
      const entry = Math.min(left, 1000 * 1000);
      const chars = entry - key.length - 2; // bytes left for the string inside its JSON quotes
      wx.setStorageSync(key, 'é'.repeat(Math.floor(chars / 2)) + (chars % 2 ? 'x' : ''));
      left -= entry;
    }
    await flush();
    expect(consoleError).not.toHaveBeenCalled();
    await expect(wx.getStorageInfo()).resolves.toMatchObject({ currentSize: 10240 });
    expect(() => wx.setStorageSync('one', 1)).toThrow('setStorageSync:fail exceed storage max size 10MB');
    await expect(wx.setStorage({ key: 'one', data: 1 })).rejects.toEqual({ errMsg: 'setStorage:fail exceed storage max size 10MB' });
  });

  it('the same fail/complete behaviour holds for real host errors', async () => {
    const h = harness();
    const wx = createWx(shellTransport(h.shell, h.callerA));
    const seen: string[] = [];
    wx.getStorage({ key: 'missing', fail: (e) => seen.push(e.errMsg), complete: (r) => seen.push(`complete ${r.errMsg}`) });
    await flush();
    expect(seen).toEqual(['getStorage:fail data not found', 'complete getStorage:fail data not found']);
    await expect(wx.getUserProfile({} as never)).rejects.toEqual({
      errMsg: 'getUserProfile:fail parameter error: parameter.desc should be String instead of Undefined;',
      errno: 1001,
    });
  });
});
