/** @jest-environment node */
// The store's Upstash client (lib/store/redis-client.ts) against a real HTTP server on a local port, on both of its
// transports (lib/store/transport.ts): the runtime's own fetch (never Next.js's patched copy) and node:http
// (lib/store/node-transport.ts, what instrumentation.ts registers on Node), each on kept-alive connections; plain
// (not base64) replies read as UTF-8 whatever their chunking, the read-your-writes token carried from one reply to the
// next request, retries of a failed connection, the deadline (never retried), and an empty error reply turned into an
// error.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRedisClient } from '@/lib/store/redis-client';
import { createUpstashKv } from '@/lib/store/kv';
import { nodePost } from '@/lib/store/node-transport';
import { fetchPost, registerStoreTransport, storeTransport, type Post } from '@/lib/store/transport';
import { resetProcessSingletons } from '@/lib/process-singleton';

type Call = { url: string; headers: http.IncomingHttpHeaders; body: unknown };
type Reply = (request: http.IncomingMessage, response: http.ServerResponse) => void;

const json =
  (body: unknown, headers: Record<string, string> = {}, status = 200): Reply =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };

let server: http.Server;
let base: string;
let replies: Reply[] = [];
let calls: Call[] = [];
let connections = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      calls.push({ url: request.url ?? '', headers: request.headers, body: JSON.parse(raw) });
      const next = replies.shift();
      if (!next) {
        response.writeHead(500).end('{"error":"no more replies"}');
        return;
      }
      next(request, response);
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(() => {
  replies = [];
  calls = [];
  connections = 0;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('fetch until a transport is registered, then the one registered', () => {
  resetProcessSingletons();
  expect(storeTransport()).toBe(fetchPost);
  registerStoreTransport(nodePost);
  expect(storeTransport()).toBe(nodePost);
  resetProcessSingletons();
});

describe.each<[string, Post]>([
  ['fetch', fetchPost],
  ['node:http', nodePost],
])('on %s', (name, post) => {
  beforeEach(() => registerStoreTransport(post));
  afterAll(() => resetProcessSingletons());

  test('commands go out as plain JSON with the token and the read-your-writes token, on one kept-alive connection', async () => {
    // Next.js's patched fetch keeps the runtime's own as _nextOriginalFetch; neither transport goes through the patch.
    const realFetch = globalThis.fetch;
    const patched = Object.assign(jest.fn(async () => new Response('{"result":"from the patched fetch"}')), { _nextOriginalFetch: realFetch });
    globalThis.fetch = patched as unknown as typeof fetch;
    try {
      replies = [json({ result: 'héllo' }, { 'upstash-sync-token': 'tok-1' }), json([{ result: 2 }, { result: 'x' }]), json({ result: 'OK' })];
      const redis = createRedisClient({ url: `${base}/`, token: 'secret' });
      await expect(redis.get<string>('k')).resolves.toBe('héllo');
      const pipeline = redis.pipeline();
      pipeline.incr('n');
      pipeline.get('x');
      await expect(pipeline.exec()).resolves.toEqual([2, 'x']);
      await expect(redis.set('k', 'v')).resolves.toBe('OK');
      expect(patched).not.toHaveBeenCalled();
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(calls.map((call) => call.url)).toEqual(['/', '/pipeline', '/']);
    expect(calls[0]?.body).toEqual(['get', 'k']);
    expect(calls[1]?.body).toEqual([['incr', 'n'], ['get', 'x']]);
    expect(calls[0]?.headers).toMatchObject({ authorization: 'Bearer secret', 'content-type': 'application/json' });
    expect(Object.keys(calls[0]?.headers ?? {})).not.toContain('upstash-encoding');
    expect(calls[0]?.headers['upstash-sync-token']).toBeUndefined();
    expect(calls[1]?.headers['upstash-sync-token']).toBe('tok-1');
    // Three requests, one TCP connection (undici may open a second one of its own accord).
    if (name === 'node:http') expect(connections).toBe(1);
    expect(connections).toBeLessThanOrEqual(2);
  });

  test('an auto-pipelined client and the key-value store send their batches the same way', async () => {
    // @upstash/redis's auto-pipeline proxy answers `client` with the client of a batch it made when the client was
    // built: the library's own transport (base64 replies, Next.js's patched fetch). The key-value store read it there.
    replies = [json([{ result: 'a' }, { result: 'b' }]), json([{ result: 1 }]), json([{ result: 'OK' }, { result: 'v' }])];
    const redis = createRedisClient({ url: base, token: 'secret', autoPipeline: true });
    await expect(Promise.all([redis.get<string>('x'), redis.get<string>('y')])).resolves.toEqual(['a', 'b']);
    await expect(redis.incr('n')).resolves.toBe(1);
    const kv = createUpstashKv({ url: base, token: 'secret', prefix: 't:' });
    await expect(kv.exec([['SET', 't:k', 'v'], ['GET', 't:k']])).resolves.toEqual(['OK', 'v']);
    expect(calls.map((call) => call.url)).toEqual(['/pipeline', '/pipeline', '/pipeline']);
    expect(calls[0]?.body).toEqual([['get', 'x'], ['get', 'y']]);
    expect(calls.map((call) => call.headers['upstash-encoding'])).toEqual([undefined, undefined, undefined]);
  });

  test('a reply whose UTF-8 is split across chunks is read whole', async () => {
    const text = 'é'.repeat(5) + '日本';
    const bytes = Buffer.from(JSON.stringify({ result: text }));
    replies = [
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        // Cut inside the first "é" (2 bytes) and inside "日" (3 bytes).
        const cuts = [12, bytes.indexOf(Buffer.from('日')) + 1];
        response.write(bytes.subarray(0, cuts[0]));
        setTimeout(() => {
          response.write(bytes.subarray(cuts[0], cuts[1]));
          setTimeout(() => response.end(bytes.subarray(cuts[1])), 5);
        }, 5);
      },
    ];
    await expect(createRedisClient({ url: base, token: 't' }).get<string>('k')).resolves.toBe(text);
  });

  test('a failed connection is retried; an empty error reply and an HTTP error are errors', async () => {
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

  test('a reply cut off mid-body is a failed connection, retried', async () => {
    replies = [
      (request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '64' });
        response.write('{"result":"par');
        setTimeout(() => request.socket.destroy(), 10);
      },
      json({ result: 'whole' }),
    ];
    await expect(createRedisClient({ url: base, token: 't', retries: 1 }).get('k')).resolves.toBe('whole');
    expect(calls).toHaveLength(2);
  });

  test('a store that does not answer fails at the deadline, without a retry', async () => {
    const held: http.ServerResponse[] = [];
    replies = [(_request, response) => held.push(response), json({ result: 'too late' })];
    const redis = createRedisClient({ url: base, token: 't', retries: 2, timeoutMs: 300 });
    const started = performance.now();
    await expect(redis.get('k')).rejects.toThrow(/did not answer within 300 ms/);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2_000);
    expect(calls).toHaveLength(1);
    for (const response of held) response.end();
  });

  test('a store that is not there is an error after the retries', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(createRedisClient({ url: `http://127.0.0.1:${port}`, token: 't', retries: 1 }).get('k')).rejects.toThrow(/ECONNREFUSED|fetch failed/);
  });
});
