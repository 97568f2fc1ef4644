import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronPreflight } from '../../../scripts/electron-preflight.mjs';

/**
 * npm start checks the machine before Electron runs (scripts/start-electron.mjs): where Chromium's sandbox
 * cannot start, Chromium prints a FATAL line and dumps core; the user gets one sentence saying what to do.
 */
const DIST = '/app/node_modules/electron/dist';
type Stat = { uid: number; mode: number };

function machine(settings: Record<string, string>, helper?: Stat) {
  return {
    platform: 'linux' as const,
    uid: 1000,
    electronDist: DIST,
    readFile: ((file: string) => {
      if (file in settings) return `${settings[file]}\n`;
      throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    }) as never,
    stat: ((file: string) => {
      if (helper && file === join(DIST, 'chrome-sandbox')) return helper;
      throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    }) as never,
  };
}
const UBUNTU_24 = { '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '1' };

describe('npm start preflight', () => {
  it('as root (containers, CI): one sentence, to run it as a regular user, before anything is downloaded', () => {
    const message = electronPreflight({ platform: 'linux', uid: 0 });
    expect(message).toBe(
      'Superapp Shell cannot start as root, because Chromium refuses to run its sandbox (which the app always uses) for root: run "npm start" as a regular user instead (in a container, create one and use "su <user> -c \'npm start\'").',
    );
    expect(message!.split(/\. /)).toHaveLength(1);
  });

  it("Ubuntu 24.04's user-namespace restriction without a setuid helper: the two commands that fix it", () => {
    expect(electronPreflight(machine(UBUNTU_24, { uid: 1000, mode: 0o100755 }))).toBe(
      `This system restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns=1), so Chromium's sandbox can only start through its setuid helper: run "sudo chown root:root ${DIST}/chrome-sandbox && sudo chmod 4755 ${DIST}/chrome-sandbox" once, then "npm start" again.`,
    );
    // Debian's older switch gives the same advice
    expect(electronPreflight(machine({ '/proc/sys/kernel/unprivileged_userns_clone': '0' }))).toMatch(/\(kernel\.unprivileged_userns_clone=0\)/);
  });

  it('starts where the sandbox can: namespaces allowed, or the helper is root-owned setuid, or not Linux', () => {
    expect(electronPreflight(machine({ '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '0' }))).toBeUndefined();
    expect(electronPreflight(machine({}))).toBeUndefined();
    expect(electronPreflight(machine(UBUNTU_24, { uid: 0, mode: 0o104755 }))).toBeUndefined();
    expect(electronPreflight({ platform: 'darwin', uid: 0 })).toBeUndefined();
    expect(electronPreflight({ platform: 'win32' })).toBeUndefined();
  });

  // the root case is the one a test machine can show for real; elsewhere it is reported as skipped
  it.skipIf(process.getuid?.() !== 0)('the launcher prints only that sentence and exits 1 instead of starting Electron (as root)', () => {
    const run = spawnSync(process.execPath, [join(process.cwd(), 'scripts', 'start-electron.mjs')], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([`npm start: ${electronPreflight({ platform: 'linux', uid: 0 })}`]);
  });
});
