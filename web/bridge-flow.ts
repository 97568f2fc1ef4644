import type { WebSocket } from 'ws';

/**
 * How much of one bridge socket's traffic may be inside the host. Past any bound the socket stops reading
 * (TCP then pushes back on the page) until half of it is gone, so a page that floods the bridge, sends 1 MB
 * calls as fast as it can, or never reads its answers holds at most about this much in the host:
 *  - messages received and not yet answered, and their bytes (waiting in the socket's inbox for a turn, or
 *    parsed and in the dispatcher);
 *  - answers written to the socket that the page has not taken yet (they would otherwise queue in memory).
 * The request bytes bound is one largest call (1 MB): a page sending 1 MB calls back to back then has one
 * waiting at a time. With 8 MB (the bound before messages waited for turns) host RSS on the 1,000 x 1 MB soak
 * grew +118..+141 MB in four runs, against +36..+106 MB with 1 MB: every waiting big message outlives a turn.
 */
export const BRIDGE_FLOW_LIMITS = { calls: 64, requestBytes: 1024 * 1024, unsentBytes: 1024 * 1024 };

export class BridgeFlow {
  private calls = 0;
  private requestBytes = 0;
  private unsentBytes = 0;

  constructor(
    private readonly socket: WebSocket,
    private readonly limits = BRIDGE_FLOW_LIMITS,
  ) {}

  /** A message of `bytes` was received (it waits for its turn, then goes to the dispatcher). */
  received(bytes: number): void {
    this.calls++;
    this.requestBytes += bytes;
    this.check();
  }

  /** The message is handled: answered (the answer is handed to send()) or dropped. */
  answered(bytes: number): void {
    this.calls--;
    this.requestBytes -= bytes;
    this.check();
  }

  /** Sends a frame if the socket is still open, counting it until ws has written it out. */
  send(text: string): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    const bytes = text.length;
    this.unsentBytes += bytes;
    this.socket.send(text, () => {
      this.unsentBytes -= bytes;
      this.check();
    });
    this.check();
  }

  private check(): void {
    const { limits, socket } = this;
    const over = this.calls >= limits.calls || this.requestBytes >= limits.requestBytes || this.unsentBytes >= limits.unsentBytes;
    if (over) {
      if (!socket.isPaused) socket.pause();
      return;
    }
    const halfway = this.calls <= limits.calls / 2 && this.requestBytes <= limits.requestBytes / 2 && this.unsentBytes <= limits.unsentBytes / 2;
    if (socket.isPaused && halfway) socket.resume();
  }
}
