import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/**
 * downloadFile's temporary files. Each lives in the app's own folder under the host's data folder and
 * is named by a root-relative URL on the app's own origin, `/__superapp__/tmp/tmp_<32 hex>.<ext>`, which
 * works as it is in `<img src>`, `<image src>`, fetch() and uploadFile's filePath, and which the hosts
 * serve to that app's origin only. They are wiped when the app is uninstalled and when the host starts.
 */
export const TEMP_URL_PREFIX = '/__superapp__/tmp/';
const NAME = /^tmp_[0-9a-f]{32}(\.[a-z0-9]{1,10})?$/;

export interface TempFiles {
  /** a fresh path for a download of this app; `hint` (URL path or file name) gives the extension */
  create(appId: string, hint: string): { file: string; url: string };
  /** the file behind a temp URL of this app, or undefined (another app's, malformed, or gone) */
  resolve(appId: string, urlPath: string): Promise<string | undefined>;
  forgetApp(appId: string): Promise<void>;
}

function extensionOf(hint: string): string {
  const ext = extname(hint.split(/[?#]/)[0] ?? '').toLowerCase();
  return /^\.[a-z0-9]{1,10}$/.test(ext) ? ext : '';
}

export function createTempFiles(root: string): TempFiles {
  // Nothing survives a restart: a path an app kept from an earlier run no longer resolves.
  rmSync(root, { recursive: true, force: true });
  const dirOf = (appId: string) => join(root, encodeURIComponent(appId));
  return {
    create(appId, hint) {
      const dir = dirOf(appId);
      mkdirSync(dir, { recursive: true });
      const name = `tmp_${randomBytes(16).toString('hex')}${extensionOf(hint)}`;
      return { file: join(dir, name), url: `${TEMP_URL_PREFIX}${name}` };
    },
    async resolve(appId, urlPath) {
      if (!urlPath.startsWith(TEMP_URL_PREFIX)) return undefined;
      const name = urlPath.slice(TEMP_URL_PREFIX.length);
      if (!NAME.test(name)) return undefined;
      const file = join(dirOf(appId), name);
      try {
        return (await stat(file)).isFile() ? file : undefined;
      } catch {
        return undefined;
      }
    },
    async forgetApp(appId) {
      await rm(dirOf(appId), { recursive: true, force: true });
    },
  };
}
