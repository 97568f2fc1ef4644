import type { IpcMain } from 'electron';
import type { KeyValueStore } from '../core/contracts';

/**
 * The runtime's KeyValueStore on top of electron-store (which is `conf` underneath). Same file name
 * and options as the browser host's conf store, so the two hosts read one format.
 */

/**
 * Marks a data folder whose samples were installed, so an uninstall sticks. Each host has always had its
 * own key (the browser host's is in web/store.ts); renaming either would seed existing data folders again.
 */
export const DESKTOP_SEEDED_KEY = 'electronHostSeeded';

/** The options both hosts use for the state file. */
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
}

/**
 * conf re-reads the whole file on every get; this process is its only writer, so reads are served from
 * a write-through cache. Values are handed out as copies: a caller that edits what it read must not
 * change the store behind its back, and what is read back is JSON, exactly as the file holds it.
 */
export function keyValueStoreOver(store: JsonStore): KeyValueStore {
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
  };
}

/** Opens <userData>/superapp-state.json. Imported lazily: electron-store needs Electron's app module. */
export async function openStateStore(ipcMain: Pick<IpcMain, 'removeAllListeners'>): Promise<KeyValueStore> {
  const { default: ElectronStore } = await import('electron-store');
  const store = new ElectronStore<Record<string, unknown>>(STATE_STORE_OPTIONS);
  // electron-store registers a synchronous ipcMain listener for renderer-side stores. No renderer here
  // uses one, and a synchronous channel any page could poke has no place in this app: remove it.
  ipcMain.removeAllListeners(ELECTRON_STORE_SYNC_CHANNEL);
  return keyValueStoreOver(store as unknown as JsonStore);
}

export const ELECTRON_STORE_SYNC_CHANNEL = 'electron-store-get-data';
