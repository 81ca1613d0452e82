import { AppError } from '@/lib/errors';
import { queryIssues, rangeIssues, recordQuerySchema } from '@/lib/admin/record-query';

/** The lists' query is read by lib/admin/record-query.ts, which the list pages share. */
export { queryIssues, rangeIssues, recordQuerySchema };

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
