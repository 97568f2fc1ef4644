import type { RequestEnvelope } from '../core/contracts/wire';

/**
 * How the wx client reaches its host: Electron's preload (IPC) or the browser host's WebSocket.
 * A transport only carries messages; the client parses whatever comes back with the wire schemas,
 * so a transport can stay dumb and a broken one shows up as "<api>:fail bridge error: …".
 */
export interface WxTransport {
  /**
   * sends one request; resolves with the host's response envelope (unparsed). `json` is the request already
   * serialised by the caller (it measured it), so a text transport need not serialise it again.
   */
  request(msg: RequestEnvelope, json?: string): Promise<unknown>;
  /** host -> mini program events (app show/hide, storage changes), unparsed */
  onEvent(listener: (event: unknown) => void): void;
}
