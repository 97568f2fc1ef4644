import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, protocol } from 'electron';
import { openDataFolder } from '../core/persistence/open-data';
import { createRuntime } from '../core/runtime';
import createIntegration from '../integration';
import { privilegedSchemes } from './app-scheme';
import { startDesktopShell, type DesktopShell } from './desktop-shell';
import { consoleLogger } from './logger';
import { openStateStore } from './state-store';
import { refusePopupsAndWebviews } from './view-policies';

/**
 * Electron entry (bundled to dist/main/main.js, ESM). Everything that must happen before `ready`
 * happens here; the rest is startDesktopShell.
 */

const log = consoleLogger();
const here = dirname(fileURLToPath(import.meta.url));

// Electron only accepts scheme privileges before the app is ready.
protocol.registerSchemesAsPrivileged(privilegedSchemes);
// Every renderer runs in Chromium's sandbox, whatever a webPreferences object might say.
app.enableSandbox();

// Tests and side-by-side profiles: a separate data folder (the Electron suite gives each run its own).
const userDataOverride = process.env.SUPERAPP_USER_DATA;
if (userDataOverride) app.setPath('userData', resolve(userDataOverride));

// Safety net for any webContents not created by view-factory (DevTools, future code): no popups, no <webview>.
app.on('web-contents-created', (_event, contents) => refusePopupsAndWebviews(contents, log, `webContents ${contents.id}`));

let shell: DesktopShell | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => shell?.window.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (!shell) return;
    // stop backends and the server API, close every view; then quit for real
    const closing = shell;
    shell = undefined;
    event.preventDefault();
    void closing.shutdown().finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      const store = await openStateStore(ipcMain);
      // the user's data: SQLite beside the preferences file, which hands its data keys over once
      const { data, migration } = await openDataFolder(app.getPath('userData'), store, store.path, (e) => log.error(e.userMessage));
      if (migration.moved.length) log.info(`moved ${migration.moved.length} data entries from ${store.path} into ${data.file}`);
      app.on('will-quit', () => data.close());
      const resourcesRoot = app.isPackaged ? process.resourcesPath : app.getAppPath();
      // the integrator's backend and custom APIs (integration/index.ts), the same plug the browser host uses
      const integration = createIntegration();
      shell = await startDesktopShell({
        createRuntime,
        store,
        data,
        version: app.getVersion(),
        openApi: integration.openApi,
        customApis: integration.customApis,
        paths: {
          rendererDir: join(here, '..', 'renderer'),
          shellPreload: join(here, '..', 'preload', 'shell.cjs'),
          miniappPreload: join(here, '..', 'preload', 'miniapp.cjs'),
          examplesDir: process.env.SUPERAPP_EXAMPLES_DIR ? resolve(process.env.SUPERAPP_EXAMPLES_DIR) : join(resourcesRoot, 'examples'),
          dataDir: app.getPath('userData'),
          backendBundlesDir: join(here, '..', 'backends'),
        },
        log,
      });
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log.error(`startup failed: ${message}`);
      dialog.showErrorBox('Superapp Shell could not start', `${error instanceof Error ? error.message : String(error)}\n\nThe log has the details.`);
      app.exit(1);
    });
}
