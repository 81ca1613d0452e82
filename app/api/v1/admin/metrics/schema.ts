import { z } from 'zod';
import { DAY_MS } from '@/lib/analytics/buckets';
import { customRange, presetRange, type ResolvedRange } from '@/lib/analytics/range';
import { RANGE_PRESETS } from '@/lib/analytics/report';
import { repeatedIssues } from '@/lib/admin/record-query';
import { AppError } from '@/lib/errors';
import { explicitLocale, type Locale } from '@/lib/i18n/locales';

/**
 * `?range=24h|7d|30d|90d` (default 7d), or `?from=&to=`: a date (`2026-11-01`, whole UTC day; a date `to` includes its
 * day), an ISO date-time with an offset, or epoch milliseconds. `tz` may only be UTC: no time-zone library is
 * installed, so buckets and days are UTC and the answer says so. `locale` (en, es, fr, de, ar; `de-CH` reads as de;
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
    return { ms, dateOnly };
  });

export const metricsQuerySchema = z
  .object({
    range: z.enum(RANGE_PRESETS).optional(),
    from: instant.optional(),
    to: instant.optional(),
    tz: z
      .string()
      .trim()
      .refine((tz) => /^(utc|etc\/utc|gmt|z)$/i.test(tz), 'only UTC is supported: buckets and day boundaries are UTC')
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

/** The query string → the range to query and the language of its titles, or a typed 400 naming the parameter. */
export function parseMetricsQuery(params: URLSearchParams, now: number): { range: ResolvedRange; locale: Locale } {
  const [repeated] = repeatedIssues(params);
  if (repeated) throw new AppError('bad_request:admin', `${repeated.path}: ${repeated.message}`);
  const parsed = metricsQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_request:admin', issue ? `${issue.path.join('.') || 'query'}: ${issue.message}` : undefined);
  }
  const { range, from, to, locale = 'en' } = parsed.data;
  if (!from) return { range: presetRange(range ?? '7d', now), locale };
  const end = to ? (to.dateOnly ? to.ms + DAY_MS : to.ms) : now;
  try {
    return { range: customRange(from.ms, end, now), locale };
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('bad_request:admin', error.message);
    throw error;
  }
}
