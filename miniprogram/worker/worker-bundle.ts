import type { ModuleFactory } from '../logic/bundle';

/** What /__wx/app/workers.js assigns to `globalThis.__wxWorkerBundle` (core/wechat/worker-bundle.ts). */
export interface WorkerBundle {
  v: 1;
  root: string;
  modules: Record<string, ModuleFactory>;
  lines?: Record<string, number>;
  columns?: Record<string, number[][]>;
}

/**
 * Checks the bundle's shape once, by hand: this thread's script stays small (no zod), and a stale or foreign
 * file gets a clear message instead of a TypeError deep in the loader.
 */
export function readWorkerBundle(value: unknown): WorkerBundle {
  const bundle = value as Partial<WorkerBundle> | undefined;
  const modules = bundle?.modules;
  const ok =
    bundle?.v === 1 &&
    typeof bundle.root === 'string' &&
    typeof modules === 'object' &&
    modules !== null &&
    Object.values(modules).every((m) => typeof m === 'function');
  if (!ok) throw new Error('the compiled worker code is unreadable; reinstall the app to rebuild it');
  return bundle as WorkerBundle;
}
