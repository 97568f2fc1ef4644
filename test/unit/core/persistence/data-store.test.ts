import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataUnavailableError } from '../../../../core/persistence/data-errors';
import { openSqliteDataStore } from '../../../../core/persistence/sqlite-data-store';
import { memoryData } from '../../../support/memory-data';
import { tempDir } from '../../../support/packages';

describe('SQLite data store', () => {
  it('keeps documents and storage rows across a reopen of the file, in WAL mode with synchronous=FULL', async () => {
    const file = join(await tempDir(), 'data.db');
    const a = openSqliteDataStore(file);
    a.set('platform:wallet', { balance: 5, history: [] });
    a.storage.put('app', { key: 'k', json: '"v"', bytes: 4 });
    a.close();
    const b = openSqliteDataStore(file);
    expect(b.get('platform:wallet')).toEqual({ balance: 5, history: [] });
    expect(b.storage.list('app')).toEqual([{ key: 'k', json: '"v"', bytes: 4 }]);
    expect(b.storage.totalBytes('app')).toBe(4);
    b.close();
    const { DatabaseSync } = await import('node:sqlite');
    const raw = new DatabaseSync(file);
    expect(raw.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    raw.close();
  });

  it("lists an app's storage keys in the order they were first set, and no other app's", () => {
    const store = memoryData();
    store.storage.put('a', { key: 'first', json: '1', bytes: 6 });
    store.storage.put('b', { key: 'other', json: '1', bytes: 6 });
    store.storage.put('a', { key: 'second', json: '"x"', bytes: 9 });
    expect(store.storage.keys('a')).toEqual(['first', 'second']);
    expect(store.storage.keys('a')).toEqual(store.storage.list('a').map((r) => r.key));
    expect(store.storage.keys('c')).toEqual([]);
  });

  it('a transaction that throws leaves every document and row as before, in memory and on disk', () => {
    const data = memoryData({ 'platform:wallet': { balance: 100 } });
    data.storage.put('app', { key: 'k', json: '1', bytes: 2 });
    expect(() =>
      data.transaction(() => {
        data.set('platform:wallet', { balance: 0 });
        data.storage.put('app', { key: 'k2', json: '2', bytes: 3 });
        throw new Error('refused halfway');
      }),
    ).toThrow('refused halfway');
    expect(data.get('platform:wallet')).toEqual({ balance: 100 });
    expect(data.storage.list('app').map((r) => r.key)).toEqual(['k']);
    expect(data.storage.totalBytes('app')).toBe(2);
  });

  it('nested transactions join the outer one; async work is refused', () => {
    const data = memoryData();
    data.transaction(() => {
      data.transaction(() => data.set('a', 1));
      data.set('b', 2);
    });
    expect(data.dump()).toEqual({ a: 1, b: 2 });
    expect(() => data.transaction(() => Promise.resolve(1))).toThrow('must be synchronous');
  });

  it('a full disk fails the write with a clear reason and keeps what was saved before', () => {
    const troubles: DataUnavailableError[] = [];
    const data = openSqliteDataStore(':memory:', { onTrouble: (e) => troubles.push(e) });
    data.set('platform:wallet', { balance: 7 });
    data.freezeSizeForFaultInjection();
    let error: unknown;
    try {
      data.transaction(() => {
        data.set('platform:wallet', { balance: 6 });
        for (let i = 0; i < 50; i++) data.storage.put('app', { key: `k${i}`, json: JSON.stringify('x'.repeat(8000)), bytes: 8000 });
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataUnavailableError);
    expect((error as DataUnavailableError).reason).toBe('disk full: the shell could not save this, nothing was changed');
    expect(troubles[0]?.userMessage).toMatch(/^Superapp Shell cannot save: the disk that holds its data folder \(memory\) is full .* everything saved before is safe\.$/);
    expect(data.get('platform:wallet')).toEqual({ balance: 7 });
    expect(data.storage.list('app')).toEqual([]);
  });

  it('a read-only data folder fails writes with a clear reason and still reads', async () => {
    const file = join(await tempDir(), 'data.db');
    const writable = openSqliteDataStore(file);
    writable.set('consent', { v: 1 });
    writable.close();
    const readOnly = openSqliteDataStore(file, { readOnly: true });
    expect(readOnly.get('consent')).toEqual({ v: 1 });
    expect(() => readOnly.set('consent', { v: 2 })).toThrow('data folder is read-only: the shell could not save this, nothing was changed');
    expect(readOnly.get('consent')).toEqual({ v: 1 });
    readOnly.close();
  });

  it('refuses a database written by a newer shell instead of writing into it', async () => {
    const file = join(await tempDir(), 'data.db');
    openSqliteDataStore(file).close();
    const { DatabaseSync } = await import('node:sqlite');
    const raw = new DatabaseSync(file);
    raw.exec('PRAGMA user_version = 99');
    raw.close();
    expect(() => openSqliteDataStore(file)).toThrow(/written by a newer Superapp Shell \(schema 99/);
  });
});
