/** @jest-environment node */
// The TTS rate limit and the cache (POST /api/v1/tts, real redis-server behind the Upstash bridge, the Smallest.ai
// stand-in): a cached phrase costs no provider call, so it is served on this instance's window without waiting for
// Redis's verdict, and Redis still counts it; speech that calls the provider waits for the full verdict; the window
// still refuses cached phrases past the limit. Between the app and the bridge, a proxy that can hold the limiter's
// requests (those that touch the `rl:tts` keys) shows what waits for Redis and what does not.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from '@upstash/redis';
import { startSmallestStandIn } from '@/scripts/standins/smallest-server.mjs';
import { readSseFrames } from '@/lib/voice/sse-frames';
import { startRedis, type RedisHarness } from '../support/redis';
import { TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

type Route = typeof import('@/app/api/v1/tts/route');

const PREFIX = 'ttslimit:';
const API_KEY = 'smallest-test-key';
const LIMIT = 4;
let redisHarness: RedisHarness;
let standIn: Awaited<ReturnType<typeof startSmallestStandIn>>;
let proxy: http.Server;
let route: Route;
let redis: Redis;

/** The limiter's requests wait here while `held` is set; the rest pass at once. */
let held: Promise<void> | null = null;
let release: () => void = () => undefined;
let limiterRequests = 0;
let limiterRequestsAnswered = 0;
function hold(): void {
  held = new Promise((resolve) => (release = () => {
    held = null;
    resolve();
  }));
}

beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  [redisHarness, standIn] = await Promise.all([startRedis(), startSmallestStandIn({ apiKey: API_KEY, chunks: 3, chunkIntervalMs: 5 })]);
  proxy = http.createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (chunk: Buffer) => parts.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(parts);
      const isLimiter = body.includes(`${PREFIX}rl:tts`);
      if (isLimiter) limiterRequests += 1;
      const forward = async () => {
        if (isLimiter && held) await held;
        const answer = await fetch(`${redisHarness.bridgeUrl}${request.url ?? '/'}`, {
          method: request.method,
          headers: { authorization: request.headers.authorization ?? '', 'content-type': request.headers['content-type'] ?? 'application/json' },
          ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body }),
        });
        const text = Buffer.from(await answer.arrayBuffer());
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        response.end(text);
        if (isLimiter) limiterRequestsAnswered += 1;
      };
      forward().catch((error: unknown) => {
        response.writeHead(502);
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, {
    SMALLEST_API_KEY: API_KEY,
    SMALLEST_BASE_URL: standIn.url,
    UPSTASH_REDIS_REST_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    UPSTASH_REDIS_REST_TOKEN: redisHarness.token,
    STORE_KEY_PREFIX: PREFIX,
    TTS_SAMPLE_RATE: '16000',
    SESSION_SECRET: TEST_SESSION_SECRET,
    RATE_LIMIT_TTS: `${LIMIT}/1m`,
  });
  delete process.env.OPENAI_API_KEY;
  delete process.env.TTS_PROVIDER;
  route = await import('@/app/api/v1/tts/route');
  redis = new Redis({ url: redisHarness.bridgeUrl, token: redisHarness.token, automaticDeserialization: false, enableTelemetry: false });
}, 30_000);

afterAll(async () => {
  release();
  await new Promise<void>((resolve) => proxy?.close(() => resolve()));
  await Promise.all([standIn?.close(), redisHarness?.stop()]);
});

/** Each test is its own visitor at its own address (the last X-Forwarded-For hop, as a platform sets it). */
async function post(text: string, authorization: string, ip: string): Promise<Response> {
  return route.POST(
    new Request('http://localhost/api/v1/tts', {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ text }),
    }),
  );
}

async function events(response: Response): Promise<string[]> {
  const names: string[] = [];
  if (!response.body) throw new Error('no body');
  for await (const frame of readSseFrames(response.body)) names.push(frame.event);
  return names;
}

/** What the limiter has counted in Redis for this visitor: the sliding window's counters under its key. */
async function countedInRedis(visitorId: string): Promise<number> {
  const keys = await redis.keys(`${PREFIX}rl:tts:v:${visitorId}*`);
  let total = 0;
  for (const key of keys) total += Number((await redis.get(key)) ?? 0);
  return total;
}

const ttsCalls = () => standIn.requests.filter((request) => request.path === '/waves/v1/tts/live').length;

test('a cached phrase is answered while the limiter is still waiting for Redis, and Redis counts it all the same', async () => {
  const { authorization, visitorId } = await visitorHeaders();
  const text = 'Thanks for your interest in Northwind Cloud.';
  expect(await events(await post(text, authorization, '203.0.113.1'))).toEqual(['format', 'audio', 'audio', 'audio', 'done']);
  expect(ttsCalls()).toBe(1);
  expect(await countedInRedis(visitorId)).toBe(1);

  hold();
  const before = limiterRequests;
  const answered = limiterRequestsAnswered;
  // Redis is let go after 1.2 s at the latest: a route that waited for it would be answered only then (the limiter
  // itself gives up on Redis at 1.5 s and decides in process).
  let letGoByTimer = false;
  const timer = setTimeout(() => {
    letGoByTimer = true;
    release();
  }, 1_200);
  const response = await post(text, authorization, '203.0.113.1');
  clearTimeout(timer);
  // Answered while no request of the limiter's had been answered by Redis (any that arrives is held).
  expect(letGoByTimer).toBe(false);
  expect(response.status).toBe(200);
  expect(limiterRequestsAnswered).toBe(answered);
  expect(response.headers.get('ratelimit')).toMatch(/"tts-visitor";r=2;/);
  release();
  expect(await events(response)).toEqual(['format', 'audio', 'audio', 'audio', 'done']);
  expect(ttsCalls()).toBe(1);
  for (let i = 0; i < 50 && (await countedInRedis(visitorId)) < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(limiterRequests).toBeGreaterThan(before);
  expect(await countedInRedis(visitorId)).toBe(2);
});

test("speech that calls the provider waits for Redis's verdict", async () => {
  const { authorization } = await visitorHeaders();
  const calls = ttsCalls();
  hold();
  const before = limiterRequests;
  let settled = false;
  const pending = post('A sentence nobody has asked for before.', authorization, '203.0.113.2').finally(() => {
    settled = true;
  });
  for (let i = 0; i < 100 && limiterRequests === before; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(limiterRequests).toBeGreaterThan(before);
  await new Promise((resolve) => setTimeout(resolve, 150));
  // No answer and no provider call before the verdict.
  expect(settled).toBe(false);
  expect(ttsCalls()).toBe(calls);
  release();
  const response = await pending;
  expect(response.status).toBe(200);
  expect(await events(response)).toEqual(['format', 'audio', 'audio', 'audio', 'done']);
  expect(ttsCalls()).toBe(calls + 1);
});

test('cached phrases still count against the window: past the limit, a typed 429 with Retry-After', async () => {
  const { authorization } = await visitorHeaders();
  const text = 'Thanks for your interest in Northwind Cloud.';
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT; i++) {
    const response = await post(text, authorization, '203.0.113.3');
    statuses.push(response.status);
    await events(response);
  }
  expect(statuses).toEqual(Array(LIMIT).fill(200));
  const refused = await post(text, authorization, '203.0.113.3');
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited:voice', message: expect.stringMatching(/Too many requests/) } });
});
