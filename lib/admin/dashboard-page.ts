import 'server-only';
import { queryMetrics } from '@/lib/analytics/query';
import type { Locale } from '@/lib/i18n/locales';
import type { Kv } from '@/lib/store/kv';
import { readDashboardPageParams, type DashboardStart } from './dashboard-query';

/**
 * The dashboard as the server renders it from the page's address: the same query the metrics API runs, in the admin's
 * zone (lib/admin/time-zone-server.ts) and the page's language, so the figures and the range form work without
 * JavaScript. Only for a signed-in admin or viewer: the page checks first.
 */
export async function loadDashboardStart({
  kv,
  locale,
  search,
  timeZone,
  now = Date.now(),
}: {
  kv: Kv;
  locale: Locale;
  search: Record<string, string | string[] | undefined>;
  timeZone?: string;
  now?: number;
}): Promise<DashboardStart> {
  const params = readDashboardPageParams(locale, search, timeZone, now);
  if (!params.range) return { params, report: null, failed: false };
  try {
    return { params, report: await queryMetrics({ kv, range: params.range, locale, now }), failed: false };
  } catch (error) {
    console.error('[admin] the dashboard figures could not be read', error);
    return { params, report: null, failed: true };
  }
}
