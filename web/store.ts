import Conf from 'conf';
import { keyValueStoreOver, STATE_STORE_OPTIONS, type PreferenceStore } from '../core/persistence/state-store';

/**
 * Marks a data folder whose samples were installed, so an uninstall sticks. Each host has always had its
 * own key (the desktop host's is in main/state-store.ts); renaming either would seed existing data folders again.
 */
export const WEB_SEEDED_KEY = 'webHostSeeded';

/**
 * The browser host's preferences file (its data is in SQLite beside it, core/persistence/open-data.ts): <dataDir>/superapp-state.json through `conf`, with the same configName
 * and options the Electron host gives electron-store, so one data folder works under either host.
 * Values are handed out as copies: core modules may change what they read without touching the store.
 */
export function createConfStore(dataDir: string): PreferenceStore & { path: string } {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: STATE_STORE_OPTIONS.name,
    projectName: 'superapp-shell',
    accessPropertiesByDotNotation: STATE_STORE_OPTIONS.accessPropertiesByDotNotation,
    configFileMode: STATE_STORE_OPTIONS.configFileMode,
  });
  return Object.assign(keyValueStoreOver(conf), { path: conf.path });
}
