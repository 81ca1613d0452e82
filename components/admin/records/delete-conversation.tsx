'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { busyProps, useBusy } from '@/components/admin/shell/use-busy';
import { buttonClass } from '@/components/admin/webhooks/styles';
import { problemText } from '@/components/admin/shell/problem-text';
import { useLocale } from '@/lib/i18n/provider';
import { ApiError, callApi, recordUrl } from './api';
import { useRecordsT } from './use-records-t';

/**
 * Erases a conversation and its lead (a privacy request) after an inline confirmation that says what goes: the safe
 * choice takes the focus, Escape or Cancel declines and gives the focus back to the button that asked.
 */
export function DeleteConversation({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const t = useRecordsT();
  const locale = useLocale();
  const textId = useId();
  const [confirming, setConfirming] = useState(false);
  const { busy: running, run } = useBusy();
  // Erased, the page is on its way to the list: the question stays answered (and unanswerable) until it goes.
  const [erased, setErased] = useState(false);
  const busy = running || erased;
  const [failure, setFailure] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (asked.current) openRef.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const erase = () => {
    if (erased) return;
    void run(async () => {
      setFailure(null);
      try {
        await callApi(recordUrl('conversations', id), { method: 'DELETE' });
        setErased(true);
        onDeleted();
      } catch (error) {
        setFailure(problemText(locale, error instanceof ApiError ? error.status : undefined));
      }
    });
  };
  // Once the erasure is under way there is nothing left to decline.
  const decline = () => {
    if (!busy) setConfirming(false);
  };

  if (!confirming) {
    return (
      <button ref={openRef} type="button" className={buttonClass('danger')} onClick={() => setConfirming(true)}>
        {t('records.delete.button')}
      </button>
    );
  }
  return (
    <div
      role="alertdialog"
      aria-labelledby={textId}
      className="space-y-3 rounded-xl bg-red-50 p-4 ring-1 ring-red-200"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        decline();
      }}
    >
      <p id={textId} className="text-sm text-red-900">
        {t('records.delete.confirm')}
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass('danger')} {...busyProps(busy)} onClick={erase}>
          {busy ? t('records.delete.deleting') : t('records.delete.confirmButton')}
        </button>
        <button ref={cancelRef} type="button" className={buttonClass('secondary')} {...busyProps(busy)} onClick={decline}>
          {t('records.delete.cancel')}
        </button>
      </div>
      {failure ? (
        <p role="alert" className="text-sm text-red-800">
          {t('records.delete.failed', { message: failure })}
        </p>
      ) : null}
    </div>
  );
}
