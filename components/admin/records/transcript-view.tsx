'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId } from 'react';
import useSWR from 'swr';
import { focusRing } from '@/components/admin/webhooks/styles';
import type { DetailStart, Ratings } from '@/lib/admin/records-types';
import { fetchJson, pageUrl, recordUrl, type ConversationDetail } from './api';
import { BackLink } from './back-link';
import { DeleteConversation } from './delete-conversation';
import { joinIsolated } from './isolate';
import { LoadState, startError } from './load-state';
import { TranscriptItem } from './transcript-entry';
import { useDateTime, useNumber, useRecordsT } from './use-records-t';
import { translateHandoffReason } from '@/lib/i18n/records-reasons';

const link = `text-sm font-medium text-brand-700 underline-offset-2 hover:underline ${focusRing}`;

/**
 * One conversation: what it is about, its lead, bookings and handoff, the transcript with its markers, erasure. The
 * prospect's words are isolated (<bdi>) for right-to-left pages and wrap when unbroken (a pasted URL). Erasure is offered
 * to admins only (`canWrite`): a viewer's request would be refused. `start` is the server page's reading, so the
 * transcript is in the HTML and reads without JavaScript; with it, the view asks the API again.
 */
export function TranscriptView({ id, canWrite, start, ratings }: { id: string; canWrite: boolean; start?: DetailStart<ConversationDetail>; ratings?: Ratings }) {
  const t = useRecordsT();
  const when = useDateTime();
  const number = useNumber();
  const router = useRouter();
  const transcriptId = useId();
  const swr = useSWR<ConversationDetail, Error>(recordUrl('conversations', id), fetchJson, start?.detail ? { fallbackData: start.detail } : {});
  const { data, isLoading, mutate } = swr;
  const error = swr.error ?? startError(start, data);
  // Ratings live beside the conversation (lib/analytics/feedback.ts); the transcript shows without them if they fail.
  const { data: feedback } = useSWR<Ratings, Error>(`${recordUrl('conversations', id)}/feedback`, fetchJson, ratings ? { fallbackData: ratings } : {});

  return (
    <div className="space-y-6">
      <BackLink href="/admin/conversations">{t('records.transcript.back')}</BackLink>
      <LoadState error={error} loading={isLoading && !data} onRetry={() => void mutate()} />
      {data ? (
        <>
          <header className="space-y-2">
            <h1 className="text-2xl font-bold tracking-tight wrap-anywhere text-slate-900">{data.title ? <bdi>{data.title}</bdi> : t('records.noTitle')}</h1>
            <p className="text-sm text-slate-600">
              {t('records.transcript.summary', { started: when(data.createdAt), updated: when(data.updatedAt), count: number(data.messageCount) })}
            </p>
            <p className="text-sm text-slate-800">{t('records.transcript.stage', { stage: data.stage ? t(`records.stage.${data.stage}` as 'records.stage.greeting') : t('records.none') })}</p>
            {data.lead ? (
              <p className="text-sm wrap-anywhere text-slate-800">
                {joinIsolated([data.lead.name, data.lead.email, data.lead.company])}{' '}
                <Link href={pageUrl('leads', id)} className={link}>
                  {t('records.transcript.leadLink', { status: t(`records.status.${data.lead.status}`), score: data.lead.score })}
                </Link>
              </p>
            ) : (
              <p className="text-sm text-slate-600">{t('records.transcript.noLead')}</p>
            )}
          </header>

          {data.bookings.length > 0 ? (
            <section className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <h2 className="text-sm font-semibold text-slate-900">{t('records.bookings.heading')}</h2>
              <ul className="mt-2 space-y-1 text-sm wrap-anywhere text-slate-800">
                {data.bookings.map((booking) => (
                  <li key={booking.id} data-cancelled={booking.cancelledAt === undefined ? undefined : 'true'}>
                    {booking.cancelledAt === undefined ? (
                      t('records.bookings.item', { when: booking.localLabel, minutes: booking.durationMinutes, timezone: booking.timezone, email: booking.email })
                    ) : (
                      <>
                        <del>{t('records.bookings.item', { when: booking.localLabel, minutes: booking.durationMinutes, timezone: booking.timezone, email: booking.email })}</del>{' '}
                        {t('records.bookings.cancelled')}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {data.handoff ? (
            <section className="rounded-2xl bg-amber-50 p-4 ring-1 ring-amber-200">
              <h2 className="text-sm font-semibold text-amber-900">{t('records.handoff.heading')}</h2>
              <p className="mt-1 text-sm wrap-anywhere text-amber-900">{t('records.handoff.item', { reason: translateHandoffReason(t, data.handoff.reason), when: when(data.handoff.at) })}</p>
            </section>
          ) : null}

          <section aria-labelledby={transcriptId}>
            <h2 id={transcriptId} className="mb-3 text-base font-semibold text-slate-900">
              {t('records.transcript.heading')}
            </h2>
            {data.transcript.length === 0 ? <p className="text-sm text-slate-600">{t('records.transcript.empty')}</p> : null}
            <ol className="space-y-3">
              {data.transcript.map((entry, i) => (
                <TranscriptItem
                  key={entry.kind === 'message' ? entry.id : `stage-${i}`}
                  entry={entry}
                  t={t}
                  when={when}
                  rating={entry.kind === 'message' ? feedback?.ratings?.[entry.id] : undefined}
                />
              ))}
            </ol>
          </section>

          {canWrite ? <DeleteConversation id={id} onDeleted={() => router.push('/admin/conversations')} /> : null}
        </>
      ) : null}
    </div>
  );
}
