import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import { isEmbedPath } from '@/lib/embed/origins';
import { fastRouteFor, serveFastRoute } from '@/lib/fast-routes';
import { AppError, type ErrorCode } from '@/lib/errors';
import { MALFORMED_URL_PATH } from '@/lib/http';
import { headersLocale, localizeApiErrorMessage } from '@/lib/i18n/api-errors';
import type { Locale } from '@/lib/i18n/locales';
import { stampPeerAddress } from './peer-address';
import SECURITY_HEADERS from './security-headers.json';

/**
 * Hooks on the Node HTTP server, installed once from instrumentation.ts (Node runtime only). They run before Next.js
 * routes a request, for what Next.js cannot be told to do itself:
 * - the TCP peer's address is stamped on the request (lib/security/peer-address.ts), for limits keyed on it;
 * - the security headers go on every response, including those Next.js answers before its `headers()` rules apply
 *   (trailing-slash redirects), and HSTS on direct TLS, where no proxy sets the X-Forwarded-Proto next.config keys on;
 * - an /api URL whose percent-encoding does not decode makes Next.js's router throw and answer a plain-text 500; the
 *   hook sends it to MALFORMED_URL_PATH instead, which the API's catch-all answers with a typed 400;
 * - a request Node cannot parse (oversized headers, a broken request line, raw bytes in the URL) gets a typed JSON
 *   error instead of Node's empty one, worded in the client's language where it can be told (clientErrorLocale), and
 *   an `Expect` other than 100-continue is ignored instead of an empty 417.
 * Cost per request: a few header writes, one WeakMap entry, and for /api paths containing "%" one decodeURIComponent
 * (~1 µs in all).
 */

const HOOKED = Symbol.for('sales-agent.http-hooks');
const ALWAYS = Object.entries(SECURITY_HEADERS.always);
const OVER_HTTPS = Object.entries(SECURITY_HEADERS.overHttps);
// ---- /embed: the page other sites may frame gets no X-Frame-Options and its own COOP/CORP (as in next.config.js).
const EMBED_PAGE = [
  ...ALWAYS.filter(([name]) => !SECURITY_HEADERS.embed.pageOmits.includes(name) && !(name in SECURITY_HEADERS.embed.page)),
  ...Object.entries(SECURITY_HEADERS.embed.page),
];
const isEmbedPageUrl = (url: string | undefined) => Boolean(url && isEmbedPath(url.split('?')[0] ?? ''));
// ---- end /embed

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

