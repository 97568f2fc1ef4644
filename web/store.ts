import Conf from 'conf';
import type { KeyValueStore } from '../core/contracts/ports';

/**
 * Marks a data folder whose samples were installed, so an uninstall sticks. Each host has always had its
 * own key (the desktop host's is in main/state-store.ts); renaming either would seed existing data folders again.
 */
export const WEB_SEEDED_KEY = 'webHostSeeded';

/**
 * The browser host's state file: <dataDir>/superapp-state.json through `conf`, with the same configName
 * and options the Electron host gives electron-store, so one data folder works under either host.
 * Values are handed out as copies: core modules may change what they read without touching the store.
 */
export function createConfStore(dataDir: string): KeyValueStore & { path: string } {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'superapp-state',
    projectName: 'superapp-shell',
    accessPropertiesByDotNotation: false,
    // secrets (appSecret, payKey) live here: readable by the owner only
    configFileMode: 0o600,
  });
  // conf reads and parses the whole file on every get; this process is its only writer, so a
  // write-through cache keeps reads cheap (wallet, storage mirror) without changing what is on disk.
  const cache = new Map<string, unknown>();
  return {
    path: conf.path,
    get(key) {
      if (!cache.has(key)) cache.set(key, conf.get(key));
      const value = cache.get(key);
      return value === undefined ? undefined : structuredClone(value);
    },
    set(key, value) {
      if (value === undefined) {
        conf.delete(key);
        cache.delete(key);
        return;
      }
      conf.set(key, value);
      // what a later read gets is what the file holds: JSON, not the caller's object
      cache.set(key, JSON.parse(JSON.stringify(value)));
    },
    delete(key) {
      conf.delete(key);
      cache.delete(key);
    },
  };
}
