import { contextBridge, ipcRenderer } from 'electron';
import { createShellBridge } from './shell-bridge';

/**
 * Preload of the shell UI view (sandboxed, context-isolated, bundled to dist/preload/shell.cjs).
 * The page gets window.superappShell = { call, onEvent } and nothing else; the unsubscribe function
 * onEvent returns crosses the bridge as a proxy, so it removes the very listener it added.
 */
contextBridge.exposeInMainWorld('superappShell', createShellBridge(ipcRenderer));
