import { NO_VALUE, OTHER_VALUE, type BreakdownRow, type MetricsReport } from '@/lib/analytics/report';
import type { DashboardTranslate } from '@/lib/i18n/dashboard';
import type { Formatters } from './format';
import { DataTable, Section } from './section';

type Dimension = keyof MetricsReport['breakdown'];
const DIMENSIONS: Dimension[] = ['source', 'site', 'locale', 'agent'];

/** Conversations, leads, meetings and handoffs by UTM source, embedding site, language and agent. */
export function BreakdownSection({ breakdown, t, f }: { breakdown: MetricsReport['breakdown']; t: DashboardTranslate; f: Formatters }) {
  const label = (dimension: Dimension, value: string) => {
    if (value === NO_VALUE) return t(`breakdown.none.${dimension}` as const);
    if (value === OTHER_VALUE) return t('breakdown.other');
    if (dimension === 'locale') return f.language(value);
    if (dimension === 'agent' && (value === 'openai' || value === 'offline')) return t(`breakdown.agent.${value}` as const);
    return value;
  };
  return (
    <Section title={t('breakdown.heading')}>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        {DIMENSIONS.map((dimension) => (
          <DataTable<BreakdownRow>
            key={dimension}
            caption={t(`breakdown.${dimension}` as const)}
            rows={breakdown[dimension]}
            rowKey={(row) => row.value}
            empty={t('breakdown.empty')}
            columns={[
              { header: t(`breakdown.${dimension}` as const), cell: (row) => <span className="wrap-anywhere">{label(dimension, row.value)}</span> },
              { header: t('kpi.conversations'), cell: (row) => f.number(row.conversations), numeric: true },
              { header: t('kpi.leads'), cell: (row) => f.number(row.leads), numeric: true },
              { header: t('kpi.meetings'), cell: (row) => f.number(row.meetings), numeric: true },
              { header: t('kpi.handoffs'), cell: (row) => f.number(row.handoffs), numeric: true },
            ]}
          />
        ))}
      </div>
    </Section>
  );
}
