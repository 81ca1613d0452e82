import { NextRequest } from 'next/server';
import { handlers } from '@/lib/admin/auth';
import { getServerConfig } from '@/lib/config';
import { AppError, ERROR_STATUS, type ErrorType } from '@/lib/errors';
import { errorResponse, otherMethods, readTextCapped } from '@/lib/http';

// next-auth's endpoints (sign-in, callback, sign-out, session, csrf, providers) for the admin side; docs/admin.md.
// Node-only: the credentials check hashes with scrypt (lib/admin/password.ts).
export const dynamic = 'force-dynamic';

const MAX_AUTH_BODY_BYTES = 16 * 1024;

/**
 * next-auth builds its redirects and OAuth callback URLs from the request's URL, which Next.js normalises (127.0.0.1
 * and [::1] become localhost: a browser on 127.0.0.1 was sent to localhost, where its cookie is not). Rebuild it from
 * APP_ORIGIN, else from Host (and, behind TRUSTED_PROXIES, the proxy's X-Forwarded-Host/-Proto), as a plain Request:
 * a NextRequest would normalise it again.
 */
function withPublicUrl(handler: (request: NextRequest) => Promise<Response>) {
  return async (request: NextRequest) => {
    // A sign-in form is a few hundred bytes; next-auth would wait for whatever body a client promised, and read a
    // chunked one (no Content-Length) whole, however large: the body is read here, capped, and handed on as text.
    const declared = Number(request.headers.get('content-length') ?? 0);
    if (!(declared >= 0 && declared <= MAX_AUTH_BODY_BYTES)) {
      return errorResponse(new AppError('payload_too_large:api', `A sign-in request body is limited to ${MAX_AUTH_BODY_BYTES / 1024} kB.`), request);
    }
    let body: string | undefined;
    if (request.body) {
      try {
        body = await readTextCapped(request, MAX_AUTH_BODY_BYTES, 'api');
      } catch (error) {
        return errorResponse(error, request);
      }
    }
    const headers = new Headers(request.headers);
    headers.delete('content-length');
    headers.delete('transfer-encoding');
    const { appOrigin, trustedProxies } = getServerConfig().security;
    const url = new URL(request.url);
    const forwarded = (name: string) => (trustedProxies > 0 ? request.headers.get(name)?.split(',')[0]?.trim() : undefined);
    const host = forwarded('x-forwarded-host') ?? request.headers.get('host');
    const protocol = forwarded('x-forwarded-proto') ?? url.protocol.replace(/:$/, '');
    const origin = appOrigin ?? (host && /^[A-Za-z0-9.:[\]-]{1,300}$/.test(host) && /^https?$/.test(protocol) ? `${protocol}://${host}` : url.origin);
    // With AUTH_URL next-auth rewrites the URL itself (and needs the NextRequest to).
    const init = { method: request.method, headers, ...(body === undefined ? {} : { body }) };
    if (origin === url.origin || process.env.AUTH_URL) return handler(body === undefined ? request : new NextRequest(request.url, init));
    return handler(new Request(`${origin}${url.pathname}${url.search}`, init) as NextRequest);
  };
}

/**
 * next-auth answers its own refusals as a bare string ("Bad request." for an unknown action) or an empty body: made
 * the API's typed JSON like every other /api error, in the request's language (lib/i18n/api-errors.ts). Redirects and
 * JSON objects pass as they are.
 */
function typedErrors(handler: (request: NextRequest) => Promise<Response>) {
  return async (request: NextRequest) => {
    const response = await handler(request);
    if (response.status < 400 || isJsonObject(await response.clone().text())) return response;
    const type = (Object.keys(ERROR_STATUS) as ErrorType[]).find((name) => ERROR_STATUS[name] === response.status) ?? (response.status >= 500 ? 'internal' : 'bad_request');
    const message = type === 'bad_request' ? 'This is not a sign-in request this server answers.' : 'The sign-in service could not answer this request.';
    return errorResponse(new AppError(`${type}:api`, message), request);
  };
}

function isJsonObject(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null;
  } catch {
    return false;
  }
}

export const GET = typedErrors(withPublicUrl(handlers.GET));
export const POST = typedErrors(withPublicUrl(handlers.POST));
export const { PUT, PATCH, DELETE } = otherMethods(['GET', 'POST']);
