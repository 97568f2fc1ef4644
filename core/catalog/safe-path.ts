import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * Maps a URL path onto a file inside `root`, or undefined when it would leave it.
 * Refuses "..", its percent-encoded and double-encoded forms, backslashes, NUL, and symlinks whose
 * target lies outside the package (checked on the real path, so a link planted inside cannot escape).
 */
export async function resolveInside(root: string, urlPath: string): Promise<string | undefined> {
  let decoded = urlPath.split('?')[0]!.split('#')[0]!;
  // Decode until stable so "%252e%252e" cannot sneak past a single decode.
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return undefined;
    }
    if (next === decoded) break;
    decoded = next;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return undefined;
  if (segments.length === 0) return undefined;

  const candidate = join(root, ...segments);
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await realpath(root);
    realFile = await realpath(candidate);
  } catch {
    return undefined;
  }
  const rel = relative(realRoot, realFile);
  if (rel === '' || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) return undefined;
  try {
    if (!(await stat(realFile)).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return realFile;
}
