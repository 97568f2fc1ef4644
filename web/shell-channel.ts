import type { WebSocket } from 'ws';
import { z } from 'zod';
import { ShellCommandError } from '../core/contracts/services';
import { ShellError, ShellEvent } from '../core/contracts/shell-api';
import { ShellWireRequest, type ShellWireMessage } from '../core/contracts/shell-wire';
import { closeOnSocketError } from './socket-errors';
import { describeZodIssues } from '../core/contracts/zod-issues';

/**
 * The same messages as the contract's ShellWireMessage. That one is a discriminatedUnion with "result"
 * twice, which zod 4 rejects when it first parses ("Duplicate discriminator value"), so the host checks
 * what it sends with this plain union of the identical shapes.
 */
const OutgoingShellMessage = z.union([
  z.object({ kind: z.literal('result'), id: z.number().int(), ok: z.literal(true), output: z.unknown() }),
  z.object({ kind: z.literal('result'), id: z.number().int(), ok: z.literal(false), error: ShellError }),
  z.object({ kind: z.literal('event'), event: ShellEvent }),
]);

/** Largest frame the host sends to a shell page; anything bigger is refused with a readable error instead. */
export const MAX_SHELL_OUT_FRAME = 16 * 1024 * 1024;

/**
 * JSON text of an outgoing message, or why it cannot be sent: a value nested too deep for the serialiser
 * (RangeError), a cycle or a BigInt (TypeError), or a frame larger than the shell page should have to take.
 */
export function encodeShellFrame(message: unknown, maxBytes = MAX_SHELL_OUT_FRAME): { text: string } | { problem: string } {
  let text: string;
  try {
    text = JSON.stringify(message);
  } catch (error) {
    return { problem: `it cannot be encoded as JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  // UTF-16 length is at most the UTF-8 size times one, and at least a third of it: cheap first check
  if (text.length > maxBytes || (text.length * 3 > maxBytes && Buffer.byteLength(text) > maxBytes)) {
    return { problem: `it is ${Buffer.byteLength(text)} bytes, over the ${maxBytes}-byte limit of the shell channel` };
  }
  return { text };
}

export type CommandRunner = (command: string, input: unknown) => Promise<unknown>;

/** How one shell page sees outputs and events that differ per page (its own view URLs: web/frame-urls.ts). */
export interface PerPageView {
  output(page: WebSocket, command: string, output: unknown): unknown;
  event(page: WebSocket, event: ShellEvent): ShellEvent;
}

export interface ShellChannelOptions {
  /** the shell WebSocketServer's maxPayload, for the log line when a page exceeds it */
  maxPayload: number;
  perPage?: PerPageView;
}

/** What the shell UI is told when a command fails: ShellCommandError as-is, anything else as a host fault. */
export function shellErrorOf(command: string, error: unknown): { message: string; hint?: string } {
  if (error instanceof ShellCommandError) return error.hint ? { message: error.message, hint: error.hint } : { message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { message: `The host failed to run "${command}": ${message}`, hint: 'This is a bug in the host; the terminal running it has the details.' };
}

/**
 * The shell UI's WebSocket channel (core/contracts/shell-wire.ts): every command goes to the runtime's
 * shell service, every ShellEvent goes to every connected shell page. Both directions are parsed.
 */
export class ShellChannel {
  private readonly sockets = new Set<WebSocket>();

  constructor(
    private readonly run: CommandRunner,
    private readonly log: (message: string) => void,
    private readonly options: ShellChannelOptions,
  ) {}

  accept(socket: WebSocket): void {
    // First, before anything can fail: a bad frame must cost that page its socket, never the host.
    closeOnSocketError(
      socket,
      {
        who: 'shell channel',
        maxPayload: this.options.maxPayload,
        tooLargeHint: 'Shell commands are small; packages go through POST /shell/upload. Reload the shell page to reconnect.',
      },
      this.log,
    );
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => this.sockets.delete(socket));
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      void this.onMessage(socket, data.toString());
    });
  }

  broadcast(event: ShellEvent): void {
    if (this.sockets.size === 0) return;
    // Called from inside core (call log, sheets): a bad event is logged, never thrown back into a wx call.
    const checked = OutgoingShellMessage.safeParse({ kind: 'event', event });
    if (!checked.success) {
      this.log(`shell channel: dropped a malformed ${event.type} event: ${checked.error.message}`);
      return;
    }
    const perPage = this.options.perPage;
    const encoded = encodeShellFrame(checked.data);
    if ('problem' in encoded) {
      this.log(`shell channel: dropped a ${event.type} event: ${encoded.problem}`);
      return;
    }
    const checkedEvent = (checked.data as { event: ShellEvent }).event;
    for (const socket of this.sockets) {
      if (socket.readyState !== socket.OPEN) continue;
      // per page, only the view URLs differ from the event checked above
      const frame = perPage ? encodeShellFrame({ kind: 'event', event: perPage.event(socket, checkedEvent) }) : encoded;
      if ('text' in frame) socket.send(frame.text);
    }
  }

  closeAll(): void {
    for (const socket of this.sockets) socket.close(1001, 'host shutting down');
    this.sockets.clear();
  }

  get size(): number {
    return this.sockets.size;
  }

  private async onMessage(socket: WebSocket, text: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      this.log('shell channel: ignored a frame that is not JSON');
      return;
    }
    const request = ShellWireRequest.safeParse(json);
    if (!request.success) {
      const id = (json as { id?: unknown } | null)?.id;
      if (typeof id === 'number' && Number.isInteger(id)) {
        this.reply(socket, { kind: 'result', id, ok: false, error: { message: `Malformed shell request: ${describeZodIssues(request.error.issues, '(message)')}`, hint: 'The shell UI and host are out of date with each other; rebuild both.' } });
      } else {
        this.log('shell channel: ignored a malformed request without an id');
      }
      return;
    }
    const { id, command, input } = request.data;
    try {
      const raw = await this.run(command, input);
      const output = this.options.perPage ? this.options.perPage.output(socket, command, raw) : raw;
      this.reply(socket, { kind: 'result', id, ok: true, output });
    } catch (error) {
      if (!(error instanceof ShellCommandError)) this.log(`shell command ${command} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.reply(socket, { kind: 'result', id, ok: false, error: shellErrorOf(command, error) });
    }
  }

  private reply(socket: WebSocket, message: ShellWireMessage): void {
    if (socket.readyState !== socket.OPEN) return;
    const checked = OutgoingShellMessage.safeParse(message);
    const encoded = checked.success ? encodeShellFrame(checked.data) : undefined;
    if (encoded && 'text' in encoded) {
      socket.send(encoded.text);
      return;
    }
    // Never leave the shell UI waiting: a reply we cannot vouch for, or cannot send, becomes a failure it can show.
    this.log(`shell channel: refused to send a reply: ${encoded ? encoded.problem : checked.error?.message}`);
    if (message.kind === 'result') {
      const text = encoded ? `The host could not send its answer: ${encoded.problem}.` : 'The host produced an answer that does not match the shell API.';
      socket.send(JSON.stringify({ kind: 'result', id: message.id, ok: false, error: { message: text, hint: 'This is a bug in the host; the terminal running it has the details.' } }));
    }
  }
}
