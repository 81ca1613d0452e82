// chrono-node: the maintained natural-language date parser ("Tuesday at 10am", "next Monday morning", Spanish
// "el martes a las 10" via its `es` locale); writing that grammar by hand would be a project of its own.
import { ar as chronoAr, de as chronoDe, es as chronoEs, fr as chronoFr, parse as parseEnglish, type ParsedResult } from 'chrono-node';
import { z } from 'zod';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import type { KnowledgeBase, MeetingPolicy } from '@/lib/sales/knowledge/schema';
import {
  addDays,
  canonicalTimeZone,
  fromWallClock,
  isoWeekday,
  toWallClock,
  type WallClock,
} from '@/lib/sales/time-zone';
import { buildInvite } from '@/lib/sales/invite';
import type { SalesLocale } from '@/lib/sales/turn-state';
import type { Booking } from '@/lib/sales/types';
import { fnv1a64 } from '@/lib/fnv';
import { dateTimeFormat } from '@/lib/intl-formats';

/**
 * Books a demo call: reads the prospect's preferred times in their own time zone, moves the first usable one into the
 * meeting hours (knowledge base policies.meetings) and the future, and returns the booking with an .ics invite.
 * Pure given `now`: no clock, no storage, no randomness (the id is derived from the inputs). Client-safe.
 */

export interface BookingRequest {
  email: string;
  /** The prospect's own words, in order of preference: "Tuesday at 10am", "tomorrow 3pm", "2026-12-01 10:00". */
  preferredTimes: readonly string[];
  /** IANA zone the prospect is in; empty or omitted means policies.meetings.defaultTimezone. */
  timezone?: string;
  /** Epoch ms the request is made at: every relative time ("tomorrow") is read against it. */
  now: number;
  kb?: KnowledgeBase;
  /** Meetings already booked, so a new one never overlaps them. */
  taken?: readonly Pick<Booking, 'start' | 'durationMinutes'>[];
  /** Whether the invite is e-mailed (`invitesAreEmailed()`): the message promises an e-mail only then. */
  invitesByEmail?: boolean;
  /** The prospect's language: the slot's label (the card, the reply, the invite's description) is written in it. */
  locale?: SalesLocale;
  /** The prospect's upcoming meeting this one moves: it keeps its id (the invite's UID) with the next SEQUENCE. */
  replaces?: Pick<Booking, 'id' | 'localLabel' | 'sequence' | 'start' | 'email'>;
}

export type BookingErrorCode = 'invalid_email' | 'invalid_timezone' | 'invalid_now' | 'no_slot' | 'ambiguous_date' | 'past_date';

export interface BookingOk {
  ok: true;
  booking: Booking;
  /** The preferred time the booking honours (perhaps moved into meeting hours); null when none could be used. */
  requested: string | null;
  /** Whether the start differs from what the prospect asked for (outside hours, too soon, taken, or nothing parsed). */
  adjusted: boolean;
  /** Why it was moved: the first rule the wanted time broke; null when not adjusted or nothing was parsed. */
  adjustedFor: AdjustReason | null;
  /** One sentence for the agent to say. */
  message: string;
}

export interface BookingError {
  ok: false;
  code: BookingErrorCode;
  message: string;
  /** With `ambiguous_date`: the prospect's phrase and the two days it can mean, spelled out, to ask which. */
  ambiguous?: { phrase: string; options: [string, string] };
  /** With `past_date`: the prospect's phrase for a day already gone ("yesterday at 2pm", "November 20"). */
  past?: { phrase: string };
}

const WEEKDAY_NUMBERS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  domingo: 0, lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6,
  dimanche: 0, lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6,
  sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonnabend: 6,
  'الأحد': 0, 'الاحد': 0, 'الاثنين': 1, 'الإثنين': 1, 'الثلاثاء': 2, 'الأربعاء': 3, 'الاربعاء': 3, 'الخميس': 4, 'الجمعة': 5, 'السبت': 6,
};
const DAY_WORD = Object.keys(WEEKDAY_NUMBERS).join('|').replace('miercoles', 'mi[eé]rcoles').replace('sabado', 's[aá]bado');
/** A weekday named in any of the site's languages, or an English one as written short ("Wed", "Thurs"). */
export const DAY_NAME = new RegExp(`(?<![\\p{L}])(?:${DAY_WORD}|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?![\\p{L}])`, 'iu');
/** "next Tuesday", "el próximo martes", "mardi prochain", "nächsten Dienstag", "الثلاثاء القادم". */
const NEXT_WEEKDAY = [
  new RegExp(`\\b(?:next|(?:el\\s+)?pr[oó]ximo|n[aä]chste[nm]?|kommende[nm]?)\\s+(${DAY_WORD})\\b`, 'iu'),
  new RegExp(`\\b(${DAY_WORD})\\s+(?:prochain|qui vient|que viene|pr[oó]ximo)\\b`, 'iu'),
  new RegExp(`(?<![\\p{L}])(?:يوم\\s+)?(${DAY_WORD})\\s+(?:القادم|المقبل)(?![\\p{L}])`, 'u'),
];

/** "Next week", "la semana que viene", "la semaine prochaine", "nächste Woche", "الأسبوع القادم": the week after this one. */
export const NEXT_WEEK = /\b(?:next week|la semana que viene|la pr[oó]xima semana|la semana pr[oó]xima|la semaine prochaine|(?:la )?semaine prochaine|n[aä]chste woche|kommende woche)\b|الأسبوع (?:القادم|المقبل)/iu;

/** The week said beside a weekday, with the word that joins them ("de la semana que viene", "of next week"). */
const WEEK_BESIDE_DAY = new RegExp(`(?:(?<![\\p{L}])(?:de|of|in der|in)\\s+)?(?:${NEXT_WEEK.source})`, 'iu');

