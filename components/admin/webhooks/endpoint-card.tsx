'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useSWRConfig } from 'swr';
import { useInBrowser } from '@/components/admin/shell/use-in-browser';
import { busyProps, useBusy } from '@/components/admin/shell/use-busy';
import { useLocale } from '@/lib/i18n/provider';
import { ApiError, callApi, WEBHOOKS_API, type PublicWebhookEndpoint, type TestResult } from './api';
import { DeliveryLog } from './delivery-log';
import { EndpointEditForm } from './endpoint-edit-form';
import { PlainActionForms, PlainEnabledForm } from './endpoint-plain-forms';
import { deliveryProblemText, isolate, webhookProblem } from './problem';
import { buttonClass } from './styles';
import { useWebhooksT } from './use-webhooks-t';

type Confirming = 'delete' | 'rotate' | null;

/**
 * One endpoint: its settings, the enabled switch, and its actions (test, deliveries, rotate secret, delete). A button
 * keeps the focus while its action runs; Escape or Cancel declines a confirmation and gives the focus back to the
 * button that asked. A viewer (`canWrite` false) gets the settings, whether it is enabled, and the deliveries only.
 * Without JavaScript (the server's HTML) the switch, test and delete are plain forms; editing, rotating and the
 * deliveries are left out until scripts run.
 */
