'use client';

import Link from 'next/link';
import { useEffect, useId, useState, type FormEvent } from 'react';
import useSWR from 'swr';
import { useAdminTimeZone } from '@/components/admin/shell/time-zone';
import { buttonClass, focusRing } from '@/components/admin/webhooks/styles';
import type { RecordListStart } from '@/lib/admin/record-query';
import { ApiError, exportUrl, fetchJson, hasFilters, listUrl, NO_FILTERS, pageUrl, recordPageHref, type RecordFilters, type RecordKind, type RecordPage, type RecordRow } from './api';
import { joinIsolated } from './isolate';
import { LoadState } from './load-state';
import { RecordFiltersForm } from './record-filters';
import { useDateTime, useNumber, useRecordsT } from './use-records-t';

/** A pager button: a GET form to the page it goes to, taken over by the list with JavaScript. */
function PagerButton({ href, disabled, label, onGo }: { href: string; disabled: boolean; label: string; onGo: () => void }) {
  const [path = '', query = ''] = href.split('?');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!disabled) onGo();
  };
  return (
    <form method="get" action={path} onSubmit={submit}>
      {[...new URLSearchParams(query)].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* aria-disabled, not disabled: on the first or last page the button just pressed keeps the keyboard focus. */}
      <button type="submit" className={buttonClass('secondary')} aria-disabled={disabled || undefined}>
        {label}
      </button>
    </form>
  );
}

/**
 * The conversations or leads list: search and filters, a page of rows newest first, Newer/Older through the API's
 * cursors (the pages seen are remembered so Newer goes back), and export links for what the filters select (everything
 * of this kind with none).
 *
 * `start` is the server page's reading of its address and the rows it found, so the list, its filters and its pager
 * work without JavaScript (plain GET forms); with it, the list asks the API itself and keeps the address up to date.
 */
