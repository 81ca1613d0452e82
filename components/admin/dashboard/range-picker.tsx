'use client';

import { useId, useState, type FormEvent } from 'react';
import { RANGE_PRESETS } from '@/lib/analytics/report';
import type { RangeChoice } from './use-metrics';
import { useDashboardT } from './use-dashboard-t';

const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Presets as a radio group of buttons, or two dates (UTC days, the end included). */
export function RangePicker({ value, onChange }: { value: RangeChoice; onChange: (choice: RangeChoice) => void }) {
  const t = useDashboardT();
  const id = useId();
  const [from, setFrom] = useState(value.kind === 'custom' ? value.from : daysAgo(13));
  const [to, setTo] = useState(value.kind === 'custom' ? value.to : today());
  const [customOpen, setCustomOpen] = useState(value.kind === 'custom');
  const invalid = !from || !to || from > to;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) onChange({ kind: 'custom', from, to });
  };
  const button = (selected: boolean) =>
    `rounded-lg px-3 py-1.5 text-sm font-medium ${focusRing} ${
      selected ? 'bg-brand-600 text-white shadow-sm' : 'bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50'
    }`;

  return (
    <div className="flex flex-wrap items-end gap-3">
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="sr-only">{t('range.label')}</legend>
        {RANGE_PRESETS.map((preset) => {
          const selected = value.kind === 'preset' && value.preset === preset;
          return (
            <button
              key={preset}
              type="button"
              aria-pressed={selected}
              className={button(selected)}
              onClick={() => {
                setCustomOpen(false);
                onChange({ kind: 'preset', preset });
              }}
            >
              {t(`range.${preset}` as const)}
            </button>
          );
        })}
        <button type="button" aria-pressed={value.kind === 'custom'} aria-expanded={customOpen} aria-controls={`${id}-custom`} className={button(value.kind === 'custom')} onClick={() => setCustomOpen((open) => !open)}>
          {t('range.custom')}
        </button>
      </fieldset>
      {customOpen ? (
        <form id={`${id}-custom`} onSubmit={apply} className="flex flex-wrap items-end gap-2" noValidate>
          <label className="flex flex-col text-xs font-medium text-slate-600">
            {t('range.from')}
            <input type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} className={`mt-1 rounded-lg border border-slate-300 px-2 py-1 text-sm text-slate-900 ${focusRing}`} aria-invalid={invalid} aria-describedby={invalid ? `${id}-invalid` : undefined} />
          </label>
          <label className="flex flex-col text-xs font-medium text-slate-600">
            {t('range.to')}
            <input type="date" value={to} min={from || undefined} max={today()} onChange={(e) => setTo(e.target.value)} className={`mt-1 rounded-lg border border-slate-300 px-2 py-1 text-sm text-slate-900 ${focusRing}`} aria-invalid={invalid} aria-describedby={invalid ? `${id}-invalid` : undefined} />
          </label>
          <button type="submit" disabled={invalid} className={`${button(false)} disabled:cursor-not-allowed disabled:opacity-50`}>
            {t('range.apply')}
          </button>
          {invalid ? (
            <p id={`${id}-invalid`} role="alert" className="w-full text-sm text-red-700">
              {t('range.invalid')}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
