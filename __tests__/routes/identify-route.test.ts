/** @jest-environment node */
// POST /api/v1/identify (the embed's SalesAgent.identify): the host server's HMAC of the e-mail is verified and the
// identity kept per visitor in Redis (real redis-server behind the Upstash bridge); every refusal is typed.
import { createHmac } from 'node:crypto';
import { findIdentity } from '@/lib/embed/identity';
import { resetProcessSingletons } from '@/lib/process-singleton';
import { getKv, kvKey, kvOne } from '@/lib/store/kv';
import { startRedis, type RedisHarness } from '../support/redis';
import { TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

jest.setTimeout(60_000);

const SECRET = 'identity-secret-for-tests-0123456789';
const hmac = (email: string, secret = SECRET) => createHmac('sha256', secret).update(email).digest('hex');

let redis: RedisHarness;
let route: typeof import('@/app/api/v1/identify/route');

beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  redis = await startRedis();
  Object.assign(process.env, {
    SESSION_SECRET: TEST_SESSION_SECRET,
    UPSTASH_REDIS_REST_URL: redis.bridgeUrl,
    UPSTASH_REDIS_REST_TOKEN: redis.token,
    STORE_KEY_PREFIX: 'idt:',
    EMBED_ALLOWED_ORIGINS: 'https://partner.example',
    EMBED_IDENTITY_SECRET: SECRET,
    RATE_LIMIT_SESSION: '1000/1m',
  });
  resetProcessSingletons();
  route = await import('@/app/api/v1/identify/route');
});

afterAll(async () => {
  for (const name of ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'STORE_KEY_PREFIX', 'EMBED_ALLOWED_ORIGINS', 'EMBED_IDENTITY_SECRET', 'RATE_LIMIT_SESSION']) {
    delete process.env[name];
  }
  resetProcessSingletons();
  await redis?.stop();
});

function identify(body: unknown, headers: Record<string, string>) {
  return route.POST(
    new Request('http://localhost/api/v1/identify', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

test('a correct hash is accepted (204) and the identity is kept for the visitor, with the session’s lifetime', async () => {
  const { authorization, visitorId } = await visitorHeaders();
  const response = await identify({ email: 'ann@acme.test', name: 'Ann Lee', hash: hmac('ann@acme.test') }, { authorization });
  expect(response.status).toBe(204);
  expect(await response.text()).toBe('');

  const identity = await findIdentity({ kv: getKv(), visitorId });
  expect(identity).toEqual({ email: 'ann@acme.test', name: 'Ann Lee', verifiedAt: expect.any(Number) });
  expect(Date.now() - identity!.verifiedAt).toBeLessThan(10_000);
  const ttl = await kvOne<number>(getKv(), ['TTL', kvKey(getKv(), 'embed', 'identity', visitorId)]);
  expect(ttl).toBeGreaterThan(60 * 60 * 24 * 29);

  // A new identity replaces the old one whole (no name left over from before).
  expect((await identify({ email: 'ann.lee@acme.test', hash: hmac('ann.lee@acme.test') }, { authorization })).status).toBe(204);
  expect(await findIdentity({ kv: getKv(), visitorId })).toEqual({ email: 'ann.lee@acme.test', verifiedAt: expect.any(Number) });
});

test('from an allowed embedding site too', async () => {
  const { authorization, visitorId } = await visitorHeaders();
  const response = await identify({ email: 'bo@partner.example', hash: hmac('bo@partner.example') }, { authorization, origin: 'https://partner.example' });
  expect(response.status).toBe(204);
  expect((await findIdentity({ kv: getKv(), visitorId }))?.email).toBe('bo@partner.example');
});

test('a wrong hash, another e-mail’s hash or another secret’s hash is refused with 403 forbidden:identify and nothing is kept', async () => {
  const { authorization, visitorId } = await visitorHeaders();
  for (const hash of [hmac('eve@evil.test'), hmac('ann@acme.test', 'another-secret-entirely-0123456789'), 'a'.repeat(64)]) {
    const response = await identify({ email: 'ann@acme.test', hash }, { authorization });
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('forbidden:identify');
  }
  expect(await findIdentity({ kv: getKv(), visitorId })).toBeNull();
});

test('a malformed body is a 400 bad_request:identify; a non-JSON one a 415', async () => {
  const { authorization } = await visitorHeaders();
  for (const body of [{ email: 'not an email', hash: hmac('x') }, { email: 'ann@acme.test' }, { email: 'ann@acme.test', hash: 'abc' }, '{']) {
    const response = await identify(body, { authorization });
    expect([body, response.status, await errorCode(response)]).toEqual([body, 400, 'bad_request:identify']);
  }
  const form = await identify('email=a', { authorization, 'content-type': 'application/x-www-form-urlencoded' });
  expect(form.status).toBe(415);
  expect(await errorCode(form)).toBe('unsupported_media_type:identify');
});

test('no visitor session is a 401, a foreign origin a 403 forbidden:origin', async () => {
  const noSession = await identify({ email: 'ann@acme.test', hash: hmac('ann@acme.test') }, {});
  expect(noSession.status).toBe(401);
  expect(await errorCode(noSession)).toBe('unauthorized:session');
  const { authorization } = await visitorHeaders();
  const foreign = await identify({ email: 'ann@acme.test', hash: hmac('ann@acme.test') }, { authorization, origin: 'https://evil.example' });
  expect(foreign.status).toBe(403);
  expect(await errorCode(foreign)).toBe('forbidden:origin');
});

test('without EMBED_IDENTITY_SECRET every identify is refused (403), even a well-formed one', async () => {
  delete process.env.EMBED_IDENTITY_SECRET;
  resetProcessSingletons();
  try {
    const { authorization } = await visitorHeaders();
    const response = await identify({ email: 'ann@acme.test', hash: hmac('ann@acme.test') }, { authorization });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: 'forbidden:identify', message: expect.stringContaining('EMBED_IDENTITY_SECRET') } });
  } finally {
    process.env.EMBED_IDENTITY_SECRET = SECRET;
    resetProcessSingletons();
  }
});

test('other methods get a typed 405', async () => {
  const response = await route.GET(new Request('http://localhost/api/v1/identify'));
  expect(response.status).toBe(405);
  expect(response.headers.get('allow')).toBe('POST, OPTIONS');
});
