import type { CallerIdentity } from './app';
import type { Sheet, SheetAnswer } from './sheets';

/**
 * What core needs from a host. Electron implements them with electron-store and shell views,
 * the browser host with conf and the shell page, tests with memory and scripted answers.
 */

/** A JSON document store. Keys are dot-free top-level names chosen by core modules. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/**
 * The durable store for the user's data (accounts, wallet, orders, sessions, grants, wx storage): SQLite in
 * both hosts (core/persistence/sqlite-data-store.ts). Preferences stay in the KeyValueStore above.
 * Every write is durable when the call returns; `transaction` makes several writes one.
 */
export interface DataStore extends KeyValueStore {
  /**
   * Runs `work` (synchronous) so that all its writes commit together or not at all: a throw rolls them
   * back, and a crash at any instant leaves either every write or none. Nested calls join the outer one.
   */
  transaction<R>(work: () => R): R;
  /** wx storage: one row per (app, key), so a write costs the size of the change */
  readonly storage: StorageRows;
  /** the apps' files (wx.getFileSystemManager, core/files): one row per (app, path) */
  readonly files: FileRows;
  /** tells `listener` a sentence for the user each time a write fails because the disk is full or read-only */
  onTrouble?(listener: (userMessage: string) => void): () => void;
}

export interface StorageRow {
  key: string;
  /** the data as JSON */
  json: string;
  /** what the entry counts against the app's quota */
  bytes: number;
}

export interface StorageRows {
  get(appId: string, key: string): StorageRow | undefined;
  /** every entry of the app, in insertion order */
  list(appId: string): StorageRow[];
  /** the app's keys, in insertion order, without reading their data (getStorageInfo) */
  keys(appId: string): string[];
  put(appId: string, row: StorageRow): void;
  remove(appId: string, key: string): void;
  clear(appId: string): void;
  /** the sum of the app's entries' bytes */
  totalBytes(appId: string): number;
}

/** A file or directory of an app, without its data. Times are milliseconds since the epoch. */
export interface FileRow {
  /** the app's path for it, e.g. "wxfile://usr/notes/a.txt" */
  path: string;
  kind: 'file' | 'dir';
  /** bytes of a file's data; 0 for a directory */
  size: number;
  mtime: number;
  /** when it was first written (saved files report it as createTime) */
  ctime: number;
}

export interface FileRows {
  get(appId: string, path: string): FileRow | undefined;
  /** a file's data; undefined when there is no such file */
  read(appId: string, path: string): Uint8Array | undefined;
  /** every row whose path starts with `prefix`, in path order */
  list(appId: string, prefix: string): FileRow[];
  putDir(appId: string, path: string, time: number): void;
  /** writes the whole file (creating or replacing it); a replaced file keeps its ctime */
  putFile(appId: string, path: string, data: Uint8Array, time: number): void;
  /** the row at `path` and every row under `path + "/"` */
  removeTree(appId: string, path: string): void;
  /** renames the row at `from` and everything under it to `to` */
  moveTree(appId: string, from: string, to: string): void;
  clear(appId: string): void;
  /** the sum of the app's files' sizes */
  totalBytes(appId: string): number;
}

/**
 * Shows a trusted sheet and resolves with the user's answer. Must never be drawn by a mini program.
 * When `signal` aborts (the call timed out), the sheet closes and the answer is a cancel.
 */
export interface Prompter {
  ask(sheet: Sheet, caller: CallerIdentity, signal?: AbortSignal): Promise<SheetAnswer>;
}

export interface Clock {
  /** milliseconds since the epoch */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
