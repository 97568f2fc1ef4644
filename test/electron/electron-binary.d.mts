// Types for electron-binary.mjs (plain JavaScript so that run.mjs runs on any Node >= 22.12 without a build).
import type { spawnSync } from 'node:child_process';

export declare const DOWNLOAD_TIMEOUT_MS: number;
export declare function findElectronBinary(root: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | undefined;
export declare function obtainElectronBinary(
  root: string,
  options?: { env?: NodeJS.ProcessEnv; spawnSync?: typeof spawnSync; timeoutMs?: number },
): { binary: string; downloadedIn?: string; skip?: undefined } | { binary?: undefined; skip: string };
