import { appInfoFromManifest } from './contracts/app';
import { systemClock } from './contracts/ports';
import type { Runtime, RuntimeOptions } from './contracts/services';
import { FailureEnvelope, RequestEnvelope, WIRE_VERSION } from './contracts/wire';
import { createCatalog } from './catalog';
import { createShell } from './shell';
import { createShellService, SheetBroker } from './shell-service';

/** Default number of background mini programs kept alive next to the front one. */
export const DEFAULT_KEEP_ALIVE = 3;

/**
 * Wires catalog, trusted sheets, the shell (dispatcher + platform) and the shell API service.
 * A host supplies storage, a data folder, its views and an event sink, and then only carries messages.
 */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const clock = options.clock ?? systemClock;
  const keepAlive = options.keepAlive ?? DEFAULT_KEEP_ALIVE;
  const catalog = await createCatalog({ dataDir: options.dataDir, store: options.store, clock, assetUrl: options.assetUrl });
  const sheets = new SheetBroker(options.emit, {
    opened: (viewId) => options.viewHost.sheetOpened?.(viewId),
    closed: (viewId) => options.viewHost.sheetClosed?.(viewId),
    decorate: (sheet) => {
      const iconUrl = sheet.app.iconUrl ?? catalog.list().find((e) => e.appId === sheet.app.appId)?.iconUrl;
      return iconUrl ? { ...sheet, app: { ...sheet.app, iconUrl } } : sheet;
    },
  });
  const appInfo = (appId: string) => {
    const m = catalog.manifest(appId);
    return m ? appInfoFromManifest(m) : undefined;
  };
  const shell = createShell({
    store: options.store,
    prompter: sheets,
    clock,
    openApi: options.openApi,
    customApis: options.customApis,
    host: options.host,
    handlerTimeoutMs: options.handlerTimeoutMs,
    promptTimeoutMs: options.promptTimeoutMs,
    appInfo,
    ...(options.extConfig ? { extConfig: options.extConfig } : {}),
  });
  shell.setManifestSource((appId) => catalog.manifest(appId));
  for (const entry of catalog.list()) shell.platform?.registerApp(appInfo(entry.appId)!);
  shell.calls.subscribe((record) => options.emit({ type: 'call', record }));
  shell.platform?.onWalletChanged(() => options.emit({ type: 'walletChanged' }));

  const service = createShellService({
    shell,
    catalog,
    sheets,
    viewHost: options.viewHost,
    emit: options.emit,
    host: options.host,
    keepAlive,
    pickPackage: options.pickPackage,
    serverApi: options.serverApi,
  });

  return {
    shell,
    catalog,
    service,
    async dispatchFromView(viewId, raw) {
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
      return shell.dispatch(raw, caller);
    },
    storageMirror(viewId) {
      const caller = service.callerFor(viewId);
      return caller ? shell.storage.snapshot(caller.appInfo.appId) : {};
    },
  };
}
