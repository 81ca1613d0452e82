import { z } from 'zod';
import type { Locale } from '@/lib/i18n/locales';
import { parseDateInput } from './date-input';
import { LEAD_STATUSES, STAGES, type RecordPage } from './records-types';
import { dayRangeIn, FALLBACK_TIME_ZONE } from './time-zone';

/**
 * The conversations and leads lists' query, read strictly — by the admin API (app/api/v1/admin/{conversations,leads,
 * export}) and by the list pages themselves, whose filter form is a plain GET form that works without JavaScript
 * (app/admin/{conversations,leads}/page.tsx). Client-safe and pure.
 */

/** A page's cursor as the API gives it out: `<score>:<skip>`. */
export const RECORD_CURSOR = /^(\d{1,16}):(\d{1,9})$/;

/** A day (`2026-12-01`, UTC) or an epoch-ms instant; `end` makes a day mean its last millisecond. */
const instant = (end: boolean) =>
  z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2}|\d{1,16})$/, 'a date such as 2026-12-01, or epoch milliseconds')
    .transform((value, ctx) => {
      if (/^\d+$/.test(value)) return Number(value);
      const start = Date.parse(`${value}T00:00:00.000Z`);
      // Date.parse rolls 2026-02-31 over to 3 March: a day that does not exist is refused, not moved.
      if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== value) {
        ctx.addIssue({ code: 'custom', message: `${value} is not a date` });
        return z.NEVER;
      }
      return end ? start + 86_400_000 - 1 : start;
    });

/** The query of GET /api/v1/admin/conversations and /leads: search, filters, cursor pagination. */
export const recordQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  stage: z.enum(STAGES).optional(),
  status: z.enum(LEAD_STATUSES).optional(),
  from: instant(false).optional(),
  to: instant(true).optional(),
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export type RecordQueryIssue = { path: string; message: string };

/** Each problem of a query string, named by its parameter (an unknown parameter by its own name). */
export function queryIssues(error: z.ZodError): RecordQueryIssue[] {
  return error.issues.map((issue) => ({ path: issue.code === 'unrecognized_keys' ? issue.keys.join(',') : issue.path.join('.'), message: issue.message }));
}

/**
 * Each parameter sent more than once (empty ones aside, which mean "no filter"): named rather than read as its last
 * value, so `status=new&status=lost` is refused instead of quietly listing only the lost.
 */
export function repeatedIssues(params: URLSearchParams): RecordQueryIssue[] {
  const names = [...params].filter(([, value]) => value !== '').map(([name]) => name);
  return [...new Set(names.filter((name, index) => names.indexOf(name) !== index))].map((name) => ({ path: name, message: `${name} is sent more than once` }));
}

/** A range that ends before it starts matches nothing: said as a bad `to`, not answered with an empty list. */
export function rangeIssues(range: { from?: number; to?: number }): RecordQueryIssue[] {
  return range.from !== undefined && range.to !== undefined && range.to < range.from ? [{ path: 'to', message: 'to is before from' }] : [];
}

export type RecordKind = 'conversations' | 'leads';

/** The list's filters as its form holds them. */
export interface RecordFilters {
  q: string;
  stage: string;
  status: string;
  /** `YYYY-MM-DD`, a day in the admin's own time zone (lib/admin/time-zone.ts). */
  from: string;
  to: string;
}

export const NO_FILTERS: RecordFilters = { q: '', stage: '', status: '', from: '', to: '' };

/** What a list page's address asks for: the form's filters, the page (its cursor and the ones before), and problems. */
export interface RecordPageParams {
  filters: RecordFilters;
  /** The dates as typed, shown back in the form when they do not read as dates. */
  typed: { from: string; to: string };
  cursor: string | null;
  /** The cursors of the pages before this one (`''` for the first), so Newer works without JavaScript. */
  trail: string[];
  dateErrors: { from?: 'invalid'; to?: 'invalid' | 'order' };
  /** Parameters that could not be read (unknown, repeated, a stage or status that does not exist, a forged cursor). */
  invalid: string[];
  /** The IANA zone the days were read in (the admin's, from their cookie; UTC when the server does not know it). */
  timeZone: string;
  /** What to list, or null when anything above is wrong (nothing is listed then: a misread filter never lists everything). */
  query: { q?: string; stage?: string; status?: (typeof LEAD_STATUSES)[number]; from?: number; to?: number; cursor?: string | null; limit: number } | null;
}

