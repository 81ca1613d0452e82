import type { ConversationDetail, LeadDetail, LeadStatus, RecordPage, RecordRow } from '@/lib/admin/records-types';

/** The records admin API as the pages call it (app/api/v1/admin/{conversations,leads,export}). */
export { ApiError, callApi, fetchJson } from '@/components/admin/webhooks/api';
export type { ConversationDetail, LeadDetail, LeadStatus, RecordPage, RecordRow };

export type RecordKind = 'conversations' | 'leads';

export interface RecordFilters {
  q: string;
  stage: string;
  status: string;
  /** `YYYY-MM-DD` from a date input, in the admin's own time zone. */
  from: string;
  to: string;
}

export const NO_FILTERS: RecordFilters = { q: '', stage: '', status: '', from: '', to: '' };

export const recordUrl = (kind: RecordKind, id: string) => `/api/v1/admin/${kind}/${id}`;
export const pageUrl = (kind: RecordKind, id: string) => `/admin/${kind}/${id}`;
export const exportUrl = (kind: RecordKind, format: 'csv' | 'ndjson') => `/api/v1/admin/export?type=${kind}&format=${format}`;

/** The list URL for these filters and cursor. Dates become instants at the admin's local midnight. */
export function listUrl(kind: RecordKind, filters: RecordFilters, cursor: string | null, limit = 25): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.stage) params.set('stage', filters.stage);
  if (filters.status && kind === 'leads') params.set('status', filters.status);
  if (filters.from) params.set('from', String(new Date(`${filters.from}T00:00:00`).getTime()));
  if (filters.to) params.set('to', String(new Date(`${filters.to}T23:59:59.999`).getTime()));
  if (cursor) params.set('cursor', cursor);
  return `/api/v1/admin/${kind}?${params}`;
}
