import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveFastRoute, type WebHandler } from '@/lib/fast-routes';

/**
 * A real HTTP server answering every request through lib/fast-routes.ts's `serveFastRoute` with the handler `current()`
 * returns at that moment (tests swap it per case). `base` is its address; `close()` ends it and its connections.
 */
export async function startFastRouteServer(current: () => WebHandler): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => void serveFastRoute(current(), request, response, { https: false }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
