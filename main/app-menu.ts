import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu as data, so a test can read it and click it. Menu roles that act on "the
 * focused webContents" are avoided for views: a BaseWindow has no webContents of its own, so
 * developer actions name their target (the front mini program, or the shell) explicitly.
 */

export interface MenuActions {
  installPackage(): void;
  /** DevTools in a detached window for the front mini program */
  openAppDevTools(): void;
  reloadApp(): void;
  openInspector(): void;
  openShellDevTools(): void;
  setServerApi(on: boolean): void;
}

export interface MenuState {
  isMac: boolean;
  serverApiOn: boolean;
  /** base URL shown next to the toggle while the server API is on */
  serverApiUrl?: string;
  /** a mini program is in front (the per-app items are disabled otherwise) */
  hasActiveApp: boolean;
}

export const MENU_IDS = {
  install: 'install-package',
  appDevTools: 'app-devtools',
  reloadApp: 'reload-app',
  inspector: 'open-inspector',
  serverApi: 'server-api',
  shellDevTools: 'shell-devtools',
} as const;

export function buildMenuTemplate(actions: MenuActions, state: MenuState): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { id: MENU_IDS.install, label: 'Install Mini Program…', accelerator: 'CmdOrCtrl+O', click: () => actions.installPackage() },
      { type: 'separator' },
      state.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const developer: MenuItemConstructorOptions = {
    label: 'Developer',
    submenu: [
      { id: MENU_IDS.appDevTools, label: 'Mini Program DevTools', accelerator: 'CmdOrCtrl+Alt+I', enabled: state.hasActiveApp, click: () => actions.openAppDevTools() },
      { id: MENU_IDS.reloadApp, label: 'Reload Mini Program', accelerator: 'CmdOrCtrl+R', enabled: state.hasActiveApp, click: () => actions.reloadApp() },
      { id: MENU_IDS.inspector, label: 'Open Inspector', accelerator: 'CmdOrCtrl+Shift+I', click: () => actions.openInspector() },
      { type: 'separator' },
      {
        id: MENU_IDS.serverApi,
        label: state.serverApiOn && state.serverApiUrl ? `Server API on Loopback (${state.serverApiUrl})` : 'Server API on Loopback',
        type: 'checkbox',
        checked: state.serverApiOn,
        click: (item) => actions.setServerApi(item.checked),
      },
      { type: 'separator' },
      { id: MENU_IDS.shellDevTools, label: 'Shell DevTools', click: () => actions.openShellDevTools() },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  // 'zoom' and 'front' are macOS-only roles (Electron's MenuItem docs): elsewhere they would be dead items
  const window: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: [{ role: 'minimize' }, ...(state.isMac ? [{ role: 'zoom' } as const, { role: 'front' } as const] : [])],
  };
  return [...(state.isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []), file, edit, developer, window];
}
