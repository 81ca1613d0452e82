import { requireAdmin } from '@/lib/admin/guard';
import { getNotifyConfig } from '@/lib/config-notify';
import { WEBHOOK_EVENT_TYPES } from '@/lib/events/schema';
import { NO_STORE_HEADERS, otherMethods, readJsonBody, withErrors } from '@/lib/http';
import { getKv } from '@/lib/store/kv';
import { createEndpoint, listEndpoints, toPublicEndpoint } from '@/lib/webhooks/endpoints';
import { createEndpointSchema, MAX_BODY_BYTES, parseBody } from './schema';

export const dynamic = 'force-dynamic';

/** The registered endpoints (secrets as hints only) and the events they can subscribe to. */
export const GET = withErrors('admin', async (request: Request) => {
  await requireAdmin(request, { scope: 'webhooks' });
  const endpoints = await listEndpoints({ kv: getKv() });
  return Response.json({ endpoints: endpoints.map(toPublicEndpoint), eventTypes: WEBHOOK_EVENT_TYPES }, { headers: NO_STORE_HEADERS });
});

/** Registers an endpoint. The answer carries its signing secret: the only time it is shown. */
export const POST = withErrors('admin', async (request: Request) => {
  await requireAdmin(request, { scope: 'webhooks', write: true });
  const input = parseBody(createEndpointSchema, await readJsonBody(request, { maxBytes: MAX_BODY_BYTES, surface: 'admin' }));
  const endpoint = await createEndpoint({ kv: getKv(), policy: getNotifyConfig().webhooks, input });
  return Response.json({ endpoint: toPublicEndpoint(endpoint), secret: endpoint.secret }, { status: 201, headers: NO_STORE_HEADERS });
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET', 'POST']);
