/**
 * The admin session cookie's names as next-auth writes them (`__Secure-` over https; `.0`, `.1`… when a token is split
 * over chunks), and the paths of the sign-in gate. Edge-safe and dependency-free: middleware.ts imports this.
 */
export const SESSION_COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;
export const SIGN_IN_PATH = '/admin/sign-in';
/** Set by middleware on every page request (client values are overwritten): the admin layout's view of the path. */
export const ADMIN_PATH_HEADER = 'x-sales-agent-admin-path';

const COOKIE_PATTERN = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=[^;\s]/;

/** Whether a Cookie header carries a session cookie at all (valid or not): the cheap check the edge can make. */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  return COOKIE_PATTERN.test(cookieHeader ?? '');
}

export function isAdminPath(pathname: string): boolean {
  return pathname === '/admin' || pathname.startsWith('/admin/');
}

export function isSignInPath(pathname: string): boolean {
  return pathname === SIGN_IN_PATH || pathname.startsWith(`${SIGN_IN_PATH}/`);
}

/**
 * Where a signed-out visitor of `pathname` is sent: the sign-in page, which returns them here afterwards. Only local
 * admin paths are kept as the destination (no open redirect).
 */
export function signInUrlFor(pathnameWithSearch: string): string {
  const back = safeAdminDestination(pathnameWithSearch);
  return back === '/admin' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(back)}`;
}

const LOCAL_ORIGIN = 'http://local.invalid';

/**
 * A sign-in's destination from a query value: a local admin path, else the dashboard. The value is resolved as the
 * browser would ("/admin/..//evil.example/" is "//evil.example/", another site; "\\" is read as "/"), and what is kept
 * is the resolved path, never the raw text.
 */
export function safeAdminDestination(value: unknown): string {
  // A backslash, a control character or an encoded slash has no place in an admin path.
  if (typeof value !== 'string' || !value.startsWith('/') || /[\\\u0000-\u001f\u007f]|%(?:2f|5c)/i.test(value)) return '/admin';
  let url: URL;
  try {
    url = new URL(value, LOCAL_ORIGIN);
  } catch {
    return '/admin';
  }
  if (url.origin !== LOCAL_ORIGIN || url.pathname.includes('//') || !/^\/admin(?:\/|$)/.test(url.pathname) || isSignInPath(url.pathname)) return '/admin';
  return `${url.pathname}${url.search}${url.hash}`;
}