/**
 * "El miércoles de la semana que viene a las 10", "nächste Woche Mittwoch um 10", "mercredi de la semaine prochaine à
 * 10h": the week phrase set apart from the day and the hour (the date reader splits the three into phrases it cannot
 * join, and loses the hour). `rest` is the text without it; only when a weekday is named beside it.
 */
export function apartFromNextWeek(text: string): { rest: string; week?: string } {
  const match = DAY_NAME.test(text) ? WEEK_BESIDE_DAY.exec(text) : null;
  if (!match) return { rest: text };
  const week = NEXT_WEEK.exec(match[0])?.[0] ?? match[0];
  return { rest: `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`.replace(/[ \t]{2,}/g, ' ').trim(), week };
}

/**
 * "Next Tuesday" said on a Monday: tomorrow, or the Tuesday of next week? Ambiguous whenever the named day is still
 * ahead in the current week (Monday to Sunday); then both days, spelled out in the prospect's zone. Said on a Friday it
 * can only mean next week's, and an explicit date ("Tuesday 2 December") is never ambiguous.
 */
export function ambiguousDate(text: string, timezone: string, now: number, locale: SalesLocale = 'en'): BookingError['ambiguous'] | undefined {
  const numeric = numericDateReadings(text, timezone, now, locale);
  if (numeric) return numeric;
  const match = NEXT_WEEKDAY.map((pattern) => pattern.exec(text)).find((found) => found !== null);
  if (!match?.[1]) return undefined;
  const target = WEEKDAY_NUMBERS[match[1].toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')] ?? WEEKDAY_NUMBERS[match[1]];
  if (target === undefined || /\b\d{1,2}(?:st|nd|rd|th|\.)?\s+(?:of\s+)?[\p{L}]{3,}|\b\d{4}-\d{2}-\d{2}\b/iu.test(text.replace(match[0], ''))) return undefined;
  const wall = toWallClock(now, timezone);
  const today = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  const mondayBased = (day: number) => (day + 6) % 7;
  const ahead = mondayBased(target) - mondayBased(today);
  if (ahead <= 0) return undefined;
  const day = (offset: number) => dayLabel(addDays(wall, offset), locale);
  return { phrase: match[0], options: [day(ahead), day(ahead + 7)] };
}

/** "3/12", "03/12/2026": a date in numbers, read day first in most of the world and month first in the US. */
const NUMERIC_DATE = /(?<![\d/.:-])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/:])/u;

/**
 * "Demo on 3/12" is 3 December in London and 12 March in New York: when both readings are days ahead (within the
 * coming year), which one is asked, never guessed. ("13/12" and "3/3" can be read one way only.)
 */
function numericDateReadings(text: string, timezone: string, now: number, locale: SalesLocale): BookingError['ambiguous'] | undefined {
  const match = NUMERIC_DATE.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  const [first, second] = [Number(match[1]), Number(match[2])];
  if (first === second || first < 1 || second < 1 || first > 12 || second > 12) return undefined;
  const today = toWallClock(now, timezone);
  const given = match[3] === undefined ? undefined : Number(match[3].length === 2 ? `20${match[3]}` : match[3]);
  // The reading's day in the year given, else the next time it comes (today counts), if within a year.
  const upcoming = (day: number, month: number) => {
    const thisYear = { year: given ?? today.year, month, day };
    const date = given === undefined && compareDates(thisYear, today) < 0 ? { ...thisYear, year: today.year + 1 } : thisYear;
    return compareDates(date, today) >= 0 && compareDates(date, addDays(today, 366)) <= 0 ? date : undefined;
  };
  const dayFirst = upcoming(first, second);
  const monthFirst = upcoming(second, first);
  if (!dayFirst || !monthFirst) return undefined;
  const label = (date: Pick<WallClock, 'year' | 'month' | 'day'>) => dayLabel(date, locale, date.year === today.year ? '' : String(date.year));
  const [soon, later] = compareDates(dayFirst, monthFirst) <= 0 ? [dayFirst, monthFirst] : [monthFirst, dayFirst];
  return { phrase: match[0], options: [label(soon), label(later)] };
}

export type BookingResult = BookingOk | BookingError;

/** Why a booked slot differs from the time asked for. */
export const ADJUST_REASONS = ['outside_hours', 'too_soon', 'taken'] as const;
export type AdjustReason = (typeof ADJUST_REASONS)[number];

const ADJUST_WORDS: Record<AdjustReason, string> = {
  outside_hours: 'is outside our meeting hours',
  too_soon: 'is too soon for us to prepare',
  taken: 'is already taken',
};

/**
 * The calendar invite's title and description, in the prospect's language: the .ics is what they download from the
 * booking card (and what the invite e-mail attaches), so it is shown to them, unlike the tool messages for the model.
 */
const INVITE_TEXT: Record<SalesLocale, { summary: (company: string) => string; description: (minutes: number, company: string, when: string) => string; sales: string }> = {
  en: {
    summary: (company) => `${company} demo`,
    description: (minutes, company, when) => `A ${minutes}-minute call with the ${company} sales team (${when}).`,
    sales: 'Sales',
  },
  es: {
    summary: (company) => `Demo de ${company}`,
    description: (minutes, company, when) => `Una llamada de ${minutes} minutos con el equipo comercial de ${company} (${when}).`,
    sales: 'Ventas',
  },
  fr: {
    summary: (company) => `Démo ${company}`,
    description: (minutes, company, when) => `Un appel de ${minutes} minutes avec l’équipe commerciale de ${company} (${when}).`,
    sales: 'Ventes',
  },
  de: {
    summary: (company) => `${company}-Demo`,
    description: (minutes, company, when) => `Ein ${minutes}-minütiges Gespräch mit dem Vertriebsteam von ${company} (${when}).`,
    sales: 'Vertrieb',
  },
  ar: {
    summary: (company) => `عرض توضيحي لـ ${company}`,
    description: (minutes, company, when) => `مكالمة مدتها ${minutes} دقيقة مع فريق مبيعات ${company} (${when}).`,
    sales: 'المبيعات',
  },
};

