import { z } from 'zod';
import { formActor, readAdminForm, seeOther } from '@/lib/admin/lead-status-form';
import { ENDPOINT_FORM_ACTIONS, webhooksPageAfterChange, type WebhookChange, type WebhookChangeOutcome } from '@/lib/admin/webhook-change';
import { webhookChangeOfError } from '@/lib/admin/webhook-form';
import { getNotifyConfig } from '@/lib/config-notify';
import { otherMethods, withErrors } from '@/lib/http';
import { getKv } from '@/lib/store/kv';
import { deleteEndpoint, getEndpoint, updateEndpoint } from '@/lib/webhooks/endpoints';
import { sendTestEvent } from '@/lib/webhooks/test-event';
import { endpointIdOf, type EndpointRouteContext } from '../../schema';

export const dynamic = 'force-dynamic';

/** The button pressed, and for a switch the version the page showed (its ETag: the PATCH's If-Match). */
const endpointFormSchema = z.strictObject({
  action: z.enum(ENDPOINT_FORM_ACTIONS),
  etag: z.string().regex(/^"\d{1,20}"$/).optional(),
});

const back = (change: WebhookChange) => seeOther(webhooksPageAfterChange(change));

/** What the button does, by the JSON routes' own store functions; the word the page says after it. */
async function act(id: string, { action, etag }: z.infer<typeof endpointFormSchema>): Promise<WebhookChangeOutcome> {
  const kv = getKv();
  const policy = getNotifyConfig().webhooks;
  if (action === 'delete') return (await deleteEndpoint({ kv, id })) ? 'deleted' : 'missing';
  if (action === 'test') {
    const endpoint = await getEndpoint({ kv, id });
    if (!endpoint) return 'missing';
    const { delivery } = await sendTestEvent({ kv, endpoint, waitMs: policy.timeoutMs + 2_000 });
    return delivery === null ? 'testQueued' : delivery.ok ? 'testDelivered' : 'testFailed';
  }
  const enabled = action === 'enable';
  const endpoint = await updateEndpoint({ kv, policy, id, patch: { enabled }, ...(etag ? { ifMatch: [etag] } : {}) });
  return endpoint ? (enabled ? 'enabled' : 'disabled') : 'missing';
}

/**
 * One endpoint's buttons without JavaScript (`action` = enable, disable, test or delete, as a form body; `etag` with a
 * switch): the PATCH, DELETE or test route beside it, then back to the webhooks page saying how it went. A post from
 * another site is a typed 403, never a redirect.
 */
export const POST = withErrors('admin', async (request: Request, context: EndpointRouteContext) => {
  const id = await endpointIdOf(context);
  const actor = await formActor(request, { scope: 'webhooks', write: true }, { page: '/admin/webhooks', forbidden: () => back({ outcome: 'forbidden' }) });
  if (actor instanceof Response) return actor;
  const parsed = endpointFormSchema.safeParse(await readAdminForm(request));
  if (!parsed.success) return back({ outcome: 'invalid' });
  try {
    return back({ outcome: await act(id, parsed.data) });
  } catch (error) {
    const change = webhookChangeOfError(error, false);
    if (change) return back(change);
    console.error('[admin] a webhook endpoint change from the form was not made', error);
    return back({ outcome: 'failed' });
  }
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST']);
