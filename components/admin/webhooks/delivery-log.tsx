'use client';

import useSWR from 'swr';
import { fetchJson, WEBHOOKS_API, type DeliveryLogEntry, type EndpointDetail } from './api';
import { useWebhooksT } from './use-webhooks-t';
import { useLocale } from '@/lib/i18n/provider';

/** Refreshed while open, so retries scheduled a few seconds apart show up as they happen. */
const REFRESH_MS = 5_000;

export function useEndpointDetail(id: string, open: boolean) {
  return useSWR<EndpointDetail, Error>(open ? `${WEBHOOKS_API}/${id}` : null, fetchJson, { refreshInterval: REFRESH_MS, refreshWhenHidden: false });
}

/** The endpoint's latest delivery attempts, newest first: time, event, attempt, status, duration, result. */
export function DeliveryLog({ id, url }: { id: string; url: string }) {
  const t = useWebhooksT();
  const locale = useLocale();
  const { data, error, isLoading } = useEndpointDetail(id, true);
  const time = (at: number) => new Date(at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' });

  if (isLoading) return <p className="text-sm text-slate-600">{t('admin.webhooks.list.loading')}</p>;
  if (error) return <p role="alert" className="text-sm text-red-700">{error.message}</p>;
  const rows = data?.deliveries ?? [];
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t('admin.webhooks.log.empty')}</p>;

  const result = (entry: DeliveryLogEntry) => {
    if (entry.ok) return t('admin.webhooks.log.ok');
    const error = entry.error ?? (entry.status === null ? t('admin.webhooks.log.noAnswer') : `HTTP ${entry.status}`);
    return entry.nextAttemptAt ? t('admin.webhooks.log.retry', { error, time: time(entry.nextAttemptAt) }) : t('admin.webhooks.log.gaveUp', { error });
  };

  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="delivery-log">
        <caption className="mb-2 text-left text-sm font-medium text-slate-700">{t('admin.webhooks.log.caption', { url })}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            <th scope="col" className="px-2 py-1.5 text-left font-medium">{t('admin.webhooks.log.time')}</th>
            <th scope="col" className="px-2 py-1.5 text-left font-medium">{t('admin.webhooks.log.event')}</th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">{t('admin.webhooks.log.attempt')}</th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">{t('admin.webhooks.log.status')}</th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">{t('admin.webhooks.log.duration')}</th>
            <th scope="col" className="px-2 py-1.5 text-left font-medium">{t('admin.webhooks.log.result')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((entry) => (
            <tr key={`${entry.jobId}:${entry.attempt}`} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="px-2 py-1.5 text-left font-normal whitespace-nowrap text-slate-900">
                {time(entry.at)}
              </th>
              <td className="px-2 py-1.5 text-slate-700">
                <code className="font-mono text-xs">{entry.type}</code>
                {entry.test ? <span className="ml-1 text-xs text-slate-500">({t('admin.webhooks.log.test')})</span> : null}
              </td>
              <td className="px-2 py-1.5 text-right tabular-nums text-slate-700">{entry.attempt}</td>
              <td className="px-2 py-1.5 text-right tabular-nums text-slate-700">{entry.status ?? '—'}</td>
              <td className="px-2 py-1.5 text-right tabular-nums text-slate-700">{entry.durationMs} ms</td>
              <td className={`px-2 py-1.5 ${entry.ok ? 'text-green-800' : 'text-red-700'}`}>{result(entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
