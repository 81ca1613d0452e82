/** @jest-environment node */
import { createHash } from 'node:crypto';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { startRedis, type RedisHarness } from '@/__tests__/support/redis';

let redis: RedisHarness;
let client: Redis;

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis({ url: redis.bridgeUrl, token: redis.token, enableTelemetry: false });
});

afterAll(async () => {
  await redis?.stop();
});

beforeEach(async () => {
  await call('/', ['FLUSHALL']);
  redis.bridge.resetStats();
});

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function call(path: string, body: unknown, init: { base64?: boolean; token?: string | null; method?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = init.token === undefined ? redis.token : init.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (init.base64) headers['upstash-encoding'] = 'base64';
  const response = await fetch(`${redis.bridgeUrl}${path}`, {
    method: init.method ?? 'POST',
    headers,
    body: init.method === 'GET' ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('Upstash REST protocol', () => {
  it('runs one command per POST / and answers {result}', async () => {
    expect(await call('/', ['SET', 'greeting', 'héllo wörld', 'EX', 100])).toEqual({ status: 200, body: { result: 'OK' } });
    expect(await call('/', ['GET', 'greeting'])).toEqual({ status: 200, body: { result: 'héllo wörld' } });
    expect(await call('/', ['TTL', 'greeting'])).toEqual({ status: 200, body: { result: 100 } });
    expect(await call('/', ['GET', 'missing'])).toEqual({ status: 200, body: { result: null } });
  });

  it('base64-encodes every bulk string at any depth, except the literal OK; integers and null stay as they are', async () => {
    expect(await call('/', ['SET', 'k', 'héllo'], { base64: true })).toEqual({ status: 200, body: { result: 'OK' } });
    expect(await call('/', ['GET', 'k'], { base64: true })).toEqual({ status: 200, body: { result: b64('héllo') } });
    expect(await call('/', ['SET', 'literal', 'OK'], { base64: true })).toEqual({ status: 200, body: { result: 'OK' } });
    expect(await call('/', ['GET', 'literal'], { base64: true })).toEqual({ status: 200, body: { result: b64('OK') } });
    expect(await call('/', ['PING'], { base64: true })).toEqual({ status: 200, body: { result: b64('PONG') } });
    expect(await call('/', ['INCR', 'counter'], { base64: true })).toEqual({ status: 200, body: { result: 1 } });
    expect(await call('/', ['GET', 'nothing'], { base64: true })).toEqual({ status: 200, body: { result: null } });

    await call('/', ['HSET', 'h', 'name', 'Ada', 'score', '42']);
    expect(await call('/', ['HGETALL', 'h'], { base64: true })).toEqual({
      status: 200,
      body: { result: [b64('name'), b64('Ada'), b64('score'), b64('42')] },
    });
    await call('/', ['RPUSH', 'l', '{"x":1}', 'two']);
    expect(await call('/', ['LRANGE', 'l', 0, -1], { base64: true })).toEqual({ status: 200, body: { result: [b64('{"x":1}'), b64('two')] } });
    await call('/', ['ZADD', 'z', 1, 'one', 2, 'two']);
    expect(await call('/', ['ZRANGE', 'z', 0, -1, 'WITHSCORES'], { base64: true })).toEqual({
      status: 200,
      body: { result: [b64('one'), b64('1'), b64('two'), b64('2')] },
    });
    expect(await call('/', ['EVAL', "return {1, 'two', {3, 'four', {'five'}}, redis.status_reply('OK')}", 0], { base64: true })).toEqual({
      status: 200,
      body: { result: [1, b64('two'), [3, b64('four'), [b64('five')]], b64('OK')] },
    });
  });

  it('decodes correctly through @upstash/redis (hash, list, nested script results)', async () => {
    await client.hset('profile', { name: 'Ada', city: 'Zürich' });
    expect(await client.hgetall('profile')).toEqual({ name: 'Ada', city: 'Zürich' });
    await client.rpush('items', 'a', 'OK', '{"x":1}');
    expect(await client.lrange('items', 0, -1)).toEqual(['a', 'OK', { x: 1 }]);
    expect(await client.eval("return {1, 'two', {3, 'OK'}}", [], [])).toEqual([1, 'two', [3, 'OK']]);
    expect(await client.set('s', 'v')).toBe('OK');
    expect(await client.ping()).toBe('PONG');
  });

  it('answers a pipeline with one entry per command, errors per command, in one request', async () => {
    await call('/', ['SET', 'text', 'abc']);
    const reply = await call('/pipeline', [['SET', 'n', '1'], ['INCR', 'text'], ['INCR', 'n'], ['NOSUCHCOMMAND'], ['GET', 'n']], { base64: true });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual([
      { result: 'OK' },
      { error: 'ERR value is not an integer or out of range' },
      { result: 2 },
      { error: expect.stringMatching(/^ERR unknown command/) },
      { result: b64('2') },
    ]);
    expect(redis.bridge.stats()).toEqual({ requests: 2, commands: 6, byKind: { other: 6 } });
  });

  it('runs /multi-exec as a transaction; a discarded transaction is one error and changes nothing', async () => {
    expect(await call('/multi-exec', [['SET', 'tx', '1'], ['INCR', 'tx'], ['GET', 'tx']])).toEqual({
      status: 200,
      body: [{ result: 'OK' }, { result: 2 }, { result: '2' }],
    });
    // A runtime error fails only its own command (Redis does not roll back).
    expect(await call('/multi-exec', [['SET', 'word', 'x'], ['INCR', 'word'], ['GET', 'word']])).toEqual({
      status: 200,
      body: [{ result: 'OK' }, { error: expect.stringMatching(/not an integer/) }, { result: 'x' }],
    });
    const discarded = await call('/multi-exec', [['SET', 'tx', '100'], ['NOSUCHCOMMAND', 'x']]);
    expect(discarded.status).toBe(400);
    expect(discarded.body).toEqual({ error: expect.stringMatching(/^EXECABORT .*unknown command/) });
    expect(await call('/', ['GET', 'tx'])).toEqual({ status: 200, body: { result: '2' } });

    const transaction = client.multi();
    transaction.set('via-client', 'yes');
    transaction.incr('counter');
    expect(await transaction.exec()).toEqual(['OK', 1]);
  });

  it('requires the bearer token', async () => {
    expect(await call('/', ['PING'], { token: 'wrong' })).toEqual({ status: 401, body: { error: 'Unauthorized' } });
    expect(await call('/', ['PING'], { token: null })).toEqual({ status: 401, body: { error: 'Unauthorized' } });
    expect((await call('/__bridge/stats', null, { method: 'GET', token: 'wrong' })).status).toBe(401);
    expect(redis.bridge.stats().requests).toBe(0);
  });

  it('refuses other methods with 405 and unknown paths with 404', async () => {
    const get = await fetch(`${redis.bridgeUrl}/`, { headers: { authorization: `Bearer ${redis.token}` } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await get.json()).toEqual({ error: 'Method not allowed' });
    expect((await call('/pipeline', [['PING']], { method: 'PUT' })).status).toBe(405);
    expect((await call('/nowhere', ['PING'])).status).toBe(404);
  });

  it('turns a Redis error into 400 {error}, which @upstash/redis raises', async () => {
    await call('/', ['SET', 'text', 'abc']);
    expect(await call('/', ['INCR', 'text'])).toEqual({ status: 400, body: { error: 'ERR value is not an integer or out of range' } });
    expect(await call('/', ['EVALSHA', 'ffffffffffffffffffffffffffffffffffffffff', 0])).toEqual({
      status: 400,
      body: { error: expect.stringMatching(/^NOSCRIPT /) },
    });
    expect(await call('/', { not: 'a command' })).toEqual({ status: 400, body: { error: expect.stringMatching(/^ERR /) } });
    expect(await call('/', ['SUBSCRIBE', 'channel'])).toEqual({ status: 400, body: { error: expect.stringMatching(/not supported/) } });
    await expect(client.incr('text')).rejects.toThrow(/not an integer/);
  });

  it('keeps replies matched to requests under concurrency and with large values', async () => {
    const big = 'x'.repeat(1_500_000) + 'é';
    await client.set('big', big);
    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        if (i % 50 === 0) return (await client.get<string>('big'))?.length;
        const transaction = client.multi();
        transaction.set(`k${i}`, `v${i}`);
        transaction.get(`k${i}`);
        const [, value] = await transaction.exec<[string, string]>();
        return value;
      }),
    );
    results.forEach((result, i) => expect(result).toBe(i % 50 === 0 ? big.length : `v${i}`));
    const many = Array.from({ length: 5_000 }, (_, i) => `item-${i}`);
    await client.rpush('many', ...many);
    expect(await client.lrange('many', 0, -1)).toEqual(many);
  });

  it('counts requests and every command inside pipelines, readable over GET /__bridge/stats', async () => {
    await call('/', ['SET', 'a', '1']);
    await call('/pipeline', [['GET', 'a'], ['INCR', 'a'], ['GET', 'a']]);
    await call('/multi-exec', [['INCR', 'a'], ['INCR', 'a']]);
    // Keys without a known kind (conv, stream, lock, rl, usage…) count as "other".
    const expected = { requests: 3, commands: 6, byKind: { other: 6 } };
    expect(redis.bridge.stats()).toEqual(expected);
    expect(await call('/__bridge/stats', null, { method: 'GET' })).toEqual({ status: 200, body: expected });
    expect(redis.bridge.stats()).toEqual(expected);
    redis.bridge.resetStats();
    expect(redis.bridge.stats()).toEqual({ requests: 0, commands: 0, byKind: {} });
  });
});

describe('@upstash/ratelimit through the bridge', () => {
  const algorithms = {
    fixedWindow: Ratelimit.fixedWindow(3, '60 s'),
    slidingWindow: Ratelimit.slidingWindow(3, '60 s'),
    tokenBucket: Ratelimit.tokenBucket(1, '60 s', 3),
  };

  it.each(Object.entries(algorithms))('%s allows 3 requests and refuses the 4th', async (name, limiter) => {
    const ratelimit = new Ratelimit({ redis: client, limiter, prefix: `rl:${name}`, ephemeralCache: false, analytics: false });
    const results = [];
    for (let i = 0; i < 4; i++) {
      const result = await ratelimit.limit('visitor-1');
      await result.pending;
      results.push(result);
    }
    expect(results.map((result) => result.success)).toEqual([true, true, true, false]);
    expect(results.map((result) => result.remaining)).toEqual([2, 1, 0, 0]);
    // A fail-open timeout would also say success: make sure every answer really came from Redis.
    expect(results.every((result) => result.reason === undefined)).toBe(true);
    expect(results[0]?.limit).toBe(3);
    expect(results[3]?.reset).toBeGreaterThan(Date.now());
    // Another identifier has its own budget.
    expect((await ratelimit.limit('visitor-2')).success).toBe(true);
  });

  it('runs the flagged scripts by their original SHA, and falls back to EVAL after SCRIPT FLUSH', async () => {
    const ratelimit = new Ratelimit({ redis: client, limiter: Ratelimit.fixedWindow(10, '60 s'), prefix: 'rl:sha', ephemeralCache: false, analytics: false });
    await client.scriptFlush();
    redis.bridge.resetStats();

    expect((await ratelimit.limit('v')).remaining).toBe(9);
    expect(redis.bridge.stats().commands).toBe(2); // EVALSHA → NOSCRIPT, then EVAL

    redis.bridge.resetStats();
    expect((await ratelimit.limit('v')).remaining).toBe(8);
    expect(redis.bridge.stats().commands).toBe(1); // EVALSHA of the original script's SHA now hits

    await client.scriptFlush();
    redis.bridge.resetStats();
    expect((await ratelimit.limit('v')).remaining).toBe(7);
    expect(redis.bridge.stats().commands).toBe(2);
  });

  it('answers SCRIPT LOAD of a flagged script with the SHA of the script as sent', async () => {
    const script = "#!lua flags=allow-key-locking\nreturn redis.call('INCRBY', KEYS[1], ARGV[1])";
    const sha = createHash('sha1').update(script).digest('hex');
    await client.scriptFlush();
    expect(await client.scriptLoad(script)).toBe(sha);
    expect(await client.scriptExists(sha)).toEqual([1]);
    expect(await client.evalsha(sha, ['loaded'], ['5'])).toBe(5);
  });
});
