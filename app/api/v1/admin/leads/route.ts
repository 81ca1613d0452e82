import { requireAdmin } from '@/lib/admin/guard';
import { listLeadRecords } from '@/lib/admin/leads';
import { getRecordsDeps } from '@/lib/admin/records-index';
import { NO_STORE_HEADERS, otherMethods, withErrors } from '@/lib/http';
import { parseRecordQuery } from '../conversations/schema';

export const dynamic = 'force-dynamic';

/** Leads (conversations in which the prospect told us about themselves), newest activity first. */
export const GET = withErrors('admin', async (request: Request) => {
  await requireAdmin(request, { scope: 'leads:read' });
  const query = parseRecordQuery(request);
  const page = await listLeadRecords(getRecordsDeps(), query);
  return Response.json(page, { headers: NO_STORE_HEADERS });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET']);
