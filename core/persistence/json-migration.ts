import type { DataStore, KeyValueStore } from '../contracts/ports';
import { storageEntryBytes } from '../contracts/storage-quota';

/** Marks a database that took over the JSON state file's data (so it is never imported twice). */
export const MIGRATED_MARKER_KEY = 'meta:migratedFromJson';

/** Data keys of the JSON state file before SQLite: the platform's documents, the consent ledger, wx storage. */
const PLATFORM_PREFIX = 'platform:';
const CONSENT_KEY = 'consent';
const STORAGE_PREFIX = 'storage:';

const isDataKey = (key: string) => key.startsWith(PLATFORM_PREFIX) || key === CONSENT_KEY || key.startsWith(STORAGE_PREFIX);

export interface MigrationReport {
  /** keys moved now (empty when there was nothing, or it had been done) */
  moved: string[];
  /** keys a crash kept in the state file after an earlier move committed, removed now */
  removedLeftovers: string[];
  /** keys left in the state file because their value could not be moved (a corrupt wx storage entry) */
  leftBehind: string[];
}

export class MigrationError extends Error {
  constructor(file: string, cause: unknown) {
    super(
      `Superapp Shell could not move your data from ${file} into its database (${cause instanceof Error ? cause.message : String(cause)}). ` +
        'Nothing was changed: the state file is as it was. Free some disk space or make the data folder writable, then start again.',
    );
    this.name = 'MigrationError';
  }
}

/**
 * Moves the data keys of the JSON state file (conf / electron-store) into the database, once, in one
 * transaction with the marker: either every key and the marker commit, or nothing does and the state
 * file stays untouched. Only after the commit are the keys removed from the state file, which then holds
 * preferences only; a crash in between is finished on the next start (the marker says the copy is done).
 * Platform documents and grants are copied as they are (a corrupt one stays corrupt and is reported by
 * the module that reads it, as before); wx storage becomes one row per key.
 */
export function migrateJsonState(prefs: KeyValueStore & { keys(): string[] }, data: DataStore, file: string): MigrationReport {
  const keys = prefs.keys().filter(isDataKey);
  const leftBehind: string[] = [];
  const alreadyDone = data.get(MIGRATED_MARKER_KEY) !== undefined;
  if (!alreadyDone) {
    try {
      data.transaction(() => {
        for (const key of keys) {
          const value = prefs.get(key);
          if (key.startsWith(STORAGE_PREFIX)) {
            if (!moveStorage(data, key.slice(STORAGE_PREFIX.length), value)) leftBehind.push(key);
          } else data.set(key, value);
        }
        data.set(MIGRATED_MARKER_KEY, { at: Date.now(), keys: keys.filter((k) => !leftBehind.includes(k)) });
      });
    } catch (e) {
      throw new MigrationError(file, e);
    }
  }
  // What the marker lists is in the database: any copy still in the state file (a crash came between the
  // commit and this cleanup) is a stale duplicate, secrets included, and goes.
  const marker = data.get(MIGRATED_MARKER_KEY) as { keys?: unknown } | undefined;
  const listed = new Set(Array.isArray(marker?.keys) ? marker.keys.map(String) : []);
  const toRemove = keys.filter((k) => listed.has(k));
  for (const key of toRemove) {
    try {
      prefs.delete(key);
    } catch (e) {
      // the data is safe in the database; the copy in the state file is ignored and removed next time
      console.warn(`[data] ${key} is in the database, but could not be removed from ${file}: ${(e as Error).message}`);
      break;
    }
  }
  const notMoved = keys.filter((k) => !listed.has(k));
  return alreadyDone ? { moved: [], removedLeftovers: toRemove, leftBehind: notMoved } : { moved: toRemove, removedLeftovers: [], leftBehind: notMoved };
}

function moveStorage(data: DataStore, appId: string, value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    console.warn(`[data] the wx storage of "${appId}" in the state file is not a key/value map; it stays there and the app starts with empty storage`);
    return false;
  }
  for (const [key, entry] of Object.entries(value)) {
    const json = JSON.stringify(entry) ?? 'null';
    data.storage.put(appId, { key, json, bytes: storageEntryBytes(key, json) });
  }
  return true;
}
