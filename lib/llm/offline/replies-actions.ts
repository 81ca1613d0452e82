import { z } from 'zod';
import type { OfflineTurn, ToolExchange } from '@/lib/llm/offline/context';
import type { Phrases } from '@/lib/llm/offline/phrases';
import { askedForMeeting, type Topic } from '@/lib/llm/offline/topic';
import { ADJUST_REASONS, ambiguousDate as whichDay, formatLocalHour, formatLocalLabel } from '@/lib/sales/booking';
import { canonicalTimeZone, fromWallClock } from '@/lib/sales/time-zone';
import { teamHours } from '@/lib/sales/handoff-hours';
import { pickFresh } from '@/lib/llm/offline/variety';
import { splitSentences } from '@/lib/sales/sentences';
import { meetingTimesIn, timeZoneIn } from '@/lib/llm/offline/reading';
import { calendarCased } from '@/lib/llm/offline/calendar-words';
import { bareTime, dayInReplyLanguage, dayWithoutHour, emailAskedLast, inReplyLanguage, slotAhead, slotAheadLine } from '@/lib/llm/offline/booking-ahead';
import { BOOKING_PHRASES } from '@/lib/llm/offline/phrases-booking';

/**
 * Replies after the action tools: book_meeting, cancel_meeting and request_human (a handoff); and the meeting's
 * time in the prospect's zone. What they confirm comes from the tool results
 * (the booked slot as the prospect reads it, the email the team will use), never from the agent's own assumptions.
 */

const bookingOk = z.object({
  ok: z.literal(true),
  start: z.string().optional(),
  when: z.string(),
  emailed: z.boolean().optional(),
  movedFrom: z.string().optional(),
  previousEmail: z.string().optional(),
  adjustedFor: z.enum(ADJUST_REASONS).optional(),
  requested: z.string().optional(),
});
const toolError = z.object({ ok: z.literal(false), message: z.string() });
const ambiguousDate = z.object({ ok: z.literal(false), code: z.literal('ambiguous_date'), ambiguous: z.object({ phrase: z.string(), options: z.tuple([z.string(), z.string()]) }) });
const pastDate = z.object({ ok: z.literal(false), code: z.literal('past_date'), past: z.object({ phrase: z.string() }) });
const bookingInput = z.object({ email: z.string(), timezone: z.string() });

export function bookingReply(topic: Extract<Topic, { kind: 'booking' }>, turn: OfflineTurn, ph: Phrases): string[] {
  // "Will I get an invite?" asked on the way: answered first, from the configuration the tool books with (a booking
  // made this turn says it itself; after an e-mail declined, the phone ask says there is no invite to send).
  const exchange = lastExchange(turn, 'book_meeting');
  const made = exchange ? bookingOk.safeParse(exchange.output).success : false;
  const invite = topic.invite === undefined || made || turn.state.noEmail ? '' : BOOKING_PHRASES[turn.locale].inviteBefore(topic.invite);
  return [invite, ...bookingLines(topic, turn, ph, exchange)];
}

