import 'server-only';
import { z } from 'zod';
import { ConfigError, type RateLimitRule } from '@/lib/config';
import { securityEnvShape } from '@/lib/config-security';
import { processSingleton } from '@/lib/process-singleton';

/**
 * Admin sign-in (docs/admin.md, "Sign-in, roles and API keys"): the accounts, the session lifetime, the sign-in limits
 * and the optional OAuth providers. Validated once per process (start-up parses it, so a bad value stops the server);
 * every variable is in .env.example.
 */
const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const list = (value: unknown) => (typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : value);
const int = (fallback: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));
const email = z.email().transform((value) => value.toLowerCase());
const emails = z.preprocess(list, z.array(email).default([]));
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().min(1).optional());

/** `scrypt$N$r$p$salt$hash` as printed by `npm run admin:hash` (lib/admin/password.ts checks the numbers). */
export const PASSWORD_HASH_PATTERN = /^scrypt\$\d{1,8}\$\d{1,3}\$\d{1,3}\$[A-Za-z0-9_-]{16,}\$[A-Za-z0-9_-]{32,}$/;
const passwordHash = z.string().trim().regex(PASSWORD_HASH_PATTERN, 'a hash printed by `npm run admin:hash -- <password>` (scrypt$N$r$p$salt$hash)');

/** The same `<count>/<window>` (or `off`) syntax as the visitor limits in lib/config-security.ts, with its own default. */
const limit = (fallback: string) => z.preprocess((value) => emptyToUndefined(value) ?? fallback, securityEnvShape.RATE_LIMIT_CHAT);

/** `email:hash,email:hash` — the hash holds no comma or colon, an e-mail address no colon. */
const viewers = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const accounts: Array<{ email: string; passwordHash: string }> = [];
      for (const entry of (value ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
        const at = entry.indexOf(':');
        const address = email.safeParse(entry.slice(0, at).trim());
        const hash = passwordHash.safeParse(entry.slice(at + 1));
        if (at < 0 || !address.success || !hash.success) {
          ctx.addIssue({ code: 'custom', message: `"${entry.slice(0, 60)}" is not email:hash (the hash from npm run admin:hash)` });
          return z.NEVER;
        }
        accounts.push({ email: address.data, passwordHash: hash.data });
      }
      return accounts;
    }),
);

export const adminEnvSchema = z.object({
  ADMIN_EMAIL: z.preprocess(emptyToUndefined, email.optional()),
  ADMIN_PASSWORD_HASH: z.preprocess(emptyToUndefined, passwordHash.optional()),
  /** Read-only accounts: `email:hash` pairs, comma-separated. */
  ADMIN_VIEWERS: viewers,
  /** How long a sign-in lasts; the session is not extended by use beyond this. */
  ADMIN_SESSION_MAX_AGE_SECONDS: int(8 * 60 * 60, 300, 30 * 24 * 60 * 60),
  /** Key of the session tokens (next-auth). Empty: generated once and kept in the store, like SESSION_SECRET. */
  AUTH_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'at least 32 characters').optional()),
  ADMIN_LOGIN_LIMIT_ACCOUNT: limit('5/15m'),
  ADMIN_LOGIN_LIMIT_IP: limit('20/15m'),
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
  /** Who may sign in with GitHub or Google (e-mail addresses as the provider reports them). */
  ADMIN_OAUTH_ALLOWED_EMAILS: emails,
  /** Which of those get the admin role; the others are viewers. */
  ADMIN_OAUTH_ADMINS: emails,
});

export type AdminRole = 'admin' | 'viewer';

export interface ConfiguredAccount {
  email: string;
  passwordHash: string;
  role: AdminRole;
}

export type OAuthProviderId = 'github' | 'google';

export interface AdminConfig {
  /** The accounts of the environment (ADMIN_EMAIL and ADMIN_VIEWERS). Empty: the generated admin in the store is used. */
  accounts: ConfiguredAccount[];
  sessionMaxAgeSeconds: number;
  authSecret: string | undefined;
  loginLimits: { account: RateLimitRule | null; ip: RateLimitRule | null };
  oauth: {
    providers: Array<{ id: OAuthProviderId; clientId: string; clientSecret: string }>;
    allowedEmails: string[];
    admins: string[];
  };
}

export function parseAdminConfig(source: Record<string, string | undefined>): AdminConfig {
  const parsed = adminEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
  }
  const env = parsed.data;
  const issues: string[] = [];
  if (env.ADMIN_EMAIL && !env.ADMIN_PASSWORD_HASH) issues.push('ADMIN_PASSWORD_HASH: required when ADMIN_EMAIL is set (npm run admin:hash -- <password>)');
  if (!env.ADMIN_EMAIL && env.ADMIN_PASSWORD_HASH) issues.push('ADMIN_EMAIL: required when ADMIN_PASSWORD_HASH is set');
  const providers: AdminConfig['oauth']['providers'] = [];
  for (const [id, clientId, clientSecret] of [
    ['github', env.AUTH_GITHUB_ID, env.AUTH_GITHUB_SECRET],
    ['google', env.AUTH_GOOGLE_ID, env.AUTH_GOOGLE_SECRET],
  ] as const) {
    const name = id.toUpperCase();
    if (Boolean(clientId) !== Boolean(clientSecret)) issues.push(`AUTH_${name}_${clientId ? 'SECRET' : 'ID'}: required when AUTH_${name}_${clientId ? 'ID' : 'SECRET'} is set`);
    else if (clientId && clientSecret) providers.push({ id, clientId, clientSecret });
  }
  if (providers.length > 0 && env.ADMIN_OAUTH_ALLOWED_EMAILS.length === 0) {
    issues.push('ADMIN_OAUTH_ALLOWED_EMAILS: required when an OAuth provider is set (who may sign in with it)');
  }
  const strays = env.ADMIN_OAUTH_ADMINS.filter((address) => !env.ADMIN_OAUTH_ALLOWED_EMAILS.includes(address));
  if (strays.length > 0) issues.push(`ADMIN_OAUTH_ADMINS: ${strays.join(', ')} must also be in ADMIN_OAUTH_ALLOWED_EMAILS`);
  if (issues.length > 0) throw new ConfigError(issues);

  const accounts: ConfiguredAccount[] = [];
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD_HASH) accounts.push({ email: env.ADMIN_EMAIL, passwordHash: env.ADMIN_PASSWORD_HASH, role: 'admin' });
  for (const viewer of env.ADMIN_VIEWERS) {
    if (!accounts.some((account) => account.email === viewer.email)) accounts.push({ ...viewer, role: 'viewer' });
  }
  return {
    accounts,
    sessionMaxAgeSeconds: env.ADMIN_SESSION_MAX_AGE_SECONDS,
    authSecret: env.AUTH_SECRET,
    loginLimits: { account: env.ADMIN_LOGIN_LIMIT_ACCOUNT, ip: env.ADMIN_LOGIN_LIMIT_IP },
    oauth: { providers, allowedEmails: env.ADMIN_OAUTH_ALLOWED_EMAILS, admins: env.ADMIN_OAUTH_ADMINS },
  };
}

/** The process's admin settings, read from the environment once. */
export function getAdminConfig(): AdminConfig {
  return processSingleton('admin-config', () => parseAdminConfig(process.env));
}
