import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { dirname } from 'node:path';
import type { DataStore, FileRow, StorageRow } from '../contracts/ports';
import { asDataError, DataUnavailableError } from './data-errors';

/** The database file in a host's data folder; its -wal and -shm files live beside it. */
export const DATA_FILE_NAME = 'superapp-data.db';

/**
 * Schema version in PRAGMA user_version. A later version adds a step to SCHEMA_STEPS; a database from a
 * newer shell is refused rather than written by code that does not know its tables.
 */
const SCHEMA_STEPS: string[] = [
  `CREATE TABLE docs (key TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;
   CREATE TABLE app_storage (app_id TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL, bytes INTEGER NOT NULL, UNIQUE (app_id, key));`,
  // the apps' files (core/files): size before data, so summing sizes for the quota never reads the blobs
  `CREATE TABLE app_files (app_id TEXT NOT NULL, path TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('file', 'dir')),
     size INTEGER NOT NULL, mtime INTEGER NOT NULL, ctime INTEGER NOT NULL, data BLOB, UNIQUE (app_id, path));`,
];

export interface SqliteDataStoreOptions {
  /**
   * Fault injection for the crash tests: called after every write statement (inside its transaction,
   * before the commit) with what was written ("doc <key>", "storage <appId>"), and after each commit.
   */
  afterWrite?: (what: string) => void;
  /** told about every disk-full / read-only failure, so a host can tell its user */
  onTrouble?: (error: DataUnavailableError) => void;
  /** opens the file read-only: how tests stand in for a read-only data folder (root ignores file modes) */
  readOnly?: boolean;
}

export interface SqliteDataStore extends DataStore {
  readonly file: string;
  /** keys of every stored document (tests and the migration check use it) */
  docKeys(): string[];
  /** Fault injection: from now on the database file cannot grow, so the next write that needs room fails as on a full disk. */
  freezeSizeForFaultInjection(): void;
  close(): void;
}

/**
 * The user's data in SQLite through Node's built-in node:sqlite (no native addon; Node 24 and Electron 45's
 * Node have it). WAL journal with synchronous=FULL: every commit is fsynced before the call that made it
 * returns, so what an app was told is saved survives a power cut, not only a crash (NORMAL would only
 * survive a crash). The process is the only writer; documents are cached parsed and handed out as copies.
 */
