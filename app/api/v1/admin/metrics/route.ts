import { requireAdmin } from '@/lib/admin/guard';
import { adminTimeZoneOfCookies } from '@/lib/admin/time-zone';
import { queryMetrics } from '@/lib/analytics/query';
import { NO_STORE_HEADERS, otherMethods, withErrors } from '@/lib/http';
import { getKv } from '@/lib/store/kv';
import { parseMetricsQuery } from './schema';

export const dynamic = 'force-dynamic';

/** The dashboard's figures for a range (docs/admin.md, "Analytics"): admins, viewers, or a key with `leads:read`. */
export const GET = withErrors('admin', async (request: Request) => {
  await requireAdmin(request, { scope: 'leads:read' });
  const { range, locale } = parseMetricsQuery(new URL(request.url).searchParams, Date.now(), adminTimeZoneOfCookies(request.headers.get('cookie')));
  const report = await queryMetrics({ kv: getKv(), range, locale });
  return Response.json(report, { headers: NO_STORE_HEADERS });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET']);
