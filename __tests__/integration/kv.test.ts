/** @jest-environment node */
// The admin side's raw-command store (lib/store/kv.ts): the in-process interpreter must answer every supported
// command exactly as real Redis does through the Upstash bridge, reply shapes included, so analytics, webhooks and
// backups behave the same on the embedded default as in production.
import fc from 'fast-check';
import { createMemoryKv, createUpstashKv, kvHash, kvKey, KvError, type Kv, type KvCommand } from '@/lib/store/kv';
import { AppError } from '@/lib/errors';
import { startRedis, type RedisHarness } from '../support/redis';

jest.setTimeout(60_000);

let redis: RedisHarness;
let upstash: Kv;

beforeAll(async () => {
  redis = await startRedis();
  upstash = createUpstashKv({ url: redis.bridgeUrl, token: redis.token, prefix: 'kvt:' });
});
afterAll(async () => redis?.stop());

let round = 0;
/** Runs the same script on both stores (fresh keys each time) and returns both reply lists. */
async function both(script: (key: (name: string) => string) => KvCommand[]) {
  round += 1;
  const memory = createMemoryKv({ prefix: 'kvt:' });
  const key = (name: string) => kvKey(memory, `r${round}`, name);
  const commands = script(key);
  return { redis: await upstash.exec(commands), memory: await memory.exec(commands) };
}

test('keys are built under the prefix, which carries its own separator', () => {
  expect(kvKey({ prefix: 'sa:' }, 'an', 'h', 2026113018)).toBe('sa:an:h:2026113018');
});

test('strings, counters, expiry and NX/XX answer as Redis does', async () => {
  const { redis: r, memory: m } = await both((k) => [
    ['SET', k('a'), 'x'],
    ['SET', k('a'), 'y', 'NX'],
    ['SET', k('b'), 'z', 'XX'],
    ['GET', k('a')],
    ['GET', k('missing')],
    ['INCRBY', k('n'), 5],
    ['INCR', k('n')],
    ['EXPIRE', k('n'), 100],
    ['TTL', k('n')],
    ['TTL', k('a')],
    ['TTL', k('missing')],
    ['EXISTS', k('a'), k('n'), k('missing')],
    ['DEL', k('a'), k('missing')],
    ['TYPE', k('n')],
    ['SET', k('e'), 'v', 'EX', 50],
    ['TTL', k('e')],
  ]);
  expect(m).toEqual(r);
  expect(r).toEqual(['OK', null, null, 'x', null, 5, 6, 1, 100, -1, -2, 2, 1, 'string', 'OK', 50]);
});

test('hashes come back flat and pair up with kvHash', async () => {
  const { redis: r, memory: m } = await both((k) => [
    ['HSET', k('h'), 'a', '1', 'b', '2'],
    ['HINCRBY', k('h'), 'a', 4],
    ['HINCRBY', k('h'), 'c', -2],
    ['HSETNX', k('h'), 'a', '9'],
    ['HGET', k('h'), 'a'],
    ['HMGET', k('h'), 'a', 'zz'],
    ['HGETALL', k('h')],
    ['HDEL', k('h'), 'b', 'zz'],
    ['HLEN', k('h')],
    ['HGETALL', k('nothing')],
  ]);
  expect(m).toEqual(r);
  expect(kvHash(r[6])).toEqual({ a: '5', b: '2', c: '-2' });
});

