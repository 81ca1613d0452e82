'use client';

import useSWR from 'swr';
import { useAdminTimeZone } from '@/components/admin/shell/time-zone';
import type { DashboardStart, RangeChoice } from '@/lib/admin/dashboard-query';
import { FALLBACK_TIME_ZONE } from '@/lib/admin/time-zone';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { useLocale } from '@/lib/i18n/provider';
import type { MetricsReport } from '@/lib/analytics/report';

export type { RangeChoice };

/** Live refresh: every 15 s while the page is visible (SWR pauses while the tab is hidden and catches up on focus). */
export const REFRESH_INTERVAL_MS = 15_000;
export const METRICS_API = '/api/v1/admin/metrics';

/**
 * The metrics URL for a range, in the viewer's language (topic titles are localized) and their time zone (days are
 * theirs): one SWR cache entry per locale and zone.
 */
export function metricsUrl(choice: RangeChoice, locale: Locale = DEFAULT_LOCALE, timeZone: string = FALLBACK_TIME_ZONE): string {
  const query = choice.kind === 'preset' ? new URLSearchParams({ range: choice.preset }) : new URLSearchParams({ from: choice.from, to: choice.to });
  if (locale !== DEFAULT_LOCALE) query.set('locale', locale);
  if (timeZone !== FALLBACK_TIME_ZONE) query.set('tz', timeZone);
  return `${METRICS_API}?${query}`;
}

/** A refused or failed request, with the API's typed error when it sent one. */
export class MetricsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'MetricsError';
  }
}

async function fetchMetrics(url: string): Promise<MetricsReport> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (response.ok) return (await response.json()) as MetricsReport;
  let code: string | undefined;
  let message = `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not our JSON (a proxy's error page): the status says enough.
  }
  throw new MetricsError(response.status, code, message);
}

/**
 * The figures for `choice` (none while it is null: an address the server could not read). `start` is the server page's
 * reading: its figures answer only the URL it would have asked for (same range, language and zone), and are shown as
 * they are, not asked for again at once; the refresh every 15 s takes over from them.
 */
export function useMetrics(choice: RangeChoice | null, start?: DashboardStart) {
  const locale = useLocale();
  const timeZone = useAdminTimeZone();
  const key = choice ? metricsUrl(choice, locale, timeZone) : null;
  const startKey = start?.report ? metricsUrl(start.params.choice, locale, start.params.timeZone) : null;
  return useSWR<MetricsReport, Error>(key, fetchMetrics, {
    refreshInterval: REFRESH_INTERVAL_MS,
    refreshWhenHidden: false,
    revalidateOnFocus: true,
    keepPreviousData: true,
    ...(key !== null && key === startKey && start?.report ? { fallbackData: start.report, revalidateOnMount: false } : {}),
    // Signed out or not allowed: asking again every few seconds will not change that.
    shouldRetryOnError: (error) => !(error instanceof MetricsError && (error.status === 401 || error.status === 403 || error.status === 400)),
  });
}
