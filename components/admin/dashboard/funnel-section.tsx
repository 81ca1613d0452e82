import type { FunnelStep } from '@/lib/analytics/report';
import type { DashboardTranslate } from '@/lib/i18n/dashboard';
import type { Formatters } from './format';
import { DataTable, Section } from './section';

/** The sales funnel by playbook stage: how many conversations got at least this far, and the share that stopped here. */
export function FunnelSection({ funnel, t, f }: { funnel: FunnelStep[]; t: DashboardTranslate; f: Formatters }) {
  const start = funnel[0]?.reached ?? 0;
  return (
    <Section title={t('funnel.heading')}>
      <DataTable
        caption={t('funnel.caption')}
        rows={start > 0 ? funnel : []}
        rowKey={(step) => step.stage}
        empty={t('funnel.empty')}
        columns={[
          { header: t('funnel.col.stage'), cell: (step) => t(`stage.${step.stage}` as const) },
          {
            header: t('funnel.col.reached'),
            numeric: true,
            cell: (step) => (
              <span className="flex items-center justify-end gap-2">
                <span aria-hidden="true" className="hidden h-2 w-32 overflow-hidden rounded-full bg-slate-100 sm:block">
                  <span className="block h-full rounded-full bg-brand-500" style={{ width: `${Math.round((step.shareOfStart ?? 0) * 100)}%` }} />
                </span>
                <span className="inline-block min-w-12 text-end">{f.number(step.reached)}</span>
              </span>
            ),
          },
          { header: t('funnel.col.share'), cell: (step) => f.percent(step.shareOfStart), numeric: true },
          { header: t('funnel.col.dropOff'), cell: (step) => f.percent(step.dropOff), numeric: true },
        ]}
      />
    </Section>
  );
}
