import { join } from 'node:path';
import type { DataUnavailableError } from './data-errors';
import { migrateJsonState, type MigrationReport } from './json-migration';
import { DATA_FILE_NAME, openSqliteDataStore, type SqliteDataStore } from './sqlite-data-store';
import type { PreferenceStore } from './state-store';
import { removeStaleTempFiles } from './stale-temp-files';

export interface OpenedData {
  data: SqliteDataStore;
  migration: MigrationReport;
  staleTempFiles: string[];
}

/**
 * What both hosts do with their data folder at start: remove stale temp copies of the state file, open
 * the database beside it, and move the state file's data keys into the database once.
 * `prefs` is the already opened state file (conf / electron-store) at `prefsFile`.
 */
export async function openDataFolder(
  dataDir: string,
  prefs: PreferenceStore,
  prefsFile: string,
  onTrouble?: (error: DataUnavailableError) => void,
): Promise<OpenedData> {
  const staleTempFiles = await removeStaleTempFiles(dataDir);
  const data = openSqliteDataStore(join(dataDir, DATA_FILE_NAME), { onTrouble });
  try {
    return { data, migration: migrateJsonState(prefs, data, prefsFile), staleTempFiles };
  } catch (e) {
    data.close();
    throw e;
  }
}
