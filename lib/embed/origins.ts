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

/**
 * Whether /embed may show the wording and links the host's tag chose (agent name, avatar, greeting, placeholder,
 * suggested questions, legal notice and privacy link). In a frame the CSP already limits who shows the page (the
 * allow-list, or one unlisted site that gets the notice instead of the chat), and the app's own pages are trusted; but
 * anyone may open `/embed?mode=popup&name=…&notice=…&privacy=https://…` as a page or a popup, and these options would
 * then put their words and link on the app's own origin. So a page opened on its own (`Sec-Fetch-Dest: document`) from
 * another site takes them only when the page that opened it (its `Referer`'s origin) is the announced host and on the
 * allow-list, as the loader's popup is. Browsers that send no `Sec-Fetch-Dest` keep the options.
 */
export function hostWordingAllowed(request: { host: string | null; dest: string | null; site: string | null; referer: string | null }, allowed: readonly string[]): boolean {
  if (request.dest !== 'document' || request.site === 'same-origin') return true;
  let from: string;
  try {
    from = new URL(request.referer ?? '').origin;
  } catch {
    return false;
  }
  return from === request.host && allowed.includes(from);
}
