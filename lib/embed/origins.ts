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
