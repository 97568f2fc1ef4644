import type { z } from 'zod';
import type { StorageInfoResult } from '../contracts/apis';
import { ApiError, Errno } from '../contracts/errors';
import type { DataStore, StorageRow } from '../contracts/ports';
import type { AppStorageService } from '../contracts/services';
import {
  STORAGE_LIMIT_BYTES,
  STORAGE_LIMIT_KB,
  STORAGE_QUOTA_REASON,
  encodeStorageData,
  storageEntryBytes,
  storageSizeKb,
} from '../contracts/storage-quota';

/** Where the storage of an app lived in the JSON state file before the data moved to SQLite (migration reads it). */
export const storageStoreKey = (appId: string): string => `storage:${appId}`;

export class CorruptStorageError extends Error {
  constructor(appId: string, key: string, detail: string) {
    super(
      `The storage of app "${appId}" (key "${key}") is unreadable (${detail}). Nothing was changed: ` +
        `remove that key (wx.removeStorage) or clear the app's storage to start it afresh.`,
    );
    this.name = 'CorruptStorageError';
  }
}

/** The host side of wx's storage APIs. Errors are ApiErrors whose reason is WeChat's wording. */
export interface AppStorage extends AppStorageService {
  set(appId: string, key: string, data: unknown): void;
  get(appId: string, key: string): unknown;
  remove(appId: string, key: string): void;
  info(appId: string): z.output<typeof StorageInfoResult>;
}

/**
 * One row per (app, key) in the data store, so apps never see each other's data, a write costs the size
 * of the change, and uninstall is one delete. The quota is kept incrementally by the store (the sum of
 * the app's rows, updated by each write), so a write never re-measures the app's other keys. A refused
 * write changes nothing; a write returns only once it is durable.
 */
export function createAppStorage(store: DataStore): AppStorage {
  const parse = (appId: string, row: StorageRow): unknown => {
    try {
      return JSON.parse(row.json);
    } catch (e) {
      throw new CorruptStorageError(appId, row.key, (e as Error).message);
    }
  };

  return {
    set(appId, key, data) {
      const encoded = encodeStorageData(data);
      if (!encoded.ok) throw new ApiError(encoded.reason, { errno: Errno.parameterError });
      const bytes = storageEntryBytes(key, encoded.json);
      const total = store.storage.totalBytes(appId) - (store.storage.get(appId, key)?.bytes ?? 0) + bytes;
      if (total > STORAGE_LIMIT_BYTES) throw new ApiError(STORAGE_QUOTA_REASON);
      store.storage.put(appId, { key, json: encoded.json, bytes });
    },
    get(appId, key) {
      const row = store.storage.get(appId, key);
      if (!row) throw new ApiError('data not found');
      // parsed afresh on every read: callers (and in-process hosts) cannot edit what is stored behind the quota's back
      return parse(appId, row);
    },
    remove(appId, key) {
      store.storage.remove(appId, key);
    },
    info(appId) {
      // keys only: an app near its 10 MB quota would otherwise read all of it back on every getStorageInfo
      const keys = store.storage.keys(appId);
      return { keys, currentSize: storageSizeKb(store.storage.totalBytes(appId)), limitSize: STORAGE_LIMIT_KB };
    },
    snapshot(appId) {
      const out: Record<string, unknown> = {};
      // defineProperty: a stored "__proto__" key is an ordinary entry, never a prototype change
      for (const row of store.storage.list(appId)) Object.defineProperty(out, row.key, { value: parse(appId, row), enumerable: true, writable: true, configurable: true });
      return out;
    },
    clear(appId) {
      store.storage.clear(appId);
    },
  };
}
