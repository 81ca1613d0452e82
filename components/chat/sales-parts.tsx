import type { BookingFrameKey, SalesDataParts } from '@/lib/chat/messages';
import { localeDirection, type TranslationVars } from '@/lib/i18n/locales';
import { useT } from '@/lib/i18n/provider';
import { textDirection } from '@/lib/i18n/text-direction';
import { BidiText } from './bidi-text';

/** "Got it — we'll email you at …": confirms what the agent has just recorded about the prospect. */
export function LeadConfirmation({ lead }: { lead: SalesDataParts['lead'] }) {
  const t = useT();
  const { values } = lead;
  const details = [
    values.name ? String(values.name) : null,
    values.company ? String(values.company) : null,
    values.teamSize ? t('sales.lead.teamSize', { count: values.teamSize }) : null,
  ].filter((item): item is string => Boolean(item));
  // (The server words it in the reply's language, which may not be the page's: lib/sales/lead-note.ts.)
  const worded = values.email
    ? t('sales.lead.email', { email: String(values.email) })
    : details.length > 0
      ? t('sales.lead.noted', { details: details.join(', ') })
      : null;
  const text = lead.note ?? worded;
  if (!text) return null;
  return (
    <p data-testid="lead-confirmation" lang={lead.note ? lead.lang : undefined} dir={lead.note ? 'auto' : undefined} className="mt-1 rounded-md bg-emerald-50 px-2 py-1 text-xs text-emerald-900 ring-1 ring-emerald-200">
      <BidiText text={text} dir={lead.note ? textDirection(text) : undefined} />
    </p>
  );
}

/**
 * A booked demo with its calendar invite. `superseded`: the meeting was moved (true) or cancelled ('cancelled') later in
 * the conversation; this card says so and no longer offers its (outdated) invite. A cancellation's own card
 * (`booking.cancelled`) offers the calendar update that removes the meeting.
 */
export function BookingCard({ booking, superseded = false }: { booking: SalesDataParts['booking']; superseded?: boolean | 'cancelled' | 'updated' }) {
  const page = useT();
  // The card in the reply's language, worded by the server (lib/sales/booking-frame.ts), which may not be the page's;
  // the page's words for a part without them.
  const t = (key: BookingFrameKey, vars?: TranslationVars) => booking.text?.[key] ?? page(key, vars);
  const language = booking.text && booking.lang ? { lang: booking.lang, dir: localeDirection(booking.lang) } : {};
  // Its times and addresses in their own order on a right-to-left card.
  const line = (text: string) => <BidiText text={text} dir={language.dir} />;
  if (superseded) {
    return (
      <div data-testid="booking-card" data-superseded="true" {...language} className="mt-2 rounded-lg bg-slate-50 px-3 py-2 text-xs text-slate-700 ring-1 ring-slate-200">
        <p className="font-semibold">
          {t(superseded === 'cancelled' ? 'sales.booking.supersededCancelled' : superseded === 'updated' ? 'sales.booking.supersededUpdated' : 'sales.booking.superseded')}
        </p>
        <p className="mt-0.5 line-through">{line(booking.localLabel)}</p>
      </div>
    );
  }
  const download = (label: string) => (
    <a
      className="mt-1 inline-block font-semibold text-brand-700 underline focus-visible:outline-2 focus-visible:outline-brand-600"
      href={`data:text/calendar;charset=utf-8,${encodeURIComponent(booking.ics)}`}
      download={`northwind-demo-${booking.id}${booking.cancelled ? '-cancelled' : ''}.ics`}
      data-testid="booking-ics"
    >
      {label}
    </a>
  );
  if (booking.cancelled) {
    return (
      <div data-testid="booking-card" data-cancelled="true" {...language} className="mt-2 rounded-lg bg-slate-50 px-3 py-2 text-xs text-slate-800 ring-1 ring-slate-300">
        <p className="font-semibold">{t('sales.booking.cancelledTitle')}</p>
        <p className="mt-0.5">
          <del>{line(booking.localLabel)}</del>
        </p>
        <p className="mt-0.5 text-slate-600">{line(t(booking.emailed ? 'sales.booking.cancelledEmailed' : 'sales.booking.cancelledNoEmail', { email: booking.email }))}</p>
        {download(t('sales.booking.cancelDownload'))}
      </div>
    );
  }
  return (
    <div data-testid="booking-card" {...language} className="mt-2 rounded-lg bg-brand-50 px-3 py-2 text-xs text-slate-900 ring-1 ring-brand-100">
      <p className="font-semibold">{t(booking.movedFrom ? 'sales.booking.movedTitle' : booking.previousEmail ? 'sales.booking.updatedTitle' : 'sales.booking.title')}</p>
      <p className="mt-0.5">{line(t(booking.emailed ? 'sales.booking.when' : 'sales.booking.whenNoEmail', { when: booking.localLabel, email: booking.email }))}</p>
      {booking.movedFrom ? <p className="mt-0.5 text-slate-600">{line(t('sales.booking.movedFrom', { when: booking.movedFrom }))}</p> : null}
      {booking.previousEmail ? <p className="mt-0.5 text-slate-600">{line(t('sales.booking.previousEmail', { email: booking.previousEmail }))}</p> : null}
      {download(t('sales.booking.download'))}
    </div>
  );
}

export function HandoffNotice({ handoff }: { handoff: SalesDataParts['handoff'] }) {
  const t = useT();
  return (
    <p data-testid="handoff-notice" className="mt-1 rounded-md bg-slate-100 px-2 py-1 text-xs text-slate-800">
      <BidiText text={handoff.email ? t('sales.handoff.withEmail', { email: handoff.email }) : t('sales.handoff.noEmail')} />
    </p>
  );
}

/** The knowledge passages the answer was grounded on. */
export function SourceList({ titles }: { titles: string[] }) {
  const t = useT();
  if (titles.length === 0) return null;
  return (
    <p data-testid="answer-sources" className="mt-1 text-[0.7rem] text-slate-500">
      {t('sales.sources', { titles: titles.join(' · ') })}
    </p>
  );
}
