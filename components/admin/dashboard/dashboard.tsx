'use client';

import { useMemo, useState } from 'react';
import { problemText } from '@/components/admin/shell/problem-text';
import { useLocale } from '@/lib/i18n/provider';
import { BreakdownSection } from './breakdown-section';
import { FeedbackSection } from './feedback-section';
import { formatters } from './format';
import { FunnelSection } from './funnel-section';
import { LatencySection, RatesSection } from './health-section';
import { KpiCards } from './kpi-cards';
import { RangePicker } from './range-picker';
import { SeriesSection } from './series-section';
import { TopicsSection } from './topics-section';
import { useDashboardT } from './use-dashboard-t';
import { MetricsError, useMetrics, type RangeChoice } from './use-metrics';

/**
 * The analytics dashboard (/admin): a range picker over the figures of GET /api/v1/admin/metrics, refreshed every
 * 15 s while visible. Every chart has its figures beside it as text or a table.
 */
export function Dashboard({ initialRange = { kind: 'preset', preset: '7d' } }: { initialRange?: RangeChoice }) {
  const t = useDashboardT();
  const locale = useLocale();
  const [range, setRange] = useState<RangeChoice>(initialRange);
  const { data: report, error, isLoading, isValidating, mutate } = useMetrics(range);
  // Times and days are shown in the zone the server read the days in (the admin's, or UTC when it did not know it).
  const zone = report?.range.timeZone ?? 'UTC';
  const f = useMemo(() => formatters(locale, zone), [locale, zone]);

  const problem = (() => {
    if (!error) return null;
    if (error instanceof MetricsError && error.status === 401) return t('dashboard.unauthorized');
    if (error instanceof MetricsError && error.status === 403) return t('dashboard.forbidden');
    // The API's message is English: the admin is told in the page's language (components/admin/shell/problem-text.ts).
    const message = problemText(locale, error instanceof MetricsError ? error.status : undefined);
    return report ? t('dashboard.staleError', { message, time: f.time(report.generatedAt) }) : t('dashboard.error', { message });
  })();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <RangePicker value={range} onChange={setRange} />
        {/* Not a live region: it changes every 15 s, which a screen reader would keep announcing. */}
        <p className="text-sm text-slate-600">
          {isValidating && !isLoading ? t('dashboard.refreshing') : report ? t('dashboard.updated', { time: f.time(report.generatedAt) }) : null}
        </p>
      </div>
      {report ? (
        <p className="text-sm text-slate-600">
          {t('range.showing', { from: f.date(report.range.from), to: f.date(new Date(Date.parse(report.range.to) - 1).toISOString()) })} · {zone === 'UTC' ? t('dashboard.utcNote') : t('dashboard.zoneNote', { zone: zone.replace(/_/g, ' ') })}
        </p>
      ) : null}

      {problem ? (
        <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-red-50 p-4 text-sm text-red-800 ring-1 ring-red-200">
          <p>{problem}</p>
          {error instanceof MetricsError && (error.status === 401 || error.status === 403) ? null : (
            <button
              type="button"
              onClick={() => void mutate()}
              className="rounded-lg bg-white px-3 py-1.5 font-medium text-red-800 ring-1 ring-red-300 hover:bg-red-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
            >
              {t('dashboard.retry')}
            </button>
          )}
        </div>
      ) : null}

      {!report && isLoading ? (
        <p role="status" className="rounded-2xl bg-white p-6 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200">
          {t('dashboard.loading')}
        </p>
      ) : null}

      {report ? (
        <>
          <section aria-label={t('kpi.heading')}>
            <KpiCards kpis={report.kpis} t={t} f={f} />
          </section>
          <SeriesSection report={report} t={t} f={f} />
          {/* Explicit minmax(0, 1fr) columns (grid-cols-*): an implicit `auto` column grows to a table's width and the
              page scrolls sideways on a phone; this way wide tables scroll inside their own box instead. */}
          <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
            <FunnelSection funnel={report.funnel} t={t} f={f} />
            <div className="grid min-w-0 grid-cols-1 gap-6">
              <LatencySection latency={report.latency} t={t} f={f} />
              <RatesSection rates={report.rates} t={t} f={f} />
              <FeedbackSection feedback={report.feedback} t={t} f={f} />
            </div>
          </div>
          <BreakdownSection breakdown={report.breakdown} t={t} f={f} />
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <TopicsSection title={t('topics.questions')} topics={report.topQuestions} t={t} f={f} />
            <TopicsSection title={t('topics.objections')} topics={report.topObjections} t={t} f={f} />
          </div>
          <p className="text-xs text-slate-500">{t('dashboard.queryTime', { ms: f.number(report.queryMs) })}</p>
        </>
      ) : null}
    </div>
  );
}
