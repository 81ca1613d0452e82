import type { IncomingMessage } from 'node:http';
import { PEER_HEADER, peerStamp } from './request';

/**
 * Stamps the TCP peer's address on the request, with the process's secret (lib/security/request.ts, `peerStamp`),
 * so that route handlers (which see no socket) can key limits on an address the client cannot forge. Any value the
 * client sent is overwritten, or removed when the socket has no address. Called from the server's request hook.
 */
export function stampPeerAddress(request: IncomingMessage): void {
  const address = request.socket.remoteAddress;
  if (address) request.headers[PEER_HEADER] = peerStamp(address);
  else delete request.headers[PEER_HEADER];
}
