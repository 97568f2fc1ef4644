import { describe, expect, it } from 'vitest';
import { STORAGE_LIMIT_BYTES, STORAGE_MAX_DEPTH } from '../../../../core/contracts/storage-quota';
import { createAppStorage } from '../../../../core/storage/app-storage';
import { memoryData } from '../../../support/memory-data';
import { failureOf, harness, resultOf } from '../dispatcher/harness';

/** A string whose entry (key + JSON with quotes) is exactly `bytes` long. */
const payloadFor = (key: string, bytes: number) => 'x'.repeat(bytes - key.length - 2);

describe('storage APIs through the dispatcher', () => {
  it('set, get, info, remove, clear', async () => {
    const h = harness();
    expect(resultOf(await h.call('setStorage', { key: 'cart', data: { items: [1, 2], note: 'é' } }))).toEqual({ errMsg: 'setStorage:ok' });
    expect(resultOf(await h.call('getStorage', { key: 'cart' }))).toEqual({ data: { items: [1, 2], note: 'é' }, errMsg: 'getStorage:ok' });
    expect(resultOf(await h.call('getStorageInfo'))).toEqual({ keys: ['cart'], currentSize: 1, limitSize: 10240, errMsg: 'getStorageInfo:ok' });
    expect(resultOf(await h.call('removeStorage', { key: 'cart' })).errMsg).toBe('removeStorage:ok');
    expect(failureOf(await h.call('getStorage', { key: 'cart' }))).toEqual({ errMsg: 'getStorage:fail data not found' });
    await h.call('setStorage', { key: 'a', data: 1 });
    expect(resultOf(await h.call('clearStorage')).errMsg).toBe('clearStorage:ok');
    expect(resultOf(await h.call('getStorageInfo')).keys).toEqual([]);
  });

  it('past 10 MB: the service refuses and nothing stored changes', () => {
    const store = createAppStorage(memoryData());
    store.set('app-a', 'keep', 'old');
    for (let i = 0; i < 9; i++) store.set('app-a', `chunk${i}`, payloadFor(`chunk${i}`, 1024 * 1024));
    const before = store.snapshot('app-a');
    expect(() => store.set('app-a', 'one-more', 'y'.repeat(1024 * 1024))).toThrow('exceed storage max size 10MB');
    expect(() => store.set('app-a', 'keep', 'y'.repeat(1024 * 1024))).toThrow('exceed storage max size 10MB');
    expect(store.snapshot('app-a')).toEqual(before);
    expect(store.info('app-a').keys).toHaveLength(10);
  });

  it('the quota error reaches the app with its exact errMsg', async () => {
    const h = harness();
    // nine 1 MiB entries plus most of the tenth, each under the request limit
    for (let i = 0; i < 10; i++) {
      const key = `c${i}`;
      const r = await h.call('setStorage', { key, data: payloadFor(key, 1024 * 1024 - 100) });
      expect(r.ok).toBe(true);
    }
    const before = h.shell.storage.snapshot('app-a');
    expect(failureOf(await h.call('setStorage', { key: 'extra', data: 'z'.repeat(2000) }))).toEqual({ errMsg: 'setStorage:fail exceed storage max size 10MB' });
    expect(h.shell.storage.snapshot('app-a')).toEqual(before);
  });

  it('data JSON cannot carry is refused with a parameter error', async () => {
    const h = harness();
    expect(failureOf(await h.call('setStorage', { key: 'k' }))).toEqual({
      errMsg: 'setStorage:fail parameter error: parameter.data is required;',
      errno: 1001,
    });
    expect(h.shell.storage.snapshot('app-a')).toEqual({});
  });

  it('data nested deeper than storage keeps is a parameter error, not an internal error; the limit itself is stored', async () => {
    const h = harness();
    const nested = (depth: number) => {
      let v: unknown = 'leaf';
      for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
      return v;
    };
    expect(failureOf(await h.call('setStorage', { key: 'deep', data: nested(STORAGE_MAX_DEPTH + 1) }))).toEqual({
      errMsg: `setStorage:fail parameter error: parameter.data is nested more than ${STORAGE_MAX_DEPTH} levels deep, deeper than storage keeps;`,
      errno: 1001,
    });
    // brackets inside strings are text, not nesting
    expect(resultOf(await h.call('setStorage', { key: 'ok', data: { s: '{'.repeat(5000), v: nested(STORAGE_MAX_DEPTH - 1) } })).errMsg).toBe('setStorage:ok');
    expect(resultOf(await h.call('getStorage', { key: 'ok' })).data).toEqual({ s: '{'.repeat(5000), v: nested(STORAGE_MAX_DEPTH - 1) });
    expect(h.shell.storage.snapshot('app-a')).not.toHaveProperty('deep');
  });

  it('the service refuses data JSON cannot carry, in the same wording', () => {
    const storage = createAppStorage(memoryData());
    expect(() => storage.set('app', 'k', undefined)).toThrow('parameter error: parameter.data is required;');
    expect(() => storage.set('app', 'k', () => 1)).toThrow('parameter error: parameter.data should be JSON data instead of Function;');
    expect(() => storage.set('app', 'k', 1n)).toThrow(/parameter error: parameter.data cannot be stored as JSON/);
    expect(storage.info('app').keys).toEqual([]);
  });
});

