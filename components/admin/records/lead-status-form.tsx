'use client';

import { useId, useState, type FormEvent } from 'react';
import { leadStatusFormAction, type LeadChangeOutcome } from '@/lib/admin/lead-change';
import { LEAD_STATUSES } from '@/lib/admin/records-types';
import { busyProps, useBusy } from '@/components/admin/shell/use-busy';
import { buttonClass, inputClass } from '@/components/admin/webhooks/styles';
import { problemText } from '@/components/admin/shell/problem-text';
import type { Locale } from '@/lib/i18n/locales';
import { useLocale } from '@/lib/i18n/provider';
import { ApiError, callApi, recordUrl, type LeadDetail, type LeadStatus } from './api';
import type { RecordsTranslate } from '@/lib/i18n/records';
import { useDateTime, useRecordsT } from './use-records-t';

/** What the form's post without JavaScript came back saying (the lead page's `?change=`), as the form says it. */
function outcomeMessage(t: RecordsTranslate, locale: Locale, outcome: LeadChangeOutcome): { text: string; ok: boolean } {
  if (outcome === 'saved') return { text: t('records.statusForm.saved'), ok: true };
  const reason =
    outcome === 'invalid' ? t('records.statusForm.invalid') : outcome === 'missing' ? t('records.notFound') : problemText(locale, outcome === 'forbidden' ? 403 : 503);
  return { text: t('records.statusForm.failed', { message: reason }), ok: false };
}

/**
 * Marks a lead new / contacted / qualified / lost with a note, and shows every change so far. A viewer (`canWrite`
 * false: the API would refuse the change) sees the status and its history with a note instead of the form. Without
 * JavaScript the form posts itself (app/api/v1/admin/leads/[id]/status) and the page comes back with `outcome`.
 */
export function LeadStatusForm({
  lead,
  onSaved,
  canWrite,
  outcome,
}: {
  lead: LeadDetail;
  onSaved: (lead: LeadDetail) => void;
  canWrite: boolean;
  outcome?: LeadChangeOutcome;
}) {
  const t = useRecordsT();
  const locale = useLocale();
  const when = useDateTime();
  const id = useId();
  const [status, setStatus] = useState<LeadStatus>(lead.status);
  const [note, setNote] = useState('');
  const { busy, run } = useBusy();
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(() => (outcome ? outcomeMessage(t, locale, outcome) : null));

  // The Save button stays focusable while it saves (see useBusy), so a keyboard user is still on it afterwards.
  const save = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      setMessage(null);
      try {
        const saved = await callApi<LeadDetail>(recordUrl('leads', lead.id), { method: 'PATCH', body: { status, note } });
        setNote('');
        setMessage({ text: t('records.statusForm.saved'), ok: true });
        onSaved(saved);
      } catch (error) {
        setMessage({ text: t('records.statusForm.failed', { message: problemText(locale, error instanceof ApiError ? error.status : undefined) }), ok: false });
      }
    });
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
          {t('records.statusForm.heading')}
        </h2>
        <p className="text-sm text-slate-700">{t('records.statusForm.current', { status: t(`records.status.${lead.status}`) })}</p>
      </div>
      {canWrite ? (
        <form action={leadStatusFormAction(lead.id)} method="post" onSubmit={(event) => void save(event)} className="space-y-3">
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t('records.statusForm.choose')}</legend>
            <div className="mt-2 flex flex-wrap gap-2">
              {LEAD_STATUSES.map((option) => (
                <label
                  key={option}
                  className={`cursor-pointer rounded-lg px-3 py-1.5 text-sm font-medium ring-1 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${
                    status === option ? 'bg-brand-600 text-white ring-brand-600' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'
                  }`}
                >
                  <input type="radio" name="status" value={option} checked={status === option} onChange={() => setStatus(option)} className="sr-only" />
                  {t(`records.status.${option}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor={`${id}-note`} className="block text-sm font-medium text-slate-800">
              {t('records.statusForm.note')}
            </label>
            <textarea
              id={`${id}-note`}
              name="note"
              value={note}
              onChange={(event) => setNote(event.target.value)}
              placeholder={t('records.statusForm.notePlaceholder')}
              maxLength={2_000}
              rows={3}
              className={inputClass}
            />
          </div>
          <div className="flex items-center gap-3">
            <button type="submit" className={buttonClass('primary')} {...busyProps(busy)}>
              {busy ? t('records.statusForm.saving') : t('records.statusForm.save')}
            </button>
            <p role="status" className={`text-sm ${message?.ok === false ? 'text-red-700' : 'text-emerald-700'}`}>
              {message?.text}
            </p>
          </div>
        </form>
      ) : (
        <>
          {/* A viewer's post (from a page opened while they were an admin) comes back refused: said here too. */}
          {message ? (
            <p role="status" className={`text-sm ${message.ok ? 'text-emerald-700' : 'text-red-700'}`}>
              {message.text}
            </p>
          ) : null}
          <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t('records.statusForm.viewerNote')}</p>
        </>
      )}
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{t('records.statusForm.history')}</h3>
        {lead.history.length === 0 ? <p className="mt-1 text-sm text-slate-600">{t('records.statusForm.noHistory')}</p> : null}
        <ol className="mt-2 space-y-2">
          {lead.history.map((change) => (
            <li key={`${change.at}-${change.status}`} className="text-sm text-slate-800">
              <p className="font-medium">{t('records.statusForm.change', { status: t(`records.status.${change.status}`), by: change.by, when: when(change.at) })}</p>
              {change.note ? <p dir="auto" className="whitespace-pre-wrap wrap-anywhere text-slate-700">{change.note}</p> : null}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
