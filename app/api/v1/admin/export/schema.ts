import { z } from 'zod';
import { EXPORT_FORMATS, EXPORT_TYPES, type ExportFilters, type ExportFormat, type ExportType } from '@/lib/admin/export';
import { AppError } from '@/lib/errors';
import { queryIssues, rangeIssues, recordQuerySchema, repeatedIssues } from '../conversations/schema';

/**
 * `?type=conversations|leads&format=csv|ndjson` plus the lists' own filters (`q`, `stage`, `status`, `from`, `to`), so
 * a download holds what the same query lists. Anything else is refused rather than ignored: a filter this route does
 * not know would otherwise export more than was asked for.
 */
const exportQuerySchema = recordQuerySchema
  .omit({ cursor: true, limit: true })
  .extend({ type: z.enum(EXPORT_TYPES), format: z.enum(EXPORT_FORMATS).default('csv') })
  .strict();

export function parseExportQuery(request: Request): { type: ExportType; format: ExportFormat; filters: ExportFilters } {
  const search = new URL(request.url).searchParams;
  const params = Object.fromEntries([...search].filter(([, value]) => value !== ''));
  const parsed = exportQuerySchema.safeParse(params);
  const issues = [...repeatedIssues(search), ...(parsed.success ? rangeIssues(parsed.data) : queryIssues(parsed.error))];
  if (!parsed.success || issues.length > 0) {
    throw new AppError('bad_request:admin', 'Ask for ?type=conversations|leads&format=csv|ndjson, optionally with the lists’ filters q, stage, status, from and to.', {
      details: { issues },
    });
  }
  const { type, format, ...filters } = parsed.data;
  return { type, format, filters };
}
