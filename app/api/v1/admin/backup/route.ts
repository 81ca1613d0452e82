import { requireAdmin } from '@/lib/admin/guard';
import { backupFilename, backupLines, restConnection } from '@/lib/admin/backup';
import { textStream } from '@/lib/admin/export';
import { getServerConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { otherMethods, withErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

/**
 * A backup of every key under the app's prefix, gzipped NDJSON, streamed as it is read. Admins only (not viewers,
 * not API keys): it holds every conversation, lead and setting, including hashed credentials.
 */
export const GET = withErrors('admin', async (request: Request) => {
  const actor = await requireAdmin(request, { write: true });
  const store = getServerConfig().store;
  if (store.provider !== 'upstash') {
    throw new AppError('conflict:admin', 'Backups need Redis: with the in-memory default nothing outlives the server process. Set UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN.');
  }
  const lines = backupLines(restConnection({ url: store.url, token: store.token, prefix: store.prefix }));
  console.info(`[admin] backup downloaded by ${actor.kind === 'user' ? actor.email : `key ${actor.keyId}`}`);
  return new Response(textStream(lines, 'backup download').pipeThrough(new CompressionStream('gzip')), {
    headers: {
      'content-type': 'application/gzip',
      'content-disposition': `attachment; filename="${backupFilename(Date.now())}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET']);
