import { render, screen } from '@testing-library/react';
import { MessageList } from '@/components/chat/message-list';
import { BookingCard } from '@/components/chat/sales-parts';
import type { SalesUIMessage } from '@/lib/sales/ui-message';
import type { SalesDataParts } from '@/lib/sales/ui-message';
import { ar } from '@/lib/i18n/catalogues/ar';
import { en } from '@/lib/i18n/catalogues/en';
import { I18nProvider } from '@/lib/i18n/provider';

const booking = (emailed: boolean): SalesDataParts['booking'] => ({
  id: 'bk_1',
  email: 'ana@acme.com',
  localLabel: 'Fri, Nov 27, 11:00 AM (Europe/Madrid)',
  start: '2026-11-27T10:00:00.000Z',
  ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
  emailed,
});

function renderCard(emailed: boolean, locale: 'en' | 'es' = 'en') {
  return render(
    <I18nProvider locale={locale}>
      <BookingCard booking={booking(emailed)} />
    </I18nProvider>,
  );
}

describe('a moved meeting', () => {
  it('the new card says it moved and from when; the old one says it was moved, struck through, with no invite', () => {
    const { unmount } = render(
      <I18nProvider locale="en">
        <BookingCard booking={{ ...booking(false), movedFrom: 'Thu, Nov 26, 4:00 PM (Europe/Madrid)' }} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('booking-card')).toHaveTextContent('Demo moved');
    expect(screen.getByTestId('booking-card')).toHaveTextContent('Was Thu, Nov 26, 4:00 PM (Europe/Madrid)');
    expect(screen.getByRole('link', { name: 'Add to calendar (.ics)' })).toBeInTheDocument();
    unmount();
    render(
      <I18nProvider locale="es">
        <BookingCard booking={booking(false)} superseded />
      </I18nProvider>,
    );
    expect(screen.getByTestId('booking-card')).toHaveAttribute('data-superseded', 'true');
    expect(screen.getByTestId('booking-card')).toHaveTextContent('Cambiada a una nueva hora (ver abajo)');
    expect(screen.queryByRole('link')).toBeNull();
  });
});

