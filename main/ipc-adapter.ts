import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import {
  CallId,
  ShellCommandError,
  WIRE_VERSION,
  shellCommands,
  type FailureEnvelope,
  type ResponseEnvelope,
  type ShellCommand,
} from '../core/contracts';
import { ipcChannels, type ShellCallResult } from '../core/contracts/ipc-channels';
import type { Logger } from './logger';
import { verifyBridgeSender, verifyShellSender, type IpcSenderEvent } from './sender-guard';

/**
 * Carries the two IPC conversations: mini program -> bridge (bridge:call) and shell UI -> shell API
 * (one shell:<command> channel each). The sender is checked before anything is parsed or run; the
 * runtime then parses the message itself. Nothing here decides what a command does.
 */

export interface IpcAdapterOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeListener'>;
  /** the running view that owns a webContents (the host's own map) */
  viewForWebContents(webContentsId: number): { viewId: number; origin: string } | undefined;
  /** the shell view's identity; undefined while it does not exist */
  shell(): { webContentsId: number; origin: string } | undefined;
  dispatchFromView(viewId: number, raw: unknown): Promise<ResponseEnvelope>;
  /** the view's current document listens for host events now (its preload said so) */
  bridgeReady(viewId: number): void;
  /** a view's inspector reports (one-way); returns why a frame was dropped */
  reportFromView(viewId: number, raw: unknown): { ok: true } | { ok: false; problem: string };
  handleCommand(command: string, input: unknown): Promise<unknown>;
  log: Logger;
}

/** A refusal the mini program can read, in WeChat's errMsg shape, keeping the call id so its promise settles. */
export function refusedEnvelope(raw: unknown, reason: string): FailureEnvelope {
  const message = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const id = CallId.safeParse(message.id);
  const api = typeof message.api === 'string' && /^[A-Za-z][\w.-]{0,127}$/.test(message.api) ? message.api : 'bridge';
  return { v: WIRE_VERSION, id: id.success ? id.data : null, ok: false, errMsg: `${api}:fail ${reason}` };
}

export function registerIpcHandlers(options: IpcAdapterOptions): () => void {
  const { ipcMain, log } = options;

  ipcMain.handle(ipcChannels.bridgeCall, async (event: IpcMainInvokeEvent, raw: unknown) => {
    const verdict = verifyBridgeSender(event as unknown as IpcSenderEvent, options.viewForWebContents);
    if (!verdict.ok) {
      log.warn(`bridge call refused: ${verdict.reason}`);
      return refusedEnvelope(raw, 'caller not allowed');
    }
    return options.dispatchFromView(verdict.value.viewId, raw);
  });

  // one-way, so ipcMain.on; the same sender check as a call: only the view's main frame on its own origin
  const onBridgeReady = (event: IpcMainEvent) => {
    const verdict = verifyBridgeSender(event as unknown as IpcSenderEvent, options.viewForWebContents);
    if (!verdict.ok) {
      log.warn(`bridge ready refused: ${verdict.reason}`);
      return;
    }
    options.bridgeReady(verdict.value.viewId);
  };
  ipcMain.on(ipcChannels.bridgeReady, onBridgeReady);

  // the inspector's reports: one-way, the same sender check, then the runtime parses and attributes them
  const onDevtools = (event: IpcMainEvent, raw: unknown) => {
    const verdict = verifyBridgeSender(event as unknown as IpcSenderEvent, options.viewForWebContents);
    if (!verdict.ok) {
      log.warn(`inspector report refused: ${verdict.reason}`);
      return;
    }
    const kept = options.reportFromView(verdict.value.viewId, raw);
    if (!kept.ok) log.warn(`view ${verdict.value.viewId}: dropped an inspector report: ${kept.problem}`);
  };
  ipcMain.on(ipcChannels.bridgeDevtools, onDevtools);

  const commands = Object.keys(shellCommands) as ShellCommand[];
  for (const command of commands) {
    ipcMain.handle(ipcChannels.shellCommand[command], async (event: IpcMainInvokeEvent, input: unknown): Promise<ShellCallResult> => {
      const verdict = verifyShellSender(event as unknown as IpcSenderEvent, options.shell());
      if (!verdict.ok) {
        log.warn(`shell command ${command} refused: ${verdict.reason}`);
        return { ok: false, error: { message: `"${command}" is only accepted from the shell window.`, hint: 'Mini programs talk to the host through wx, not the shell API.' } };
      }
      try {
        // the runtime parses the input with the command's schema and parses its own output
        return { ok: true, output: await options.handleCommand(command, input) };
      } catch (error) {
        return { ok: false, error: describeError(error, command, log) };
      }
    });
  }

  return () => {
    ipcMain.removeHandler(ipcChannels.bridgeCall);
    ipcMain.removeListener(ipcChannels.bridgeReady, onBridgeReady);
    ipcMain.removeListener(ipcChannels.bridgeDevtools, onDevtools);
    for (const command of commands) ipcMain.removeHandler(ipcChannels.shellCommand[command]);
  };
}

function describeError(error: unknown, command: string, log: Logger): { message: string; hint?: string } {
  if (error instanceof ShellCommandError || (error instanceof Error && error.name === 'ShellCommandError')) {
    const hint = (error as ShellCommandError).hint;
    return hint === undefined ? { message: error.message } : { message: error.message, hint };
  }
  const message = error instanceof Error ? error.message : String(error);
  log.error(`shell command ${command} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
  return { message: `${command} failed: ${message}`, hint: 'Try again; if it keeps failing, the host log has the details.' };
}
