import { urlRefusalOf, type UrlRefusalDetails } from '@/lib/webhooks/url-refusal';

/**
 * The webhooks page's plain forms (without JavaScript): where they post, and what the page reads back after the
 * redirect (`/admin/webhooks?change=added&secret=…`), as the lead page reads its `?change=`. Client-safe; the routes'
 * side is lib/admin/webhook-form.ts.
 */

/** What the page says after a form post: the change was made, or why not. */
export const WEBHOOK_CHANGE_OUTCOMES = [
  'added',
  'enabled',
  'disabled',
  'deleted',
  'testDelivered',
  'testFailed',
  'testQueued',
  'invalid',
  'refused',
  'tooMany',
  'changed',
  'cannotCheck',
  'forbidden',
  'missing',
  'failed',
] as const;
export type WebhookChangeOutcome = (typeof WEBHOOK_CHANGE_OUTCOMES)[number];

/** How a post went, with the refused URL's reason when that is why (the codes the API's 400 carries). */
export interface WebhookChange {
  outcome: WebhookChangeOutcome;
  refusal?: UrlRefusalDetails;
}

/** What one endpoint's form asks for: the button pressed says which. */
export const ENDPOINT_FORM_ACTIONS = ['enable', 'disable', 'test', 'delete'] as const;

/** Where the add form posts. */
export const webhookAddFormAction = '/api/v1/admin/webhooks/form';

/** Where one endpoint's buttons post. */
export const webhookEndpointFormAction = (id: string) => `/api/v1/admin/webhooks/${id}/form`;

const REFUSAL_PARAMS = ['reason', 'host', 'address', 'range'] as const;

/** The webhooks page, saying how the change went; `secret` is the one-time token of a new endpoint's secret. */
export function webhooksPageAfterChange(change: WebhookChange, secret?: string): string {
  const params = new URLSearchParams({ change: change.outcome });
  if (change.refusal) {
    for (const name of REFUSAL_PARAMS) {
      const value = change.refusal[name];
      if (value) params.set(name, value);
    }
    if (change.refusal.allowHttp) params.set('allowHttp', '1');
  }
  if (secret) params.set('secret', secret);
  return `/admin/webhooks?${params.toString()}`;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The page's query read back: an outcome it knows (anything else is ignored), with a refusal only where one is named. */
export function webhookChangeOf(search: Record<string, string | string[] | undefined>): WebhookChange | undefined {
  const outcome = first(search.change);
  if (!(WEBHOOK_CHANGE_OUTCOMES as readonly string[]).includes(outcome ?? '')) return undefined;
  if (outcome !== 'refused') return { outcome: outcome as WebhookChangeOutcome };
  const refusal = urlRefusalOf({
    reason: first(search.reason),
    host: first(search.host),
    address: first(search.address),
    range: first(search.range),
    allowHttp: first(search.allowHttp) === '1',
  });
  // A refusal without its reason says what any refused change says.
  return refusal ? { outcome, refusal } : { outcome: 'invalid' };
}
