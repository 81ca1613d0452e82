'use client';

import { lazy, Suspense, useId, useSyncExternalStore } from 'react';
import type { MetricsReport } from '@/lib/analytics/report';
import type { DashboardTranslate } from '@/lib/i18n/dashboard';
import type { Formatters } from './format';
import { DataTable, Section } from './section';

// Recharts is most of the dashboard's JavaScript: fetched when the first figures arrive, and only on /admin.
const SeriesChart = lazy(() => import('./series-chart'));
const noSubscription = () => () => undefined;

/** Conversations, leads and meetings over time: a chart, a sentence that sums it up, and the figures as a table. */
export function SeriesSection({ report, t, f }: { report: MetricsReport; t: DashboardTranslate; f: Formatters }) {
  const summaryId = useId();
  const { granularity } = report.range;
  const period = t(granularity === 'hour' ? 'series.unit.hour' : 'series.unit.day', { count: f.number(report.series.length) });
  const busiest = report.series.reduce<MetricsReport['series'][number] | null>((best, point) => (point.conversations > (best?.conversations ?? 0) ? point : best), null);
  const points = report.series.map((point) => ({ ...point, label: f.bucket(point.start, granularity) }));
  // Drawn in the browser only, once hydrated: Recharts measures its box, which the server has not got (the server's
  // HTML has the figures in the summary and the table; the notice says the chart needs JavaScript).
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  // Pulses only while the chart's code loads: the server's HTML (and a browser without JavaScript) gets a still box saying so.
  const placeholder = <div className="h-72 w-full animate-pulse rounded-lg bg-slate-100" aria-hidden="true" />;

  return (
    <Section title={t('series.heading')}>
      <p id={summaryId} className="mb-3 text-sm text-slate-700">
        {t('series.summary', {
          conversations: f.number(report.kpis.conversations),
          leads: f.number(report.kpis.leads),
          meetings: f.number(report.kpis.meetings),
          period,
        })}{' '}
        {busiest ? t('series.busiest', { when: f.bucket(busiest.start, granularity), count: f.number(busiest.conversations) }) : null}
      </p>
      {inBrowser ? (
        <figure role="img" aria-label={t('series.chartLabel', { unit: granularity === 'hour' ? t('series.col.hour').toLowerCase() : t('series.col.day').toLowerCase() })} aria-describedby={summaryId}>
          <Suspense fallback={placeholder}>
            <SeriesChart points={points} names={{ conversations: t('kpi.conversations'), leads: t('kpi.leads'), meetings: t('kpi.meetings') }} />
          </Suspense>
        </figure>
      ) : (
        <p className="flex h-72 w-full items-center justify-center rounded-lg bg-slate-100 p-4 text-center text-sm text-slate-600" data-testid="series-no-chart">
          {t('series.needsScript')}
        </p>
      )}
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium text-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
          {t('series.showTable')}
        </summary>
        <div className="mt-2 max-h-96 overflow-y-auto">
          <DataTable
            caption={t('series.heading')}
            hideCaption
            rows={points}
            rowKey={(point) => point.start}
            empty={t('breakdown.empty')}
            columns={[
              { header: t(granularity === 'hour' ? 'series.col.hour' : 'series.col.day'), cell: (point) => point.label },
              { header: t('kpi.conversations'), cell: (point) => f.number(point.conversations), numeric: true },
              { header: t('kpi.leads'), cell: (point) => f.number(point.leads), numeric: true },
              { header: t('kpi.meetings'), cell: (point) => f.number(point.meetings), numeric: true },
              { header: t('kpi.handoffs'), cell: (point) => f.number(point.handoffs), numeric: true },
              { header: t('series.col.visitors'), cell: (point) => f.number(point.visitors), numeric: true },
              { header: t('series.col.messages'), cell: (point) => f.number(point.prospectMessages), numeric: true },
              { header: t('series.col.errors'), cell: (point) => f.number(point.errors), numeric: true },
            ]}
          />
        </div>
      </details>
    </Section>
  );
}