function inviteText(locale: SalesLocale, company: string, minutes: number, when: string): { summary: string; description: string } {
  const text = INVITE_TEXT[locale];
  return { summary: text.summary(company), description: text.description(minutes, company, when) };
}

function organizerName(locale: SalesLocale, company: string): string {
  return locale === 'ar' ? `${INVITE_TEXT.ar.sales} ${company}` : `${company} ${INVITE_TEXT[locale].sales}`;
}

type InviteFields = Pick<Booking, 'id' | 'email' | 'start' | 'durationMinutes' | 'localLabel'> & { sequence?: number };

/** The .ics of a booking in the prospect's language: one UID per booking id, from the sales team's address. */
function inviteFor(booking: InviteFields, kb: Pick<KnowledgeBase, 'company'>, locale: SalesLocale, stamp: number, method?: 'CANCEL'): string {
  return buildInvite({
    uid: `${booking.id}@${kb.company.salesEmail.split('@')[1] ?? 'sales.invalid'}`,
    stamp,
    start: Date.parse(booking.start),
    durationMinutes: booking.durationMinutes,
    ...inviteText(locale, kb.company.name, booking.durationMinutes, booking.localLabel),
    organizer: { name: organizerName(locale, kb.company.name), email: kb.company.salesEmail },
    attendee: { email: booking.email },
    ...(booking.sequence === undefined ? {} : { sequence: booking.sequence }),
    ...(method ? { method } : {}),
  });
}

/**
 * The same event's .ics for the sales team (the UID, time and SEQUENCE of the prospect's), worded in English with the
 * time as the team's e-mail gives it: the prospect's is in their language.
 */
export function teamInvite(booking: InviteFields, kb: Pick<KnowledgeBase, 'company'>, label: string, stamp: number, method?: 'CANCEL'): string {
  return inviteFor({ ...booking, localLabel: label }, kb, 'en', stamp, method);
}

/** Times are offered on the half hour when the agent proposes one. */
const SLOT_MINUTES = 30;
/** How far ahead a slot is looked for before giving up (a policy with working days always finds one sooner). */
const SEARCH_DAYS = 60;

const emailSchema = z.email();

export function createBooking(request: BookingRequest): BookingResult {
  const kb = request.kb ?? getKnowledgeBase();
  const policy = kb.policies.meetings;
  const email = request.email.trim().toLowerCase();
  if (!emailSchema.safeParse(email).success) {
    return { ok: false, code: 'invalid_email', message: `"${request.email}" is not an email address an invite can go to.` };
  }
  const requestedZone = request.timezone?.trim() || policy.defaultTimezone;
  const timezone = canonicalTimeZone(requestedZone);
  if (!timezone) {
    return {
      ok: false,
      code: 'invalid_timezone',
      message: `"${requestedZone}" is not a time zone I know. Use an IANA name such as "America/New_York" or "Europe/Madrid".`,
    };
  }
  const { now } = request;
  if (!Number.isFinite(now)) return { ok: false, code: 'invalid_now', message: 'The booking clock is not a valid time.' };

  const earliest = now + policy.minNoticeMinutes * 60_000;
  const taken = (request.taken ?? []).map((meeting) => {
    const start = Date.parse(meeting.start);
    return { start, end: start + meeting.durationMinutes * 60_000 };
  });

  // Asked before booking, never guessed: the first preference that names a day ambiguously.
  const unclear = request.preferredTimes.map((text) => ambiguousDate(text, timezone, now, request.locale)).find(Boolean);
  if (unclear) {
    return {
      ok: false,
      code: 'ambiguous_date',
      message: `"${unclear.phrase}" could mean ${unclear.options[0]} or ${unclear.options[1]}. Ask the prospect which one before booking.`,
      ambiguous: unclear,
    };
  }

  let chosen: { start: number; requested: string | null; adjustedFor: AdjustReason | null } | undefined;
  let pastDay: string | undefined;
  const today = toWallClock(now, timezone);
  for (const text of request.preferredTimes) {
    const wanted = parsePreferredTime(text, timezone, now, policy, request.locale);
    // A day already gone ("yesterday at 2pm", "November 20" said on the 24th) is said to be past, never replaced by
    // another slot in silence.
    if (wanted !== undefined && compareDates(wanted, today) < 0) pastDay ??= text;
    // A time already past is not a preference we can honour ("today at 9" said at 9:30); try the next one.
    if (wanted === undefined || fromWallClock(wanted, timezone) < now) continue;
    const slot = snapToSlot(wanted, timezone, policy, earliest, taken);
    if (slot) {
      chosen = { start: slot.start, requested: text, adjustedFor: slot.movedFor };
      break;
    }
  }
  if (!chosen && pastDay !== undefined) {
    return { ok: false, code: 'past_date', message: `"${pastDay}" has already passed. Ask the prospect for another day and time.`, past: { phrase: pastDay } };
  }
  if (!chosen) {
    const slot = snapToSlot(roundUp(toWallClock(earliest, timezone)), timezone, policy, earliest, taken);
    if (!slot) return { ok: false, code: 'no_slot', message: `No meeting slot is free in the next ${SEARCH_DAYS} days.` };
    chosen = { start: slot.start, requested: null, adjustedFor: null };
  }

  const startIso = new Date(chosen.start).toISOString();
  const localLabel = formatLocalLabel(chosen.start, timezone, now, request.locale);
  const { replaces } = request;
  const id = replaces?.id ?? bookingId(email, startIso, now);
  const sequence = replaces ? (replaces.sequence ?? 0) + 1 : undefined;
  const fields = { id, email, start: startIso, durationMinutes: policy.durationMinutes, localLabel, ...(sequence === undefined ? {} : { sequence }) };
  const booking: Booking = {
    ...fields,
    timezone,
    ics: inviteFor(fields, kb, request.locale ?? 'en', now),
    createdAt: now,
    // Booked again at the same time for a corrected address: not a move, and the card and the team say which address.
    ...(replaces && replaces.start !== startIso ? { movedFrom: replaces.localLabel } : {}),
    ...(replaces && replaces.email !== email ? { previousEmail: replaces.email } : {}),
  };
  const invite = request.invitesByEmail ? `the invite goes to ${email}` : 'no invite is e-mailed: the .ics download on the booking card is the invite';
  const moved = booking.movedFrom ? `Moved from ${replaces?.localLabel}. ` : booking.previousEmail ? `The same meeting, now for ${email} instead of ${booking.previousEmail}. ` : '';
  const message =
    moved +
    (chosen.requested === null
      ? `The next free slot is ${localLabel}; ${invite}.`
      : chosen.adjustedFor
        ? `"${chosen.requested}" ${ADJUST_WORDS[chosen.adjustedFor]}, so I booked the nearest free slot: ${localLabel}. ${invite[0]!.toUpperCase()}${invite.slice(1)}.`
        : `Booked for ${localLabel}; ${invite}.`);
  return {
    ok: true,
    booking,
    requested: chosen.requested,
    adjusted: chosen.requested === null || chosen.adjustedFor !== null,
    adjustedFor: chosen.adjustedFor,
    message,
  };
}