function bookingLines(topic: Extract<Topic, { kind: 'booking' }>, turn: OfflineTurn, ph: Phrases, exchange: ToolExchange | undefined): string[] {
  const { kb } = turn;
  const { meetings } = kb.policies;
  if (!exchange) {
    if (!turn.tools.has('book_meeting') && topic.email && topic.times.length > 0) return [ph.bookingUnavailable(kb.company.salesEmail)];
    // Asked already and not answered with an address: asked again in other words (the same sentence would be dropped).
    // (A time completed from an earlier message, "2026-11-26 15:00", is said as a date.)
    // ("thursday 2pm" is said back as "Thursday 2pm": calendar-words.ts.)
    const dated = saidAsDate(topic.times[0], topic.timezone ?? turn.bookingZone.zone, turn);
    // (A day typed in another language, "Thursday" in a French booking, is said in the reply's: "jeudi".)
    const wanted = dated === undefined ? undefined : calendarCased(dayInReplyLanguage(dated, turn), turn.locale);
    // "What do you have next week?": the hours demos can be booked in, and a day and time asked (an email too, if none).
    // (The e-mail asked in the reply before is not asked again while they answer its other part.)
    const emailAsked = emailAskedLast(turn);
    if (topic.hours && ph.bookingHours) return [ph.bookingHours(meetings.durationMinutes, topic.timezone ?? turn.bookingZone.zone, formatLocalHour(meetings.workingHours.start, turn.locale), formatLocalHour(meetings.workingHours.end, turn.locale), topic.email === undefined && !emailAsked, topic.booked, topic.week)];
    // A time that cannot be had as asked (outside meeting hours, too soon, passed): said now, with the slot the booking
    // tool would take instead (booking-ahead.ts), not "noted" and moved in silence once the email comes.
    const ahead = topic.email ? undefined : slotAhead(turn, topic.times[0], topic.timezone ?? turn.bookingZone.zone);
    // ("On Monday at 10" is set in the sentence as "Monday at 10": never "for on Monday".)
    const bare = wanted === undefined ? undefined : bareTime(wanted, turn.locale);
    // The e-mail declined: never asked for again. A phone on record: the sales team calls to confirm (request_human);
    // none: one ask for a phone number instead of the invite's address.
    if (!topic.email && turn.state.noEmail) {
      if (topic.byPhone && topic.times.length > 0) return [ph.demoByPhone(bare, topic.byPhone)];
      const byPhone = ph.bookingByPhone(meetings.durationMinutes, ahead ? undefined : bare);
      return ahead ? [slotAheadLine(turn, ahead, byPhone.replace(/^[^.!]*[.!]\s*/u, ''))] : [byPhone];
    }
    if (ahead) return [slotAheadLine(turn, ahead)];
    // A day without an hour, in answer to the ask for a day, a time and the e-mail: the hour is asked, and the e-mail
    // again only once the slot is whole (one ask per reply in flight, never appended to every step).
    if (!topic.email && bare !== undefined && emailAsked && dayWithoutHour(topic.times[0], turn)) return [BOOKING_PHRASES[turn.locale].whatTime(bare)];
    // (Asked about the invite: the ask names what the e-mail is for, per the configuration.)
    if (!topic.email && topic.invite !== undefined) return [BOOKING_PHRASES[turn.locale].inviteAsk(topic.invite, bare)];
    if (!topic.email) return [pickFresh([ph.bookingNeedsEmail(meetings.durationMinutes, bare), ...ph.bookingEmailAgain(bare)], turn.previousReplies)];
    // They asked for a demo: ask when. They only left an email: offer one.
    // (Asked a message or two ago, before the email: "book a demo please", then "tom@acme.io".)
    const asked = turn.intent === 'booking' || askedForMeeting(turn, 4);
    return asked
      ? [ph.bookingNeedsTime(meetings.durationMinutes, turn.bookingZone.zone)]
      : [ph.bookingOffer(meetings.durationMinutes, turn.bookingZone.zone)];
  }
  const booked = bookingOk.safeParse(exchange.output);
  const input = bookingInput.safeParse(exchange.input);
  if (!booked.success || !input.success) {
    // "Next Tuesday" on a Monday: ask which, with both days spelled out, before booking anything.
    const unclear = ambiguousDate.safeParse(exchange.output);
    if (unclear.success) {
      // (The days in the reply's language: the tool wrote them in the page's.)
      const zone = z.object({ timezone: z.string() }).safeParse(exchange.input);
      const { phrase, options } = unclear.data.ambiguous;
      const days = (zone.success ? whichDay(phrase, zone.data.timezone, turn.now, turn.locale)?.options : undefined) ?? options;
      return [ph.bookingWhichDay(phrase, ...days)];
    }
    const past = pastDate.safeParse(exchange.output);
    if (past.success) return [ph.bookingPast(past.data.past.phrase)];
    const failure = toolError.safeParse(exchange.output);
    // The tool's reason is written for the model, in English: other languages give the way forward without it.
    return [ph.bookingFailed(failure.success && turn.locale === 'en' ? failure.data.message : '', kb.company.salesEmail)];
  }
  // Only an e-mailed invite needs the card pointed out as well: otherwise the booking sentence already sends them there.
  const emailed = booked.data.emailed === true;
  const when = inReplyLanguage(booked.data.when, booked.data.start, input.data.timezone, turn);
  const { movedFrom, previousEmail, adjustedFor, requested } = booked.data;
  // A day read as a date ("push it to Sunday" → "2026-11-29 14:00") is quoted as they said it.
  const said = requested && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(requested) ? (meetingTimesIn(turn.text, turn.now, turn.locale)[0] ?? requested) : requested;
  return [
    // The time they asked for could not be had: say why before the slot that was booked instead.
    adjustedFor && said ? ph.bookingAdjusted(said, adjustedFor, `${formatLocalHour(meetings.workingHours.start, turn.locale)}–${formatLocalHour(meetings.workingHours.end, turn.locale)}`) : '',
    movedFrom
      ? ph.bookingMoved(movedFrom, when, input.data.email, emailed)
      : previousEmail
        ? ph.bookingEmailChanged(when, input.data.email, previousEmail, emailed)
        : ph.booked(when, meetings.durationMinutes, input.data.email, emailed),
    emailed && !movedFrom && !previousEmail ? ph.icsNote : '',
    // The zone came from their browser or the knowledge base's default, not from their words: say so, so they can correct it.
    topic.timezone === undefined ? (turn.bookingZone.from === 'browser' ? ph.browserZone(input.data.timezone) : ph.defaultZone(input.data.timezone)) : '',
  ];
}

