import { contextBridge, ipcRenderer } from 'electron';
import { createWx } from '../client';
import { installWx } from '../client/install-wx';
import { createDevtoolsReporter, createIpcTransport } from './miniapp-bridge';
import { DEVTOOLS_HOOK } from '../core/contracts/devtools';
import { captureStorageMirror } from './storage-mirror-reader';

/**
 * Preload of every mini program view (sandboxed, context-isolated, bundled to dist/preload/miniapp.cjs).
 * It builds `wx` on the IPC transport and installs it in the page's world with the same code the browser
 * host uses (client/install-wx); nothing else of Electron or Node reaches the page.
 */

// The Sync storage mirror main embedded in the page is taken the moment main's first script in the page
// says it is there, before the page's own scripts run (the document is not parsed yet at preload time).
// No synchronous IPC anywhere.
const wx = createWx(createIpcTransport(ipcRenderer), { storageMirror: captureStorageMirror(document) });

// contextBridge copies objects and proxies functions; the wx object is a plain frozen record of functions.
const bridged: Record<string, unknown> = { ...(wx as unknown as Record<string, unknown>) };

// installWx runs from its source text in the page's world (Electron 45's executeInMainWorld), so `wx` is
// an ordinary configurable property there and listener identity holds. exposeInMainWorld is not used: it
// defines a read-only, NON-configurable property, and `const wx = window.wx` at a script's top level then
// throws a SyntaxError.
contextBridge.executeInMainWorld({ func: installWx, args: [bridged] });

// The WeChat-format runtime's view reports exceptions, page stacks and setData traffic for the inspector here.
contextBridge.exposeInMainWorld(DEVTOOLS_HOOK, { report: createDevtoolsReporter(ipcRenderer) });
