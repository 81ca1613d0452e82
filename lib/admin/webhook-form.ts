import 'server-only';
import { isAppError } from '@/lib/errors';
import { urlRefusalOf } from '@/lib/webhooks/url-refusal';
import type { WebhookChange } from './webhook-change';

/**
 * The routes' side of the webhooks page's plain forms (lib/admin/webhook-change.ts): a form's fields as the JSON
 * routes' bodies, and a refusal as the word the page reads back. The changes themselves are the JSON routes': the same
 * schemas, guard and store functions. Origin and form reading: lib/admin/lead-status-form.ts.
 */

/**
 * The add form as the POST route's body: `events` is a list even with one box ticked, an empty description is none.
 * Every other field is passed on, for the schema to refuse as the JSON route would.
 */
export function endpointFormBody(fields: Record<string, string | string[]>): Record<string, unknown> {
  const { events, description, ...rest } = fields;
  return {
    ...rest,
    events: events === undefined ? [] : Array.isArray(events) ? events : [events],
    ...(description === undefined || description === '' ? {} : { description }),
  };
}

/**
 * A change the store refused, as the page says it; null for a failure that is not the admin's to fix (logged). A 409
 * to an addition is one endpoint too many; to a change, someone else's change to the same endpoint.
 */
export function webhookChangeOfError(error: unknown, adding: boolean): WebhookChange | null {
  if (!isAppError(error)) return null;
  if (error.code === 'bad_request:admin') {
    const refusal = urlRefusalOf(error.details);
    return refusal ? { outcome: 'refused', refusal } : { outcome: 'invalid' };
  }
  if (error.code === 'not_found:admin') return { outcome: 'missing' };
  if (error.code === 'conflict:admin') return { outcome: adding ? 'tooMany' : 'changed' };
  if (error.code === 'upstream_unavailable:admin') return { outcome: 'cannotCheck' };
  return null;
}
