import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { join, resolve } from 'node:path';
import { WebSocketServer } from 'ws';
import type { MiniAppApiHandler } from '../core/contracts/integrator';
import type { Clock } from '../core/contracts/ports';
import type { Runtime, RuntimeNetworkOptions, RuntimeOptions } from '../core/contracts/services';
import { MAX_REQUEST_BYTES } from '../core/contracts/wire';
import createIntegration from '../integration';
import { createRuntime } from '../core/runtime';
import { backendExtConfig, findSampleFolders, seedSamplesOnFirstStart, type BackendSource } from '../core/samples';
import { serveAppRequest } from './app-pages';
import { BackendManager } from './backend-manager';
import { serveBridge } from './bridge-channel';
import { BridgeScheduler } from './bridge-scheduler';
import { watchDevApp } from './dev-apps';
import { viewEntryPath } from '../core/wechat/serve-paths';
import { refuseUpgrade, sendText } from './http-util';
import { appOrigin, classifyHost, loopbackOrigin, originIs, shellOrigin } from './origins';
import { findRepoRoot, packageVersion } from './repo-root';
import { ShellFrameUrls } from './frame-urls';
import { serveServerApi } from '../core/http/server-api';
import { ShellChannel } from './shell-channel';
import { serveShellFile } from './shell-page';
import { openDataFolder } from '../core/persistence/open-data';
import { createConfStore, WEB_SEEDED_KEY } from './store';
import { newToken, sameToken } from './tokens';
import { chooserUploads, receiveUpload, removeUpload, uploadFolderOf } from './upload';
import { WebViewHost } from './view-host';

export interface WebHostOptions {
  /** 0 (default) picks a free port */
  port?: number;
  /** state file, installed packages, uploads */
  dataDir: string;
  /** development folders (`--app`): installed as dev apps and reloaded when their files change */
  apps?: string[];
  openBrowser?: boolean;
  keepAlive?: number;
  quiet?: boolean;
  /** where the sample mini programs are seeded from on first start; null = no seeding (default <repo>/examples) */
  examplesDir?: string | null;
  /** start the samples' merchant backends (default true) */
  backends?: boolean;
  /** project folder holding dist/ (default: found from this module) */
  rootDir?: string;
  /** overrides for tests: the built shell UI folder and wx client file */
  rendererDir?: string;
  wxScriptFile?: string;
  /** default: <repo>/dist/miniprogram (the WeChat-format runtime) */
  wxRuntimeDir?: string;
  /** added to (and may replace) the demo custom APIs */
  customApis?: Record<string, MiniAppApiHandler>;
  openApi?: RuntimeOptions['openApi'];
  handlerTimeoutMs?: number;
  promptTimeoutMs?: number;
  /** loopback origins (http://127.0.0.1:3000) the dev apps may reach with wx.request, for this run */
  allowLoopback?: string[];
  clock?: Clock;
  /** wx.request and friends: DNS, CAs and limits for tests (the host's own port is always refused) */
  network?: Omit<RuntimeNetworkOptions, 'hostPorts'>;
  /** quiet time before a changed dev app is reinstalled */
  devDebounceMs?: number;
}

export interface WebHost {
  /** the shell UI: http://localhost:PORT/ */
  url: string;
  port: number;
  runtime: Runtime;
  /** the per-run shell token (also embedded in the shell page); for in-process test drivers */
  shellToken: string;
  views: WebViewHost;
  /** the merchant backend URL of an app that ships one (samples, dev folders), while it runs */
  backendUrl(appId: string): string | undefined;
  close(): Promise<void>;
}

/** Largest shell command frame; installs go through /shell/upload, so commands stay small. */
const MAX_SHELL_FRAME = 8 * 1024 * 1024;
/** Largest bridge frame: twice the dispatcher's limit, so a too-large call still gets its clear errMsg instead of a dropped socket. */
const MAX_BRIDGE_FRAME = 2 * MAX_REQUEST_BYTES;

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    // Loopback only: the simulator and its server API are never reachable from the network.
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}

