import { PEER_HEADER, peerStamp } from '@/lib/security/request';

/**
 * The peer header as the Node server's request hook stamps it (lib/security/peer-address.ts): `address` as the
 * socket's peer, with this process's secret. A test that calls a route handler directly spreads it into the request's
 * headers; the bare header a client could send is ignored.
 */
export function peerHeader(address: string): Record<typeof PEER_HEADER, string> {
  return { [PEER_HEADER]: peerStamp(address) };
}
