'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import { busyProps, useBusy } from '@/components/admin/shell/use-busy';
import type { NotifyKey } from '@/lib/i18n/notify';
import { useLocale } from '@/lib/i18n/provider';
import { callApi, WEBHOOKS_API, type PublicWebhookEndpoint } from './api';
import { webhookProblem } from './problem';
import { buttonClass, inputClass } from './styles';
import { useWebhooksT } from './use-webhooks-t';

/** Registers an endpoint: URL, optional description, and the events it subscribes to. */
export function EndpointForm({ eventTypes, onCreated }: { eventTypes: readonly string[]; onCreated: (endpoint: PublicWebhookEndpoint, secret: string) => void }) {
  const t = useWebhooksT();
  const locale = useLocale();
  const id = useId();
  const urlRef = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  // `url`: the URL itself is what was refused, so its field is marked and focused.
  const [error, setError] = useState<{ text: string; url: boolean } | null>(null);
  const { busy, run } = useBusy();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!url.trim()) {
      setError({ text: t('admin.webhooks.field.urlMissing'), url: true });
      urlRef.current?.focus();
      return;
    }
    if (events.length === 0) {
      setError({ text: t('admin.webhooks.add.noEvents'), url: false });
      return;
    }
    void run(async () => {
      setError(null);
      try {
        const created = await callApi<{ endpoint: PublicWebhookEndpoint; secret: string }>(WEBHOOKS_API, {
          method: 'POST',
          body: { url: url.trim(), events, ...(description.trim() ? { description: description.trim() } : {}) },
        });
        setUrl('');
        setDescription('');
        setEvents([]);
        onCreated(created.endpoint, created.secret);
      } catch (caught) {
        // The API's message is English (for scripts): the refusal's codes are said in the page's language.
        const problem = webhookProblem(locale, caught);
        setError(problem);
        if (problem.url) urlRef.current?.focus();
      }
    });
  };

  const toggle = (type: string, on: boolean) => setEvents((current) => (on ? [...current, type] : current.filter((e) => e !== type)));

  return (
    <form onSubmit={submit} noValidate aria-describedby={error ? `${id}-error` : undefined} className="space-y-4">
      <div>
        <label htmlFor={`${id}-url`} className="text-sm font-medium text-slate-700">
          {t('admin.webhooks.field.url')}
        </label>
        <input
          ref={urlRef}
          id={`${id}-url`}
          type="url"
          required
          inputMode="url"
          autoComplete="off"
          placeholder="https://"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-invalid={error?.url ? true : undefined}
          aria-describedby={error?.url ? `${id}-url-hint ${id}-error` : `${id}-url-hint`}
          className={inputClass}
        />
        <p id={`${id}-url-hint`} className="mt-1 text-xs text-slate-600">
          {t('admin.webhooks.field.urlHint')}
        </p>
      </div>
      <div>
        <label htmlFor={`${id}-description`} className="text-sm font-medium text-slate-700">
          {t('admin.webhooks.field.description')}
        </label>
        <input id={`${id}-description`} type="text" maxLength={200} value={description} onChange={(e) => setDescription(e.target.value)} className={inputClass} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t('admin.webhooks.field.events')}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {eventTypes.map((type) => (
            <label key={type} className="flex items-start gap-2 text-sm text-slate-800">
              <input type="checkbox" className="mt-0.5" checked={events.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
              <span>
                <code className="font-mono text-xs text-slate-900">{type}</code>
                <span className="block text-xs text-slate-600">{t(`admin.webhooks.event.${type}` as NotifyKey)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error.text}
        </p>
      ) : null}
      <button type="submit" className={buttonClass('primary')} {...busyProps(busy)}>
        {busy ? t('admin.webhooks.add.adding') : t('admin.webhooks.add.submit')}
      </button>
    </form>
  );
}