function openInBrowser(url: string, log: (m: string) => void): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command as string, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => log(`Could not open a browser; open ${url} yourself.`));
    child.unref();
  } catch {
    log(`Could not open a browser; open ${url} yourself.`);
  }
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const log = options.quiet ? () => undefined : (m: string) => console.log(m);
  const warn = (m: string) => console.error(m);
  const root = options.rootDir ?? findRepoRoot();
  const dataDir = resolve(options.dataDir);
  const rendererDir = options.rendererDir ?? join(root, 'dist', 'renderer');
  const wxScriptFile = options.wxScriptFile ?? join(root, 'dist', 'client', 'wx.js');
  const uploadsDir = join(dataDir, 'uploads');
  await mkdir(dataDir, { recursive: true });
  // Uploads are only needed until installed; anything left from an earlier run is stale.
  await rm(uploadsDir, { recursive: true, force: true });
  const store = createConfStore(dataDir);
  // the user's data: SQLite beside the preferences file, which hands its data keys over once
  const { data, migration, staleTempFiles } = await openDataFolder(dataDir, store, store.path, (e) => warn(e.userMessage));
  if (migration.moved.length) log(`Moved ${migration.moved.length} data entries from ${store.path} into ${data.file}.`);
  if (staleTempFiles.length) log(`Removed ${staleTempFiles.length} stale temporary cop${staleTempFiles.length === 1 ? 'y' : 'ies'} of the state file.`);
  const shellToken = newToken();

  let port = 0;
  let runtime: Runtime | undefined;
  let backends: BackendManager | undefined;
  const devWatchers: Array<{ close(): void }> = [];

  const views = new WebViewHost(() => port, (appId) => viewEntryPath(runtime?.catalog.manifest(appId)));
  // A dev app whose last save does not compile: the error shows in its view; its previous build keeps serving.
  const compileErrors = new Map<string, string>();
  const wxRuntimeDir = options.wxRuntimeDir ?? join(root, 'dist', 'miniprogram');
  const shellChannel = new ShellChannel(
    async (command, input) => {
      if (!runtime) throw new Error('the host is still starting');
      // An uploaded .zip is copied into the catalog by the install, so it goes when the install is over.
      const upload = command === 'install' ? uploadFolderOf((input as { source?: unknown } | null)?.source, uploadsDir) : undefined;
      try {
        return await runtime.service.handle(command, input);
      } finally {
        if (upload) await removeUpload(upload, warn);
      }
    },
    warn,
    { maxPayload: MAX_SHELL_FRAME, perPage: new ShellFrameUrls(views) },
  );

  const shellSockets = new WebSocketServer({ noServer: true, maxPayload: MAX_SHELL_FRAME });
  // ws hands over every message of a received chunk at once; each socket's inbox keeps them, and the
  // scheduler takes one message per socket per turn (and paces a backlog while another app is calling).
  const bridgeSockets = new WebSocketServer({ noServer: true, maxPayload: MAX_BRIDGE_FRAME, allowSynchronousEvents: true });
  const bridgeTurns = new BridgeScheduler();

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = classifyHost(req.headers.host, port);
    if (target.kind === 'foreign') {
      sendText(res, 421, `Refused: ${target.why}. This simulator answers only to localhost:${port}, 127.0.0.1:${port} and <app>.localhost:${port}.`);
      return;
    }
    if (!runtime) {
      sendText(res, 503, 'The host is still starting; reload in a moment.', { 'Retry-After': '1' });
      return;
    }
    const path = (req.url ?? '/').split('?')[0]!;
    if (target.kind === 'app') {
      await serveAppRequest(req, res, target.label, {
        runtime,
        views,
        port,
        wxScriptFile,
        wxRuntimeDir,
        backendUrl: (appId) => backends?.url(appId),
        compileError: (appId) => compileErrors.get(appId),
      });
      return;
    }
    if (path.startsWith('/ws/')) {
      sendText(res, 426, `${path} is a WebSocket endpoint.`, { Upgrade: 'websocket' });
      return;
    }
    if (target.kind === 'shell' && path === '/shell/upload') {
      if (req.method !== 'POST') {
        sendText(res, 405, 'Upload a package with POST.', { Allow: 'POST' });
        return;
      }
      if (!originIs(req.headers.origin, shellOrigin(port))) {
        sendText(res, 403, `Refused: uploads come only from the shell page (${shellOrigin(port)}), not from Origin "${req.headers.origin ?? '(none)'}".`);
        req.resume();
        return;
      }
      if (!sameToken(req.headers['x-shell-token'] as string | undefined, shellToken)) {
        sendText(res, 403, 'Refused: the x-shell-token header is missing or wrong. Reload the shell page to get the current token.');
        req.resume();
        return;
      }
      await receiveUpload(req, res, uploadsDir);
      return;
    }
    const routes = runtime.shell.platform?.serverRoutes() ?? [];
    if (await serveServerApi(req, res, routes)) return;
    if (target.kind === 'loopback') {
      sendText(res, 404, `No server API route ${req.method} ${path}. The shell UI is at ${shellOrigin(port)}/.`);
      return;
    }
    await serveShellFile(req, res, rendererDir, shellToken, port);
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    const target = classifyHost(req.headers.host, port);
    if (target.kind === 'foreign') return refuseUpgrade(socket, 421, `Refused: ${target.why}.`);
    if (!runtime) return refuseUpgrade(socket, 503, 'The host is still starting.');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;

    if (target.kind === 'shell' && url.pathname === '/ws/shell') {
      if (!originIs(origin, shellOrigin(port))) {
        return refuseUpgrade(socket, 403, `Refused: the shell channel accepts only the shell page (${shellOrigin(port)}), not Origin "${origin ?? '(none)'}".`);
      }
      if (!sameToken(url.searchParams.get('token'), shellToken)) {
        return refuseUpgrade(socket, 403, 'Refused: the shell token is missing or wrong. Reload the shell page.');
      }
      shellSockets.handleUpgrade(req, socket, head, (ws) => shellChannel.accept(ws));
      return;
    }
    if (target.kind === 'app' && url.pathname === '/ws/bridge') {
      const viewId = Number(url.searchParams.get('view'));
      if (!Number.isSafeInteger(viewId)) return refuseUpgrade(socket, 400, 'Refused: the bridge needs ?view=<number>&token=<view token>.');
      const token = url.searchParams.get('token');
      const check = views.checkAttach(viewId, token, target.label, origin);
      if (!check.ok) return refuseUpgrade(socket, check.status, `Refused: ${check.reason}.`);
      bridgeSockets.handleUpgrade(req, socket, head, (ws) =>
        serveBridge(ws, check.binding, views, runtime!, { token: token ?? '', maxPayload: MAX_BRIDGE_FRAME, log: warn, scheduler: bridgeTurns }),
      );
      return;
    }
    refuseUpgrade(socket, 404, `No WebSocket endpoint at ${url.pathname} on this origin.`);
  };

  const server = createServer((req, res) => {
    onRequest(req, res).catch((e: unknown) => {
      warn(`request ${req.method} ${req.url} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) sendText(res, 500, 'The host failed to answer this request; the terminal running it has the details.');
      else res.destroy();
    });
  });
  server.on('upgrade', onUpgrade);
  port = await listen(server, options.port ?? 0);

  // the samples shipped with the shell: installed on first start, trusted as the shell itself (unsigned, not dev apps)
  const examplesDir = options.examplesDir === undefined ? join(root, 'examples') : options.examplesDir;
  try {
    const integration = createIntegration();
    runtime = await createRuntime({
      store,
      data,
      dataDir,
      bundledDir: examplesDir ?? undefined,
      viewHost: views,
      emit: (event) => {
        shellChannel.broadcast(event);
        // an install or uninstall may add, remove or re-key an app that ships a merchant backend
        if (event.type === 'appsChanged') void backends?.sync();
      },
      host: { name: 'web', version: packageVersion(root), platform: process.platform },
      keepAlive: options.keepAlive,
      openApi: options.openApi ?? integration.openApi,
      customApis: { ...integration.customApis, ...options.customApis },
      assetUrl: (appId, path) => `${appOrigin(appId, port)}/${path.split('/').map(encodeURIComponent).join('/')}`,
      serverApi: () => loopbackOrigin(port),
      // wx.request never reaches this host's own port (shell page, shell channel, server API, app origins)
      network: { hostPorts: () => [port], ...options.network },
      handlerTimeoutMs: options.handlerTimeoutMs,
      promptTimeoutMs: options.promptTimeoutMs,
      clock: options.clock,
      extConfig: (appId) => backendExtConfig(backends?.url(appId)),
      // the clipboard is the shell page's (navigator.clipboard); chosen images arrive as its uploads
      device: { chooserUploads: chooserUploads(uploadsDir, warn) },
    });
  } catch (e) {
    server.close();
    data.close();
    throw e;
  }
  const rt = runtime;

  // First start of a data folder: install the samples. Later starts keep whatever the user uninstalled.
  const sampleLog = { info: log, warn };
  if (examplesDir) {
    await seedSamplesOnFirstStart({
      store,
      seededKey: WEB_SEEDED_KEY,
      install: (source) => rt.service.handle('install', { source }),
      installed: (appId) => !!rt.catalog.manifest(appId),
      examplesDir,
      log: sampleLog,
    });
  }
  const samples = examplesDir ? await findSampleFolders(examplesDir, sampleLog) : [];

  // Development folders: installed (copied) as dev apps, reinstalled and reloaded on every change. Only the
  // samples get the build's bundles: a dev folder may share a sample's appId, and its backend must be its own source.
  const backendBundlesDir = join(root, 'dist', 'backends');
  const appFolders = new Map<string, BackendSource>(samples.map((s) => [s.appId, { ...s, bundlesDir: backendBundlesDir }]));
  const installDev = async (folder: string): Promise<string> => {
    const entry = await rt.catalog.install(folder, undefined, { dev: true });
    for (const origin of options.allowLoopback ?? []) rt.network.loopback.allowForRun(entry.appId, origin);
    const info = rt.catalog.appInfo(entry.appId);
    if (info) rt.shell.platform?.registerApp(info);
    shellChannel.broadcast({ type: 'appsChanged' });
    return entry.appId;
  };
  for (const folder of (options.apps ?? []).map((f) => resolve(f))) {
    try {
      const appId = await installDev(folder);
      appFolders.set(appId, { appId, folder });
      log(`dev app ${appId} from ${folder} (reloads on change)`);
    } catch (e) {
      warn(`dev app ${folder} not installed: ${(e as Error).message}${e instanceof Error && 'hint' in e && e.hint ? `\n  ${String(e.hint)}` : ''}`);
    }
    devWatchers.push(
      watchDevApp({
        folder,
        debounceMs: options.devDebounceMs,
        log: warn,
        onChange: async () => {
          let appId: string;
          try {
            appId = await installDev(folder);
          } catch (e) {
            // The install failed as a whole, so the previous good build keeps serving; the error goes to the
            // terminal and, for an app that is running, into its view (file:line:col lines with snippets).
            const previous = [...appFolders.values()].find((source) => source.folder === folder)?.appId;
            warn(`dev app ${folder} not reinstalled:\n${(e as Error).message}`);
            if (previous) {
              compileErrors.set(previous, (e as Error).message);
              views.reloadApp(previous);
            }
            return;
          }
          compileErrors.delete(appId);
          appFolders.set(appId, { appId, folder });
          const reloaded = views.reloadApp(appId);
          log(`dev app ${appId} changed: reinstalled${reloaded ? `, reloaded ${reloaded} view(s)` : ''}`);
        },
      }),
    );
  }

  // Merchant backends of installed apps that ship one, started with the app's platform registration.
  if (options.backends !== false) {
    backends = new BackendManager({ port, runtime: rt, sources: () => appFolders, log, warn });
    await backends.sync();
  }

  const url = `${shellOrigin(port)}/`;
  log(`Superapp Shell (browser host) at ${url}`);
  log(`Server API at ${loopbackOrigin(port)}  ·  data in ${dataDir}`);
  if (options.openBrowser) openInBrowser(url, warn);

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    runtime: rt,
    shellToken,
    views,
    backendUrl: (appId) => backends?.url(appId),
    close() {
      closing ??= (async () => {
        for (const w of devWatchers) w.close();
        views.closeAll();
        shellChannel.closeAll();
        await backends?.closeAll();
        shellSockets.close();
        bridgeSockets.close();
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
        data.close();
      })();
      return closing;
    },
  };
}
