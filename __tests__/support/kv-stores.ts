import { createMemoryKv, createUpstashKv, type Kv } from '@/lib/store/kv';
import { startRedis, type RedisHarness } from './redis';

/**
 * The two raw-command stores a suite runs the same cases on: the in-process interpreter and real Redis through the
 * bridge (started and stopped with the suite). Each call of a maker gives a fresh key prefix.
 */
export function bothKvStores(tag: string): Array<[name: string, makeKv: () => Kv]> {
  let redis: RedisHarness | undefined;
  let round = 0;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => redis?.stop());
  return [
    ['memory', () => createMemoryKv({ prefix: `${tag}${++round}:` })],
    [
      'redis',
      () => {
        if (!redis) throw new Error('Redis is not started yet: make stores inside a test or a beforeEach');
        return createUpstashKv({ url: redis.bridgeUrl, token: redis.token, prefix: `${tag}${++round}:` });
      },
    ],
  ];
}
