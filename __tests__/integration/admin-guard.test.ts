/** @jest-environment node */
// API keys (lib/admin/keys.ts) and the admin guard (lib/admin/guard.ts), on the in-memory store and on real Redis
// through the Upstash bridge: sessions as next-auth writes them, keys with and without the scope, viewers, revocation.
import { encode } from 'next-auth/jwt';
import { requireAdmin, type AdminRequirement } from '@/lib/admin/guard';
import { createApiKey, LAST_USED_RESOLUTION_MS, listApiKeys, revokeApiKey, settleApiKeyUses, verifyApiKey } from '@/lib/admin/keys';
import { readAdminSession, readOrCreateAuthSecret } from '@/lib/admin/session';
import { hasSessionCookie } from '@/lib/admin/session-cookie';
import { isAppError } from '@/lib/errors';
import { resetProcessSingletons } from '@/lib/process-singleton';
import { createMemoryKv, kvHash, kvKey, kvOne, type Kv } from '@/lib/store/kv';
import { bothKvStores } from '../support/kv-stores';

jest.setTimeout(60_000);

const SECRET = 'test-secret-of-the-admin-sessions-0123456789';
const stores = bothKvStores('g');

async function sessionCookie(claims: Record<string, unknown>, { name = 'authjs.session-token', maxAge = 3600, secret = SECRET } = {}) {
  const token = await encode({ token: { sub: 'u1', authAt: Math.floor(Date.now() / 1000), ...claims }, secret, salt: name, maxAge });
  return `${name}=${token}`;
}

function request(init: { cookie?: string; bearer?: string; method?: string; origin?: string } = {}) {
  const headers = new Headers();
  if (init.cookie) headers.set('cookie', init.cookie);
  if (init.bearer) headers.set('authorization', `Bearer ${init.bearer}`);
  if (init.origin) headers.set('origin', init.origin);
  return new Request('http://localhost/api/v1/admin/leads', { method: init.method ?? 'GET', headers });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'allowed';
}

