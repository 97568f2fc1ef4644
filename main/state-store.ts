import type { IpcMain } from 'electron';
import { keyValueStoreOver, STATE_STORE_OPTIONS, type JsonStore, type PreferenceStore } from '../core/persistence/state-store';

/**
 * The runtime's preferences store on top of electron-store (the user's data is in SQLite, core/persistence/open-data.ts) (which is `conf` underneath), with the options
 * and cache the browser host's conf store uses too (core/persistence/state-store.ts).
 */

/**
 * Marks a data folder whose samples were installed, so an uninstall sticks. Each host has always had its
 * own key (the browser host's is in web/store.ts); renaming either would seed existing data folders again.
 */
export const DESKTOP_SEEDED_KEY = 'electronHostSeeded';

/** Opens <userData>/superapp-state.json. Imported lazily: electron-store needs Electron's app module. */
export async function openStateStore(ipcMain: Pick<IpcMain, 'removeAllListeners'>): Promise<PreferenceStore & { path: string }> {
  const { default: ElectronStore } = await import('electron-store');
  const store = new ElectronStore<Record<string, unknown>>(STATE_STORE_OPTIONS);
  // electron-store registers a synchronous ipcMain listener for renderer-side stores. No renderer here
  // uses one, and a synchronous channel any page could poke has no place in this app: remove it.
  ipcMain.removeAllListeners(ELECTRON_STORE_SYNC_CHANNEL);
  return Object.assign(keyValueStoreOver(store as unknown as JsonStore), { path: String((store as { path?: unknown }).path) });
}

export const ELECTRON_STORE_SYNC_CHANNEL = 'electron-store-get-data';
