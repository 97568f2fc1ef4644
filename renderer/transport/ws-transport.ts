import { z } from 'zod';
import { ShellWireMessage, type ShellWireRequest } from '../../core/contracts/shell-wire';
import { ShellCallError } from '../lib/errors';
import type { RawShellTransport } from './typed-api';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface SocketHandlers {
  open(): void;
  message(data: unknown): void;
  close(): void;
}

export interface SocketHandle {
  send(data: string): void;
  close(): void;
}

export interface WsTransportOptions {
  url: string;
  /** the browser's WebSocket in the page, a fake in tests */
  openSocket(url: string, handlers: SocketHandlers): SocketHandle;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  random?: () => number;
  warn?: (message: string, detail?: unknown) => void;
}

export interface WsTransport extends RawShellTransport {
  readonly state: ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** stops for good (page unload); pending calls fail */
  close(): void;
}

/** Reconnect delays grow 250 ms, 500 ms, 1 s... up to 5 s, with ±20 % jitter so many tabs do not retry in step. */
/**
 * ShellWireMessage is declared as a discriminated union on `kind`, but two members share kind
 * "result", which zod 4 refuses at parse time ("Duplicate discriminator value"). A plain union of
 * the very same member schemas accepts exactly the same messages.
 */
const IncomingMessage = z.union(ShellWireMessage.options);

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(5000, 250 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random()));
}

interface Outgoing {
  id: number;
  command: string;
  input: unknown;
  resolve(output: unknown): void;
  reject(error: Error): void;
}

export function createWsTransport(options: WsTransportOptions): WsTransport {
  const warn = options.warn ?? ((m: string, d?: unknown) => console.warn(m, d));
  const random = options.random ?? Math.random;
  const eventListeners = new Set<(event: unknown) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  /** sent, waiting for an answer */
  const pending = new Map<number, Outgoing>();
  /** asked while disconnected: sent as soon as the socket opens */
  let outbox: Outgoing[] = [];
  let socket: SocketHandle | undefined;
  let state: ConnectionState = 'connecting';
  let attempt = 0;
  let nextId = 1;
  let timer: unknown;

  const setState = (next: ConnectionState): void => {
    if (state === next) return;
    state = next;
    for (const listener of [...stateListeners]) {
      try {
        listener(next);
      } catch (error) {
        warn('shell: connection listener failed', error);
      }
    }
  };

  const send = (item: Outgoing): void => {
    const request: ShellWireRequest = { kind: 'call', id: item.id, command: item.command, input: item.input };
    pending.set(item.id, item);
    try {
      socket?.send(JSON.stringify(request));
    } catch (error) {
      pending.delete(item.id);
      item.reject(new ShellCallError(`Could not send "${item.command}" to the shell host.`, 'The connection dropped; wait for it to come back and try again.'));
      warn('shell: send failed', error);
    }
  };

  const onMessage = (data: unknown): void => {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      warn('shell: ignored a message that is not JSON');
      return;
    }
    const parsed = IncomingMessage.safeParse(json);
    if (!parsed.success) {
      warn('shell: ignored a malformed message from the host', parsed.error.issues);
      return;
    }
    const message = parsed.data;
    if (message.kind === 'event') {
      for (const listener of [...eventListeners]) {
        try {
          listener(message.event);
        } catch (error) {
          warn('shell: event listener failed', error);
        }
      }
      return;
    }
    const item = pending.get(message.id);
    if (!item) return;
    pending.delete(message.id);
    if (message.ok) item.resolve(message.output);
    else item.reject(new ShellCallError(message.error.message, message.error.hint));
  };

  const connect = (): void => {
    timer = undefined;
    let current: SocketHandle | undefined;
    let done = false;
    const handlers: SocketHandlers = {
      open: () => {
        if (done || socket !== current) return;
        attempt = 0;
        setState('open');
        const queued = outbox;
        outbox = [];
        for (const item of queued) send(item);
      },
      message: (data) => {
        if (!done && socket === current) onMessage(data);
      },
      close: () => {
        if (done) return;
        done = true;
        if (socket === current) socket = undefined;
        // The host may or may not have run what was in flight; never replay it (install, pay...), just say so.
        for (const item of pending.values()) {
          item.reject(new ShellCallError(
            `Lost the connection to the shell host before it answered "${item.command}".`,
            'The shell is reconnecting. Check whether it took effect, then try again if needed.',
          ));
        }
        pending.clear();
        if (state === 'closed') return;
        setState('reconnecting');
        timer = options.setTimer(connect, backoffDelay(attempt++, random));
      },
    };
    try {
      current = options.openSocket(options.url, handlers);
      socket = current;
    } catch (error) {
      warn('shell: could not open the connection', error);
      handlers.close();
    }
  };

  connect();

  return {
    get state() {
      return state;
    },
    call(command: string, input: unknown): Promise<unknown> {
      return new Promise((resolve, reject) => {
        if (state === 'closed') {
          reject(new ShellCallError('The shell connection is closed.', 'Reload the page to reconnect.'));
          return;
        }
        const item: Outgoing = { id: nextId++, command, input, resolve, reject };
        if (state === 'open' && socket) send(item);
        else outbox.push(item);
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close() {
      setState('closed');
      if (timer !== undefined) options.clearTimer(timer);
      const all = [...pending.values(), ...outbox];
      pending.clear();
      outbox = [];
      for (const item of all) item.reject(new ShellCallError('The shell connection is closed.', 'Reload the page to reconnect.'));
      socket?.close();
      socket = undefined;
    },
  };
}