/**
 * The prospect's meeting, cancelled: the same id, the invite's next SEQUENCE and a METHOD:CANCEL .ics with the same
 * UID (a calendar that has the meeting removes it). Pure given `now`.
 */
export function cancelBooking(booking: Booking, { now, kb = getKnowledgeBase(), locale = 'en' }: { now: number; kb?: KnowledgeBase; locale?: SalesLocale }): Booking {
  const sequence = (booking.sequence ?? 0) + 1;
  return { ...booking, sequence, cancelledAt: now, ics: inviteFor({ ...booking, sequence }, kb, locale, now, 'CANCEL') };
}

const CHRONO: Record<SalesLocale, typeof parseEnglish> = {
  en: parseEnglish,
  es: chronoEs.parse.bind(chronoEs),
  fr: chronoFr.parse.bind(chronoFr),
  de: chronoDe.parse.bind(chronoDe),
  ar: chronoAr.parse.bind(chronoAr),
};

const CLOCK_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12,
  eins: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12,
};
const CLOCK = `(\\d{1,2}|${Object.keys(CLOCK_WORDS).join('|')})`;
// (An hour said in words is within meeting hours: "halb vier" is 15:30, "half past two" 14:30.)
const hourOf = (word: string) => {
  const hour = CLOCK_WORDS[word.toLowerCase()] ?? Number(word);
  return hour >= 1 && hour <= 7 ? hour + 12 : hour;
};
/** Weekdays as spoken (after "ال"), in the written form the date reader knows. */
const SPOKEN_ARABIC_DAYS: Record<string, string> = { 'اتنين': 'الاثنين', 'تنين': 'الاثنين', 'تلات': 'الثلاثاء', 'اربع': 'الأربعاء', 'حد': 'الأحد' };
const SPOKEN_ARABIC_DAY = new RegExp(
  '(?<![\\p{L}])((?:يوم|إلى|الى|على)\\s+)?(?:(لل)|ال)(اتنين|تنين|تلات|[اأ]ربع|حد)(?![\\p{L}])',
  'gu',
);
/** What follows a spoken weekday said as one: a time, a part of the day, "next". */
const SPOKEN_DAY_AFTER = /^\s+(?:الساعة|الصبح|العصر|الضهر|الظهر|بعد|الجاي|القادم|الصباح|المسا|\d)/u;

/** Arabic hours in words: the ordinals of the written language ("الثانية عشرة") and the numbers as spoken ("تلاتة"). */
const ARABIC_HOUR_WORDS: Record<string, number> = {
  'الحادية عشرة': 11, 'الحادية عشر': 11, 'الثانية عشرة': 12, 'الثانية عشر': 12,
  'الواحدة': 1, 'الثانية': 2, 'الثالثة': 3, 'الرابعة': 4, 'الخامسة': 5, 'السادسة': 6, 'السابعة': 7, 'الثامنة': 8, 'التاسعة': 9, 'العاشرة': 10,
  'واحدة': 1, 'اتنين': 2, 'اثنين': 2, 'تلاتة': 3, 'ثلاثة': 3, 'اربعة': 4, 'خمسة': 5, 'ستة': 6, 'سبعة': 7, 'تمانية': 8, 'ثمانية': 8, 'تسعة': 9, 'عشرة': 10, 'حداشر': 11, 'اتناشر': 12,
};
/** `الساعة` and an hour in words, or an ordinal hour before a part of the day ("العاشرة صباحا"); then half or a quarter. */
const ARABIC_HOUR = (() => {
  const words = Object.keys(ARABIC_HOUR_WORDS).map((word) => word.replace(/^ا(?=ربعة|ثنين|تنين|تناشر)/u, '[اأإ]')).join('|');
  const ordinals = Object.keys(ARABIC_HOUR_WORDS).filter((word) => word.startsWith('ال')).join('|');
  const part = '(?:\\s+(و(?:ال)?نص(?:ف)?|و(?:ال)?ربع))?';
  return new RegExp(`(?<![\\p{L}])(?:(الساعة\\s+)(${words})${part}|(${ordinals})${part}(?=\\s+(?:صباح|مساء|ظهر|الظهر|العصر|الصبح|الليل|بالليل|بعد الظهر)))(?![\\p{L}])`, 'gu');
})();
const MONTH_NAMES: Record<SalesLocale, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  ar: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const ANY_MONTH = Object.values(MONTH_NAMES).flat().map((name) => name.toLowerCase()).concat(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'ene', 'dic']).join('|');

