import { requireAdmin } from '@/lib/admin/guard';
import { createApiKey, listApiKeys } from '@/lib/admin/keys';
import { NO_STORE_HEADERS, otherMethods, readJsonBody, withErrors } from '@/lib/http';
import { getKv } from '@/lib/store/kv';
import { MAX_BODY_BYTES, parseCreateKey } from './schema';

export const dynamic = 'force-dynamic';

/** The API keys (never their secrets): signed-in admins and viewers. Keys cannot manage keys. */
export const GET = withErrors('admin', async (request: Request) => {
  await requireAdmin(request);
  return Response.json({ keys: await listApiKeys({ kv: getKv() }) }, { headers: NO_STORE_HEADERS });
});

/** Creates a key (admins only). The answer carries the secret: the only time it is shown. */
export const POST = withErrors('admin', async (request: Request) => {
  const actor = await requireAdmin(request, { write: true });
  const input = parseCreateKey(await readJsonBody(request, { maxBytes: MAX_BODY_BYTES, surface: 'admin' }));
  const createdBy = actor.kind === 'user' ? actor.email : actor.keyId;
  const { key, secret } = await createApiKey({ kv: getKv(), name: input.name, scopes: input.scopes, createdBy });
  return Response.json({ key, secret }, { status: 201, headers: NO_STORE_HEADERS });
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET', 'POST']);
