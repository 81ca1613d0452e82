'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId } from 'react';
import useSWR from 'swr';
import { focusRing } from '@/components/admin/webhooks/styles';
import type { LeadChangeOutcome } from '@/lib/admin/lead-change';
import type { DetailStart } from '@/lib/admin/records-types';
import { translateScoreReason } from '@/lib/i18n/records-reasons';
import { fetchJson, pageUrl, recordUrl, type LeadDetail } from './api';
import { BackLink } from './back-link';
import { DeleteConversation } from './delete-conversation';
import { joinIsolated } from './isolate';
import { LeadStatusForm } from './lead-status-form';
import { LoadState, startError } from './load-state';
import { useDateTime, useRecordsT } from './use-records-t';

const link = `text-sm font-medium text-brand-700 underline-offset-2 hover:underline ${focusRing}`;

/**
 * A lead: each field with the prospect's sentence it came from and its confidence, the score and why, the status. What
 * the prospect said (and the scorer's reasons, "+20 email given") is isolated with <bdi>, so it keeps its own order in
 * an Arabic page, and long unbroken text (a URL) wraps instead of widening the page. Only an admin (`canWrite`) gets the
 * status form and the erasure; a viewer reads the status and its history.
 */
export function LeadView({
  id,
  canWrite,
  start,
  outcome,
}: {
  id: string;
  canWrite: boolean;
  start?: DetailStart<LeadDetail>;
  /** How the status form's post without JavaScript went (the page's `?change=`). */
  outcome?: LeadChangeOutcome;
}) {
  const t = useRecordsT();
  const when = useDateTime();
  const router = useRouter();
  const fieldsId = useId();
  // `start`: the server page's reading, so the lead and its evidence are in the HTML and read without JavaScript.
  const swr = useSWR<LeadDetail, Error>(recordUrl('leads', id), fetchJson, start?.detail ? { fallbackData: start.detail } : {});
  const { data, isLoading, mutate } = swr;
  const error = swr.error ?? startError(start, data);
  const value = (field: string) => data?.fields.find((item) => item.field === field)?.value;
  const who = value('name') ?? value('email');

  return (
    <div className="space-y-6">
      <BackLink href="/admin/leads">{t('records.lead.back')}</BackLink>
      <LoadState error={error} loading={isLoading && !data} onRetry={() => void mutate()} />
      {data ? (
        <>
          <header className="space-y-2">
            <h1 className="text-2xl font-bold tracking-tight wrap-anywhere text-slate-900">
              {who === undefined ? t('records.unknownLead') : <bdi>{String(who)}</bdi>}
            </h1>
            <p className="text-sm wrap-anywhere text-slate-700">
              {joinIsolated([
                value('company') === undefined ? null : String(value('company')),
                data.stage ? t(`records.stage.${data.stage}` as 'records.stage.greeting') : null,
                when(data.updatedAt),
              ])}
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
                <ul className="mt-1 list-disc space-y-0.5 ps-5 text-sm wrap-anywhere text-slate-700">
                  {data.reasons.map((reason) => (
                    <li key={reason}>
                      <bdi>{translateScoreReason(t, reason)}</bdi>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <section aria-labelledby={fieldsId}>
            <h2 id={fieldsId} className="mb-3 text-base font-semibold text-slate-900">
              {t('records.lead.fields')}
            </h2>
            <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              {data.fields.map((field) => (
                <div key={field.field} className="min-w-0 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
                  <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{t(`records.field.${field.field}` as 'records.field.name')}</dt>
                  <dd className="mt-1 space-y-2">
                    <p className="text-base font-medium wrap-anywhere text-slate-900">
                      <bdi>{String(field.value)}</bdi>
                    </p>
                    <figure>
                      <figcaption className="text-xs text-slate-600">{t('records.lead.evidence')}</figcaption>
                      {/* The quotation marks go inside the isolate: they belong to the prospect's sentence, not the page. */}
                      {/* lang: the sentence's own language (lib/admin/leads.ts), for a screen reader on another language's page. */}
                      <blockquote lang={field.lang} className="mt-0.5 border-s-2 border-slate-300 ps-3 text-sm wrap-anywhere text-slate-800 italic">
                        <bdi>“{field.evidence}”</bdi>
                      </blockquote>
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

          <LeadStatusForm lead={data} canWrite={canWrite} outcome={outcome} onSaved={(lead) => void mutate(lead, { revalidate: false })} />
          {canWrite ? <DeleteConversation id={id} onDeleted={() => router.push('/admin/leads')} /> : null}
        </>
      ) : null}
    </div>
  );
}
