/** Topics on meetings: booking, moving and cancelling a demo, its time, who comes, handoff timing. */
import type { OfflineTurn } from '@/lib/llm/offline/context';
import { emailIn, GROWTH, meetingTimesIn, timeZoneIn, westernDigits } from '@/lib/llm/offline/reading';
import { CANCEL_WORDS, EMAIL } from '@/lib/sales/lead/patterns';
import { classifySalesIntent } from '@/lib/sales/intents';
import { PHRASES } from '@/lib/llm/offline/phrases';
import { MEETING_WHEN_ASK } from '@/lib/llm/offline/understanding';
import type { Booking } from '@/lib/sales/types';
import { upcomingBooking } from '@/lib/sales/state';
import { ambiguousDate, DAY_NAME, DAYPART, formatLocalDay, formatLocalLabel, parseMeetingPhrases, parsePreferredTime } from '@/lib/sales/booking';
import { fromWallClock, toWallClock } from '@/lib/sales/time-zone';
import { competitorNamed, FAREWELL, freshFields, GREETINGS, knownEmail, MEETING_NOUN, MEETING_WORDS, QUESTION, THANKS } from '@/lib/llm/offline/topic-words';
import type { Topic } from '@/lib/llm/offline/topic-types';
import { alsoPriced } from '@/lib/llm/offline/topic-pricing';

/** Asking to meet, in words that name no demo: "let's talk", "can we speak", "happy to hop on a call". */
const LETS_MEET =
  /\b(?:let['’]?s|let us|can we|could we|shall we|we could|happy to|i['’]?d like to|i want to|we['’]?d like to|we want to)\s+(?:talk|speak|meet|chat|connect|catch up|have a (?:call|chat|meeting|quick call)|do a call|hop on a call|jump on a call|set up a call|get on a call)\b|(?<!\p{L})(?:on peut(?:-tu)?|peut-on|on pourrait|pourrait-on|pouvons-nous|podemos|podr[ií]amos|k[öo]nnen wir|k[öo]nnten wir)\s+(?:se parler|s['’]appeler|se voir|en parler|hablar|platicar|charlar|vernos|(?:kurz )?(?:sprechen|telefonieren|reden))(?!\p{L})/iu;

const CLOCK_SAID = /\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|h|uhr)(?![\p{L}])|\b\d{1,2}:\d{2}\b|\b(?:a las|um|à)\s+\d{1,2}\b/iu;
/** A time said to suit them: "tomorrow 3pm works for me", "me va bien", "ça me va", "passt mir". */
const TIME_OFFERED =
  /\b(?:works? (?:for|with) (?:me|us)|suits? (?:me|us)|(?:is|would be) (?:fine|good|great|perfect) (?:for|with) (?:me|us)|i['’]?m (?:free|available)|we['’]?re (?:free|available)|me (?:va|viene) bien|me sirve|estoy (?:libre|disponible)|(?:ça|ca|cela) me (?:va|convient)|je suis (?:libre|disponible)|passt (?:mir|uns)|ich (?:hätte|habe) zeit|ich kann)(?![\p{L}])/iu;

