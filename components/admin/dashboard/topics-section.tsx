import type { TopicCount } from '@/lib/analytics/report';
import type { DashboardTranslate } from '@/lib/i18n/dashboard';
import type { Formatters } from './format';
import { DataTable, Section } from './section';

/** The questions prospects asked most, or the objections they raised most, by knowledge-base topic. */
export function TopicsSection({ title, topics, t, f }: { title: string; topics: TopicCount[]; t: DashboardTranslate; f: Formatters }) {
  return (
    <Section title={title}>
      <DataTable
        caption={title}
        hideCaption
        rows={topics}
        rowKey={(topic) => topic.id}
        empty={t('topics.empty')}
        columns={[
          { header: t('topics.col.topic'), cell: (topic) => topic.title },
          { header: t('topics.col.count'), cell: (topic) => f.number(topic.count), numeric: true },
        ]}
      />
    </Section>
  );
}
