'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import { busyProps, useBusy } from '@/components/admin/shell/use-busy';
import { webhookAddFormAction } from '@/lib/admin/webhook-change';
import { useLocale } from '@/lib/i18n/provider';
import { callApi, WEBHOOKS_API, type PublicWebhookEndpoint } from './api';
import { EndpointFields, type EndpointValues } from './endpoint-fields';
import { webhookProblem } from './problem';
import { buttonClass } from './styles';
import { useWebhooksT } from './use-webhooks-t';

const EMPTY: EndpointValues = { url: '', description: '', events: [] };

/**
 * Registers an endpoint: URL, optional description, and the events it subscribes to. Without JavaScript the form posts
 * itself (app/api/v1/admin/webhooks/form) and the page comes back with how it went and the secret.
 */
export function EndpointForm({
  eventTypes,
  onCreated,
  refusedBy,
}: {
  eventTypes: readonly string[];
  onCreated: (endpoint: PublicWebhookEndpoint, secret: string) => void;
  /** The id of the page's message saying why the server refused the URL of a post without JavaScript. */
  refusedBy?: string;
}) {
  const t = useWebhooksT();
  const locale = useLocale();
  const id = useId();
  const urlRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState<EndpointValues>(EMPTY);
  const { url, description, events } = values;
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
        setValues(EMPTY);
        onCreated(created.endpoint, created.secret);
      } catch (caught) {
        // The API's message is English (for scripts): the refusal's codes are said in the page's language.
        const problem = webhookProblem(locale, caught);
        setError(problem);
        if (problem.url) urlRef.current?.focus();
      }
    });
  };

  const change = (next: Partial<EndpointValues>) => setValues((current) => ({ ...current, ...next }));

  return (
    <form action={webhookAddFormAction} method="post" onSubmit={submit} noValidate aria-describedby={error ? `${id}-error` : undefined} className="space-y-4">
      <EndpointFields
        id={id}
        eventTypes={eventTypes}
        values={values}
        onChange={change}
        urlRef={urlRef}
        urlInvalid={error ? error.url : Boolean(refusedBy)}
        errorId={error ? undefined : refusedBy}
      />
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
