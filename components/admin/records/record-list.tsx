'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import useSWR from 'swr';
import { buttonClass, focusRing } from '@/components/admin/webhooks/styles';
import { exportUrl, fetchJson, listUrl, NO_FILTERS, pageUrl, type RecordFilters, type RecordKind, type RecordPage, type RecordRow } from './api';
import { LoadState } from './load-state';
import { RecordFiltersForm } from './record-filters';
import { useDateTime, useRecordsT } from './use-records-t';

/**
 * The conversations or leads list: search and filters, a page of rows newest first, Newer/Older through the API's
 * cursors (the pages seen are remembered so Newer goes back), and export links for everything of this kind.
 */
export function RecordList({ kind }: { kind: RecordKind }) {
  const t = useRecordsT();
  const when = useDateTime();
  const headingId = useId();
  const [filters, setFilters] = useState<RecordFilters>(NO_FILTERS);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const page = cursors.length - 1;
  const { data, error, isLoading, mutate } = useSWR<RecordPage, Error>(listUrl(kind, filters, cursors[page] ?? null), fetchJson, { keepPreviousData: true });
  const what = t(`records.what.${kind}`);
  const stage = (value: string | null) => (value ? t(`records.stage.${value}` as Parameters<typeof t>[0]) : t('records.none'));

  const apply = (next: RecordFilters) => {
    setFilters(next);
    setCursors([null]);
  };

  const cell = 'px-3 py-2 align-top';
  const link = `font-medium text-brand-700 underline-offset-2 hover:underline ${focusRing}`;
  const row = (item: RecordRow) =>
    kind === 'conversations' ? (
      <tr key={item.id} className="border-t border-slate-100">
        <td className={cell}>
          <Link href={pageUrl('conversations', item.id)} className={link}>
            {item.title || t('records.noTitle')}
          </Link>
        </td>
        <td className={cell}>{stage(item.stage)}</td>
        <td className={cell}>{item.hasLead ? [item.name, item.email, item.company].filter(Boolean).join(' · ') : t('records.none')}</td>
        <td className={`${cell} text-right tabular-nums`}>{item.messageCount}</td>
        <td className={`${cell} whitespace-nowrap`}>{when(item.updatedAt)}</td>
      </tr>
    ) : (
      <tr key={item.id} className="border-t border-slate-100">
        <td className={cell}>
          <Link href={pageUrl('leads', item.id)} className={link}>
            {item.name ?? item.email ?? t('records.unknownLead')}
          </Link>
          {item.name && item.email ? <div className="text-xs text-slate-600">{item.email}</div> : null}
        </td>
        <td className={cell}>{item.company ?? t('records.none')}</td>
        <td className={`${cell} text-right tabular-nums`}>{item.score}</td>
        <td className={cell}>{t(`records.status.${item.status}`)}</td>
        <td className={cell}>{stage(item.stage)}</td>
        <td className={`${cell} whitespace-nowrap`}>{when(item.updatedAt)}</td>
      </tr>
    );
  const columns =
    kind === 'conversations'
      ? (['conversation', 'stage', 'lead', 'messages', 'lastActivity'] as const)
      : (['lead', 'company', 'score', 'status', 'stage', 'lastActivity'] as const);

  return (
    <div className="space-y-4">
      <RecordFiltersForm kind={kind} value={filters} onApply={apply} />

      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {t(`records.caption.${kind}`)}
        </h2>
        <div role="group" aria-label={t('records.export.label')} className="flex items-center gap-2 text-sm">
          <span className="text-slate-600">{t('records.export.label')}:</span>
          <a href={exportUrl(kind, 'csv')} download aria-label={t('records.export.csvLabel', { what })} className={buttonClass('secondary')}>
            {t('records.export.csv')}
          </a>
          <a href={exportUrl(kind, 'ndjson')} download aria-label={t('records.export.ndjsonLabel', { what })} className={buttonClass('secondary')}>
            {t('records.export.ndjson')}
          </a>
        </div>
      </div>

      <LoadState error={error} loading={isLoading && !data} onRetry={() => void mutate()} />
      {data ? (
        <div className="overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
          <table aria-labelledby={headingId} aria-busy={isLoading} className="w-full text-left text-sm text-slate-800">
            <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col" className={`px-3 py-2 ${column === 'messages' || column === 'score' ? 'text-right' : ''}`}>
                    {t(`records.col.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{data.items.map(row)}</tbody>
          </table>
          {data.items.length === 0 ? <p className="p-4 text-sm text-slate-600">{t('records.empty')}</p> : null}
        </div>
      ) : null}

      <nav aria-label={t('records.pager.label')} className="flex items-center justify-between gap-3 text-sm">
        <button type="button" className={buttonClass('secondary')} disabled={page === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
          {t('records.pager.newer')}
        </button>
        <span aria-live="polite" className="text-slate-600">
          {t('records.pager.page', { page: page + 1 })}
        </span>
        <button
          type="button"
          className={buttonClass('secondary')}
          disabled={!data?.nextCursor}
          onClick={() => data?.nextCursor && setCursors([...cursors, data.nextCursor])}
        >
          {t('records.pager.older')}
        </button>
      </nav>
    </div>
  );
}
