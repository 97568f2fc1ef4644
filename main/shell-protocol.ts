import { realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { contentTypeOf } from '../core/catalog/content-types';
import { APP_SCHEME, ICON_PREFIX, SHELL_HOST, SHELL_ORIGIN } from './app-scheme';
import { isSuspiciousPath } from './app-protocol';
import { fileResponse, textResponse } from './file-response';
import type { Logger } from './logger';

/**
 * The superapp: handler of the shell's own session: the shell UI (dist/renderer) on
 * superapp://shell.superapp/, and each installed app's declared icon under /app-icons/<appId>/.
 * Nothing else: the shell session never loads a mini program.
 */

/**
 * The one place the shell page gets its policy: this handler's response header. (A webRequest
 * onHeadersReceived hook used to set it again; Electron emits no header events for responses of a
 * protocol.handle scheme, electron/electron#6021, #14804, #45865, so that hook never ran.)
 *
 * The shell page may run only its own bundle; images may be data: URLs (generated placeholder icons).
 * No plugins, no framing, no forms posting elsewhere, no <base> tricks. This header allows inline
 * styles, but it is not the only policy: renderer/index.html also carries a meta CSP with
 * style-src 'self', and a page is held to every policy it has, so the stricter one wins and the shell
 * UI cannot use <style> elements or style="" attributes (it sets positions through the CSSOM,
 * element.style, which style-src does not govern).
 */
function shellPageHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  // An assignment with the policy as a literal: the one form Electronegativity (npm run
  // test:electronegativity) reads a CSP from in main-process code, so it grades the policy the app sends.
  headers['Content-Security-Policy'] =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-src 'none'; frame-ancestors 'none'; form-action 'none'";
  return headers;
}
const SHELL_PAGE_HEADERS = shellPageHeaders();
export const SHELL_CSP = SHELL_PAGE_HEADERS['Content-Security-Policy']!;

export interface ShellProtocolOptions {
  /** folder holding index.html, app.js, styles.css */
  rendererDir: string;
  /** absolute path of the app's declared icon, or undefined when `path` is not that icon */
  resolveIcon(appId: string, path: string): Promise<string | undefined>;
  log: Logger;
}

/** A file strictly inside `root` after resolving symlinks, or undefined. */
export async function resolveInside(root: string, urlPath: string): Promise<string | undefined> {
  if (isSuspiciousPath(urlPath)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  try {
    const realRoot = await realpath(root);
    const real = await realpath(resolve(realRoot, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`));
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

export function createShellProtocolHandler(options: ShellProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Only GET and HEAD are served.', { Allow: 'GET, HEAD' });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'Malformed URL.');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== SHELL_HOST) {
      options.log.warn(`shell session: refused ${request.url}`);
      return textResponse(403, `The shell window only loads ${SHELL_ORIGIN}.`);
    }
    if (url.pathname.startsWith(ICON_PREFIX)) return serveIcon(url.pathname.slice(ICON_PREFIX.length), request.method, options);
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    const file = await resolveInside(options.rendererDir, path);
    if (!file) return textResponse(404, 'Not found.');
    return fileResponse(file, request.method, SHELL_PAGE_HEADERS);
  };
}

async function serveIcon(rest: string, method: string, options: ShellProtocolOptions): Promise<Response> {
  const slash = rest.indexOf('/');
  if (slash <= 0 || isSuspiciousPath(rest)) return textResponse(404, 'Not found.');
  let appId: string;
  let iconPath: string;
  try {
    appId = decodeURIComponent(rest.slice(0, slash));
    iconPath = rest.slice(slash + 1).split('/').map(decodeURIComponent).join('/');
  } catch {
    return textResponse(404, 'Not found.');
  }
  const file = await options.resolveIcon(appId, iconPath);
  // An icon shares the shell's origin, so it must never be usable as a script or a page there: image
  // types only (a manifest may name "icon": "evil.js"), and a CSP that turns an opened SVG inert.
  if (!file || !contentTypeOf(file).startsWith('image/')) return textResponse(404, 'Not found.');
  return fileResponse(file, method, { 'Content-Security-Policy': ICON_CSP });
}

/** For icons: no script, no requests; an SVG's own inline styles still render. */
export const ICON_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
