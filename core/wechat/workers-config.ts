import { normalizePackagePath } from './require-resolve';

/**
 * app.json `workers` (WeChat's "多线程 Worker"): the folder of the worker code, as a string or as
 * `{ "path": "workers", "isSubpackage": true }`. A desktop install has every file at hand, so the
 * subpackage form names the same folder. Shared by the compiler and the logic layer (no Node built-ins).
 */
export type WorkersRoot = { ok: true; root: string } | { ok: false; reason: string };

/** The workers folder as a package path without slashes at its ends ("workers"), or why the value is unusable. */
export function workersRoot(value: unknown): WorkersRoot {
  const raw = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { path?: unknown }).path : value;
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: 'must be a folder of the package, as "workers" or { "path": "workers" }' };
  const root = normalizePackagePath(raw.trim());
  if (root === undefined) return { ok: false, reason: `"${raw}" is outside the package` };
  if (root === '') return { ok: false, reason: `"${raw}" is the package root: name the folder that holds only the worker code` };
  return { ok: true, root };
}

/** Whether a package path lies inside the workers folder. */
export function isInWorkers(path: string, root: string): boolean {
  return path.startsWith(`${root}/`);
}

/**
 * The package path wx.createWorker's scriptPath names ("workers/fib/index.js"): WeChat writes it from the
 * package root without a leading "/"; one is tolerated. Undefined when it climbs above the root.
 */
export function workerScriptPath(scriptPath: string): string | undefined {
  return normalizePackagePath(scriptPath);
}

/** Why a scriptPath outside the workers folder is refused: the same words at install and at run time. */
export function outsideWorkersReason(root: string): string {
  return `the script must be inside the workers folder "${root}" (app.json "workers")`;
}
