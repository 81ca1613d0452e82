import { getServerConfig } from '@/lib/config';
import { NO_STORE_HEADERS, otherMethods, withErrors } from '@/lib/http';
import { enforceRateLimit } from '@/lib/security/rate-limit';
import { assertAllowedOrigin, assertContentType, clientAddress } from '@/lib/security/request';
import { sessionCookie, signSession } from '@/lib/security/session';
import { findVisitor, getSessionSecret } from '@/lib/security/visitor';

export const dynamic = 'force-dynamic';

/**
 * Starts (or renews) a visitor session: `{ token, visitorId, expiresAt }` plus an HttpOnly cookie. A request that
 * already carries a valid session keeps its visitor id, so a reload never orphans the visitor's conversations.
 * New visitors count against RATE_LIMIT_SESSION per address.
 */
export const POST = withErrors('session', async (request: Request) => {
  const config = getServerConfig();
  assertAllowedOrigin(request, config.security);
  // No body is needed; one that is sent (or declared: a body's length is not always known) must be JSON, like every
  // other state-changing route's.
  if (Number(request.headers.get('content-length') ?? '0') > 0 || request.headers.has('transfer-encoding') || request.headers.has('content-type')) {
    assertContentType(request, ['application/json'], 'session');
  }
  const existing = await findVisitor(request);
  const limit = existing
    ? { headers: {} }
    : await enforceRateLimit('session', { ip: clientAddress(request, config.security.trustedProxies) }, config);
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
