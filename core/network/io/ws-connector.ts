import type { IncomingMessage } from 'node:http';
import type { LookupFunction } from 'node:net';
import WebSocket from 'ws';

/**
 * The one WebSocket client both hosts use for wx.connectSocket (the `ws` package; Node's own WebSocket
 * takes no custom lookup). This is the only file of core/ that may import `ws` (.dependency-cruiser.cjs):
 * it is the host-side I/O of a host-neutral feature, shared so the two hosts cannot drift apart.
 */

export interface SocketEvents {
  open(response: IncomingMessage | undefined): void;
  message(data: string | Buffer): void;
  error(message: string, code?: string): void;
  close(code: number, reason: string): void;
}

export interface SocketConnection {
  send(data: string | Buffer): Promise<void>;
  close(code?: number, reason?: string): void;
  readonly isOpen: boolean;
}

export interface SocketConnectOptions {
  headers: Record<string, string>;
  protocols?: string[];
  perMessageDeflate: boolean;
  handshakeTimeoutMs: number;
  lookup: LookupFunction;
  ca?: string[];
  maxPayload: number;
}

export type SocketConnector = (url: URL, options: SocketConnectOptions, events: SocketEvents) => SocketConnection;

export const wsConnector: SocketConnector = (url, options, events) => {
  const ws = new WebSocket(url, options.protocols ?? [], {
    headers: options.headers,
    perMessageDeflate: options.perMessageDeflate,
    handshakeTimeout: options.handshakeTimeoutMs,
    lookup: options.lookup,
    maxPayload: options.maxPayload,
    followRedirects: false,
    ...(options.ca ? { ca: options.ca } : {}),
  });
  let response: IncomingMessage | undefined;
  ws.on('upgrade', (res) => (response = res));
  ws.on('open', () => events.open(response));
  ws.on('message', (data, isBinary) => {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    events.message(isBinary ? bytes : bytes.toString('utf8'));
  });
  ws.on('error', (error: Error & { code?: string }) => events.error(error.message, error.code));
  ws.on('close', (code, reason) => events.close(code, reason.toString('utf8')));
  return {
    get isOpen() {
      return ws.readyState === WebSocket.OPEN;
    },
    send: (data) =>
      new Promise((resolve, reject) => {
        ws.send(data, { binary: typeof data !== 'string' }, (error) => (error ? reject(error) : resolve()));
      }),
    close(code, reason) {
      if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
      else ws.close(code, reason);
    },
  };
};
