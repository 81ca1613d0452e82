import { z } from 'zod';
import { adminTimeZoneOf, dayEndIn, dayStartIn, FALLBACK_TIME_ZONE } from '@/lib/admin/time-zone';
import { customRange, presetRange, type ResolvedRange } from '@/lib/analytics/range';
import { RANGE_PRESETS } from '@/lib/analytics/report';
import { repeatedIssues } from '@/lib/admin/record-query';
import { AppError } from '@/lib/errors';
import { explicitLocale, type Locale } from '@/lib/i18n/locales';

/**
 * `?range=24h|7d|30d|90d` (default 7d), or `?from=&to=`: a date (`2026-11-01`, a whole day of the zone; a date `to`
 * includes its day), an ISO date-time with an offset, or epoch milliseconds. `tz` is the IANA zone whose days the
 * range and its day buckets are (the dashboard sends the admin's); without it, the admin's `admin_tz` cookie, else
 * UTC; the answer says which. `locale` (en, es, fr, de, ar; `de-CH` reads as de;
 * default en) is the language topic titles come in: the dashboard sends its own, so each locale is its own URL.
 */
const instant = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const ms = /^\d{1,15}$/.test(value) ? Number(value) : dateOnly ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
    // A day that does not exist (2026-02-31, which Date.parse rolls over to 3 March) is refused, not moved.
    const rolledOver = dateOnly && Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) !== value;
    if (!Number.isFinite(ms) || rolledOver || (!dateOnly && !/^\d+$/.test(value) && !/(Z|[+-]\d{2}:?\d{2})$/i.test(value))) {
      ctx.addIssue({ code: 'custom', message: 'a date (2026-11-01), an ISO date-time with its offset, or epoch milliseconds' });
      return z.NEVER;
    }
    return { ms, dateOnly, iso: value };
  });

export const metricsQuerySchema = z
  .object({
    range: z.enum(RANGE_PRESETS).optional(),
    from: instant.optional(),
    to: instant.optional(),
    tz: z
      .string()
      .trim()
      .transform((tz, ctx) => {
        if (/^(utc|etc\/utc|gmt|z)$/i.test(tz)) return FALLBACK_TIME_ZONE;
        const zone = adminTimeZoneOf(tz);
        if (zone === FALLBACK_TIME_ZONE) {
          ctx.addIssue({ code: 'custom', message: 'an IANA time zone (Europe/Madrid) or UTC' });
          return z.NEVER;
        }
        return zone;
      })
      .optional(),
    locale: z
      .string()
      .trim()
      .transform((value, ctx) => {
        const locale = explicitLocale(value);
        if (!locale) {
          ctx.addIssue({ code: 'custom', message: 'one of en, es, fr, de, ar' });
          return z.NEVER;
        }
        return locale;
      })
      .optional(),
  })
  .strict()
  .refine((query) => !(query.range && (query.from || query.to)), { message: 'send either range or from/to, not both', path: ['range'] })
  .refine((query) => !(query.to && !query.from), { message: 'send from with to', path: ['from'] });

/**
 * The query string → the range to query and the language of its titles, or a typed 400 naming the parameter. Days are
 * `tz`'s, else `cookieZone`'s (the admin's cookie, checked: UTC when missing or forged).
 */
export function parseMetricsQuery(params: URLSearchParams, now: number, cookieZone = FALLBACK_TIME_ZONE): { range: ResolvedRange; locale: Locale } {
  const [repeated] = repeatedIssues(params);
  if (repeated) throw new AppError('bad_request:admin', `${repeated.path}: ${repeated.message}`);
  const parsed = metricsQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_request:admin', issue ? `${issue.path.join('.') || 'query'}: ${issue.message}` : undefined);
  }
  const { range, from, to, locale = 'en', tz = cookieZone } = parsed.data;
  if (!from) return { range: presetRange(range ?? '7d', now, tz), locale };
  // A date is the zone's day: its first millisecond, or (`to`) the end of its last.
  const start = from.dateOnly ? dayStartIn(from.iso, tz) : from.ms;
  const end = to ? (to.dateOnly ? dayEndIn(to.iso, tz) + 1 : to.ms) : now;
  try {
    return { range: customRange(start, end, now, tz), locale };
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('bad_request:admin', error.message);
    throw error;
  }
}
