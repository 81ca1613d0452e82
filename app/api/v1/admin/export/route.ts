import { z } from 'zod';
import { requireAdmin } from '@/lib/admin/guard';
import { EXPORT_CONTENT_TYPES, EXPORT_FORMATS, EXPORT_TYPES, exportFilename, exportStream } from '@/lib/admin/export';
import { getRecordsDeps } from '@/lib/admin/records-index';
import { AppError } from '@/lib/errors';
import { otherMethods, withErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

const querySchema = z.object({ type: z.enum(EXPORT_TYPES), format: z.enum(EXPORT_FORMATS).default('csv') });

/** `?type=conversations|leads&format=csv|ndjson`: every record, streamed page by page as a download. */
export const GET = withErrors('admin', async (request: Request) => {
  await requireAdmin(request, { scope: 'export' });
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError('bad_request:admin', 'Ask for ?type=conversations|leads&format=csv|ndjson.');
  const { type, format } = parsed.data;
  const deps = getRecordsDeps();
  return new Response(exportStream(deps, type, format), {
    headers: {
      'content-type': EXPORT_CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${exportFilename(type, format, deps.now())}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET']);
