import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentRange, requestedByteRange, unsatisfiedRange } from '../core/catalog/byte-range';
import { contentTypeOf, isHtml } from '../core/catalog/content-types';
import { MINI_PROGRAM_PERMISSIONS_POLICY, miniProgramCsp, webViewLoopbackOrigins } from '../core/catalog/page-policy';
import type { Runtime } from '../core/contracts/services';
import type { CatalogEntry } from '../core/contracts/shell-api';
import { LOAD_KEY_PARAM, VIEW_PARAM, WX_SCRIPT_PATH } from '../client/transports/boot-config';
import { packageFilePath, wechatAssetFile, WX_APP_PREFIX, WX_RUNTIME_PREFIX } from '../core/wechat/serve-paths';
import { APP_BUILD_PARAM } from '../core/contracts/wechat-view-page';
import { wechatViewPage } from '../core/wechat/view-page';
import { injectBoot } from './boot-page';
import { IMMUTABLE_CACHE, serveWxScript, WX_VERSION_PARAM, wxScriptVersion } from './wx-script';
import { runtimeVersion } from './runtime-version';
import { BASE_HEADERS, sendJson, sendText } from './http-util';
import { appLabel, appWsOrigin, shellOrigin } from './origins';
import { TEMP_URL_PREFIX } from '../core/network/temp-files';
import type { WebViewHost } from './view-host';

export interface AppPagesDeps {
  runtime: Runtime;
  views: WebViewHost;
  port: number;
  /** dist/client/wx.js */
  wxScriptFile: string;
  /** the merchant backend of an app, when it has one */
  backendUrl(appId: string): string | undefined;
  /** dist/miniprogram: the WeChat-format runtime (view.js, view.css, logic.js) */
  wxRuntimeDir: string;
  /** a dev app's last compile error, shown in its view while the previous build keeps serving */
  compileError?(appId: string): string | undefined;
}

/**
 * The shared mini program page policy, framed only by the shell and reaching nothing but its own origin and
 * bridge socket: servers are reached with wx.request, which the host makes within the app's domains.
 * A <web-view> may also show the loopback servers the app may reach (`loopback`), never this host's port.
 */
export function appPageCsp(appId: string, port: number, loopback: Iterable<string> = []): string {
  return miniProgramCsp({ connect: [appWsOrigin(appId, port)], frameAncestors: shellOrigin(port), webViewOrigins: webViewLoopbackOrigins(loopback, new Set([port])) });
}

/** Finds the installed app answering at <label>.localhost. */
export function appForLabel(runtime: Runtime, label: string): CatalogEntry | undefined {
  return runtime.catalog.list().find((entry) => appLabel(entry.appId) === label);
}

/** The raw path of the request: never URL-normalised, so "..", "%2e%2e" reach the catalog's check as sent. */
function rawPathOf(url: string): { path: string; query: string } {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  return { path: path.split('#')[0] ?? '', query: q < 0 ? '' : url.slice(q + 1) };
}

export async function serveAppRequest(req: IncomingMessage, res: ServerResponse, label: string, deps: AppPagesDeps): Promise<void> {
  const app = appForLabel(deps.runtime, label);
  if (!app) {
    sendText(res, 404, `No installed mini program answers at ${label}.localhost. Install it from the shell's catalog first.`);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, `${req.method} is not allowed on a mini program's files; they are read-only.`, { Allow: 'GET, HEAD' });
    return;
  }
  const { path, query } = rawPathOf(req.url ?? '/');

  if (path === WX_SCRIPT_PATH) return serveWxScript(req, res, deps.wxScriptFile, query);
  if (path === '/__superapp__/backend.json') {
    const url = deps.backendUrl(app.appId);
    if (url) sendJson(res, 200, { url });
    else sendJson(res, 404, { error: `${app.appId} has no merchant backend running in this host` });
    return;
  }
  if (path.startsWith(TEMP_URL_PREFIX)) {
    // downloadFile's temp files: this app's own, on its own origin only
    const temp = await deps.runtime.network.service.tempFile(app.appId, path);
    if (!temp) {
      sendText(res, 404, `${path} is not a temp file of ${app.appId} (temp files last until the host restarts).`);
      return;
    }
    await serveFile(req, res, temp, { ...BASE_HEADERS, 'Content-Type': contentTypeOf(temp), 'Cache-Control': 'no-store' });
    return;
  }
  if (path.startsWith('/__superapp__/')) {
    sendText(res, 404, `${path} is reserved by the host and does not exist.`);
    return;
  }
  const manifest = deps.runtime.catalog.manifest(app.appId);
  const wechat = manifest?.format === 'wechat';
  if (wechat && (path === '/' || path === '')) {
    // the current build's folder is named by its source hash (core/wechat/build-output.ts)
    const [runtimeBuild, buildDir] = await Promise.all([runtimeVersion(deps.wxRuntimeDir), deps.runtime.catalog.wechatBuild(app.appId)]);
    const page = wechatViewPage({ title: app.name, compileError: deps.compileError?.(app.appId), ...(runtimeBuild ? { runtimeVersion: runtimeBuild } : {}), ...(buildDir ? { appBuild: basename(buildDir) } : {}) });
    return sendAppPage(req, res, page, { appId: app.appId, label, query }, deps);
  }
  if (path === '/' || path === '') {
    const entry = manifest?.entry ?? 'index.html';
    res.writeHead(302, { ...BASE_HEADERS, Location: `/${entry.split('/').map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}`, 'Cache-Control': 'no-store' });
    res.end();
    return;
  }

  const buildDir = wechat ? await deps.runtime.catalog.wechatBuild(app.appId) : undefined;
  const asset = wechat ? wechatAssetFile(path, { runtimeDir: deps.wxRuntimeDir, buildDir }) : undefined;
  if (asset?.kind === 'missing') {
    sendText(res, 404, asset.reason);
    return;
  }
  if (asset && !(await stat(asset.file).catch(() => undefined))) {
    // the runtime is built by `npm run build` (dist/miniprogram/); until then its files are plainly absent
    sendText(res, 404, `${path} is not built (${asset.file} is missing). Run "npm run build" and reload.`);
    return;
  }
  const file = asset ? asset.file : await deps.runtime.catalog.resolveFile(app.appId, packageFilePath(path, manifest));
  if (!file) {
    sendText(res, 404, `Not found in ${app.appId}: ${path}`);
    return;
  }

  const headers: Record<string, string> = {
    ...BASE_HEADERS,
    'Content-Type': contentTypeOf(file),
    // A dev app changes under the developer's hands; an installed one is revalidated so reinstalls show.
    // The runtime asked for with its current build in the URL never changes under it (runtime-version.ts),
    // nor does the app's compiled build asked for by its folder's name (APP_BUILD_PARAM).
    'Cache-Control': asset && (await isVersionedAsset(path, query, deps.wxRuntimeDir, buildDir)) ? IMMUTABLE_CACHE : app.dev ? 'no-store' : 'no-cache',
    // A dedicated Worker (the WeChat-format runtime's logic layer) takes its policy from its own script's
    // response, so every file carries the page policy, as in the Electron host; other files ignore it.
    'Content-Security-Policy': appPageCsp(app.appId, deps.port, deps.runtime.network.loopback.allowed(app.appId)),
  };

  if (isHtml(file)) return sendAppPage(req, res, await readFile(file, 'utf8'), { appId: app.appId, label, query }, deps);

  await serveFile(req, res, file, headers);
}

