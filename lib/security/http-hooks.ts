import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import { AppError, type ErrorCode } from '@/lib/errors';
import { MALFORMED_URL_PATH } from '@/lib/http';
import { stampPeerAddress } from './peer-address';

/**
 * Hooks on the Node HTTP server, installed once from instrumentation.ts (Node runtime only). They run before Next.js
 * routes a request, for what Next.js cannot be told to do itself:
 * - the TCP peer's address is stamped on the request (lib/security/peer-address.ts), for limits keyed on it;
 * - an /api URL whose percent-encoding does not decode makes Next.js's router throw and answer a plain-text 500; the
 *   hook sends it to MALFORMED_URL_PATH instead, which the API's catch-all answers with a typed 400;
 * - over direct TLS (no proxy to set X-Forwarded-Proto, which next.config.js keys HSTS on) it adds HSTS;
 * - a request Node cannot parse (oversized headers, a broken request line) gets a typed JSON error, not Node's empty one.
 * Cost per request: a header write, a property check and, only for /api paths containing "%", one decodeURIComponent.
 */

export const HSTS_VALUE = 'max-age=63072000; includeSubDomains';

const HOOKED = Symbol.for('sales-agent.http-hooks');

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

function onRequest(request: IncomingMessage, response: ServerResponse): void {
  stampPeerAddress(request);
  if ('encrypted' in request.socket && request.socket.encrypted) response.setHeader('strict-transport-security', HSTS_VALUE);
  if (request.url && hasMalformedApiPath(request.url)) request.url = MALFORMED_URL_PATH;
}

const CLIENT_ERRORS: Record<string, { code: ErrorCode; reason: string }> = {
  HPE_HEADER_OVERFLOW: { code: 'headers_too_large:api', reason: 'Request Header Fields Too Large' },
  ERR_HTTP_REQUEST_TIMEOUT: { code: 'request_timeout:api', reason: 'Request Timeout' },
};

/** Node's default answer to a request it cannot parse, with a typed JSON body (the path is unknown: it did not parse). */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const known = error.code ? CLIENT_ERRORS[error.code] : undefined;
  const appError = new AppError(known?.code ?? 'bad_request:api', known ? undefined : 'The request could not be parsed as HTTP.');
  const body = JSON.stringify(appError.toJSON());
  const alreadyAnswered = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (socket.writable && !alreadyAnswered) {
    socket.write(
      `HTTP/1.1 ${appError.status} ${known?.reason ?? 'Bad Request'}\r\n` +
        'content-type: application/json\r\ncache-control: no-store\r\nx-content-type-options: nosniff\r\n' +
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
      if (event === 'request') onRequest(args[0] as IncomingMessage, args[1] as ServerResponse);
      else if (event === 'clientError' && this.listenerCount('clientError') === 0) {
        answerClientError(args[0] as NodeJS.ErrnoException, args[1] as Duplex);
        return true;
      }
      return emit.call(this, event, ...args);
    };
    hooked[HOOKED] = true;
    proto.emit = hooked;
  }
}
