// Finds the Electron executable for the suite, or obtains it the way the electron package itself does.
//
// Since Electron 42 the `electron` package downloads its binary lazily: `npm ci` installs no binary; the
// first `require('electron')` (or `npx electron`) runs node_modules/electron/install.js, which fetches the
// release zip for this platform with @electron/get (checksums from the package's checksums.json, cached
// under ~/.cache/electron or $electron_config_cache) and unpacks it into node_modules/electron/dist.
// This module runs that same install.js, but bounded: without a network it fails in about a second
// (measured: 1.3 s, "fetch failed"); a network that drops packets instead of refusing would otherwise
// hang the suite, so the attempt is killed after DOWNLOAD_TIMEOUT_MS.
import { spawnSync as nodeSpawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DOWNLOAD_TIMEOUT_MS = 60_000;
const EXECUTABLE = { linux: 'electron', win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' };

/** The executable if it is there: ELECTRON_OVERRIDE_DIST_PATH, else node_modules/electron/dist. */
export function findElectronBinary(root, env = process.env, platform = process.platform) {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : (EXECUTABLE[platform] ?? 'electron');
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, name) : join(packageDir, 'dist', name);
  return existsSync(candidate) ? candidate : undefined;
}

/** The last line of the installer's output that says what went wrong (its stack trace lines are noise). */
function failureLine(output) {
  const lines = String(output ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at ') && !/^\^+$/.test(line));
  const named = lines.filter((line) => /error|fail|ENOTFOUND|ECONN|EAI_AGAIN|HTTP/i.test(line));
  return (named[0] ?? lines.at(-1) ?? 'no output').slice(0, 200);
}

/**
 * { binary } when an Electron executable exists or could be obtained, { skip } with the reason otherwise.
 * `spawnSync` and `timeoutMs` are for tests. Quiet: the caller prints one line either way.
 */
export function obtainElectronBinary(root, { env = process.env, spawnSync = nodeSpawnSync, timeoutMs = DOWNLOAD_TIMEOUT_MS } = {}) {
  const found = findElectronBinary(root, env);
  if (found) return { binary: found };
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    return { skip: `ELECTRON_OVERRIDE_DIST_PATH (${env.ELECTRON_OVERRIDE_DIST_PATH}) holds no Electron executable` };
  }
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return { skip: 'node_modules/electron is not installed (run npm ci)' };

  const started = Date.now();
  const result = spawnSync(process.execPath, [installer], {
    cwd: root,
    env: { ...env, ELECTRON_GET_NO_PROGRESS: '1' },
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.error?.code === 'ETIMEDOUT' || result.signal) {
    return { skip: `the Electron binary download did not finish within ${timeoutMs / 1000} s (run "npx install-electron --no" to fetch it without a time limit)` };
  }
  if (result.error) return { skip: `the Electron installer did not run: ${result.error.message}` };
  const binary = findElectronBinary(root, env);
  if (result.status === 0 && binary) return { binary, downloadedIn: seconds };
  return { skip: `the Electron binary could not be downloaded after ${seconds} s (${failureLine(result.stderr || result.stdout)})` };
}
