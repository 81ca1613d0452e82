import type { LatencySummary, MetricsReport } from '@/lib/analytics/report';
import type { DashboardTranslate } from '@/lib/i18n/dashboard';
import type { Formatters } from './format';
import { DataTable, Section } from './section';

/** Response times (p50/p95/p99 of first word and first sound) and reliability (errors, fallbacks, limits, cache). */
export function LatencySection({ latency, t, f }: { latency: MetricsReport['latency']; t: DashboardTranslate; f: Formatters }) {
  const card = (title: string, summary: LatencySummary) => (
    <div className="rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200">
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      {summary.count === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t('latency.none')}</p>
      ) : (
        <>
          <dl className="mt-2 grid grid-cols-3 gap-x-4 gap-y-2">
            {(['p50', 'p95', 'p99'] as const).map((quantile) => (
              // May wrap: "١٢٣ مللي ثانية" is wider than a third of a phone's card (it widened the Arabic dashboard).
              <div key={quantile} className="min-w-0">
                <dt className="text-xs font-medium uppercase text-slate-600">{quantile}</dt>
                <dd className="text-base font-semibold break-words tabular-nums text-slate-900">{summary[quantile] === null ? '—' : t('latency.ms', { value: f.number(summary[quantile]) })}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-xs text-slate-600">{t('latency.measured', { count: f.number(summary.count) })}</p>
        </>
      )}
    </div>
  );
  return (
    <Section title={t('latency.heading')}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-1">
        {card(t('latency.firstToken'), latency.firstToken)}
        {card(t('latency.firstAudio'), latency.firstAudio)}
      </div>
    </Section>
  );
}

export function RatesSection({ rates, t, f }: { rates: MetricsReport['rates']; t: DashboardTranslate; f: Formatters }) {
  const items = [
    { label: t('rates.errorRate'), value: f.percent(rates.errorRate), note: t('rates.ofTurns', { count: f.number(rates.errors), turns: f.number(rates.turns) }) },
    { label: t('rates.fallbackRate'), value: f.percent(rates.fallbackRate), note: t('rates.ofTurns', { count: f.number(rates.fallbacks), turns: f.number(rates.turns) }) },
    { label: t('rates.rateLimited'), value: f.number(rates.rateLimited) },
    { label: t('rates.ttsCacheHits'), value: f.number(rates.ttsCacheHits) },
  ];
  return (
    <Section title={t('rates.heading')}>
      <dl className="grid grid-cols-2 gap-3">
        {items.map((item) => (
          <div key={item.label}>
            <dt className="text-sm font-medium text-slate-600">{item.label}</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-900">{item.value}</dd>
            {item.note ? <dd className="text-xs text-slate-600">{item.note}</dd> : null}
          </div>
        ))}
      </dl>
      <div className="mt-4">
        <DataTable
          caption={t('rates.errorCodes')}
          rows={rates.errorCodes}
          rowKey={(row) => row.code}
          empty={t('rates.noErrors')}
          columns={[
            { header: t('rates.col.code'), cell: (row) => <code className="text-xs">{row.code}</code> },
            { header: t('rates.col.count'), cell: (row) => f.number(row.count), numeric: true },
          ]}
        />
      </div>
    </Section>
  );
}
