import { app, BaseWindow, dialog, ipcMain, Menu, session, type WebContentsView } from 'electron';
import type { DataStore, KeyValueStore, MiniAppApiHandler, Runtime, RuntimeOptions, ShellEvent } from '../core/contracts';
import { ipcChannels } from '../core/contracts/ipc-channels';
import { backendExtConfig, findSampleFolders, hasBackend, seedSamplesOnFirstStart, type BackendSource } from '../core/samples';
import { buildMenuTemplate } from './app-menu';
import { APP_SCHEME, appEntryUrl, appOrigin, SHELL_ENTRY_URL, SHELL_ORIGIN, shellAssetUrl } from './app-scheme';
import { createAppSessions, type AppSessions } from './app-sessions';
import { registerIpcHandlers } from './ipc-adapter';
import type { Logger } from './logger';
import { createMerchantBackends, type MerchantBackends } from './merchant-backends';
import { saveFile } from './file-saver';
import { pickPackage } from './package-picker';
import { desktopDevice } from './device-host';
import { reloadBudget } from './reload-budget';
import { serverApiPorts } from './network-ports';
import { webViewLoopbackOrigins } from '../core/catalog/page-policy';
import { createServerApi, type ServerApi } from './server-api';
import { createShellProtocolHandler } from './shell-protocol';
import { createAppView, createShellView, SHELL_PARTITION } from './view-factory';
import { DesktopViewHost } from './view-host';
import { DESKTOP_SEEDED_KEY } from './state-store';
import { applySessionPolicies } from './view-policies';
import { createWechatRoutes } from './wechat-routes';
import { confirmInstall } from './install-confirm';
import type { InstallPreview } from '../core/contracts/shell-api';
import { viewEntryPath } from '../core/wechat/serve-paths';
import { dirname, join } from 'node:path';

/**
 * Builds the desktop superapp once Electron is ready: one BaseWindow, the shell UI in its own view,
 * a view per running mini program, the IPC adapter, the superapp: scheme per session, the menu.
 * All decisions (tabs, keep-alive, sheets, installs) belong to the runtime; this file only wires.
 */

export interface DesktopPaths {
  /** dist/renderer: index.html, app.js, styles.css */
  rendererDir: string;
  shellPreload: string;
  miniappPreload: string;
  /** the bundled sample mini programs (packaged: resources/examples) */
  examplesDir: string;
  /** installed packages (userData) */
  dataDir: string;
  /** dist/backends: the samples' merchant backends as bundled by the build, which is all a packaged app can run */
  backendBundlesDir?: string;
}

export interface DesktopShellOptions {
  createRuntime(options: RuntimeOptions): Promise<Runtime>;
  store: KeyValueStore;
  /** the user's data (core/persistence/open-data.ts) */
  data: DataStore;
  paths: DesktopPaths;
  version: string;
  /** the integrator's backend (integration/index.ts); the embedded platform when absent */
  openApi?: RuntimeOptions['openApi'];
  customApis?: Record<string, MiniAppApiHandler>;
  /** background apps kept alive beside the front one (runtime default when absent) */
  keepAlive?: number;
  log: Logger;
}

export interface DesktopShell {
  window: BaseWindow;
  shellView: WebContentsView;
  viewHost: DesktopViewHost;
  runtime: Runtime;
  serverApi: ServerApi;
  backends: MerchantBackends;
  appSessions: AppSessions;
  /**
   * Settles when the first-start work behind the open window is done: samples installed, their backends
   * started. Never rejects (a failure is logged; the shell works without samples).
   */
  ready: Promise<void>;
  /** closes views, backends and the server API; safe to call twice */
  shutdown(): Promise<void>;
}