/** Parameters a list page reads (`lang` is the language switch, read by the middleware). */
const PAGE_PARAMS = new Set(['q', 'stage', 'status', 'from', 'to', 'cursor', 'trail', 'lang']);
const MAX_TRAIL = 200;

/**
 * A list page's search parameters, as strictly as the API reads its query: dates in the page's own format (or ISO,
 * which every locale reads), an unknown or repeated parameter named rather than ignored. Dates are days in
 * `timeZone`, the admin's (lib/admin/time-zone.ts): "from 1 Dec to 1 Dec" is their whole 1 December, as with JavaScript.
 */
export function readRecordPageParams(
  kind: RecordKind,
  locale: Locale,
  params: Record<string, string | string[] | undefined>,
  timeZone = FALLBACK_TIME_ZONE,
  limit = 25,
): RecordPageParams {
  const invalid: string[] = [];
  const value = (name: string): string => {
    const raw = params[name];
    if (Array.isArray(raw)) {
      invalid.push(name);
      return '';
    }
    return raw ?? '';
  };
  for (const name of Object.keys(params)) if (!PAGE_PARAMS.has(name)) invalid.push(name);

  const typed = { from: value('from'), to: value('to') };
  const from = parseDateInput(locale, typed.from);
  const to = parseDateInput(locale, typed.to);
  const dateErrors: RecordPageParams['dateErrors'] = {};
  if (from.kind === 'invalid') dateErrors.from = 'invalid';
  if (to.kind === 'invalid') dateErrors.to = 'invalid';
  else if (from.kind === 'date' && to.kind === 'date' && from.iso > to.iso) dateErrors.to = 'order';

  const filters: RecordFilters = {
    q: value('q'),
    stage: value('stage'),
    status: kind === 'leads' ? value('status') : '',
    from: from.kind === 'date' ? from.iso : '',
    to: to.kind === 'date' ? to.iso : '',
  };
  if (kind === 'conversations' && value('status')) invalid.push('status');
  const cursor = value('cursor');
  if (cursor && !RECORD_CURSOR.test(cursor)) invalid.push('cursor');
  // Page 1 has no cursor and no trail; page n has its cursor and the n - 1 before it, the first of them ''.
  const trailText = value('trail');
  const trail = cursor ? trailText.split(',') : [];
  if (cursor ? trail.length > MAX_TRAIL || trail.some((step, index) => (index === 0 ? step !== '' : !RECORD_CURSOR.test(step))) : trailText !== '') invalid.push('trail');

  // The days as instants in the admin's zone, the API's epoch-ms from/to: what the page sends with JavaScript.
  const days = dayRangeIn(filters, timeZone);
  const fields = { q: filters.q, stage: filters.stage, status: filters.status, from: days.from?.toString() ?? '', to: days.to?.toString() ?? '' };
  const parsed = recordQuerySchema.safeParse(Object.fromEntries(Object.entries(fields).filter(([, text]) => text !== '')));
  if (!parsed.success) invalid.push(...queryIssues(parsed.error).map((issue) => issue.path));
  const ok = parsed.success && invalid.length === 0 && !dateErrors.from && !dateErrors.to;
  return {
    filters,
    typed,
    cursor: cursor || null,
    trail: invalid.includes('trail') ? [] : trail,
    dateErrors,
    invalid: [...new Set(invalid)].sort(),
    timeZone,
    query: ok ? { ...parsed.data, cursor: cursor || null, limit } : null,
  };
}

/**
 * The page's own address for these filters and page (dates as ISO days, which every locale reads back): the pager's
 * links without JavaScript, and the address the list keeps up to date with it.
 */
export function recordPageHref(kind: RecordKind, filters: RecordFilters, cursor: string | null = null, trail: readonly string[] = []): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.stage) params.set('stage', filters.stage);
  if (filters.status && kind === 'leads') params.set('status', filters.status);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (cursor) {
    params.set('cursor', cursor);
    params.set('trail', trail.join(','));
  }
  const query = params.toString();
  return `/admin/${kind}${query ? `?${query}` : ''}`;
}

/** What a list page renders first: its address read strictly, and the page of rows it found (lib/admin/record-list-page.ts). */
export interface RecordListStart {
  params: RecordPageParams;
  /** Null when the address asks for nothing listable, or the store failed (`failed`). */
  page: RecordPage | null;
  failed: boolean;
}
