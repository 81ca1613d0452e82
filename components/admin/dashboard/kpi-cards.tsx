import type { MetricsKpis } from '@/lib/analytics/report';
import type { DashboardTranslate } from '@/lib/i18n/dashboard';
import type { Formatters } from './format';

/** The range's headline figures, as a description list (label → value, with the conversion under its count). */
export function KpiCards({ kpis, t, f }: { kpis: MetricsKpis; t: DashboardTranslate; f: Formatters }) {
  const cards: { label: string; value: string; note?: string }[] = [
    { label: t('kpi.conversations'), value: f.number(kpis.conversations) },
    { label: t('kpi.engaged'), value: f.number(kpis.engagedConversations), note: t('kpi.engagedHint') },
    { label: t('kpi.leads'), value: f.number(kpis.leads), note: `${t('kpi.leadConversion')}: ${f.percent(kpis.leadConversion)}` },
    {
      label: t('kpi.meetings'),
      value: f.number(kpis.meetings),
      note: `${t('kpi.meetingConversion')}: ${f.percent(kpis.meetingConversion)}${kpis.meetingsCancelled > 0 ? ` · ${t('kpi.meetingsCancelled', { count: f.number(kpis.meetingsCancelled) })}` : ''}`,
    },
    { label: t('kpi.handoffs'), value: f.number(kpis.handoffs) },
    { label: t('kpi.visitors'), value: f.number(kpis.visitors) },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
      {cards.map((card) => (
        <div key={card.label} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <dt className="text-sm font-medium text-slate-600">{card.label}</dt>
          <dd className="mt-1 text-2xl font-bold tracking-tight text-slate-900 tabular-nums">{card.value}</dd>
          {card.note ? <dd className="mt-1 text-xs text-slate-600">{card.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
