import { getServerConfig } from '@/lib/config';
import { getEmbedConfig } from '@/lib/config-embed';
import { recordIdentity, verifyIdentityHash } from '@/lib/embed/identity';
import { applyIdentityToConversation, getIdentityLeadDeps } from '@/lib/embed/identity-lead';
import { AppError, isAppError } from '@/lib/errors';
import { otherMethods, readJsonBody, withErrors } from '@/lib/http';
import { guardRequest } from '@/lib/security/guard';
import { getKv } from '@/lib/store/kv';
import { identifyRequestSchema } from './schema';

export const dynamic = 'force-dynamic';

/**
 * `SalesAgent.identify()` from a host page, relayed by the embed: verifies the host server's HMAC of the e-mail and
 * keeps the identity for this visitor, merged into the lead of their latest conversation (and of every later one,
 * lib/embed/identity-lead.ts). 204 on success; 403 `forbidden:identify` for a wrong hash (or when
 * EMBED_IDENTITY_SECRET is not set), 400 `bad_request:identify` for a malformed body, 409 `conflict:identify` when a
 * reply in that conversation is still streaming after 10 s (the identity is kept; calling again merges it).
 */
export const POST = withErrors('identify', async (request: Request) => {
  const { visitor, headers } = await guardRequest(request, { limit: 'session' });
  const parsed = identifyRequestSchema.safeParse(await readJsonBody(request, { maxBytes: 4 * 1024, surface: 'identify' }));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_request:identify', issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : undefined);
  }
  const secret = getEmbedConfig().identitySecret;
  if (!secret) throw new AppError('forbidden:identify', 'Identity verification is not set up on this server (EMBED_IDENTITY_SECRET).');
  const { email, name, hash } = parsed.data;
  if (!(await verifyIdentityHash(secret, email, hash))) {
    throw new AppError('forbidden:identify', 'The identity hash does not match this e-mail.');
  }
  const identity = { email, ...(name ? { name } : {}), verifiedAt: Date.now() };
  const current = await recordIdentity({ kv: getKv(), visitorId: visitor.visitorId, identity, ttlSeconds: getServerConfig().security.session.ttlSeconds });
  if (current) {
    try {
      await applyIdentityToConversation({
        conversationId: current.id,
        visitorId: visitor.visitorId,
        identity,
        ...(current.source ? { source: current.source } : {}),
        deps: { ...getIdentityLeadDeps(), waitMs: 10_000 },
      });
    } catch (error) {
      // isAppError, not instanceof: the bundle may hold two copies of lib/errors (see there).
      if (isAppError(error) && error.code === 'conflict:chat') {
        throw new AppError('conflict:identify', 'A reply in this conversation is still being written. Call identify() again in a moment.', { headers: { 'retry-after': '2' } });
      }
      throw error;
    }
  }
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store', ...headers } });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST']);
