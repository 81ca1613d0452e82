import type { IncomingMessage } from 'node:http';
import { PEER_HEADER } from './request';

/**
 * Stamps the TCP peer's address on the request, overwriting any value the client sent, so that route handlers (which
 * see no socket) can key limits on an address the client cannot forge. Called from the server's request hook.
 */
export function stampPeerAddress(request: IncomingMessage): void {
  const address = request.socket.remoteAddress;
  if (address) request.headers[PEER_HEADER] = address;
  else delete request.headers[PEER_HEADER];
}
