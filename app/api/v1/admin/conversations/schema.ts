import { AppError } from '@/lib/errors';
import { queryIssues, rangeIssues, recordQuerySchema, repeatedIssues } from '@/lib/admin/record-query';

/** The lists' query is read by lib/admin/record-query.ts, which the list pages share. */
export { queryIssues, rangeIssues, recordQuerySchema, repeatedIssues };

/** The query, or a typed 400 naming each bad parameter. An unknown one is refused: a misspelt filter must not list everything. */
export function parseRecordQuery(request: Request) {
  const search = new URL(request.url).searchParams;
  const params = Object.fromEntries([...search].filter(([, value]) => value !== ''));
  const parsed = recordQuerySchema.strict().safeParse(params);
  const issues = [...repeatedIssues(search), ...(parsed.success ? rangeIssues(parsed.data) : queryIssues(parsed.error))];
  if (!parsed.success || issues.length > 0) {
    throw new AppError('bad_request:admin', 'The search parameters are not valid.', { details: { issues } });
  }
  return parsed.data;
}
