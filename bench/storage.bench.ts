import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDataStore } from '../core/persistence/sqlite-data-store';
import { createAppStorage } from '../core/storage/app-storage';

/**
 * What a wx storage write costs on the real database file (WAL, synchronous=FULL, so every write is an
 * fsync): a small write of a quiet app alone, the same write while another app holds 10 MB, and a small
 * write into an app that itself holds 10 MB. One row per key makes all three the same (ratios near 1);
 * the old single JSON state file rewrote every app's data on every write. Wall time (the cost is the
 * disk's), fixed iteration counts, interleaved rounds, best round counts.
 */

const WRITES = 150;
const ROUNDS = 3;

function msPerWrite(write: (i: number) => void): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < WRITES; i++) write(i);
  return Number(process.hrtime.bigint() - start) / 1e6 / WRITES;
}

export async function run(): Promise<Array<{ name: string; value: number; unit: string }>> {
  const dir = mkdtempSync(join(tmpdir(), 'superapp-storage-bench-'));
  try {
    const quiet = openSqliteDataStore(join(dir, 'quiet.db'));
    const crowded = openSqliteDataStore(join(dir, 'crowded.db'));
    const quietStorage = createAppStorage(quiet);
    const crowdedStorage = createAppStorage(crowded);
    // the neighbour and the full app: ten 1 MB keys minus room for the small writes
    const chunk = 'x'.repeat(1024 * 1024 - 4096);
    for (let i = 0; i < 10; i++) {
      crowdedStorage.set('neighbour', `chunk${i}`, chunk);
      crowdedStorage.set('full-app', `chunk${i}`, chunk);
    }
    const small = (i: number) => ({ n: i, note: 'a small value, as most writes are' });

    let alone = Infinity;
    let besideFull = Infinity;
    let inFull = Infinity;
    for (let round = 0; round < ROUNDS; round++) {
      alone = Math.min(alone, msPerWrite((i) => quietStorage.set('quiet-app', `k${i % 10}`, small(i))));
      besideFull = Math.min(besideFull, msPerWrite((i) => crowdedStorage.set('quiet-app', `k${i % 10}`, small(i))));
      inFull = Math.min(inFull, msPerWrite((i) => crowdedStorage.set('full-app', `k${i % 10}`, small(i))));
    }
    quiet.close();
    crowded.close();
    return [
      { name: 'storage: small write, app alone (fsynced)', value: Number(alone.toFixed(3)), unit: 'ms' },
      { name: 'storage: small write beside an app at 10 MB / alone', value: Number((besideFull / alone).toFixed(2)), unit: 'x' },
      { name: 'storage: small write into an app at 10 MB / alone', value: Number((inFull / alone).toFixed(2)), unit: 'x' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
