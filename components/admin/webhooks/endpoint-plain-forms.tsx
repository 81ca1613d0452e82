'use client';

import { webhookEndpointFormAction } from '@/lib/admin/webhook-change';
import type { PublicWebhookEndpoint } from './api';
import { buttonClass, focusRing } from './styles';
import { useWebhooksT } from './use-webhooks-t';

/**
 * An endpoint's switch as a plain form, for a page without JavaScript: the button posts `enable` or `disable` with the
 * version shown (app/api/v1/admin/webhooks/[id]/form), so a change made meanwhile is refused, not overwritten.
 */
export function PlainEnabledForm({ endpoint, describedBy }: { endpoint: PublicWebhookEndpoint; describedBy: string }) {
  const t = useWebhooksT();
  return (
    <form action={webhookEndpointFormAction(endpoint.id)} method="post" className="flex items-center gap-2 text-sm text-slate-800">
      <span>{endpoint.enabled ? t('admin.webhooks.endpoint.enabled') : t('admin.webhooks.endpoint.disabled')}</span>
      <input type="hidden" name="etag" value={endpoint.etag} />
      <button type="submit" name="action" value={endpoint.enabled ? 'disable' : 'enable'} aria-describedby={describedBy} className={buttonClass('secondary')}>
        {endpoint.enabled ? t('admin.webhooks.endpoint.disable') : t('admin.webhooks.endpoint.enable')}
      </button>
    </form>
  );
}

/**
 * Send a test event and delete as plain forms. Delete asks first, as the card does with JavaScript: the question and
 * its button open under a disclosure, so one click deletes nothing.
 */
export function PlainActionForms({ endpoint, url }: { endpoint: PublicWebhookEndpoint; url: string }) {
  const t = useWebhooksT();
  const action = webhookEndpointFormAction(endpoint.id);
  return (
    <>
      <form action={action} method="post">
        <button type="submit" name="action" value="test" className={buttonClass('secondary')}>
          {t('admin.webhooks.endpoint.test')}
        </button>
      </form>
      <details className="w-full">
        <summary className={`inline-block cursor-pointer list-none rounded-lg px-3 py-1.5 text-sm font-medium text-red-700 ring-1 ring-red-300 hover:bg-red-50 ${focusRing}`}>
          {t('admin.webhooks.endpoint.delete')}
        </summary>
        <form action={action} method="post" className="mt-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
          <p className="text-sm wrap-anywhere text-slate-800">{t('admin.webhooks.delete.confirm', { url })}</p>
          <button type="submit" name="action" value="delete" className={`mt-2 ${buttonClass('danger')}`}>
            {t('admin.webhooks.delete.yes')}
          </button>
        </form>
      </details>
    </>
  );
}
