import { getHealthReport } from '@/lib/health';
import { NO_STORE_HEADERS, otherMethods, withErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Which agent, store and speech providers are active, and whether each answers. 503 when one does not. */
export const GET = withErrors('api', async () => {
  const report = await getHealthReport();
  return Response.json(report, { status: report.status === 'ok' ? 200 : 503, headers: NO_STORE_HEADERS });
});

export const { PUT, PATCH, DELETE, POST, OPTIONS } = otherMethods(['GET']);
