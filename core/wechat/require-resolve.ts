/**
 * How `require` finds a module inside a mini program (docs/wechat-format.md section 1), written without
 * Node built-ins so the compiler (which checks string-literal requires at install) and the logic
 * Worker (which resolves them at run time) can share it.
 *
 * - "./x", "../x": relative to the requiring file; "/x": from the package root;
 * - a bare "x/y": relative first (WeChat accepts it), then `miniprogram_npm/x/y` in the requiring
 *   file's folder or any folder above it, up to the root;
 * - ".js" is optional, and a folder means its "index.js".
 * Nothing above the package root is reachable.
 */

export type RequireResolution = { ok: true; path: string } | { ok: false; reason: 'outside' | 'missing' };

/** "a/./b/../c" -> "a/c"; undefined when the path climbs above the root. */
export function normalizePackagePath(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

function dirOf(file: string): string {
  const i = file.lastIndexOf('/');
  return i < 0 ? '' : file.slice(0, i);
}

function withCandidates(base: string, exists: (path: string) => boolean): string | undefined {
  const stem = base.replace(/\/$/, '');
  for (const candidate of [stem, `${stem}.js`, `${stem}/index.js`]) {
    if (candidate.endsWith('.js') && exists(candidate)) return candidate;
  }
  return undefined;
}

export function resolveRequire(from: string, request: string, exists: (path: string) => boolean): RequireResolution {
  const dir = dirOf(from);
  const isRelative = request.startsWith('./') || request.startsWith('../') || request === '.' || request === '..';
  const direct = normalizePackagePath(request.startsWith('/') ? request : `${dir}/${request}`);
  if (direct === undefined) return { ok: false, reason: 'outside' };
  const found = withCandidates(direct, exists);
  if (found) return { ok: true, path: found };
  if (isRelative || request.startsWith('/')) return { ok: false, reason: 'missing' };
  // bare name: miniprogram_npm of this folder or any above it
  const parts = dir ? dir.split('/') : [];
  for (let depth = parts.length; depth >= 0; depth--) {
    const prefix = parts.slice(0, depth).join('/');
    const npm = normalizePackagePath(`${prefix}/miniprogram_npm/${request}`);
    const hit = npm === undefined ? undefined : withCandidates(npm, exists);
    if (hit) return { ok: true, path: hit };
  }
  return { ok: false, reason: 'missing' };
}
