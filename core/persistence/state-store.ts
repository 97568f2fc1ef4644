import type { KeyValueStore } from '../contracts/ports';

/**
 * The state file both hosts keep: electron-store in Electron and conf in the browser host (electron-store
 * is conf underneath), opened with these options so one data folder works under either host.
 * conf calls the file name `configName`.
 */
export const STATE_STORE_OPTIONS = {
  name: 'superapp-state',
  // core keys are plain top-level names; a key like "a.b" must stay one key
  accessPropertiesByDotNotation: false,
  // app secrets and pay keys live here: readable by the owner only
  configFileMode: 0o600,
} as const;

export interface JsonStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  /** the whole document (conf and electron-store have it) */
  readonly store?: Record<string, unknown>;
}

/** The preferences store both hosts open, with the key listing the one-time move to SQLite needs. */
export type PreferenceStore = KeyValueStore & { keys(): string[] };

/**
 * conf re-reads the whole file on every get; this process is its only writer, so reads are served from
 * a write-through cache. Values are handed out as copies: a caller that edits what it read must not
 * change the store behind its back, and what is read back is JSON, exactly as the file holds it.
 */
export function keyValueStoreOver(store: JsonStore): PreferenceStore {
  const cache = new Map<string, unknown>();
  return {
    get(key) {
      if (!cache.has(key)) cache.set(key, store.get(key));
      const value = cache.get(key);
      return value === undefined ? undefined : structuredClone(value);
    },
    set(key, value) {
      if (value === undefined) {
        store.delete(key);
        cache.delete(key);
        return;
      }
      // conf writes synchronously and atomically, so a quit right after a set loses nothing
      store.set(key, value);
      cache.set(key, JSON.parse(JSON.stringify(value)));
    },
    delete(key) {
      store.delete(key);
      cache.delete(key);
    },
    keys: () => Object.keys(store.store ?? {}),
  };
}
