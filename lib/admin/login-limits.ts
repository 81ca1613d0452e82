import 'server-only';
import type { RateLimitRule } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';
import { createLocalLimiter } from '@/lib/security/local-limiter';
import { kvKey, type Kv } from '@/lib/store/kv';

/**
 * Brute-force limits on the admin sign-in: attempts per account and per client address, in fixed windows on the
 * shared store (so every instance counts together), counted before the password is checked so that parallel guesses
 * cannot slip past. Keys hold a hash of the e-mail or address, not the thing itself, and expire with their window.
 * When the store does not answer, the in-process limiter decides (fail open, never unlimited), as for the visitor limits.
 */
export interface LoginLimitRules {
  account: RateLimitRule | null;
  ip: RateLimitRule | null;
}

async function subjectHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const accountKey = async (kv: Kv, email: string) => kvKey(kv, 'admin', 'login', 'acct', await subjectHash(email));
const ipKey = async (kv: Kv, ip: string) => kvKey(kv, 'admin', 'login', 'ip', await subjectHash(ip));

/** Counts one attempt; returns how long to wait when the account's or the address's window is used up, else null. */
export async function checkLoginLimits(args: {
  kv: Kv;
  email: string;
  ip: string;
  rules: LoginLimitRules;
  now?: number;
}): Promise<{ retryAfterSeconds: number } | null> {
  const scopes = [
    { rule: args.rules.account, key: await accountKey(args.kv, args.email) },
    { rule: args.rules.ip, key: await ipKey(args.kv, args.ip) },
  ].filter((scope): scope is { rule: RateLimitRule; key: string } => scope.rule !== null);
  if (scopes.length === 0) return null;

  let outcomes: Array<{ count: number; limit: number; resetInMs: number }>;
  try {
    const replies = await args.kv.atomic(
      scopes.flatMap(({ rule, key }) => [
        ['SET', key, '0', 'PX', rule.windowMs, 'NX'] as const,
        ['INCR', key] as const,
        ['PTTL', key] as const,
      ]),
    );
    outcomes = scopes.map(({ rule }, i) => ({ count: Number(replies[i * 3 + 1]), limit: rule.count, resetInMs: Math.max(0, Number(replies[i * 3 + 2])) }));
  } catch (error) {
    console.warn('[admin] the store did not answer; sign-in limits are counted in process:', error instanceof Error ? error.message : error);
    const local = processSingleton('admin-login-backstop', () => createLocalLimiter({ maxKeys: 10_000 }));
    const now = args.now ?? Date.now();
    outcomes = scopes.map(({ rule, key }) => {
      const result = local.limit(key, rule, now);
      return { count: result.success ? 0 : rule.count + 1, limit: rule.count, resetInMs: result.reset - now };
    });
  }
  const refused = outcomes.filter((outcome) => outcome.count > outcome.limit);
  if (refused.length === 0) return null;
  return { retryAfterSeconds: Math.max(1, ...refused.map((outcome) => Math.ceil(outcome.resetInMs / 1000))) };
}

/** After a successful sign-in the account starts afresh (the address's count stands). */
export async function clearAccountLimit({ kv, email }: { kv: Kv; email: string }): Promise<void> {
  try {
    await kv.exec([['DEL', await accountKey(kv, email)]]);
  } catch {
    // The window ends by itself.
  }
}