/**
 * Times and days as people say them, written the way the date reader reads them (reference: the prospect's wall clock):
 * - "half past three", "quarter to four", "halb vier", "Viertel nach drei", "las cuatro y media", "a las diez", "15h30";
 * - a day of the month without its month ("the 3rd", "el día 3", "le 3 à 11h", "am 3.") in the month it next falls in;
 * - "end of next week", "a finales de la semana que viene", "Ende nächster Woche": that Friday.
 * Every language's forms in any message (a prospect writes in theirs whatever the page's). Used where a meeting phrase is
 * found (the offline agent) and where it is read (book_meeting), so both agree.
 */
export function readableTimes(text: string, reference: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  const inMonth = (day: number) => {
    const month = day >= reference.day ? reference.month : (reference.month % 12) + 1;
    return { day, month };
  };
  const dayOfMonth = (day: number, language: SalesLocale) => {
    const { month } = inMonth(day);
    const name = MONTH_NAMES[language][month - 1] ?? '';
    return language === 'es' ? `${day} de ${name}` : language === 'de' ? `${day}. ${name}` : language === 'fr' ? `${day} ${name}` : `${name} ${day}`;
  };
  return text
    .replace(new RegExp(`\\bhalf past ${CLOCK}\\b`, 'giu'), (_, hour: string) => `${hourOf(hour)}:30`)
    .replace(new RegExp(`\\bquarter past ${CLOCK}\\b`, 'giu'), (_, hour: string) => `${hourOf(hour)}:15`)
    .replace(new RegExp(`\\bquarter to ${CLOCK}\\b`, 'giu'), (_, hour: string) => `${hourOf(hour) - 1 || 12}:45`)
    .replace(new RegExp(`\\bhalb ${CLOCK}(?![\\p{L}])`, 'giu'), (_, hour: string) => `${hourOf(hour) - 1 || 12}:30`)
    .replace(new RegExp(`\\bviertel nach ${CLOCK}(?![\\p{L}])`, 'giu'), (_, hour: string) => `${hourOf(hour)}:15`)
    .replace(new RegExp(`\\bviertel vor ${CLOCK}(?![\\p{L}])`, 'giu'), (_, hour: string) => `${hourOf(hour) - 1 || 12}:45`)
    .replace(new RegExp(`\\b(las|la) ${CLOCK} y media\\b`, 'giu'), (_, article: string, hour: string) => `${article} ${hourOf(hour)}:30`)
    .replace(new RegExp(`\\b(las|la) ${CLOCK} y cuarto\\b`, 'giu'), (_, article: string, hour: string) => `${article} ${hourOf(hour)}:15`)
    .replace(new RegExp(`\\b(las|la) ${CLOCK} menos cuarto\\b`, 'giu'), (_, article: string, hour: string) => `${article} ${hourOf(hour) - 1 || 12}:45`)
    .replace(new RegExp(`\\b(a las|a la) (${Object.keys(CLOCK_WORDS).join('|')})(?![\\p{L}\\d:])`, 'giu'), (_, at: string, hour: string) => `${at} ${hourOf(hour)}`)
    .replace(/\b(\d{1,2})\s?h\s?(\d{2})\b/giu, (_, hour: string, minute: string) => `${hour}:${minute}`)
    // "a las 16h", "martes 16h": an hour written the French way in Spanish (Spanish grammar reads no "16h"); only after
    // "las" or a day, so "4h response target" and "24h support" stay as they are.
    .replace(new RegExp(`(\\b(?:a las|a la|las|la)\\s+|${DAY_NAME.source}\\s+)(\\d{1,2})\\s?h(?![\\p{L}\\d])`, 'giu'), (whole, before: string, hour: string) =>
      Number(hour) <= 23 ? `${before}${hour}:00` : whole,
    )
    // "the 3rd", "on the 21st" with no month after it.
    .replace(new RegExp(`\\b(?:on\\s+)?the\\s+(\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+)?(?:${ANY_MONTH})\\b)`, 'giu'), (whole, day: string) => (Number(day) <= 31 ? `on ${dayOfMonth(Number(day), 'en')}` : whole))
    .replace(new RegExp(`\\bel\\s+(?:d[ií]a\\s+)?(\\d{1,2})\\b(?!\\s*(?::|de\\s+(?:${ANY_MONTH})|%|personas|usuarios))`, 'giu'), (whole, day: string) => (Number(day) <= 31 && Number(day) >= 1 ? `el ${dayOfMonth(Number(day), 'es')}` : whole))
    .replace(new RegExp(`\\ble\\s+(\\d{1,2})(?=\\s+(?:à|a)\\s+\\d)`, 'giu'), (whole, day: string) => (Number(day) <= 31 ? `le ${dayOfMonth(Number(day), 'fr')}` : whole))
    .replace(new RegExp(`\\bam\\s+(\\d{1,2})\\.(?!\\s*(?:${ANY_MONTH})\\b|\\d)`, 'giu'), (whole, day: string) => (Number(day) <= 31 ? `am ${dayOfMonth(Number(day), 'de')}` : whole))
    // Arabic as spoken: "غيره للساعة ١١ الصبح" (to eleven in the morning), "الساعة ٣ العصر" (in the afternoon).
    .replace(/(?<![\p{L}])للساعة(?![\p{L}])/gu, 'الساعة')
    // Days as said in Egypt and the Gulf ("يوم الاتنين", "غيري الميعاد للاربع الساعة ١٢": Monday, to Wednesday), only
    // where they are said as a day ("الباقات الاربع" are the four plans, "الاتنين" alone both of them).
    .replace(SPOKEN_ARABIC_DAY, (whole, before: string | undefined, to: string | undefined, day: string, at: number, said: string) => {
      const asDay = before !== undefined || to !== undefined || SPOKEN_DAY_AFTER.test(said.slice(at + whole.length));
      return asDay ? `${before ?? ''}${to ? 'إلى ' : ''}${SPOKEN_ARABIC_DAYS[day.replace(/[أإ]/gu, 'ا')] ?? whole}` : whole;
    })
    .replace(/(?<![\p{L}])(و?)لل(?=(?:اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|سبت|أحد|احد)(?![\p{L}]))/gu, '$1إلى ال')
    // An hour in words: "الساعة الثانية ظهرا" (two in the afternoon), "العاشرة صباحا", "الساعة تلاتة ونص".
    .replace(ARABIC_HOUR, (whole, at: string | undefined, said: string | undefined, half: string | undefined, ordinal: string | undefined, ordinalHalf: string | undefined) => {
      const word = said ?? ordinal ?? '';
      const part = half ?? ordinalHalf;
      const hour = ARABIC_HOUR_WORDS[word.replace(/[أإ]/gu, 'ا')];
      if (hour === undefined) return whole;
      return `${at ?? 'الساعة '}${hour}${part === undefined ? '' : /ربع/u.test(part) ? ':15' : ':30'}`;
    })
    .replace(/(?<![\p{L}])(?:الصبح|صباحا|الصباح)(?![\p{L}])/gu, 'صباحًا')
    .replace(/(?<![\p{L}])(?:العصر|بعد الظهر|بالليل)(?![\p{L}])/gu, 'مساءً')
    // "End of next week": its Friday.
    .replace(/\b(?:at the |by the )?end of next week\b/giu, 'Friday next week')
    .replace(/\b(?:a )?finales de la (?:semana que viene|pr[oó]xima semana)\b/giu, 'el viernes de la semana que viene')
    .replace(/\bfin de la semaine prochaine\b/giu, 'vendredi de la semaine prochaine')
    .replace(/\bende (?:der )?n[äa]chste[nr]? woche\b/giu, 'Freitag nächste Woche');
}