/** Moving a meeting: "can we move it to Monday?", "reschedule", "cambiar la demo", "verschieben". */
const MOVE = /\b(move|moving|reschedule|rescheduling|push (?:it|the \w+) (?:back|to)|change (?:it|the (?:time|date|demo|meeting|call))|another (?:time|day)|different (?:time|day)|reprogramar|cambiar (?:la|el) (?:cita|demo|reuni[oó]n|llamada|hora|d[ií]a)|mover (?:la|el)|d[ée]placer|d[ée]caler|changer (?:l['’]heure|la date|le rendez-vous)|verschieben|verlegen|umbuchen)\b|تغيير الموعد|تأجيل|نقل الموعد|غيره|غيرها|غيّره|انقله|انقلها|نقله/iu;

/** "What time is that for me?", "when is my demo?", "¿a qué hora es eso para mí?", "wann ist der Termin?". */
const MEETING_TIME =
  /\b(?:what (?:time|day|date) (?:is|'s|was|would be|will be) (?:that|it|this|(?:my|the|our) (?:demo|meeting|call|appointment|booking))|is (?:that|it|this|(?:my|the|our) (?:demo|meeting|call)) (?:in )?(?:[a-z]+ ){1,2}time|when(?:'s| is| was) (?:my|the|our) (?:demo|meeting|call|appointment|booking)|when (?:are we|am i) (?:meeting|talking|speaking)|when do we (?:meet|talk|speak)|(?:a )?qu[eé] hora (?:es|ser[ií]a|ser[aá]) (?:eso|esa|la demo|la reuni[oó]n|la llamada|para m[ií]|en mi zona)|cu[aá]ndo (?:es|era|qued[oó]|ser[aá]) (?:mi|la|nuestra) (?:demo|reuni[oó]n|cita|llamada)|(?:a )?qu[eé] (?:hora|d[ií]a) (?:era|qued[oó]|es) (?:mi |la |nuestra )?(?:demo|reuni[oó]n|cita|llamada)|quelle heure (?:est[- ]ce|ça fait|ca fait|cela fait|c['’]est|sera[- ]t[- ]il|pour moi)|(?:ça|ca|cela) (?:fait|fera|ferait) quelle heure|c['’]est (?:[àa] )?quelle heure|quand (?:est|a lieu) (?:ma|la) (?:d[ée]mo|r[ée]union)|quand est mon rendez-vous|wie sp[äa]t ist (?:das|es)|um wie ?viel uhr ist (?:das|es|die demo|der termin)|wie ?viel uhr ist (?:das|es) bei mir|wann ist (?:die demo|der termin|mein termin|das meeting|unser termin)|(?:(?:in )?(?:what|which) (?:time ?zone|timezone|tz)|qu[eé] (?:zona horaria|huso horario)|quel fuseau(?: horaire)?|welche(?:r)? zeitzone))|كم الساعة|متى (?:الموعد|العرض|الاجتماع)|(?:أي|اي) منطقة زمنية|\bwann ist (?:meine|die|unsere) (?:demo|vorführung|besprechung)\b|\bquand (?:est|a lieu) (?:ma|la|notre) (?:démo|réunion|présentation)\b|متى (?:موعد )?(?:العرض|الديمو|الاجتماع)|(?:ال)?(?:ديمو|عرض|موعد|اجتماع)\s+(?:امتى|إمتى|امتا|متى|إمتا)|(?:امتى|إمتى|امتا|إمتا)\s+(?:ال)?(?:ديمو|عرض|موعد|اجتماع)|ما موعد (?:العرض|الديمو|الاجتماع)|(?<!\p{L})(?:a )?qu[eé] hora (?:es|ser[ií]a|ser[aá]|cae) (?:eso |la demo )?en [\p{L} ]{3,20}\?|(?<!\p{L})quelle heure (?:est|a lieu|commence) (?:ma|la|notre) (?:d[ée]mo|r[ée]union|pr[ée]sentation|rendez-vous)(?!\p{L})|(?<!\p{L})(?:d[ée]mo|r[ée]union|rendez-vous) (?:est|commence) (?:[àa] )?quelle heure|(?:أي|اي) ساعة (?:هو |هي )?(?:ال)?(?:موعد|عرض|ديمو|اجتماع)|(?:ال)?(?:موعد|عرض|ديمو|اجتماع) (?:في )?(?:أي|اي) ساعة/iu;
/** What a cancellation question about the product names: the subscription, not the meeting. */
export const SUBSCRIPTION =
  /\b(?:subscription|plan|contract|account|seats?|anytime|any time|whenever|suscripci[oó]n|contrato|cuenta|cualquier momento|abonnement|contrat|compte|(?:à|a) tout moment|n['’]importe quand|vertrag|konto|abo|jederzeit)\b|اشتراك|الاشتراك|في أي وقت/iu;
/**
 * The meeting named, or the object of the cancel word ("cancel it", "cancélala", "annulez-la", "sagen Sie ihn ab"):
 * in "can I cancel later if it doesn't work out?" the "it" is the product, not the meeting.
 */
const THE_MEETING =
  /\b(?:demo|d[ée]mo|meeting|call|appointment|booking|reuni[oó]n|cita|llamada|reserva|rendez-vous|r[ée]union|appel|termin|besprechung)\b|\bcancel(?:led)? (?:it|that|this(?: one)?)\b|\b(?:cancel|anul)\w*(?:l[ao])\b|\bc[aá]ncel\w*l[ao]\b|\ban[uú]l\w*l[ao]\b|annulez-la|annule-la|\b(?:ihn|sie|es) ab\b|الموعد|العرض|الاجتماع|المكالمة/iu;

/**
 * A wish to call the meeting off: a cancel word, not about the subscription ("can we cancel anytime?"), and either the
 * meeting (named or "it") or said as a request rather than asked ("please cancel", not "can I cancel?").
 */
function cancelsMeeting(text: string): boolean {
  if (!CANCEL_WORDS.test(text) || SUBSCRIPTION.test(text)) return false;
  return THE_MEETING.test(text) || !QUESTION.test(text);
}

/** The meeting ahead, not cancelled (a goodbye looks forward to it). */
export function upcomingMeeting(turn: Pick<OfflineTurn, 'state' | 'now'>): Booking | undefined {
  return upcomingBooking(turn.state.bookings, turn.now);
}

/**
 * A question about the meeting ahead, or a wish to cancel it; about the last one, if it was cancelled and nothing has
 * been booked since (then either is answered with that). Without a meeting, neither is read this way.
 */
export function meetingQuestion(turn: OfflineTurn): Topic | undefined {
  const last = turn.state.bookings.at(-1);
  const booking = upcomingMeeting(turn) ?? (last?.cancelledAt !== undefined && Date.parse(last.start) > turn.now ? last : undefined);
  if (!booking) return undefined;
  // "Cancel it and book Friday instead" names a time: that is a move (bookingTopic), not a cancellation.
  if (cancelsMeeting(turn.text) && meetingTimesIn(turn.text, turn.now, turn.locale).length === 0) {
    const email = emailIn(turn.text);
    return { kind: 'meeting-cancel', booking, ...(email ? { email } : {}) };
  }
  // "What email is the invite going to?", "¿a qué correo me llega la invitación?": the address it is booked for.
  if (INVITE_ASK.test(turn.text)) return { kind: 'meeting-invite', booking };
  // "Who am I meeting with?", "¿con quién me reúno?": someone from the sales team; no name is known, so none is given.
  if (WHO_MEETING.test(turn.text)) return { kind: 'meeting-who', booking };
  const zone = timeZoneIn(turn.text) ?? (turn.bookingZone.from === 'browser' ? turn.bookingZone.zone : undefined);
  // "Is that 2pm London?", "¿eso es a las 3 en Madrid?": a time to confirm, answered yes or no (never booked again).
  const right = confirmsTime(turn, booking, zone ?? booking.timezone);
  if (right !== undefined) return { kind: 'meeting-time', booking, zone: zone ?? booking.timezone, right };
  // "Tomorrow 4pm still works?" with that very meeting booked: yes, it stands (never booked a second time).
  if (sameSlotAsked(turn, booking)) return { kind: 'meeting-time', booking, zone: booking.timezone, right: true };
  // "Is the meeting confirmed?", "is it cancelled?": its state, from the booking (a cancelled one says so).
  const status = MEETING_STATUS.exec(turn.text);
  if (status && turn.locale === 'en') return { kind: 'meeting-time', booking, zone: booking.timezone, right: !/^(?:cancel|gone|off)/i.test(status[1] ?? '') };
  if (!asksMeetingTime(turn.text) && !MEETING_WHEN_ASK.test(turn.text)) return undefined;
  return { kind: 'meeting-time', booking, ...(zone ? { zone } : {}) };
}

/**
 * "Who will contact me and when?", "when will someone get back to me?", "how long until I hear from them?", "¿quién me
 * contactará y cuándo?", "qui va me contacter ?", "wer meldet sich und wann?", "من سيتواصل معي ومتى؟".
 */
export const HANDOFF_WHEN =
  /\b(?:who|when)(?:'ll| will| is| are| would| do| does)?\b[^.?!]{0,30}\b(?:contact|call|reach|email|get back|get in touch|hear (?:back|from))\b|\bhow (?:long|soon)\b[^.?!]{0,30}\b(?:hear|contact|reach|call|get back|someone|they)\b|(?<!\p{L})(?:qui[eé]n|cu[aá]ndo)(?!\p{L})[^.?!]{0,30}(?<!\p{L})(?:contactar|llamar|escribir|responder|pondr[aá]n? en contacto|comunicar)\p{L}*|(?<!\p{L})(?:qui|quand)(?!\p{L})[^.?!]{0,30}(?<!\p{L})(?:contacter|contactera|appeler|appellera|rappeler|rappellera|joindre|r[ée]pondre|[ée]crire)\p{L}*|(?<!\p{L})(?:wer|wann)(?!\p{L})[^.?!]{0,30}(?<!\p{L})(?:meldet|melden|kontaktiert|kontaktieren|ruft|anrufen|schreibt)(?!\p{L})|(?:من|متى)\s[^.?!؟]{0,30}(?:سيتواصل|يتواصل|سيتصل|يتصل|سيرد|يرد|سيكلمني|يكلمني)/iu;

/** "Thanks, maybe later", "ok maybe another time": said alone, a close. */
export const LATER_CLOSE = /^\s*(?:(?:ok(?:ay)?|thanks|thank you|thx|cool|sure|no worries|alright)[,!.\s]+)*(?:maybe|perhaps|probably) (?:later|another time|some other time|next time)\s*[.!]*\s*$/i;

/** Open times asked for, not given: "what do you have for next week?", "when are you free?", "what slots are open?". */
export const AVAILABILITY_ASK =
  /\bwhat (?:do you have|have you got|(?:times?|slots?|days?) (?:do you have|are (?:open|free|available)|work))\b[^.?!]{0,25}\b(?:next week|this week|tomorrow|monday|tuesday|wednesday|thursday|friday|available|open|free)?|\bwhen (?:are you|is (?:the|your) team|are they) (?:free|available)\b|\b(?:any|what) (?:availability|openings|open slots|free slots)\b|\bwhat(?:'s|’s| is) your availability\b/i;

/** "Is the meeting confirmed?", "is it cancelled?", "are we still booked?": a booked meeting's state, asked alone. */
const MEETING_STATUS =
  /^\s*(?:(?:so|and|ok(?:ay)?|wait|just to (?:check|confirm)|sorry)[,\s]+)?(?:is|are|was) (?:(?:the|my|our) )?(?:it|that|we|demo|meeting|call|booking|appointment) (?:still |all |now |definitely |really |actually )?(confirmed|booked|set|scheduled|locked in|on|cancell?ed|gone|off)\b(?: now| then| already| for sure| for (?:the )?\w+day)?\s*[?!.]*\s*$/i;

/** "Still works?", "are we still on", "¿sigue en pie?", "toujours bon ?", "steht das noch?": a meeting checked, not moved. */
const STILL_ON =
  /\b(?:still (?:works?|good|on|ok(?:ay)?|fine|happening|confirmed|booked)|(?:are we|we['’]re|is it|is that|is the (?:demo|meeting|call)) (?:still )?(?:on|good|confirmed|booked)|confirmed|sigue (?:en pie|bien|confirmad[ao])|(?:sigue|todav[ií]a) (?:vale|sirve|funciona)|(?:est[aá]|queda) confirmad[ao]|toujours (?:bon|ok|valable|maintenu|d['’]actualit[ée])|c['’]est (?:toujours|bien) (?:bon|confirm[ée])|steht (?:das |es |der termin )?(?:noch|fest)|passt (?:das |es )?noch|(?:noch|weiterhin) (?:aktuell|gültig)|(?:ist |bleibt es )?bestätigt)(?![\p{L}])/iu;

/**
 * "Tomorrow 4pm still works?", "still on for Wednesday at 4?": a short check that names the booked meeting's own day and
 * time (read in the zone it was booked in), with no word of moving it.
 */
function sameSlotAsked(turn: OfflineTurn, booking: Booking): boolean {
  const text = westernDigits(turn.text);
  if (booking.cancelledAt !== undefined || MOVE.test(text) || text.trim().split(/\s+/).length > 12) return false;
  if (!STILL_ON.test(text) && !QUESTION.test(text.trim())) return false;
  const phrases = meetingTimesIn(text, turn.now, turn.locale);
  if (phrases.length !== 1 || !phrases[0]) return false;
  const asked = parsePreferredTime(phrases[0], booking.timezone, turn.now, turn.kb.policies.meetings, turn.locale);
  const booked = toWallClock(Date.parse(booking.start), booking.timezone);
  return asked !== undefined && asked.year === booked.year && asked.month === booked.month && asked.day === booked.day && asked.hour === booked.hour && asked.minute === booked.minute;
}

/** "What's that in London time?", "what is it in Tokyo?": the meeting's time in a zone they name. */
const TIME_THERE = /\bwhat(?:'s|’s| is)? (?:that|it|this) (?:in|for)\b/iu;
/** "When is it?", "and when's that again?": said alone, with a meeting ahead, when it is. */
const WHEN_IS_IT = /^\s*(?:(?:and|so|ok(?:ay)?|sorry)[,\s]+)?when(?:'s|’s| is) (?:it|that)(?: again| now| then)?\s*[?!.]*\s*$/iu;

function asksMeetingTime(text: string): boolean {
  return MEETING_TIME.test(text) || WHEN_IS_IT.test(text) || (TIME_THERE.test(text) && timeZoneIn(text) !== undefined);
}

/**
 * A short question that puts a clock time to the meeting, to check it: "Is that 2pm London?", "so that's 9am for me?",
 * "¿eso es a las 3 en Madrid?", "c'est bien 15h à Londres ?", "Ist das dann 15 Uhr Londoner Zeit?", "يعني الساعة ٢
 * بتوقيت لندن؟". ("Is it possible at 3pm?" asks for another time, and "is it 50 seats minimum?" names no clock time.)
 */
const CONFIRMS_TIME =
  /^\s*[¿]?\s*(?:(?:so|and|ok(?:ay)?|wait|just to (?:check|confirm)|to confirm|o sea|entonces|y|vale|donc|alors|et|also|und)[,\s]+)?(?:is (?:that|it|this|(?:the|my|our) (?:demo|meeting|call))|(?:so )?that(?:'s|’s| is| would be| will be| means)|(?:(?:eso|esto|la demo|la reuni[oó]n|la llamada)\s+)?(?:es|ser[ií]a|ser[aá]|son|ser[ií]an)\s+(?:a\s+)?las?|c['’]est(?: bien| donc)?|ce sera(?:it)?|(?:ça|cela) (?:fait|ferait|tombe)|ist (?:das|es|der termin|die demo)|das (?:ist|wäre|hei(?:ß|ss)t)|wäre das|يعني|هل (?:هذا|هذه|هو|هي|الموعد|العرض)|(?:الموعد|العرض) (?:يعني|هو|يكون))\s+(?:(?:then|dann|also|bien|donc|bei mir|هو|يكون|بيكون)\s+)?(?:at\s+|à\s+|um\s+|a las\s+|(?:في |على )?(?:الساعة|الساعه)\s*)?\d/iu;

/** Whether the clock time such a question names is the booked meeting's in `zone`; undefined when it asks no such thing. */
function confirmsTime(turn: OfflineTurn, booking: Booking, zone: string): boolean | undefined {
  const text = westernDigits(turn.text);
  if (!CONFIRMS_TIME.test(text) || !QUESTION.test(text.trim()) || MOVE.test(text) || text.trim().split(/\s+/).length > 12) return undefined;
  const phrase = meetingTimesIn(text, turn.now, turn.locale)[0];
  if (!phrase || !onlyClockTime(phrase, turn)) return undefined;
  const asked = parsePreferredTime(phrase, zone, turn.now, turn.kb.policies.meetings, turn.locale);
  if (!asked) return undefined;
  const booked = toWallClock(Date.parse(booking.start), zone);
  return asked.hour === booked.hour && asked.minute === booked.minute;
}

export function bookingTopic(turn: OfflineTurn): Topic | undefined {
  const times = meetingTimesIn(turn.text, turn.now, turn.locale);
  // "Sorry, my email is actually …" with a meeting ahead for the address given before: the same meeting, for this one.
  const corrected = times.length === 0 ? correctedBookingEmail(turn) : undefined;
  if (corrected) return corrected;
  // After asking for a meeting (stage closing, nothing booked yet or only cancelled), a reply with a time is the answer
  // to "when?". ("What if we grow to 15 next year?" is about seats, whatever a date reader finds in it.)
  // (Only once a meeting is in talk: an email with "we need it within 2 weeks" is contact details and a timeline.)
  const pending =
    turn.stage === 'closing' &&
    turn.state.bookings.every((booking) => booking.cancelledAt !== undefined) &&
    !GROWTH.test(westernDigits(turn.text)) &&
    (times.length > 0 || emailIn(turn.text) !== undefined || piecedSlot(turn) !== undefined || phoneForDemo(turn)) &&
    meetingInTalk(turn);
  // A meeting ahead is moved when asked ("move it to Monday at 11"), or when a short message names another zone than
  // the one it was booked in ("actually I'm in London": the same time, read in their zone). book_meeting moves it.
  const upcoming = upcomingBooking(turn.state.bookings, turn.now);
  const zone = timeZoneIn(turn.text);
  const short = turn.text.trim().split(/\s+/).length <= 10;
  // ("Danke, bis Montag!", "see you Monday", "hasta el lunes", "à lundi !": a goodbye naming the day, not a move.)
  const seeYou = SEE_YOU.test(turn.text) || (THANKS.test(turn.text) && FAREWELL.test(turn.text));
  // ("Friday doesn't work, can we do Monday same time?", "الاثنين … بدلا من ذلك": a weekday, not Monday.com, unless named as one.)
  const dayNotRival = turn.intent === 'comparison' && upcoming !== undefined && competitorNamed(turn) === undefined && !/\bmonday(?:\s*\.\s*com|\s+(?:com|crm|work management|boards?))\b/iu.test(turn.text);
  const bareTime = times.length > 0 && short && !seeYou && (turn.intent === 'other' || turn.intent === 'small_talk' || dayNotRival); // "Thursday at 5pm?"
  // ("Can you use Eastern time instead?" asks for the move; "is that Eastern time?" only asks.)
  const otherZone = zone !== undefined && zone !== upcoming?.timezone && short && (!QUESTION.test(turn.text) || ZONE_SWITCH.test(turn.text));
  // ("afternoon", then "3", just after booking: that part of the day, that hour, on the meeting's day.)
  const moving = upcoming !== undefined && (MOVE.test(turn.text) || bareTime || otherZone || (times.length === 0 && piecedSlot(turn) !== undefined));
  // "Tomorrow 3pm works for me" once the sales team has been asked to take over (none booked yet): the time they offer
  // for that conversation is booked, as any meeting asked for.
  const handedOver =
    turn.state.handoff !== undefined &&
    turn.state.bookings.every((booking) => booking.cancelledAt !== undefined) &&
    times.length > 0 &&
    short &&
    !seeYou &&
    !GROWTH.test(westernDigits(turn.text));
  // "Let's talk next week, Tuesday 11am": a meeting asked for with a time, though no "demo" or "book" is said.
  // ("Tomorrow 3pm works for me", "mañana a las 15:00 me va bien", said with no meeting in talk: a time offered to meet.)
  // (With a clock time in it: "we want to go live tomorrow, works for me" names no hour to meet at.)
  const offered = short && TIME_OFFERED.test(turn.text) && CLOCK_SAID.test(westernDigits(turn.text)) && !QUESTION.test(turn.text.trim());
  const letsMeet = times.length > 0 && upcoming === undefined && (LETS_MEET.test(turn.text) || offered) && !GROWTH.test(westernDigits(turn.text));
  if (turn.intent !== 'booking' && !pending && !moving && !handedOver && !letsMeet) return undefined;
  // With a meeting ahead, a message that names no time and asks no move is about that meeting ("¿qué necesito preparar
  // para la demo?", "cuando quedo la demo?"), never the time said a message before booked again.
  if (upcoming !== undefined && times.length === 0 && !moving && !pending && !handedOver) return undefined;
  // The time and zone may have come with the first ask, before the email: look back over the last few messages.
  const recent = turn.userTexts.slice(-3).reverse();
  // A meeting moved stays in the zone it was in unless they name another; a new one after a cancelled one, in that one's.
  // ("What time is that in New York?" only asks: the meeting stays in their zone.)
  const timezone = recent.filter((text) => !asksTimeElsewhere(text)).map(timeZoneIn).find((zone) => zone !== undefined) ?? (upcoming ?? turn.state.bookings.at(-1))?.timezone;
  const price = alsoPriced(turn);
  // (Completed from up to five messages back: the day, the time and the answer to "which day?" may each be one.)
  const earlier = turn.userTexts.slice(-5).reverse();
  const pieced = piecedSlot(turn, timezone ?? turn.bookingZone.zone);
  const wanted = pieced
    ? [pieced]
    : earlier.slice(0, recent.length).some((text) => meetingTimesIn(text, turn.now, turn.locale).length > 0)
      ? (completedTimes(turn, earlier, timezone ?? turn.bookingZone.zone) ?? [])
      : [];
  // (Only this message's phrases: a time said before the move was already read as the prospect meant it.)
  // "Move it 30 minutes later", "an hour earlier": from the booked time (read alone, "30 minutes later" is from now).
  const shifted = moving && upcoming ? shiftedSlot(turn.text, upcoming, timezone ?? upcoming.timezone) : undefined;
  const asked = shifted ? [shifted] : moving && upcoming && times.length > 0 ? times.map((phrase) => movedSlot(phrase, turn, upcoming, timezone ?? upcoming.timezone)) : wanted;
  const email = knownEmail(turn);
  // No e-mail (declined), a phone on record: the sales team calls to confirm the time, rather than asking again.
  const phone = email === undefined && turn.state.noEmail ? turn.state.lead.fields.phone?.value : undefined;
  const byPhone = typeof phone === 'string' || typeof phone === 'number' ? String(phone) : undefined;
  return { kind: 'booking', email, times: inWeekAsked(turn, asked, timezone ?? turn.bookingZone.zone), ...(timezone ? { timezone } : {}), ...(price ? { price } : {}), ...(byPhone ? { byPhone } : {}) };
}

/** A phone number given after the e-mail was declined, in answer to a demo's "leave a phone number" (bookingByPhone). */
function phoneForDemo(turn: OfflineTurn): boolean {
  return turn.state.noEmail === true && freshFields(turn).includes('phone');
}

/**
 * The times asked for in the newest of `texts` (newest first) that names any, completed by the meeting asked for a
 * message or two before: "demo next Wednesday 4pm", then "make it 9am instead" is next Wednesday at 9 (still to be
 * asked which Wednesday); asked "3 December or 12 March?" about "3/12 at 10am", "3 December" is at 10. Only a lone
 * phrase, and only when the chain goes back to a message asking for a meeting ("live by March 3rd" is no such part).
 */
function completedTimes(turn: OfflineTurn, texts: readonly string[], timezone: string): string[] | undefined {
  const at = texts.findIndex((text) => meetingTimesIn(text, turn.now, turn.locale).length > 0);
  if (at < 0) return undefined;
  const times = meetingTimesIn(texts[at] ?? '', turn.now, turn.locale);
  const [phrase] = times;
  const rest = texts.slice(at + 1);
  if (times.length !== 1 || phrase === undefined) return times;
  const earlierAt = rest.findIndex((text) => meetingTimesIn(text, turn.now, turn.locale).length > 0);
  if (earlierAt < 0) return times;
  const earlierText = rest[earlierAt] ?? '';
  const resolved = completedTimes(turn, rest, timezone);
  const raw = meetingTimesIn(earlierText, turn.now, turn.locale);
  // (Or the message just before it did: "can I see a demo?", "next wednesday morning?", "10am".)
  const asked = [earlierText, rest[earlierAt + 1]].some((text) => text !== undefined && classifySalesIntent(text.replace(new RegExp(EMAIL.source, 'g'), ' '), turn.kb) === 'booking');
  // (Completed itself, the earlier phrase was part of the same request.)
  const earlier = resolved?.length === 1 && (asked || resolved[0] !== raw[0]) ? resolved[0] : undefined;
  if (earlier === undefined) return times;
  const policy = turn.kb.policies.meetings;
  const certain = (text: string) => parseMeetingPhrases(text, new Date(turn.now), { forwardDate: true }, turn.locale)[0]?.start;
  const said = certain(phrase);
  const before = certain(earlier);
  if (!said || !before) return times;
  const hasDay = (start: NonNullable<typeof said>) => start.isCertain('weekday') || start.isCertain('day');
  // A clock time alone ("make it 9am instead"): on the day asked before, which stays unclear if it was.
  if (onlyClockTime(phrase, turn) && hasDay(before)) {
    const unclear = ambiguousDate(earlier, timezone, turn.now, turn.locale);
    if (unclear) return [`${unclear.phrase} ${phrase}`];
    const day = parsePreferredTime(earlier, timezone, turn.now, policy, turn.locale);
    const clock = parsePreferredTime(phrase, timezone, turn.now, policy, turn.locale);
    return day && clock ? [`${day.year}-${pad(day.month)}-${pad(day.day)} ${pad(clock.hour)}:${pad(clock.minute)}`] : times;
  }
  // A day alone ("3 December", "the 2nd"): at the time asked before.
  if (hasDay(said) && !said.isCertain('hour') && !HAS_HOUR.test(phrase.replace(/\d/g, '')) && before.isCertain('hour')) {
    const clock = parsePreferredTime(earlier, timezone, turn.now, policy, turn.locale);
    return clock ? [`${phrase} ${pad(clock.hour)}:${pad(clock.minute)}`] : times;
  }
  // "Next Tuesday afternoon", a question in between, then "Tuesday at 2pm works": the Tuesday said before, not today.
  if (said.isCertain('weekday') && !said.isCertain('day') && before.isCertain('weekday') && said.get('weekday') === before.get('weekday')) {
    // (Unless the day said before was itself unclear, "nächsten Mittwoch" on a Tuesday: the new phrase stands.)
    const day = ambiguousDate(earlier, timezone, turn.now, turn.locale) ? undefined : parsePreferredTime(earlier, timezone, turn.now, policy, turn.locale);
    const again = parsePreferredTime(phrase, timezone, turn.now, policy, turn.locale);
    if (!day || !again || (day.year === again.year && day.month === again.month && day.day === again.day)) return times;
    return [`${day.year}-${pad(day.month)}-${pad(day.day)} ${pad(again.hour)}:${pad(again.minute)}`];
  }
  return times;
}

/**
 * A slot given in pieces over a few messages: "book me something tomorrow", "morning please", "10" (and then perhaps
 * only the address): the day asked for, its part of the day and the hour said alone, together ("10" is no head count).
 * A date and time for book_meeting once the hour is known ("2026-11-25 10:00"), else the day with its part of the day.
 * Undefined unless this message or one just after the day is such a piece, and the day was asked for a meeting.
 */
export function piecedSlot(turn: OfflineTurn, timezone = turn.bookingZone.zone): string | undefined {
  const booked = upcomingBooking(turn.state.bookings, turn.now);
  if (booked) return bookedDayPiece(turn, booked);
  let hour: number | undefined;
  let daypart: string | undefined;
  for (const text of turn.userTexts.slice(-5).reverse()) {
    const said = westernDigits(text).trim();
    const email = emailIn(said);
    if (email !== undefined && said.replace(new RegExp(EMAIL.source, 'g'), '').replace(/[\s\p{P}]+/gu, '').length === 0) continue;
    const phrases = meetingTimesIn(said, turn.now, turn.locale);
    const number = /^(?:at |around )?\d{1,2}\s*[.!?]?$/i.test(said) ? Number(/\d+/.exec(said)?.[0]) : undefined;
    if (phrases.length === 0 && number !== undefined && number >= 1 && number <= 23 && hour === undefined && daypart === undefined) {
      hour = number;
      continue;
    }
    const part = DAYPART.exec(said)?.[0];
    if (phrases.length === 0 && part !== undefined && daypart === undefined && said.split(/\s+/).length <= 4 && !GREETINGS.test(said)) {
      daypart = part;
      continue;
    }
    const [phrase] = phrases;
    if (phrase === undefined || (hour === undefined && daypart === undefined) || phrases.length > 1) return undefined;
    if (!askedForMeeting(turn, 6)) return undefined;
    const day = parseMeetingPhrases(phrase, new Date(turn.now), { forwardDate: true }, turn.locale)[0]?.start;
    if (!day || day.isCertain('hour') || (DAYPART.test(phrase) && daypart !== undefined)) return undefined;
    const wholePhrase = [phrase, daypart].filter(Boolean).join(' ');
    if (hour === undefined) return wholePhrase;
    const wall = parsePreferredTime(`${wholePhrase} at ${hour}`, timezone, turn.now, turn.kb.policies.meetings, turn.locale);
    return wall ? `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}` : undefined;
  }
  return undefined;
}

/**
 * With a meeting booked, a part of the day said alone moves it on its own day ("afternoon": at that part's usual hour),
 * and an hour said alone just after one is that hour of it ("afternoon", then "3": 15:00). A date and time for
 * book_meeting ("2026-11-25 15:00"), or undefined unless this message is such a piece ("3" alone stays unclear).
 */
const MOVED_HOUR = /^(?:(?:can|could|would) (?:you|we) (?:please )?)?(?:(?:make|move|change|switch|push) (?:it|that|the (?:demo|meeting|call))(?: to)?|let'?s (?:say|do)|how about|what about)\s+(?:at\s+)?(\d{1,2})(?::([0-5]\d))?(?:\s+(?:o'?clock|instead))*(?:\s+please)?\s*[.!?]*$|^(\d{1,2})(?::([0-5]\d))?\s+instead\s*[.!?]*$/i;

function bookedDayPiece(turn: OfflineTurn, booking: Booking): string | undefined {
  const daypartOnly = (text: string) => {
    const said = westernDigits(text).trim();
    const part = DAYPART.exec(said)?.[0];
    return part !== undefined && said.split(/\s+/).length <= 5 && !GREETINGS.test(said) && !QUESTION.test(said) && meetingTimesIn(said, turn.now, turn.locale).length === 0 ? part : undefined;
  };
  const [current = '', before = ''] = turn.userTexts.slice(-2).reverse();
  const hourSaid = /^(?:at |around |um |a las |à )?\d{1,2}\s*[.!]?$/i.test(westernDigits(current).trim()) ? Number(/\d+/.exec(westernDigits(current))?.[0]) : undefined;
  const policy = turn.kb.policies.meetings;
  // "Can you make it 11 instead?", "move it to 3": a bare hour asked as a move, on the booked day (1–7 are afternoon).
  const movedTo = MOVED_HOUR.exec(westernDigits(current).trim());
  const movedHour = movedTo?.[1] ?? movedTo?.[3];
  if (hourSaid === undefined && movedTo && movedHour !== undefined) {
    const hour = Number(movedHour);
    if (hour < 1 || hour > 23) return undefined;
    const day = toWallClock(Date.parse(booking.start), booking.timezone);
    return `${day.year}-${pad(day.month)}-${pad(day.day)} ${pad(hour < 8 ? hour + 12 : hour)}:${movedTo[2] ?? movedTo[4] ?? '00'}`;
  }
  const part = hourSaid === undefined ? daypartOnly(current) : daypartOnly(before);
  if (part === undefined || (hourSaid !== undefined && (hourSaid < 1 || hourSaid > 23))) return undefined;
  const clock = parsePreferredTime(hourSaid === undefined ? `tomorrow ${part}` : `tomorrow ${part} at ${hourSaid}`, booking.timezone, turn.now, policy, turn.locale);
  if (!clock) return undefined;
  const day = toWallClock(Date.parse(booking.start), booking.timezone);
  return `${day.year}-${pad(day.month)}-${pad(day.day)} ${pad(clock.hour)}:${pad(clock.minute)}`;
}

/**
 * "What time is that in New York?", "y eso a qué hora es en Madrid?", "is that 2pm London?": a question about the
 * meeting's time in a zone, which converts and moves nothing ("can you use Eastern time instead?" asks for the move).
 */
function asksTimeElsewhere(text: string): boolean {
  if (ZONE_SWITCH.test(text) || MOVE.test(text)) return false;
  return asksMeetingTime(text) || (CONFIRMS_TIME.test(westernDigits(text)) && QUESTION.test(text.trim()));
}

/** Whether one of their last `messages` asks for a meeting (read without its address: "book it for Thursday, jo@…"). */
export function askedForMeeting(turn: Pick<OfflineTurn, 'userTexts' | 'kb'>, messages: number): boolean {
  return turn.userTexts.slice(-messages).some((text) => classifySalesIntent(text.replace(new RegExp(EMAIL.source, 'g'), ' '), turn.kb) === 'booking');
}

/**
 * Whether a meeting is being arranged: they asked for one in their last few messages, or the agent's last reply asked
 * them when (or for the email the invite needs). Only then is a time or an email on its own the answer to that.
 */
function meetingInTalk(turn: OfflineTurn): boolean {
  // A meeting booked before (cancelled since: "would you like another time?") keeps it in talk.
  if (turn.state.bookings.length > 0) return true;
  // (An address makes a message "contact": "book it for Thursday, jo@…" is read without it.)
  // (Over the last six: their name, email and company may have been asked for in between.)
  if (askedForMeeting(turn, 6)) return true;
  const lastReplies = turn.previousReplies.slice(-3);
  if (lastReplies.length === 0) return false;
  const ph = PHRASES[turn.locale];
  const minutes = turn.kb.policies.meetings.durationMinutes;
  const cut = '\u0000';
  // Each of the agent's meeting questions up to its first variable part (the zone, the time it read).
  // ("Können wir nächste Woche einen Termin machen?": the hours offered for that week ask for a day and a time too.)
  const hours = ph.bookingHours ? [ph.bookingHours(minutes, cut, cut, cut, true), ph.bookingHours(minutes, cut, cut, cut, true, undefined, [cut, cut])] : [];
  const asks = [ph.bookingOffer(minutes, cut), ph.bookingNeedsTime(minutes, cut), ph.bookingNeedsEmail(minutes, undefined), ph.bookingNeedsEmail(minutes, cut), ph.bookingWhichDay(cut, cut, cut), ph.bookingByPhone(minutes, cut), ...hours];
  return asks.some((ask) => {
    const head = (ask.split(cut)[0] ?? '').trim();
    return head.length >= 12 && lastReplies.some((last) => last.includes(head));
  });
}

/** A week named for a meeting, without a day or a time: "next week", "la semana que viene", "la semaine prochaine",
 *  "nächste Woche", "الأسبوع الجاي". */
const WEEK_ONLY = /(?<!\p{L})(?:next week|the week after|la semana que viene|la pr[oó]xima semana|semana que viene|la semaine prochaine|semaine prochaine|la semaine d['’]apr[eè]s|n[äa]chste(?:n)? woche|kommende(?:n)? woche|(?:ال)?(?:أسبوع|اسبوع) (?:ال)?(?:جاي|قادم|جاية|مقبل|جاى|ياي|اللي جاي))(?!\p{L})/iu;

/** A part of the week, which names the days: "end of next week", "a finales de la semana que viene", "début de la semaine prochaine". */
const WEEK_PART = /(?<!\p{L})(?:(?:end|start|beginning|middle|early|late)(?: of)?|(?:a )?(?:finales|final|principios|mediados|inicios?) de|(?:au |en )?(?:d[ée]but|fin|milieu) de|ende|anfang|mitte)\s+(?:the\s+|la\s+)?(?:next week|semana|semaine|n[äa]chste)|(?:نهاية|بداية|أول|آخر|اخر)\s+(?:ال)?(?:أسبوع|اسبوع)/iu;

/**
 * "Geht auch nächste Woche?", "¿se puede la semana que viene?", "c'est possible la semaine prochaine ?": a week but no
 * day or hour, for a meeting (one booked, or one in talk). Never a day picked for them: which day and time suit them
 * is asked, with that week's working days; the demo booked stays where it is until they name one.
 */
export function weekOnlyTopic(turn: OfflineTurn): Topic | undefined {
  const text = westernDigits(turn.text);
  if (!WEEK_ONLY.test(text) || WEEK_PART.test(text) || DAY_NAME.test(text) || /\d/.test(text) || DAYPART.test(text) || text.trim().split(/\s+/).length > 14) return undefined;
  const upcoming = upcomingMeeting(turn);
  if (upcoming === undefined && turn.intent !== 'booking' && !MEETING_NOUN.test(text) && !MEETING_WORDS.test(text) && !(turn.stage === 'closing' && meetingInTalk(turn))) return undefined;
  const zone = upcoming?.timezone ?? turn.bookingZone.zone;
  const email = knownEmail(turn);
  return { kind: 'booking', times: [], hours: true, week: workingWeek(turn, zone), ...(email ? { email } : {}), ...(upcoming ? { booked: formatLocalLabel(Date.parse(upcoming.start), upcoming.timezone, turn.now, turn.locale), timezone: upcoming.timezone } : {}) };
}

/**
 * "Dienstag um 14 Uhr" in answer to "which day next week?": that Tuesday of next week, never this week's (a weekday
 * alone reads as the next one to come). Only when the message before named the week without a day (weekOnlyTopic).
 */
function inWeekAsked(turn: OfflineTurn, times: readonly string[], timezone: string): string[] {
  const before = turn.userTexts.at(-2);
  if (before === undefined || !WEEK_ONLY.test(westernDigits(before)) || !DAY_NAME.test(turn.text) || WEEK_ONLY.test(westernDigits(turn.text))) return [...times];
  const policy = turn.kb.policies.meetings;
  const today = toWallClock(turn.now, timezone);
  const day = 86_400_000;
  const midnight = Date.UTC(today.year, today.month - 1, today.day);
  const monday = midnight + (8 - (new Date(midnight).getUTCDay() || 7)) * day;
  return times.map((phrase) => {
    const written = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(phrase);
    const wall = written ? { year: Number(written[1]), month: Number(written[2]), day: Number(written[3]), hour: Number(written[4]), minute: Number(written[5]) } : parsePreferredTime(phrase, timezone, turn.now, policy, turn.locale);
    if (!wall) return phrase;
    let date = Date.UTC(wall.year, wall.month - 1, wall.day);
    while (date < monday) date += 7 * day;
    const moved = new Date(date);
    return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())} ${pad(wall.hour)}:${pad(wall.minute)}`;
  });
}

/** Next week's first and last working days, as the reply's language writes a day ("lunes 30 de noviembre"). */
function workingWeek(turn: OfflineTurn, zone: string): [string, string] {
  const today = toWallClock(turn.now, zone);
  const day = 86_400_000;
  const midnight = Date.UTC(today.year, today.month - 1, today.day);
  const weekday = new Date(midnight).getUTCDay() || 7;
  const monday = midnight + (8 - weekday) * day;
  const days = turn.kb.policies.meetings.workingDays.length > 0 ? turn.kb.policies.meetings.workingDays : [1, 2, 3, 4, 5];
  const label = (offset: number) => {
    const date = new Date(monday + (offset - 1) * day);
    const instant = fromWallClock({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 12, minute: 0 }, zone);
    return formatLocalDay(instant, zone, turn.now, turn.locale);
  };
  return [label(Math.min(...days)), label(Math.max(...days))];
}

/** A new email on record while the meeting ahead is for another: book_meeting at the booked time, for the new one. */
function correctedBookingEmail(turn: OfflineTurn): Topic | undefined {
  const email = turn.state.lead.fields.email?.value;
  const upcoming = upcomingBooking(turn.state.bookings, turn.now);
  if (!upcoming || typeof email !== 'string' || email === upcoming.email || !freshFields(turn).includes('email')) return undefined;
  const booked = toWallClock(Date.parse(upcoming.start), upcoming.timezone);
  const slot = `${booked.year}-${pad(booked.month)}-${pad(booked.day)} ${pad(booked.hour)}:${pad(booked.minute)}`;
  return { kind: 'booking', email, times: [slot], timezone: upcoming.timezone };
}

/** "Same time", "a la misma hora", "à la même heure", "zur gleichen Zeit", "نفس الوقت": the booked meeting's time. */
const SAME_TIME =
  /\b(?:(?:the )?same time|same hour|(?:a )?la misma hora|(?:à )?la même heure|(?:(?:zur|um die|die) )?(?:gleiche|selbe)n? (?:zeit|uhrzeit)|(?:à )?même heure|misma hora)\b|نفس الوقت|نفس الساعة|بنفس التوقيت/iu;
/** A clock time or a part of the day in a phrase. */
const HAS_HOUR = /\d|\b(?:noon|midday|morning|afternoon|evening|night|mediod[ií]a|ma[nñ]ana|tarde|noche|matin|midi|apr[eè]s-midi|soir|uhr|morgens|vormittags?|mittags?|nachmittags?|abends)\b|صباح|مساء|ظهر|عصر/iu;
/** A phrase that says which day in its own right: a date, "tomorrow", "next …", "this …". */
const DAY_ANCHOR = /\d{1,2}[./-]\d{1,2}|\b\d{1,2}(?:st|nd|rd|th)?\s+(?!uhr(?![\p{L}])|horas?(?![\p{L}])|heures?(?![\p{L}])|hours?(?![\p{L}]))\p{L}{3,}|\b(?:today|tomorrow|tonight|next|this|coming|hoy|ma[nñ]ana|pr[oó]xim[oa]|que viene|este|esta|aujourd|demain|prochain|ce |heute|morgen|n[aä]chste|kommende|diese)/iu;

/**
 * A new time for the meeting ahead that leans on the booked one, as the prospect means it: "same time" and a bare day
 * ("move it to Monday") keep the booked hour, and that day is the one nearest the booked day ("make it Wednesday
 * same time", said a week ahead of a Tuesday demo, is the next day, not this week's Wednesday): written as a date and
 * time (`2026-12-02 14:00`) that book_meeting reads exactly. "Tomorrow, same time" keeps its day word; a phrase with its
 * own time ("Thursday at 5pm") is passed on as said.
 */
/** Asking for the meeting in another zone: "can you use Eastern time instead?", "switch it to London time". */
const ZONE_SWITCH = /\b(?:use|switch|change|make it|put it|book it|set it|instead|usa[rd]?|cambia\w*|utilise[rz]?|mettez|nehmen sie|stattdessen)\b|بدلا|بدلًا|استخدم/iu;

/** "See you Monday", "talk Thursday", "bis Montag", "hasta el lunes", "à lundi", "نراك يوم الاثنين": a goodbye with the day. */
const SEE_YOU =
  /\b(?:see you|see ya|talk (?:to you )?(?:then|on|next)?|until|till|hasta(?: el)?|nos vemos(?: el)?|[àa]|bis(?: zum| am)?)\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|lunes|martes|mi[ée]rcoles|jueves|viernes|ma[ñn]ana|lundi|mardi|mercredi|jeudi|vendredi|demain|montag|dienstag|mittwoch|donnerstag|freitag|morgen)\b|(?:نراك|أراك|اراك|إلى اللقاء)/iu;

/** Who the meeting is with: "who am I meeting with?", "who's running the demo?", "¿con quién me reúno?", "mit wem treffe ich mich?". */
/** (And "¿quién va a estar en la reunión?", "qui sera à la démo ?", "wer ist bei der Demo?", "من سيكون في الاجتماع؟".) */
const WHO_MEETING =
  /\bwho(?:['’]s| is| will| am i| are we| do i| would)?\b[^.?!]{0,20}\b(?:meeting|meet|talking to|talk to|speaking (?:to|with)|speak (?:to|with))\b[^.?!]{0,12}(?:\bwith\b|[?]|$)|\bwho\b[^.?!]{0,25}\b(?:run(?:ning|s)?|lead(?:ing|s)?|host(?:ing|s)?|giv(?:e|ing)|do(?:ing)?|present(?:ing)?|join(?:ing)?|on|in|be (?:on|in|at)|attend(?:ing)?)\s+(?:the|my|our|this|that)\s+(?:demo|meeting|call|session)\b|\bwho(?:['’]s| is| will)? (?:the|my|our) (?:demo|meeting|call) (?:be )?with\b|\bname\b[^.?!]{0,25}\b(?:person|rep|one|guy|someone|salesperson)\b[^.?!]{0,20}\b(?:meet(?:ing)?|talk(?:ing)? to|speak(?:ing)? (?:to|with)|run(?:ning|s)? (?:the|my) (?:demo|call))\b|\b(?:who(?:['’]s| is)|name of) (?:the|my|our) (?:rep|host|presenter|sales ?rep)\b|\bcon qui[eé]n\b[^.?!]{0,30}\b(?:re[uú]n\w*|hablar\w*|hablo|es la (?:demo|reuni[oó]n|llamada)|ser[aá] la (?:demo|reuni[oó]n|llamada)|tengo la (?:demo|reuni[oó]n|cita|llamada)|voy a)|\bqui[eé]n (?:dar[aá]|har[aá]|presentar[aá]|estar[aá] en|llevar[aá]) (?:la|mi) (?:demo|reuni[oó]n|llamada)|\bavec qui\b[^.?!]{0,30}\b(?:rendez-vous|r[ée]union|d[ée]mo|appel|parler|parlerai|parle|rencontre\w*|ai-je|j['’]ai|vais-je|est-ce)|\bqui (?:animera|pr[ée]sentera|fera|m[eè]nera|sera (?:l[àa]|pr[ée]sent))\b|\bmit wem\b[^.?!]{0,30}\b(?:treffe|spreche|rede|habe|ist|bin|werde)|\bwer (?:f[üu]hrt|macht|leitet|h[äa]lt|ist bei|wird)\b[^.?!]{0,25}\b(?:demo|termin|vorf[üu]hrung|gespr[äa]ch|meeting)|مع من (?:سأجتمع|سألتقي|الاجتماع|الموعد|العرض)|من (?:سيقدم|سيحضر) (?:العرض|الاجتماع)|(?<!\p{L})qui[eé]n(?:es)? (?:va|van) a (?:estar|dar|hacer|presentar|llevar|participar|conectarse)(?: en)? (?:la|mi) (?:demo|reuni[oó]n|llamada)|(?<!\p{L})qui (?:sera|seront|participera|va (?:animer|pr[ée]senter|[êe]tre)) (?:[àa] |pr[ée]sents? [àa] )?(?:la|ma) (?:d[ée]mo|r[ée]union)|(?<!\p{L})wer (?:ist|nimmt|wird) (?:bei|an) (?:der|dem|unserer|meiner) (?:demo|termin|meeting|vorf[üu]hrung)|(?<!\p{L})من (?:سيكون|بيكون|راح يكون|سيحضر) (?:في|ب)\s*(?:ال)?(?:اجتماع|عرض)/iu;

/** Which address the meeting's invite goes to: "what email is the invite going to?", "¿a qué correo me llega la invitación?". */
export const INVITE_ASK =
  /\b(?:(?:what|which) (?:e-?mail|address)\b.{0,30}\b(?:invite|invitation|booking|demo|meeting)|what(?:'s| is) the invite e-?mail|(?:what|which) e-?mail (?:is it|does it|will it|did it|was it) (?:going|go|be sent|sent|get sent)|(?:quelle|à quelle) adresse(?: e-?mail)? (?:avez-vous|utilisez-vous|as-tu)|welche e-?mail-?adresse haben sie|an welche e-?mail\b|where(?:'s| is| does| did) the (?:invite|invitation)|(?:a|en) qu[eé] correo\b.{0,30}\binvitaci[oó]n|[àa] quelle adresse\b.{0,30}\binvitation|an welche (?:e-?mail-?)?adresse\b.{0,30}\beinladung)|(?:أي|اي) بريد.{0,30}الدعوة/iu;

/** Moving a meeting later, not just elsewhere: "push it (back)", "postpone", "delay", "aplazar", "repousser", "تأجيل". */
const POSTPONE = /\b(?:push(?:ed)? (?:it |this |the \w+ )?(?:back |out )?to|postpone\w*|delay\w*|later in the week|aplaz\w*|pospon\w*|retras\w*|repouss\w*|report(?:er|ez)|nach hinten|später)\b|تأجيل|تأجيله|أجّل|أجل/iu;

function movedSlot(phrase: string, turn: OfflineTurn, upcoming: Booking, timezone: string): string {
  const bareDay = DAY_NAME.test(phrase) && !DAY_ANCHOR.test(phrase);
  // "Actually make it 2pm": a time alone keeps the booked day (read alone, "2pm" is today).
  if (HAS_HOUR.test(phrase) && !DAY_NAME.test(phrase) && !DAY_ANCHOR.test(phrase) && onlyClockTime(phrase, turn)) {
    const day = toWallClock(Date.parse(upcoming.start), timezone);
    const wall = parsePreferredTime(phrase, timezone, turn.now, turn.kb.policies.meetings, turn.locale);
    if (wall) return `${day.year}-${pad(day.month)}-${pad(day.day)} ${pad(wall.hour)}:${pad(wall.minute)}`;
  }
  // "Move it to Monday" (a day and no time) keeps the booked time too. "Make that Thursday at 2pm": a weekday with its
  // time is read near the booked day as well, at the time said; a date or "tomorrow" is read as said.
  // ("ممكن نخليها بعد بكرة؟", "lieber übermorgen": a day without an hour keeps the booked hour too, unless a week is named.)
  // ("December 2nd", "den 2. Dezember": a date's digits are no hour; only a time the phrase makes certain is.)
  const read = parseMeetingPhrases(phrase, new Date(turn.now), { forwardDate: true }, turn.locale)[0]?.start;
  const clock = read ? HAS_HOUR.test(phrase.replace(/\d/g, '')) || read.isCertain('hour') : HAS_HOUR.test(phrase);
  const same = SAME_TIME.test(turn.text) || (!clock && (bareDay || !/week|semana|semaine|woche|أسبوع|اسبوع|الأسبوع/iu.test(phrase)));
  if (!same && !bareDay) return phrase;
  const booked = toWallClock(Date.parse(upcoming.start), upcoming.timezone);
  // "Tomorrow, same time": the day as said (book_meeting reads it from its own clock), at the booked time.
  if (!bareDay) return `${phrase} ${pad(booked.hour)}:${pad(booked.minute)}`;
  // Read from three days before the booked day: the named weekday nearest it, never in the past. Postponed ("push it
  // to Sunday", "هل يمكن تأجيله إلى الأحد؟"): the first such day after the booked one.
  const later = POSTPONE.test(turn.text);
  const reference = Math.max(turn.now, Date.parse(upcoming.start) + (later ? 86_400_000 : -3 * 86_400_000));
  const policy = turn.kb.policies.meetings;
  const wall = parsePreferredTime(same ? `${phrase} ${pad(booked.hour)}:${pad(booked.minute)}` : phrase, timezone, reference, policy, turn.locale);
  if (!wall) return phrase;
  const hour = same ? booked.hour : wall.hour;
  const minute = same ? booked.minute : wall.minute;
  // A weekday read back into the past ("push it to Sunday" on a Tuesday gave the Sunday just gone): a week on.
  const today = toWallClock(turn.now, timezone);
  const day = Date.UTC(wall.year, wall.month - 1, wall.day) < Date.UTC(today.year, today.month - 1, today.day) ? new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 7)) : undefined;
  const [year, month, date] = day ? [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()] : [wall.year, wall.month, wall.day];
  return `${year}-${pad(month)}-${pad(date)} ${pad(hour)}:${pad(minute)}`;
}

/**
 * A move by an amount ("30 minutes later", "an hour earlier", "push it back an hour", "media hora más tarde", "une heure
 * plus tôt", "eine Stunde später"): the amount in minutes, minus when earlier.
 */
const SHIFT_AMOUNT = String.raw`(half an hour|an? hour and a half|an? hour|one hour|\d{1,3}(?:[.,]\d)?\s*(?:hours?|hrs?|h|minutes?|mins?)|media hora|una hora|\d{1,3}\s*(?:minutos|horas?)|une demi-heure|une heure|\d{1,3}\s*(?:minutes|heures?)|eine halbe stunde|eine stunde|\d{1,3}\s*(?:minuten|stunden?))`;
const SHIFT_AFTER = new RegExp(`${SHIFT_AMOUNT}\\s+(later|earlier|sooner|m[aá]s tarde|antes|despu[eé]s|plus tard|plus t[ôo]t|sp[äa]ter|fr[üu]her)(?![\\p{L}])`, 'iu');
const SHIFT_BEFORE = new RegExp(`\\b(back|later|forward|earlier|up)\\s+(?:by\\s+)?${SHIFT_AMOUNT}(?![\\p{L}])`, 'iu');

function shiftedSlot(text: string, upcoming: Booking, timezone: string): string | undefined {
  const after = SHIFT_AFTER.exec(text);
  const before = after ? null : SHIFT_BEFORE.exec(text);
  const [amount, direction] = after ? [after[1], after[2]] : before ? [before[2], before[1]] : [];
  if (!amount || !direction) return undefined;
  const said = amount.toLowerCase();
  const number = Number(/\d+(?:[.,]\d)?/.exec(said)?.[0].replace(',', '.') ?? Number.NaN);
  const minutes = /half an hour|media hora|demi-heure|halbe stunde/.test(said)
    ? 30
    : /and a half/.test(said)
      ? 90
      : Number.isFinite(number)
        ? Math.round(/min/.test(said) ? number : number * 60)
        : 60;
  const earlier = /earlier|sooner|forward|up|antes|t[ôo]t|fr[üu]her/iu.test(direction);
  const wall = toWallClock(Date.parse(upcoming.start) + (earlier ? -minutes : minutes) * 60_000, timezone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** "2pm", "at 14:00", "a las 4": a clock time and nothing that names a day or a month ("the 5th", "March 5 at 2pm"). */
function onlyClockTime(phrase: string, turn: OfflineTurn): boolean {
  const start = parseMeetingPhrases(phrase, new Date(turn.now), { forwardDate: true }, turn.locale)[0]?.start;
  return start !== undefined && start.isCertain('hour') && !start.isCertain('day') && !start.isCertain('weekday') && !start.isCertain('month');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
