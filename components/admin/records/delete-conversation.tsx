'use client';

import { useId, useRef, useState, useEffect } from 'react';
import { buttonClass } from '@/components/admin/webhooks/styles';
import { callApi, recordUrl } from './api';
import { useRecordsT } from './use-records-t';

/** Erases a conversation and its lead (a privacy request) after an inline confirmation that says what goes. */
export function DeleteConversation({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const t = useRecordsT();
  const textId = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The safe choice takes the focus when the question appears.
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const erase = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await callApi(recordUrl('conversations', id), { method: 'DELETE' });
      onDeleted();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  };

  if (!confirming) {
    return (
      <button type="button" className={buttonClass('danger')} onClick={() => setConfirming(true)}>
        {t('records.delete.button')}
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby={textId} className="space-y-3 rounded-xl bg-red-50 p-4 ring-1 ring-red-200">
      <p id={textId} className="text-sm text-red-900">
        {t('records.delete.confirm')}
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass('danger')} disabled={busy} onClick={() => void erase()}>
          {busy ? t('records.delete.deleting') : t('records.delete.confirmButton')}
        </button>
        <button ref={cancelRef} type="button" className={buttonClass('secondary')} disabled={busy} onClick={() => setConfirming(false)}>
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
