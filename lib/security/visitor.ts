import 'server-only';
import { getServerConfig } from '@/lib/config';
import { forgetProcessSingleton, processSingleton } from '@/lib/process-singleton';
import { getConversationStore } from '@/lib/store';
import { newVisitorId, sessionTokenOf, unauthorizedSession, verifySession, type VisitorSession } from './session';

/**
 * The HMAC key of visitor sessions: SESSION_SECRET, or on the embedded default a generated one kept in the store (so
 * every instance on the same Redis, and a restart, accept the same tokens). Read once per process.
 */
export function getSessionSecret(): Promise<string> {
  return processSingleton('session-secret', () => {
    const configured = getServerConfig().security.session.secret;
    if (configured) return Promise.resolve(configured);
    const store = getConversationStore();
    console.warn(
      `[security] SESSION_SECRET is not set: using a generated secret kept in the ${store.kind} store. Set SESSION_SECRET (32+ characters) in production.`,
    );
    const pending = store.getOrCreateSecret({ name: 'session', create: () => `${newVisitorId()}${newVisitorId()}` });
    // A failed read must not stick: the next request tries the store again.
    pending.catch(() => forgetProcessSingleton('session-secret'));
    return pending;
  });
}

/** The visitor a request proves (bearer token or cookie), or null. */
export async function findVisitor(request: Request): Promise<VisitorSession | null> {
  const token = sessionTokenOf(request);
  if (!token || token.length > 512) return null;
  return verifySession({ secret: await getSessionSecret(), token });
}

/** The visitor a request proves, or a typed 401 `unauthorized:session`. */
export async function requireVisitor(request: Request): Promise<VisitorSession> {
  const visitor = await findVisitor(request);
  if (!visitor) throw unauthorizedSession();
  return visitor;
}
