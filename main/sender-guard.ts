import { originOf } from './app-scheme';

/**
 * Who is allowed to speak on which IPC channel. Identity comes from the transport only:
 * the webContents that sent the message (looked up in the host's own map, because
 * BrowserWindow.fromWebContents does not know WebContentsViews), the frame inside it (main frame
 * only: an iframe of a mini program is somebody else's page), and the URL that frame shows now
 * (a view that navigated away from its app no longer speaks for it).
 */

export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}

export interface IpcSenderEvent {
  readonly sender: { readonly id: number; readonly mainFrame: SenderFrame };
  readonly senderFrame: SenderFrame | null;
}

export type SenderVerdict<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The frame is the top document of its webContents. */
function isMainFrame(event: IpcSenderEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  return frame === event.sender.mainFrame || frame.parent === null;
}

/** A bridge call must come from the main frame of a known mini program view still showing its own origin. */
export function verifyBridgeSender<V extends { viewId: number; origin: string }>(
  event: IpcSenderEvent,
  lookup: (webContentsId: number) => V | undefined,
): SenderVerdict<V> {
  const view = lookup(event.sender.id);
  if (!view) return { ok: false, reason: `webContents ${event.sender.id} is not a mini program view` };
  if (!event.senderFrame) return { ok: false, reason: `view ${view.viewId}: the sending frame is gone (navigated or destroyed)` };
  if (!isMainFrame(event)) return { ok: false, reason: `view ${view.viewId}: a subframe (${event.senderFrame.url}) may not call the bridge` };
  const origin = originOf(event.senderFrame.url);
  if (origin !== view.origin) return { ok: false, reason: `view ${view.viewId}: frame shows ${origin ?? event.senderFrame.url}, not ${view.origin}` };
  return { ok: true, value: view };
}

/** A shell command must come from the shell view's own webContents, its main frame, on the shell page. */
export function verifyShellSender(event: IpcSenderEvent, shell: { webContentsId: number; origin: string } | undefined): SenderVerdict<true> {
  if (!shell || event.sender.id !== shell.webContentsId) return { ok: false, reason: `webContents ${event.sender.id} is not the shell view` };
  if (!event.senderFrame || !isMainFrame(event)) return { ok: false, reason: 'shell commands are accepted from the shell page only, not from a subframe' };
  const origin = originOf(event.senderFrame.url);
  if (origin !== shell.origin) return { ok: false, reason: `the shell view shows ${origin ?? event.senderFrame.url}, not ${shell.origin}` };
  return { ok: true, value: true };
}