/** True for a path under /api (not /apis) whose percent-encoding does not decode. */
export function hasMalformedApiPath(url: string): boolean {
  if (!url.startsWith('/api')) return false;
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (path.length > 4 && path[4] !== '/') return false;
  if (!path.includes('%')) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/** The client's connection is https: TLS to this server, or the first hop's X-Forwarded-Proto says so. */
function isHttps(request: IncomingMessage): boolean {
  if ('encrypted' in request.socket && request.socket.encrypted) return true;
  const forwarded = request.headers['x-forwarded-proto'];
  return typeof forwarded === 'string' && /^\s*https\s*(,|$)/i.test(forwarded);
}

/** The headers of the last request parsed on each connection: the language of an error on it that did not parse. */
const lastHeaders = new WeakMap<object, IncomingMessage['headers']>();

function onRequest(request: IncomingMessage, response: ServerResponse): void {
  lastHeaders.set(request.socket, request.headers);
  stampPeerAddress(request);
  for (const [name, value] of isEmbedPageUrl(request.url) ? EMBED_PAGE : ALWAYS) response.setHeader(name, value);
  if (isHttps(request)) for (const [name, value] of OVER_HTTPS) response.setHeader(name, value);
  if (request.url && hasMalformedApiPath(request.url)) request.url = MALFORMED_URL_PATH;
}

const CLIENT_ERRORS: Record<string, { code: ErrorCode; reason: string }> = {
  HPE_HEADER_OVERFLOW: { code: 'headers_too_large:api', reason: 'Request Header Fields Too Large' },
  ERR_HTTP_REQUEST_TIMEOUT: { code: 'request_timeout:api', reason: 'Request Timeout' },
};

/** The header lines that choose a language, complete (ended by CRLF), in raw request bytes. */
const LANGUAGE_LINES = /(?:^|\r\n)(accept-language|cookie)[ \t]*:[ \t]*([^\r\n]*)(?=\r\n)/gi;

/**
 * The language of the client whose request did not parse, from what Node kept of it: no request object is made, so
 * `Accept-Language` and the `lang` cookie are looked for in the header pairs its parser already handed over (in
 * batches of 32), then in the packet it failed on (`rawPacket`: the whole request when it came in one piece, else its
 * last part), then in the last request parsed on the same connection. English when none says (headers that never
 * finished arriving, in a packet of their own).
 */
export function clientErrorLocale(error: { rawPacket?: Buffer }, socket: Duplex): Locale {
  const found: { cookie?: string; 'accept-language'?: string } = {};
  const take = (name: string, value: string) => {
    const key = name.toLowerCase();
    if ((key === 'cookie' || key === 'accept-language') && found[key] === undefined) found[key] = value;
  };
  const pairs = (socket as Duplex & { parser?: { _headers?: unknown } }).parser?._headers;
  if (Array.isArray(pairs)) for (let i = 0; i + 1 < pairs.length; i += 2) take(String(pairs[i]), String(pairs[i + 1]));
  // Latin-1 keeps every byte one character; header values are ASCII in practice.
  for (const [, name = '', value = ''] of error.rawPacket?.toString('latin1').matchAll(LANGUAGE_LINES) ?? []) take(name, value);
  if (found.cookie === undefined && found['accept-language'] === undefined) {
    const last = lastHeaders.get(socket);
    return last ? headersLocale(last.cookie, last['accept-language']) : 'en';
  }
  return headersLocale(found.cookie, found['accept-language']);
}

/** Node's default answer to a request it cannot parse, with a typed JSON body (the path is unknown: it did not parse). */
function answerClientError(error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex): void {
  const known = error.code ? CLIENT_ERRORS[error.code] : undefined;
  const appError = new AppError(known?.code ?? 'bad_request:api', known ? undefined : 'The request could not be parsed as HTTP.');
  const locale = clientErrorLocale(error, socket);
  const message = localizeApiErrorMessage(appError.publicMessage, { type: appError.type, locale });
  // A HEAD request's answer has no body, or the client reads the body as the next response.
  const body = error.rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ' ? '' : JSON.stringify(appError.toJSON(message));
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (inFlight && !inFlight.writableFinished) {
    // The bytes that did not parse came after a request that did (a Content-Length shorter than the body): that
    // request still gets its answer, then the connection closes, since the parser cannot go on.
    inFlight.once('close', () => socket.destroy());
    return;
  }
  if (socket.writable) {
    const language = locale === 'en' ? [] : [['content-language', locale]];
    const headers = [...ALWAYS, ['content-type', 'application/json'], ['cache-control', 'no-store'], ...language].map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(
      `HTTP/1.1 ${appError.status} ${known?.reason ?? 'Bad Request'}\r\n${headers.join('')}` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  // As Node's default does: nothing more can be read from a stream that did not parse.
  socket.destroy();
}

/** Wraps `emit` of http.Server and https.Server once per process (module state is not shared across bundles). */
export function installHttpHooks(): void {
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as unknown as { emit: Emit & { [HOOKED]?: true } };
    if (proto.emit[HOOKED]) continue;
    const emit = proto.emit;
    const hooked: Emit & { [HOOKED]?: true } = function (this: http.Server, event, ...args) {
      if (event === 'request') {
        const [request, response] = args as [IncomingMessage, ServerResponse];
        onRequest(request, response);
        // The chat's and the speech's POSTs skip Next.js's routing (lib/fast-routes.ts): their handlers are the route modules' own.
        const fast = fastRouteFor(request);
        if (fast) {
          void serveFastRoute(fast, request, response, { https: isHttps(request) });
          return true;
        }
      } else if (event === 'clientError' && this.listenerCount('clientError') === 0) {
        answerClientError(args[0] as NodeJS.ErrnoException, args[1] as Duplex);
        return true;
      } else if (event === 'connection' && this.listenerCount('checkExpectation') === 0) {
        // Without a listener Node answers any Expect but 100-continue with an empty 417. RFC 9110 lets a server ignore
        // an expectation it does not understand: the request goes to the routes like any other.
        this.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => this.emit('request', request, response));
      }
      return emit.call(this, event, ...args);
    };
    hooked[HOOKED] = true;
    proto.emit = hooked;
  }
}
