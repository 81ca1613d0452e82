/** @jest-environment node */
// The in-process backstop of the rate limits (lib/security/rate-limit.ts) against real Redis behind a proxy that
// answers some requests after the limiter's deadline. A late answer has already been counted by Redis; deciding those
// requests in process alone let up to twice the limit through (seen in CI: 40 of 200 with a limit of 20).
import http from 'node:http';
import { resetProcessSingletons } from '@/lib/process-singleton';
import { startRedis, type RedisHarness } from '../support/redis';

jest.setTimeout(60_000);

let redis: RedisHarness;
let proxy: http.Server;
let slow = false;

beforeAll(async () => {
  redis = await startRedis();
  // Forwards to the bridge; while `slow`, answers 2 s late (after the limiter's 1.5 s deadline).
  proxy = http.createServer((request, response) => {
    const delay = slow ? 2_000 : 0;
    const target = new URL(request.url ?? '/', redis.bridgeUrl);
    const upstream = http.request(target, { method: request.method, headers: { ...request.headers, host: target.host } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () =>
        setTimeout(() => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          response.end(Buffer.concat(chunks));
        }, delay),
      );
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as { port: number };
  process.env.UPSTASH_REDIS_REST_URL = `http://127.0.0.1:${port}`;
  process.env.UPSTASH_REDIS_REST_TOKEN = redis.token;
  process.env.STORE_KEY_PREFIX = 'rlb:';
  process.env.RATE_LIMIT_CHAT = '10/1m';
});

afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  await redis?.stop();
});

beforeAll(() => resetProcessSingletons());

async function burst(ip: string, count: number): Promise<{ admitted: number; degraded: number }> {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { enforceRateLimit } = await import('@/lib/security/rate-limit');
  const outcomes = await Promise.allSettled(Array.from({ length: count }, () => enforceRateLimit('chat', { ip })));
  const admitted = outcomes.filter((outcome) => outcome.status === 'fulfilled');
  return {
    admitted: admitted.length,
    degraded: admitted.filter((outcome) => (outcome as PromiseFulfilledResult<{ degraded: boolean }>).value.degraded).length,
  };
}

test('with every answer on time, Redis decides: exactly the limit gets through', async () => {
  slow = false;
  expect(await burst('198.51.100.1', 30)).toEqual({ admitted: 10, degraded: 0 });
});

test('answers that miss the deadline never let more than the limit through in one window', async () => {
  const ip = '198.51.100.2';
  slow = false;
  const onTime = await burst(ip, 6);
  expect(onTime).toEqual({ admitted: 6, degraded: 0 });
  // Now the store answers late: the in-process count decides, and it knows the six Redis let through.
  slow = true;
  const late = await burst(ip, 20);
  expect(late.degraded).toBe(late.admitted);
  expect(onTime.admitted + late.admitted).toBe(10);
  slow = false;
});
