import { useEffect, useState } from 'react';
import { useT } from '@/lib/i18n/provider';
import { applyUpdate, registerServiceWorker } from './register';

const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';

/** Registers the service worker and, when a new version is waiting, offers to reload into it. */
export default function UpdatePrompt() {
  const t = useT();
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);

  useEffect(() => registerServiceWorker(setWaiting), []);

  // The live region is in place before the prompt appears in it, so that screen readers announce the prompt.
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
      {waiting ? (
        <div
          data-testid="update-prompt"
          className="pointer-events-auto flex max-w-md flex-wrap items-center gap-3 rounded-xl bg-slate-900 px-4 py-3 text-sm text-white shadow-lg"
        >
          <p className="min-w-0 flex-1">{t('pwa.update.available')}</p>
          <button type="button" onClick={() => setWaiting(null)} className={`rounded-lg px-3 py-1.5 font-medium text-slate-200 hover:bg-slate-800 ${focusRing}`}>
            {t('pwa.update.later')}
          </button>
          <button type="button" onClick={() => applyUpdate(waiting)} className={`rounded-lg bg-brand-500 px-3 py-1.5 font-semibold text-white hover:bg-brand-600 ${focusRing}`}>
            {t('pwa.update.reload')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
