import { WebContentsView } from 'electron';
import type { CatalogEntry } from '../core/contracts';
import { appOrigin, appPartition, SHELL_ENTRY_URL } from './app-scheme';
import type { Logger } from './logger';
import { applyAppViewPolicies, applyShellViewPolicies } from './view-policies';

/**
 * The only two places the app creates a WebContentsView. Each leaves here with its locked-down
 * webPreferences and its navigation/popup policies attached, before any URL is loaded. The
 * preferences are written out literally at the constructor, where a reviewer (and Electronegativity,
 * see scripts/electronegativity.mjs) reads them; a unit test holds every created view to them.
 */

export const SHELL_PARTITION = 'persist:shell';

export function createShellView(options: { preloadPath: string; log: Logger }): WebContentsView {
  const view = new WebContentsView({
    webPreferences: {
      preload: options.preloadPath,
      partition: SHELL_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // a page must not be able to freeze the host with alert() loops
      safeDialogs: true,
      spellcheck: false,
      // no middle-click "open in new window" path at all (new windows are denied anyway)
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // #AARRGGBB: fully transparent. The shell page is see-through where the app view is (renderer/views/
  // native-layers.ts), so when a sheet raises this view above the app, the app shows dimmed under it. For a
  // WebContentsView this sets both the native view's and the page's base background (kept across loads).
  view.setBackgroundColor('#00000000');
  applyShellViewPolicies(view.webContents, SHELL_ENTRY_URL, options.log);
  return view;
}

/** Each mini program gets its own persistent partition: cookies, localStorage and cache never mix. */
export function createAppView(app: CatalogEntry, viewId: number, options: { preloadPath: string; prepareSession(appId: string): void; log: Logger }): WebContentsView {
  // the partition's scheme handler and permission rules must exist before the view's first request
  options.prepareSession(app.appId);
  const view = new WebContentsView({
    webPreferences: {
      preload: options.preloadPath,
      partition: appPartition(app.appId),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  view.setBackgroundColor('#ffffff');
  applyAppViewPolicies(view.webContents, appOrigin(app.appId), options.log, `app ${app.appId} (view ${viewId})`);
  return view;
}
