'use client';

import { problemText } from '@/components/admin/shell/problem-text';
import type { DetailStart } from '@/lib/admin/records-types';
import { useLocale } from '@/lib/i18n/provider';
import { ApiError } from './api';
import { buttonClass } from '@/components/admin/webhooks/styles';
import { useRecordsT } from './use-records-t';

/** The error a record page shows from the server's reading, until (with JavaScript) the API answers for itself. */
export function startError<T>(start: DetailStart<T> | undefined, data: T | undefined): ApiError | undefined {
  if (!start || data) return undefined;
  if (start.failed) return new ApiError(503, 'the record could not be read');
  return start.detail ? undefined : new ApiError(404, 'there is no such record');
}

/** What a page shows while its data loads or when loading failed (a 404 says the record is gone). */
export function LoadState({ error, loading, onRetry }: { error: Error | undefined; loading: boolean; onRetry: () => void }) {
  const t = useRecordsT();
  const locale = useLocale();
  if (error instanceof ApiError && error.status === 404) {
    return <p className="rounded-lg bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200">{t('records.notFound')}</p>;
  }
  if (error) {
    return (
      <div role="alert" className="flex flex-wrap items-center gap-3 rounded-lg bg-red-50 p-4 text-sm text-red-800 ring-1 ring-red-200">
        <span>{t('records.error', { message: problemText(locale, error instanceof ApiError ? error.status : undefined) })}</span>
        <button type="button" className={buttonClass('secondary')} onClick={onRetry}>
          {t('records.retry')}
        </button>
      </div>
    );
  }
  return loading ? (
    <p role="status" className="text-sm text-slate-600">
      {t('records.loading')}
    </p>
  ) : null;
}
