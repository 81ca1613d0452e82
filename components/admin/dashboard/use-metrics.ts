'use client';

import useSWR from 'swr';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { useLocale } from '@/lib/i18n/provider';
import type { MetricsReport, RangePreset } from '@/lib/analytics/report';

export type RangeChoice = { kind: 'preset'; preset: RangePreset } | { kind: 'custom'; from: string; to: string };

/** Live refresh: every 15 s while the page is visible (SWR pauses while the tab is hidden and catches up on focus). */
export const REFRESH_INTERVAL_MS = 15_000;
export const METRICS_API = '/api/v1/admin/metrics';

/** The metrics URL for a range, in the viewer's language (topic titles are localized): one SWR cache entry per locale. */
export function metricsUrl(choice: RangeChoice, locale: Locale = DEFAULT_LOCALE): string {
  const query = choice.kind === 'preset' ? new URLSearchParams({ range: choice.preset }) : new URLSearchParams({ from: choice.from, to: choice.to });
  if (locale !== DEFAULT_LOCALE) query.set('locale', locale);
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
  return useSWR<MetricsReport, Error>(metricsUrl(choice, locale), fetchMetrics, {
    refreshInterval: REFRESH_INTERVAL_MS,
    refreshWhenHidden: false,
    revalidateOnFocus: true,
    keepPreviousData: true,
    // Signed out or not allowed: asking again every few seconds will not change that.
    shouldRetryOnError: (error) => !(error instanceof MetricsError && (error.status === 401 || error.status === 403 || error.status === 400)),
  });
}
