import { requireAdmin } from '@/lib/admin/guard';
import { listConversationRecords } from '@/lib/admin/conversations';
import { getRecordsDeps } from '@/lib/admin/records-index';
import { NO_STORE_HEADERS, otherMethods, withErrors } from '@/lib/http';
import { parseRecordQuery } from './schema';

export const dynamic = 'force-dynamic';

/** Conversations, newest activity first: `?q=&stage=&status=&from=&to=&cursor=&limit=`. */
export const GET = withErrors('admin', async (request: Request) => {
  await requireAdmin(request, { scope: 'leads:read' });
  const query = parseRecordQuery(request);
  const page = await listConversationRecords(getRecordsDeps(), query);
  return Response.json(page, { headers: NO_STORE_HEADERS });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET']);
