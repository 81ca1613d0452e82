import type { SecurityConfig } from '@/lib/config';
import { AppError, type Surface } from '@/lib/errors';

/**
 * Who is asking, from where: the client's address and the cross-site check. Web-standard APIs only (edge-portable).
 */

/** Set by instrumentation (lib/security/peer-address.ts) from the TCP socket; a client cannot forge it. */
export const PEER_HEADER = 'x-sales-agent-peer';

/**
 * The client's address. Each proxy appends the address it saw to X-Forwarded-For, so with N trusted proxies in
 * front, the client is the N-th entry from the right of (X-Forwarded-For + the socket's peer). Entries further left
 * were written by the client and are ignored: a forged header cannot change the address a limit is keyed on.
 */
export function clientAddress(request: Request, trustedProxies: number): string {
  const peer = request.headers.get(PEER_HEADER)?.trim();
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Without the peer header (serverless platforms, handlers called directly) the platform's own X-Forwarded-For is
  // the socket's view: its last entry is the nearest hop.
  const hops = peer ? [...forwarded, peer] : forwarded;
  const chosen = hops[Math.max(0, hops.length - 1 - trustedProxies)];
  return normaliseAddress(chosen ?? 'unknown');
}

function normaliseAddress(address: string): string {
  const bare = address.replace(/^::ffff:/i, '').replace(/^\[|\]$/g, '');
  // IPv6 clients are limited by their /64: a single host usually owns the whole prefix.
  if (bare.includes(':')) return `${bare.split(':').slice(0, 4).join(':')}::/64`;
  return bare;
}

/** The origins allowed to make state-changing requests: the app's own and the embed allow-list. */
export function isAllowedOrigin(request: Request, security: Pick<SecurityConfig, 'appOrigin' | 'embedAllowedOrigins'>): boolean {
  const origin = request.headers.get('origin');
  // Browsers send Origin on every cross-origin POST/DELETE (and on same-origin ones); a request without it did not come
  // from a page in a browser, so it cannot ride a visitor's cookies. "null" (sandboxed frames, file:) is refused.
  if (origin === null) return true;
  if (origin === 'null') return false;
  if (security.embedAllowedOrigins.includes(origin)) return true;
  // Host (or the proxy's X-Forwarded-Host): a page cannot set either on a cross-site request without a preflight,
  // which this app never grants.
  return isOwnOrigin(origin, request, security);
}

/**
 * Whether the request's Origin is the app itself: APP_ORIGIN, or the host the browser addressed (Host, the proxy's
 * X-Forwarded-Host, the URL). Not `request.url`'s origin alone: Next.js names 127.0.0.1 "localhost" there.
 */
export function isOwnOrigin(origin: string, request: Request, security: { appOrigin?: string | undefined }): boolean {
  if (security.appOrigin === origin) return true;
  const hosts = [request.headers.get('host'), request.headers.get('x-forwarded-host'), safeHost(request.url)];
  try {
    const originHost = new URL(origin).host;
    return hosts.some((host) => host === originHost);
  } catch {
    return false;
  }
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** Throws `forbidden:origin` unless the request's Origin is the app's own or on the embed allow-list. */
export function assertAllowedOrigin(request: Request, security: Pick<SecurityConfig, 'appOrigin' | 'embedAllowedOrigins'>): void {
  if (!isAllowedOrigin(request, security)) {
    throw new AppError('forbidden:origin', 'Requests from this site are not allowed. Embed the chat from an allowed origin.');
  }
}

/**
 * For the admin's changes made with a session: the app's own pages only. The embed allow-list lets marketing sites run
 * the chat, not change the admin; a request without Origin came from no browser page (a script with its cookie).
 */
export function assertOwnOrigin(request: Request, security: Pick<SecurityConfig, 'appOrigin'>): void {
  const origin = request.headers.get('origin');
  if (origin === null) return;
  if (origin === 'null' || !isOwnOrigin(origin, request, security)) {
    throw new AppError('forbidden:origin', "Changes to the admin are only accepted from the admin's own pages.");
  }
}

/** Throws `unsupported_media_type:<surface>` unless the body is declared as one of `types`. */
export function assertContentType(request: Request, types: readonly string[], surface: Surface, message?: string): void {
  const declared = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const accepted = types.some((type) => (type.endsWith('/*') ? declared.startsWith(type.slice(0, -1)) : declared === type));
  if (!accepted) throw new AppError(`unsupported_media_type:${surface}`, message ?? `Send the body as ${types.join(' or ')}.`);
}