export function EndpointCard({
  endpoint,
  eventTypes,
  canWrite,
  onChanged,
  onSecret,
  onDeleted,
}: {
  endpoint: PublicWebhookEndpoint;
  /** The events an endpoint can subscribe to, for the edit form. */
  eventTypes: readonly string[];
  /** An admin: the enabled switch, test, rotate and delete. */
  canWrite: boolean;
  onChanged: () => void;
  onSecret: (url: string, secret: string) => void;
  /** The card is going: the list moves the focus somewhere that stays. */
  onDeleted: () => void;
}) {
  const t = useWebhooksT();
  const locale = useLocale();
  const id = useId();
  const { mutate } = useSWRConfig();
  const inBrowser = useInBrowser();
  const [logOpen, setLogOpen] = useState(false);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [editing, setEditing] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  // The form goes with the focus in it: the button that opened it takes it back.
  const editClosed = useRef(false);
  const stopEditing = (saved: boolean) => {
    setEditing(false);
    if (saved) {
      setStatus({ text: t('admin.webhooks.edit.saved'), ok: true });
      onChanged();
    }
    editClosed.current = true;
  };
  useEffect(() => {
    if (editing || !editClosed.current) return;
    editClosed.current = false;
    editRef.current?.focus();
  }, [editing]);
  const { busy, run: guard } = useBusy();
  const [status, setStatus] = useState<{ text: string; ok: boolean } | null>(null);
  const detailKey = `${WEBHOOKS_API}/${endpoint.id}`;
  // The URL inside a sentence: isolated, so an Arabic sentence does not move its slashes and dots about.
  const url = isolate(locale, endpoint.url);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const rotateRef = useRef<HTMLButtonElement>(null);
  const declined = useRef<Confirming>(null);
  useEffect(() => {
    if (confirming || !declined.current) return;
    (declined.current === 'delete' ? deleteRef : rotateRef).current?.focus();
    declined.current = null;
  }, [confirming]);

  const ask = (what: Exclude<Confirming, null>) => {
    if (!busy) setConfirming(what);
  };
  const decline = () => {
    if (busy || !confirming) return;
    declined.current = confirming;
    setConfirming(null);
  };

  const run = (action: () => Promise<void>) =>
    guard(async () => {
      setStatus(null);
      try {
        await action();
      } catch (caught) {
        // A 409 to a change: someone else changed the endpoint after this page read it (If-Match) or is changing it
        // now. The list is read again, so the card shows its current settings, and the admin decides again.
        const changed = caught instanceof ApiError && caught.status === 409;
        setStatus({ text: changed ? t('admin.webhooks.error.changed') : webhookProblem(locale, caught).text, ok: false });
        if (changed) onChanged();
      }
    });

  const setEnabled = (enabled: boolean) =>
    run(async () => {
      await callApi(detailKey, { method: 'PATCH', body: { enabled }, ifMatch: endpoint.etag });
      onChanged();
    });

  const sendTest = () =>
    run(async () => {
      const { delivery } = await callApi<TestResult>(`${detailKey}/test`, { method: 'POST' });
      if (!delivery) setStatus({ text: t('admin.webhooks.test.queued'), ok: true });
      else if (delivery.ok) setStatus({ text: t('admin.webhooks.test.delivered', { status: delivery.status ?? '', ms: delivery.durationMs }), ok: true });
      else setStatus({ text: t('admin.webhooks.test.failed', { error: deliveryProblemText(locale, delivery) }), ok: false });
      await mutate(detailKey);
    });

  const confirm = () =>
    run(async () => {
      if (confirming === 'delete') {
        await callApi(detailKey, { method: 'DELETE' });
        onDeleted();
      } else {
        const { secret } = await callApi<{ secret: string }>(detailKey, { method: 'PATCH', body: { rotateSecret: true }, ifMatch: endpoint.etag });
        onSecret(endpoint.url, secret);
      }
      setConfirming(null);
      onChanged();
    });

  return (
    <li className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200" data-testid="webhook-endpoint">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={`${id}-url`} className="font-mono text-sm font-semibold break-all text-slate-900">
            {url}
          </h3>
          {/* The admin's own words, isolated: "CRM (sales)" keeps its brackets in order on an Arabic page. */}
          {endpoint.description ? (
            <p className="mt-0.5 text-sm wrap-anywhere text-slate-700">
              <bdi>{endpoint.description}</bdi>
            </p>
          ) : null}
          <p className="mt-1 flex flex-wrap gap-1">
            {endpoint.events.map((type) => (
              <code key={type} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
                {type}
              </code>
            ))}
          </p>
          <p className="mt-1 text-xs text-slate-600">{t('admin.webhooks.endpoint.secretHint', { hint: endpoint.secretHint })}</p>
        </div>
        {canWrite && !inBrowser ? (
          <PlainEnabledForm endpoint={endpoint} describedBy={`${id}-url`} />
        ) : canWrite ? (
          <label className="flex items-center gap-2 text-sm text-slate-800">
            {/* Every card has an "Enabled" switch: the URL says which endpoint this one turns on or off. */}
            <input type="checkbox" checked={endpoint.enabled} aria-describedby={`${id}-url`} {...busyProps(busy)} onChange={(e) => void setEnabled(e.target.checked)} />
            {t('admin.webhooks.endpoint.enabled')}
          </label>
        ) : (
          <p className="text-sm text-slate-800">{endpoint.enabled ? t('admin.webhooks.endpoint.enabled') : t('admin.webhooks.endpoint.disabled')}</p>
        )}
      </div>

      {!inBrowser ? (
        canWrite ? (
          <div role="group" aria-label={t('admin.webhooks.endpoint.actions', { url })} className="mt-4 flex flex-wrap gap-2">
            <PlainActionForms endpoint={endpoint} url={url} />
          </div>
        ) : null
      ) : (
        <div role="group" aria-label={t('admin.webhooks.endpoint.actions', { url })} className="mt-4 flex flex-wrap gap-2">
          {canWrite ? (
            <button type="button" className={buttonClass('secondary')} {...busyProps(busy)} onClick={() => void sendTest()}>
              {busy ? t('admin.webhooks.endpoint.testing') : t('admin.webhooks.endpoint.test')}
            </button>
          ) : null}
          <button type="button" className={buttonClass('secondary')} aria-expanded={logOpen} aria-controls={`${id}-log`} onClick={() => setLogOpen((open) => !open)}>
            {logOpen ? t('admin.webhooks.endpoint.hideLog') : t('admin.webhooks.endpoint.showLog')}
          </button>
          {canWrite ? (
            <>
              <button
                ref={editRef}
                type="button"
                className={buttonClass('secondary')}
                aria-expanded={editing}
                aria-controls={editing ? `${id}-edit` : undefined}
                onClick={() => (editing ? stopEditing(false) : setEditing(true))}
              >
                {t('admin.webhooks.endpoint.edit')}
              </button>
              <button ref={rotateRef} type="button" className={buttonClass('secondary')} {...busyProps(busy)} onClick={() => ask('rotate')}>
                {t('admin.webhooks.endpoint.rotate')}
              </button>
              <button ref={deleteRef} type="button" className={buttonClass('danger')} {...busyProps(busy)} onClick={() => ask('delete')}>
                {t('admin.webhooks.endpoint.delete')}
              </button>
            </>
          ) : null}
        </div>
      )}

      {canWrite && editing ? (
        <EndpointEditForm
          id={`${id}-edit`}
          endpoint={endpoint}
          eventTypes={eventTypes}
          onSaved={() => stopEditing(true)}
          onCancel={() => stopEditing(false)}
          onStale={onChanged}
        />
      ) : null}

      {canWrite && confirming ? (
        <div
          role="alertdialog"
          aria-labelledby={`${id}-confirm`}
          className="mt-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            decline();
          }}
        >
          <p id={`${id}-confirm`} className="text-sm wrap-anywhere text-slate-800">
            {confirming === 'delete' ? t('admin.webhooks.delete.confirm', { url }) : t('admin.webhooks.rotate.confirm', { url })}
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className={buttonClass(confirming === 'delete' ? 'danger' : 'primary')} {...busyProps(busy)} onClick={() => void confirm()}>
              {confirming === 'delete' ? t('admin.webhooks.delete.yes') : t('admin.webhooks.rotate.yes')}
            </button>
            {/* The safe choice has the focus, as in the other confirmations: Enter pressed twice deletes nothing. */}
            <button type="button" className={buttonClass('secondary')} {...busyProps(busy)} onClick={decline} autoFocus>
              {t('admin.webhooks.cancel')}
            </button>
          </div>
        </div>
      ) : null}

      <p role="status" className={`mt-2 text-sm ${status?.ok === false ? 'text-red-700' : 'text-slate-700'}`}>
        {status?.text ?? ''}
      </p>

      {logOpen ? (
        <div id={`${id}-log`} className="mt-3">
          <DeliveryLog id={endpoint.id} url={endpoint.url} />
        </div>
      ) : null}
    </li>
  );
}
