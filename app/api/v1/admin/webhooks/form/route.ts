import { changedBy, formActor, readAdminForm, seeOther } from '@/lib/admin/lead-status-form';
import { keepSecretOnce } from '@/lib/admin/one-time-secret';
import { webhooksPageAfterChange, type WebhookChange } from '@/lib/admin/webhook-change';
import { endpointFormBody, webhookChangeOfError } from '@/lib/admin/webhook-form';
import { getNotifyConfig } from '@/lib/config-notify';
import { otherMethods, withErrors } from '@/lib/http';
import { getKv } from '@/lib/store/kv';
import { createEndpoint } from '@/lib/webhooks/endpoints';
import { createEndpointSchema } from '../schema';

export const dynamic = 'force-dynamic';

const back = (change: WebhookChange, secret?: string) => seeOther(webhooksPageAfterChange(change, secret));

/**
 * The webhooks page's add form without JavaScript (`url`, `description`, `events` as a form body): the POST beside it,
 * then back to the page, which shows the new secret once (lib/admin/one-time-secret.ts). A post from another site is a
 * typed 403, never a redirect.
 */
export const POST = withErrors('admin', async (request: Request) => {
  const actor = await formActor(request, { scope: 'webhooks', write: true }, { page: '/admin/webhooks', forbidden: () => back({ outcome: 'forbidden' }) });
  if (actor instanceof Response) return actor;
  const parsed = createEndpointSchema.safeParse(endpointFormBody(await readAdminForm(request)));
  if (!parsed.success) return back({ outcome: 'invalid' });
  const kv = getKv();
  try {
    const endpoint = await createEndpoint({ kv, policy: getNotifyConfig().webhooks, input: parsed.data });
    return back({ outcome: 'added' }, await keepSecretOnce({ kv, owner: changedBy(actor), value: { label: endpoint.url, secret: endpoint.secret } }));
  } catch (error) {
    const change = webhookChangeOfError(error, true);
    if (change) return back(change);
    console.error('[admin] a webhook endpoint from the form was not added', error);
    return back({ outcome: 'failed' });
  }
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST']);
