import { TEMP_URL_PREFIX } from '../network/temp-files';

/** wx.env.USER_DATA_PATH: the root of the app's own files, which it may read and write at will */
export const USER_DATA_PATH = 'wxfile://usr';
/** where saveFile puts a temp file when no filePath is given ("本地缓存文件"); the app cannot write there directly */
export const SAVED_FILE_PREFIX = 'wxfile://store_';
const SAVED_FILE = /^wxfile:\/\/store_[0-9a-f]{32}(\.[a-z0-9]{1,10})?$/;

/**
 * What an app's path names. `usr` and `saved` carry the canonical path (the data store's key); `temp` is one
 * of downloadFile's temp files (core/network/temp-files.ts), which only the app that owns it can resolve.
 * Anything else, including a usr path whose ".." climbs out of the root, is `denied`.
 */
export type AppPath = { kind: 'usr'; path: string } | { kind: 'saved'; path: string } | { kind: 'temp'; url: string } | { kind: 'denied' };

export function resolveAppPath(raw: string): AppPath {
  if (raw.startsWith(TEMP_URL_PREFIX)) return { kind: 'temp', url: raw };
  if (SAVED_FILE.test(raw)) return { kind: 'saved', path: raw };
  if (raw !== USER_DATA_PATH && !raw.startsWith(`${USER_DATA_PATH}/`)) return { kind: 'denied' };
  const parts: string[] = [];
  for (const part of raw.slice(USER_DATA_PATH.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      // climbing above the root would reach another app's files or the host's: refused, not clamped
      if (parts.length === 0) return { kind: 'denied' };
      parts.pop();
    } else parts.push(part);
  }
  return { kind: 'usr', path: parts.length === 0 ? USER_DATA_PATH : `${USER_DATA_PATH}/${parts.join('/')}` };
}

/** the directory holding a canonical usr path (undefined for the root itself) */
export function parentOf(path: string): string | undefined {
  if (path === USER_DATA_PATH) return undefined;
  return path.slice(0, path.lastIndexOf('/'));
}

/** `path` relative to `root`, as recursive stat reports it: "/" for the root, "/a/b" below it */
export function relativeTo(root: string, path: string): string {
  return path === root ? '/' : path.slice(root.length);
}
