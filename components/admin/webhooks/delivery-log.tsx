'use client';

import { useId, useMemo } from 'react';
import { problemText } from '@/components/admin/shell/problem-text';
import useSWR from 'swr';
import { ApiError, fetchJson, WEBHOOKS_API, type DeliveryLogEntry, type EndpointDetail } from './api';
import { deliveryProblemText, isolate } from './problem';
import { focusRing } from './styles';
import { useWebhooksT } from './use-webhooks-t';
import { useLocale } from '@/lib/i18n/provider';

/** Refreshed while open, so retries scheduled a few seconds apart show up as they happen. */
const REFRESH_MS = 5_000;
/** A result longer than this (a TLS or DNS error) shows its first two lines, and the rest on demand. */
const LONG_RESULT = 80;

export function useEndpointDetail(id: string, open: boolean) {
  return useSWR<EndpointDetail, Error>(open ? `${WEBHOOKS_API}/${id}` : null, fetchJson, { refreshInterval: REFRESH_MS, refreshWhenHidden: false });
}

/** A delivery's result; a long one is clamped to two lines inside a <details> that opens to the whole of it. */
function Result({ text }: { text: string }) {
  if (text.length <= LONG_RESULT) return <span className="wrap-anywhere">{text}</span>;
  return (
    <details className="group">
      <summary className={`flex cursor-pointer list-none gap-1 rounded [&::-webkit-details-marker]:hidden ${focusRing}`}>
        {/* Points to the end of the line when closed (left in a right-to-left page), down when open. */}
        <span aria-hidden="true" className="shrink-0 group-open:rotate-90 rtl:rotate-180">
          ▸
        </span>
        <span className="line-clamp-2 min-w-0 wrap-anywhere group-open:line-clamp-none">{text}</span>
      </summary>
    </details>
  );
}

/**
 * The endpoint's latest delivery attempts, newest first: time, event, attempt, status, duration, result. A table from
 * the sm breakpoint up; on a phone each attempt is a card of labelled values, so nothing scrolls sideways.
 */
export function DeliveryLog({ id, url }: { id: string; url: string }) {
  const t = useWebhooksT();
  const locale = useLocale();
  const headingId = useId();
  const { data, error, isLoading } = useEndpointDetail(id, true);
  const time = (at: number) => new Date(at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' });
  // "12.345 ms" in German, "12,345 ملي ث" in Arabic: a slow receiver's milliseconds read as the page's figures do.
  const duration = useMemo(() => new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond' }), [locale]);
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);

  if (isLoading) return <p className="text-sm text-slate-600">{t('admin.webhooks.list.loading')}</p>;
  // The API's message is English: the page's language says what went wrong instead.
  if (error) return <p role="alert" className="text-sm text-red-700">{problemText(locale, error instanceof ApiError ? error.status : undefined)}</p>;
  const rows = data?.deliveries ?? [];
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t('admin.webhooks.log.empty')}</p>;

  const result = (entry: DeliveryLogEntry) => {
    if (entry.ok) return t('admin.webhooks.log.ok');
    // Said in the page's language from the entry's codes (its `error` is English, for logs).
    const error = deliveryProblemText(locale, entry);
    return entry.nextAttemptAt ? t('admin.webhooks.log.retry', { error, time: time(entry.nextAttemptAt) }) : t('admin.webhooks.log.gaveUp', { error });
  };
  const event = (entry: DeliveryLogEntry) => (
    <>
      <code className="font-mono text-xs">{entry.type}</code>
      {entry.test ? <span className="ms-1 text-xs text-slate-500">({t('admin.webhooks.log.test')})</span> : null}
    </>
  );
  const resultClass = (entry: DeliveryLogEntry) => (entry.ok ? 'text-green-800' : 'text-red-700');

  return (
    <div className="space-y-2">
      {/* The URL is one long word: it breaks anywhere rather than running off the card. */}
      <p id={headingId} className="text-sm font-medium wrap-anywhere text-slate-700">
        {t('admin.webhooks.log.caption', { url: isolate(locale, url) })}
      </p>

      <ul aria-labelledby={headingId} className="space-y-2 sm:hidden" data-testid="delivery-cards">
        {rows.map((entry) => (
          <li key={`${entry.jobId}:${entry.attempt}`} className="rounded-lg bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
            <dl className="flex flex-wrap gap-x-4 gap-y-1">
              <div className="flex min-w-0 basis-full gap-2">
                <dt className="sr-only">{t('admin.webhooks.log.time')}</dt>
                <dd className="font-medium text-slate-900">{time(entry.at)}</dd>
              </div>
              <div className="flex min-w-0 basis-full gap-2">
                <dt className="text-slate-600">{t('admin.webhooks.log.event')}</dt>
                <dd className="min-w-0 text-slate-800">{event(entry)}</dd>
              </div>
              <div className="flex gap-2">
                <dt className="text-slate-600">{t('admin.webhooks.log.attempt')}</dt>
                <dd className="tabular-nums text-slate-800">{number.format(entry.attempt)}</dd>
              </div>
              <div className="flex gap-2">
                <dt className="text-slate-600">{t('admin.webhooks.log.status')}</dt>
                <dd className="tabular-nums text-slate-800">{entry.status ?? '—'}</dd>
              </div>
              <div className="flex gap-2">
                <dt className="text-slate-600">{t('admin.webhooks.log.duration')}</dt>
                <dd className="tabular-nums text-slate-800">{duration.format(entry.durationMs)}</dd>
              </div>
              <div className="min-w-0 basis-full">
                <dt className="sr-only">{t('admin.webhooks.log.result')}</dt>
                <dd className={resultClass(entry)}>
                  <Result text={result(entry)} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>

      <div className="hidden overflow-x-auto sm:block">
        <table aria-labelledby={headingId} className="w-full border-collapse text-sm" data-testid="delivery-log">
          <thead>
            <tr className="border-b border-slate-200 text-slate-600">
              <th scope="col" className="px-2 py-1.5 text-start font-medium">{t('admin.webhooks.log.time')}</th>
              <th scope="col" className="px-2 py-1.5 text-start font-medium">{t('admin.webhooks.log.event')}</th>
              <th scope="col" className="px-2 py-1.5 text-end font-medium">{t('admin.webhooks.log.attempt')}</th>
              <th scope="col" className="px-2 py-1.5 text-end font-medium">{t('admin.webhooks.log.status')}</th>
              <th scope="col" className="px-2 py-1.5 text-end font-medium">{t('admin.webhooks.log.duration')}</th>
              <th scope="col" className="px-2 py-1.5 text-start font-medium">{t('admin.webhooks.log.result')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) => (
              <tr key={`${entry.jobId}:${entry.attempt}`} className="border-b border-slate-100 align-top last:border-0">
                <th scope="row" className="px-2 py-1.5 text-start font-normal whitespace-nowrap text-slate-900">
                  {time(entry.at)}
                </th>
                <td className="px-2 py-1.5 whitespace-nowrap text-slate-700">{event(entry)}</td>
                <td className="px-2 py-1.5 text-end tabular-nums text-slate-700">{number.format(entry.attempt)}</td>
                <td className="px-2 py-1.5 text-end tabular-nums text-slate-700">{entry.status ?? '—'}</td>
                <td className="px-2 py-1.5 text-end tabular-nums whitespace-nowrap text-slate-700">{duration.format(entry.durationMs)}</td>
                <td className={`px-2 py-1.5 ${resultClass(entry)}`}>
                  <Result text={result(entry)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
