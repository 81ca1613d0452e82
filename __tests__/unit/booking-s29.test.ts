// Session 29 (the booking's presentation): slot labels were 24-hour English in every language ("14:30"); they are
// Intl's words and clock for the reply's language now (English 12-hour, Arabic as the chat's own times), and the
// booking card's part carries its frame's words in the reply's language with that `lang`.
import { dateTimeFormat } from '@/lib/intl-formats';
import { createBooking, formatLocalLabel } from '@/lib/sales/booking';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { emptySalesState } from '@/lib/sales/state';
import { bookMeeting, cancelMeeting } from '@/lib/sales/tools';
import type { SalesTurnContext } from '@/lib/sales/turn-state';

/** Tuesday 1 December 2026, 14:30 in Madrid (13:30 UTC). */
const SLOT = Date.parse('2026-12-01T13:30:00Z');
const NOW = Date.parse('2026-11-24T12:00:00Z');

describe('a slot label in the reply language', () => {
  it('is 12-hour English with AM/PM, and 24-hour with their own date words in Spanish, French and German', () => {
    expect(formatLocalLabel(SLOT, 'Europe/Madrid', NOW, 'en')).toBe('Tue, Dec 1, 2:30 PM (Europe/Madrid)');
    expect(formatLocalLabel(Date.parse('2026-12-01T08:00:00Z'), 'Europe/Madrid', NOW, 'en')).toBe('Tue, Dec 1, 9:00 AM (Europe/Madrid)');
    expect(formatLocalLabel(SLOT, 'Europe/Madrid', NOW, 'es')).toBe('martes, 1 de diciembre, 14:30 (Europe/Madrid)');
    expect(formatLocalLabel(SLOT, 'Europe/Madrid', NOW, 'fr')).toBe('mardi 1er décembre, 14:30 (Europe/Madrid)');
    expect(formatLocalLabel(SLOT, 'Europe/Madrid', NOW, 'de')).toBe('Dienstag, 1. Dezember, 14:30 (Europe/Madrid)');
    // The year only when it is not the current one; the prospect's zone, not the server's.
    expect(formatLocalLabel(Date.parse('2027-01-05T09:00:00Z'), 'Asia/Kolkata', NOW, 'en')).toBe('Tue, Jan 5, 2027, 2:30 PM (Asia/Kolkata)');
    expect(formatLocalLabel(SLOT, 'America/New_York', NOW, 'en')).toBe('Tue, Dec 1, 8:30 AM (America/New_York)');
  });

  it('is Arabic as the chat writes its own message times (the same Intl formatter), with the Arabic comma', () => {
    const label = formatLocalLabel(SLOT, 'Europe/Madrid', NOW, 'ar');
    const time = dateTimeFormat('ar', { timeStyle: 'short', timeZone: 'Europe/Madrid' }).format(SLOT);
    expect(label).toBe(`الثلاثاء، 1 ديسمبر، ${time} (Europe/Madrid)`);
    expect(label).not.toContain('14:30');
    expect(time).toMatch(/م$/u);
  });

  it('is what the booking says: the card, the message for the agent and the invite', () => {
    const result = createBooking({ email: 'ana@acme.com', preferredTimes: ['2026-12-01 14:30'], timezone: 'Europe/Madrid', now: NOW, locale: 'en' });
    if (!result.ok) throw new Error(result.message);
    expect(result.booking.localLabel).toBe('Tue, Dec 1, 2:30 PM (Europe/Madrid)');
    expect(result.message).toContain('Booked for Tue, Dec 1, 2:30 PM (Europe/Madrid)');
    expect(result.booking.ics.replace(/\r\n /g, '')).toContain('Tue\\, Dec 1\\, 2:30 PM (Europe/Madrid)');
  });
});

describe('the booking card part', () => {
  const kb = getKnowledgeBase();
  const context = (locale: SalesTurnContext['locale'], text: string): SalesTurnContext => ({ conversationId: 'c', locale, kb, userMessages: [{ id: 'u1', text }], now: () => NOW, invitesByEmail: false });

  it('carries the reply language and the card words in it (the Spanish reply on any page)', () => {
    const spanish = context('es', 'Reserva una demo el 1 de diciembre a las 14:30, mi correo es ana@acme.com');
    const booked = bookMeeting(emptySalesState(0), spanish, { email: 'ana@acme.com', preferredTimes: ['2026-12-01 14:30'], timezone: 'Europe/Madrid' });
    const event = booked.events[0];
    if (event?.type !== 'data-booking') throw new Error('no booking part');
    expect(event.data.lang).toBe('es');
    expect(event.data.text).toMatchObject({
      'sales.booking.title': 'Demo reservada',
      'sales.booking.whenNoEmail': expect.stringMatching(/^martes, 1 de diciembre, 14:30 \(Europe\/Madrid\) · a nombre de ana@acme\.com · /),
      'sales.booking.download': 'Añadir al calendario (.ics)',
      'sales.booking.superseded': 'Cambiada a una nueva hora (ver abajo)',
    });

    const cancelled = cancelMeeting(booked.state, context('ar', 'ألغِ الموعد من فضلك'));
    const part = cancelled.events[0];
    if (part?.type !== 'data-booking') throw new Error('no cancellation part');
    expect(part.data).toMatchObject({ cancelled: true, lang: 'ar' });
    expect(part.data.text).toMatchObject({ 'sales.booking.cancelledTitle': 'أُلغي العرض التوضيحي', 'sales.booking.cancelDownload': 'إزالة من التقويم (.ics)' });
  });
});
