/** @jest-environment node */
// The store's Upstash transport (lib/store/redis-client.ts): the runtime's own fetch rather than Next.js's patched
// copy, plain (not base64) replies, the read-your-writes token carried from one reply to the next request, retries of
// a failed connection, and an empty error reply turned into an error.
import { createRedisClient } from '@/lib/store/redis-client';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

type Call = { url: string; headers: Record<string, string>; body: unknown };

/** A patched global fetch (as Next.js installs it) whose original answers `replies` in turn. */
function installFetch(replies: (() => Response | Promise<Response>)[]) {
  const calls: Call[] = [];
  const original = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) }, body: JSON.parse(String(init?.body)) });
    const next = replies.shift();
    if (!next) throw new Error('no more replies');
    return next();
  });
  const patched = Object.assign(jest.fn(async () => new Response('{"result":"from the patched fetch"}')), { _nextOriginalFetch: original });
  globalThis.fetch = patched as unknown as typeof fetch;
  return { calls, original, patched };
}

const json = (body: unknown, headers: Record<string, string> = {}) => () => new Response(JSON.stringify(body), { headers });

test('commands go through the original fetch with plain replies and the read-your-writes token', async () => {
  const { calls, patched } = installFetch([json({ result: 'héllo' }, { 'upstash-sync-token': 'tok-1' }), json([{ result: 2 }, { result: 'x' }])]);
  const redis = createRedisClient({ url: 'http://store.test/', token: 'secret' });
  await expect(redis.get<string>('k')).resolves.toBe('héllo');
  const pipeline = redis.pipeline();
  pipeline.incr('n');
  pipeline.get('x');
  await expect(pipeline.exec()).resolves.toEqual([2, 'x']);
  expect(patched).not.toHaveBeenCalled();
  expect(calls.map((call) => call.url)).toEqual(['http://store.test', 'http://store.test/pipeline']);
  expect(calls[0]?.body).toEqual(['get', 'k']);
  expect(calls[0]?.headers).toMatchObject({ authorization: 'Bearer secret', 'content-type': 'application/json' });
  expect(Object.keys(calls[0]?.headers ?? {}).map((name) => name.toLowerCase())).not.toContain('upstash-encoding');
  expect(calls[0]?.headers['upstash-sync-token']).toBeUndefined();
  expect(calls[1]?.headers['upstash-sync-token']).toBe('tok-1');
});

test('a failed connection is retried; an empty error reply and an HTTP error are errors', async () => {
  const { calls } = installFetch([
    () => Promise.reject(new TypeError('fetch failed')),
    json({ result: 'OK' }),
    json({ error: '' }),
    () => new Response(JSON.stringify({ error: 'ERR wrong number of arguments' }), { status: 400 }),
  ]);
  const redis = createRedisClient({ url: 'http://store.test', token: 'secret' });
  await expect(redis.set('k', 'v')).resolves.toBe('OK');
  expect(calls).toHaveLength(2);
  await expect(redis.get('k')).rejects.toThrow(/empty error reply/);
  await expect(redis.get('k')).rejects.toThrow(/ERR wrong number of arguments/);
});

test('outside Next.js (no patched fetch) the global fetch itself is used', async () => {
  const plain = jest.fn(async () => new Response(JSON.stringify({ result: 'v' })));
  globalThis.fetch = plain as unknown as typeof fetch;
  await expect(createRedisClient({ url: 'http://store.test', token: 't' }).get('k')).resolves.toBe('v');
  expect(plain).toHaveBeenCalledTimes(1);
});
