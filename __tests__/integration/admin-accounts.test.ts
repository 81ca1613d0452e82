/** @jest-environment node */
// Admin accounts (lib/admin/accounts.ts): the generated admin of the embedded default (printed once, only its hash
// kept, one per store across instances), password checks, the sign-in limits (lib/admin/login-limits.ts) on memory
// and on real Redis through the bridge, and the OAuth allow-list. Also the edge-safe gate helpers and the page's
// reading of next-auth's refusals.
import { authenticate, ensureGeneratedAdmin, GENERATED_ADMIN_EMAIL, LoginRateLimitedError, oauthRole } from '@/lib/admin/accounts';
import { checkLoginLimits } from '@/lib/admin/login-limits';
import { hashPassword } from '@/lib/admin/password';
import { hasSessionCookie, safeAdminDestination, signInUrlFor } from '@/lib/admin/session-cookie';
import { describeSignInError } from '@/lib/admin/sign-in-errors';
import { parseAdminConfig } from '@/lib/config-admin';
import { createMemoryKv, kvKey, kvOne, KvError, type Kv } from '@/lib/store/kv';
import { bothKvStores } from '../support/kv-stores';

jest.setTimeout(60_000);

const stores = bothKvStores('a');

describe.each(stores)('the generated admin on %s', (_name, makeKv) => {
  it('is created once, its password printed once and only its hash stored; other instances only say it exists', async () => {
    const kv = makeKv();
    const config = parseAdminConfig({});
    const lines: string[] = [];
    const outcomes = await Promise.all([1, 2, 3].map(() => ensureGeneratedAdmin({ config, kv, log: (line) => lines.push(line) })));
    expect(outcomes.filter((outcome) => outcome === 'created')).toHaveLength(1);
    const printed = lines.filter((line) => line.includes('(shown once)'));
    expect(printed).toHaveLength(1);
    const password = /with password (\S+) \(shown once\)/.exec(printed[0] ?? '')?.[1] ?? '';
    expect(printed[0]).toBe(`[admin] No admin configured: sign in at /admin as admin@localhost with password ${password} (shown once)`);
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const stored = await kvOne<string>(kv, ['GET', kvKey(kv, 'admin', 'bootstrap')]);
    expect(stored).not.toContain(password);
    expect(JSON.parse(stored)).toMatchObject({ email: GENERATED_ADMIN_EMAIL, passwordHash: expect.stringMatching(/^scrypt\$/) });

    const later: string[] = [];
    await expect(ensureGeneratedAdmin({ config, kv, log: (line) => later.push(line) })).resolves.toBe('exists');
    expect(later.join('\n')).not.toContain(password);
    expect(later.join('\n')).toMatch(/exists .*ADMIN_PASSWORD_HASH \(npm run admin:hash -- <password>\)/);

    await expect(authenticate({ email: 'Admin@Localhost', password, ip: '198.51.100.1', config, kv })).resolves.toEqual({ email: GENERATED_ADMIN_EMAIL, role: 'admin' });
    await expect(authenticate({ email: GENERATED_ADMIN_EMAIL, password: `${password}x`, ip: '198.51.100.1', config, kv })).resolves.toBeNull();
  });

  it('tries again with backoff while the store does not answer, and prints the password once it does', async () => {
    const kv = makeKv();
    let failuresLeft = 3;
    const slow: Kv = { ...kv, prefix: kv.prefix, kind: kv.kind, exec: (commands) => (failuresLeft-- > 0 ? Promise.reject(new KvError('the store did not answer within 2500 ms')) : kv.exec(commands)), atomic: (commands) => kv.atomic(commands) };
    const lines: string[] = [];
    const warnings: string[] = [];
    const outcome = await ensureGeneratedAdmin({ config: parseAdminConfig({}), kv: slow, log: (line) => lines.push(line), warn: (line) => warnings.push(line), attempts: Infinity, retryDelayMs: 5, maxDelayMs: 12 });
    expect(outcome).toBe('created');
    expect(warnings).toEqual([
      '[admin] could not prepare the generated admin (the store did not answer within 2500 ms); trying again in 5 ms (sign-in fails until the store answers)',
      '[admin] could not prepare the generated admin (the store did not answer within 2500 ms); trying again in 10 ms (sign-in fails until the store answers)',
      '[admin] could not prepare the generated admin (the store did not answer within 2500 ms); trying again in 12 ms (sign-in fails until the store answers)',
    ]);
    expect(lines.filter((line) => line.includes('(shown once)'))).toHaveLength(1);
    const password = /with password (\S+) \(shown once\)/.exec(lines[0] ?? '')?.[1] ?? '';
    await expect(authenticate({ email: GENERATED_ADMIN_EMAIL, password, ip: '198.51.100.3', config: parseAdminConfig({}), kv })).resolves.toEqual({ email: GENERATED_ADMIN_EMAIL, role: 'admin' });
  });

  it('prints the password when its write landed but the answer was lost, and gives up after the attempts it was given', async () => {
    const kv = makeKv();
    let lost = false;
    // The SET reaches the store, then the answer is lost (a deadline passed on the way back).
    const lossy: Kv = {
      ...kv,
      prefix: kv.prefix,
      kind: kv.kind,
      exec: async (commands) => {
        const reply = await kv.exec(commands);
        if (!lost && commands[0]?.[0] === 'SET') {
          lost = true;
          throw new KvError('the store did not answer within 2500 ms');
        }
        return reply;
      },
      atomic: (commands) => kv.atomic(commands),
    };
    const lines: string[] = [];
    const warnings: string[] = [];
    await expect(ensureGeneratedAdmin({ config: parseAdminConfig({}), kv: lossy, log: (line) => lines.push(line), warn: (line) => warnings.push(line), attempts: 3, retryDelayMs: 1 })).resolves.toBe('created');
    expect(warnings).toHaveLength(1);
    expect(lines).toHaveLength(1);
    const password = /with password (\S+) \(shown once\)/.exec(lines[0] ?? '')?.[1] ?? '';
    await expect(authenticate({ email: GENERATED_ADMIN_EMAIL, password, ip: '198.51.100.4', config: parseAdminConfig({}), kv })).resolves.toEqual({ email: GENERATED_ADMIN_EMAIL, role: 'admin' });

    const down: Kv = { ...kv, prefix: kv.prefix, kind: kv.kind, exec: () => Promise.reject(new KvError('connection refused')), atomic: () => Promise.reject(new KvError('connection refused')) };
    const more: string[] = [];
    await expect(ensureGeneratedAdmin({ config: parseAdminConfig({}), kv: down, warn: (line) => more.push(line), attempts: 2, retryDelayMs: 1 })).rejects.toThrow('connection refused');
    expect(more).toHaveLength(1);
  });

  it('stands aside once ADMIN_EMAIL is set: nothing is created and it cannot sign in', async () => {
    const kv = makeKv();
    const lines: string[] = [];
    await ensureGeneratedAdmin({ config: parseAdminConfig({}), kv, log: (line) => lines.push(line) });
    const password = /with password (\S+) /.exec(lines[0] ?? '')?.[1] ?? '';
    const configured = parseAdminConfig({ ADMIN_EMAIL: 'boss@example.com', ADMIN_PASSWORD_HASH: await hashPassword('pw', { N: 1024, r: 8, p: 1 }) });
    await expect(ensureGeneratedAdmin({ config: configured, kv, log: (line) => lines.push(line) })).resolves.toBe('configured');
    expect(lines).toHaveLength(1);
    await expect(authenticate({ email: GENERATED_ADMIN_EMAIL, password, ip: '198.51.100.2', config: configured, kv })).resolves.toBeNull();
    await expect(authenticate({ email: 'boss@example.com', password: 'pw', ip: '198.51.100.2', config: configured, kv })).resolves.toEqual({ email: 'boss@example.com', role: 'admin' });
  });

  it('counts attempts per account and per address in windows that expire', async () => {
    const kv = makeKv();
    const rules = { account: { count: 2, windowMs: 60_000, source: '2/1m' }, ip: { count: 3, windowMs: 120_000, source: '3/2m' } };
    const check = (email: string, ip: string) => checkLoginLimits({ kv, email, ip, rules });
    expect(await check('a@x.io', '1.1.1.1')).toBeNull();
    expect(await check('a@x.io', '1.1.1.1')).toBeNull();
    expect(await check('a@x.io', '1.1.1.1')).toEqual({ retryAfterSeconds: 60 });
    // The address's window (3) is now used up by those three, whatever the account.
    expect((await check('b@x.io', '1.1.1.1'))?.retryAfterSeconds).toBe(120);
    expect(await check('b@x.io', '2.2.2.2')).toBeNull();
    const keys = (await kvOne<[string, string[]]>(kv, ['SCAN', '0', 'MATCH', `${kv.prefix}admin:login:*`, 'COUNT', 1000]))[1];
    expect(keys.length).toBeGreaterThanOrEqual(3);
    for (const key of keys) {
      expect(key).not.toMatch(/x\.io|1\.1\.1\.1/);
      expect(await kvOne<number>(kv, ['PTTL', key])).toBeGreaterThan(0);
    }
  });
});

