'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { busyProps, useBusy } from '@/components/admin/shell/use-busy';
import type { ApiKey } from '@/lib/admin/keys';
import type { AdminShellTranslate } from '@/lib/i18n/admin-shell';
import { call, danger, KEYS_URL, secondary } from './keys-api';

/** Revoke, behind an inline confirmation: focus on the safe choice, Escape declines and gives the focus back. */
export function RevokeButton({
  apiKey,
  t,
  onRevoked,
  onError,
}: {
  apiKey: ApiKey;
  t: AdminShellTranslate;
  onRevoked: () => Promise<void>;
  onError: (error: unknown) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const { busy, run } = useBusy();
  const keep = useRef<HTMLButtonElement>(null);
  const open = useRef<HTMLButtonElement>(null);
  const promptId = useId();

  const asked = useRef(false);
  useEffect(() => {
    // The safe choice gets focus when the question appears; the Revoke button gets it back when it goes.
    if (confirming) keep.current?.focus();
    else if (asked.current) open.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button ref={open} type="button" className={secondary} aria-label={t('keys.revoke.label', { name: apiKey.name })} onClick={() => setConfirming(true)}>
        {t('keys.revoke')}
      </button>
    );
  }

  const revoke = () =>
    run(async () => {
      try {
        await call(`${KEYS_URL}/${encodeURIComponent(apiKey.id)}`, { method: 'DELETE' });
        await onRevoked();
      } catch (error) {
        onError(error);
        setConfirming(false);
      }
    });
  const decline = () => {
    if (!busy) setConfirming(false);
  };

  return (
    <div role="group" aria-labelledby={promptId} className="space-y-2" onKeyDown={(event) => event.key === 'Escape' && decline()}>
      <p id={promptId} className="max-w-xs text-sm text-slate-800">
        {t('keys.revoke.confirm', { name: apiKey.name })}
      </p>
      <div className="flex gap-2">
        <button type="button" className={danger} onClick={() => void revoke()} {...busyProps(busy)}>
          {t('keys.revoke.yes')}
        </button>
        <button ref={keep} type="button" className={secondary} onClick={decline} {...busyProps(busy)}>
          {t('keys.revoke.cancel')}
        </button>
      </div>
    </div>
  );
}
