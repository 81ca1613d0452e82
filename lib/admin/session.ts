import 'server-only';
import { decode } from 'next-auth/jwt';
import { getAdminConfig, type AdminRole } from '@/lib/config-admin';
import { forgetProcessSingleton, processSingleton } from '@/lib/process-singleton';
import { getKv, kvKey, type Kv } from '@/lib/store/kv';
import { SESSION_COOKIE_NAMES } from './session-cookie';

/**
 * The admin session as next-auth writes it: an encrypted JWT (JWE) in the `authjs.session-token` cookie
 * (`__Secure-authjs.session-token` over https), carrying the account's e-mail and role. Read here without next-auth's
 * request context so that the guard works in any route handler (and in tests with a plain Request). Web Crypto only.
 */

export interface AdminSession {
  email: string;
  role: AdminRole;
  /** Epoch seconds. */
  expiresAt: number;
}

/**
 * The key of the session tokens: AUTH_SECRET, or on the embedded default one generated once and kept in the store
 * (so every instance on the same Redis, and a restart, accept the same sessions). Read once per process.
 */
export function getAuthSecret(): Promise<string> {
  return processSingleton('admin-auth-secret', () => {
    const configured = getAdminConfig().authSecret;
    if (configured) return Promise.resolve(configured);
    const pending = readOrCreateAuthSecret(getKv());
    pending.catch(() => forgetProcessSingleton('admin-auth-secret'));
    return pending;
  });
}

export async function readOrCreateAuthSecret(kv: Kv): Promise<string> {
  const key = kvKey(kv, 'admin', 'auth-secret');
  const candidate = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
  const [, value] = await kv.atomic([
    ['SET', key, candidate, 'NX'],
    ['GET', key],
  ]);
  if (typeof value !== 'string' || value.length < 32) throw new Error('The store did not keep the admin session secret.');
  return value;
}

function cookiesOf(request: Pick<Request, 'headers'>): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (request.headers.get('cookie') ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return cookies;
}

/** next-auth splits a token over `name.0`, `name.1`, … when it outgrows one cookie. */
function tokenFrom(cookies: Map<string, string>, name: string): string | null {
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`) ?? '');
  return chunks.length > 0 ? chunks.join('') : null;
}

/**
 * The signed-in account a request's cookie proves, or null (none, forged, expired, or without a known role). A
 * session ends `ADMIN_SESSION_MAX_AGE_SECONDS` after the sign-in, however often next-auth renews the cookie.
 */
export async function readAdminSession(
  request: Pick<Request, 'headers'>,
  options: { secret?: string; maxAgeSeconds?: number; now?: number } = {},
): Promise<AdminSession | null> {
  const cookies = cookiesOf(request);
  const maxAgeSeconds = options.maxAgeSeconds ?? getAdminConfig().sessionMaxAgeSeconds;
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  for (const name of SESSION_COOKIE_NAMES) {
    const token = tokenFrom(cookies, name);
    if (!token || token.length > 16_384) continue;
    try {
      // The cookie name is the key-derivation salt (as next-auth encodes it); decode checks the token's own expiry.
      const claims = await decode({ token: decodeURIComponent(token), secret: options.secret ?? (await getAuthSecret()), salt: name });
      const session = sessionFromClaims(claims, maxAgeSeconds, nowSeconds);
      if (session) return session;
    } catch {
      // A token that does not decrypt with our key is no session.
    }
  }
  return null;
}

/** The session a decoded token stands for, if its role is known and its sign-in is recent enough. */
export function sessionFromClaims(claims: Record<string, unknown> | null, maxAgeSeconds: number, nowSeconds: number): AdminSession | null {
  const role = claims?.role;
  const email = claims?.email;
  const authAt = claims?.authAt;
  if ((role !== 'admin' && role !== 'viewer') || typeof email !== 'string' || typeof authAt !== 'number') return null;
  const expiresAt = authAt + maxAgeSeconds;
  return expiresAt > nowSeconds ? { email, role, expiresAt } : null;
}
