import { AppError } from '@/lib/errors';
import { createLru, type Lru } from '@/lib/lru';
import { processSingleton } from '@/lib/process-singleton';

/**
 * Visitor sessions: `v1.<visitor>.<expires>.<signature>`, an HMAC-SHA-256 over the first three fields. Stateless to
 * check (no store read per request), Web Crypto only (edge-portable). The token travels as an HttpOnly cookie and,
 * where cookies are partitioned or blocked (a cross-site iframe), as a bearer token the client keeps.
 */
export const SESSION_COOKIE = 'sa_session';
const VERSION = 'v1';
const VISITOR_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export interface VisitorSession {
  visitorId: string;
  /** Epoch seconds. */
  expiresAt: number;
  token: string;
}

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/**
 * Tokens this process has signed or verified, per secret: a visitor's every later request skips the HMAC (an async
 * Web Crypto call, ~0.3–0.5 ms before each chat turn on the 2-core machine; docs/performance.md). Keyed by the whole
 * token, signature included, so only a token that passed the check is ever found; expiry is still checked per request.
 * Bounded (10,000 tokens, 10 minutes each): a flood of forged tokens costs an HMAC each, as it did, and fills nothing.
 */
function verifiedTokens(secret: string): Lru<true> {
  const bySecret = processSingleton('verified-session-tokens', () => new Map<string, Lru<true>>());
  let tokens = bySecret.get(secret);
  if (!tokens) {
    tokens = createLru<true>({ maxEntries: 10_000, maxBytes: 2_000_000, ttlMs: 10 * 60_000 });
    bySecret.set(secret, tokens);
  }
  return tokens;
}

/** 128 random bits, base64url. */
export function newVisitorId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}

export async function signSession(args: { secret: string; visitorId?: string; ttlSeconds: number; now?: number }): Promise<VisitorSession> {
  const visitorId = args.visitorId ?? newVisitorId();
  const expiresAt = Math.floor((args.now ?? Date.now()) / 1000) + args.ttlSeconds;
  const payload = `${VERSION}.${visitorId}.${expiresAt}`;
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(args.secret), encoder.encode(payload)));
  const token = `${payload}.${toBase64Url(signature)}`;
  verifiedTokens(args.secret).set(token, true, token.length);
  return { visitorId, expiresAt, token };
}

/** The session a token proves, or null when it is malformed, forged or expired. Constant-time signature check. */
export async function verifySession(args: { secret: string; token: string; now?: number }): Promise<VisitorSession | null> {
  const parts = args.token.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [, visitorId = '', expires = '', signature = ''] = parts;
  if (!VISITOR_PATTERN.test(visitorId) || !/^\d{1,12}$/.test(expires)) return null;
  const expiresAt = Number(expires);
  if (expiresAt * 1000 <= (args.now ?? Date.now())) return null;
  const verified = verifiedTokens(args.secret);
  if (verified.get(args.token)) return { visitorId, expiresAt, token: args.token };
  const signatureBytes = fromBase64Url(signature);
  // Only the one encoding the server writes: base64 ignores the last character's spare bits, so without this each
  // token had three look-alike spellings that passed as well (and were each cached as verified).
  if (!signatureBytes || signatureBytes.length !== 32 || toBase64Url(signatureBytes) !== signature) return null;
  const ok = await crypto.subtle.verify('HMAC', await hmacKey(args.secret), signatureBytes, encoder.encode(`${VERSION}.${visitorId}.${expires}`));
  if (!ok) return null;
  verified.set(args.token, true, args.token.length);
  return { visitorId, expiresAt, token: args.token };
}

/** The token a request carries: `Authorization: Bearer …` first (iframes), then the cookie. */
export function sessionTokenOf(request: Request): string | null {
  const authorization = request.headers.get('authorization');
  const bearer = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
  if (bearer) return bearer;
  const cookies = request.headers.get('cookie');
  if (!cookies) return null;
  for (const pair of cookies.split(';')) {
    const [name, ...rest] = pair.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=') || null;
  }
  return null;
}

/**
 * The Set-Cookie value for a session. Over https it is `SameSite=None; Secure; Partitioned` so that it also works in
 * a cross-site iframe (CHIPS); over plain http (local use) browsers refuse SameSite=None, so it is Lax.
 */
export function sessionCookie(session: VisitorSession, { secure, now = Date.now() }: { secure: boolean; now?: number }): string {
  const maxAge = Math.max(0, session.expiresAt - Math.floor(now / 1000));
  const attributes = [`${SESSION_COOKIE}=${session.token}`, 'Path=/', 'HttpOnly', `Max-Age=${maxAge}`];
  attributes.push(...(secure ? ['SameSite=None', 'Secure', 'Partitioned'] : ['SameSite=Lax']));
  return attributes.join('; ');
}

export function unauthorizedSession(): AppError {
  return new AppError('unauthorized:session', 'Start a visitor session first (POST /api/v1/session), then send its token.');
}
