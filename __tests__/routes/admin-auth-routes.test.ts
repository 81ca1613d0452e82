/** @jest-environment node */
// The admin sign-in through next-auth's own endpoints (app/api/auth/[...nextauth]) as a script would use them —
// GET /api/auth/csrf, POST /api/auth/callback/credentials — then the cookie it sets against the real guard, the API
// key routes (app/api/v1/admin/keys/**), the brute-force limits and sign-out. In-memory store, handlers called directly.
import { NextRequest } from 'next/server';
import { hashPassword } from '@/lib/admin/password';
import { requireAdmin } from '@/lib/admin/guard';
import { resetProcessSingletons } from '@/lib/process-singleton';
import { GET as authGET, POST as authPOST, PUT as authPUT } from '@/app/api/auth/[...nextauth]/route';
import * as keys from '@/app/api/v1/admin/keys/route';
import * as oneKey from '@/app/api/v1/admin/keys/[id]/route';
import { peerHeader } from '../support/peer-stamp';

jest.setTimeout(30_000);

const ORIGIN = 'http://localhost:3000';
const FAST = { N: 1024, r: 8, p: 1 };
const ENV_KEYS = ['ADMIN_EMAIL', 'ADMIN_PASSWORD_HASH', 'ADMIN_VIEWERS', 'AUTH_SECRET', 'ADMIN_LOGIN_LIMIT_ACCOUNT', 'ADMIN_LOGIN_LIMIT_IP'];
let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

