'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import { DateField, dateInvalidMessage } from '@/components/admin/shell/date-field';
import { useAdminTimeZone } from '@/components/admin/shell/time-zone';
import type { DashboardPageParams } from '@/lib/admin/dashboard-query';
import { formatDateInput, parseDateInput } from '@/lib/admin/date-input';
import { dayStartAt, isoDayIn } from '@/lib/admin/time-zone';
import { MAX_RANGE_DAYS } from '@/lib/analytics/range';
import { RANGE_PRESETS } from '@/lib/analytics/report';
import type { DashboardTranslate } from '@/lib/i18n/dashboard';
import type { Locale } from '@/lib/i18n/locales';
import { useLocale } from '@/lib/i18n/provider';
import type { RangeChoice } from './use-metrics';
import { useDashboardT } from './use-dashboard-t';

const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';
// The admin's days: the custom range's default dates are their today and the 13 days before it.
const daysAgo = (days: number, timeZone: string) => isoDayIn(dayStartAt(Date.now(), timeZone, -days), timeZone);
const LABEL = 'block text-xs font-medium text-slate-600';
const INPUT = `mt-1 w-32 rounded-lg border border-slate-300 px-2 py-1 text-sm text-slate-900 ${focusRing}`;

/** What the server page found wrong with the address's dates, in words. */
function startErrors(locale: Locale, t: DashboardTranslate, problems: DashboardPageParams['dateErrors'] = {}): { from?: string; to?: string } {
  const from = problems.from === 'invalid' ? dateInvalidMessage(locale) : problems.from === 'future' ? t('range.future') : undefined;
  const to = problems.to === 'invalid' ? dateInvalidMessage(locale) : problems.to === 'tooLong' ? t('range.tooLong', { days: new Intl.NumberFormat(locale).format(MAX_RANGE_DAYS) }) : undefined;
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/**
 * Presets as a radio group of buttons, or two dates (the admin's days, the end included) typed in the page's format
 * (DateField). A start after the end is said as soon as both are dates; a text that is not a date is said when the
 * range is applied, at the field, which gets the focus. The query keeps ISO days (`from=2026-11-20`).
 *
 * Both are plain GET forms to /admin, read by the server page without JavaScript (lib/admin/dashboard-query.ts), which
 * passes back what it found wrong (`start`); with it, they are taken over. The custom form is in the page while closed
 * (hidden): without JavaScript, Custom submits it, showing its default dates with the form open.
 */
export function RangePicker({
  value,
  onChange,
  start,
}: {
  value: RangeChoice;
  onChange: (choice: RangeChoice) => void;
  /** The dates as the address typed them and what was wrong with them (the server page's reading). */
  start?: Pick<DashboardPageParams, 'typed' | 'dateErrors'>;
}) {
  const t = useDashboardT();
  const locale = useLocale();
  const id = useId();
  const timeZone = useAdminTimeZone();
  const [from, setFrom] = useState(() =>
    start?.dateErrors.from === 'invalid' ? start.typed.from : formatDateInput(locale, value.kind === 'custom' && value.from ? value.from : daysAgo(13, timeZone)),
  );
  const [to, setTo] = useState(() =>
    start?.dateErrors.to === 'invalid' ? start.typed.to : formatDateInput(locale, value.kind === 'custom' && value.to ? value.to : daysAgo(0, timeZone)),
  );
  const [errors, setErrors] = useState<{ from?: string; to?: string }>(() => startErrors(locale, t, start?.dateErrors));
  const fromRef = useRef<HTMLInputElement>(null);
  const toRef = useRef<HTMLInputElement>(null);
  const [customOpen, setCustomOpen] = useState(value.kind === 'custom');
  const parsedFrom = parseDateInput(locale, from);
  const parsedTo = parseDateInput(locale, to);
  const invalid = parsedFrom.kind === 'date' && parsedTo.kind === 'date' && parsedFrom.iso > parsedTo.iso;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const found: { from?: string; to?: string } = {};
    if (parsedFrom.kind !== 'date') found.from = dateInvalidMessage(locale);
    if (parsedTo.kind !== 'date') found.to = dateInvalidMessage(locale);
    setErrors(found);
    if (found.from || found.to) {
      (found.from ? fromRef : toRef).current?.focus();
      return;
    }
    if (!invalid && parsedFrom.kind === 'date' && parsedTo.kind === 'date') onChange({ kind: 'custom', from: parsedFrom.iso, to: parsedTo.iso });
  };
  const button = (selected: boolean) =>
    `rounded-lg px-3 py-1.5 text-sm font-medium ${focusRing} ${
      selected ? 'bg-brand-600 text-white shadow-sm' : 'bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50'
    }`;

  return (
    <div className="flex flex-wrap items-end gap-3">
      <form method="get" action="/admin">
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="sr-only">{t('range.label')}</legend>
          {RANGE_PRESETS.map((preset) => {
            const selected = value.kind === 'preset' && value.preset === preset;
            return (
              <button
                key={preset}
                type="submit"
                name="range"
                value={preset}
                aria-pressed={selected}
                className={button(selected)}
                onClick={(event) => {
                  event.preventDefault();
                  setCustomOpen(false);
                  onChange({ kind: 'preset', preset });
                }}
              >
                {t(`range.${preset}` as const)}
              </button>
            );
          })}
          <button
            type="submit"
            form={`${id}-custom`}
            aria-pressed={value.kind === 'custom'}
            aria-expanded={customOpen}
            aria-controls={`${id}-custom`}
            className={button(value.kind === 'custom')}
            onClick={(event) => {
              event.preventDefault();
              setCustomOpen((open) => !open);
            }}
          >
            {t('range.custom')}
          </button>
        </fieldset>
      </form>
      <form id={`${id}-custom`} method="get" action="/admin" onSubmit={apply} hidden={!customOpen} className="flex flex-wrap items-start gap-2" noValidate>
        <DateField
          ref={fromRef}
          id={`${id}-from`}
          name="from"
          label={t('range.from')}
          value={from}
          onChange={(text) => {
            setFrom(text);
            setErrors({ ...errors, from: undefined });
          }}
          error={errors.from}
          labelClassName={LABEL}
          inputClassName={INPUT}
        />
        <DateField
          ref={toRef}
          id={`${id}-to`}
          name="to"
          label={t('range.to')}
          value={to}
          onChange={(text) => {
            setTo(text);
            setErrors({ ...errors, to: undefined });
          }}
          error={errors.to ?? (invalid ? t('range.invalid') : undefined)}
          labelClassName={LABEL}
          inputClassName={INPUT}
        />
        <button type="submit" disabled={invalid} className={`${button(false)} mt-5 disabled:cursor-not-allowed disabled:opacity-50`}>
          {t('range.apply')}
        </button>
      </form>
    </div>
  );
}
