import { z } from 'zod';
import { ShellError, shellCommands, type ShellCommand } from './shell-api';

/**
 * Every Electron IPC channel in one table. main/ registers handlers from it and both preloads
 * call through it, so a channel name can never drift between the two sides of the bridge.
 * The browser host does not use these: it carries the same messages over its WebSocket.
 */

export type ShellCommandChannel<C extends ShellCommand = ShellCommand> = `shell:${C}`;

function commandChannels(): { readonly [C in ShellCommand]: ShellCommandChannel<C> } {
  const table: Record<string, string> = {};
  for (const command of Object.keys(shellCommands)) table[command] = `shell:${command}`;
  return table as { readonly [C in ShellCommand]: ShellCommandChannel<C> };
}

export const ipcChannels = {
  /** shell UI -> main, one invoke channel per shell command (e.g. "shell:launch") */
  shellCommand: commandChannels(),
  /** main -> shell UI: every ShellEvent */
  shellEvent: 'shell:event',
  /** mini program -> main, invoke: a RequestEnvelope, answered with a ResponseEnvelope */
  bridgeCall: 'bridge:call',
  /** main -> mini program: an EventEnvelope (appShow, appHide, storageChanged) */
  bridgeEvent: 'bridge:event',
  /** mini program -> main, one-way, once per document: its preload now listens on bridgeEvent */
  bridgeReady: 'bridge:ready',
  /** mini program -> main, one-way: a DevtoolsFrame of inspector reports (core/contracts/devtools.ts) */
  bridgeDevtools: 'bridge:devtools',
} as const;

export type IpcChannel =
  | ShellCommandChannel
  | typeof ipcChannels.shellEvent
  | typeof ipcChannels.bridgeCall
  | typeof ipcChannels.bridgeEvent
  | typeof ipcChannels.bridgeReady
  | typeof ipcChannels.bridgeDevtools;

/** Every channel name, for registering and removing handlers in one loop. */
export const allIpcChannels: readonly IpcChannel[] = [
  ...Object.values(ipcChannels.shellCommand),
  ipcChannels.shellEvent,
  ipcChannels.bridgeCall,
  ipcChannels.bridgeEvent,
  ipcChannels.bridgeReady,
  ipcChannels.bridgeDevtools,
];

/**
 * Not a channel but the same kind of agreement between main and the mini program preload: the id of
 * the <script type="application/json"> element, first in <head>, that carries the Sync storage mirror.
 */
export const STORAGE_MIRROR_ELEMENT_ID = 'superapp-storage-mirror';
/**
 * Right after that element main places `<script src=STORAGE_MIRROR_SCRIPT_PATH>`: the page's first script,
 * served by main, whose only job is to fire STORAGE_MIRROR_EVENT on the document. The preload takes the
 * mirror at that moment, before any of the page's own scripts could have touched <head>.
 */
export const STORAGE_MIRROR_SCRIPT_PATH = '/__superapp__/storage-mirror.js';
export const STORAGE_MIRROR_EVENT = 'superapp:storage-mirror';

/**
 * What a shell command channel answers. Errors travel as data, not as a thrown Error, because
 * Electron flattens an Error thrown by an ipcMain.handle handler into one message string and the
 * user-facing `hint` would be lost.
 */
export const ShellCallResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), output: z.unknown() }),
  z.object({ ok: z.literal(false), error: ShellError }),
]);
export type ShellCallResult = z.infer<typeof ShellCallResult>;

export function isShellCommand(name: string): name is ShellCommand {
  return Object.prototype.hasOwnProperty.call(shellCommands, name);
}
