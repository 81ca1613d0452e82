'use client';

import type { RefObject } from 'react';
import type { NotifyKey } from '@/lib/i18n/notify';
import { inputClass } from './styles';
import { useWebhooksT } from './use-webhooks-t';

export interface EndpointValues {
  url: string;
  description: string;
  events: string[];
}

/**
 * An endpoint's URL, description and events, as the add and the edit forms both ask for them. `id` prefixes the fields'
 * ids; the form's error paragraph is `${id}-error`, which the URL field points to when the URL is what was refused.
 */
export function EndpointFields({
  id,
  eventTypes,
  values,
  onChange,
  urlRef,
  urlInvalid,
  errorId = `${id}-error`,
}: {
  id: string;
  eventTypes: readonly string[];
  values: EndpointValues;
  onChange: (next: Partial<EndpointValues>) => void;
  urlRef: RefObject<HTMLInputElement | null>;
  urlInvalid: boolean;
  /** What says why the URL was refused, when not the form's own error paragraph. */
  errorId?: string;
}) {
  const t = useWebhooksT();
  const toggle = (type: string, on: boolean) => onChange({ events: on ? [...values.events, type] : values.events.filter((e) => e !== type) });
  return (
    <>
      <div>
        <label htmlFor={`${id}-url`} className="text-sm font-medium text-slate-700">
          {t('admin.webhooks.field.url')}
        </label>
        {/* A URL reads left to right in an Arabic page too. */}
        <input
          ref={urlRef}
          id={`${id}-url`}
          name="url"
          type="url"
          dir="ltr"
          required
          inputMode="url"
          autoComplete="off"
          placeholder="https://"
          value={values.url}
          onChange={(e) => onChange({ url: e.target.value })}
          aria-invalid={urlInvalid ? true : undefined}
          aria-describedby={urlInvalid ? `${id}-url-hint ${errorId}` : `${id}-url-hint`}
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
        <input id={`${id}-description`} name="description" type="text" maxLength={200} value={values.description} onChange={(e) => onChange({ description: e.target.value })} className={inputClass} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t('admin.webhooks.field.events')}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {eventTypes.map((type) => (
            <label key={type} className="flex min-w-0 items-start gap-2 text-sm text-slate-800">
              <input type="checkbox" name="events" value={type} className="mt-0.5" checked={values.events.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
              <span className="min-w-0">
                <code className="font-mono text-xs wrap-anywhere text-slate-900">{type}</code>
                <span className="block text-xs text-slate-600">{t(`admin.webhooks.event.${type}` as NotifyKey)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}
