import type { OfflineTurn } from '@/lib/llm/offline/context';
import { createBooking, DAYPART, formatLocalDay, formatLocalHour, formatLocalLabel, parseMeetingPhrases, readsInLocale, type AdjustReason } from '@/lib/sales/booking';
import { LOCALES } from '@/lib/i18n/locales';
import { questionSentences } from '@/lib/sales/asked-questions';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import type { SalesLocale } from '@/lib/sales/turn-state';
import { SALES_ASK_PHRASES } from '@/lib/llm/offline/phrases-sales-asks';
import { PHRASES } from '@/lib/llm/offline/phrases';
import { pickFresh } from '@/lib/llm/offline/variety';
import { calendarCased } from '@/lib/llm/offline/calendar-words';

/**
 * A time asked for before the email is given ("can we do a demo on Saturday at 10?", "ok today at 11pm", "yesterday at
 * 3pm"): read now as the booking tool will read it once the email comes (lib/sales/booking.ts createBooking, the same
 * meeting policy of the knowledge base), so a time outside meeting hours, too soon or already passed is said at once,
 * with the nearest slot the tool would book, rather than "noted" and moved in silence a message later.
 */
export interface SlotAhead {
  /** Why the time asked for cannot be had as said: the tool's own reason, or a day or hour already gone. */
  reason: AdjustReason | 'past';
  /** The time as they asked for it, without its leading preposition ("Saturday at 10"). */
  requested: string;
  /** The nearest slot the booking tool would take, as the booking card will label it. */
  slot: string;
}

/**
 * The booking tool's dry run: createBooking needs an address for the invite's id only, and nothing is stored or sent
 * here (the result is read for its slot and reason, then dropped). The address is a reserved example domain's.
 */
const DRY_RUN_EMAIL = 'slot-check@example.com';

/** "on Saturday at 10" → "Saturday at 10": the preposition belongs to the sentence the phrase is set in. */
export function bareTime(phrase: string, locale: SalesLocale): string {
  const lead = { en: /^(?:on|at|for)\s+/i, es: /^(?:el|para el)\s+/i, fr: /^(?:pour|le)\s+/i, de: /^f(?:ü|u)r\s+/iu, ar: /^في\s+/u }[locale];
  const stripped = phrase.replace(lead, '');
  return stripped.trim() === '' ? phrase : stripped;
}

export function slotAhead(turn: Pick<OfflineTurn, 'now' | 'kb' | 'locale'>, phrase: string | undefined, timezone: string): SlotAhead | undefined {
  if (phrase === undefined || phrase.trim() === '') return undefined;
  const request = { email: DRY_RUN_EMAIL, timezone, now: turn.now, kb: turn.kb, locale: turn.locale } as const;
  const result = createBooking({ ...request, preferredTimes: [phrase] });
  const requested = bareTime(phrase, turn.locale);
  if (result.ok) {
    // Nothing read from their words (requested null) is no time to correct; a time kept as asked needs no word.
    if (result.requested === null || result.adjustedFor === null) return undefined;
    return { reason: result.adjustedFor, requested, slot: result.booking.localLabel };
  }
  if (result.code !== 'past_date') return undefined;
  // A day already gone: the next free slot the tool would give when no time is usable.
  const next = createBooking({ ...request, preferredTimes: [] });
  return next.ok ? { reason: 'past', requested, slot: next.booking.localLabel } : undefined;
}

/** "Monday to Friday", "de lunes a viernes": the knowledge base's working days in the reply's language. */
export function workingDays(kb: KnowledgeBase, locale: SalesLocale): string {
  const days = [...kb.policies.meetings.workingDays].sort((a, b) => a - b);
  // 2026-11-23 was a Monday: ISO weekday n is that date plus n - 1 days.
  const name = (day: number) => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 10, 22 + day)));
  const [first] = days;
  const last = days.at(-1);
  if (first === undefined || last === undefined) return '';
  const contiguous = days.every((day, index) => day === first + index);
  const ph = SALES_ASK_PHRASES[locale];
  return contiguous && days.length > 2 ? ph.dayRange(name(first), name(last)) : ph.dayList(days.map(name));
}

