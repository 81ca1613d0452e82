import { requireAdmin } from '@/lib/admin/guard';
import { getNotifyConfig } from '@/lib/config-notify';
import { NO_STORE_HEADERS, otherMethods, withErrors } from '@/lib/http';
import { getKv } from '@/lib/store/kv';
import { getEndpoint } from '@/lib/webhooks/endpoints';
import { sendTestEvent } from '@/lib/webhooks/test-event';
import { endpointIdOf, endpointNotFound, type EndpointRouteContext } from '../../schema';

export const dynamic = 'force-dynamic';

/**
 * Sends a signed `webhook.test` event to the endpoint now. 200 with the attempt (delivered or not) when it finished
 * within the endpoint timeout; 202 when it is still queued (its result then appears in the delivery log).
 */
export const POST = withErrors('admin', async (request: Request, context: EndpointRouteContext) => {
  await requireAdmin(request, { scope: 'webhooks', write: true });
  const id = await endpointIdOf(context);
  const kv = getKv();
  const endpoint = await getEndpoint({ kv, id });
  if (!endpoint) throw endpointNotFound();
  const result = await sendTestEvent({ kv, endpoint, waitMs: getNotifyConfig().webhooks.timeoutMs + 2_000 });
  return Response.json(result, { status: result.delivery ? 200 : 202, headers: NO_STORE_HEADERS });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST']);
