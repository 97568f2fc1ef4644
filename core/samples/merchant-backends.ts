import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { findSampleFolders, type SampleLog } from './sample-folders';

/**
 * The payment samples ship the small merchant backend a real shop would run on its own server
 * (examples/<app>/backend). The hosts run it in-process so those samples work out of the box; each talks
 * to the embedded platform only through the loopback server API, with the secrets of its own registration.
 *
 * A backend is loaded by path, never imported statically, so core/ stays free of examples/. The build
 * bundles each sample's backend (zod included) to dist/backends/<appId>.mjs: a packaged app has neither
 * esbuild nor node_modules beside its examples, so the bundle is the only form it can run. The source is
 * the development path: Node 24 strips the (erasable) TypeScript itself.
 */

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

export interface BackendSource {
  appId: string;
  /** the app's folder; its backend, if any, is in backend/ */
  folder: string;
  /**
   * dist/backends of the build that bundled this app's backend. Only the host knows whether the folder is
   * the sample the build saw: a folder under development leaves this out, so its edited source runs
   * instead of a stale bundle.
   */
  bundlesDir?: string;
}

const ENTRY_NAMES = ['index.ts', 'server.ts', 'main.ts', 'index.mjs', 'index.js'];

/** The module of a backend folder: a conventional name, else the only .ts file in it. */
export function findBackendEntry(appFolder: string): string | undefined {
  const dir = join(appFolder, 'backend');
  if (!existsSync(dir)) return undefined;
  for (const name of ENTRY_NAMES) if (existsSync(join(dir, name))) return join(dir, name);
  const sources = readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.includes('.test.'));
  return sources.length === 1 ? join(dir, sources[0]!) : undefined;
}

/** Where the build writes, and the hosts look for, an app's bundled backend. */
export function backendBundleFile(bundlesDir: string, appId: string): string {
  return join(bundlesDir, `${appId}.mjs`);
}

function bundleOf(source: BackendSource): string | undefined {
  return source.bundlesDir ? backendBundleFile(source.bundlesDir, source.appId) : undefined;
}

/**
 * Whether the app ships a backend at all. A backend/ folder counts even without a usable entry, so a
 * broken one is reported when it fails to start instead of being silently ignored.
 */
export function hasBackend(source: BackendSource): boolean {
  const bundle = bundleOf(source);
  return (bundle !== undefined && existsSync(bundle)) || existsSync(join(source.folder, 'backend'));
}

const isFunction = (value: unknown): value is (...args: never[]) => unknown => typeof value === 'function';
const BackendModule = z.object({ startBackend: z.custom<(registration: BackendRegistration) => Promise<unknown>>(isFunction, 'must export startBackend(options)') });
const RunningBackend = z.object({ url: z.string().url(), close: z.custom<() => unknown>(isFunction, 'close must be a function') });

async function loadBackendModule(source: BackendSource): Promise<{ file: string; module: unknown }> {
  const bundle = bundleOf(source);
  if (bundle !== undefined && existsSync(bundle)) {
    try {
      return { file: bundle, module: await import(pathToFileURL(bundle).href) };
    } catch (error) {
      throw new Error(`the build-time bundle ${bundle} did not load (${(error as Error).message}); run "npm run build" again`, { cause: error });
    }
  }
  const noBundle = bundle === undefined ? 'no build-time bundle' : `no build-time bundle at ${bundle}`;
  const entry = findBackendEntry(source.folder);
  if (!entry) {
    throw new Error(`${noBundle}, and ${join(source.folder, 'backend')} has no entry module (${ENTRY_NAMES.join(', ')}, or a single .ts file)`);
  }
  try {
    return { file: entry, module: await import(pathToFileURL(entry).href) };
  } catch (error) {
    throw new Error(
      `${noBundle}, and its source ${entry} did not load (${(error as Error).message}). From source it must be erasable ` +
        `TypeScript whose imports resolve from its folder; "npm run build" bundles the samples' backends into dist/backends.`,
      { cause: error },
    );
  }
}

export async function startMerchantBackend(source: BackendSource, registration: BackendRegistration): Promise<StartedBackend> {
  const { file, module } = await loadBackendModule(source);
  const backend = BackendModule.safeParse(module);
  if (!backend.success) throw new Error(`${file} does not export startBackend(options)`);
  const running = RunningBackend.safeParse(await backend.data.startBackend(registration));
  if (!running.success) throw new Error(`startBackend in ${file} did not return { url, close() }`);
  const handle = running.data;
  return { appId: registration.appId, url: handle.url, close: async () => void (await handle.close()) };
}

export interface SampleBackend {
  appId: string;
  entry: string;
}

/** The samples whose backends the build bundles, found by the same rules the hosts seed and start them with. */
export async function findSampleBackends(examplesDir: string, log: SampleLog): Promise<SampleBackend[]> {
  const found: SampleBackend[] = [];
  for (const sample of await findSampleFolders(examplesDir, log)) {
    const entry = findBackendEntry(sample.folder);
    if (entry) found.push({ appId: sample.appId, entry });
    else if (existsSync(join(sample.folder, 'backend'))) log.warn(`sample ${sample.appId}: backend/ has no entry module; not bundled`);
  }
  return found;
}
