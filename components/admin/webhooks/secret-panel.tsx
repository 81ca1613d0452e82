'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useInBrowser } from '@/components/admin/shell/use-in-browser';
import { useLocale } from '@/lib/i18n/provider';
import { isolate } from './problem';
import { buttonClass, focusRing } from './styles';
import { useWebhooksT } from './use-webhooks-t';

/** A new signing secret, shown this once: the server keeps it for signing but never shows it again. */
export function SecretPanel({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  const t = useWebhooksT();
  const locale = useLocale();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  const inBrowser = useInBrowser();
  // Focus moves here so a keyboard or screen-reader user hears the one-time secret at once.
  useEffect(() => headingRef.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="rounded-2xl bg-amber-50 p-5 ring-1 ring-amber-300" data-testid="webhook-secret">
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-base font-semibold wrap-anywhere text-slate-900 outline-none">
        {t('admin.webhooks.secret.heading', { url: isolate(locale, url) })}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('admin.webhooks.secret.once')}</p>
      {/* Left to right in an Arabic page too: its trailing "=" stays at its end. A named, read-only text a keyboard
          reaches and a click selects whole (the secret as text, for copying by hand without JavaScript). */}
      <code
        dir="ltr"
        role="textbox"
        aria-readonly="true"
        aria-label={t('admin.webhooks.secret.label')}
        tabIndex={0}
        className={`mt-3 block break-all rounded-lg bg-white px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-slate-200 select-all ${focusRing}`}
      >
        {secret}
      </code>
      {/* Copy and Done need JavaScript: without it they would be buttons that do nothing. */}
      {inBrowser ? (
        <div className="mt-3 flex flex-wrap gap-2">
          <button type="button" className={buttonClass('secondary')} onClick={copy}>
            {copied ? t('admin.webhooks.secret.copied') : t('admin.webhooks.secret.copy')}
          </button>
          <button type="button" className={buttonClass('primary')} onClick={onDone}>
            {t('admin.webhooks.secret.done')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
