import { requireAdmin, type AdminActor } from '@/lib/admin/guard';
import { assertFormFromOwnPage, readAdminForm, seeOther } from '@/lib/admin/lead-status-form';
import { keepSecretOnce } from '@/lib/admin/one-time-secret';
import { signInUrlFor } from '@/lib/admin/session-cookie';
import { webhooksPageAfterChange, type WebhookChange } from '@/lib/admin/webhook-change';
import { endpointFormBody, webhookChangeOfError } from '@/lib/admin/webhook-form';
import { getNotifyConfig } from '@/lib/config-notify';
import { isAppError } from '@/lib/errors';
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
  assertFormFromOwnPage(request);
  let actor: AdminActor;
  try {
    actor = await requireAdmin(request, { scope: 'webhooks', write: true });
  } catch (error) {
    if (isAppError(error) && error.code === 'unauthorized:admin') return seeOther(signInUrlFor('/admin/webhooks'));
    if (isAppError(error) && error.code === 'forbidden:admin') return back({ outcome: 'forbidden' });
    throw error;
  }
  const parsed = createEndpointSchema.safeParse(endpointFormBody(await readAdminForm(request)));
  if (!parsed.success) return back({ outcome: 'invalid' });
  const kv = getKv();
  try {
    const endpoint = await createEndpoint({ kv, policy: getNotifyConfig().webhooks, input: parsed.data });
    const owner = actor.kind === 'user' ? actor.email : `key:${actor.keyId}`;
    return back({ outcome: 'added' }, await keepSecretOnce({ kv, owner, value: { label: endpoint.url, secret: endpoint.secret } }));
  } catch (error) {
    const change = webhookChangeOfError(error, true);
    if (change) return back(change);
    console.error('[admin] a webhook endpoint from the form was not added', error);
    return back({ outcome: 'failed' });
  }
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST']);