test('sorted sets: ranges by rank and score, reverse, limits and scores as strings', async () => {
  const { redis: r, memory: m } = await both((k) => [
    ['ZADD', k('z'), 3, 'c', 1, 'a', 2, 'b', 2, 'bb'],
    ['ZRANGE', k('z'), 0, -1, 'WITHSCORES'],
    ['ZRANGE', k('z'), 0, 1, 'REV'],
    ['ZRANGE', k('z'), '(1', '+inf', 'BYSCORE', 'LIMIT', 1, 2],
    ['ZRANGE', k('z'), '+inf', '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, 2],
    ['ZREVRANGE', k('z'), 0, 0],
    ['ZRANGEBYSCORE', k('z'), 2, 3],
    ['ZINCRBY', k('z'), 2.5, 'a'],
    ['ZSCORE', k('z'), 'a'],
    ['ZSCORE', k('z'), 'none'],
    ['ZCOUNT', k('z'), '-inf', 3],
    ['ZREM', k('z'), 'c', 'none'],
    ['ZREMRANGEBYSCORE', k('z'), '-inf', '(3'],
    ['ZCARD', k('z')],
    ['ZADD', k('z'), 'GT', 'CH', 1, 'a', 9, 'a'],
  ]);
  expect(m).toEqual(r);
  expect(r[1]).toEqual(['a', '1', 'b', '2', 'bb', '2', 'c', '3']);
});

test('lists, sets and HyperLogLog counts', async () => {
  const { redis: r, memory: m } = await both((k) => [
    ['RPUSH', k('l'), 'a', 'b', 'c'],
    ['LPUSH', k('l'), 'z'],
    ['LRANGE', k('l'), 0, -1],
    ['LTRIM', k('l'), 0, 2],
    ['LLEN', k('l')],
    ['LPOP', k('l')],
    ['RPOP', k('l'), 5],
    ['LPOP', k('l')],
    ['SADD', k('s'), 'x', 'y', 'x'],
    ['SISMEMBER', k('s'), 'y'],
    ['SREM', k('s'), 'y'],
    ['SMEMBERS', k('s')],
    ['SCARD', k('s')],
    ['PFADD', k('p'), 'v1', 'v2', 'v3'],
    ['PFADD', k('p'), 'v1'],
    ['PFADD', k('q'), 'v3', 'v4'],
    ['PFCOUNT', k('p'), k('q')],
  ]);
  expect(m).toEqual(r);
  expect(r[16]).toBe(4);
});

test('a transaction applies every command; a wrong-type command fails the call on both', async () => {
  const memory = createMemoryKv({ prefix: 'kvt:' });
  for (const kv of [upstash, memory]) {
    const key = kvKey(kv, 'tx', kv.kind);
    await expect(kv.atomic([['SET', key, '1'], ['INCR', key]])).resolves.toEqual(['OK', 2]);
    await expect(kv.exec([['HGET', key, 'f']])).rejects.toThrow(/WRONGTYPE/);
  }
  await expect(memory.exec([['FLUSHALL']])).rejects.toBeInstanceOf(KvError);
});

test('SCAN with MATCH finds the same keys', async () => {
  const memory = createMemoryKv({ prefix: 'kvt:' });
  const commands: KvCommand[] = ['a:1', 'a:2', 'b:1'].map((name) => ['SET', kvKey(memory, 'scan', name), 'v']);
  await upstash.exec(commands);
  await memory.exec(commands);
  const scanAll = async (kv: Kv) => {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = (await kv.exec([['SCAN', cursor, 'MATCH', 'kvt:scan:a:*', 'COUNT', 100]]))[0] as [string, string[]];
      found.push(...keys);
      cursor = next;
    } while (cursor !== '0');
    return found.sort();
  };
  expect(await scanAll(memory)).toEqual(await scanAll(upstash));
  expect(await scanAll(memory)).toEqual(['kvt:scan:a:1', 'kvt:scan:a:2']);
});

test('expired keys disappear from the memory store', async () => {
  let now = 1_000;
  const memory = createMemoryKv({ prefix: 'kvt:', now: () => now });
  await memory.exec([['SET', 'kvt:t', 'v', 'PX', 10]]);
  now += 11;
  expect(await memory.exec([['GET', 'kvt:t'], ['EXISTS', 'kvt:t']])).toEqual([null, 0]);
});

test('random counter scripts agree with Redis (fuzz)', async () => {
  const op = fc.oneof(
    fc.tuple(fc.constant('HINCRBY'), fc.constantFrom('f1', 'f2', 'f3'), fc.integer({ min: -5, max: 5 })),
    fc.tuple(fc.constant('ZINCRBY'), fc.constantFrom('m1', 'm2'), fc.integer({ min: -3, max: 3 })),
    fc.tuple(fc.constant('PFADD'), fc.constantFrom('v1', 'v2', 'v3', 'v4'), fc.constant(0)),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 20 }), async (ops) => {
      const { redis: r, memory: m } = await both((k) => [
        ...ops.map(([name, member, n]): KvCommand =>
          name === 'HINCRBY' ? ['HINCRBY', k('h'), member, n] : name === 'ZINCRBY' ? ['ZINCRBY', k('z'), n, member] : ['PFADD', k('p'), member],
        ),
        ['HGETALL', k('h')],
        ['ZRANGE', k('z'), 0, -1, 'WITHSCORES'],
        ['PFCOUNT', k('p')],
      ]);
      expect(m.slice(-3)[2]).toEqual(r.slice(-3)[2]);
      expect(kvHash(m.at(-3))).toEqual(kvHash(r.at(-3)));
      expect(kvHash(m.at(-2))).toEqual(kvHash(r.at(-2)));
    }),
    { numRuns: 40 },
  );
});

test('a store that does not answer is a typed 503 (upstream_unavailable:store), not an internal error; a refused command stays a KvError', async () => {
  // Nothing listens on port 9 (discard): the bridge is unreachable, as when Redis and its bridge are down.
  const down = createUpstashKv({ url: 'http://127.0.0.1:9', token: 'x', prefix: 'kvt:' });
  const failure: unknown = await down.exec([['GET', 'kvt:a']]).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(AppError);
  expect((failure as AppError).code).toBe('upstream_unavailable:store');
  expect((failure as AppError).toResponse().status).toBe(503);
  // A command Redis refuses (wrong type) is a bug to see, not an outage.
  await upstash.exec([['SET', 'kvt:wrongtype', 'x']]);
  await expect(upstash.exec([['HGET', 'kvt:wrongtype', 'f']])).rejects.toBeInstanceOf(KvError);
});
