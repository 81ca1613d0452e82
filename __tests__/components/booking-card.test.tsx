import { render, screen } from '@testing-library/react';
import { BookingCard } from '@/components/chat/sales-parts';
import type { SalesDataParts } from '@/lib/sales/ui-message';
import { I18nProvider } from '@/lib/i18n/provider';

const booking = (emailed: boolean): SalesDataParts['booking'] => ({
  id: 'bk_1',
  email: 'ana@acme.com',
  localLabel: 'Fri, 27 Nov, 11:00 (Europe/Madrid)',
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

describe('BookingCard says whether the invite was e-mailed', () => {
  it('with e-mailed invites: "invite sent to"', () => {
    renderCard(true);
    expect(screen.getByTestId('booking-card')).toHaveTextContent('Fri, 27 Nov, 11:00 (Europe/Madrid) · invite sent to ana@acme.com');
    expect(screen.getByRole('link', { name: 'Add to calendar (.ics)' })).toHaveAttribute('download', 'northwind-demo-bk_1.ics');
  });

  it('without: no e-mail is claimed, the download below is the invite (en + es)', () => {
    const { unmount } = renderCard(false);
    const card = screen.getByTestId('booking-card');
    expect(card).not.toHaveTextContent(/invite sent/);
    expect(card).toHaveTextContent('Fri, 27 Nov, 11:00 (Europe/Madrid) · for ana@acme.com · no invite is e-mailed: add it to your calendar below');
    expect(screen.getByRole('link', { name: 'Add to calendar (.ics)' })).toBeInTheDocument();
    unmount();
    renderCard(false, 'es');
    expect(screen.getByTestId('booking-card')).not.toHaveTextContent(/invitación enviada/);
    expect(screen.getByTestId('booking-card')).toHaveTextContent('no se envía invitación por correo');
  });
});
