// Preload of the IPC bench page: only ipcRenderer.invoke, the same call the miniapp preload's transport makes.
// eslint-disable-next-line no-restricted-imports -- the IPC bench runs its own Electron processes
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('benchIpc', { invoke: (channel: string, message: unknown) => ipcRenderer.invoke(channel, message) });
