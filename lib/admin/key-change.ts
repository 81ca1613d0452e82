/**
 * The keys page's plain forms (without JavaScript): where they post, and what the page reads back after the redirect
 * (`/admin/keys?change=created&secret=…`), as the lead page reads its `?change=`. Client-safe; the routes use
 * lib/admin/lead-status-form.ts and lib/admin/one-time-secret.ts.
 */

/** What the page says after a form post: the change was made, or why not (which field the API refused). */
export const KEY_CHANGE_OUTCOMES = ['created', 'revoked', 'invalidName', 'invalidScopes', 'invalid', 'tooMany', 'forbidden', 'missing', 'failed'] as const;
export type KeyChangeOutcome = (typeof KEY_CHANGE_OUTCOMES)[number];

export const isKeyChangeOutcome = (value: unknown): value is KeyChangeOutcome => KEY_CHANGE_OUTCOMES.includes(value as KeyChangeOutcome);

/** Where the create form posts. */
export const keyCreateFormAction = '/api/v1/admin/keys/form';

/** Where a key's Revoke posts. */
export const keyRevokeFormAction = (id: string) => `/api/v1/admin/keys/${encodeURIComponent(id)}/form`;

/** The keys page, saying how the change went; `secret` is the one-time token of a new key's secret. */
export function keysPageAfterChange(outcome: KeyChangeOutcome, secret?: string): string {
  const params = new URLSearchParams({ change: outcome });
  if (secret) params.set('secret', secret);
  return `/admin/keys?${params.toString()}`;
}
