import { isHtml } from '../core/catalog/content-types';
import { MINI_PROGRAM_PERMISSIONS_POLICY, miniProgramCsp } from '../core/catalog/page-policy';
import { TEMP_URL_PREFIX } from '../core/network/temp-files';
import { APP_SCHEME, appHost } from './app-scheme';
import { htmlResponse, rangedFileResponse, readHtml, textResponse } from './file-response';
import type { Logger } from './logger';
import { STORAGE_MIRROR_SCRIPT_PATH } from '../core/contracts/ipc-channels';
import { injectStorageMirror, STORAGE_MIRROR_SCRIPT } from './storage-mirror';
import type { WechatRoute } from './wechat-routes';

/**
 * The superapp: handler of ONE app's session partition. It serves that app's package files and
 * nothing else: the URL host must be the app's own, the path must stay inside the package (the
 * catalog refuses "..", encoded forms and symlinks leaving it; this handler refuses the obvious
 * forms before even asking), and every HTML page gets the Sync storage mirror as the first element
 * of its <head>.
 */

export interface AppProtocolOptions {
  appId: string;
  /** absolute path inside the app's package, or undefined when the catalog refuses the path */
  resolveFile(appId: string, urlPath: string): Promise<string | undefined>;
  /** the manifest's entry page, served for "/" */
  entry(appId: string): string | undefined;
  /** the storage to embed in HTML pages served now */
  storageMirror(appId: string): Record<string, unknown>;
  /** base URL of the app's merchant backend when this host runs one (bundled samples) */
  backendUrl?(appId: string): string | undefined;
  /** a WeChat-format app's view page and compiled files (main/wechat-routes.ts) */
  wechat?(appId: string, urlPath: string, request: Request): Promise<WechatRoute>;
  /** downloadFile's temp files of this app (/__superapp__/tmp/…), from core/network */
  tempFile?(appId: string, urlPath: string): Promise<string | undefined>;
  /** the loopback origins a <web-view> of this app may show besides https pages (core/catalog/page-policy.ts) */
  webViewOrigins?(appId: string): string[];
  log: Logger;
}

/** Where a sample asks for its merchant backend (the same path the browser host serves). */
export const BACKEND_INFO_PATH = '/__superapp__/backend.json';
/**
 * The same page policy as the browser host (servers are reached with wx.request); no one frames an app view. A
 * <web-view> may show https pages and the loopback servers the app may reach, read per response so an origin the
 * developer allows takes effect on the next load.
 */
const appCsp = (webViewOrigins: readonly string[]) => miniProgramCsp({ connect: [], frameAncestors: "'none'", webViewOrigins });
const appPageHeaders = (csp: string) => ({ 'Content-Security-Policy': csp, 'Permissions-Policy': MINI_PROGRAM_PERMISSIONS_POLICY });
/**
 * Every other file carries the policy too: a dedicated Worker (the WeChat-format runtime's logic layer)
 * is governed by the CSP of its own script's response, not by the page's, so without it code in a worker
 * could fetch() anywhere the page may not. On images, styles and plain scripts the header does nothing.
 */
const appFileHeaders = (csp: string) => ({ 'Content-Security-Policy': csp });

/** Paths no package file can have: dot segments, backslashes, NUL, or percent-encoded dots and slashes. */
export function isSuspiciousPath(pathname: string): boolean {
  if (/%(2e|2f|5c|00)/i.test(pathname)) return true;
  if (pathname.includes('\\') || pathname.includes('\0')) return true;
  return pathname.split('/').some((segment) => segment === '..' || segment === '.');
}

export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const host = appHost(options.appId);
  return async (request) => {
    const csp = appCsp(options.webViewOrigins?.(options.appId) ?? []);
    const pageHeaders = appPageHeaders(csp);
    const fileHeaders = appFileHeaders(csp);
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'Malformed URL.');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== host) {
      options.log.warn(`app ${options.appId}: refused ${request.url} (another app's origin)`);
      return textResponse(403, `This mini program may only load its own files (${APP_SCHEME}://${host}/...).`);
    }
    if (url.pathname === BACKEND_INFO_PATH) return backendInfo(options);
    if (url.pathname === STORAGE_MIRROR_SCRIPT_PATH) return textResponse(200, STORAGE_MIRROR_SCRIPT, { 'Content-Type': 'text/javascript; charset=utf-8', ...fileHeaders });
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Only GET and HEAD are served.', { Allow: 'GET, HEAD' });
    if (isSuspiciousPath(url.pathname)) {
      options.log.warn(`app ${options.appId}: refused path ${url.pathname}`);
      return textResponse(404, 'Not found.');
    }
    if (url.pathname.startsWith(TEMP_URL_PREFIX)) {
      const temp = await options.tempFile?.(options.appId, url.pathname);
      return temp ? rangedFileResponse(temp, request) : textResponse(404, 'Not found.');
    }
    const wechat = await options.wechat?.(options.appId, url.pathname, request);
    if (wechat?.kind === 'page') {
      const html = request.method === 'HEAD' ? '' : injectStorageMirror(wechat.html, options.storageMirror(options.appId));
      return htmlResponse(html, pageHeaders);
    }
    if (wechat?.kind === 'response') {
      // the runtime's logic.js is the Worker script: it carries the policy like every other file
      for (const [name, value] of Object.entries(fileHeaders)) wechat.response.headers.set(name, value);
      return wechat.response;
    }
    // a WeChat-format app's package paths start at its mini program root
    let urlPath = wechat?.kind === 'package' ? wechat.urlPath : url.pathname;
    if (urlPath === '/' || urlPath === '') {
      const entry = options.entry(options.appId);
      if (!entry) return textResponse(404, 'Not found.');
      urlPath = `/${entry}`;
    }
    const file = await options.resolveFile(options.appId, urlPath);
    if (!file) return textResponse(404, 'Not found.');
    try {
      if (isHtml(file)) {
        const html = request.method === 'HEAD' ? '' : injectStorageMirror(await readHtml(file), options.storageMirror(options.appId));
        return htmlResponse(html, pageHeaders);
      }
      // HTML pages are generated (the storage mirror is injected), so only other files take byte ranges
      return await rangedFileResponse(file, request, fileHeaders);
    } catch (error) {
      options.log.warn(`app ${options.appId}: could not read ${urlPath}: ${String(error)}`);
      return textResponse(404, 'Not found.');
    }
  };
}

function backendInfo(options: AppProtocolOptions): Response {
  const running = options.backendUrl?.(options.appId);
  // The page calls it with wx.request (the host makes the request; the app declares the origin in its domains).
  const body = running ? { url: running } : { error: `${options.appId} has no merchant backend running in this host` };
  return new Response(JSON.stringify(body), {
    status: running ? 200 : 404,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}
