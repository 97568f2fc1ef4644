import { ShellEvent, shellCommands, type ShellApi, type ShellCommand, type ShellInput, type ShellOutput } from '../../core/contracts/shell-api';
import { ShellCallError, toErrorInfo } from '../lib/errors';

/** What a host hands the renderer before any checking: Electron's preload object or the WebSocket transport. */
export interface RawShellTransport {
  call(command: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
}

export type WarnFn = (message: string, detail?: unknown) => void;

/**
 * The renderer trusts nothing that crosses the process boundary: every output is parsed with its
 * command's schema and every event with ShellEvent; failures become ShellCallError { message, hint }.
 */
export function typedShellApi(raw: RawShellTransport, warn: WarnFn = (m, d) => console.warn(m, d)): ShellApi {
  return {
    async call<C extends ShellCommand>(command: C, input: ShellInput<C>): Promise<ShellOutput<C>> {
      let output: unknown;
      try {
        output = await raw.call(command, input);
      } catch (error) {
        const info = toErrorInfo(error);
        throw new ShellCallError(info.message, info.hint);
      }
      const parsed = shellCommands[command].output.safeParse(output);
      if (!parsed.success) {
        warn(`shell: unexpected output for ${command}`, parsed.error.issues);
        throw new ShellCallError(
          `The host answered "${command}" with data the shell does not understand.`,
          'The host and the shell UI may be from different builds: rebuild (npm run build) and restart the host.',
        );
      }
      return parsed.data as ShellOutput<C>;
    },
    onEvent(listener: (event: ShellEvent) => void): () => void {
      return raw.onEvent((event) => {
        const parsed = ShellEvent.safeParse(event);
        if (!parsed.success) {
          warn('shell: ignored a malformed event from the host', parsed.error.issues);
          return;
        }
        listener(parsed.data);
      });
    },
  };
}
