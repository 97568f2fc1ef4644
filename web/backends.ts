import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

/** What a sample's merchant backend module exports (examples/<app>/backend/*.ts). */
const isFunction = (v: unknown): v is (...args: never[]) => unknown => typeof v === 'function';
const BackendModule = z.object({ startBackend: z.custom<(options: BackendRegistration) => Promise<unknown>>(isFunction, 'startBackend must be a function') });
const RunningBackend = z.object({ url: z.string().url(), close: z.custom<() => unknown>(isFunction, 'close must be a function') });

export interface BackendRegistration {
  platformUrl: string;
  appId: string;
  appSecret: string;
  payKey: string;
  appKey: string;
  allowOrigin: string;
}

export interface StartedBackend {
  appId: string;
  url: string;
  close(): Promise<void>;
}

/** The module of a backend folder: index.ts, server.ts or main.ts, else the only .ts file in it. */
export function findBackendEntry(appFolder: string): string | undefined {
  const dir = join(appFolder, 'backend');
  if (!existsSync(dir)) return undefined;
  for (const name of ['index.ts', 'server.ts', 'main.ts', 'index.mjs', 'index.js']) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  const ts = readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts') && !n.includes('.test.'));
  return ts.length === 1 ? join(dir, ts[0]!) : undefined;
}

/**
 * Loads a backend module. Node 24 runs erasable TypeScript directly; anything else (older Node,
 * extensionless imports) is bundled with esbuild into the data folder first.
 */
async function loadModule(entry: string, bundleDir: string): Promise<unknown> {
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

export async function startBackend(entry: string, registration: BackendRegistration, bundleDir: string): Promise<StartedBackend> {
  const mod = BackendModule.safeParse(await loadModule(entry, bundleDir));
  if (!mod.success) throw new Error(`${entry} does not export startBackend(options)`);
  const running = RunningBackend.safeParse(await mod.data.startBackend(registration));
  if (!running.success) throw new Error(`startBackend in ${entry} did not return { url, close() }`);
  const handle = running.data;
  return { appId: registration.appId, url: handle.url, close: async () => void (await handle.close()) };
}
