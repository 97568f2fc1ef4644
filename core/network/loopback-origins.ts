import { z } from 'zod';
import { isLoopbackHostname, parseOrigin } from '../contracts/network';
import type { KeyValueStore } from '../contracts/ports';

/**
 * The loopback origins each app may reach (a development server on this machine). Two sources: what
 * the developer allowed in developer settings (kept in the store), and what the host allowed for this
 * run (the sample merchant backends it starts itself). Nothing else on loopback or the LAN is reachable.
 */
export const LOOPBACK_STORE_KEY = 'networkLoopbackOrigins';
const Stored = z.record(z.string(), z.array(z.string()));

export interface LoopbackOrigins {
  /** every origin (scheme://host:port) the app may reach although it is on loopback */
  allowed(appId: string): ReadonlySet<string>;
  /** the developer's list for an app (persisted); throws with a clear message for a non-loopback origin */
  setDeveloperOrigins(appId: string, origins: string[]): string[];
  developerOrigins(appId: string): string[];
  /** the host's own grant for this run (not persisted) */
  allowForRun(appId: string, origin: string): void;
  forgetApp(appId: string): void;
}

/** "http://127.0.0.1:3000/" -> "http://127.0.0.1:3000"; refuses anything that is not a loopback origin. */
export function normalizeLoopbackOrigin(raw: string): string {
  const parsed = parseOrigin(raw);
  if (!parsed || !isLoopbackHostname(parsed.hostname)) {
    throw new Error(`"${raw}" is not a loopback origin such as http://127.0.0.1:3000 or https://localhost:8443`);
  }
  return parsed.origin;
}

export function createLoopbackOrigins(store: KeyValueStore): LoopbackOrigins {
  const forRun = new Map<string, Set<string>>();
  const read = (): Record<string, string[]> => {
    const parsed = Stored.safeParse(store.get(LOOPBACK_STORE_KEY) ?? {});
    return parsed.success ? parsed.data : {};
  };
  return {
    allowed(appId) {
      const own = Object.prototype.hasOwnProperty.call(read(), appId) ? read()[appId]! : [];
      return new Set([...own, ...(forRun.get(appId) ?? [])]);
    },
    setDeveloperOrigins(appId, origins) {
      const normalized = [...new Set(origins.map(normalizeLoopbackOrigin))];
      store.set(LOOPBACK_STORE_KEY, { ...read(), [appId]: normalized });
      return normalized;
    },
    developerOrigins(appId) {
      const all = read();
      return Object.prototype.hasOwnProperty.call(all, appId) ? [...all[appId]!] : [];
    },
    allowForRun(appId, origin) {
      const set = forRun.get(appId) ?? new Set<string>();
      set.add(normalizeLoopbackOrigin(origin));
      forRun.set(appId, set);
    },
    forgetApp(appId) {
      forRun.delete(appId);
      const all = read();
      if (!Object.prototype.hasOwnProperty.call(all, appId)) return;
      delete all[appId];
      store.set(LOOPBACK_STORE_KEY, all);
    },
  };
}
