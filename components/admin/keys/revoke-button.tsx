'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useInBrowser } from '@/components/admin/shell/use-in-browser';
import { busyProps, useBusy } from '@/components/admin/shell/use-busy';
import { keyRevokeFormAction } from '@/lib/admin/key-change';
import type { ApiKey } from '@/lib/admin/keys';
import type { AdminShellTranslate } from '@/lib/i18n/admin-shell';
import { call, danger, KEYS_URL, secondary } from './keys-api';

/**
 * Revoke, behind an inline confirmation: focus on the safe choice, Escape declines and gives the focus back. Without
 * JavaScript the question opens under a disclosure, and its button posts (app/api/v1/admin/keys/[id]/form).
 */
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
  const inBrowser = useInBrowser();

  const asked = useRef(false);
  useEffect(() => {
    // The safe choice gets focus when the question appears; the Revoke button gets it back when it goes.
    if (confirming) keep.current?.focus();
    else if (asked.current) open.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  if (!inBrowser) {
    return (
      <details>
        <summary aria-label={t('keys.revoke.label', { name: apiKey.name })} className={`inline-block cursor-pointer list-none ${secondary}`}>
          {t('keys.revoke')}
        </summary>
        <form action={keyRevokeFormAction(apiKey.id)} method="post" className="mt-2 space-y-2">
          <p className="max-w-xs text-sm text-slate-800">{t('keys.revoke.confirm', { name: apiKey.name })}</p>
          <button type="submit" name="action" value="revoke" className={danger}>
            {t('keys.revoke.yes')}
          </button>
        </form>
      </details>
    );
  }

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