/** whether a /__wx/ file's URL names what it serves: the runtime's current build, or the app's current compiled build */
async function isVersionedAsset(path: string, query: string, runtimeDir: string, buildDir: string | undefined): Promise<boolean> {
  const params = new URLSearchParams(query);
  if (path.startsWith(WX_APP_PREFIX)) return buildDir !== undefined && params.get(APP_BUILD_PARAM) === basename(buildDir);
  const wanted = params.get(WX_VERSION_PARAM);
  return path.startsWith(WX_RUNTIME_PREFIX) && wanted !== null && wanted === (await runtimeVersion(runtimeDir));
}

/**
 * A file, whole or as a single byte range (the same parser as the Electron host): a mini program's
 * <video>/<audio> seeks by asking for ranges. Pages are generated per load, so they never come here.
 */
async function serveFile(req: IncomingMessage, res: ServerResponse, file: string, headers: Record<string, string>): Promise<void> {
  const info = await stat(file);
  const range = requestedByteRange({ method: req.method ?? 'GET', range: req.headers.range, ifRange: req.headers['if-range']?.toString() }, info.size);
  if (range === 'unsatisfiable') {
    sendText(res, 416, 'The requested range is outside the file.', { 'Accept-Ranges': 'bytes', 'Content-Range': unsatisfiedRange(info.size) });
    return;
  }
  if (range) {
    res.writeHead(206, { ...headers, 'Accept-Ranges': 'bytes', 'Content-Length': String(range.end - range.start + 1), 'Content-Range': contentRange(range, info.size) });
  } else {
    res.writeHead(200, { ...headers, 'Accept-Ranges': 'bytes', 'Content-Length': String(info.size) });
  }
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // createReadStream's end is inclusive, like Content-Range's
  createReadStream(file, range ? { start: range.start, end: range.end } : {})
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * A mini program page: when loaded by a view (?view=<id>&key=...), with the boot block and wx client
 * injected first in <head>; always with the mini program page policy and never cached (it carries the
 * view token).
 */
async function sendAppPage(
  req: IncomingMessage,
  res: ServerResponse,
  source: string,
  page: { appId: string; label: string; query: string },
  deps: AppPagesDeps,
): Promise<void> {
  let html = source;
  const params = new URLSearchParams(page.query);
  const viewParam = params.get(VIEW_PARAM);
  // HEAD gets no body, so it neither uses up a load key nor gets a token.
  if (viewParam !== null && req.method !== 'HEAD') {
    const viewId = Number(viewParam);
    if (!Number.isSafeInteger(viewId)) {
      sendText(res, 403, `"${viewParam}" is not a view id. Launch the mini program from the shell's catalog.`);
      return;
    }
    // Any page can point a frame at this URL; only a holder of an unused key the host issued gets the token.
    const load = deps.views.beginLoad(viewId, page.label, params.get(LOAD_KEY_PARAM));
    if (!load.ok) {
      sendText(res, load.status, load.reason);
      return;
    }
    html = injectBoot(html, {
      v: 1,
      viewId: load.binding.viewId,
      token: load.binding.token,
      reloadKey: load.reloadKey,
      wsUrl: `${appWsOrigin(page.appId, deps.port)}/ws/bridge`,
      storageMirror: deps.runtime.storageMirror(load.binding.viewId),
    }, await wxScriptVersion(deps.wxScriptFile));
  }
  const body = Buffer.from(html, 'utf8');
  res.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    // The page carries the view token: never cache it.
    'Cache-Control': 'no-store',
    'Content-Length': String(body.length),
    'Content-Security-Policy': appPageCsp(page.appId, deps.port, deps.runtime.network.loopback.allowed(page.appId)),
    'Permissions-Policy': MINI_PROGRAM_PERMISSIONS_POLICY,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
