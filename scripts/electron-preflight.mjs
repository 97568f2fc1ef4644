// Why Electron would abort before showing a window on this machine, as one sentence saying what to do, or
// undefined. Chromium's own message for these cases is a FATAL line and a core dump.
//
// The app always runs its renderers in Chromium's sandbox (main.ts: app.enableSandbox()). On Linux that
// sandbox needs either unprivileged user namespaces or the setuid helper chrome-sandbox, and it refuses
// to run as root. So:
//   - root (containers, CI): Chromium exits with "Running as root without --no-sandbox is not supported";
//   - Ubuntu 23.10+ sets kernel.apparmor_restrict_unprivileged_userns=1 (Debian's kernels may set
//     kernel.unprivileged_userns_clone=0): without namespaces the setuid helper must be root-owned with
//     mode 4755, which npm cannot do ("The SUID sandbox helper binary was found, but is not configured
//     correctly").
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** kernel settings that take unprivileged user namespaces away, with the value that does it */
const USERNS_LIMITS = [
  { file: '/proc/sys/kernel/apparmor_restrict_unprivileged_userns', setting: 'kernel.apparmor_restrict_unprivileged_userns=1', restricted: '1' },
  { file: '/proc/sys/kernel/unprivileged_userns_clone', setting: 'kernel.unprivileged_userns_clone=0', restricted: '0' },
];

function readSetting(readFile, file) {
  try {
    return String(readFile(file, 'utf8')).trim();
  } catch {
    return undefined; // not this kind of kernel: no such limit
  }
}

/** The setuid sandbox helper can stand in for user namespaces only when root owns it with the setuid bit. */
function setuidHelperReady(stat, electronDist) {
  try {
    const info = stat(join(electronDist, 'chrome-sandbox'));
    return info.uid === 0 && (info.mode & 0o4000) !== 0 && (info.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/**
 * `electronDist` is the folder of the Electron executable; without it (Electron not downloaded yet) only
 * the root check runs, so a root user is told before a 100 MB download that could not be used anyway.
 * @param {{ platform?: string, uid?: number, electronDist?: string, readFile?: typeof readFileSync, stat?: typeof statSync }} machine
 * @returns {string | undefined}
 */
export function electronPreflight({ platform = process.platform, uid = process.getuid?.(), electronDist, readFile = readFileSync, stat = statSync } = {}) {
  if (platform !== 'linux') return undefined;
  if (uid === 0) {
    return 'Superapp Shell cannot start as root, because Chromium refuses to run its sandbox (which the app always uses) for root: run "npm start" as a regular user instead (in a container, create one and use "su <user> -c \'npm start\'").';
  }
  if (!electronDist) return undefined;
  const limit = USERNS_LIMITS.find(({ file, restricted }) => readSetting(readFile, file) === restricted);
  if (limit && !setuidHelperReady(stat, electronDist)) {
    const helper = join(electronDist, 'chrome-sandbox');
    return `This system restricts unprivileged user namespaces (${limit.setting}), so Chromium's sandbox can only start through its setuid helper: run "sudo chown root:root ${helper} && sudo chmod 4755 ${helper}" once, then "npm start" again.`;
  }
  return undefined;
}
