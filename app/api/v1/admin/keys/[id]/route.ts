import { requireAdmin } from '@/lib/admin/guard';
import { revokeApiKey } from '@/lib/admin/keys';
import { NO_STORE_HEADERS, otherMethods, withErrors } from '@/lib/http';
import { getKv } from '@/lib/store/kv';
import { keyIdOf, keyNotFound, type KeyRouteContext } from '../schema';

export const dynamic = 'force-dynamic';

/** Revokes a key (admins only): from the next request on, on every instance, it is refused with 401. */
export const DELETE = withErrors('admin', async (request: Request, context: KeyRouteContext) => {
  await requireAdmin(request, { write: true });
  const id = await keyIdOf(context);
  if (!(await revokeApiKey({ kv: getKv(), id }))) throw keyNotFound();
  return new Response(null, { status: 204, headers: NO_STORE_HEADERS });
});

export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods(['DELETE']);
