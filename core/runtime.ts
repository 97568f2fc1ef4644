import { systemClock } from './contracts/ports';
import type { Runtime, RuntimeOptions } from './contracts/services';
import { FailureEnvelope, RequestEnvelope, WIRE_VERSION } from './contracts/wire';
import { createCatalog } from './catalog';
import { createShell } from './shell';
import { createShellService, SheetBroker } from './shell-service';
import { currentCallSignal } from './dispatcher/call-context';
import { createLoopbackOrigins } from './network/loopback-origins';
import { createNetworkService } from './network/network-service';
import { createTempFiles } from './network/temp-files';
import { join } from 'node:path';
import { createDevRecords } from './devtools/dev-records';
import { ShellTasks, sheetImagePicker } from './device';
import type { DeviceHost } from './contracts/device-host';
import { ApiError, Errno } from './contracts/errors';

/** The same object with one method replaced; every other member still answers from the original (classes included). */
function withHook<T extends object, K extends keyof T>(target: T, name: K, replacement: T[K]): T {
  return new Proxy(target, {
    get(object, prop) {
      if (prop === name) return replacement;
      const value = Reflect.get(object, prop, object) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

/** The host's own device glue where it has it; the trusted shell page for the rest. */
function deviceHost(given: RuntimeOptions['device'], tasks: ShellTasks, sheets: SheetBroker): DeviceHost {
  const viaPage = async (answer: Promise<{ ok: boolean; text?: string; error?: string }>, what: string): Promise<string> => {
    const result = await answer;
    if (!result.ok) throw new ApiError(`${what}: ${result.error ?? 'the shell could not reach the clipboard'}`);
    return result.text ?? '';
  };
  const uploads = given?.chooserUploads;
  return {
    writeClipboard: given?.writeClipboard ?? (async (text, caller) => void (await viaPage(tasks.run({ op: 'clipboardWrite', text }, caller, currentCallSignal()), 'clipboard not written'))),
    readClipboard: given?.readClipboard ?? ((caller) => viaPage(tasks.run({ op: 'clipboardRead' }, caller, currentCallSignal()), 'clipboard not read')),
    pickImages:
      given?.pickImages ??
      (uploads
        ? sheetImagePicker(sheets, uploads)
        : () => Promise.reject(new ApiError('not supported: this host has no file chooser', { errno: Errno.notSupported }))),
  };
}

/** After telling the user the data folder cannot be written, stay quiet this long about it. */
export const DATA_TROUBLE_QUIET_MS = 30_000;

/** Default number of background mini programs kept alive next to the front one. */
export const DEFAULT_KEEP_ALIVE = 3;

/**
 * Wires catalog, trusted sheets, the shell (dispatcher + platform) and the shell API service.
 * A host supplies storage, a data folder, its views and an event sink, and then only carries messages.
 */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const clock = options.clock ?? systemClock;
  const keepAlive = options.keepAlive ?? DEFAULT_KEEP_ALIVE;
  const catalog = await createCatalog({ dataDir: options.dataDir, store: options.store, clock, assetUrl: options.assetUrl, bundledDir: options.bundledDir });
  const sheets = new SheetBroker(options.emit, {
    opened: (viewId) => options.viewHost.sheetOpened?.(viewId),
    closed: (viewId) => options.viewHost.sheetClosed?.(viewId),
    decorate: (sheet) => {
      const iconUrl = sheet.app.iconUrl ?? catalog.list().find((e) => e.appId === sheet.app.appId)?.iconUrl;
      return iconUrl ? { ...sheet, app: { ...sheet.app, iconUrl } } : sheet;
    },
  });
  const appInfo = (appId: string) => catalog.appInfo(appId);
  // The network tasks' events go to the view that started them, over the same channel as appShow.
  const loopback = createLoopbackOrigins(options.store);
  // downloadFile's and chooseImage's files: one temp area (it is wiped when created, so there is one)
  const tempFiles = createTempFiles(join(options.dataDir, 'tmp'));
  const tasks = new ShellTasks(options.emit);
  const network = createNetworkService({
    manifestOf: (appId) => catalog.manifest(appId),
    isDev: (appId) => catalog.list().find((e) => e.appId === appId)?.dev === true,
    allowedOrigins: (appId) => loopback.allowed(appId),
    hostPorts: () => options.network?.hostPorts() ?? [],
    send: (viewId, data) => options.viewHost.send(viewId, { v: WIRE_VERSION, event: 'networkTask', data }),
    tempFiles,
    host: options.host,
    ...(options.network?.resolver ? { resolver: options.network.resolver } : {}),
    ...(options.network?.ca ? { ca: options.network.ca } : {}),
    ...(options.network?.limits ? { limits: options.network.limits } : {}),
  });
  const shell = createShell({
    store: options.store,
    data: options.data,
    prompter: sheets,
    clock,
    openApi: options.openApi,
    customApis: options.customApis,
    host: options.host,
    handlerTimeoutMs: options.handlerTimeoutMs,
    promptTimeoutMs: options.promptTimeoutMs,
    appInfo,
    ...(options.extConfig ? { extConfig: options.extConfig } : {}),
    network,
    device: {
      host: deviceHost(options.device, tasks, sheets),
      tempFiles,
      toast: (caller, text, ms) => options.emit({ type: 'appToast', viewId: caller.webViewId, text, ms }),
      permissionsChanged: () => options.emit({ type: 'permissionsChanged' }),
    },
  });
  shell.setManifestSource((appId) => catalog.manifest(appId));
  for (const entry of catalog.list()) shell.platform?.registerApp(appInfo(entry.appId)!);
  shell.calls.subscribe((record) => options.emit({ type: 'call', record }));
  const devtools = createDevRecords();
  shell.platform?.onWalletChanged(() => options.emit({ type: 'walletChanged' }));
  // The user hears about a full or read-only data folder once per episode, not once per failed write.
  let lastTrouble = -Infinity;
  options.data.onTrouble?.((message) => {
    if (clock.now() - lastTrouble < DATA_TROUBLE_QUIET_MS) return;
    lastTrouble = clock.now();
    options.emit({ type: 'dataTrouble', message });
  });

  const service = createShellService({
    shell,
    // uninstall also ends the app's tasks and removes its temp files and loopback grants
    catalog: withHook(catalog, 'uninstall', async (appId: string) => {
      await catalog.uninstall(appId);
      loopback.forgetApp(appId);
      await network.forgetApp(appId);
    }),
    sheets,
    tasks,
    // a closed view's requests stop and its sockets close
    viewHost: withHook(options.viewHost, 'close', (viewId: number) => {
      network.viewClosed(viewId);
      options.viewHost.close(viewId);
    }),
    emit: options.emit,
    host: options.host,
    keepAlive,
    pickPackage: options.pickPackage,
    saveFile: options.saveFile,
    serverApi: options.serverApi,
    devtools,
  });

  return {
    shell,
    catalog,
    service,
    async dispatchFromView(viewId, raw, wire) {
      const caller = service.callerFor(viewId);
      if (!caller) {
        const id = RequestEnvelope.shape.id.safeParse((raw as { id?: unknown } | null)?.id);
        return FailureEnvelope.parse({
          v: WIRE_VERSION,
          id: id.success ? id.data : null,
          ok: false,
          errMsg: 'bridge:fail this view is closed; relaunch the mini program',
        });
      }
      return shell.dispatch(raw, caller, wire);
    },
    reportFromView(viewId, raw) {
      const caller = service.callerFor(viewId);
      if (!caller) return { ok: false, problem: 'the view is closed' };
      const kept = devtools.receive(caller, raw);
      if (!kept.ok) return kept;
      if (kept.records.length > 0) options.emit({ type: 'devtools', records: kept.records });
      if (kept.stack) options.emit({ type: 'pageStack', stack: kept.stack });
      return { ok: true };
    },
    network: { service: network, loopback },
    storageMirror(viewId) {
      const caller = service.callerFor(viewId);
      return caller ? shell.storage.snapshot(caller.appInfo.appId) : {};
    },
  };
}
