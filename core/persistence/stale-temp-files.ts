import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { STATE_STORE_OPTIONS } from './state-store';

/**
 * conf (and electron-store) write the state file atomically through "<file>.tmp-<random>" and rename it;
 * a process killed in between leaves that full copy behind (with whatever secrets the file held). Only
 * this process writes the folder, so at start every such file is stale.
 */
const STALE = new RegExp(`^${STATE_STORE_OPTIONS.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.json\\.tmp-`);

/** Deletes stale temp copies of the state file in `dataDir`; returns their names. */
export async function removeStaleTempFiles(dataDir: string): Promise<string[]> {
  const names = (await readdir(dataDir).catch(() => [] as string[])).filter((n) => STALE.test(n));
  for (const name of names) await rm(join(dataDir, name), { force: true });
  return names;
}
