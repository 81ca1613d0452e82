/**
 * Where the chat runs, sent with each chat request as `source` (app/api/v1/chat/schema.ts; the events and analytics
 * read it): the page's path and the visit's campaign. The utm_* of the first page of the visit that had any are kept
 * in sessionStorage, so a prospect who lands from a campaign and then opens /pricing is still counted for it. Inside
 * /embed the page is the embed's own, the campaign is the host page's (the loader passes its utm_* to the frame) and the
 * embedding site is the loader's `host=` (the server keeps it only when it is on EMBED_ALLOWED_ORIGINS).
 */
export interface VisitSource {
  page?: string;
  utm?: { source?: string; medium?: string; campaign?: string };
  /** Inside /embed: the site the loader says embeds it (its `host`); the server keeps it only if that site is allowed. */
  embedSite?: string;
}

type SessionStore = Pick<Storage, 'getItem' | 'setItem'>;

export const UTM_STORAGE_KEY = 'chat:utm';
const UTM_FIELDS = ['source', 'medium', 'campaign'] as const;
// The server's limits (lib/events/schema.ts): a longer value would make it refuse the whole message.
const MAX_PAGE = 300;
const MAX_UTM = 100;

function sessionStore(): SessionStore | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    // Blocked storage (a sandboxed or third-party frame): the current page's utm still goes.
    return null;
  }
}

function utmOf(search: string): VisitSource['utm'] {
  const params = new URLSearchParams(search);
  const utm: NonNullable<VisitSource['utm']> = {};
  for (const field of UTM_FIELDS) {
    const value = params.get(`utm_${field}`)?.trim();
    if (value) utm[field] = value.slice(0, MAX_UTM);
  }
  return Object.keys(utm).length > 0 ? utm : undefined;
}

function storedUtm(storage: SessionStore | null): VisitSource['utm'] {
  try {
    const raw = storage?.getItem(UTM_STORAGE_KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    const utm: NonNullable<VisitSource['utm']> = {};
    for (const field of UTM_FIELDS) if (typeof parsed[field] === 'string' && parsed[field]) utm[field] = (parsed[field] as string).slice(0, MAX_UTM);
    return Object.keys(utm).length > 0 ? utm : undefined;
  } catch {
    return undefined;
  }
}

/** The source of a request made now: this page's path, and the visit's first-seen utm (remembered for the visit). */
export function visitSource(
  location: Pick<Location, 'pathname' | 'search'> | undefined = typeof window === 'undefined' ? undefined : window.location,
  storage: SessionStore | null = sessionStore(),
): VisitSource {
  if (!location) return {};
  let utm = storedUtm(storage);
  if (!utm) {
    utm = utmOf(location.search);
    if (utm) {
      try {
        storage?.setItem(UTM_STORAGE_KEY, JSON.stringify(utm));
      } catch {
        // Full or blocked storage: this request still carries it.
      }
    }
  }
  const page = location.pathname.slice(0, MAX_PAGE);
  const embedSite = location.pathname.startsWith('/embed') ? hostOrigin(location.search) : undefined;
  return { ...(page ? { page } : {}), ...(utm ? { utm } : {}), ...(embedSite ? { embedSite } : {}) };
}

/** The embedding page's origin the loader put in the frame's URL (`host=`), if it is one. */
function hostOrigin(search: string): string | undefined {
  const host = new URLSearchParams(search).get('host');
  if (!host || host.length > MAX_PAGE) return undefined;
  try {
    const url = new URL(host);
    return /^https?:$/.test(url.protocol) && url.origin === host ? host : undefined;
  } catch {
    return undefined;
  }
}
