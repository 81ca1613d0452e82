import type { SecurityConfig } from '@/lib/config';
import { AppError, type Surface } from '@/lib/errors';
import { processSingleton } from '@/lib/process-singleton';

/**
 * Who is asking, from where: the client's address and the cross-site check. Web-standard APIs only (edge-portable).
 */

/**
 * The socket's peer, stamped by the server's request hook (lib/security/peer-address.ts) as `<secret> <address>`. The
 * secret is random per process and never leaves it, so a value a client sends itself is ignored: where the hook does
 * not see a request (serverless platforms, or any path it would miss), a forged header cannot choose the address.
 */
export const PEER_HEADER = 'x-sales-agent-peer';

/** The process's stamp secret (random at its first use; one per process, shared by every bundle). */
const peerSecret = () =>
  processSingleton('peer-stamp-secret', () => Array.from(crypto.getRandomValues(new Uint8Array(24)), (byte) => byte.toString(16).padStart(2, '0')).join(''));

/** The value of PEER_HEADER that says `address` is the socket's peer (only this process's code can make one). */
export function peerStamp(address: string): string {
  return `${peerSecret()} ${address}`;
}

/** The address a stamp carries, or undefined when it is absent or was not made with this process's secret. */
function stampedPeer(value: string | null): string | undefined {
  if (!value) return undefined;
  const secret = peerSecret();
  const space = value.indexOf(' ');
  if (space !== secret.length) return undefined;
  // Compared in constant time: how far a guess matched must not show in the answer's timing.
  let difference = 0;
  for (let i = 0; i < secret.length; i++) difference |= value.charCodeAt(i) ^ secret.charCodeAt(i);
  if (difference !== 0) return undefined;
  return value.slice(space + 1).trim() || undefined;
}

/**
 * The client's address. Each proxy appends the address it saw to X-Forwarded-For, so with N trusted proxies in
 * front, the client is the N-th entry from the right of (X-Forwarded-For + the socket's peer). Entries further left
 * were written by the client and are ignored: a forged header cannot change the address a limit is keyed on.
 */
export function clientAddress(request: Request, trustedProxies: number): string {
  const peer = stampedPeer(request.headers.get(PEER_HEADER));
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Without a valid stamp (serverless platforms, handlers called directly) the socket's peer is the platform's proxy,
  // the nearest trusted one (TRUSTED_PROXIES=0 counts it as the one): its X-Forwarded-For entry, the last, is the hop
  // before it. With N trusted proxies the client is then the N-th entry from the right, not the N+1-th, which the
  // client wrote; with fewer entries than that the address is unknown.
  const chosen = peer ? [...forwarded, peer][Math.max(0, forwarded.length - trustedProxies)] : forwarded[forwarded.length - Math.max(1, trustedProxies)];
  return normaliseAddress(chosen ?? 'unknown');
}

function normaliseAddress(address: string): string {
  const bare = address
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  // IPv6 clients are limited by their /64: a single host usually owns the whole prefix. The groups are expanded first:
  // taking the first four of the written form let one host count as 65,536 clients (2001:db8::1:0:0:1 and
  // 2001:db8::2:0:0:1 are the same /64, but "2001:db8::1" and "2001:db8::2" are not the same text).
  if (bare.includes(':')) {
    const groups = ipv6Groups(bare);
    return groups ? `${groups.slice(0, 4).join(':')}::/64` : bare.slice(0, 64);
  }
  return bare.slice(0, 64);
}

/** The eight groups of an IPv6 address (lower case, no leading zeros), or null when it is not one. */
function ipv6Groups(address: string): string[] | null {
  let text = address.toLowerCase();
  // An embedded IPv4 tail (64:ff9b::192.0.2.1) is two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const bytes = v4.slice(1).map(Number);
    if (bytes.some((byte) => byte > 255)) return null;
    const [a = 0, b = 0, c = 0, d = 0] = bytes;
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const split = (half: string | undefined) => (half ? half.split(':') : []);
  const head = split(halves[0]);
  const tail = split(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => parseInt(group, 16).toString(16));
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
