'use client';

import { useId, useRef, useState } from 'react';
import useSWR from 'swr';
import type { WebhookChange } from '@/lib/admin/webhook-change';
import { useLocale } from '@/lib/i18n/provider';
import { fetchJson, WEBHOOKS_API, type EndpointList } from './api';
import { webhookChangeText } from './change-text';
import { EndpointCard } from './endpoint-card';
import { EndpointForm } from './endpoint-form';
import { webhookProblem } from './problem';
import { SecretPanel } from './secret-panel';
import { buttonClass } from './styles';
import { useWebhooksT } from './use-webhooks-t';

/**
 * The webhooks admin page's interactive part: add an endpoint, see its secret once, manage the registered ones. A viewer
 * (`canWrite` false: the API refuses their changes) reads the endpoints and their delivery logs, with a note instead of
 * the form and the card controls. `start` is the list the server read for the page's HTML (shown without asking again);
 * `change` and `newSecret` are what a form's post without JavaScript came back with.
 */
export function WebhooksManager({
  canWrite,
  start = null,
  change,
  newSecret = null,
}: {
  canWrite: boolean;
  start?: EndpointList | null;
  change?: WebhookChange;
  newSecret?: { url: string; secret: string } | null;
}) {
  const t = useWebhooksT();
  const locale = useLocale();
  const addId = useId();
  const listId = useId();
  const changedId = useId();
  const { data, error, isLoading, mutate } = useSWR<EndpointList, Error>(WEBHOOKS_API, fetchJson, {
    revalidateOnFocus: true,
    ...(start ? { fallbackData: start, revalidateOnMount: false } : {}),
  });
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(newSecret);
  const changed = change ? webhookChangeText(locale, change) : null;
  const refresh = () => void mutate();
  // A deleted endpoint's card goes with the focus on it: the list's heading takes it instead of <body>.
  const listHeading = useRef<HTMLHeadingElement>(null);

  return (
    <div className="space-y-6">
      {/* Keyed by the secret: a new one (another rotation) mounts a new panel, whose heading takes the focus again. */}
      {secret ? <SecretPanel key={secret.secret} url={secret.url} secret={secret.secret} onDone={() => setSecret(null)} /> : null}
      {changed ? (
        // A refusal is an alert (said at once, and the refused URL field points to it); a change made, a status.
        <p id={changedId} role={changed.ok ? 'status' : 'alert'} className={`text-sm ${changed.ok ? 'text-emerald-700' : 'text-red-700'}`} data-testid="webhook-change">
          {changed.text}
        </p>
      ) : null}

      {canWrite ? (
        <section aria-labelledby={addId} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id={addId} className="mb-4 text-base font-semibold text-slate-900">
            {t('admin.webhooks.add.heading')}
          </h2>
          <EndpointForm
            eventTypes={data?.eventTypes ?? []}
            refusedBy={change?.outcome === 'refused' ? changedId : undefined}
            onCreated={(endpoint, newSecret) => {
              setSecret({ url: endpoint.url, secret: newSecret });
              refresh();
            }}
          />
        </section>
      ) : (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t('admin.webhooks.viewerNote')}</p>
      )}

      <section aria-labelledby={listId}>
        <h2 id={listId} ref={listHeading} tabIndex={-1} className="mb-3 text-base font-semibold text-slate-900 outline-none">
          {t('admin.webhooks.list.heading')}
        </h2>
        {isLoading ? <p className="text-sm text-slate-600">{t('admin.webhooks.list.loading')}</p> : null}
        {error ? (
          <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-red-700">
            {/* The API's message is English: the reason is said in the page's language. */}
            <span>
              {t('admin.webhooks.list.error')} {webhookProblem(locale, error).text}
            </span>
            {/* A keyboard can ask again at once, rather than waiting for the window to get the focus back. */}
            <button type="button" className={buttonClass('secondary')} onClick={refresh}>
              {t('admin.webhooks.list.retry')}
            </button>
          </div>
        ) : null}
        {data && data.endpoints.length === 0 ? <p className="text-sm text-slate-600">{t('admin.webhooks.list.empty')}</p> : null}
        {data && data.endpoints.length > 0 ? (
          <ul className="space-y-4">
            {data.endpoints.map((endpoint) => (
              <EndpointCard
                key={endpoint.id}
                endpoint={endpoint}
                eventTypes={data.eventTypes}
                canWrite={canWrite}
                onChanged={refresh}
                onSecret={(url, value) => setSecret({ url, secret: value })}
                onDeleted={() => listHeading.current?.focus()}
              />
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
