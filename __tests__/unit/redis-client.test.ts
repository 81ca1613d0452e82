/** @jest-environment node */
// The store's Upstash transport (lib/store/redis-client.ts) against a real HTTP server: node:http with keep-alive
// rather than fetch (Next.js's patched copy or any other), plain (not base64) replies, the read-your-writes token
// carried from one reply to the next request, retries of a failed connection but not of a timeout, and an empty error
// reply turned into an error.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRedisClient } from '@/lib/store/redis-client';

type Call = { url: string; headers: IncomingMessage['headers']; body: unknown };
type Reply = (request: IncomingMessage, response: ServerResponse) => void;

let server: http.Server;
let base = '';
let replies: Reply[] = [];
const calls: Call[] = [];
let connections = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      calls.push({ url: request.url ?? '', headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      const next = replies.shift();
      if (next) next(request, response);
      else response.writeHead(500).end('{"error":"no more replies"}');
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  calls.length = 0;
  replies = [];
  connections = 0;
});

const json =
  (body: unknown, headers: Record<string, string> = {}, status = 200): Reply =>
  (_request, response) =>
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

test('commands are POSTed with plain replies and the read-your-writes token, over one kept-alive connection', async () => {
  replies = [json({ result: 'héllo' }, { 'upstash-sync-token': 'tok-1' }), json([{ result: 2 }, { result: 'x' }]), json({ result: 'OK' })];
  const redis = createRedisClient({ url: `${base}/`, token: 'secret' });
  await expect(redis.get<string>('k')).resolves.toBe('héllo');
  const pipeline = redis.pipeline();
  pipeline.incr('n');
  pipeline.get('x');
  await expect(pipeline.exec()).resolves.toEqual([2, 'x']);
  await expect(redis.set('long', 'ü'.repeat(50_000))).resolves.toBe('OK');
  expect(calls.map((call) => call.url)).toEqual(['/', '/pipeline', '/']);
  expect(calls[0]?.body).toEqual(['get', 'k']);
  expect(calls[0]?.headers).toMatchObject({ authorization: 'Bearer secret', 'content-type': 'application/json' });
  expect(Object.keys(calls[0]?.headers ?? {})).not.toContain('upstash-encoding');
  expect(calls[0]?.headers['upstash-sync-token']).toBeUndefined();
  expect(calls[1]?.headers['upstash-sync-token']).toBe('tok-1');
  // A multi-byte body arrives whole (its content-length counts bytes, not characters).
  expect(calls[2]?.body).toEqual(['set', 'long', 'ü'.repeat(50_000)]);
  expect(connections).toBe(1);
});

test('a dropped connection is retried; an empty error reply and an HTTP error are errors', async () => {
  replies = [
    (request) => request.socket.destroy(),
    json({ result: 'OK' }),
    json({ error: '' }),
    json({ error: 'ERR wrong number of arguments' }, {}, 400),
  ];
  const redis = createRedisClient({ url: base, token: 'secret' });
  await expect(redis.set('k', 'v')).resolves.toBe('OK');
  expect(calls).toHaveLength(2);
  await expect(redis.get('k')).rejects.toThrow(/empty error reply/);
  await expect(redis.get('k')).rejects.toThrow(/ERR wrong number of arguments/);
});

test('a store that does not answer fails the request after its deadline, without a retry', async () => {
  replies = [() => undefined];
  const redis = createRedisClient({ url: base, token: 'secret' });
  const started = Date.now();
  await expect(redis.get('k')).rejects.toThrow(/did not answer within 2500 ms/);
  expect(Date.now() - started).toBeGreaterThanOrEqual(2_400);
  expect(calls).toHaveLength(1);
});

test('fetch is not used: neither Next.js’s patched copy nor the runtime’s', async () => {
  const realFetch = globalThis.fetch;
  const patched = Object.assign(jest.fn(), { _nextOriginalFetch: jest.fn() });
  globalThis.fetch = patched as unknown as typeof fetch;
  try {
    replies = [json({ result: 'v' })];
    await expect(createRedisClient({ url: base, token: 't' }).get('k')).resolves.toBe('v');
    expect(patched).not.toHaveBeenCalled();
    expect(patched._nextOriginalFetch).not.toHaveBeenCalled();
  } finally {
    globalThis.fetch = realFetch;
  }
});
