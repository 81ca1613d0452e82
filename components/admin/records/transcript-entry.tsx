'use client';

import { MessageMarkdown } from '@/components/chat/message-markdown';
import type { TranscriptEntry, TranscriptSegment } from '@/lib/admin/records-types';
import type { RecordsTranslate } from '@/lib/i18n/records';
import { translateHandoffReason, translateStageReason } from '@/lib/i18n/records-reasons';

type StageKey = Parameters<RecordsTranslate>[0];
const stageName = (t: RecordsTranslate, stage: string) => t(`records.stage.${stage}` as StageKey);
const fieldName = (t: RecordsTranslate, field: string) => t(`records.field.${field}` as StageKey);

const markerClass = 'my-1 flex flex-wrap items-baseline gap-x-2 rounded-md px-2 py-1 text-xs wrap-anywhere';

/** One tool call, notice, stage change, lead capture, booking or handoff, inline where it happened. */
function Marker({ segment, t, when }: { segment: Exclude<TranscriptSegment, { kind: 'text' }>; t: RecordsTranslate; when: (ms: number) => string }) {
  switch (segment.kind) {
    case 'tool':
      return (
        <details className={`${markerClass} block bg-slate-100 text-slate-700`}>
          <summary className="cursor-pointer font-medium">{t('records.marker.tool', { name: segment.name, state: segment.state })}</summary>
          {segment.input ? (
            <p className="mt-1 break-all">
              <span className="font-medium">{t('records.marker.input')}:</span> <code>{segment.input}</code>
            </p>
          ) : null}
          {segment.output ? (
            <p className="mt-1 break-all">
              <span className="font-medium">{t('records.marker.output')}:</span> <code>{segment.output}</code>
            </p>
          ) : null}
          {segment.error ? <p className="mt-1 text-red-700">{t('records.marker.error', { error: segment.error })}</p> : null}
        </details>
      );
    case 'notice':
      return (
        <p className={`${markerClass} ${segment.level === 'warning' ? 'bg-amber-50 text-amber-900' : 'bg-sky-50 text-sky-900'}`}>
          {t('records.marker.notice', { code: segment.code, message: segment.message })}
        </p>
      );
    case 'stage':
      return <p className={`${markerClass} bg-violet-50 text-violet-900`}>{t('records.marker.stage', { stage: stageName(t, segment.to), reason: translateStageReason(t, segment.reason) })}</p>;
    case 'lead':
      return (
        <p className={`${markerClass} bg-emerald-50 text-emerald-900`}>
          {t('records.marker.lead', { fields: segment.changed.map((field) => fieldName(t, field)).join(', '), score: segment.score })}
        </p>
      );
    case 'booking':
      return (
        <p className={`${markerClass} ${segment.cancelled ? 'bg-slate-100 text-slate-800' : 'bg-emerald-50 text-emerald-900'}`}>
          {t(segment.cancelled ? 'records.marker.bookingCancelled' : 'records.marker.booking', { when: segment.localLabel || when(Date.parse(segment.start)), email: segment.email })}
        </p>
      );
    case 'handoff':
      return <p className={`${markerClass} bg-amber-50 text-amber-900`}>{t('records.marker.handoff', { reason: translateHandoffReason(t, segment.reason) })}</p>;
  }
}

/** A message with its markers in the order they happened, or a stage change no message carries. */
export function TranscriptItem({
  entry,
  t,
  when,
  rating,
}: {
  entry: TranscriptEntry;
  t: RecordsTranslate;
  when: (ms: number) => string;
  /** The prospect's thumbs up/down on this reply, if they gave one. */
  rating?: 'up' | 'down';
}) {
  if (entry.kind === 'stage') {
    return (
      <li className="flex justify-center">
        <p className={`${markerClass} bg-violet-50 text-violet-900`}>
          {t('records.marker.stageChange', { from: stageName(t, entry.from), to: stageName(t, entry.to), reason: translateStageReason(t, entry.reason) })}
          <time dateTime={new Date(entry.at).toISOString()} className="text-violet-700">
            {when(entry.at)}
          </time>
        </p>
      </li>
    );
  }
  const user = entry.role === 'user';
  return (
    <li className={`flex ${user ? 'justify-end' : 'justify-start'}`}>
      <article className={`max-w-[85%] min-w-0 rounded-2xl px-4 py-2 text-sm wrap-anywhere shadow-sm ring-1 ${user ? 'bg-brand-50 ring-brand-100' : 'bg-white ring-slate-200'}`}>
        <header className="mb-1 flex flex-wrap items-baseline gap-x-2 text-xs text-slate-600">
          <span className="font-semibold text-slate-800">{t(`records.role.${entry.role}`)}</span>
          {entry.at !== undefined ? <time dateTime={new Date(entry.at).toISOString()}>{when(entry.at)}</time> : null}
          {entry.status ? <span className="text-amber-800">{t(`records.message.${entry.status}`)}</span> : null}
          {rating ? (
            <span data-testid="reply-rating" className={rating === 'up' ? 'text-emerald-800' : 'text-red-800'}>
              <span aria-hidden="true">{rating === 'up' ? '👍 ' : '👎 '}</span>
              {t(`records.rating.${rating}`)}
            </span>
          ) : null}
        </header>
        {entry.segments.map((segment, i) =>
          segment.kind === 'text' ? (
            // Replies are markdown, read as the prospect saw them (the chat's own safe renderer); prospects' words stay as typed.
            // lang: the message's own language (lib/admin/transcript.ts), so a screen reader pronounces a German message
            // in German on an Arabic page; the markers and the header stay in the page's language.
            <div key={i} lang={entry.lang} className="text-slate-900">
              {user ? (
                // dir="auto": the prospect's own direction (an English message in an Arabic page reads left to right).
                <p dir="auto" className="whitespace-pre-wrap wrap-anywhere">
                  {segment.text}
                </p>
              ) : (
                <MessageMarkdown text={segment.text} />
              )}
            </div>
          ) : (
            <Marker key={i} segment={segment} t={t} when={when} />
          ),
        )}
      </article>
    </li>
  );
}
