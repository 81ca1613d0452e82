import { requireAdmin } from '@/lib/admin/guard';
import { EXPORT_CONTENT_TYPES, exportFilename, exportStream } from '@/lib/admin/export';
import { getRecordsDeps } from '@/lib/admin/records-index';
import { adminTimeZoneOfCookies } from '@/lib/admin/time-zone';
import { otherMethods, withErrors } from '@/lib/http';
import { parseExportQuery } from './schema';

export const dynamic = 'force-dynamic';

/**
 * `?type=conversations|leads&format=csv|ndjson`, with the lists' filters (`q`, `stage`, `status`, `from`, `to`): every
 * matching record, streamed page by page as a download.
 */
export const GET = withErrors('admin', async (request: Request) => {
  await requireAdmin(request, { scope: 'export' });
  const { type, format, filters } = parseExportQuery(request);
  const deps = getRecordsDeps();
  // The file is named by the admin's day, from the zone cookie their admin pages leave (components/admin/shell/time-zone.tsx).
  const timeZone = adminTimeZoneOfCookies(request.headers.get('cookie'));
  return new Response(exportStream(deps, type, format, undefined, filters), {
    headers: {
      'content-type': EXPORT_CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${exportFilename(type, format, deps.now(), timeZone)}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET']);
