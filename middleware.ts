import { NextResponse, type NextRequest } from 'next/server';
import { EMBED_UNLISTED_HEADER, embedFrameAncestors, isEmbedPath, parseOriginList, unlistedFrameHost } from '@/lib/embed/origins';
import { ADMIN_PATH_HEADER, hasSessionCookie, isAdminPath, isSignInPath, signInUrlFor } from '@/lib/admin/session-cookie';
import { explicitLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, LOCALE_HEADER, LOCALE_PARAM } from '@/lib/i18n/locales';

/**
 * Runs on the edge before every page request: the CSP with a per-request nonce, and a request id. The other security
 * headers (every response's, pages' included) and the API version alias live in next.config.js; API routes are not
 * matched, so a chat turn does not pay for an edge invocation. Kept free of Node-only code.
 */
const isDev = process.env.NODE_ENV === 'development';

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonce'd Next.js bootstrap load its chunks; React's dev tooling needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // Tailwind and Next inject style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The service worker (/serwist/sw.js): without this, worker-src falls back to script-src, where 'strict-dynamic' drops 'self'.
    "worker-src 'self'",
    "media-src 'self' blob: data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

// ---- /embed (docs/embed.md) -----------------------------------------------------------------------------------------
// The one page other sites may frame: only the app itself and the origins in EMBED_ALLOWED_ORIGINS. The edge cannot
// read lib/config.ts, so the variable is read from the environment here, at request time (`next start` hands its
// environment to the middleware; lib/config.ts has validated the same value at start-up). The host's avatar may live
// on its own CDN: images (which cannot run code) may come from any https origin, on this page only.
const EMBED_ORIGINS = parseOriginList(process.env.EMBED_ALLOWED_ORIGINS);
const EMBED_ANCESTORS = embedFrameAncestors(EMBED_ORIGINS);

// A site not on the list that frames /embed through the loader gets a notice saying so (in the frame, and to its owner
// in the console) instead of the browser's bare refusal: its CSP lets that one origin frame the notice, never the chat.
function withEmbedPolicy(request: NextRequest, requestHeaders: Headers, csp: string): string {
  requestHeaders.delete(EMBED_UNLISTED_HEADER);
  if (!isEmbedPath(request.nextUrl.pathname)) return csp;
  const unlisted = unlistedFrameHost(
    { host: request.nextUrl.searchParams.get('host'), dest: request.headers.get('sec-fetch-dest'), site: request.headers.get('sec-fetch-site') },
    EMBED_ORIGINS,
  );
  if (unlisted) requestHeaders.set(EMBED_UNLISTED_HEADER, unlisted);
  return csp
    .replace("frame-ancestors 'none'", unlisted ? embedFrameAncestors([unlisted]) : EMBED_ANCESTORS)
    .replace(/img-src [^;]*/, (directive) => `${directive} https:`);
}
// ---- end /embed -----------------------------------------------------------------------------------------------------

// ---- /admin gate (docs/admin.md) ------------------------------------------------------------------------------------
// Signed out (no session cookie at all) → the sign-in page, before anything renders; the admin layout then checks the
// cookie for real (it needs the key, which may live in the store). The layout learns the path from ADMIN_PATH_HEADER,
// always overwritten here. The sign-in form may be sent on to GitHub or Google when they are configured.
const OAUTH_FORM_TARGETS = [process.env.AUTH_GITHUB_ID ? 'https://github.com' : '', process.env.AUTH_GOOGLE_ID ? 'https://accounts.google.com' : '']
  .filter(Boolean)
  .join(' ');

function adminGate(request: NextRequest, requestHeaders: Headers): NextResponse | null {
  const { pathname, search } = request.nextUrl;
  requestHeaders.delete(ADMIN_PATH_HEADER);
  if (!isAdminPath(pathname)) return null;
  requestHeaders.set(ADMIN_PATH_HEADER, pathname);
  if (isSignInPath(pathname) || hasSessionCookie(request.headers.get('cookie'))) return null;
  return NextResponse.redirect(new URL(signInUrlFor(pathname + search), request.url));
}

function withAdminPolicy(pathname: string, csp: string): string {
  return OAUTH_FORM_TARGETS && isSignInPath(pathname) ? csp.replace("form-action 'self'", `form-action 'self' ${OAUTH_FORM_TARGETS}`) : csp;
}
// ---- end /admin gate ------------------------------------------------------------------------------------------------

// ---- ?lang= (docs/i18n.md) -------------------------------------------------------------------------------------------
// An explicit language for this request (a header the layout reads, always overwritten here) and remembered in a
// cookie for the next visits. Not HttpOnly: it is a preference, not a secret.
function chosenLocale(request: NextRequest, requestHeaders: Headers): string | null {
  requestHeaders.delete(LOCALE_HEADER);
  const chosen = explicitLocale(request.nextUrl.searchParams.get(LOCALE_PARAM));
  // The embed's own option (data-locale: "ar", "es-MX"), so the frame is rendered in it, <html lang dir> included; for
  // this request only, never remembered (another site's setting is not the visitor's choice on ours).
  const embedded = chosen ? null : isEmbedPath(request.nextUrl.pathname) ? explicitLocale(request.nextUrl.searchParams.get('locale')) : null;
  const locale = chosen ?? embedded;
  if (locale) requestHeaders.set(LOCALE_HEADER, locale);
  return chosen;
}

function rememberLocale(response: NextResponse, locale: string | null): void {
  if (locale) response.cookies.set(LOCALE_COOKIE, locale, { path: '/', maxAge: LOCALE_COOKIE_MAX_AGE, sameSite: 'lax' });
}
// ---- end ?lang= -----------------------------------------------------------------------------------------------------

export function middleware(request: NextRequest) {
  const requestId = request.headers.get('x-request-id') ?? crypto.randomUUID();

  const nonce = btoa(crypto.randomUUID());
  const requestHeaders = new Headers(request.headers);
  const csp = withAdminPolicy(request.nextUrl.pathname, withEmbedPolicy(request, requestHeaders, contentSecurityPolicy(nonce)));
  const gate = adminGate(request, requestHeaders);
  if (gate) {
    gate.headers.set('x-request-id', requestId);
    return gate;
  }
  const locale = chosenLocale(request, requestHeaders);
  requestHeaders.set('x-nonce', nonce);
  // Next.js reads the nonce from this request header and adds it to its own scripts.
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  response.headers.set('x-request-id', requestId);
  rememberLocale(response, locale);
  return response;
}

export const config = {
  matcher: ['/((?!api(?:/|$)|_next/static|_next/image|_css/|favicon.ico|icon.svg|robots.txt).*)'],
};
