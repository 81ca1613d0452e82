import 'server-only';
import { getServerConfig, type RateLimitRule } from '@/lib/config';
import type { AdminRole } from '@/lib/config-admin';
import { AppError } from '@/lib/errors';
import { processSingleton } from '@/lib/process-singleton';
import { createLocalLimiter } from '@/lib/security/local-limiter';
import { assertOwnOrigin, clientAddress } from '@/lib/security/request';
import { getKv, type Kv } from '@/lib/store/kv';
import { isApiKeySecret, verifyApiKey, type ApiKeyScope } from './keys';
import { readAdminSession } from './session';

/**
 * Who may call an admin route: a signed-in admin or viewer (the next-auth session cookie), or a server holding an API
 * key with the right scope (`Authorization: Bearer sk_live_…`). docs/admin.md, "Sign-in, roles and API keys".
 */
export type { AdminRole };
export { API_KEY_SCOPES, type ApiKeyScope } from './keys';

export type AdminActor =
  | { kind: 'user'; email: string; role: AdminRole }
  | { kind: 'key'; keyId: string; scopes: ApiKeyScope[] };

export interface AdminRequirement {
  /** A key must hold this scope; without it only a signed-in user passes. */
  scope?: ApiKeyScope;
  /** The route changes something: viewers get a 403. */
  write?: boolean;
}

/** Injected by tests; routes use the defaults. */
export interface GuardDeps {
  kv?: Kv;
  secret?: string;
}

const unauthorized = () => new AppError('unauthorized:admin', 'Sign in as an admin, or send an API key with the right scope.');

/** Resolves the caller or throws AppError `unauthorized:admin` (401) / `forbidden:admin` (403). */
export async function requireAdmin(request: Request, requirement: AdminRequirement = {}, deps: GuardDeps = {}): Promise<AdminActor> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (bearer) return requireKey(bearer, requirement, deps.kv ?? getKv(), clientAddress(request, getServerConfig().security.trustedProxies));

  const session = await readAdminSession(request, { secret: deps.secret });
  if (!session) throw unauthorized();
  if (requirement.write && session.role !== 'admin') {
    throw new AppError('forbidden:admin', 'Your account can read but not change anything here: ask an admin.');
  }
  // The cookie is SameSite=Lax already; a change must also come from the app's own pages (not a site allowed to embed
  // the chat: a page there shares the site, so the cookie would ride along).
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    assertOwnOrigin(request, getServerConfig().security);
    // A browser that leaves Origin out (older ones, on some form posts) still says where the request came from.
    const site = request.headers.get('sec-fetch-site');
    if (request.headers.get('origin') === null && (site === 'cross-site' || site === 'same-site')) {
      throw new AppError('forbidden:origin', "Changes to the admin are only accepted from the admin's own pages.");
    }
  }
  return { kind: 'user', email: session.email, role: session.role };
}

/**
 * Well-formed keys one address may try per minute before it is refused without a store read. Each try costs a Redis
 * command (billed per command on Upstash), and nothing else an unauthenticated client sends does: a visitor token is
 * checked without the store. Keys that prove valid are taken back from the window, so a server using its key is never
 * counted; only an address trying keys that do not exist is. Per process, like the other in-process windows.
 */
const UNKNOWN_KEYS_PER_ADDRESS: RateLimitRule = { count: 20, windowMs: 60_000, source: '20/1m' };

const invalidKey = () => new AppError('unauthorized:admin', 'This API key is not valid: it may have been revoked.');

async function requireKey(secret: string, requirement: AdminRequirement, kv: Kv, ip: string): Promise<AdminActor> {
  // Not even the shape of a key: refused without a store read, and not counted.
  if (!isApiKeySecret(secret)) throw invalidKey();
  const tries = processSingleton('admin-key-tries', () => createLocalLimiter({ maxKeys: 10_000 }));
  const window = `admin-key:${ip}`;
  const now = Date.now();
  const verdict = tries.limit(window, UNKNOWN_KEYS_PER_ADDRESS, now);
  if (!verdict.success) {
    const retryAfter = Math.max(1, Math.ceil((verdict.reset - now) / 1000));
    throw new AppError('rate_limited:admin', `Too many requests. You can continue in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`, {
      headers: { 'retry-after': String(retryAfter) },
      details: { retryAfterSeconds: retryAfter },
    });
  }
  const key = await verifyApiKey({ kv, secret });
  if (!key) throw invalidKey();
  tries.release(window, UNKNOWN_KEYS_PER_ADDRESS, now);
  // Keys are for the named server-to-server surfaces only, and change nothing but webhooks.
  if (!requirement.scope || !key.scopes.includes(requirement.scope)) {
    throw new AppError('forbidden:admin', requirement.scope ? `This API key lacks the "${requirement.scope}" scope.` : 'API keys cannot use this route: sign in instead.');
  }
  if (requirement.write && requirement.scope !== 'webhooks') throw new AppError('forbidden:admin', 'API keys cannot change anything here: sign in instead.');
  return { kind: 'key', keyId: key.id, scopes: key.scopes };
}
