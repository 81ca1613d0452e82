/** @jest-environment node */
// Admin passwords (lib/admin/password.ts) and the admin settings (lib/config-admin.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { burnPasswordCheck, generatePassword, hashPassword, isPasswordHash, verifyPassword } from '@/lib/admin/password';
import { ConfigError } from '@/lib/config';
import { adminEnvSchema, parseAdminConfig, PASSWORD_HASH_PATTERN } from '@/lib/config-admin';

// Cheap parameters keep the suite fast; the format and the check are the same.
const FAST = { N: 1024, r: 8, p: 1 };

describe('password hashes', () => {
  it('hashes to scrypt$N$r$p$salt$hash with a fresh salt, and verifies only the right password', async () => {
    const first = await hashPassword('correct horse battery staple', FAST);
    const second = await hashPassword('correct horse battery staple', FAST);
    expect(first).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(first).toMatch(PASSWORD_HASH_PATTERN);
    expect(second).not.toBe(first);
    await expect(verifyPassword('correct horse battery staple', first)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapl', first)).resolves.toBe(false);
    await expect(verifyPassword('Correct horse battery staple', second)).resolves.toBe(false);
    await expect(verifyPassword('', first)).resolves.toBe(false);
  });

  it('uses the default cost (N=2^15) when none is given', async () => {
    const hash = await hashPassword('pw');
    expect(hash.split('$').slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    await expect(verifyPassword('pw', hash)).resolves.toBe(true);
  });

  it('treats composed and decomposed accents as the same password (NFKC)', async () => {
    const hash = await hashPassword('contrase\u00f1a', FAST);
    await expect(verifyPassword('contrasen\u0303a', hash)).resolves.toBe(true);
  });

  it('never matches a malformed or over-expensive hash', async () => {
    const good = await hashPassword('pw', FAST);
    const [, , r, p, salt, key] = good.split('$');
    for (const bad of ['', 'plain', `bcrypt$1024$${r}$${p}$${salt}$${key}`, `scrypt$1000$${r}$${p}$${salt}$${key}`, `scrypt$${2 ** 20}$${r}$${p}$${salt}$${key}`, `scrypt$1024$0$${p}$${salt}$${key}`, `scrypt$1024$${r}$${p}$${salt}$`]) {
      expect(isPasswordHash(bad)).toBe(false);
      await expect(verifyPassword('pw', bad)).resolves.toBe(false);
    }
    expect(isPasswordHash(good)).toBe(true);
  });

  it('spends about as long on an unknown account as on a wrong password', async () => {
    const hash = await hashPassword('pw');
    const time = async (run: () => Promise<unknown>) => {
      const started = performance.now();
      await run();
      return performance.now() - started;
    };
    await burnPasswordCheck('warm-up');
    // Interleaved, so that load from elsewhere on the machine falls on both alike; medians of seven.
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      wrong.push(await time(() => verifyPassword('nope', hash)));
      unknown.push(await time(() => burnPasswordCheck('nope')));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[3] ?? 0;
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.33);
    expect(median(unknown)).toBeLessThan(median(wrong) * 3);
  });

  it('generates 24-character passwords that differ', () => {
    const passwords = new Set(Array.from({ length: 20 }, generatePassword));
    expect(passwords.size).toBe(20);
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('npm run admin:hash prints a hash that verifies as its last line', async () => {
    const script = path.join(__dirname, '..', '..', 'scripts', 'admin-hash.mjs');
    const output = execFileSync(process.execPath, [script, 's3cret pass'], { encoding: 'utf8' });
    const lines = output.trim().split('\n');
    const hash = lines[lines.length - 1] ?? '';
    expect(hash).toMatch(PASSWORD_HASH_PATTERN);
    await expect(verifyPassword('s3cret pass', hash)).resolves.toBe(true);
    expect(() => execFileSync(process.execPath, [script], { encoding: 'utf8', stdio: 'pipe', input: '' })).toThrow(/password/i);
  });
});

describe('admin settings', () => {
  const HASH = `scrypt$32768$8$1$${'a'.repeat(22)}$${'b'.repeat(43)}`;

  it('defaults: no account (the generated admin is used), 8 h sessions, 5/15m per account and 20/15m per address', () => {
    const config = parseAdminConfig({});
    expect(config.accounts).toEqual([]);
    expect(config.sessionMaxAgeSeconds).toBe(28_800);
    expect(config.loginLimits.account).toMatchObject({ count: 5, windowMs: 15 * 60_000 });
    expect(config.loginLimits.ip).toMatchObject({ count: 20, windowMs: 15 * 60_000 });
    expect(config.oauth.providers).toEqual([]);
  });

  it('documents every variable in .env.example, whose values as copied give the defaults', () => {
    const text = readFileSync(path.join(__dirname, '..', '..', '.env.example'), 'utf8');
    const env = Object.fromEntries([...text.matchAll(/^([A-Z0-9_]+)=(.*)$/gm)].map((match) => [match[1], match[2]]));
    for (const name of Object.keys(adminEnvSchema.shape)) expect(env).toHaveProperty(name);
    expect(parseAdminConfig(env)).toEqual(parseAdminConfig({}));
  });

  it('reads the admin and the viewers, lower-casing the e-mail addresses', () => {
    const config = parseAdminConfig({
      ADMIN_EMAIL: 'Boss@Example.com',
      ADMIN_PASSWORD_HASH: HASH,
      ADMIN_VIEWERS: ` ana@example.com:${HASH}, Luis@Example.com:${HASH} `,
      ADMIN_LOGIN_LIMIT_ACCOUNT: 'off',
      ADMIN_SESSION_MAX_AGE_SECONDS: '3600',
    });
    expect(config.accounts).toEqual([
      { email: 'boss@example.com', passwordHash: HASH, role: 'admin' },
      { email: 'ana@example.com', passwordHash: HASH, role: 'viewer' },
      { email: 'luis@example.com', passwordHash: HASH, role: 'viewer' },
    ]);
    expect(config.loginLimits.account).toBeNull();
    expect(config.sessionMaxAgeSeconds).toBe(3600);
  });

  it('names each bad variable', () => {
    const issues = (env: Record<string, string>) => {
      try {
        parseAdminConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).issues.join('\n');
      }
      throw new Error('no ConfigError');
    };
    expect(issues({ ADMIN_EMAIL: 'a@example.com' })).toMatch(/ADMIN_PASSWORD_HASH: required/);
    expect(issues({ ADMIN_PASSWORD_HASH: HASH })).toMatch(/ADMIN_EMAIL: required/);
    expect(issues({ ADMIN_EMAIL: 'a@example.com', ADMIN_PASSWORD_HASH: 'hunter2' })).toMatch(/ADMIN_PASSWORD_HASH: .*admin:hash/);
    expect(issues({ ADMIN_VIEWERS: 'ana@example.com' })).toMatch(/ADMIN_VIEWERS: .*email:hash/);
    expect(issues({ AUTH_SECRET: 'short' })).toMatch(/AUTH_SECRET: at least 32/);
    expect(issues({ ADMIN_LOGIN_LIMIT_IP: 'lots' })).toMatch(/ADMIN_LOGIN_LIMIT_IP/);
    expect(issues({ AUTH_GITHUB_ID: 'x' })).toMatch(/AUTH_GITHUB_SECRET: required/);
    expect(issues({ AUTH_GOOGLE_ID: 'x', AUTH_GOOGLE_SECRET: 'y' })).toMatch(/ADMIN_OAUTH_ALLOWED_EMAILS: required/);
    expect(issues({ ADMIN_OAUTH_ALLOWED_EMAILS: 'a@example.com', ADMIN_OAUTH_ADMINS: 'b@example.com' })).toMatch(/b@example.com must also be/);
  });

  it('switches on an OAuth provider only with both its id and secret', () => {
    const config = parseAdminConfig({
      AUTH_GITHUB_ID: 'gh-id',
      AUTH_GITHUB_SECRET: 'gh-secret',
      ADMIN_OAUTH_ALLOWED_EMAILS: 'ana@example.com, Luis@example.com',
      ADMIN_OAUTH_ADMINS: 'luis@example.com',
    });
    expect(config.oauth).toEqual({
      providers: [{ id: 'github', clientId: 'gh-id', clientSecret: 'gh-secret' }],
      allowedEmails: ['ana@example.com', 'luis@example.com'],
      admins: ['luis@example.com'],
    });
  });
});