/** "9 AM–5 PM", "09:00–17:00": the knowledge base's meeting hours, in the reply's language's clock. */
export function meetingHours(kb: KnowledgeBase, locale: SalesLocale): string {
  const { start, end } = kb.policies.meetings.workingHours;
  return `${formatLocalHour(start, locale)}–${formatLocalHour(end, locale)}`;
}

/** The reply's line for a time that cannot be had as asked: why, the nearest slot, and the email asked for. */
export function slotAheadLine(turn: Pick<OfflineTurn, 'kb' | 'locale' | 'previousReplies'>, ahead: SlotAhead, instead?: string): string {
  const ph = SALES_ASK_PHRASES[turn.locale];
  // (Asked again for another time, the email is asked in other words: the same question would be dropped as a repeat.)
  // (`instead`: what is asked when the e-mail was declined.)
  const ask = instead ?? pickFresh([ph.slotEmailAsk, ...PHRASES[turn.locale].bookingEmailAgain(undefined)], turn.previousReplies);
  return `${ph.slotAhead(ahead.reason, calendarCased(ahead.requested, turn.locale), ahead.slot, workingDays(turn.kb, turn.locale), meetingHours(turn.kb, turn.locale))} ${ask}`;
}

/** The e-mail named in a question: "email", "correo", "adresse e-mail", "E-Mail-Adresse", "بريد إلكتروني". */
const EMAIL_WORD = /(?<!\p{L})(?:e-?mail|correo|courriel)|بريد/iu;

/**
 * Whether the agent's last reply asked for the e-mail: the question in flight, not asked again in the next reply while
 * the prospect answers its other part (a day, then the hour); asked again once only the e-mail is missing.
 */
export function emailAskedLast(turn: Pick<OfflineTurn, 'previousReplies'>): boolean {
  const last = turn.previousReplies.at(-1);
  return last !== undefined && questionSentences(last).some((question) => EMAIL_WORD.test(question));
}

/**
 * A day with no hour said back in the reply's language: "Thursday" typed in a French booking is "jeudi", "el 3 de
 * diciembre" in an English one "Thu, Dec 3". A phrase the reply's language reads itself ("demain") is kept as typed.
 */
export function dayInReplyLanguage(phrase: string, turn: Pick<OfflineTurn, 'now' | 'locale'>): string {
  const reference = new Date(turn.now);
  if (!dayWithoutHour(phrase, turn) || readsInLocale(phrase, reference, turn.locale)) return phrase;
  const start = parseMeetingPhrases(phrase, reference, { forwardDate: true }, turn.locale)[0]?.start;
  if (!start) return phrase;
  // (The day as chrono read it, set at noon UTC so that no zone moves it to another date.)
  const day = Date.UTC(start.get('year') ?? 0, (start.get('month') ?? 1) - 1, start.get('day') ?? 1, 12);
  if (start.isCertain('day')) return formatLocalDay(day, 'UTC', turn.now, turn.locale);
  return new Intl.DateTimeFormat(turn.locale, { weekday: 'long', timeZone: 'UTC' }).format(day);
}

/** "Thursday", "el 3 de diciembre": a day to meet with no hour and no part of the day (the hour is still to ask). */
export function dayWithoutHour(phrase: string | undefined, turn: Pick<OfflineTurn, 'now' | 'locale'>): boolean {
  if (phrase === undefined || DAYPART.test(phrase)) return false;
  const start = parseMeetingPhrases(phrase, new Date(turn.now), { forwardDate: true }, turn.locale)[0]?.start;
  return start !== undefined && !start.isCertain('hour') && (start.isCertain('weekday') || start.isCertain('day'));
}

/**
 * The booked slot in the language of the reply: a prospect who switched to Spanish in an English chat reads "jueves 26
 * de noviembre", not the English label the tool wrote for the page ("Thu, 26 Nov"). Only a label the tool wrote in
 * one of our languages is rewritten (the year shown or not, as it was).
 */
export function inReplyLanguage(when: string, start: string | undefined, timezone: string, turn: Pick<OfflineTurn, 'locale'>): string {
  const instant = start === undefined ? Number.NaN : Date.parse(start);
  if (!Number.isFinite(instant)) return when;
  const now = /\b\d{4}\b/.test(when) ? instant - 400 * 86_400_000 : instant;
  const labels = LOCALES.map((locale) => formatLocalLabel(instant, timezone, now, locale));
  return labels.includes(when) ? formatLocalLabel(instant, timezone, now, turn.locale) : when;
}
