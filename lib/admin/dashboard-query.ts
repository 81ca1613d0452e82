import { customRange, presetRange, type ResolvedRange } from '@/lib/analytics/range';
import { RANGE_PRESETS, type MetricsReport, type RangePreset } from '@/lib/analytics/report';
import type { Locale } from '@/lib/i18n/locales';
import { parseDateInput } from './date-input';
import { dayEndIn, dayStartIn, FALLBACK_TIME_ZONE } from './time-zone';

/**
 * The dashboard's address (`/admin?range=30d`, `/admin?from=01/11/2026&to=30/11/2026`), read strictly by the server
 * page (app/admin/page.tsx), whose range picker is a plain GET form, so the figures read without JavaScript. Client-safe
 * and pure; the metrics API reads its own query (app/api/v1/admin/metrics/schema.ts).
 */

/** A preset, or two days of the admin's zone (`YYYY-MM-DD`, the end included). */
export type RangeChoice = { kind: 'preset'; preset: RangePreset } | { kind: 'custom'; from: string; to: string };

export const DEFAULT_RANGE: RangeChoice = { kind: 'preset', preset: '7d' };

export interface DashboardPageParams {
  /** The range the picker shows: the address's, or the default when it asks for none. */
  choice: RangeChoice;
  /** The dates as typed, shown back in the form when they are wrong. */
  typed: { from: string; to: string };
  /** Said at the field: not a date, a start after today, an end before the start, a range longer than the API allows. */
  dateErrors: { from?: 'invalid' | 'future'; to?: 'invalid' | 'order' | 'tooLong' };
  /** Parameters that could not be read (unknown, repeated, a preset that does not exist, a preset beside dates). */
  invalid: string[];
  /** The IANA zone whose days these are (the admin's cookie's, or UTC). */
  timeZone: string;
  /** What to query, or null when anything above is wrong (no figures then, rather than the figures of another range). */
  range: ResolvedRange | null;
}

/** `lang` is the language switch, read by the middleware. */
const PAGE_PARAMS = new Set(['range', 'from', 'to', 'lang']);

const isPreset = (value: string): value is RangePreset => (RANGE_PRESETS as readonly string[]).includes(value);

export function readDashboardPageParams(
  locale: Locale,
  params: Record<string, string | string[] | undefined>,
  timeZone = FALLBACK_TIME_ZONE,
  now = Date.now(),
): DashboardPageParams {
  const invalid = Object.keys(params).filter((name) => !PAGE_PARAMS.has(name) || Array.isArray(params[name]));
  const value = (name: string) => {
    const raw = params[name];
    return typeof raw === 'string' ? raw : '';
  };
  const preset = value('range').trim();
  if (preset && !isPreset(preset)) invalid.push('range');
  const typed = { from: value('from'), to: value('to') };
  const custom = params.from !== undefined || params.to !== undefined;
  // The picker sends either a preset or two dates: both at once is an address it did not write.
  if (custom && preset) invalid.push('range');
  const base = { typed, timeZone, dateErrors: {} as DashboardPageParams['dateErrors'] };
  const done = (choice: RangeChoice, range: ResolvedRange | null): DashboardPageParams => {
    const ok = invalid.length === 0 && !base.dateErrors.from && !base.dateErrors.to;
    return { ...base, choice, invalid: [...new Set(invalid)].sort(), range: ok ? range : null };
  };
  if (!custom) {
    const choice: RangeChoice = isPreset(preset) ? { kind: 'preset', preset } : DEFAULT_RANGE;
    return done(choice, choice.kind === 'preset' ? presetRange(choice.preset, now, timeZone) : null);
  }

  // Both dates are needed, as with JavaScript: an empty one is said at its field.
  const from = parseDateInput(locale, typed.from);
  const to = parseDateInput(locale, typed.to);
  if (from.kind !== 'date') base.dateErrors.from = 'invalid';
  if (to.kind !== 'date') base.dateErrors.to = 'invalid';
  if (from.kind !== 'date' || to.kind !== 'date') return done({ kind: 'custom', from: from.kind === 'date' ? from.iso : '', to: to.kind === 'date' ? to.iso : '' }, null);
  const choice: RangeChoice = { kind: 'custom', from: from.iso, to: to.iso };
  if (from.iso > to.iso) {
    base.dateErrors.to = 'order';
    return done(choice, null);
  }
  // The days as the metrics API reads them: the first millisecond of the first, the end of the last.
  const start = dayStartIn(from.iso, timeZone);
  try {
    return done(choice, customRange(start, dayEndIn(to.iso, timeZone) + 1, now, timeZone));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // The start is not before now (a day yet to come), or the range is longer than MAX_RANGE_DAYS.
    if (start >= now) base.dateErrors.from = 'future';
    else base.dateErrors.to = 'tooLong';
    return done(choice, null);
  }
}

/** The dashboard's own address for a range (dates as ISO days, which every locale reads back). */
export function dashboardPageHref(choice: RangeChoice): string {
  if (choice.kind === 'custom') return `/admin?${new URLSearchParams({ from: choice.from, to: choice.to })}`;
  return choice.preset === '7d' ? '/admin' : `/admin?${new URLSearchParams({ range: choice.preset })}`;
}

/** What the server page renders first: its address read strictly, and the figures it found (lib/admin/dashboard-page.ts). */
export interface DashboardStart {
  params: DashboardPageParams;
  /** Null when the address asks for no readable range, or the store failed (`failed`). */
  report: MetricsReport | null;
  failed: boolean;
}
