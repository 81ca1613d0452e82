import { NO_FILTERS, recordPageHref, type RecordFilters, type RecordKind } from '@/lib/admin/record-query';
import type { ConversationDetail, LeadDetail, LeadStatus, RecordPage, RecordRow } from '@/lib/admin/records-types';

/** The records admin API as the pages call it (app/api/v1/admin/{conversations,leads,export}). */
export { ApiError, callApi, fetchJson } from '@/components/admin/webhooks/api';
export type { ConversationDetail, LeadDetail, LeadStatus, RecordPage, RecordRow };

export { NO_FILTERS, recordPageHref, type RecordFilters, type RecordKind };

export const recordUrl = (kind: RecordKind, id: string) => `/api/v1/admin/${kind}/${id}`;
export const pageUrl = (kind: RecordKind, id: string) => `/admin/${kind}/${id}`;
/** The query parameters of these filters, as the list and the export both take them. Dates become instants at the admin's local midnight. */
function filterParams(kind: RecordKind, filters: RecordFilters, params: URLSearchParams): URLSearchParams {
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.stage) params.set('stage', filters.stage);
  if (filters.status && kind === 'leads') params.set('status', filters.status);
  if (filters.from) params.set('from', String(new Date(`${filters.from}T00:00:00`).getTime()));
  if (filters.to) params.set('to', String(new Date(`${filters.to}T23:59:59.999`).getTime()));
  return params;
}

/** Whether any filter would narrow the list (the export then holds only what matches). */
export function hasFilters(kind: RecordKind, filters: RecordFilters): boolean {
  return filterParams(kind, filters, new URLSearchParams()).toString() !== '';
}

/** The export download of what the list shows with these filters (every record of the kind with none). */
export const exportUrl = (kind: RecordKind, format: 'csv' | 'ndjson', filters: RecordFilters = NO_FILTERS) =>
  `/api/v1/admin/export?${filterParams(kind, filters, new URLSearchParams({ type: kind, format }))}`;

/** The list URL for these filters and cursor. */
export function listUrl(kind: RecordKind, filters: RecordFilters, cursor: string | null, limit = 25): string {
  const params = filterParams(kind, filters, new URLSearchParams({ limit: String(limit) }));
  if (cursor) params.set('cursor', cursor);
  return `/api/v1/admin/${kind}?${params}`;
}
