import { join } from 'node:path';
import type { Manifest } from '../contracts/app';

/** URL prefixes of a WeChat-format app's origin (docs/wechat-format.md section 3). */
export const WX_RUNTIME_PREFIX = '/__wx/runtime/';
export const WX_APP_PREFIX = '/__wx/app/';
/** The runtime's files, built into dist/miniprogram/ (worker.js: the thread wx.createWorker starts). */
const RUNTIME_FILES = new Set(['view.js', 'view.css', 'logic.js', 'editor.js', 'worker.js']);
/** The compiled bundle's files a page may load (workers.js only when app.json has "workers"). */
const BUNDLE_FILES = new Set(['logic.js', 'logic.js.map', 'app.css', 'workers.js', 'workers.js.map']);

/**
 * The path a view opens for an app, relative to its origin: a WeChat-format app opens "/" (the
 * runtime's view page), a web app its manifest entry.
 */
export function viewEntryPath(manifest: Manifest | undefined): string | undefined {
  return manifest?.format === 'wechat' ? '' : manifest?.entry;
}

/**
 * The mini program root of an installed WeChat-format app, inside its installed folder: the folder of its
 * entry app.json ("miniprogram/" for `miniprogramRoot: "miniprogram/"`, "" at the project root).
 */
export function miniProgramRootOf(manifest: Manifest): string {
  const slash = manifest.entry.lastIndexOf('/');
  return slash < 0 ? '' : manifest.entry.slice(0, slash + 1);
}

/**
 * The installed-folder path of a package path a WeChat-format page asks for. A mini program's absolute
 * paths (`<image src="/images/a.png">`, WXSS `url(/images/a.png)`, tabBar `iconPath`) are package paths:
 * they start at the mini program root, which `miniprogramRoot` may put below the project folder. Files
 * beside it (project.config.json, the superapp's manifest.json) are then not the package's and are not
 * served. The result is still a raw URL path: the catalog's traversal checks apply to it as to any.
 * Web-format apps' paths, and the registration's own icon (manifest.json `icon`, a path in the installed
 * folder, which the browser host's catalog loads from the app's origin), are returned unchanged.
 */
export function packageFilePath(urlPath: string, manifest: Manifest | undefined): string {
  if (manifest?.format !== 'wechat') return urlPath;
  if (manifest.icon !== undefined && safeDecode(urlPath) === `/${manifest.icon}`) return urlPath;
  const root = miniProgramRootOf(manifest);
  return root ? `/${root}${urlPath.replace(/^\/+/, '')}` : urlPath;
}

function safeDecode(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

export type WechatAsset = { kind: 'file'; file: string } | { kind: 'missing'; reason: string };

/**
 * Maps a request path under /__wx/ to the file that answers it: the runtime from `runtimeDir`, the
 * current build from `buildDir`. Only the listed names are served (no traversal is possible); anything
 * else under /__wx/ is missing. Undefined for paths outside /__wx/ (the package's own files).
 */
export function wechatAssetFile(urlPath: string, dirs: { runtimeDir: string; buildDir: string | undefined }): WechatAsset | undefined {
  if (urlPath.startsWith(WX_RUNTIME_PREFIX)) {
    const name = urlPath.slice(WX_RUNTIME_PREFIX.length);
    return RUNTIME_FILES.has(name) ? { kind: 'file', file: join(dirs.runtimeDir, name) } : { kind: 'missing', reason: `${urlPath} is not a file of the mini program runtime` };
  }
  if (urlPath.startsWith(WX_APP_PREFIX)) {
    const name = urlPath.slice(WX_APP_PREFIX.length);
    if (!BUNDLE_FILES.has(name)) return { kind: 'missing', reason: `${urlPath} is not a file of the compiled mini program` };
    if (!dirs.buildDir) return { kind: 'missing', reason: 'this mini program has no compiled build; reinstall it' };
    return { kind: 'file', file: join(dirs.buildDir, name) };
  }
  if (urlPath === '/__wx' || urlPath.startsWith('/__wx/')) return { kind: 'missing', reason: `${urlPath} is reserved for the mini program runtime` };
  return undefined;
}
