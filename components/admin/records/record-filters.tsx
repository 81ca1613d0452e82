'use client';

import { useId, useState, type FormEvent } from 'react';
import { LEAD_STATUSES, STAGES } from '@/lib/admin/records-types';
import { buttonClass, inputClass } from '@/components/admin/webhooks/styles';
import { NO_FILTERS, type RecordFilters, type RecordKind } from './api';
import { useRecordsT } from './use-records-t';

const LABEL = 'block text-xs font-medium text-slate-700';

/** A labelled select with an "any" option first. */
function Choice(props: { id: string; label: string; value: string; any: string; options: Array<[string, string]>; onChange: (event: { target: { value: string } }) => void }) {
  return (
    <div>
      <label htmlFor={props.id} className={LABEL}>
        {props.label}
      </label>
      <select id={props.id} value={props.value} onChange={props.onChange} className={inputClass}>
        <option value="">{props.any}</option>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The search box and filters of a list; applied on submit, so typing does not fire a search per key. */
export function RecordFiltersForm({ kind, value, onApply }: { kind: RecordKind; value: RecordFilters; onApply: (filters: RecordFilters) => void }) {
  const t = useRecordsT();
  const id = useId();
  const [draft, setDraft] = useState(value);
  const set = (field: keyof RecordFilters) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };

  return (
    <form role="search" aria-label={t('records.filters.label')} onSubmit={submit} className="grid gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-6">
      <div className="sm:col-span-2">
        <label htmlFor={`${id}-q`} className={LABEL}>
          {t('records.filters.q')}
        </label>
        <input id={`${id}-q`} type="search" value={draft.q} onChange={set('q')} placeholder={t('records.filters.qPlaceholder')} maxLength={200} className={inputClass} />
      </div>
      <Choice
        id={`${id}-stage`}
        label={t('records.filters.stage')}
        value={draft.stage}
        onChange={set('stage')}
        any={t('records.filters.anyStage')}
        options={STAGES.map((stage) => [stage, t(`records.stage.${stage}`)])}
      />
      {kind === 'leads' ? (
        <Choice
          id={`${id}-status`}
          label={t('records.filters.status')}
          value={draft.status}
          onChange={set('status')}
          any={t('records.filters.anyStatus')}
          options={LEAD_STATUSES.map((status) => [status, t(`records.status.${status}`)])}
        />
      ) : null}
      <div>
        <label htmlFor={`${id}-from`} className={LABEL}>
          {t('records.filters.from')}
        </label>
        <input id={`${id}-from`} type="date" value={draft.from} onChange={set('from')} className={inputClass} />
      </div>
      <div>
        <label htmlFor={`${id}-to`} className={LABEL}>
          {t('records.filters.to')}
        </label>
        <input id={`${id}-to`} type="date" value={draft.to} onChange={set('to')} className={inputClass} />
      </div>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-6">
        <button type="submit" className={buttonClass('primary')}>
          {t('records.filters.apply')}
        </button>
        <button
          type="button"
          className={buttonClass('secondary')}
          onClick={() => {
            setDraft(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          {t('records.filters.clear')}
        </button>
      </div>
    </form>
  );
}
