'use client';

import { useMemo, useState, type FormEvent } from 'react';
import { problemText } from '@/components/admin/shell/problem-text';
import { dashboardPageHref, DEFAULT_RANGE, type DashboardStart } from '@/lib/admin/dashboard-query';
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
 *
 * `start` is the server page's reading of its address and the figures it found (lib/admin/dashboard-page.ts), so the
 * figures and the range picker (plain GET forms) work without JavaScript; with it, the picker keeps the address.
 */
export function Dashboard({ initialRange = DEFAULT_RANGE, start }: { initialRange?: RangeChoice; start?: DashboardStart }) {
  const t = useDashboardT();
  const locale = useLocale();
  const [range, setRange] = useState<RangeChoice>(start?.params.choice ?? initialRange);
  // An address that asks for a range that cannot be read shows no figures until a range is picked again.
  const [invalid, setInvalid] = useState<string[]>(start?.params.invalid ?? []);
  const [readable, setReadable] = useState(start ? start.params.range !== null : true);
  const { data: report, error, isLoading, isValidating, mutate } = useMetrics(readable ? range : null, start);
  // The server could not read the store: said as any failed load (with JavaScript the client asks again at once).
  const serverFailed = Boolean(start?.failed) && range === start?.params.choice && !report && !error;
  const pick = (choice: RangeChoice) => {
    setRange(choice);
    setInvalid([]);
    setReadable(true);
    // Reload, Back and a shared link keep the range, as the form without JavaScript does.
    const href = dashboardPageHref(choice);
    if (`${window.location.pathname}${window.location.search}` !== href) window.history.replaceState(window.history.state, '', href);
  };
  const retry = (event: FormEvent) => {
    event.preventDefault();
    void mutate();
  };
  // Times and days are shown in the zone the server read the days in (the admin's, or UTC when it did not know it).
  const zone = report?.range.timeZone ?? 'UTC';
  const f = useMemo(() => formatters(locale, zone), [locale, zone]);

  const shownError = error ?? (serverFailed ? new MetricsError(503, undefined, 'the figures could not be read') : undefined);
  const problem = (() => {
    if (!shownError) return null;
    if (shownError instanceof MetricsError && shownError.status === 401) return t('dashboard.unauthorized');
    if (shownError instanceof MetricsError && shownError.status === 403) return t('dashboard.forbidden');
    // The API's message is English: the admin is told in the page's language (components/admin/shell/problem-text.ts).
    const message = problemText(locale, shownError instanceof MetricsError ? shownError.status : undefined);
    return report ? t('dashboard.staleError', { message, time: f.time(report.generatedAt) }) : t('dashboard.error', { message });
  })();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <RangePicker value={range} onChange={pick} start={start?.params} />
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

      {invalid.length > 0 ? (
        <p role="alert" className="rounded-xl bg-red-50 p-4 text-sm text-red-800 ring-1 ring-red-200">
          {/* Parameter names read left to right in a right-to-left sentence too. */}
          {t('dashboard.invalidParams', { params: `\u2068${invalid.join(', ')}\u2069` })}
        </p>
      ) : null}

      {problem ? (
        <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-red-50 p-4 text-sm text-red-800 ring-1 ring-red-200">
          <p>{problem}</p>
          {shownError instanceof MetricsError && (shownError.status === 401 || shownError.status === 403) ? null : (
            // Without JavaScript, Try again asks the server page for the same range again.
            <form method="get" action="/admin" onSubmit={retry}>
              {[...new URLSearchParams(dashboardPageHref(range).split('?')[1] ?? '')].map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <button
                type="submit"
                className="rounded-lg bg-white px-3 py-1.5 font-medium text-red-800 ring-1 ring-red-300 hover:bg-red-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
              >
                {t('dashboard.retry')}
              </button>
            </form>
          )}
        </div>
      ) : null}

      {!report && isLoading && !serverFailed ? (
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
