import 'server-only';
import type { AdminConfig, AdminRole, ConfiguredAccount } from '@/lib/config-admin';
import { kvKey, kvOne, type Kv } from '@/lib/store/kv';
import { checkLoginLimits, clearAccountLimit } from './login-limits';
import { burnPasswordCheck, generatePassword, hashPassword, isPasswordHash, verifyPassword } from './password';

/**
 * Who may sign in with a password: ADMIN_EMAIL (admin) and ADMIN_VIEWERS (viewers) from the environment. With no
 * ADMIN_EMAIL, an admin generated at start-up stands in (`admin@localhost`, its password printed once, only its hash
 * kept in the store under `admin:bootstrap`), so the embedded default has a working, private sign-in. Node-only (scrypt).
 */
export const GENERATED_ADMIN_EMAIL = 'admin@localhost';
const MAX_EMAIL_LENGTH = 254;
/** scrypt's cost grows with the input: a megabyte "password" must not be hashed. */
const MAX_PASSWORD_LENGTH = 1_024;

const bootstrapKey = (kv: Kv) => kvKey(kv, 'admin', 'bootstrap');

export interface SignedInAccount {
  email: string;
  role: AdminRole;
}

export function hasConfiguredAdmin(config: AdminConfig): boolean {
  return config.accounts.some((account) => account.role === 'admin');
}

async function findAccount(email: string, config: AdminConfig, kv: Kv): Promise<ConfiguredAccount | null> {
  const configured = config.accounts.find((account) => account.email === email);
  if (configured) return configured;
  if (email !== GENERATED_ADMIN_EMAIL || hasConfiguredAdmin(config)) return null;
  const stored = await kvOne<string | null>(kv, ['GET', bootstrapKey(kv)]);
  try {
    const parsed = stored ? (JSON.parse(stored) as { passwordHash?: unknown }) : null;
    return typeof parsed?.passwordHash === 'string' ? { email, passwordHash: parsed.passwordHash, role: 'admin' } : null;
  } catch {
    return null;
  }
}

/** Why a sign-in was refused before the password was looked at. */
export class LoginRateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-in attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`);
    this.name = 'LoginRateLimitedError';
  }
}

/**
 * The account an e-mail and password prove, or null. Every attempt counts against the account's and the address's
 * limits first (throws LoginRateLimitedError when either is used up); a success clears the account's count. An
 * unknown account costs the same scrypt work as a wrong password.
 */
export async function authenticate(args: {
  email: unknown;
  password: unknown;
  ip: string;
  config: AdminConfig;
  kv: Kv;
  now?: number;
}): Promise<SignedInAccount | null> {
  const email = typeof args.email === 'string' ? args.email.trim().toLowerCase() : '';
  const password = typeof args.password === 'string' ? args.password : '';
  if (!email || email.length > MAX_EMAIL_LENGTH || !password || password.length > MAX_PASSWORD_LENGTH) return null;

  const limited = await checkLoginLimits({ kv: args.kv, email, ip: args.ip, rules: args.config.loginLimits, now: args.now });
  if (limited) throw new LoginRateLimitedError(limited.retryAfterSeconds);

  const account = await findAccount(email, args.config, args.kv);
  if (!account) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword(password, account.passwordHash))) return null;
  await clearAccountLimit({ kv: args.kv, email });
  return { email: account.email, role: account.role };
}

/** The role an OAuth sign-in gets, or null when the address is not on the allow-list. */
export function oauthRole(email: string | null | undefined, config: AdminConfig): AdminRole | null {
  const address = email?.trim().toLowerCase();
  if (!address || !config.oauth.allowedEmails.includes(address)) return null;
  return config.oauth.admins.includes(address) ? 'admin' : 'viewer';
}

export interface GeneratedAdminOptions {
  config: AdminConfig;
  kv: Kv;
  log?: (line: string) => void;
  /** Where a failed attempt is reported (with the wait before the next). */
  warn?: (line: string) => void;
  /** Attempts in all; the default tries until the store answers (start-up runs this in the background). */
  attempts?: number;
  /** The first wait after a failure; it doubles per attempt up to `maxDelayMs`. */
  retryDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Start-up, when no ADMIN_EMAIL is set: make sure the generated admin exists. The first instance to get there creates
 * the password and prints it once; later starts (and other instances on the same Redis) only say that it exists.
 *
 * A store that does not answer (slow at start-up, down for a moment) is tried again with backoff rather than given up
 * on: sign-in must not stay broken until a restart. The password is drawn once, so a write whose answer was lost is
 * recognised on the next attempt as this instance's own and its password is still printed.
 */
export async function ensureGeneratedAdmin({
  config,
  kv,
  log = console.info,
  warn = console.error,
  attempts = 1,
  retryDelayMs = 500,
  maxDelayMs = 30_000,
}: GeneratedAdminOptions): Promise<'configured' | 'created' | 'exists'> {
  if (hasConfiguredAdmin(config)) return 'configured';
  let candidate: { password: string; record: string } | null = null;

  const attempt = async (): Promise<'created' | 'exists'> => {
    const existing = await kvOne<string | null>(kv, ['GET', bootstrapKey(kv)]);
    if (existing === null) {
      if (!candidate) {
        const password = generatePassword();
        candidate = { password, record: JSON.stringify({ email: GENERATED_ADMIN_EMAIL, passwordHash: await hashPassword(password), createdAt: Date.now() }) };
      }
      if ((await kvOne(kv, ['SET', bootstrapKey(kv), candidate.record, 'NX'])) === 'OK') return printCreated(candidate.password);
    } else if (candidate && existing === candidate.record) {
      return printCreated(candidate.password); // written by an earlier attempt whose answer was lost
    } else if (!isStoredHashUsable(existing)) {
      log(`[admin] The generated admin in the store is unreadable: delete the key ${bootstrapKey(kv)} and restart, or set ADMIN_EMAIL and ADMIN_PASSWORD_HASH.`);
      return 'exists';
    }
    log(
      `[admin] No admin configured: the generated admin ${GENERATED_ADMIN_EMAIL} exists (its password was printed when it was created). ` +
        `To choose a password, set ADMIN_EMAIL and ADMIN_PASSWORD_HASH (npm run admin:hash -- <password>); to print a new one, delete the key ${bootstrapKey(kv)} and restart.`,
    );
    return 'exists';
  };

  const printCreated = (password: string): 'created' => {
    log(`[admin] No admin configured: sign in at /admin as ${GENERATED_ADMIN_EMAIL} with password ${password} (shown once)`);
    return 'created';
  };

  let delay = retryDelayMs;
  for (let tried = 1; ; tried += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (tried >= attempts) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      warn(`[admin] could not prepare the generated admin (${reason}); trying again in ${formatWait(delay)} (sign-in fails until the store answers)`);
      await pause(delay);
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }
}

function formatWait(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** A wait that does not keep the process alive (a server stopping need not wait for a retry). */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}

function isStoredHashUsable(stored: string): boolean {
  try {
    const parsed = JSON.parse(stored) as { passwordHash?: unknown };
    return typeof parsed.passwordHash === 'string' && isPasswordHash(parsed.passwordHash);
  } catch {
    return false;
  }
}
