import { z } from 'zod';
import type { StorageInfoResult } from '../contracts/apis';
import { ApiError, Errno } from '../contracts/errors';
import type { KeyValueStore } from '../contracts/ports';
import type { AppStorageService } from '../contracts/services';
import {
  STORAGE_LIMIT_BYTES,
  STORAGE_LIMIT_KB,
  STORAGE_QUOTA_REASON,
  encodeStorageData,
  storageEntryBytes,
  storageSizeKb,
} from '../contracts/storage-quota';

export const storageStoreKey = (appId: string): string => `storage:${appId}`;

const StoredEntries = z.record(z.string(), z.unknown());

export class CorruptStorageError extends Error {
  constructor(appId: string, detail: string) {
    super(
      `The storage of app "${appId}" (state entry "${storageStoreKey(appId)}") is unreadable (${detail}). Nothing was changed: ` +
        `fix that entry in the state file, or delete it to give the app empty storage.`,
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

interface AppEntries {
  /** key -> data, in its JSON form */
  values: Map<string, unknown>;
  /** key -> bytes it counts against the quota */
  sizes: Map<string, number>;
  total: number;
}

/**
 * One store entry per app ("storage:<appId>") holding every key of that app, so apps never see each
 * other's data and uninstall is one delete. Each app's entries are parsed once and kept in memory with
 * their sizes, so a write checks the 10 MB quota without re-measuring everything. Every change writes
 * the new document first and only then updates memory: a refused or failed write changes nothing.
 */
export function createAppStorage(store: KeyValueStore): AppStorage {
  const apps = new Map<string, AppEntries>();

  const load = (appId: string): AppEntries => {
    const cached = apps.get(appId);
    if (cached) return cached;
    const raw = store.get(storageStoreKey(appId));
    const entries: AppEntries = { values: new Map(), sizes: new Map(), total: 0 };
    if (raw !== undefined) {
      const parsed = StoredEntries.safeParse(raw);
      if (!parsed.success) throw new CorruptStorageError(appId, parsed.error.issues.map((i) => i.message).join('; '));
      // Entries are taken from the raw object (own keys only): rebuilding it by assignment would turn a
      // stored "__proto__" key into a prototype change.
      for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
        const size = storageEntryBytes(key, JSON.stringify(value) ?? 'null');
        entries.values.set(key, value);
        entries.sizes.set(key, size);
        entries.total += size;
      }
    }
    apps.set(appId, entries);
    return entries;
  };

  const persist = (appId: string, values: Map<string, unknown>): void => {
    if (values.size === 0) store.delete(storageStoreKey(appId));
    else store.set(storageStoreKey(appId), Object.fromEntries(values));
  };

  return {
    set(appId, key, data) {
      const entries = load(appId);
      const encoded = encodeStorageData(data);
      if (!encoded.ok) throw new ApiError(encoded.reason, { errno: Errno.parameterError });
      const size = storageEntryBytes(key, encoded.json);
      const total = entries.total - (entries.sizes.get(key) ?? 0) + size;
      if (total > STORAGE_LIMIT_BYTES) throw new ApiError(STORAGE_QUOTA_REASON);
      const values = new Map(entries.values).set(key, JSON.parse(encoded.json));
      persist(appId, values);
      entries.values = values;
      entries.sizes.set(key, size);
      entries.total = total;
    },
    get(appId, key) {
      const entries = load(appId);
      if (!entries.values.has(key)) throw new ApiError('data not found');
      // A copy: callers (and in-process hosts) must not be able to edit what is stored behind the quota's back.
      return structuredClone(entries.values.get(key));
    },
    remove(appId, key) {
      const entries = load(appId);
      if (!entries.values.has(key)) return;
      const values = new Map(entries.values);
      values.delete(key);
      persist(appId, values);
      entries.values = values;
      entries.total -= entries.sizes.get(key) ?? 0;
      entries.sizes.delete(key);
    },
    info(appId) {
      const entries = load(appId);
      return { keys: [...entries.values.keys()], currentSize: storageSizeKb(entries.total), limitSize: STORAGE_LIMIT_KB };
    },
    snapshot(appId) {
      return structuredClone(Object.fromEntries(load(appId).values));
    },
    clear(appId) {
      // Also the uninstall path: must work even when the stored entry is corrupt, so it does not load it.
      store.delete(storageStoreKey(appId));
      apps.set(appId, { values: new Map(), sizes: new Map(), total: 0 });
    },
  };
}
