/**
 * The browser's visitor session: a signed token from POST /api/v1/session, kept in localStorage (or memory where
 * storage is blocked) and sent as a bearer token, because a cross-site iframe may not get the HttpOnly cookie.
 * Client-safe: no server imports.
 */
const STORAGE_KEY = 'sales-agent:session';
const SESSION_ENDPOINT = '/api/v1/session';
/** Renew a little before the token expires, so a request never goes out with a token that dies in flight. */
const RENEW_MARGIN_MS = 60 * 60 * 1000;

interface StoredSession {
  token: string;
  visitorId: string;
  expiresAt: string;
}

let memory: StoredSession | null = null;
let pending: Promise<StoredSession> | null = null;

function read(): StoredSession | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (raw) return JSON.parse(raw) as StoredSession;
  } catch {
    // Storage blocked or corrupt: fall back to the copy in memory.
  }
  return memory;
}

function write(session: StoredSession | null): void {
  memory = session;
  try {
    if (session) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage blocked: the session lives as long as the page.
  }
}

function isFresh(session: StoredSession | null): session is StoredSession {
  return Boolean(session && typeof session.token === 'string' && Date.parse(session.expiresAt) - Date.now() > RENEW_MARGIN_MS);
}

/** Thrown when the server refuses to start a session (rate limit): carries its typed error. */
export class SessionError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'SessionError';
  }
}

async function requestSession(previous: StoredSession | null): Promise<StoredSession> {
  const response = await fetch(SESSION_ENDPOINT, {
    method: 'POST',
    credentials: 'same-origin',
    // The old token (if any) keeps the same visitor, so their conversations stay theirs.
    headers: previous ? { authorization: `Bearer ${previous.token}` } : {},
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new SessionError(body?.error?.message ?? `Session request failed (${response.status})`, response.status, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
  }
  const session = (await response.json()) as StoredSession;
  write(session);
  return session;
}

/** The current session, started or renewed when needed. Concurrent callers share one request. */
export function ensureVisitorSession(): Promise<StoredSession> {
  const current = read();
  if (isFresh(current)) return Promise.resolve(current);
  pending ??= requestSession(current).finally(() => {
    pending = null;
  });
  return pending;
}

/** Headers that prove the visitor: add them to every API request. */
export async function visitorHeaders(): Promise<Record<string, string>> {
  const session = await ensureVisitorSession();
  return { authorization: `Bearer ${session.token}` };
}

/** Forgets a token the server refused (401), so the next call starts a fresh session. */
export function forgetVisitorSession(): void {
  write(null);
}