/** A part of the day said in words ("morning", "por la tarde", "nachmittags", "صباحا"). */
export const DAYPART = /\b(morning|afternoon|evening|noon|midday|night|tonight|tarde|noche|mediod[ií]a|por la mañana|matin|apr[eè]s-midi|soir|midi|morgens|vormittags?|nachmittags?|abends|mittags?)\b|(?:صباح|مساء|ظهر|عصر)/iu;

/**
 * Meeting phrases in the prospect's words, in any of the site's languages: English first, then the others (chrono
 * reads each language with its own grammar; the first that finds a phrase wins).
 */
export function parseMeetingPhrases(text: string, reference: Date, options: { forwardDate: boolean }, locale: SalesLocale = 'en'): ParsedResult[] {
  // The prospect's language first: read as English, "mon e-mail" is a Monday.
  const own = CHRONO[locale];
  const others = Object.values(CHRONO).filter((other) => other !== own);
  // (And never part of a longer word: chrono's word boundaries are ASCII, so "démo" holds a "mo", German Monday, and
  // "800 dólares" an "800 d", 800 days.)
  const read = (parse: typeof parseEnglish) =>
    parse(text, reference, options).filter(
      (result) => !isBareAbbreviation(result.text) && !/\p{L}/u.test(text.charAt(result.index - 1)) && !/\p{L}/u.test(text.charAt(result.index + result.text.length)) && !endsInListedWord(result.text),
    );
  const results = read(own);
  if (results.length > 0) {
    // "Book a demo monday 1pm" on the French site: French reads only "1pm"; another language's phrase around it that
    // names the day as well ("monday 1pm") is the one meant (never a day booked that was not said: today).
    if (results.some(isDayless)) {
      const wider = others.flatMap(read).filter((result) => !isDayless(result));
      return results.map((result) => (isDayless(result) ? (wider.find((other) => other.index <= result.index && other.index + other.text.length >= result.index + result.text.length && other.text.length > result.text.length) ?? result) : result));
    }
    return results;
  }
  for (const parse of others) {
    const found = read(parse);
    if (found.length > 0) return found;
  }
  return [];
}

/** Whether `locale`'s own reading finds a day or a time in `text` ("jeudi" read in French; "Thursday" only in English). */
export function readsInLocale(text: string, reference: Date, locale: SalesLocale): boolean {
  return CHRONO[locale](text, reference, { forwardDate: true }).length > 0;
}

/** A phrase with a clock time or a daypart and no day: "1pm", "à 10h". */
function isDayless(result: ParsedResult): boolean {
  return !result.start.isCertain('weekday') && !result.start.isCertain('day') && !result.start.isCertain('month');
}

/** English day abbreviations written as one writes a day ("Fri"), the only short words kept as a time on their own. */
const DAY_ABBREVIATIONS = new Set(['Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun']);

/**
 * A word of one to three letters and nothing else: chrono reads "mi" (Spanish and German Wednesday, but "mi correo"
 * is "my email") and "do" (German Thursday, but "who do I talk to") as days, which booked meetings nobody asked for.
 */
function isBareAbbreviation(phrase: string): boolean {
  const trimmed = phrase.trim().replace(/[.,;:!?]+$/, '');
  return /^\p{L}{1,3}$/u.test(trimmed) && !DAY_ABBREVIATIONS.has(trimmed);
}

/**
 * A number and then, after a comma, a short word that is no day's abbreviation: "Nous sommes 20, mon e-mail …" (chrono
 * reads "20, mon" as Monday at 20:00) and "Somos 8, mi correo …" (German chrono: "8, mi", Wednesday the 8th).
 */
function endsInListedWord(phrase: string): boolean {
  const last = /,\s*(\p{L}{1,3})\.?$/u.exec(phrase.trim())?.[1];
  return last !== undefined && !DAY_ABBREVIATIONS.has(last);
}

/**
 * The wall-clock time a phrase means in `timezone`, read relative to `now`. chrono reads the reference date's local
 * fields, so it gets a Date whose process-local fields equal the zone's wall clock; only the parsed fields (year…
 * minute) are used afterwards, which keeps the result independent of the machine's own time zone.
 */
