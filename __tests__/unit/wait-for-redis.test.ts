/** @jest-environment node */
// scripts/redis-bridge.mjs waitForRedis: every PING attempt is bounded, so a peer that accepts the connection and never
// answers cannot hold a test's set-up (or the bridge's start) past its deadline, and a later attempt can still succeed.
import { createServer, type Server, type Socket } from 'node:net';
import { waitForRedis } from '@/scripts/redis-bridge.mjs';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(onConnection: (socket: Socket, index: number) => void): Promise<{ url: string; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    onConnection(socket, sockets.length - 1);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `redis://127.0.0.1:${port}`, sockets };
}

test('a peer that accepts and never answers: rejects at the deadline, naming the silence', async () => {
  const { url, sockets } = await listen(() => {});
  const started = Date.now();
  await expect(waitForRedis({ redisUrl: url, timeoutMs: 2_500 })).rejects.toThrow(/did not answer within 2500 ms: Error: no answer to PING within 1000 ms/);
  const took = Date.now() - started;
  expect(took).toBeGreaterThanOrEqual(2_400);
  expect(took).toBeLessThan(6_000);
  // It gave up on each silent connection and tried again on a new one.
  expect(sockets.length).toBeGreaterThanOrEqual(2);
  for (const socket of sockets) socket.destroy();
});

test('a first connection left unanswered does not stop a later attempt from succeeding', async () => {
  const { url, sockets } = await listen((socket, index) => {
    if (index === 0) return; // silent, as a server still starting might be
    socket.on('data', (chunk) => {
      if (chunk.toString().includes('PING')) socket.write('+PONG\r\n');
    });
  });
  await expect(waitForRedis({ redisUrl: url, timeoutMs: 5_000 })).resolves.toBeUndefined();
  expect(sockets.length).toBe(2);
  for (const socket of sockets) socket.destroy();
});
