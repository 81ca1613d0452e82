import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { LEAD_STATUSES, STAGES } from '@/lib/admin/records-types';

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

/** Each problem of a query string, named by its parameter (an unknown parameter by its own name). */
export function queryIssues(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({ path: issue.code === 'unrecognized_keys' ? issue.keys.join(',') : issue.path.join('.'), message: issue.message }));
}

/** A range that ends before it starts matches nothing: said as a bad `to`, not answered with an empty list. */
export function rangeIssues(range: { from?: number; to?: number }): Array<{ path: string; message: string }> {
  return range.from !== undefined && range.to !== undefined && range.to < range.from ? [{ path: 'to', message: 'to is before from' }] : [];
}

/** The query, or a typed 400 naming each bad parameter. An unknown one is refused: a misspelt filter must not list everything. */
export function parseRecordQuery(request: Request) {
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ''));
  const parsed = recordQuerySchema.strict().safeParse(params);
  const issues = parsed.success ? rangeIssues(parsed.data) : queryIssues(parsed.error);
  if (!parsed.success || issues.length > 0) {
    throw new AppError('bad_request:admin', 'The search parameters are not valid.', { details: { issues } });
  }
  return parsed.data;
}