describe.each(stores)('API keys on %s', (_name, makeKv) => {
  let kv: Kv;
  beforeEach(() => {
    kv = makeKv();
  });

  it('creates a key shown once, stored only as its SHA-256, and verifies it', async () => {
    const { key, secret } = await createApiKey({ kv, name: 'CRM sync', scopes: ['leads:read', 'export', 'leads:read'], createdBy: 'boss@example.com', now: 1_000 });
    expect(secret).toMatch(/^sk_live_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({ name: 'CRM sync', scopes: ['export', 'leads:read'], createdAt: 1_000, createdBy: 'boss@example.com', lastUsedAt: null });
    expect(key.preview).toBe(`${secret.slice(0, 12)}…`);
    const stored = kvHash(await kvOne(kv, ['HGETALL', kvKey(kv, 'admin', 'apikeys')]));
    const [field] = Object.keys(stored);
    expect(field).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secret.slice(8));

    await expect(verifyApiKey({ kv, secret })).resolves.toMatchObject({ id: key.id, scopes: ['export', 'leads:read'] });
    await expect(verifyApiKey({ kv, secret: `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}` })).resolves.toBeNull();
    await expect(verifyApiKey({ kv, secret: 'sk_live_short' })).resolves.toBeNull();
  });

  it('lists keys newest first, with their last use written at most once a minute', async () => {
    const older = await createApiKey({ kv, name: 'one', scopes: ['export'], createdBy: 'a', now: 1_000 });
    const newer = await createApiKey({ kv, name: 'two', scopes: ['webhooks'], createdBy: 'a', now: 2_000 });
    expect((await listApiKeys({ kv })).map((key) => key.name)).toEqual(['two', 'one']);

    const t0 = 1_700_000_000_000;
    await verifyApiKey({ kv, secret: older.secret, now: t0 });
    await settleApiKeyUses(kv);
    await verifyApiKey({ kv, secret: older.secret, now: t0 + 30_000 });
    await settleApiKeyUses(kv);
    let listed = await listApiKeys({ kv });
    expect(listed.find((key) => key.id === older.key.id)?.lastUsedAt).toBe(t0);
    expect(listed.find((key) => key.id === newer.key.id)?.lastUsedAt).toBeNull();

    await verifyApiKey({ kv, secret: older.secret, now: t0 + LAST_USED_RESOLUTION_MS });
    await verifyApiKey({ kv, secret: newer.secret, now: t0 + LAST_USED_RESOLUTION_MS });
    await settleApiKeyUses(kv);
    listed = await listApiKeys({ kv });
    expect(listed.map((key) => key.lastUsedAt)).toEqual([t0 + LAST_USED_RESOLUTION_MS, t0 + LAST_USED_RESOLUTION_MS]);
  });

  it('revokes a key at once; revoking twice or an unknown id says so', async () => {
    const { key, secret } = await createApiKey({ kv, name: 'old', scopes: ['export'], createdBy: 'a' });
    const kept = await createApiKey({ kv, name: 'kept', scopes: ['export'], createdBy: 'a' });
    await expect(revokeApiKey({ kv, id: key.id })).resolves.toBe(true);
    await expect(verifyApiKey({ kv, secret })).resolves.toBeNull();
    await expect(revokeApiKey({ kv, id: key.id })).resolves.toBe(false);
    await expect(revokeApiKey({ kv, id: 'key_nope' })).resolves.toBe(false);
    expect((await listApiKeys({ kv })).map((k) => k.name)).toEqual(['kept']);
    await expect(verifyApiKey({ kv, secret: kept.secret })).resolves.not.toBeNull();
  });

  it('guard: a key passes only on a route naming a scope it holds, and writes only webhooks', async () => {
    const reader = await createApiKey({ kv, name: 'reader', scopes: ['leads:read', 'export'], createdBy: 'a' });
    const hooks = await createApiKey({ kv, name: 'hooks', scopes: ['webhooks'], createdBy: 'a' });
    const as = (secret: string, requirement: AdminRequirement, method = 'GET') =>
      refusal(requireAdmin(request({ bearer: secret, method }), requirement, { kv, secret: SECRET }));

    await expect(requireAdmin(request({ bearer: reader.secret }), { scope: 'leads:read' }, { kv })).resolves.toEqual({
      kind: 'key',
      keyId: reader.key.id,
      scopes: ['export', 'leads:read'],
    });
    expect(await as(reader.secret, { scope: 'export' })).toBe('allowed');
    expect(await as(reader.secret, { scope: 'webhooks' })).toBe('403 forbidden:admin');
    expect(await as(reader.secret, {})).toBe('403 forbidden:admin');
    expect(await as(reader.secret, { write: true })).toBe('403 forbidden:admin');
    expect(await as(reader.secret, { scope: 'leads:read', write: true }, 'PATCH')).toBe('403 forbidden:admin');
    expect(await as(hooks.secret, { scope: 'webhooks', write: true }, 'POST')).toBe('allowed');
    expect(await as(hooks.secret, { scope: 'leads:read' })).toBe('403 forbidden:admin');

    await revokeApiKey({ kv, id: reader.key.id });
    expect(await as(reader.secret, { scope: 'export' })).toBe('401 unauthorized:admin');
    expect(await as('sk_live_not-a-key', { scope: 'export' })).toBe('401 unauthorized:admin');
    expect(await as('v1.visitor.token', { scope: 'export' })).toBe('401 unauthorized:admin');
  });
});

