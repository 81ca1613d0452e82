'use client';

import useSWR from 'swr';
import { useAdminTimeZone } from '@/components/admin/shell/time-zone';
import { FALLBACK_TIME_ZONE } from '@/lib/admin/time-zone';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { useLocale } from '@/lib/i18n/provider';
import type { MetricsReport, RangePreset } from '@/lib/analytics/report';

export type RangeChoice = { kind: 'preset'; preset: RangePreset } | { kind: 'custom'; from: string; to: string };

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

export function useMetrics(choice: RangeChoice) {
  const locale = useLocale();
  const timeZone = useAdminTimeZone();
  return useSWR<MetricsReport, Error>(metricsUrl(choice, locale, timeZone), fetchMetrics, {
    refreshInterval: REFRESH_INTERVAL_MS,
    refreshWhenHidden: false,
    revalidateOnFocus: true,
    keepPreviousData: true,
    // Signed out or not allowed: asking again every few seconds will not change that.
    shouldRetryOnError: (error) => !(error instanceof MetricsError && (error.status === 401 || error.status === 403 || error.status === 400)),
  });
}
