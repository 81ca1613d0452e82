'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { busyProps, useBusy } from '@/components/admin/shell/use-busy';
import { useLocale } from '@/lib/i18n/provider';
import { callApi, staleVersionOf, WEBHOOKS_API, type PublicWebhookEndpoint } from './api';
import { EndpointFields, type EndpointValues } from './endpoint-fields';
import { isolate, webhookProblem } from './problem';
import { buttonClass } from './styles';
import { useWebhooksT } from './use-webhooks-t';

const sameEvents = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((type) => b.includes(type));

/** The fields that differ from the endpoint as the list shows it now: a PATCH changes only those. */
function changesOf(values: EndpointValues, endpoint: PublicWebhookEndpoint): Record<string, unknown> {
  return {
    ...(values.url.trim() !== endpoint.url ? { url: values.url.trim() } : {}),
    ...(values.description.trim() !== endpoint.description ? { description: values.description.trim() } : {}),
    ...(sameEvents(values.events, endpoint.events) ? {} : { events: values.events }),
  };
}

/**
 * Changes an endpoint's URL, description and events, on the version the admin read (If-Match). When someone else changed
 * it meanwhile (409), the card above shows its current settings again, what the admin typed stays here, and saving
 * again goes on top of the version the 409 named.
 */
export function EndpointEditForm({
  id,
  endpoint,
  eventTypes,
  onSaved,
  onCancel,
  onStale,
}: {
  id: string;
  endpoint: PublicWebhookEndpoint;
  eventTypes: readonly string[];
  onSaved: () => void;
  onCancel: () => void;
  /** Someone else changed it: the list is read again. */
  onStale: () => void;
}) {
  const t = useWebhooksT();
  const locale = useLocale();
  const fieldsId = useId();
  const urlRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState<EndpointValues>(() => ({ url: endpoint.url, description: endpoint.description, events: [...endpoint.events] }));
  const [version, setVersion] = useState(endpoint.etag);
  const [error, setError] = useState<{ text: string; url: boolean } | null>(null);
  const { busy, run } = useBusy();
  useEffect(() => urlRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!values.url.trim()) {
      setError({ text: t('admin.webhooks.field.urlMissing'), url: true });
      urlRef.current?.focus();
      return;
    }
    if (values.events.length === 0) {
      setError({ text: t('admin.webhooks.add.noEvents'), url: false });
      return;
    }
    const changes = changesOf(values, endpoint);
    if (Object.keys(changes).length === 0) return onCancel();
    void run(async () => {
      setError(null);
      try {
        await callApi(`${WEBHOOKS_API}/${endpoint.id}`, { method: 'PATCH', body: changes, ifMatch: version });
        onSaved();
      } catch (caught) {
        const current = staleVersionOf(caught);
        if (current !== null) {
          setVersion(current);
          setError({ text: t('admin.webhooks.edit.changed'), url: false });
          onStale();
          return;
        }
        const problem = webhookProblem(locale, caught);
        setError(problem);
        if (problem.url) urlRef.current?.focus();
      }
    });
  };

  return (
    <form
      id={id}
      onSubmit={submit}
      noValidate
      aria-label={t('admin.webhooks.edit.label', { url: isolate(locale, endpoint.url) })}
      aria-describedby={error ? `${fieldsId}-error` : undefined}
      className="mt-3 space-y-4 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || busy) return;
        event.preventDefault();
        onCancel();
      }}
    >
      <EndpointFields id={fieldsId} eventTypes={eventTypes} values={values} onChange={(next) => setValues((now) => ({ ...now, ...next }))} urlRef={urlRef} urlInvalid={error?.url ?? false} />
      {error ? (
        <p id={`${fieldsId}-error`} role="alert" className="text-sm text-red-700">
          {error.text}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass('primary')} {...busyProps(busy)}>
          {busy ? t('admin.webhooks.edit.saving') : t('admin.webhooks.edit.save')}
        </button>
        <button type="button" className={buttonClass('secondary')} {...busyProps(busy)} onClick={() => !busy && onCancel()}>
          {t('admin.webhooks.cancel')}
        </button>
      </div>
    </form>
  );
}
