/**
 * A lead's status changed by the lead page's plain form (without JavaScript): where it posts, and the word the lead
 * page reads back after the redirect (`/admin/leads/<id>?change=saved`). Client-safe; the route's side is
 * lib/admin/lead-status-form.ts.
 */

/** What the lead page says after a form post: the change was kept, or why not. */
export const LEAD_CHANGE_OUTCOMES = ['saved', 'invalid', 'forbidden', 'missing', 'failed'] as const;
export type LeadChangeOutcome = (typeof LEAD_CHANGE_OUTCOMES)[number];

export const isLeadChangeOutcome = (value: unknown): value is LeadChangeOutcome => LEAD_CHANGE_OUTCOMES.includes(value as LeadChangeOutcome);

/** Where the form posts. */
export const leadStatusFormAction = (id: string) => `/api/v1/admin/leads/${id}/status`;

/** The lead page, saying how the change went. */
export const leadPageAfterChange = (id: string, outcome: LeadChangeOutcome) => `/admin/leads/${id}?change=${outcome}`;
