import { requireAdmin } from '@/lib/admin/guard';
import { getNotifyConfig } from '@/lib/config-notify';
import { NO_STORE_HEADERS, otherMethods, readJsonBody, withErrors } from '@/lib/http';
import { getKv } from '@/lib/store/kv';
import { readDeliveryLog } from '@/lib/webhooks/delivery';
import { deleteEndpoint, endpointETag, getEndpoint, toPublicEndpoint, updateEndpoint } from '@/lib/webhooks/endpoints';
import { endpointIdOf, endpointNotFound, ifMatchOf, MAX_BODY_BYTES, parseBody, updateEndpointSchema, type EndpointRouteContext } from '../schema';

export const dynamic = 'force-dynamic';

/** One endpoint with its latest delivery attempts, newest first. */
export const GET = withErrors('admin', async (request: Request, context: EndpointRouteContext) => {
  await requireAdmin(request, { scope: 'webhooks' });
  const id = await endpointIdOf(context);
  const kv = getKv();
  const [endpoint, deliveries] = await Promise.all([
    getEndpoint({ kv, id }),
    readDeliveryLog({ kv, endpointId: id, limit: getNotifyConfig().webhooks.logSize }),
  ]);
  if (!endpoint) throw endpointNotFound();
  return Response.json({ endpoint: toPublicEndpoint(endpoint), deliveries }, { headers: { ...NO_STORE_HEADERS, etag: endpointETag(endpoint) } });
});

/**
 * Changes the URL, events, description or enabled flag; `rotateSecret: true` answers with the new secret, once. With
 * If-Match (the GET's ETag) only the version read is changed: another is a typed 409 carrying the current ETag.
 */
export const PATCH = withErrors('admin', async (request: Request, context: EndpointRouteContext) => {
  await requireAdmin(request, { scope: 'webhooks', write: true });
  const id = await endpointIdOf(context);
  const patch = parseBody(updateEndpointSchema, await readJsonBody(request, { maxBytes: MAX_BODY_BYTES, surface: 'admin' }));
  const ifMatch = ifMatchOf(request);
  const endpoint = await updateEndpoint({ kv: getKv(), policy: getNotifyConfig().webhooks, id, patch, ...(ifMatch ? { ifMatch } : {}) });
  if (!endpoint) throw endpointNotFound();
  return Response.json(
    { endpoint: toPublicEndpoint(endpoint), ...(patch.rotateSecret ? { secret: endpoint.secret } : {}) },
    { headers: { ...NO_STORE_HEADERS, etag: endpointETag(endpoint) } },
  );
});

export const DELETE = withErrors('admin', async (request: Request, context: EndpointRouteContext) => {
  await requireAdmin(request, { scope: 'webhooks', write: true });
  const id = await endpointIdOf(context);
  if (!(await deleteEndpoint({ kv: getKv(), id }))) throw endpointNotFound();
  return new Response(null, { status: 204, headers: NO_STORE_HEADERS });
});

export const { POST, PUT, OPTIONS } = otherMethods(['GET', 'PATCH', 'DELETE']);