export function openSqliteDataStore(file: string, options: SqliteDataStoreOptions = {}): SqliteDataStore {
  const where = file === ':memory:' ? 'memory' : dirname(file);
  const listeners = new Set<(userMessage: string) => void>();
  const trouble = (e: unknown): unknown => {
    const mapped = asDataError(e, where);
    if (mapped instanceof DataUnavailableError) {
      options.onTrouble?.(mapped);
      for (const listener of [...listeners]) listener(mapped.userMessage);
    }
    return mapped;
  };

  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { timeout: 5_000, readOnly: options.readOnly ?? false });
    if (!options.readOnly) {
      db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
      migrateSchema(db);
    }
  } catch (e) {
    const mapped = trouble(e);
    throw mapped instanceof DataUnavailableError ? new Error(mapped.userMessage) : e;
  }

  const sql = {
    getDoc: db.prepare('SELECT json FROM docs WHERE key = ?'),
    putDoc: db.prepare('INSERT INTO docs (key, json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET json = excluded.json'),
    deleteDoc: db.prepare('DELETE FROM docs WHERE key = ?'),
    docKeys: db.prepare('SELECT key FROM docs ORDER BY key'),
    getRow: db.prepare('SELECT key, json, bytes FROM app_storage WHERE app_id = ? AND key = ?'),
    listRows: db.prepare('SELECT key, json, bytes FROM app_storage WHERE app_id = ? ORDER BY rowid'),
    listKeys: db.prepare('SELECT key FROM app_storage WHERE app_id = ? ORDER BY rowid'),
    putRow: db.prepare(
      'INSERT INTO app_storage (app_id, key, json, bytes) VALUES (?, ?, ?, ?) ON CONFLICT (app_id, key) DO UPDATE SET json = excluded.json, bytes = excluded.bytes',
    ),
    removeRow: db.prepare('DELETE FROM app_storage WHERE app_id = ? AND key = ?'),
    clearRows: db.prepare('DELETE FROM app_storage WHERE app_id = ?'),
    totalBytes: db.prepare('SELECT COALESCE(SUM(bytes), 0) AS total FROM app_storage WHERE app_id = ?'),
    fileMeta: db.prepare('SELECT path, kind, size, mtime, ctime FROM app_files WHERE app_id = ? AND path = ?'),
    fileData: db.prepare("SELECT data FROM app_files WHERE app_id = ? AND path = ? AND kind = 'file'"),
    fileList: db.prepare('SELECT path, kind, size, mtime, ctime FROM app_files WHERE app_id = ? AND path >= ? AND path < ? ORDER BY path'),
    filePut: db.prepare(
      'INSERT INTO app_files (app_id, path, kind, size, mtime, ctime, data) VALUES (?, ?, ?, ?, ?, ?, ?) ' +
        'ON CONFLICT (app_id, path) DO UPDATE SET kind = excluded.kind, size = excluded.size, mtime = excluded.mtime, data = excluded.data',
    ),
    fileRemoveTree: db.prepare('DELETE FROM app_files WHERE app_id = ? AND (path = ? OR (path >= ? AND path < ?))'),
    fileMoveTree: db.prepare('UPDATE app_files SET path = ? || substr(path, length(?) + 1) WHERE app_id = ? AND (path = ? OR (path >= ? AND path < ?))'),
    fileClear: db.prepare('DELETE FROM app_files WHERE app_id = ?'),
    fileTotal: db.prepare("SELECT COALESCE(SUM(size), 0) AS total FROM app_files WHERE app_id = ? AND kind = 'file'"),
  };

  // Caches of what is committed (or written in the open transaction); a rollback empties them.
  const docs = new Map<string, unknown>();
  const totals = new Map<string, number>();
  let depth = 0;

  const write = (statement: StatementSync, what: string, ...params: Array<string | number | Uint8Array | null>): void => {
    try {
      statement.run(...params);
    } catch (e) {
      throw trouble(e);
    }
    options.afterWrite?.(what);
  };

  const transaction = <R>(work: () => R): R => {
    if (depth > 0) return work();
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (e) {
      throw trouble(e);
    }
    depth++;
    try {
      const result = work();
      if (result instanceof Promise) throw new Error('a data transaction must be synchronous: await outside of it');
      try {
        db.exec('COMMIT');
      } catch (e) {
        throw trouble(e);
      }
      options.afterWrite?.('commit');
      return result;
    } catch (e) {
      // SQLite may already have rolled back on a full disk; otherwise roll back here.
      if (db.isTransaction) db.exec('ROLLBACK');
      docs.clear();
      totals.clear();
      throw e;
    } finally {
      depth--;
    }
  };

  /** A single write outside any transaction still commits on its own (autocommit), durably. */
  const alone = (work: () => void): void => (depth > 0 ? work() : transaction(work));

  const total = (appId: string): number => {
    const cached = totals.get(appId);
    if (cached !== undefined) return cached;
    const row = sql.totalBytes.get(appId) as { total: number };
    totals.set(appId, Number(row.total));
    return Number(row.total);
  };

  const deleteDoc = (key: string): void => {
    alone(() => write(sql.deleteDoc, `doc ${key}`, key));
    docs.set(key, undefined);
  };

  return {
    file,
    get(key) {
      if (!docs.has(key)) {
        const row = sql.getDoc.get(key) as { json: string } | undefined;
        docs.set(key, row === undefined ? undefined : JSON.parse(row.json));
      }
      const value = docs.get(key);
      return value === undefined ? undefined : structuredClone(value);
    },
    set(key, value) {
      if (value === undefined) return deleteDoc(key);
      const json = JSON.stringify(value);
      alone(() => write(sql.putDoc, `doc ${key}`, key, json));
      docs.set(key, JSON.parse(json));
    },
    delete: deleteDoc,
    transaction,
    onTrouble(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    storage: {
      get: (appId, key) => toRow(sql.getRow.get(appId, key)),
      list: (appId) => sql.listRows.all(appId).map((r) => toRow(r)!),
      keys: (appId) => sql.listKeys.all(appId).map((r) => String(r.key)),
      put(appId, row) {
        const before = total(appId) - (toRow(sql.getRow.get(appId, row.key))?.bytes ?? 0);
        alone(() => write(sql.putRow, `storage ${appId}`, appId, row.key, row.json, row.bytes));
        totals.set(appId, before + row.bytes);
      },
      remove(appId, key) {
        const old = toRow(sql.getRow.get(appId, key));
        if (!old) return;
        const before = total(appId);
        alone(() => write(sql.removeRow, `storage ${appId}`, appId, key));
        totals.set(appId, before - old.bytes);
      },
      clear(appId) {
        alone(() => write(sql.clearRows, `storage ${appId}`, appId));
        totals.set(appId, 0);
      },
      totalBytes: total,
    },
    files: {
      get: (appId, path) => toFileRow(sql.fileMeta.get(appId, path)),
      read(appId, path) {
        const row = sql.fileData.get(appId, path) as { data: Uint8Array | null } | undefined;
        return row === undefined ? undefined : (row.data ?? new Uint8Array(0));
      },
      list: (appId, prefix) => sql.fileList.all(appId, prefix, prefixEnd(prefix)).map((r) => toFileRow(r)!),
      putDir(appId, path, time) {
        alone(() => write(sql.filePut, `files ${appId}`, appId, path, 'dir', 0, time, time, null));
      },
      putFile(appId, path, data, time) {
        const ctime = toFileRow(sql.fileMeta.get(appId, path))?.ctime ?? time;
        alone(() => write(sql.filePut, `files ${appId}`, appId, path, 'file', data.byteLength, time, ctime, data));
      },
      removeTree(appId, path) {
        const under = `${path}/`;
        alone(() => write(sql.fileRemoveTree, `files ${appId}`, appId, path, under, prefixEnd(under)));
      },
      moveTree(appId, from, to) {
        const under = `${from}/`;
        alone(() => write(sql.fileMoveTree, `files ${appId}`, to, from, appId, from, under, prefixEnd(under)));
      },
      clear(appId) {
        alone(() => write(sql.fileClear, `files ${appId}`, appId));
      },
      totalBytes: (appId) => Number((sql.fileTotal.get(appId) as { total: number }).total),
    },
    docKeys: () => sql.docKeys.all().map((r) => String((r as { key: string }).key)),
    freezeSizeForFaultInjection() {
      const pages = db.prepare('PRAGMA page_count').get() as { page_count: number };
      db.exec(`PRAGMA max_page_count = ${Number(pages.page_count)}`);
    },
    close() {
      if (db.isOpen) db.close();
    },
  };
}

function toRow(raw: unknown): StorageRow | undefined {
  if (raw === undefined) return undefined;
  const r = raw as { key: string; json: string; bytes: number };
  return { key: String(r.key), json: String(r.json), bytes: Number(r.bytes) };
}

function toFileRow(raw: unknown): FileRow | undefined {
  if (raw === undefined) return undefined;
  const r = raw as { path: string; kind: string; size: number; mtime: number; ctime: number };
  return { path: String(r.path), kind: r.kind === 'dir' ? 'dir' : 'file', size: Number(r.size), mtime: Number(r.mtime), ctime: Number(r.ctime) };
}

/** The smallest string after every string that starts with `prefix`: the end of an index range scan. */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

function migrateSchema(db: DatabaseSync): void {
  const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  if (version > SCHEMA_STEPS.length) {
    throw new Error(`The data folder was written by a newer Superapp Shell (schema ${version}, this one knows ${SCHEMA_STEPS.length}). Update the shell.`);
  }
  for (let v = version; v < SCHEMA_STEPS.length; v++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(SCHEMA_STEPS[v]!);
      db.exec(`PRAGMA user_version = ${v + 1}`);
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
  }
}
