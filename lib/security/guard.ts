import 'server-only';
import { getServerConfig } from '@/lib/config';
import { assertAllowedOrigin, clientAddress } from './request';
import { enforceRateLimit, type LimitName } from './rate-limit';
import type { VisitorSession } from './session';
import { requireVisitor } from './visitor';

export interface GuardedRequest {
  visitor: VisitorSession;
  ip: string;
  /** Rate-limit headers to put on the response. */
  headers: Record<string, string>;
  /** The limits were decided in process because Redis did not answer. */
  limitsDegraded: boolean;
}

/**
 * The checks every visitor route makes, in order: the request comes from an allowed origin (state-changing methods),
 * carries a valid visitor session, and is within the named rate limit for that visitor and its address.
 */
export async function guardRequest(request: Request, { limit }: { limit?: LimitName } = {}): Promise<GuardedRequest> {
  const config = getServerConfig();
  if (request.method !== 'GET' && request.method !== 'HEAD') assertAllowedOrigin(request, config.security);
  const visitor = await requireVisitor(request);
  const ip = clientAddress(request, config.security.trustedProxies);
  const outcome = limit ? await enforceRateLimit(limit, { visitorId: visitor.visitorId, ip }, config) : { headers: {}, degraded: false };
  return { visitor, ip, headers: outcome.headers, limitsDegraded: outcome.degraded };
}