export function parsePreferredTime(text: string, timezone: string, now: number, policy: MeetingPolicy, locale: SalesLocale = 'en'): WallClock | undefined {
  const wall = toWallClock(now, timezone);
  const reference = new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const options = { forwardDate: true };
  // (The week beside a weekday is read apart: the day and the hour are one phrase, and the week moves it below.)
  const results = parseMeetingPhrases(readableTimes(apartFromNextWeek(text).rest, wall), reference, options, locale);
  const result: ParsedResult | undefined = results[0];
  if (!result) return undefined;
  const { start } = result;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year === null || month === null || day === null) return undefined;
  // "Martes que viene a las 4 de la tarde" comes back as a day and a time: the hour is the second one's.
  const timed = start.isCertain('hour') ? result : results.slice(1).find((other) => other.start.isCertain('hour') && !other.start.isCertain('weekday') && !other.start.isCertain('day'));
  // A bare day ("Monday") gets chrono's implied noon; the start of meeting hours is the natural reading.
  const hourGiven = timed !== undefined || DAYPART.test(result.text);
  const clock = timed?.start ?? start;
  const weekdayOnly = start.isCertain('weekday') && !start.isCertain('day');
  // "Wednesday at 3pm next week": chrono reads the weekday alone, in this week; the prospect meant the next one. And
  // "el martes que viene" said on a Tuesday is a week ahead, never today.
  const nextWeek = weekdayOnly && NEXT_WEEK.test(text) && sameWeek({ year, month, day }, wall);
  const notToday = weekdayOnly && NEXT_WEEKDAY.some((pattern) => pattern.test(text)) && year === wall.year && month === wall.month && day === wall.day;
  // "November 20" said on the 24th: chrono moves it to next year; it is this year's, just gone (said as such).
  const lastYear = !start.isCertain('year') && start.isCertain('month') && year > wall.year && compareDates({ year: year - 1, month, day }, wall) < 0 && compareDates({ year: year - 1, month, day }, addDays(wall, -62)) > 0;
  const date = nextWeek || notToday ? addDays({ year, month, day }, 7) : lastYear ? { year: year - 1, month, day } : { year, month, day };
  const hour = hourGiven ? afternoonHour(clock.get('hour') ?? policy.workingHours.start, clock.isCertain('meridiem'), text, policy) : policy.workingHours.start;
  return {
    ...date,
    // "Thursday morning" (chrono's 6:00) is the first morning slot, not a time outside meeting hours.
    hour: timed === undefined && hour < 12 ? Math.max(hour, policy.workingHours.start) : hour,
    minute: hourGiven ? (clock.get('minute') ?? 0) : 0,
  };
}

/** Whether two days fall in the same Monday-to-Sunday week. */
function sameWeek(a: Pick<WallClock, 'year' | 'month' | 'day'>, b: Pick<WallClock, 'year' | 'month' | 'day'>): boolean {
  const monday = (wall: Pick<WallClock, 'year' | 'month' | 'day'>) => {
    const start = addDays(wall, 1 - isoWeekday(wall));
    return `${start.year}-${start.month}-${start.day}`;
  };
  return monday(a) === monday(b);
}

/** Words that put a clock hour in the afternoon or evening, and in the morning ("mañana" alone is "tomorrow"). */
const PM_WORDS = /\b(pm|p\.m\.|afternoon|evening|tonight|de la tarde|por la tarde|de la noche|por la noche|apr[eè]s-midi|du soir|ce soir|nachmittags?|abends?)(?![\p{L}])|مساء|عصر|بعد الظهر/iu;
const AM_WORDS = /\b(am|a\.m\.|morning|de la ma[nñ]ana|por la ma[nñ]ana|du matin|ce matin|morgens|vormittags?)(?![\p{L}])|صباح/iu;

/**
 * "A las 5 de la tarde", "um 4 Uhr nachmittags": hours chrono leaves in the morning when the daypart is a phrase of
 * its own. Without any daypart, an hour before the working day that is inside it twelve hours later ("at 3") is the
 * afternoon: nobody books a sales call for 3 a.m.
 */
function afternoonHour(hour: number, meridiemGiven: boolean, text: string, policy: MeetingPolicy): number {
  if (meridiemGiven || hour >= 12) return hour;
  if (PM_WORDS.test(text)) return hour + 12;
  if (!AM_WORDS.test(text) && hour < policy.workingHours.start && hour + 12 <= policy.workingHours.end) return hour + 12;
  return hour;
}

/**
 * The first instant at or after `wanted` that lies on a working day, inside working hours (the whole meeting), no
 * sooner than `earliest` and clear of `taken`. A wanted time of day is kept when the day moves ("Saturday 10am" →
 * Monday 10am); a time past the end of hours moves to that day's last slot, or else the next day's start.
 */
