'use client';

import { useId, useState, type FormEvent } from 'react';
import { LEAD_STATUSES, STAGES } from '@/lib/admin/records-types';
import { buttonClass, inputClass } from '@/components/admin/webhooks/styles';
import { NO_FILTERS, type RecordFilters, type RecordKind } from './api';
import { useRecordsT } from './use-records-t';

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
  const label = 'block text-xs font-medium text-slate-700';

  return (
    <form role="search" aria-label={t('records.filters.label')} onSubmit={submit} className="grid gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-6">
      <div className="sm:col-span-2">
        <label htmlFor={`${id}-q`} className={label}>
          {t('records.filters.q')}
        </label>
        <input id={`${id}-q`} type="search" value={draft.q} onChange={set('q')} placeholder={t('records.filters.qPlaceholder')} maxLength={200} className={inputClass} />
      </div>
      <div>
        <label htmlFor={`${id}-stage`} className={label}>
          {t('records.filters.stage')}
        </label>
        <select id={`${id}-stage`} value={draft.stage} onChange={set('stage')} className={inputClass}>
          <option value="">{t('records.filters.anyStage')}</option>
          {STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {t(`records.stage.${stage}`)}
            </option>
          ))}
        </select>
      </div>
      {kind === 'leads' ? (
        <div>
          <label htmlFor={`${id}-status`} className={label}>
            {t('records.filters.status')}
          </label>
          <select id={`${id}-status`} value={draft.status} onChange={set('status')} className={inputClass}>
            <option value="">{t('records.filters.anyStatus')}</option>
            {LEAD_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`records.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div>
        <label htmlFor={`${id}-from`} className={label}>
          {t('records.filters.from')}
        </label>
        <input id={`${id}-from`} type="date" value={draft.from} onChange={set('from')} className={inputClass} />
      </div>
      <div>
        <label htmlFor={`${id}-to`} className={label}>
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
