import { getServerConfig } from '@/lib/config';
import { NO_STORE_HEADERS, otherMethods, readJsonBody, withErrors } from '@/lib/http';
import { enforceRateLimit } from '@/lib/security/rate-limit';
import { assertAllowedOrigin, clientAddress } from '@/lib/security/request';
import { sessionCookie, signSession } from '@/lib/security/session';
import { findVisitor, getSessionSecret } from '@/lib/security/visitor';

export const dynamic = 'force-dynamic';

/** `{}` is all a session's body ever needs to be. */
const MAX_BODY_BYTES = 1_024;

/**
 * Starts (or renews) a visitor session: `{ token, visitorId, expiresAt }` plus an HttpOnly cookie. A request that
 * already carries a valid session keeps its visitor id, so a reload never orphans the visitor's conversations.
 * New visitors count against RATE_LIMIT_SESSION per address.
 */
export const POST = withErrors('session', async (request: Request) => {
  const config = getServerConfig();
  assertAllowedOrigin(request, config.security);
  const existing = await findVisitor(request);
  const limit = existing
    ? { headers: {} }
    : await enforceRateLimit('session', { ip: clientAddress(request, config.security.trustedProxies) }, config);
  // No body is needed; one that is sent (or declared: a body's length is not always known) must be JSON, like every
  // other state-changing route's. It is read (bounded in size and time, then dropped) after the request is counted and
  // before a session is signed: unread, it kept the connection open for as long as its sender trickled it.
  const declaresBody = Number(request.headers.get('content-length') ?? '0') > 0 || request.headers.has('transfer-encoding') || request.headers.has('content-type');
  if (declaresBody) await readJsonBody(request, { maxBytes: MAX_BODY_BYTES, surface: 'session', allowEmpty: true });
  const session = await signSession({
    secret: await getSessionSecret(),
    visitorId: existing?.visitorId,
    ttlSeconds: config.security.session.ttlSeconds,
  });
  const secure = request.headers.get('x-forwarded-proto') === 'https' || new URL(request.url).protocol === 'https:';
  return Response.json(
    { token: session.token, visitorId: session.visitorId, expiresAt: new Date(session.expiresAt * 1000).toISOString() },
    {
      status: existing ? 200 : 201,
      headers: { ...NO_STORE_HEADERS, ...limit.headers, 'set-cookie': sessionCookie(session, { secure }) },
    },
  );
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST']);
