'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId } from 'react';
import useSWR from 'swr';
import { focusRing } from '@/components/admin/webhooks/styles';
import { fetchJson, pageUrl, recordUrl, type LeadDetail } from './api';
import { DeleteConversation } from './delete-conversation';
import { LeadStatusForm } from './lead-status-form';
import { LoadState } from './load-state';
import { useDateTime, useRecordsT } from './use-records-t';

const link = `text-sm font-medium text-brand-700 underline-offset-2 hover:underline ${focusRing}`;

/** A lead: each field with the prospect's sentence it came from and its confidence, the score and why, the status. */
export function LeadView({ id }: { id: string }) {
  const t = useRecordsT();
  const when = useDateTime();
  const router = useRouter();
  const fieldsId = useId();
  const { data, error, isLoading, mutate } = useSWR<LeadDetail, Error>(recordUrl('leads', id), fetchJson);
  const value = (field: string) => data?.fields.find((item) => item.field === field)?.value;

  return (
    <div className="space-y-6">
      <Link href="/admin/leads" className={link}>
        ← {t('records.lead.back')}
      </Link>
      <LoadState error={error} loading={isLoading} onRetry={() => void mutate()} />
      {data ? (
        <>
          <header className="space-y-2">
            <h1 className="text-2xl font-bold tracking-tight text-slate-900">{String(value('name') ?? value('email') ?? t('records.unknownLead'))}</h1>
            <p className="text-sm text-slate-700">
              {[value('company'), data.stage ? t(`records.stage.${data.stage}` as 'records.stage.greeting') : null, when(data.updatedAt)].filter(Boolean).join(' · ')}
            </p>
            <Link href={pageUrl('conversations', id)} className={link}>
              {t('records.lead.conversation')}
            </Link>
          </header>

          <section aria-labelledby={`${fieldsId}-score`} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 id={`${fieldsId}-score`} className="text-base font-semibold text-slate-900">
              {t('records.lead.score')}: <span className="tabular-nums">{t('records.lead.scoreValue', { score: data.score })}</span>
            </h2>
            {data.reasons.length > 0 ? (
              <>
                <h3 className="mt-3 text-sm font-medium text-slate-800">{t('records.lead.reasons')}</h3>
                <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
                  {data.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <section aria-labelledby={fieldsId}>
            <h2 id={fieldsId} className="mb-3 text-base font-semibold text-slate-900">
              {t('records.lead.fields')}
            </h2>
            <dl className="grid gap-3 sm:grid-cols-2">
              {data.fields.map((field) => (
                <div key={field.field} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
                  <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{t(`records.field.${field.field}` as 'records.field.name')}</dt>
                  <dd className="mt-1 space-y-2">
                    <p className="text-base font-medium text-slate-900">{String(field.value)}</p>
                    <figure>
                      <figcaption className="text-xs text-slate-600">{t('records.lead.evidence')}</figcaption>
                      <blockquote className="mt-0.5 border-l-2 border-slate-300 pl-3 text-sm text-slate-800 italic">“{field.evidence}”</blockquote>
                    </figure>
                    <p className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
                      <span>{t('records.lead.confidence')}</span>
                      <meter min={0} max={1} value={field.confidence} aria-label={t('records.lead.confidence')} className="h-2 w-24" />
                      <span className="tabular-nums">{t('records.lead.confidenceValue', { percent: Math.round(field.confidence * 100) })}</span>
                      <span aria-hidden="true">·</span>
                      <span>{field.asked ? t('records.lead.asked') : t('records.lead.volunteered')}</span>
                    </p>
                    <p className="text-xs text-slate-600">
                      <time dateTime={new Date(field.capturedAt).toISOString()}>{when(field.capturedAt)}</time>
                    </p>
                  </dd>
                </div>
              ))}
            </dl>
          </section>

          <LeadStatusForm lead={data} onSaved={(lead) => void mutate(lead, { revalidate: false })} />
          <DeleteConversation id={id} onDeleted={() => router.push('/admin/leads')} />
        </>
      ) : null}
    </div>
  );
}
