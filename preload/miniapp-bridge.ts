import type { IpcRenderer } from 'electron';
import type { WxTransport } from '../client';
import { ipcChannels } from '../core/contracts/ipc-channels';

/**
 * The wx client's transport over Electron IPC. The main process knows which view and frame sent
 * each call (identity never travels in the message); this side only carries envelopes.
 */
export function createIpcTransport(ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'send'>): WxTransport {
  return {
    request: (message) => ipcRenderer.invoke(ipcChannels.bridgeCall, message),
    onEvent(listener) {
      ipcRenderer.on(ipcChannels.bridgeEvent, (_event, envelope: unknown) => listener(envelope));
      // Main holds this document's events until it hears this (one-way, nothing waits for an answer):
      // an event sent before the listener above existed would be lost.
      ipcRenderer.send(ipcChannels.bridgeReady);
    },
  };
}

/** The view's inspector reports to main, one-way (main checks the sender as for a call). */
export function createDevtoolsReporter(ipcRenderer: Pick<IpcRenderer, 'send'>): (frame: unknown) => void {
  return (frame) => ipcRenderer.send(ipcChannels.bridgeDevtools, frame);
}