describe('the conversation with a meeting booked, then moved', () => {
  it('shows the first card as moved (no invite) and the second with the new time and its invite', () => {
    const first = booking(false);
    const moved = { ...first, start: '2026-11-30T09:00:00.000Z', localLabel: 'Mon, Nov 30, 10:00 AM (Europe/Madrid)', movedFrom: first.localLabel };
    const reply = (id: string, data: SalesDataParts['booking']): SalesUIMessage => ({ id, role: 'assistant', parts: [{ type: 'data-booking', data }, { type: 'text', text: 'Done.' }] });
    render(
      <I18nProvider locale="en">
        <MessageList messages={[reply('a1', first), { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Monday at 10?' }] }, reply('a2', moved)]} busy={false} />
      </I18nProvider>,
    );
    const cards = screen.getAllByTestId('booking-card');
    expect(cards).toHaveLength(2);
    expect(cards[0]).toHaveAttribute('data-superseded', 'true');
    expect(cards[0]).toHaveTextContent('Moved to a new time (see below)');
    expect(cards[1]).toHaveTextContent('Demo moved');
    expect(cards[1]).toHaveTextContent('Mon, Nov 30, 10:00 AM (Europe/Madrid)');
    expect(screen.getAllByRole('link', { name: 'Add to calendar (.ics)' })).toHaveLength(1);
  });
});

describe('the conversation with a meeting booked, then its address corrected', () => {
  it('shows the first card as updated (no invite) and the second for the new address, saying which it was for', () => {
    const first = booking(false);
    const corrected = { ...first, email: 'ana.r@acme.com', previousEmail: first.email };
    const reply = (id: string, data: SalesDataParts['booking']): SalesUIMessage => ({ id, role: 'assistant', parts: [{ type: 'data-booking', data }, { type: 'text', text: 'Done.' }] });
    render(
      <I18nProvider locale="en">
        <MessageList messages={[reply('a1', first), { id: 'u1', role: 'user', parts: [{ type: 'text', text: "sorry, it's ana.r@acme.com" }] }, reply('a2', corrected)]} busy={false} />
      </I18nProvider>,
    );
    const cards = screen.getAllByTestId('booking-card');
    expect(cards[0]).toHaveAttribute('data-superseded', 'true');
    expect(cards[0]).toHaveTextContent('Updated (see below)');
    expect(cards[1]).toHaveTextContent('Demo updated');
    expect(cards[1]).toHaveTextContent('ana.r@acme.com');
    expect(cards[1]).toHaveTextContent(`Was for ${first.email}`);
    expect(screen.getAllByRole('link', { name: 'Add to calendar (.ics)' })).toHaveLength(1);
  });
});

describe('the conversation with a meeting booked, then cancelled', () => {
  it('shows the first card as cancelled (no invite) and the cancellation card with the calendar update that removes it', () => {
    const first = booking(false);
    const cancelled: SalesDataParts['booking'] = { ...first, ics: 'BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n', cancelled: true };
    const reply = (id: string, data: SalesDataParts['booking']): SalesUIMessage => ({ id, role: 'assistant', parts: [{ type: 'data-booking', data }, { type: 'text', text: 'Done.' }] });
    render(
      <I18nProvider locale="en">
        <MessageList messages={[reply('a1', first), { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'cancel it please' }] }, reply('a2', cancelled)]} busy={false} />
      </I18nProvider>,
    );
    const cards = screen.getAllByTestId('booking-card');
    expect(cards).toHaveLength(2);
    expect(cards[0]).toHaveAttribute('data-superseded', 'true');
    expect(cards[0]).toHaveTextContent('Cancelled (see below)');
    expect(cards[1]).toHaveAttribute('data-cancelled', 'true');
    expect(cards[1]).toHaveTextContent('Demo cancelled');
    expect(cards[1]).toHaveTextContent('If you added it to your calendar, this update removes it:');
    // The label is struck through (a <del>), and the one link left is the cancellation.
    expect(cards[1]!.querySelector('del')).toHaveTextContent('Fri, Nov 27, 11:00 AM (Europe/Madrid)');
    expect(screen.queryByRole('link', { name: 'Add to calendar (.ics)' })).toBeNull();
    const remove = screen.getByRole('link', { name: 'Remove from calendar (.ics)' });
    expect(remove).toHaveAttribute('download', 'northwind-demo-bk_1-cancelled.ics');
    expect(decodeURIComponent(remove.getAttribute('href') ?? '')).toContain('METHOD:CANCEL');
  });

  it('with e-mailed invites, says the cancellation is on its way (and in Arabic)', () => {
    const { unmount } = render(
      <I18nProvider locale="en">
        <BookingCard booking={{ ...booking(true), cancelled: true }} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('booking-card')).toHaveTextContent('A cancellation is on its way to ana@acme.com.');
    unmount();
    render(
      <I18nProvider locale="ar" messages={{ ...en, ...ar }}>
        <BookingCard booking={{ ...booking(true), cancelled: true }} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('booking-card')).toHaveTextContent('أُلغي العرض التوضيحي');
    expect(screen.getByRole('link', { name: 'إزالة من التقويم (.ics)' })).toBeInTheDocument();
  });
});

describe('BookingCard says whether the invite was e-mailed', () => {
  it('with e-mailed invites: "invite sent to"', () => {
    renderCard(true);
    expect(screen.getByTestId('booking-card')).toHaveTextContent('Fri, Nov 27, 11:00 AM (Europe/Madrid) · invite sent to ana@acme.com');
    expect(screen.getByRole('link', { name: 'Add to calendar (.ics)' })).toHaveAttribute('download', 'northwind-demo-bk_1.ics');
  });

  it('without: no e-mail is claimed, the download below is the invite (en + es)', () => {
    const { unmount } = renderCard(false);
    const card = screen.getByTestId('booking-card');
    expect(card).not.toHaveTextContent(/invite sent/);
    expect(card).toHaveTextContent('Fri, Nov 27, 11:00 AM (Europe/Madrid) · for ana@acme.com · no invite is e-mailed: add it to your calendar below');
    expect(screen.getByRole('link', { name: 'Add to calendar (.ics)' })).toBeInTheDocument();
    unmount();
    renderCard(false, 'es');
    expect(screen.getByTestId('booking-card')).not.toHaveTextContent(/invitación enviada/);
    expect(screen.getByTestId('booking-card')).toHaveTextContent('no se envía invitación por correo');
  });
});