export function RecordList({ kind, start }: { kind: RecordKind; start?: RecordListStart }) {
  const t = useRecordsT();
  const when = useDateTime();
  const number = useNumber();
  const timeZone = useAdminTimeZone();
  const headingId = useId();
  const [filters, setFilters] = useState<RecordFilters>(start?.params.filters ?? NO_FILTERS);
  const [cursors, setCursors] = useState<Array<string | null>>(start?.params.cursor ? [...start.params.trail.map((step) => step || null), start.params.cursor] : [null]);
  // An address that asks for something unreadable lists nothing until the filters are applied again.
  const [invalid, setInvalid] = useState<string[]>(start?.params.invalid ?? []);
  const [listable, setListable] = useState(start ? start.params.query !== null : true);
  const page = cursors.length - 1;
  const key = listable ? listUrl(kind, filters, cursors[page] ?? null, timeZone) : null;
  // The server's rows answer only the query it ran: its days were read in the zone it knew (the cookie's, or UTC).
  const startKey = start?.params.query ? listUrl(kind, start.params.filters, start.params.cursor, start.params.timeZone) : null;
  const { data, error, isLoading, mutate } = useSWR<RecordPage, Error>(key, fetchJson, {
    keepPreviousData: true,
    ...(key === startKey && start?.page ? { fallbackData: start.page } : {}),
  });
  // The server could not read the store for the first page: said as any failed load, with Try again.
  const shownError = error ?? (key === startKey && start?.failed && !data ? new ApiError(503, 'the list could not be read') : undefined);
  const what = t(`records.what.${kind}`);
  const filtered = hasFilters(kind, filters);
  const stage = (value: string | null) => (value ? t(`records.stage.${value}` as Parameters<typeof t>[0]) : t('records.none'));
  const trail = (upTo: number) => cursors.slice(0, upTo).map((cursor) => cursor ?? '');

  // Reload, Back and a shared link keep the filters and the page, as the form without JavaScript does.
  useEffect(() => {
    if (!listable || typeof window === 'undefined') return;
    const href = recordPageHref(kind, filters, cursors[page] ?? null, trail(page));
    if (`${window.location.pathname}${window.location.search}` !== href) window.history.replaceState(window.history.state, '', href);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- trail() reads cursors
  }, [kind, filters, cursors, page, listable]);

  const apply = (next: RecordFilters) => {
    setFilters(next);
    setCursors([null]);
    setInvalid([]);
    setListable(true);
  };

  const cell = 'px-3 py-2 align-top';
  // The prospect's words (a pasted URL as a title, a long e-mail) wrap inside their cell rather than widening the table.
  // Wide enough for a usual e-mail address on one line on a phone (the table scrolls sideways); a longer one wraps.
  const prospectCell = `${cell} min-w-44 wrap-anywhere`;
  const link = `font-medium text-brand-700 underline-offset-2 hover:underline ${focusRing}`;
  const row = (item: RecordRow) =>
    kind === 'conversations' ? (
      <tr key={item.id} className="border-t border-slate-100">
        <td className={prospectCell}>
          <Link href={pageUrl('conversations', item.id)} className={link}>
            {item.title ? <bdi>{item.title}</bdi> : t('records.noTitle')}
          </Link>
        </td>
        <td className={cell}>{stage(item.stage)}</td>
        <td className={prospectCell}>{item.hasLead ? joinIsolated([item.name, item.email, item.company]) : t('records.none')}</td>
        <td className={`${cell} text-end tabular-nums`}>{number(item.messageCount)}</td>
        <td className={`${cell} whitespace-nowrap`}>{when(item.updatedAt)}</td>
      </tr>
    ) : (
      <tr key={item.id} className="border-t border-slate-100">
        <td className={prospectCell}>
          <Link href={pageUrl('leads', item.id)} className={link}>
            {item.name || item.email ? <bdi>{item.name ?? item.email}</bdi> : t('records.unknownLead')}
          </Link>
          {item.name && item.email ? (
            <div className="text-xs text-slate-600">
              <bdi>{item.email}</bdi>
            </div>
          ) : null}
        </td>
        <td className={prospectCell}>{item.company ? <bdi>{item.company}</bdi> : t('records.none')}</td>
        <td className={`${cell} text-end tabular-nums`}>{item.score}</td>
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
      <RecordFiltersForm kind={kind} value={filters} onApply={apply} start={start?.params} />
      {invalid.length > 0 ? (
        <p role="alert" className="rounded-lg bg-red-50 p-4 text-sm text-red-800 ring-1 ring-red-200">
          {/* Parameter names read left to right in a right-to-left sentence too. */}
          {t('records.filters.invalid', { params: `\u2068${invalid.join(', ')}\u2069` })}
        </p>
      ) : null}

      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {t(`records.caption.${kind}`)}
        </h2>
        {/* Not while the address asks for filters that cannot be read: the download would be the API's refusal. */}
        {listable ? (
          <div role="group" aria-label={t('records.export.label')} className="flex items-center gap-2 text-sm">
            <span className="text-slate-600">{t('records.export.label')}:</span>
            <a href={exportUrl(kind, 'csv', filters, timeZone)} download aria-label={t(filtered ? 'records.export.csvFilteredLabel' : 'records.export.csvLabel', { what })} className={buttonClass('secondary')}>
              {t('records.export.csv')}
            </a>
            <a href={exportUrl(kind, 'ndjson', filters, timeZone)} download aria-label={t(filtered ? 'records.export.ndjsonFilteredLabel' : 'records.export.ndjsonLabel', { what })} className={buttonClass('secondary')}>
              {t('records.export.ndjson')}
            </a>
          </div>
        ) : null}
      </div>

      <LoadState error={shownError} loading={isLoading && !data} onRetry={() => void mutate()} />
      {/* Scrolls sideways on a phone: a focusable group, so a keyboard can scroll it too. */}
      {data ? (
        <div
          role="group"
          aria-labelledby={headingId}
          tabIndex={0}
          className={`overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200 ${focusRing}`}
        >
          {/* No table with a header and no rows for a screen reader to walk: the empty list says why it is empty. */}
          {data.items.length > 0 ? (
            <table aria-labelledby={headingId} aria-busy={isLoading} className="w-full text-start text-sm text-slate-800">
              <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
                <tr>
                  {columns.map((column) => (
                    <th key={column} scope="col" className={`px-3 py-2 ${column === 'messages' || column === 'score' ? 'text-end' : ''}`}>
                      {t(`records.col.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>{data.items.map(row)}</tbody>
            </table>
          ) : null}
          {/* Nothing at all yet (no filter, first page) is not "nothing matches": say what will fill the list. */}
          {data.items.length === 0 ? <p className="p-4 text-sm text-slate-600">{filtered || page > 0 ? t('records.empty') : t(`records.none.${kind}`)}</p> : null}
        </div>
      ) : null}

      <nav aria-label={t('records.pager.label')} className="flex items-center justify-between gap-3 text-sm">
        <PagerButton
          href={page > 0 ? recordPageHref(kind, filters, cursors[page - 1] ?? null, trail(page - 1)) : recordPageHref(kind, filters)}
          disabled={page === 0}
          label={t('records.pager.newer')}
          onGo={() => setCursors(cursors.slice(0, -1))}
        />
        <span aria-live="polite" className="text-slate-600">
          {t('records.pager.page', { page: number(page + 1) })}
        </span>
        <PagerButton
          href={recordPageHref(kind, filters, data?.nextCursor ?? cursors[page] ?? null, data?.nextCursor ? trail(page + 1) : trail(page))}
          disabled={!data?.nextCursor}
          label={t('records.pager.older')}
          onGo={() => {
            const next = data?.nextCursor;
            if (next) setCursors([...cursors, next]);
          }}
        />
      </nav>
    </div>
  );
}
