// Session 29: the booking card's own words (heading, line, calendar link, "moved"/"cancelled") were the page's while
// the reply above it was in the prospect's language. The part now carries them in the reply's `lang`
// (lib/sales/booking-frame.ts); the card uses them, and the page's words only for an older part without them.
import { render, screen, within } from '@testing-library/react';
import { MessageList } from '@/components/chat/message-list';
import { BookingCard } from '@/components/chat/sales-parts';
import { en } from '@/lib/i18n/catalogues/en';
import { fr } from '@/lib/i18n/catalogues/fr';
import { I18nProvider } from '@/lib/i18n/provider';
import { createBooking } from '@/lib/sales/booking';
import { bookingFrame } from '@/lib/sales/booking-frame';
import type { SalesDataParts, SalesUIMessage } from '@/lib/sales/ui-message';
import type { SalesLocale } from '@/lib/sales/turn-state';

const NOW = Date.parse('2026-11-24T12:00:00Z');

/** The part the book_meeting tool streams for a reply in `locale` (its label and words in that language). */
function bookedPart(locale: SalesLocale, when = '2026-12-01 14:30', extra: Partial<SalesDataParts['booking']> = {}): SalesDataParts['booking'] {
  const result = createBooking({ email: 'ana@acme.com', preferredTimes: [when], timezone: 'Europe/Madrid', now: NOW, locale });
  if (!result.ok) throw new Error(result.message);
  const { id, email, localLabel, start, ics } = result.booking;
  const data = { id, email, localLabel, start, ics, emailed: false, ...extra };
  return { ...data, lang: locale, text: bookingFrame(locale, data) };
}

describe('the booking card in the reply language, whatever the page', () => {
  it('a Spanish reply on the English page: its heading, line and link in Spanish, marked lang="es"', () => {
    render(
      <I18nProvider locale="en" messages={en}>
        <BookingCard booking={bookedPart('es')} />
      </I18nProvider>,
    );
    const card = screen.getByTestId('booking-card');
    expect(card).toHaveAttribute('lang', 'es');
    expect(card).toHaveAttribute('dir', 'ltr');
    expect(card).toHaveTextContent('Demo reservada');
    expect(card).toHaveTextContent('martes, 1 de diciembre, 14:30 (Europe/Madrid) · a nombre de ana@acme.com');
    expect(card).not.toHaveTextContent('Demo booked');
    expect(within(card).getByRole('link', { name: 'Añadir al calendario (.ics)' })).toHaveAttribute('download');
  });

  it('an Arabic cancellation on the French page: right to left, its link named in Arabic', () => {
    render(
      <I18nProvider locale="fr" messages={{ ...en, ...fr }}>
        <BookingCard booking={bookedPart('ar', '2026-12-01 14:30', { cancelled: true })} />
      </I18nProvider>,
    );
    const card = screen.getByTestId('booking-card');
    expect(card).toHaveAttribute('lang', 'ar');
    expect(card).toHaveAttribute('dir', 'rtl');
    expect(card).toHaveTextContent('أُلغي العرض التوضيحي');
    expect(card).not.toHaveTextContent(fr['sales.booking.cancelledTitle']!);
    expect(within(card).getByRole('link', { name: 'إزالة من التقويم (.ics)' })).toBeInTheDocument();
  });

  it('a Spanish meeting moved later in an English conversation: the old card says so in Spanish, the new one in English', () => {
    const first = bookedPart('es');
    const moved = bookedPart('en', '2026-12-02 10:00', { movedFrom: first.localLabel });
    const reply = (id: string, data: SalesDataParts['booking']): SalesUIMessage => ({ id, role: 'assistant', parts: [{ type: 'data-booking', data }, { type: 'text', text: '…' }] });
    render(
      <I18nProvider locale="en" messages={en}>
        <MessageList messages={[reply('a1', first), { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Wednesday at 10am?' }] }, reply('a2', { ...moved, id: first.id })]} busy={false} />
      </I18nProvider>,
    );
    const [old, current] = screen.getAllByTestId('booking-card');
    expect(old).toHaveAttribute('data-superseded', 'true');
    expect(old).toHaveAttribute('lang', 'es');
    expect(old).toHaveTextContent('Cambiada a una nueva hora (ver abajo)');
    expect(current).toHaveAttribute('lang', 'en');
    expect(current).toHaveTextContent('Demo moved');
    expect(current).toHaveTextContent('Was martes, 1 de diciembre, 14:30 (Europe/Madrid)');
    expect(current).toHaveTextContent('Wed, Dec 2, 10:00 AM (Europe/Madrid)');
    expect(within(current!).getByRole('link', { name: 'Add to calendar (.ics)' })).toBeInTheDocument();
  });

  it('an older part without its words: the page language, with no lang of its own', () => {
    const { text: _text, lang: _lang, ...older } = bookedPart('es');
    render(
      <I18nProvider locale="en" messages={en}>
        <BookingCard booking={older} />
      </I18nProvider>,
    );
    const card = screen.getByTestId('booking-card');
    expect(card).not.toHaveAttribute('lang');
    expect(card).toHaveTextContent('Demo booked');
    expect(screen.getByRole('link', { name: 'Add to calendar (.ics)' })).toBeInTheDocument();
  });
});