beforeAll(async () => {
  for (const name of ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_URL', 'KV_REST_API_TOKEN', ...ENV_KEYS]) delete process.env[name];
  Object.assign(process.env, {
    ADMIN_EMAIL: 'Boss@Example.com',
    ADMIN_PASSWORD_HASH: await hashPassword('boss password 1', FAST),
    ADMIN_VIEWERS: `ana@example.com:${await hashPassword('viewer password 2', FAST)},luis@example.com:${await hashPassword('viewer password 3', FAST)}`,
    AUTH_SECRET: 'route-test-secret-route-test-secret-0123',
    ADMIN_LOGIN_LIMIT_ACCOUNT: '3/15m',
    ADMIN_LOGIN_LIMIT_IP: '8/15m',
  });
  resetProcessSingletons();
});
afterAll(() => {
  for (const name of ENV_KEYS) delete process.env[name];
  resetProcessSingletons();
});

/** Cookie jar of one client: name → value, from Set-Cookie headers. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(line);
      if (expired) this.cookies.delete(pair.slice(0, at));
      else this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  get header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  has(name: string) {
    return this.cookies.has(name);
  }
}

async function csrf(jar: Jar, ip: string): Promise<string> {
  const response = await authGET(new NextRequest(`${ORIGIN}/api/auth/csrf`, { headers: { cookie: jar.header, ...peerHeader(ip) } }));
  jar.take(response);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

async function signIn(email: string, password: string, { jar = new Jar(), ip = freshIp(), callbackUrl = `${ORIGIN}/admin` } = {}) {
  const csrfToken = await csrf(jar, ip);
  const response = await authPOST(
    new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header, ...peerHeader(ip) },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl }),
    }),
  );
  jar.take(response);
  const location = new URL(response.headers.get('location') ?? '', ORIGIN);
  return { status: response.status, location, jar, error: location.searchParams.get('error'), code: location.searchParams.get('code') };
}

const api = (path: string, init: { method?: string; jar?: Jar; bearer?: string; body?: unknown } = {}) =>
  new Request(`${ORIGIN}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.jar ? { cookie: init.jar.header } : {}),
      ...(init.bearer ? { authorization: `Bearer ${init.bearer}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json', origin: ORIGIN }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

describe('sign-in through next-auth', () => {
  it("answers what next-auth refuses as the API's typed JSON: an unknown action 400, another method 405 with Allow", async () => {
    const unknown = await authGET(new NextRequest(`${ORIGIN}/api/auth/nope`, { headers: { ...peerHeader(freshIp()) } }));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: { code: 'bad_request:api', message: expect.stringContaining('sign-in') } });
    const put = await authPUT(new NextRequest(`${ORIGIN}/api/auth/session`, { method: 'PUT' }));
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
    expect(await put.json()).toMatchObject({ error: { code: 'method_not_allowed:api' } });
    // What next-auth answers in JSON passes as it is.
    const session = await authGET(new NextRequest(`${ORIGIN}/api/auth/session`, { headers: { ...peerHeader(freshIp()) } }));
    expect(session.status).toBe(200);
  });

  it('refuses a chunked body over 16 kB with the typed 413 before next-auth reads it, and still passes a small one', async () => {
    const chunked = (body: ReadableStream<Uint8Array>, path: string) =>
      authPOST(
        new NextRequest(`${ORIGIN}/api/auth/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...peerHeader(freshIp()) },
          body,
          duplex: 'half',
        } as unknown as ConstructorParameters<typeof NextRequest>[1]),
      );
    let pulled = 0;
    // 1 MB offered in 64 kB chunks and no Content-Length, as a chunked upload arrives: only the first chunk is read.
    const large = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 16) controller.close();
        else controller.enqueue(new Uint8Array(64 * 1024).fill(97));
      },
    });
    const refused = await chunked(large, 'callback/credentials');
    expect(refused.status).toBe(413);
    expect(await errorOf(refused)).toEqual({ code: 'payload_too_large:api', message: expect.stringContaining('16 kB') });
    expect(pulled).toBeLessThanOrEqual(2);
    // A small chunked body still reaches next-auth (which refuses the missing CSRF token as it always did).
    const small = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('csrfToken=x'));
        controller.close();
      },
    });
    expect((await chunked(small, 'signout')).status).not.toBe(413);
  });

  it('publishes exactly the email and password fields of the credentials provider', async () => {
    const response = await authGET(new NextRequest(`${ORIGIN}/api/auth/providers`));
    const providers = (await response.json()) as Record<string, { id: string; type: string; callbackUrl: string }>;
    expect(Object.keys(providers)).toEqual(['credentials']);
    expect(providers.credentials).toMatchObject({ type: 'credentials', callbackUrl: `${ORIGIN}/api/auth/callback/credentials` });
  });

  it('signs the admin in (e-mail in any case) and the session cookie passes the guard as admin', async () => {
    const result = await signIn('BOSS@example.com ', 'boss password 1');
    expect(result.status).toBe(302);
    expect(result.error).toBeNull();
    expect(result.location.pathname).toBe('/admin');
    expect(result.jar.has('authjs.session-token')).toBe(true);
    await expect(requireAdmin(api('/api/v1/admin/leads', { jar: result.jar }), { write: true })).resolves.toEqual({
      kind: 'user',
      email: 'boss@example.com',
      role: 'admin',
    });
    // next-auth's own session endpoint agrees.
    const session = await authGET(new NextRequest(`${ORIGIN}/api/auth/session`, { headers: { cookie: result.jar.header } }));
    expect(await session.json()).toMatchObject({ user: { email: 'boss@example.com', role: 'admin' } });
  });

  it('refuses a wrong password and an unknown account alike, back on the sign-in page', async () => {
    for (const [email, password] of [
      ['boss@example.com', 'boss password 2'],
      ['nobody@example.com', 'boss password 1'],
      ['boss@example.com', ''],
    ] as const) {
      const result = await signIn(email, password);
      expect(result.location.pathname).toBe('/admin/sign-in');
      expect(result).toMatchObject({ error: 'CredentialsSignin', code: 'credentials' });
      expect(result.jar.has('authjs.session-token')).toBe(false);
    }
  });

  it('refuses a POST without the CSRF token', async () => {
    const response = await authPOST(
      new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: 'boss@example.com', password: 'boss password 1' }),
      }),
    );
    expect(response.headers.getSetCookie().some((line) => line.startsWith('authjs.session-token='))).toBe(false);
    expect(response.headers.get('location')).toMatch(/error=MissingCSRF/);
  });

  it('limits attempts per account: after 3 the right password is refused too, with the minutes to wait', async () => {
    const email = 'ana@example.com';
    for (let i = 0; i < 3; i++) expect((await signIn(email, `guess ${i}`)).code).toBe('credentials');
    const limited = await signIn(email, 'viewer password 2');
    expect(limited).toMatchObject({ error: 'CredentialsSignin', code: 'rate_limited_15' });
    expect(limited.jar.has('authjs.session-token')).toBe(false);
  });

  it('limits attempts per address across accounts', async () => {
    const ip = freshIp();
    for (let i = 0; i < 8; i++) expect((await signIn(`someone${i}@example.com`, 'x', { ip })).code).toBe('credentials');
    expect((await signIn('boss@example.com', 'boss password 1', { ip })).code).toMatch(/^rate_limited_(14|15)$/);
    // Another address is not affected.
    expect((await signIn('boss@example.com', 'boss password 1')).error).toBeNull();
  });

  it('a success clears the account count', async () => {
    const email = 'boss@example.com';
    for (let i = 0; i < 2; i++) await signIn(email, 'nope');
    expect((await signIn(email, 'boss password 1')).error).toBeNull();
    for (let i = 0; i < 2; i++) expect((await signIn(email, 'nope')).code).toBe('credentials');
    expect((await signIn(email, 'boss password 1')).error).toBeNull();
  });

  it('builds its redirects from the Host the browser used, not the name the server listens on', async () => {
    const jar = new Jar();
    const ip = freshIp();
    const token = await csrf(jar, ip);
    const response = await authPOST(
      new NextRequest('http://localhost:3000/api/auth/callback/credentials', {
        method: 'POST',
        headers: { host: '127.0.0.1:3000', 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header, ...peerHeader(ip) },
        body: new URLSearchParams({ email: 'boss@example.com', password: 'boss password 1', csrfToken: token, callbackUrl: 'http://127.0.0.1:3000/admin/leads' }),
      }),
    );
    expect(response.headers.get('location')).toBe('http://127.0.0.1:3000/admin/leads');
    // A Host that is no host name is ignored.
    const odd = await authGET(new NextRequest(`${ORIGIN}/api/auth/providers`, { headers: { host: 'evil.example/x?' } }));
    expect(((await odd.json()) as { credentials: { signinUrl: string } }).credentials.signinUrl).toBe(`${ORIGIN}/api/auth/signin/credentials`);
  });

  it('sends a sign-in back only to this site', async () => {
    const result = await signIn('boss@example.com', 'boss password 1', { callbackUrl: 'https://evil.example/steal' });
    expect(result.location.origin).toBe(ORIGIN);
  });

  it('signs out: the cookie is cleared', async () => {
    const { jar } = await signIn('boss@example.com', 'boss password 1');
    const csrfToken = await csrf(jar, freshIp());
    const response = await authPOST(
      new NextRequest(`${ORIGIN}/api/auth/signout`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header },
        body: new URLSearchParams({ csrfToken, callbackUrl: `${ORIGIN}/admin/sign-in` }),
      }),
    );
    jar.take(response);
    expect(response.status).toBe(302);
    expect(jar.has('authjs.session-token')).toBe(false);
  });
});

describe('API key routes', () => {
  let admin: Jar;
  let viewer: Jar;
  beforeAll(async () => {
    admin = (await signIn('boss@example.com', 'boss password 1')).jar;
    // Not ana: the limit tests above have used up her attempts.
    viewer = (await signIn('luis@example.com', 'viewer password 3')).jar;
    expect(viewer.has('authjs.session-token')).toBe(true);
  });

  it('answers 401 signed out, for every method it has', async () => {
    for (const response of [await keys.GET(api('/api/v1/admin/keys')), await keys.POST(api('/api/v1/admin/keys', { body: { name: 'x', scopes: ['export'] } })), await oneKey.DELETE(api('/api/v1/admin/keys/key_abcdefghijkl', { method: 'DELETE' }), ctx('key_abcdefghijkl'))]) {
      expect(response.status).toBe(401);
      expect(await errorOf(response)).toMatchObject({ code: 'unauthorized:admin' });
    }
  });

  it('lets an admin create (secret once), list (no secret) and revoke a key; the revoked key is refused', async () => {
    const created = await keys.POST(api('/api/v1/admin/keys', { jar: admin, body: { name: 'CRM sync', scopes: ['leads:read'] } }));
    expect(created.status).toBe(201);
    const { key, secret } = (await created.json()) as { key: { id: string; createdBy: string }; secret: string };
    expect(secret).toMatch(/^sk_live_/);
    expect(key.createdBy).toBe('boss@example.com');

    const listed = await keys.GET(api('/api/v1/admin/keys', { jar: viewer }));
    expect(listed.status).toBe(200);
    const text = await listed.text();
    expect(text).toContain('CRM sync');
    expect(text).not.toContain(secret);

    await expect(requireAdmin(api('/api/v1/admin/leads', { bearer: secret }), { scope: 'leads:read' })).resolves.toMatchObject({ kind: 'key', keyId: key.id });
    // A key does not manage keys.
    expect((await keys.GET(api('/api/v1/admin/keys', { bearer: secret }))).status).toBe(403);

    const revoked = await oneKey.DELETE(api(`/api/v1/admin/keys/${key.id}`, { method: 'DELETE', jar: admin }), ctx(key.id));
    expect(revoked.status).toBe(204);
    await expect(requireAdmin(api('/api/v1/admin/leads', { bearer: secret }), { scope: 'leads:read' })).rejects.toMatchObject({ status: 401, code: 'unauthorized:admin' });
    const again = await oneKey.DELETE(api(`/api/v1/admin/keys/${key.id}`, { method: 'DELETE', jar: admin }), ctx(key.id));
    expect(again.status).toBe(404);
  });

  it('refuses a viewer creating or revoking with 403', async () => {
    const response = await keys.POST(api('/api/v1/admin/keys', { jar: viewer, body: { name: 'mine', scopes: ['export'] } }));
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatchObject({ code: 'forbidden:admin' });
    const revoke = await oneKey.DELETE(api('/api/v1/admin/keys/key_abcdefghijkl', { method: 'DELETE', jar: viewer }), ctx('key_abcdefghijkl'));
    expect(revoke.status).toBe(403);
  });

  it('names what is wrong with a body, and answers other methods with 405', async () => {
    for (const [body, message] of [
      [{ name: '', scopes: ['export'] }, /name: give the key a name/],
      [{ name: 'x', scopes: [] }, /scopes: choose at least one scope/],
      [{ name: 'x', scopes: ['admin'] }, /scopes/],
      [{ name: 'x', scopes: ['export'], extra: 1 }, /extra|unrecognized/i],
    ] as const) {
      const response = await keys.POST(api('/api/v1/admin/keys', { jar: admin, body }));
      expect(response.status).toBe(400);
      expect((await errorOf(response)).message).toMatch(message);
    }
    expect((await oneKey.DELETE(api('/api/v1/admin/keys/nope', { method: 'DELETE', jar: admin }), ctx('nope'))).status).toBe(404);
    const put = await keys.PUT(api('/api/v1/admin/keys', { method: 'PUT' }));
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
  });
});

describe('GitHub and Google', () => {
  // A config of its own (the module's handlers read the environment once): GitHub on, two addresses allowed.
  const oauthConfig = async () => {
    const { default: NextAuth } = await import('next-auth');
    const { buildAuthConfig } = await import('@/lib/admin/auth');
    const { parseAdminConfig } = await import('@/lib/config-admin');
    const { createMemoryKv } = await import('@/lib/store/kv');
    const config = buildAuthConfig({
      config: parseAdminConfig({
        AUTH_GITHUB_ID: 'gh-client',
        AUTH_GITHUB_SECRET: 'gh-secret',
        ADMIN_OAUTH_ALLOWED_EMAILS: 'lead@example.com,ana@example.com',
        ADMIN_OAUTH_ADMINS: 'lead@example.com',
      }),
      secret: 'oauth-test-secret-oauth-test-secret-0123',
      kv: createMemoryKv({ prefix: 'o:' }),
      trustedProxies: 0,
    });
    return { config, handlers: NextAuth(config).handlers };
  };

  it('offers GitHub next to the password and sends the browser to GitHub with our callback', async () => {
    const { handlers } = await oauthConfig();
    const providers = (await (await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/providers`))).json()) as Record<string, unknown>;
    expect(Object.keys(providers).sort()).toEqual(['credentials', 'github']);

    const jar = new Jar();
    const tokenAnswer = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
    jar.take(tokenAnswer);
    const { csrfToken } = (await tokenAnswer.json()) as { csrfToken: string };
    const start = await handlers.POST(
      new NextRequest(`${ORIGIN}/api/auth/signin/github`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header },
        body: new URLSearchParams({ csrfToken, callbackUrl: `${ORIGIN}/admin` }),
      }),
    );
    const location = new URL(start.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe('https://github.com/login/oauth/authorize');
    expect(location.searchParams.get('client_id')).toBe('gh-client');
    expect(location.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/api/auth/callback/github`);
  });

  it('lets in only the allowed addresses, as admin or viewer, and never an address the provider has not verified', async () => {
    const { config } = await oauthConfig();
    const signInCallback = config.callbacks?.signIn;
    const jwtCallback = config.callbacks?.jwt;
    if (!signInCallback || !jwtCallback) throw new Error('callbacks missing');
    const github = { provider: 'github', type: 'oauth', providerAccountId: '1' } as const;
    const allowed = async (email: string, profile?: Record<string, unknown>) => signInCallback({ user: { email }, account: github, profile } as never);
    await expect(allowed('Lead@Example.com')).resolves.toBe(true);
    await expect(allowed('ana@example.com')).resolves.toBe(true);
    await expect(allowed('eve@example.com')).resolves.toBe(false);
    await expect(allowed('ana@example.com', { email_verified: false })).resolves.toBe(false);

    const tokenFor = async (email: string) => jwtCallback({ token: {}, user: { email }, account: github, trigger: 'signIn' } as never);
    await expect(tokenFor('lead@example.com')).resolves.toMatchObject({ email: 'lead@example.com', role: 'admin', authAt: expect.any(Number) });
    await expect(tokenFor('ana@example.com')).resolves.toMatchObject({ role: 'viewer' });
    await expect(tokenFor('eve@example.com')).resolves.toBeNull();
    // A renewal of a token whose sign-in is older than the session's lifetime ends it.
    expect(await jwtCallback({ token: { email: 'ana@example.com', role: 'viewer', authAt: 1 } } as never)).toBeNull();
  });
});
