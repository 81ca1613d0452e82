/** @jest-environment node */
// scripts/lib/next-server.mjs probeHttp/waitForHttp: how test set-ups wait for a server. Every attempt ends by its own
// deadline whatever the server does (answers, answers slowly, sends headers and then stalls, never answers).
import { createServer, type Server } from 'node:http';
import { probeHttp, waitForHttp } from '@/scripts/lib/next-server.mjs';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
}

test('resolves with the status once the whole answer has arrived', async () => {
  const url = await serve((_, response) => {
    response.writeHead(503, { 'content-type': 'text/plain' });
    response.end('not yet');
  });
  await expect(probeHttp(url, 2_000)).resolves.toBe(503);
});

test('a server that sends its headers and then stalls: rejects at the deadline', async () => {
  const url = await serve((_, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.write('partial');
  });
  const started = Date.now();
  await expect(probeHttp(url, 300)).rejects.toThrow('no answer within 300 ms');
  expect(Date.now() - started).toBeLessThan(2_000);
});

test('waitForHttp tries again after an attempt that stalled, and returns once the server answers', async () => {
  let requests = 0;
  const url = await serve((_, response) => {
    requests += 1;
    if (requests === 1) return; // the first request never gets an answer
    response.end('ok');
  });
  await expect(waitForHttp(url, { timeoutMs: 8_000 })).resolves.toBeUndefined();
  expect(requests).toBe(2);
});

test('waitForHttp gives up at its deadline with the last error', async () => {
  const url = await serve(() => undefined);
  const started = Date.now();
  await expect(waitForHttp(url, { timeoutMs: 600 })).rejects.toThrow(/did not answer within 600 ms: Error: no answer within \d+ ms/);
  expect(Date.now() - started).toBeLessThan(3_000);
});
