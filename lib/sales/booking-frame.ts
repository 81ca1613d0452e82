import { messagesFor, type MessageKey } from '@/lib/i18n';
import { en } from '@/lib/i18n/catalogues/en';
import { formatMessage } from '@/lib/i18n/plural';
import type { SalesLocale } from '@/lib/sales/turn-state';
import type { BookingFrameKey, SalesDataParts } from '@/lib/sales/ui-message';

/**
 * The booking card's own words (its heading, the line under it, the calendar link, and what it says once the meeting
 * is moved or cancelled later), worded on the server in the reply's language: the card sits under a Spanish reply on
 * the English page, so it reads in Spanish, like its time and the invite it offers. The same choice of keys as the card
 * makes for a part without them (components/chat/sales-parts.tsx). Server-only (every catalogue), as lead-note.ts.
 */
export function bookingFrame(locale: SalesLocale, booking: Omit<SalesDataParts['booking'], 'lang' | 'text'>): Partial<Record<BookingFrameKey, string>> {
  const t = (key: BookingFrameKey & MessageKey, vars?: Record<string, string | number>) => formatMessage(locale, messagesFor(locale)[key] ?? en[key], vars);
  // (What the card says when a later turn moves, corrects or cancels this meeting.)
  const superseded = {
    'sales.booking.superseded': t('sales.booking.superseded'),
    'sales.booking.supersededUpdated': t('sales.booking.supersededUpdated'),
    'sales.booking.supersededCancelled': t('sales.booking.supersededCancelled'),
  };
  if (booking.cancelled) {
    return {
      ...superseded,
      'sales.booking.cancelledTitle': t('sales.booking.cancelledTitle'),
      [booking.emailed ? 'sales.booking.cancelledEmailed' : 'sales.booking.cancelledNoEmail']: t(booking.emailed ? 'sales.booking.cancelledEmailed' : 'sales.booking.cancelledNoEmail', { email: booking.email }),
      'sales.booking.cancelDownload': t('sales.booking.cancelDownload'),
    };
  }
  const title: BookingFrameKey = booking.movedFrom ? 'sales.booking.movedTitle' : booking.previousEmail ? 'sales.booking.updatedTitle' : 'sales.booking.title';
  const when: BookingFrameKey = booking.emailed ? 'sales.booking.when' : 'sales.booking.whenNoEmail';
  return {
    [title]: t(title),
    [when]: t(when, { when: booking.localLabel, email: booking.email }),
    ...(booking.movedFrom ? { 'sales.booking.movedFrom': t('sales.booking.movedFrom', { when: booking.movedFrom }) } : {}),
    ...(booking.previousEmail ? { 'sales.booking.previousEmail': t('sales.booking.previousEmail', { email: booking.previousEmail }) } : {}),
    'sales.booking.download': t('sales.booking.download'),
    ...superseded,
  };
}
