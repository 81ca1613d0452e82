import { startNextServer } from '../../scripts/lib/next-server.mjs';
import { startSmallestStandIn } from '../../scripts/standins/smallest-server.mjs';
import { adminEnv } from '../support/admin-session';
import { startRedis } from '../support/redis';

/**
 * Real Redis through the bridge and the production build, with the offline agent (no OpenAI key) and speech from the
 * Smallest.ai stand-in (its exact wire format, a little latency per chunk).
 */
export default async function globalSetup() {
  const redis = await step('redis-server and the Upstash bridge', startRedis());
  const smallest = await step('the Smallest.ai stand-in', startSmallestStandIn({ apiKey: 'sk-smallest-e2e', firstChunkMs: 30, chunkIntervalMs: 10 }));
  const next = await step('next start', startNextServer({
    env: {
      UPSTASH_REDIS_REST_URL: redis.bridgeUrl,
      UPSTASH_REDIS_REST_TOKEN: redis.token,
      OFFLINE_WORD_DELAY_MS: '40',
      STORE_KEY_PREFIX: 'e2e:',
      SMALLEST_API_KEY: 'sk-smallest-e2e',
      SMALLEST_BASE_URL: smallest.url,
      // Every spec's browser comes from 127.0.0.1: the default per-address limits would throttle the suite itself.
      RATE_LIMIT_CHAT: '1000/1m',
      RATE_LIMIT_TTS: '5000/1m',
      RATE_LIMIT_TRANSCRIBE: '1000/1m',
      RATE_LIMIT_SESSION: '1000/1m',
      // The test admin and viewer (__tests__/support/admin-session.ts), so any spec can sign in.
      ...(await adminEnv()),
    },
  }));
  process.env.E2E_BASE_URL = next.url;
  // Specs read what the app stored straight from Redis.
  process.env.E2E_REDIS_URL = redis.redisUrl;
  return async () => {
    await next.stop();
    await smallest.close();
    await redis.stop();
  };
}

/**
 * One step of the set-up, bounded and named: Playwright prints nothing until its global set-up returns, so a step that
 * hung would otherwise leave a CI log silent until CI's own limit.
 */
async function step<T>(name: string, work: Promise<T>, timeoutMs = 90_000): Promise<T> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`e2e set-up: ${name} did not start within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    console.log(`e2e set-up: ${name} in ${Date.now() - started} ms`);
  }
}