describe('guard with sessions', () => {
  const kv = createMemoryKv({ prefix: 's:' });
  const guard = (req: Request, requirement: AdminRequirement = {}) => refusal(requireAdmin(req, requirement, { kv, secret: SECRET }));

  it('lets an admin read and write, as the account the token names', async () => {
    const cookie = await sessionCookie({ email: 'boss@example.com', role: 'admin' });
    await expect(requireAdmin(request({ cookie }), {}, { kv, secret: SECRET })).resolves.toEqual({ kind: 'user', email: 'boss@example.com', role: 'admin' });
    expect(await guard(request({ cookie, method: 'POST', origin: 'http://localhost' }), { write: true })).toBe('allowed');
    expect(await guard(request({ cookie, method: 'DELETE' }), { write: true, scope: 'webhooks' })).toBe('allowed');
  });

  it('lets a viewer read, refuses a viewer writing with 403', async () => {
    const cookie = await sessionCookie({ email: 'ana@example.com', role: 'viewer' });
    expect(await guard(request({ cookie }), { scope: 'leads:read' })).toBe('allowed');
    expect(await guard(request({ cookie, method: 'POST' }), { write: true })).toBe('403 forbidden:admin');
  });

  it('refuses a change from another site even with an admin session', async () => {
    const cookie = await sessionCookie({ email: 'boss@example.com', role: 'admin' });
    expect(await guard(request({ cookie, method: 'POST', origin: 'https://evil.example' }), { write: true })).toBe('403 forbidden:origin');
  });

  it('refuses a change from a site allowed to embed the chat: it runs the chat, it does not change the admin', async () => {
    const previous = process.env.EMBED_ALLOWED_ORIGINS;
    process.env.EMBED_ALLOWED_ORIGINS = 'https://www.northwind.example';
    resetProcessSingletons();
    try {
      const cookie = await sessionCookie({ email: 'boss@example.com', role: 'admin' });
      const refused = await requireAdmin(request({ cookie, method: 'PATCH', origin: 'https://www.northwind.example' }), { write: true }, { kv, secret: SECRET }).catch((error: unknown) => error);
      expect(isAppError(refused) && { code: refused.code, message: refused.message }).toEqual({ code: 'forbidden:origin', message: "Changes to the admin are only accepted from the admin's own pages." });
      expect(await guard(request({ cookie, method: 'PATCH', origin: 'http://localhost' }), { write: true })).toBe('allowed');
    } finally {
      if (previous === undefined) delete process.env.EMBED_ALLOWED_ORIGINS;
      else process.env.EMBED_ALLOWED_ORIGINS = previous;
      resetProcessSingletons();
    }
  });

  it('refuses no cookie, a forged, expired or role-less token, and a token for another secret with 401', async () => {
    expect(await guard(request())).toBe('401 unauthorized:admin');
    expect(await guard(request({ cookie: 'authjs.session-token=garbage' }))).toBe('401 unauthorized:admin');
    expect(await guard(request({ cookie: await sessionCookie({ email: 'x@example.com', role: 'admin' }, { secret: 'another-secret-another-secret-0123456' }) }))).toBe('401 unauthorized:admin');
    expect(await guard(request({ cookie: await sessionCookie({ email: 'x@example.com', role: 'owner' }) }))).toBe('401 unauthorized:admin');
    expect(await guard(request({ cookie: await sessionCookie({ email: 'x@example.com', role: 'admin' }, { maxAge: -60 }) }))).toBe('401 unauthorized:admin');
    // The salt is the cookie name: a token moved to the other cookie does not decrypt.
    const moved = (await sessionCookie({ email: 'x@example.com', role: 'admin' })).replace('authjs.session-token', '__Secure-authjs.session-token');
    expect(await guard(request({ cookie: moved }))).toBe('401 unauthorized:admin');
  });

  it('ends a session ADMIN_SESSION_MAX_AGE_SECONDS after the sign-in, however recently the cookie was renewed', async () => {
    const nineHoursAgo = Math.floor(Date.now() / 1000) - 9 * 3600;
    const renewed = await sessionCookie({ email: 'boss@example.com', role: 'admin', authAt: nineHoursAgo });
    expect(await guard(request({ cookie: renewed }))).toBe('401 unauthorized:admin');
    await expect(readAdminSession(request({ cookie: renewed }), { secret: SECRET, maxAgeSeconds: 10 * 3600 })).resolves.toMatchObject({
      expiresAt: nineHoursAgo + 10 * 3600,
    });
    expect(await guard(request({ cookie: await sessionCookie({ email: 'boss@example.com', role: 'admin', authAt: undefined }) }))).toBe('401 unauthorized:admin');
  });

  it('reads the secure cookie and a token split over chunks', async () => {
    const secure = await sessionCookie({ email: 'boss@example.com', role: 'admin' }, { name: '__Secure-authjs.session-token' });
    await expect(readAdminSession(request({ cookie: `other=1; ${secure}` }), { secret: SECRET })).resolves.toMatchObject({ email: 'boss@example.com', role: 'admin' });
    const [, token = ''] = (await sessionCookie({ email: 'ana@example.com', role: 'viewer' })).split('=');
    const chunked = `authjs.session-token.0=${token.slice(0, 100)}; authjs.session-token.1=${token.slice(100)}`;
    await expect(readAdminSession(request({ cookie: chunked }), { secret: SECRET })).resolves.toMatchObject({ email: 'ana@example.com', role: 'viewer' });
    expect(hasSessionCookie(chunked)).toBe(true);
    expect(hasSessionCookie(secure)).toBe(true);
    expect(hasSessionCookie('sa_session=abc; xauthjs.session-token=1')).toBe(false);
    expect(hasSessionCookie(null)).toBe(false);
  });

  it('a bearer header is always taken as a key, even beside a valid session cookie', async () => {
    const cookie = await sessionCookie({ email: 'boss@example.com', role: 'admin' });
    expect(await guard(request({ cookie, bearer: 'sk_live_revoked' }))).toBe('401 unauthorized:admin');
  });
});

describe.each(stores)('generated session secret on %s', (_name, makeKv) => {
  it('is created once and then the same for every instance', async () => {
    const kv = makeKv();
    const first = await readOrCreateAuthSecret(kv);
    const results = await Promise.all([readOrCreateAuthSecret(kv), readOrCreateAuthSecret(kv)]);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(results).toEqual([first, first]);
  });
});
