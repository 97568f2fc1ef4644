import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { ShellCallResult, ipcChannels, isShellCommand } from '../core/contracts/ipc-channels';

/**
 * window.superappShell for the shell UI: call(command, input) over the command's own invoke channel,
 * onEvent(listener) for host events. The renderer parses every output and event with the shell API
 * schemas; this side checks the channel table and unwraps the host's { ok, output | error } answer.
 *
 * A failure rejects with a plain { name, message, hint } object, not an Error: contextBridge keeps
 * only an Error's message, and the hint (what the user should do) must reach the UI.
 */
export interface ExposedShellApi {
  call(command: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
}

export function createShellBridge(ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): ExposedShellApi {
  return {
    async call(command, input) {
      if (typeof command !== 'string' || !isShellCommand(command)) {
        throw { name: 'ShellCommandError', message: `Unknown shell command "${String(command)}"`, hint: 'The shell UI and the host are from different builds; rebuild both.' };
      }
      const answer = ShellCallResult.safeParse(await ipcRenderer.invoke(ipcChannels.shellCommand[command], input ?? {}));
      if (!answer.success) throw { name: 'ShellCommandError', message: `The host answered "${command}" in an unexpected shape.`, hint: 'Rebuild (npm run build) and restart the app.' };
      if (!answer.data.ok) throw { name: 'ShellCommandError', ...answer.data.error };
      return answer.data.output;
    },
    onEvent(listener) {
      if (typeof listener !== 'function') throw new TypeError('superappShell.onEvent: listener must be a function');
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(ipcChannels.shellEvent, forward);
      return () => {
        ipcRenderer.removeListener(ipcChannels.shellEvent, forward);
      };
    },
  };
}
