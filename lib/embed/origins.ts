/**
 * The embed's allow-list as the edge middleware reads it. Middleware cannot import the Node config module
 * (lib/config.ts), so it parses EMBED_ALLOWED_ORIGINS from its own environment with this function; lib/config.ts
 * validates the same variable at start-up and stops the server on a bad entry, so here a bad entry is only skipped.
 * Web-standard APIs only (edge-portable).
 */

const ORIGIN_PATTERN = /^https?:\/\/(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** `https://a.example, https://b.example` (commas or spaces) → the distinct http(s) origins, normalised by URL. */
export function parseOriginList(value: string | undefined): string[] {
  const origins = new Set<string>();
  for (const entry of (value ?? '').split(/[\s,]+/)) {
    if (!entry) continue;
    try {
      // The URL parser lets characters such as ' and ; into a host name: in a CSP they would end the directive.
      const { origin } = new URL(entry);
      if (ORIGIN_PATTERN.test(origin)) origins.add(origin);
    } catch {
      // Not an origin: the config check at start-up names it; the CSP must never carry it.
    }
  }
  return [...origins];
}

/** The `frame-ancestors` directive of /embed: the app itself and the allowed origins, nobody else. */
export function embedFrameAncestors(origins: readonly string[]): string {
  return ["frame-ancestors 'self'", ...origins].join(' ');
}

/** True for the embed page's path (the one page other sites may frame). */
export function isEmbedPath(pathname: string): boolean {
  return pathname === '/embed' || pathname === '/embed/';
}

/**
 * Request header middleware.ts sets on /embed (and always removes from what the browser sent) when the frame's host
 * may not show the chat: the page then renders a notice instead (components/embed/embed-unlisted.tsx).
 */
export const EMBED_UNLISTED_HEADER = 'x-embed-unlisted-host';

/**
 * The host origin a frame of /embed announces (the loader's `host` option) when that site may not frame the chat: a
 * frame (`Sec-Fetch-Dest: iframe`) put there by another origin (`Sec-Fetch-Site` not `same-origin`), whose announced
 * origin is not on the allow-list. Such a frame is let in by its CSP for that origin only, to show why there is no
 * chat; a site that announces an allowed origin it is not gets the browser's own refusal, as before. Null otherwise.
 */
export function unlistedFrameHost(request: { host: string | null; dest: string | null; site: string | null }, allowed: readonly string[]): string | null {
  if (request.dest !== 'iframe' || request.site === 'same-origin' || !request.host) return null;
  let origin: string;
  try {
    origin = new URL(request.host).origin;
  } catch {
    return null;
  }
  if (origin !== request.host || !ORIGIN_PATTERN.test(origin)) return null;
  return allowed.includes(origin) ? null : origin;
}
