import type { MetricsReport } from '@/lib/analytics/report';
import type { DashboardTranslate } from '@/lib/i18n/dashboard';
import type { Formatters } from './format';
import { Section } from './section';

/** Prospects' thumbs up/down on replies in the range: how many each way, and the share rated helpful. */
export function FeedbackSection({ feedback, t, f }: { feedback: MetricsReport['feedback']; t: DashboardTranslate; f: Formatters }) {
  const total = feedback.up + feedback.down;
  return (
    <Section title={t('feedback.heading')}>
      {total === 0 ? (
        <p className="text-sm text-slate-600">{t('feedback.none')}</p>
      ) : (
        <dl className="grid grid-cols-3 gap-3">
          <div>
            <dt className="text-sm font-medium text-slate-600">{t('feedback.up')}</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-900">{f.number(feedback.up)}</dd>
          </div>
          <div>
            <dt className="text-sm font-medium text-slate-600">{t('feedback.down')}</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-900">{f.number(feedback.down)}</dd>
          </div>
          <div>
            <dt className="text-sm font-medium text-slate-600">{t('feedback.share')}</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-900">{f.percent(feedback.helpfulShare)}</dd>
            <dd className="text-xs text-slate-600">{t('feedback.of', { count: f.number(feedback.up), total: f.number(total) })}</dd>
          </div>
        </dl>
      )}
    </Section>
  );
}