function snapToSlot(
  wanted: WallClock,
  timezone: string,
  policy: MeetingPolicy,
  earliest: number,
  taken: readonly { start: number; end: number }[],
): { start: number; movedFor: AdjustReason | null } | undefined {
  const opens = policy.workingHours.start * 60;
  const closes = policy.workingHours.end * 60;
  const duration = policy.durationMinutes;
  let date = { year: wanted.year, month: wanted.month, day: wanted.day };
  let minuteOfDay = wanted.hour * 60 + wanted.minute;
  const earliestWall = toWallClock(earliest, timezone);
  let movedFor: AdjustReason | null = null;
  let lastTried = false;
  const moved = (reason: AdjustReason) => {
    movedFor ??= reason;
  };

  for (let step = 0, days = 0; days <= SEARCH_DAYS && step < 10_000; step++) {
    const nextDay = (keepTime: boolean) => {
      date = addDays(date, 1);
      if (!keepTime) {
        minuteOfDay = opens;
        lastTried = true;
      }
      days++;
    };
    if (!policy.workingDays.includes(isoWeekday(date))) {
      moved('outside_hours');
      nextDay(true);
      continue;
    }
    if (minuteOfDay < opens) moved('outside_hours');
    minuteOfDay = Math.max(minuteOfDay, opens);
    if (minuteOfDay + duration > closes) {
      moved('outside_hours');
      // "Wednesday at 17:30": the last slot that day (16:30) is nearer than the next morning; tried once, on the day
      // asked (or the first working day after it: "Saturday 6pm" → Monday 16:30).
      const last = Math.floor((closes - duration) / SLOT_MINUTES) * SLOT_MINUTES;
      if (!lastTried && last >= opens && minuteOfDay > last) {
        lastTried = true;
        minuteOfDay = last;
        continue;
      }
      nextDay(false);
      continue;
    }
    const start = fromWallClock({ ...date, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 }, timezone);
    if (start < earliest) {
      moved('too_soon');
      if (compareDates(date, earliestWall) < 0) {
        nextDay(false);
      } else {
        minuteOfDay = ceilToSlot(earliestWall.hour * 60 + earliestWall.minute);
      }
      continue;
    }
    const end = start + duration * 60_000;
    const clash = taken.find((meeting) => start < meeting.end && meeting.start < end);
    if (clash) {
      moved('taken');
      const clashEnd = toWallClock(clash.end, timezone);
      minuteOfDay = compareDates(clashEnd, date) > 0 ? 24 * 60 : ceilToSlot(clashEnd.hour * 60 + clashEnd.minute);
      continue;
    }
    return { start, movedFor };
  }
  return undefined;
}

function ceilToSlot(minutes: number): number {
  return Math.ceil(minutes / SLOT_MINUTES) * SLOT_MINUTES;
}

function roundUp(wall: WallClock): WallClock {
  const minutes = ceilToSlot(wall.hour * 60 + wall.minute);
  if (minutes < 24 * 60) return { ...wall, hour: Math.floor(minutes / 60), minute: minutes % 60 };
  return { ...addDays(wall, 1), hour: 0, minute: 0 };
}

function compareDates(a: Pick<WallClock, 'year' | 'month' | 'day'>, b: Pick<WallClock, 'year' | 'month' | 'day'>): number {
  return Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day);
}

/**
 * A day asked about ("which Tuesday?") as the reply's language writes it, with Intl's words like formatLocalDay, in
 * full: "Tuesday, November 24", "martes, 24 de noviembre", "mardi 1er décembre", "Dienstag, 1. Dezember",
 * "الثلاثاء، 24 نوفمبر"; `year` only when it is not the current one.
 */
function dayLabel(date: Pick<WallClock, 'year' | 'month' | 'day'>, locale: SalesLocale, year = ''): string {
  const parts = dateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', ...(year ? { year: 'numeric' } : {}) }).formatToParts(
    Date.UTC(date.year, date.month - 1, date.day),
  );
  // "mardi 1er décembre": the first of the month is an ordinal in French.
  return parts.map((part) => (locale === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value)).join('');
}

/**
 * A booked slot as the prospect reads it, in their zone and language, with the zone named: "Tue, Dec 1, 2:30 PM
 * (Europe/Madrid)", "martes, 1 de diciembre, 14:30", "mardi 1er décembre, 14:30", "Dienstag, 1. Dezember, 14:30",
 * "الثلاثاء، 1 ديسمبر، 2:30 م"; the year only when it is not the current one. Intl's words and clock for the language
 * (English's 12-hour clock, the chat's own message times in Arabic: components/chat/message-list.tsx); written on the
 * server, so one engine's locale data makes every label (the card, the reply, the invite, the team's e-mail).
 */
export function formatLocalLabel(instant: number, timezone: string, now: number, locale: SalesLocale = 'en'): string {
  return `${formatLocalDay(instant, timezone, now, locale)}${locale === 'ar' ? '،' : ','} ${formatLocalTime(instant, timezone, locale)} (${timezone})`;
}

/** The slot's day alone, as formatLocalLabel writes it ("Tue, Dec 1", "martes, 1 de diciembre"). */
export function formatLocalDay(instant: number, timezone: string, now: number, locale: SalesLocale = 'en'): string {
  const otherYear = toWallClock(instant, timezone).year !== toWallClock(now, timezone).year;
  const names = locale === 'en' ? 'short' : 'long';
  const parts = dateTimeFormat(locale, { timeZone: timezone, weekday: names, day: 'numeric', month: names, ...(otherYear ? { year: 'numeric' } : {}) }).formatToParts(instant);
  // "mardi 1er décembre": the first of the month is an ordinal in French.
  return parts.map((part) => (locale === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value)).join('');
}

/** The slot's time of day: "2:30 PM" in English, "14:30" in Spanish, French and German, "2:30 م" in Arabic. */
export function formatLocalTime(instant: number, timezone: string, locale: SalesLocale = 'en'): string {
  // (ICU puts a narrow no-break space before "PM": a plain one, for the e-mail, the model's context and a search.)
  return dateTimeFormat(locale, { timeZone: timezone, timeStyle: 'short' }).format(instant).replace(/\u202f/gu, ' ');
}

/** A whole hour of the meeting hours as formatLocalTime writes it, English without ":00": "9 AM", "17:00", "5:00 م". */
export function formatLocalHour(hour: number, locale: SalesLocale = 'en'): string {
  const time = formatLocalTime(Date.UTC(2000, 0, 3, hour), 'UTC', locale);
  return locale === 'en' ? time.replace(':00', '') : time;
}

/** A stable id from the booking's inputs (FNV-1a, two seeds → 64 bits): the same request books the same id. */
function bookingId(email: string, start: string, now: number): string {
  return `bk_${fnv1a64(`${email}|${start}|${now}`)}`;
}
