import { contextBridge, ipcRenderer } from 'electron';
import { createWx } from '../client';
import { installWxInMainWorld } from './main-world-wx';
import { createIpcTransport } from './miniapp-bridge';
import { readStorageMirror } from './storage-mirror-reader';

/**
 * Preload of every mini program view (sandboxed, context-isolated, bundled to dist/preload/miniapp.cjs).
 * It builds `wx` on the IPC transport and hands the page a frozen window.wx; nothing else of
 * Electron or Node reaches the page.
 */

// The Sync storage mirror is read from the page's <head> on the first Sync call, not now: at preload
// time the document has not been parsed yet. No synchronous IPC anywhere.
const wx = createWx(createIpcTransport(ipcRenderer), { storageMirror: () => readStorageMirror(document) });

// contextBridge copies objects and proxies functions; the wx object is a plain frozen record of functions.
const bridged: Record<string, unknown> = { ...(wx as unknown as Record<string, unknown>) };

if (typeof contextBridge.executeInMainWorld === 'function') {
  contextBridge.executeInMainWorld({ func: installWxInMainWorld, args: [bridged] });
} else {
  // older Electron: the plain bridge (offAppShow/offAppHide then cannot match a listener by identity)
  contextBridge.exposeInMainWorld('wx', bridged);
}
