import type { WebSocket } from 'ws';

/** ws's code for a frame over the server's maxPayload (it closes the socket with 1009 Message Too Big). */
const TOO_LARGE = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';

/** Close code for an error ws did not already close the socket for (1011: the server hit an unexpected condition). */
export const SOCKET_ERROR_CLOSE = 1011;

export interface SocketErrorReport {
  /** who the socket belongs to, for the log: "bridge of view 3 (shop)", "shell channel" */
  who: string;
  /** the WebSocketServer's maxPayload for this socket */
  maxPayload: number;
  /** what the developer should do about a frame that was too large */
  tooLargeHint: string;
}

/**
 * Every socket the host accepts gets an 'error' listener. ws reports a peer's oversized or malformed frame
 * (over maxPayload, invalid UTF-8, a protocol violation) as an 'error' event on the server-side socket, and an
 * 'error' nobody listens to is an uncaught exception that ends the whole host: one bad page must only lose
 * its own socket. For those frames ws has already sent the close frame with the matching status (1009, 1007,
 * 1002; a reason cannot be added after it), so the listener logs what happened; any other error closes the
 * socket here with 1011 and a reason.
 */
export function closeOnSocketError(socket: WebSocket, report: SocketErrorReport, log: (message: string) => void): void {
  socket.on('error', (error: Error & { code?: string }) => {
    if (error.code === TOO_LARGE) {
      log(`${report.who}: closed the socket (1009): it sent a frame larger than ${report.maxPayload} bytes. ${report.tooLargeHint}`);
    } else {
      log(`${report.who}: closed the socket after a WebSocket error: ${error.message}${error.code ? ` (${error.code})` : ''}. The page reconnects if it can.`);
    }
    if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) {
      socket.close(SOCKET_ERROR_CLOSE, 'the host hit an error on this connection; reconnect');
    }
  });
}