describe('AppStorage', () => {
  it('counts UTF-8 bytes of key + JSON(data) and allows exactly 10 MB', () => {
    const storage = createAppStorage(memoryData());
    // "é" is 2 bytes in UTF-8: fill to the byte
    const key = 'k';
    const json = (n: number) => n + 2; // quotes
    const chars = (STORAGE_LIMIT_BYTES - key.length - json(0)) / 2;
    storage.set('app', key, 'é'.repeat(chars));
    expect(storage.info('app').currentSize).toBe(10240);
    expect(() => storage.set('app', 'x', 0)).toThrow('exceed storage max size 10MB');
    // replacing a key frees its old size first
    storage.set('app', key, 'small');
    storage.set('app', 'x', 0);
    expect(storage.info('app').keys).toEqual(['k', 'x']);
  });

  it('reports currentSize in KB rounded up', () => {
    const storage = createAppStorage(memoryData());
    storage.set('app', 'k', payloadFor('k', 1025));
    expect(storage.info('app')).toEqual({ keys: ['k'], currentSize: 2, limitSize: 10240 });
  });

  it('persists one row per (app, key) and survives a restart', () => {
    const store = memoryData();
    createAppStorage(store).set('app-a', 'n', 1);
    createAppStorage(store).set('app-b', 'n', 2);
    expect(store.storage.list('app-a')).toEqual([{ key: 'n', json: '1', bytes: 2 }]);
    const reopened = createAppStorage(store);
    expect(reopened.get('app-a', 'n')).toBe(1);
    expect(reopened.get('app-b', 'n')).toBe(2);
  });

  it('stores the JSON form: what comes back is what JSON would give', () => {
    const storage = createAppStorage(memoryData());
    storage.set('app', 'when', { at: new Date(0), skip: undefined, n: NaN });
    expect(storage.get('app', 'when')).toEqual({ at: '1970-01-01T00:00:00.000Z', n: null });
  });

  it('hands out copies: editing a returned value does not edit storage', () => {
    const storage = createAppStorage(memoryData());
    storage.set('app', 'o', { a: 1 });
    (storage.get('app', 'o') as { a: number }).a = 2;
    (storage.snapshot('app')['o'] as { a: number }).a = 3;
    expect(storage.get('app', 'o')).toEqual({ a: 1 });
  });

  it('a "__proto__" key is an ordinary key', () => {
    const store = memoryData();
    createAppStorage(store).set('app', '__proto__', { polluted: true });
    const reopened = createAppStorage(store);
    expect(reopened.get('app', '__proto__')).toEqual({ polluted: true });
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(reopened.info('app').keys).toEqual(['__proto__']);
  });

  it('snapshot gives the whole app storage for the Sync mirror; clear(appId) removes it', () => {
    const store = memoryData();
    const storage = createAppStorage(store);
    storage.set('app', 'a', 1);
    storage.set('app', 'b', { c: [1] });
    expect(storage.snapshot('app')).toEqual({ a: 1, b: { c: [1] } });
    storage.clear('app');
    expect(storage.snapshot('app')).toEqual({});
    expect(store.storage.list('app')).toEqual([]);
  });

  it('corrupt stored data gives a clear error and is kept as it was; clear(appId) still works for uninstall', () => {
    const store = memoryData();
    store.storage.put('app', { key: 'a', json: '{not json', bytes: 10 });
    const storage = createAppStorage(store);
    expect(() => storage.get('app', 'a')).toThrow(/storage of app "app" \(key "a"\) is unreadable .* Nothing was changed/);
    expect(() => storage.snapshot('app')).toThrow(/unreadable/);
    expect(store.storage.get('app', 'a')).toEqual({ key: 'a', json: '{not json', bytes: 10 });
    storage.clear('app');
    expect(storage.snapshot('app')).toEqual({});
  });

  it('a failed write changes nothing', () => {
    const store = memoryData();
    const storage = createAppStorage(store);
    storage.set('app', 'a', 1);
    store.freezeSizeForFaultInjection();
    expect(() => storage.set('app', 'a', 'x'.repeat(64 * 1024))).toThrow('disk full: the shell could not save this, nothing was changed');
    expect(storage.get('app', 'a')).toBe(1);
    expect(storage.info('app').currentSize).toBe(1);
  });
});
