'use client';

import { useId, useState, type FormEvent } from 'react';
import { busyProps, useBusy } from '@/components/admin/shell/use-busy';
import type { NotifyKey } from '@/lib/i18n/notify';
import { ApiError, callApi, WEBHOOKS_API, type PublicWebhookEndpoint } from './api';
import { buttonClass, inputClass } from './styles';
import { useWebhooksT } from './use-webhooks-t';

/** Registers an endpoint: URL, optional description, and the events it subscribes to. */
export function EndpointForm({ eventTypes, onCreated }: { eventTypes: readonly string[]; onCreated: (endpoint: PublicWebhookEndpoint, secret: string) => void }) {
  const t = useWebhooksT();
  const id = useId();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (events.length === 0) {
      setError(t('admin.webhooks.add.noEvents'));
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
        setError(caught instanceof ApiError ? caught.message : t('admin.webhooks.error.generic'));
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
          id={`${id}-url`}
          type="url"
          required
          inputMode="url"
          autoComplete="off"
          placeholder="https://"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-describedby={`${id}-url-hint`}
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
          {error}
        </p>
      ) : null}
      <button type="submit" className={buttonClass('primary')} {...busyProps(busy)}>
        {busy ? t('admin.webhooks.add.adding') : t('admin.webhooks.add.submit')}
      </button>
    </form>
  );
}