export async function startDesktopShell(options: DesktopShellOptions): Promise<DesktopShell> {
  const { log, paths, store } = options;
  // the runtime needs the view host and the view host's callbacks need the runtime: bound late
  const late: { runtime?: Runtime } = {};
  const requireRuntime = (): Runtime => {
    if (!late.runtime) throw new Error('the runtime is not ready yet');
    return late.runtime;
  };

  // Nothing is ever loaded in the default session; it still refuses every permission and download.
  applySessionPolicies(session.defaultSession, { origin: undefined }, log, 'default session');

  const shellSession = session.fromPartition(SHELL_PARTITION);
  applySessionPolicies(shellSession, { origin: undefined }, log, 'shell');
  shellSession.protocol.handle(
    APP_SCHEME,
    createShellProtocolHandler({
      rendererDir: paths.rendererDir,
      // only the icon the manifest declares is served to the shell, nothing else from a package
      async resolveIcon(appId, path) {
        const icon = late.runtime?.catalog.manifest(appId)?.icon;
        return icon && icon === path ? requireRuntime().catalog.resolveFile(appId, `/${icon}`) : undefined;
      },
      log,
    }),
  );

  // the window's own colour shows wherever the (transparent) shell page paints nothing: the page's --bg
  const window = new BaseWindow({ width: 1280, height: 820, minWidth: 760, minHeight: 520, title: 'Superapp Shell', backgroundColor: '#f5f6f8', show: false });
  const shellView = createShellView({ preloadPath: paths.shellPreload, log });
  window.contentView.addChildView(shellView);

  const backends = createMerchantBackends(log);
  const serverApi = createServerApi(() => late.runtime?.shell.platform?.serverRoutes() ?? [], log);

  const appSessions = createAppSessions({
    fromPartition: (partition) => session.fromPartition(partition),
    resolveFile: (appId, urlPath) => requireRuntime().catalog.resolveFile(appId, urlPath),
    entry: (appId) => late.runtime?.catalog.manifest(appId)?.entry,
    storageMirror(appId) {
      const view = viewHost.latestViewOf(appId);
      const runtime = late.runtime;
      if (!runtime) return {};
      return view ? runtime.storageMirror(view.viewId) : runtime.shell.storage.snapshot(appId);
    },
    backendUrl: (appId) => backends.urlOf(appId),
    tempFile: (appId, urlPath) => requireRuntime().network.service.tempFile(appId, urlPath),
    // a <web-view> may show the loopback servers the app may reach with wx.request, never the server API
    webViewOrigins: (appId) => webViewLoopbackOrigins(late.runtime?.network.loopback.allowed(appId) ?? [], new Set(serverApiPorts(serverApi.url()))),
    wechat: createWechatRoutes({
      manifest: (appId) => late.runtime?.catalog.manifest(appId),
      buildDir: async (appId) => late.runtime?.catalog.wechatBuild(appId),
      runtimeDir: join(dirname(paths.rendererDir), 'miniprogram'),
    }),
    log,
  });

  const viewHost: DesktopViewHost = new DesktopViewHost({
    container: window.contentView,
    shellView,
    contentSize() {
      const [width = 0, height = 0] = window.getContentSize();
      return { width, height };
    },
    createAppView: (entry, viewId) => createAppView(entry, viewId, { preloadPath: paths.miniappPreload, prepareSession: (appId) => appSessions.prepare(appId), log }),
    entryUrl: (appId) => appEntryUrl(appId, viewEntryPath(late.runtime?.catalog.manifest(appId)) ?? 'index.html'),
    onViewGone: (viewId) => late.runtime?.service.viewGone(viewId),
    log,
  });
  window.on('resize', () => viewHost.layout());
  viewHost.layout();

  const refreshMenu = () => {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate(menuActions, {
          isMac: process.platform === 'darwin',
          serverApiOn: serverApi.url() !== undefined,
          serverApiUrl: serverApi.url(),
          hasActiveApp: viewHost.activeView() !== undefined,
        }),
      ),
    );
  };

  let afterEmit: (event: ShellEvent) => void = () => undefined;
  // Sheets are drawn by the shell page only; if its renderer dies they are answered here (see below).
  const openSheets = new Set<string>();
  const emit = (event: ShellEvent) => {
    if (event.type === 'sheet') openSheets.add(event.sheetId);
    else if (event.type === 'sheetClosed') openSheets.delete(event.sheetId);
    if (!shellView.webContents.isDestroyed()) shellView.webContents.send(ipcChannels.shellEvent, event);
    if (event.type === 'runningChanged') refreshMenu();
    afterEmit(event);
  };

  const rt = await options.createRuntime({
    store,
    data: options.data,
    dataDir: paths.dataDir,
    // the samples inside the app bundle: trusted as the shell itself (unsigned, but not dev apps)
    bundledDir: paths.examplesDir,
    viewHost,
    emit,
    host: { name: 'electron', version: options.version, platform: process.platform, language: app.getLocale() },
    openApi: options.openApi,
    customApis: options.customApis,
    keepAlive: options.keepAlive,
    assetUrl: shellAssetUrl,
    pickPackage: () => pickPackage(dialog, window),
    saveFile: (fileName, content) => saveFile(dialog, window, app.getPath('downloads'), fileName, content),
    serverApi: () => serverApi.url(),
    extConfig: (appId) => backendExtConfig(backends.urlOf(appId)),
    // wx.request never reaches the server API (loopback, while it is on)
    network: { hostPorts: () => serverApiPorts(serverApi.url()) },
    // the system clipboard and the native open dialog for chooseImage / chooseMedia
    device: desktopDevice(window),
  });
  late.runtime = rt;

  const disposeIpc = registerIpcHandlers({
    ipcMain,
    viewForWebContents: (id) => viewHost.viewForWebContents(id),
    shell: () => (shellView.webContents.isDestroyed() ? undefined : { webContentsId: shellView.webContents.id, origin: SHELL_ORIGIN }),
    dispatchFromView: (viewId, raw) => rt.dispatchFromView(viewId, raw),
    bridgeReady: (viewId) => viewHost.bridgeReady(viewId),
    reportFromView: (viewId, raw) => rt.reportFromView(viewId, raw),
    async handleCommand(command, input) {
      const output = await rt.service.handle(command, input);
      // uninstall removes files and platform data in core; the app's browser data lives in its partition
      if (command === 'uninstall') await appSessions.clear((input as { appId: string }).appId);
      return output;
    },
    log,
  });

  const menuActions = {
    installPackage: () => {
      void (async () => {
        const picked = (await rt.service.handle('pickPackage', {})) as { source: string | null };
        if (!picked.source) return;
        const preview = (await rt.service.handle('previewInstall', { source: picked.source })) as InstallPreview;
        if (await confirmInstall(dialog, window, preview)) await rt.service.handle('install', { source: picked.source });
      })().catch((error: unknown) => {
        log.warn(`install from the menu failed: ${(error as Error).message}`);
        dialog.showErrorBox('Could not install the mini program', (error as Error).message + ((error as { hint?: string }).hint ? `\n\n${(error as { hint?: string }).hint}` : ''));
      });
    },
    openAppDevTools: () => viewHost.activeView()?.view.webContents.openDevTools({ mode: 'detach' }),
    reloadApp: () => viewHost.activeView()?.view.webContents.reload(),
    openInspector: () => {
      // the shell UI owns its panels; press its own Inspector button
      void shellView.webContents.executeJavaScript(`document.querySelector('[data-testid="nav-inspector"]')?.click()`).catch(() => undefined);
    },
    openShellDevTools: () => shellView.webContents.openDevTools({ mode: 'detach' }),
    setServerApi: (on: boolean) => {
      void (on ? serverApi.start() : serverApi.stop()).finally(refreshMenu);
    },
  };
  refreshMenu();

  let shutdownDone: Promise<void> | undefined;

  // The shell page holds the catalog, the tabs, the open sheets and the IPC the apps' sheets answer through,
  // so a crashed shell renderer would leave the window dead while the apps keep running. Its open sheets
  // are answered as cancelled (the page that showed them is gone; otherwise the apps would wait for the
  // prompt timeout, and the shell would stay raised above them), then the page is loaded again; it rebuilds
  // its state from the runtime. A renderer that crashes again at once is not reloaded forever.
  const shellReloads = reloadBudget({ max: 3, windowMs: 60_000 });
  let gaveUpOnShell = false;
  shellView.webContents.on('render-process-gone', (_event, details) => {
    log.error(`shell UI renderer gone: ${details.reason} (exit code ${details.exitCode})`);
    if (shutdownDone || shellView.webContents.isDestroyed()) return;
    void (async () => {
      for (const sheetId of [...openSheets]) {
        // a sheet that timed out meanwhile is no longer waiting: nothing to cancel
        await rt.service.handle('answerSheet', { sheetId, answer: { confirmed: false } }).catch(() => undefined);
      }
      if (shutdownDone || shellView.webContents.isDestroyed()) return;
      if (!shellReloads.take()) {
        if (gaveUpOnShell) return;
        gaveUpOnShell = true;
        log.error('the shell UI renderer keeps crashing (more than 3 times within a minute); not reloading it again');
        dialog.showErrorBox(
          'The Superapp Shell window stopped working',
          `Its page crashed repeatedly (last reason: ${details.reason}), so it is not reloaded again. Quit and start Superapp Shell again; the log has the details.`,
        );
        return;
      }
      log.warn('reloading the shell UI after its renderer was gone');
      await shellView.webContents.loadURL(SHELL_ENTRY_URL).catch((error: unknown) => log.error(`the shell UI did not reload: ${String(error)}`));
    })();
  });
  // The window comes first: the shell page loads and shows while the samples install and their backends
  // start (seconds on a first start). The catalog says it is installing and fills in as each app is ready.
  shellView.webContents.once('did-finish-load', () => window.show());
  await shellView.webContents.loadURL(SHELL_ENTRY_URL).catch((error: unknown) => {
    log.error(`the shell UI did not load from ${paths.rendererDir}: ${String(error)}. Run "npm run build" first.`);
    window.show();
  });

  // Installed samples that ship a merchant backend get it started (it needs the platform's server API, so
  // that comes on with it). Run again after every catalog change: a sample installed later gets its backend.
  let samples: BackendSource[] = [];
  let backendSync: Promise<void> = Promise.resolve();
  const syncBackends = () =>
    (backendSync = backendSync.then(async () => {
      if (shutdownDone) return;
      const wanted = samples.filter((s) => rt.catalog.manifest(s.appId) && !backends.urlOf(s.appId) && hasBackend(s));
      if (wanted.length === 0) return;
      let platformUrl: string;
      try {
        platformUrl = await serverApi.start();
      } catch (error) {
        log.warn(`server API not started, so no merchant backend either: ${(error as Error).message}`);
        return;
      }
      for (const sample of wanted) {
        const info = rt.shell.platform?.developerInfo(sample.appId);
        if (!info || shutdownDone) continue;
        await backends
          .start(sample, { platformUrl, appId: sample.appId, appSecret: info.appSecret, payKey: info.payKey, appKey: info.appKey, allowOrigin: appOrigin(sample.appId) })
          // this host started that server, so the sample may reach its loopback origin with wx.request
          .then((url) => rt.network.loopback.allowForRun(sample.appId, new URL(url).origin))
          .catch((error: unknown) => log.warn(`merchant backend of ${sample.appId} not started: ${(error as Error).message}`));
      }
      refreshMenu();
    }));

  // Behind the open window: on first start the bundled samples install, through the same command the
  // shell's Install uses (each one appears in the catalog as it lands), then their backends start.
  const ready = (async () => {
    await seedSamplesOnFirstStart({
      store,
      seededKey: DESKTOP_SEEDED_KEY,
      install: (source) => rt.service.handle('install', { source }),
      installed: (appId) => !!rt.catalog.manifest(appId),
      examplesDir: paths.examplesDir,
      log,
    });
    samples = (await findSampleFolders(paths.examplesDir, log)).map((sample) => ({ ...sample, bundlesDir: paths.backendBundlesDir }));
    afterEmit = (event) => {
      if (event.type === 'appsChanged') void syncBackends();
    };
    await syncBackends();
  })().catch((error: unknown) => log.error(`installing the samples or starting their backends failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));

  const shutdown = () =>
    (shutdownDone ??= (async () => {
      disposeIpc();
      viewHost.closeAll();
      // a backend start already under way finishes first, so closeAll sees it; later ones are skipped
      await backendSync;
      await backends.closeAll();
      await serverApi.stop();
    })());

  window.on('closed', () => {
    void shutdown();
    if (!shellView.webContents.isDestroyed()) shellView.webContents.close();
  });

  return { window, shellView, viewHost, runtime: rt, serverApi, backends, appSessions, ready, shutdown };
}
