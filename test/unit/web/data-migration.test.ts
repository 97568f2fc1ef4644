import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATED_MARKER_KEY, migrateJsonState } from '../../../core/persistence/json-migration';
import { openDataFolder } from '../../../core/persistence/open-data';
import { openSqliteDataStore } from '../../../core/persistence/sqlite-data-store';
import { createAppStorage } from '../../../core/storage/app-storage';
import { createConfStore } from '../../../web/store';
import { tempDir } from '../../support/packages';

/** A state file as the shell wrote it before the data moved to SQLite (one JSON document, conf). */
async function oldDataFolder() {
  const dir = await tempDir();
  const conf = createConfStore(dir);
  conf.set('catalog', [{ appId: 'shop', installedAt: 1, dev: false }]);
  conf.set('webHostSeeded', true);
  conf.set('platform:wallet', { balance: 98_800, history: [{ appId: 'shop', appName: 'Tea Shop', kind: 'payment', outTradeNo: 'T1', description: 'Tea', amount: 1200, at: 5 }] });
  conf.set('platform:orders', { shop: { T1: { state: 'SUCCESS' } } });
  conf.set('consent', { v: 1, apps: { shop: { 'scope.userInfo': true } }, audit: [] });
  conf.set('storage:shop', { cart: { items: [1, 2] }, __proto__x: 'é' });
  conf.set('storage:broken', ['not', 'a', 'map']);
  return { dir, file: conf.path };
}

describe('first start on a data folder from before SQLite', () => {
  it('moves the data keys into the database once and leaves preferences in the state file', async () => {
    const { dir, file } = await oldDataFolder();
    const prefs = createConfStore(dir);
    const { data, migration } = await openDataFolder(dir, prefs, file);
    expect(migration.moved.sort()).toEqual(['consent', 'platform:orders', 'platform:wallet', 'storage:shop']);
    expect(migration.leftBehind).toEqual(['storage:broken']);
    expect(data.get('platform:wallet')).toMatchObject({ balance: 98_800 });
    expect(data.get('consent')).toEqual({ v: 1, apps: { shop: { 'scope.userInfo': true } }, audit: [] });
    const storage = createAppStorage(data);
    expect(storage.snapshot('shop')).toEqual({ cart: { items: [1, 2] }, __proto__x: 'é' });
    expect(storage.info('shop')).toEqual({ keys: ['cart', '__proto__x'], currentSize: 1, limitSize: 10240 });
    // the state file now holds preferences (and the entry that could not move) only
    expect(Object.keys(JSON.parse(await readFile(file, 'utf8'))).sort()).toEqual(['catalog', 'storage:broken', 'webHostSeeded']);
    data.close();

    // the next start imports nothing again; a copy a crash left in the state file after the commit is removed
    const again = createConfStore(dir);
    again.set('platform:wallet', { balance: 1, history: [] });
    const second = await openDataFolder(dir, again, file);
    expect(second.migration).toEqual({ moved: [], removedLeftovers: ['platform:wallet'], leftBehind: ['storage:broken'] });
    expect(second.data.get('platform:wallet')).toMatchObject({ balance: 98_800 });
    expect(again.get('platform:wallet')).toBeUndefined();
    second.data.close();
  });

  it('a migration that fails (disk full) changes nothing: the state file is byte for byte the same and the next start retries', async () => {
    const { dir, file } = await oldDataFolder();
    createConfStore(dir).set('storage:shop', { big: 'x'.repeat(300_000) });
    const before = await readFile(file);
    const data = openSqliteDataStore(join(dir, 'superapp-data.db'));
    data.freezeSizeForFaultInjection();
    expect(() => migrateJsonState(createConfStore(dir), data, file)).toThrow(
      /^Superapp Shell could not move your data from .*superapp-state\.json into its database \(disk full: .*\)\. Nothing was changed: the state file is as it was\./,
    );
    expect(await readFile(file)).toEqual(before);
    expect(data.get(MIGRATED_MARKER_KEY)).toBeUndefined();
    expect(data.get('platform:wallet')).toBeUndefined();
    data.close();

    const retry = await openDataFolder(dir, createConfStore(dir), file);
    expect(retry.migration.moved).toContain('platform:wallet');
    expect(createAppStorage(retry.data).get('shop', 'big')).toHaveLength(300_000);
    retry.data.close();
  });

  it('removes temporary copies of the state file left by a killed write', async () => {
    const { dir, file } = await oldDataFolder();
    await writeFile(join(dir, 'superapp-state.json.tmp-1764000000a1b2c3'), '{"platform:secret":"leaked"}');
    const opened = await openDataFolder(dir, createConfStore(dir), file);
    expect(opened.staleTempFiles).toEqual(['superapp-state.json.tmp-1764000000a1b2c3']);
    expect((await readdir(dir)).filter((n) => n.includes('.tmp-'))).toEqual([]);
    opened.data.close();
  });
});
