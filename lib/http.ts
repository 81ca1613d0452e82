import { getServerConfig } from '@/lib/config';
import { AppError, toAppError, type Surface } from '@/lib/errors';
import { apiRequestLocale, localizeApiErrorMessage } from '@/lib/i18n/api-errors';
import { readCapped, readDeadline } from '@/lib/security/read-deadline';
import { assertContentType } from '@/lib/security/request';

/**
 * Helpers for route handlers. Web-standard APIs only (Request/Response/streams), so handlers stay edge-portable.
 */

/**
 * Reads a JSON body with a byte cap and a deadline. Anything but `application/json` → 415 (text/plain and form bodies
 * are what a cross-site form can send without a preflight), too large → 413, still arriving after `timeoutMs`
 * (JSON_READ_TIMEOUT_MS) → 408, invalid JSON → 400, empty → 400 (undefined with `allowEmpty`).
 */
export async function readJsonBody(
  request: Request,
  { maxBytes, surface, timeoutMs, allowEmpty = false }: { maxBytes: number; surface: Surface; timeoutMs?: number; allowEmpty?: boolean },
): Promise<unknown> {
  assertContentType(request, ['application/json'], surface, 'Send the body as application/json.');
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(surface, maxBytes);

  const text = await readTextCapped(request, maxBytes, surface, timeoutMs);
  if (!text.trim()) {
    if (allowEmpty) return undefined;
    throw new AppError(`bad_request:${surface}`, 'The request body is empty; send a JSON object.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError(`bad_request:${surface}`, 'The request body is not valid JSON.');
  }
}

/**
 * The body as text, at most `maxBytes` whatever the client declared (a chunked body has no Content-Length): else 413.
 * Bytes that are not UTF-8 are a 400: silently replaced by U+FFFD, they would be stored and answered as something the
 * prospect never wrote. The whole body within `timeoutMs` (default JSON_READ_TIMEOUT_MS), else a 408: a body trickled
 * a byte at a time would hold the request (a chat turn's admission, a connection) for Node's 300 s.
 */
export async function readTextCapped(request: Request, maxBytes: number, surface: Surface, timeoutMs = getServerConfig().security.jsonReadTimeoutMs): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new AppError(`bad_request:${surface}`, 'The request body is not valid UTF-8.');
    }
  };
  const deadline = readDeadline(timeoutMs, { code: `request_timeout:${surface}`, message: 'The request body took too long to arrive; send it again.' });
  let text = '';
  await readCapped(reader, { maxBytes, deadline, tooLarge: () => tooLarge(surface, maxBytes), onChunk: (chunk) => (text += decode(chunk)) });
  return text + decode();
}

function tooLarge(surface: Surface, maxBytes: number): AppError {
  return new AppError(`payload_too_large:${surface}`, `The request body is larger than ${Math.round(maxBytes / 1024)} kB.`);
}

/**
 * The one place an API error becomes a response: `{ error: { code, message, details? } }` with the error's status and
 * headers, its message worded in the language the request asks for (Accept-Language, or the visitor's `lang` cookie:
 * en, es, fr, de, ar; lib/i18n/api-errors.ts). The code, details and headers never change with the language.
 */
export function errorResponse(error: unknown, request: Request | undefined, surface: Surface = 'api', headers?: Record<string, string>): Response {
  const appError = toAppError(error, surface);
  const locale = apiRequestLocale(request);
  if (locale === 'en') return appError.toResponse(headers);
  const message = localizeApiErrorMessage(appError.publicMessage, { type: appError.type, locale, details: appError.details });
  return appError.toResponse({ ...headers, 'content-language': locale }, message);
}

/** Wraps a handler so that every thrown value becomes a typed JSON error response (never a stack trace). */
export function withErrors<Args extends unknown[]>(
  surface: Surface,
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error, args[0] instanceof Request ? args[0] : undefined, surface);
    }
  };
}

const ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
type Method = (typeof ALL_METHODS)[number];
type Handler = (request: Request) => Promise<Response>;

/**
 * Handlers for every method a route does not implement: a typed 405 with `Allow`, instead of Next.js's empty 405.
 * `OPTIONS` answers 204 with the same `Allow`: Next.js's own OPTIONS would list the refusing handlers as allowed.
 * `export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET', 'POST'])` in the route file.
 */
export function otherMethods(allowed: readonly Method[]): Record<Method, Handler> {
  const allow = [...new Set([...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'])].join(', ');
  const refuse: Handler = async (request) =>
    errorResponse(new AppError('method_not_allowed:api', `${request.method} is not allowed here. Allowed: ${allow}.`), request, 'api', { allow });
  const options: Handler = async () => new Response(null, { status: 204, headers: { allow, ...NO_STORE_HEADERS } });
  return Object.fromEntries(ALL_METHODS.map((method) => [method, method === 'OPTIONS' ? options : refuse])) as Record<Method, Handler>;
}

/**
 * HEAD for a route whose GET answers a stream: the GET's status and headers, its body cancelled at once. Without it
 * Next.js answers HEAD with the GET handler and drops the body unread: the stream (and what it holds: a resume slot,
 * the store's polling for a reply) was never released.
 */
export function headFromGet<Args extends unknown[]>(get: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args) => {
    const response = await get(...args);
    await response.body?.cancel().catch(() => undefined);
    return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/**
 * Where the HTTP server hook (lib/security/http-hooks.ts) sends an /api URL whose percent-encoding does not decode:
 * Next.js would answer it with a plain-text 500. The API's catch-all route answers this path with `bad_request:api`.
 */
export const MALFORMED_URL_PATH = '/api/v1/_malformed-url';

export const NO_STORE_HEADERS = { 'cache-control': 'no-store' } as const;