describe('sign-in limits when the store does not answer', () => {
  it('are counted in process instead (never unlimited)', async () => {
    const broken: Kv = {
      prefix: 'x:',
      kind: 'upstash',
      exec: () => Promise.reject(new KvError('ECONNREFUSED')),
      atomic: () => Promise.reject(new KvError('ECONNREFUSED')),
    };
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const rules = { account: { count: 2, windowMs: 60_000, source: '2/1m' }, ip: null };
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await checkLoginLimits({ kv: broken, email: 'down@x.io', ip: '9.9.9.9', rules, now: 1_000_000 }));
    expect(results.slice(0, 2)).toEqual([null, null]);
    expect(results[2]?.retryAfterSeconds).toBeGreaterThan(0);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('turned off, they cost nothing', async () => {
    const kv = createMemoryKv({ prefix: 'off:' });
    for (let i = 0; i < 30; i++) expect(await checkLoginLimits({ kv, email: 'a', ip: 'b', rules: { account: null, ip: null } })).toBeNull();
  });
});

describe('authenticate', () => {
  const kv = createMemoryKv({ prefix: 'auth:' });
  let config: ReturnType<typeof parseAdminConfig>;
  beforeAll(async () => {
    config = parseAdminConfig({
      ADMIN_EMAIL: 'boss@example.com',
      ADMIN_PASSWORD_HASH: await hashPassword('right', { N: 1024, r: 8, p: 1 }),
      ADMIN_LOGIN_LIMIT_ACCOUNT: '2/15m',
    });
  });

  it('refuses odd inputs without counting or hashing, and throws once the limit is used up', async () => {
    for (const [email, password] of [[undefined, 'x'], ['boss@example.com', 42], ['', 'x'], ['boss@example.com', 'x'.repeat(1_025)], ['a'.repeat(255), 'x']]) {
      await expect(authenticate({ email, password, ip: '10.0.0.1', config, kv })).resolves.toBeNull();
    }
    await expect(authenticate({ email: 'boss@example.com', password: 'wrong', ip: '10.0.0.1', config, kv })).resolves.toBeNull();
    await expect(authenticate({ email: 'boss@example.com', password: 'wrong', ip: '10.0.0.1', config, kv })).resolves.toBeNull();
    const refusal = authenticate({ email: 'boss@example.com', password: 'right', ip: '10.0.0.1', config, kv });
    await expect(refusal).rejects.toBeInstanceOf(LoginRateLimitedError);
    await expect(refusal).rejects.toMatchObject({ retryAfterSeconds: 900 });
  });
});

describe('OAuth allow-list', () => {
  const config = parseAdminConfig({
    AUTH_GITHUB_ID: 'id',
    AUTH_GITHUB_SECRET: 'secret',
    ADMIN_OAUTH_ALLOWED_EMAILS: 'ana@example.com,boss@example.com',
    ADMIN_OAUTH_ADMINS: 'boss@example.com',
  });
  it('gives admins their role, the others on the list viewer, and everyone else nothing', () => {
    expect(oauthRole('Boss@Example.com', config)).toBe('admin');
    expect(oauthRole('ana@example.com', config)).toBe('viewer');
    expect(oauthRole('eve@example.com', config)).toBeNull();
    expect(oauthRole(null, config)).toBeNull();
  });
});

describe('gate helpers (edge-safe)', () => {
  it('sees a session cookie, chunked or secure, and nothing else', () => {
    expect(hasSessionCookie('authjs.session-token=abc')).toBe(true);
    expect(hasSessionCookie('a=1; __Secure-authjs.session-token.0=abc')).toBe(true);
    expect(hasSessionCookie('authjs.session-token=')).toBe(false);
    expect(hasSessionCookie('authjs.csrf-token=abc; sa_session=1')).toBe(false);
  });

  it('returns a signed-in user only to a local admin page', () => {
    expect(signInUrlFor('/admin')).toBe('/admin/sign-in');
    expect(signInUrlFor('/admin/leads?q=1')).toBe('/admin/sign-in?callbackUrl=%2Fadmin%2Fleads%3Fq%3D1');
    expect(safeAdminDestination('/admin/leads?q=1')).toBe('/admin/leads?q=1');
    expect(safeAdminDestination('/admin/../admin/leads#top')).toBe('/admin/leads#top');
    // Resolved as the browser resolves it: "/admin/..//evil.example/" is the other site "//evil.example/".
    expect(signInUrlFor('/admin/..//evil.example/')).toBe('/admin/sign-in');
    for (const value of ['https://evil.example/admin', '//evil.example/admin', '/administrator', '/admin/sign-in', '/', 42, undefined, '/admin/..//evil.example/', '/admin/../\\evil.example/', '/admin/\\evil.example', '/admin/..%2F%2Fevil.example', '/admin/../sign-in', '/admin//evil.example', '/admin/\u0000x']) {
      expect(safeAdminDestination(value)).toBe('/admin');
    }
  });

  it("reads next-auth's refusals for the sign-in page", () => {
    expect(describeSignInError('CredentialsSignin', 'credentials')).toEqual({ kind: 'credentials' });
    expect(describeSignInError('CredentialsSignin', 'rate_limited_12')).toEqual({ kind: 'rate_limited', minutes: 12 });
    expect(describeSignInError('AccessDenied')).toEqual({ kind: 'access_denied' });
    expect(describeSignInError('Configuration')).toEqual({ kind: 'generic' });
    expect(describeSignInError(undefined)).toBeNull();
  });
});