/** "Will I get a calendar invite?": as the booking tool said for the meeting ahead, or will say once it books one. */
export function inviteReply(topic: Extract<Topic, { kind: 'invite' }>, turn: OfflineTurn): string[] {
  const ph = BOOKING_PHRASES[turn.locale];
  const { booking } = topic;
  if (!booking) return [ph.inviteBefore(topic.emailed), turn.state.noEmail ? '' : ph.inviteAsk(topic.emailed)];
  return [ph.inviteBooked(topic.emailed, inReplyLanguage(booking.localLabel, booking.start, booking.timezone, turn), booking.email)];
}

/** A time written as a date for book_meeting ("2026-11-26 15:00") as the prospect reads it; any other as said. */
function saidAsDate(phrase: string | undefined, timezone: string, turn: OfflineTurn): string | undefined {
  const match = phrase === undefined ? null : /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(phrase);
  if (!match || !canonicalTimeZone(timezone)) return phrase;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  return formatLocalLabel(fromWallClock({ year, month, day, hour, minute }, timezone), timezone, turn.now, turn.locale);
}

/** Asking to be called ("can you call me?", "llámame", "rappelez-moi", "rufen Sie mich an", "اتصل بي"). */
export const CALL_ME = /\b(?:call me|call us|give me a call|ring me|phone me|ll[aá]mame|ll[aá]meme|llamarme|me (?:pueden|puede|podr[ií]an|podr[ií]a) llamar|ll[aá]menme|rappelez-moi(?!\s*[,:]?\s*(?:quel|quels|quelle|quelles|mon|ma|mes|notre|nos|votre|vos|ce que|ce qu|combien|qui|quand|o[uù]|comment|pourquoi|le|la|les|l['’]|de quoi|si)\b)|appelez-moi|m['’]appeler|(?:pouvez|pourriez|peux|pourrais)[- ](?:vous|tu) me (?:rappeler|appeler)(?!\s*[,:]?\s*(?:quel|quels|quelle|quelles|mon|ma|mes|notre|nos|votre|vos|ce que|ce qu|combien|qui|quand|o[uù]|comment|pourquoi|le|la|les|l['’]|de quoi|si)\b)|(?:k[öo]nnen|k[öo]nnten) sie mich (?:zur[üu]ck)?(?:rufen|anrufen)|rufen sie mich(?: \S+){0,3} an|ruf mich(?: \S+){0,3} an|mich anrufen)\b|(?:call ?back|call-back|que me llamen|(?:devolver(?:me)?|devuelv[ae]n?) la llamada|(?:être|etre) rappel[ée]e?|r[üu]ckruf\w*|ruft mich(?: \S+){0,3} (?:an|zur[üu]ck))\b|اتصل بي|اتصلوا بي|تتصلوا بي|تتصل بي|تتصلون بي|اتصلوا فيني|اتصل فيني|يتصل (?:بي|فيني|علي)|يكلمني|الاتصال بي|الاتصال عل[يى]|(?:اتصلوا|اتصل|تتصلوا|تتصلون|تتصل) عل[يى]|مكالمة|كلموني|كلمني عل[يى]/iu;

export function humanReply(turn: OfflineTurn, ph: Phrases, done: Phrases['handoffDone'] = ph.handoffDone): string[] {
  const { kb } = turn;
  const { handoff } = kb.policies;
  const exchange = lastExchange(turn, 'request_human');
  const hours = teamHours(kb, turn.locale);
  if (!exchange || exchange.failed) return [ph.handoffUnavailable(handoff.email ?? kb.company.salesEmail, hours)];
  const email = turn.state.lead.fields.email?.value;
  const phone = turn.state.lead.fields.phone?.value;
  // "Can you call me?" with a number on record: the team calls that number. (A number given with the request for a
  // person, "Bitte um Rückruf: +49 …", is the number to call too.)
  const numberGiven = typeof phone === 'string' && turn.text.includes(turn.state.lead.fields.phone?.evidence ?? '\u0000');
  if ((CALL_ME.test(turn.text) || numberGiven) && typeof phone === 'string') return [ph.handoffCall(phone, hours)];
  // (The e-mail declined: how they reach the team without it, the sales address, never the e-mail asked for.)
  const without = typeof email !== 'string' && turn.state.noEmail ? ` ${ph.handoffWithoutEmail(handoff.email ?? kb.company.salesEmail)}` : '';
  const confirmation = `${done(typeof email === 'string' ? email : undefined, hours)}${without}`;
  // Asked again ("llámame mañana" after "quiero hablar con una persona"): the team has it already, said so.
  const opening = splitSentences(confirmation)[0] ?? confirmation;
  return [turn.previousReplies.some((reply) => reply.includes(opening)) ? ph.handoffAgain : confirmation];
}

/** The meeting ahead as booked, and as it reads in the zone they asked about (named, else their browser's). */
export function meetingTimeReply(topic: Extract<Topic, { kind: 'meeting-time' }>, turn: OfflineTurn, ph: Phrases): string[] {
  const { booking, zone } = topic;
  // (Booked in Arabic, asked in English after a switch: "Thursday, 26 November", not "الخميس 26 نوفمبر".)
  const label = inReplyLanguage(booking.localLabel, booking.start, booking.timezone, turn);
  if (booking.cancelledAt !== undefined) return [ph.cancelledAlready(label)];
  const local = zone === undefined ? undefined : formatLocalLabel(Date.parse(booking.start), zone, booking.createdAt, turn.locale);
  // "Is that 2pm London?": yes or no, then the time as booked and there.
  if (topic.right !== undefined && local !== undefined) return [ph.meetingTimeCheck(topic.right, label, local, zone === booking.timezone)];
  // A zone they named that is not their browser's ("what time is that in New York?") is not said to be theirs.
  const elsewhere = zone !== undefined && zone === timeZoneIn(turn.text) && !(turn.bookingZone.from === 'browser' && zone === turn.bookingZone.zone);
  return [ph.meetingTime(label, local, zone === booking.timezone, elsewhere)];
}

/** The meeting is cancelled (cancel_meeting): said with what the tool did, or that it already was. */
export function cancelReply(topic: Extract<Topic, { kind: 'meeting-cancel' }>, turn: OfflineTurn, ph: Phrases): string[] {
  const { booking } = topic;
  const label = inReplyLanguage(booking.localLabel, booking.start, booking.timezone, turn);
  if (topic.email && topic.email.toLowerCase() !== booking.email) return [ph.cancelNotHere(topic.email, label, booking.email)];
  if (booking.cancelledAt !== undefined) return [ph.cancelledAlready(label)];
  const exchange = lastExchange(turn, 'cancel_meeting');
  const done = exchange && !exchange.failed ? cancelOk.safeParse(exchange.output) : undefined;
  if (!done?.success) return [ph.cancelUnavailable(label, turn.kb.policies.handoff.email ?? turn.kb.company.salesEmail)];
  return [ph.cancelDone(inReplyLanguage(done.data.cancelled, booking.start, booking.timezone, turn), booking.email, done.data.emailed)];
}

const cancelOk = z.object({ ok: z.literal(true), cancelled: z.string(), emailed: z.boolean() });

function lastExchange(turn: OfflineTurn, toolName: string): ToolExchange | undefined {
  return turn.exchanges.filter((exchange) => exchange.toolName === toolName).at(-1);
}
