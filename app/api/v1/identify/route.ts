import { getServerConfig } from '@/lib/config';
import { getEmbedConfig } from '@/lib/config-embed';
import { recordIdentity, verifyIdentityHash } from '@/lib/embed/identity';
import { AppError } from '@/lib/errors';
import { otherMethods, readJsonBody, withErrors } from '@/lib/http';
import { guardRequest } from '@/lib/security/guard';
import { getKv } from '@/lib/store/kv';
import { identifyRequestSchema } from './schema';

export const dynamic = 'force-dynamic';

/**
 * `SalesAgent.identify()` from a host page, relayed by the embed: verifies the host server's HMAC of the e-mail and
 * keeps the identity for this visitor. 204 on success; 403 `forbidden:identify` for a wrong hash (or when
 * EMBED_IDENTITY_SECRET is not set), 400 `bad_request:identify` for a malformed body.
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
  await recordIdentity({
    kv: getKv(),
    visitorId: visitor.visitorId,
    identity: { email, ...(name ? { name } : {}), verifiedAt: Date.now() },
    ttlSeconds: getServerConfig().security.session.ttlSeconds,
  });
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store', ...headers } });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST']);
