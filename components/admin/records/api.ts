import { NO_FILTERS, recordPageHref, type RecordFilters, type RecordKind } from '@/lib/admin/record-query';
import type { ConversationDetail, LeadDetail, LeadStatus, RecordPage, RecordRow } from '@/lib/admin/records-types';
import { browserTimeZone, dayRangeIn, FALLBACK_TIME_ZONE } from '@/lib/admin/time-zone';

/** The records admin API as the pages call it (app/api/v1/admin/{conversations,leads,export}). */
export { ApiError, callApi, fetchJson } from '@/components/admin/webhooks/api';
export type { ConversationDetail, LeadDetail, LeadStatus, RecordPage, RecordRow };

export { NO_FILTERS, recordPageHref, type RecordFilters, type RecordKind };

export const recordUrl = (kind: RecordKind, id: string) => `/api/v1/admin/${kind}/${id}`;
export const pageUrl = (kind: RecordKind, id: string) => `/admin/${kind}/${id}`;
/**
 * The query parameters of these filters, as the list and the export both take them. Dates become instants: the
 * admin's midnight in `timeZone` (theirs, components/admin/shell/time-zone.tsx), as the server page reads them too.
 */
function filterParams(kind: RecordKind, filters: RecordFilters, params: URLSearchParams, timeZone: string): URLSearchParams {
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.stage) params.set('stage', filters.stage);
  if (filters.status && kind === 'leads') params.set('status', filters.status);
  const days = dayRangeIn(filters, timeZone);
  if (days.from !== undefined) params.set('from', String(days.from));
  if (days.to !== undefined) params.set('to', String(days.to));
  return params;
}

/** Whether any filter would narrow the list (the export then holds only what matches). */
export function hasFilters(kind: RecordKind, filters: RecordFilters): boolean {
  // Any zone answers this: only whether a day is set matters.
  return filterParams(kind, filters, new URLSearchParams(), FALLBACK_TIME_ZONE).toString() !== '';
}

/** The export download of what the list shows with these filters (every record of the kind with none). */
export const exportUrl = (kind: RecordKind, format: 'csv' | 'ndjson', filters: RecordFilters = NO_FILTERS, timeZone = browserTimeZone()) =>
  `/api/v1/admin/export?${filterParams(kind, filters, new URLSearchParams({ type: kind, format }), timeZone)}`;

/** The list URL for these filters and cursor, days read in `timeZone`. */
export function listUrl(kind: RecordKind, filters: RecordFilters, cursor: string | null, timeZone = browserTimeZone(), limit = 25): string {
  const params = filterParams(kind, filters, new URLSearchParams({ limit: String(limit) }), timeZone);
  if (cursor) params.set('cursor', cursor);
  return `/api/v1/admin/${kind}?${params}`;
}
