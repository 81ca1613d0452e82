'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import { DateField, dateInvalidMessage } from '@/components/admin/shell/date-field';
import { useAdminTimeZone } from '@/components/admin/shell/time-zone';
import { formatDateInput, parseDateInput } from '@/lib/admin/date-input';
import { LEAD_STATUSES, STAGES } from '@/lib/admin/records-types';
import type { RecordPageParams } from '@/lib/admin/record-query';
import { translateAdminShell } from '@/lib/i18n/admin-shell';
import { RTL_LOCALES, type Locale } from '@/lib/i18n/locales';
import { useLocale } from '@/lib/i18n/provider';
import { buttonClass, inputClass } from '@/components/admin/webhooks/styles';
import { NO_FILTERS, type RecordFilters, type RecordKind } from './api';
import { useRecordsT } from './use-records-t';

const LABEL = 'block text-xs font-medium text-slate-700';

/** A labelled select with an "any" option first. */
function Choice(props: { id: string; name: string; label: string; value: string; any: string; options: Array<[string, string]>; onChange: (event: { target: { value: string } }) => void }) {
  return (
    <div>
      <label htmlFor={props.id} className={LABEL}>
        {props.label}
      </label>
      <select id={props.id} name={props.name} value={props.value} onChange={props.onChange} className={inputClass}>
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

/** A date problem the server page found in the address, as the field says it. */
function dateProblem(locale: Locale, problem: 'invalid' | 'order' | undefined): string | undefined {
  if (problem === 'invalid') return dateInvalidMessage(locale);
  return problem === 'order' ? translateAdminShell(locale, 'date.order') : undefined;
}

/**
 * The search box and filters of a list; applied on submit, so typing does not fire a search per key. The dates are
 * typed in the page's format (DateField) and read when the search is submitted: one that is not a date, or a range
 * that ends before it starts, is said at the field (which gets the focus) and nothing is searched.
 *
 * A plain GET form to the page itself, so it works without JavaScript: the server page reads the same fields strictly
 * (lib/admin/record-query.ts) and passes back what it found wrong (`start`). With JavaScript the submit is taken over
 * and the list asks the API, from the admin's own midnight. Clear submits an empty form of its own.
 */
export function RecordFiltersForm({
  kind,
  value,
  onApply,
  start,
}: {
  kind: RecordKind;
  value: RecordFilters;
  onApply: (filters: RecordFilters) => void;
  /** The dates as the address typed them and what was wrong with them (the server page's reading). */
  start?: Pick<RecordPageParams, 'typed' | 'dateErrors'>;
}) {
  const t = useRecordsT();
  const locale = useLocale();
  const timeZone = useAdminTimeZone();
  const id = useId();
  const action = `/admin/${kind}`;
  const [draft, setDraft] = useState(value);
  const [dates, setDates] = useState({
    from: start?.dateErrors.from ? start.typed.from : formatDateInput(locale, value.from),
    to: start?.dateErrors.to ? start.typed.to : formatDateInput(locale, value.to),
  });
  const [errors, setErrors] = useState<{ from?: string; to?: string }>(() => ({ from: dateProblem(locale, start?.dateErrors.from), to: dateProblem(locale, start?.dateErrors.to) }));
  const fromRef = useRef<HTMLInputElement>(null);
  const toRef = useRef<HTMLInputElement>(null);
  const set = (field: keyof RecordFilters) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const from = parseDateInput(locale, dates.from);
    const to = parseDateInput(locale, dates.to);
    const found: { from?: string; to?: string } = {};
    if (from.kind === 'invalid') found.from = dateInvalidMessage(locale);
    if (to.kind === 'invalid') found.to = dateInvalidMessage(locale);
    else if (from.kind === 'date' && to.kind === 'date' && from.iso > to.iso) found.to = translateAdminShell(locale, 'date.order');
    setErrors(found);
    if (found.from || found.to) {
      (found.from ? fromRef : toRef).current?.focus();
      return;
    }
    const next = { ...draft, from: from.kind === 'date' ? from.iso : '', to: to.kind === 'date' ? to.iso : '' };
    setDraft(next);
    onApply(next);
  };

  return (
    <>
      <form method="get" action={action} role="search" aria-label={t('records.filters.label')} onSubmit={submit} noValidate className="grid gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-6">
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-q`} className={LABEL}>
            {t('records.filters.q')}
          </label>
          <input id={`${id}-q`} name="q" type="search" value={draft.q} onChange={set('q')} placeholder={t('records.filters.qPlaceholder')} maxLength={200} className={inputClass} />
        </div>
        <Choice
          id={`${id}-stage`}
          name="stage"
          label={t('records.filters.stage')}
          value={draft.stage}
          onChange={set('stage')}
          any={t('records.filters.anyStage')}
          options={STAGES.map((stage) => [stage, t(`records.stage.${stage}`)])}
        />
        {kind === 'leads' ? (
          <Choice
            id={`${id}-status`}
            name="status"
            label={t('records.filters.status')}
            value={draft.status}
            onChange={set('status')}
            any={t('records.filters.anyStatus')}
            options={LEAD_STATUSES.map((status) => [status, t(`records.status.${status}`)])}
          />
        ) : null}
        <DateField
          ref={fromRef}
          id={`${id}-from`}
          name="from"
          label={t('records.filters.from')}
          value={dates.from}
          onChange={(text) => setDates({ ...dates, from: text })}
          error={errors.from}
          labelClassName={LABEL}
          inputClassName={inputClass}
        />
        <DateField
          ref={toRef}
          id={`${id}-to`}
          name="to"
          label={t('records.filters.to')}
          value={dates.to}
          onChange={(text) => setDates({ ...dates, to: text })}
          error={errors.to}
          labelClassName={LABEL}
          inputClassName={inputClass}
        />
        {/* Which days the dates mean: the admin's, in the zone the list reads them in (the zone's name read left to right). */}
        <p className="text-xs text-slate-600 sm:col-span-2 lg:col-span-6">
          {translateAdminShell(locale, 'date.zone', { zone: RTL_LOCALES.has(locale) ? `\u2066${timeZone}\u2069` : timeZone })}
        </p>
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-6">
          <button type="submit" className={buttonClass('primary')}>
            {t('records.filters.apply')}
          </button>
          {/* Submits the empty form below: the list unfiltered, with or without JavaScript. */}
          <button
            type="submit"
            form={`${id}-clear`}
            className={buttonClass('secondary')}
            onClick={(event) => {
              event.preventDefault();
              setDraft(NO_FILTERS);
              setDates({ from: '', to: '' });
              setErrors({});
              onApply(NO_FILTERS);
            }}
          >
            {t('records.filters.clear')}
          </button>
        </div>
      </form>
      <form id={`${id}-clear`} method="get" action={action} hidden />
    </>
  );
}
