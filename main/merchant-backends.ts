import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Logger } from './logger';

/**
 * The bundled samples ship the small merchant backend a real shop would run on its own server
 * (examples/<app>/backend). The desktop shell runs them in-process so the payment samples work out
 * of the box; each talks to the embedded platform only through the loopback server API, with the
 * secrets of its own registration.
 */

export interface BackendRegistration {
  platformUrl: string;
  appId: string;
  appSecret: string;
  payKey: string;
  appKey: string;
  allowOrigin: string;
}

const isFunction = (value: unknown): value is (...args: never[]) => unknown => typeof value === 'function';
const BackendModule = z.object({ startBackend: z.custom<(registration: BackendRegistration) => Promise<unknown>>(isFunction, 'must export startBackend(options)') });
const RunningBackend = z.object({ url: z.string().url(), close: z.custom<() => unknown>(isFunction, 'close must be a function') });

/** The backend module of a sample folder, if it has one. */
export function findBackendEntry(appFolder: string): string | undefined {
  const dir = join(appFolder, 'backend');
  if (!existsSync(dir)) return undefined;
  for (const name of ['index.ts', 'server.ts', 'main.ts', 'index.mjs', 'index.js']) if (existsSync(join(dir, name))) return join(dir, name);
  const sources = readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.includes('.test.'));
  return sources.length === 1 ? join(dir, sources[0]!) : undefined;
}

/** Node strips erasable TypeScript itself; where it cannot (or imports lack extensions), esbuild bundles it first (development only). */
async function loadBackendModule(entry: string, bundleDir: string): Promise<unknown> {
  try {
    return await import(pathToFileURL(entry).href);
  } catch (direct) {
    let esbuild: typeof import('esbuild');
    try {
      esbuild = await import('esbuild');
    } catch {
      throw direct;
    }
    await mkdir(bundleDir, { recursive: true });
    const outfile = join(bundleDir, `${entry.replace(/[^A-Za-z0-9]+/g, '_').slice(-80)}.mjs`);
    await esbuild.build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', logLevel: 'silent' });
    return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
  }
}

export interface MerchantBackends {
  /** the running backend's base URL for an app */
  urlOf(appId: string): string | undefined;
  start(entry: string, registration: BackendRegistration): Promise<string>;
  closeAll(): Promise<void>;
}

export function createMerchantBackends(bundleDir: string, log: Logger): MerchantBackends {
  const running = new Map<string, { url: string; close(): unknown }>();
  return {
    urlOf: (appId) => running.get(appId)?.url,
    async start(entry, registration) {
      const module = BackendModule.safeParse(await loadBackendModule(entry, bundleDir));
      if (!module.success) throw new Error(`${entry} does not export startBackend(options)`);
      const handle = RunningBackend.safeParse(await module.data.startBackend(registration));
      if (!handle.success) throw new Error(`startBackend in ${entry} did not return { url, close() }`);
      running.set(registration.appId, handle.data);
      log.info(`merchant backend of ${registration.appId} at ${handle.data.url}`);
      return handle.data.url;
    },
    async closeAll() {
      const all = [...running.values()];
      running.clear();
      await Promise.allSettled(all.map(async (backend) => backend.close()));
    },
  };
}
