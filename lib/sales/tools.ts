import 'server-only';
import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { cancelBooking, createBooking } from '@/lib/sales/booking';
import { handoffHoursText } from '@/lib/sales/handoff-hours';
import { formatPrice } from '@/lib/sales/knowledge';
import { findEvidence, mergeLead } from '@/lib/sales/lead';
import { isVerifiedLeadValue } from '@/lib/sales/lead/identity';
import { rememberQuote } from '@/lib/sales/memory';
import { advanceStage } from '@/lib/sales/playbook';
import { MAX_QUOTE_SEATS, quote } from '@/lib/sales/pricing';
import { searchKnowledge } from '@/lib/sales/retrieval';
import { LEAD_FIELDS, upcomingBooking, type LeadFact, type LeadField, type SalesState } from '@/lib/sales/state';
import { leadNote } from '@/lib/sales/lead-note';
import { bookingFrame } from '@/lib/sales/booking-frame';
import { then, unchanged, type SalesTurnContext, type StateLedger, type StateUpdate } from '@/lib/sales/turn-state';

/**
 * The sales tools, usable by the OpenAI agent and by the offline agent (both run through the reply's tool loop,
 * lib/llm/step-loop.ts). Every number about price comes from get_pricing; every lead field must be found in the
 * prospect's own words before it is stored.
 * Each tool is a pure function `(state, context, input) → { state, events, output }`; the tool wrapper hands the
 * update to the turn's ledger (the one place that applies it) and gives the model the output.
 */
// Input schemas are built once: the AI SDK converts each to JSON Schema on first use and caches it on the wrapper,
// where a schema created per turn would be converted again on every request (~ms of CPU per turn).
const pricingInput = zodSchema(
  z.object({
    plan: z.string().min(1).describe('Plan name or id, e.g. "Pro"'),
    seats: z.number().int().min(1).max(MAX_QUOTE_SEATS).describe('Number of seats (users)'),
    billing: z.enum(['monthly', 'annual']).default('monthly'),
  }),
);
const searchInput = zodSchema(z.object({ query: z.string().min(2).max(300) }));
const leadInput = zodSchema(
  z.object({
    name: z.string().max(120).optional(),
    email: z.email().optional(),
    company: z.string().max(120).optional(),
    role: z.string().max(120).optional(),
    phone: z.string().max(40).optional(),
    teamSize: z.number().int().min(1).max(1_000_000).optional(),
    budget: z.string().max(120).optional(),
    authority: z.string().max(120).optional(),
    need: z.string().max(300).optional(),
    timeline: z.string().max(120).optional(),
  }),
);
const bookingInput = zodSchema(
  z.object({
    email: z.email(),
    preferredTimes: z.array(z.string().min(1).max(100)).min(1).max(5),
    timezone: z.string().min(1).max(64).describe('IANA time zone, e.g. "Europe/Madrid"'),
  }),
);
const handoffInput = zodSchema(z.object({ reason: z.string().min(1).max(300) }));
const cancelInput = zodSchema(
  z.object({
    reason: z.string().max(300).optional().describe('Why, in the prospect’s words, if they said'),
    email: z.email().optional().describe('The e-mail the meeting is for, only if the prospect named one'),
  }),
);

export function createSalesTools(context: SalesTurnContext, ledger: StateLedger) {
  /** Runs a pure tool step on the current state, applies its update, and returns what the model reads. */
  const run = <S extends StateUpdate & { output: unknown }>(step: (state: SalesState) => S): S['output'] => {
    const { output, ...update } = step(ledger.state);
    ledger.apply(update);
    return output;
  };
  return {
    get_pricing: tool({
      description:
        'Compute the price of a plan for a number of seats and a billing period from the catalogue. The only source of any price you state.',
      inputSchema: pricingInput,
      execute: async (input) => run((state) => getPricing(state, context, input)),
    }),

    search_knowledge: tool({
      description: 'Search the company knowledge base (plans, FAQ, security, objections, competitors, case studies, policies).',
      inputSchema: searchInput,
      execute: async ({ query }) => searchKnowledge(query, { limit: 4, kb: context.kb }).map(({ id, title, text }) => ({ id, title, text })),
    }),

    capture_lead: tool({
      description:
        "Record facts the prospect stated about themselves (contact details and BANT). Only pass values the prospect actually wrote; each is checked against their messages.",
      inputSchema: leadInput,
      execute: async (fields) => run((state) => captureLead(state, context, fields)),
    }),

    book_meeting: tool({
      description:
        'Book a demo call with the sales team. Needs the prospect’s email, their preferred times in their words, and their IANA time zone. Called again while their meeting is ahead (a new time, or their own zone), it moves that meeting (the answer has movedFrom).',
      inputSchema: bookingInput,
      execute: async (input) => run((state) => bookMeeting(state, context, input)),
    }),

    cancel_meeting: tool({
      description:
        'Cancel the prospect’s upcoming demo in this conversation, only when they ask to call it off (not to move it: book_meeting moves it). The sales team is told, and a cancellation goes to the invite’s e-mail when invites are e-mailed.',
      inputSchema: cancelInput,
      execute: async ({ reason, email }) => run((state) => cancelMeeting(state, context, reason, email)),
    }),

    request_human: tool({
      description: 'Hand the conversation to a human sales rep when the prospect asks for a person or needs something you cannot do.',
      inputSchema: handoffInput,
      execute: async ({ reason }) => run((state) => requestHuman(state, context, reason)),
    }),
  };
}

export type SalesTools = ReturnType<typeof createSalesTools>;

type CaptureInput = Partial<Record<LeadField, string | number>>;

/** Quotes a plan from the catalogue and remembers the quote. */
export function getPricing(state: SalesState, context: SalesTurnContext, input: { plan: string; seats: number; billing: 'monthly' | 'annual' }) {
  const result = quote({ planId: input.plan, seats: input.seats, billing: input.billing }, context.kb);
  if (!result.ok) return { ...unchanged(state), output: result };
  // The plan's id and name are enough: the whole plan (features, summary) would only cost prompt tokens.
  // The amounts stay numbers; in another language they come written as it writes them too ("1 365 $US"), to be copied.
  const write = (amount: number) => formatPrice(amount, result.currency, context.locale);
  const { perSeatMonthly, monthlyTotal, annualTotal, annualSavings } = result;
  const written = context.locale === 'en' ? {} : { written: { perSeatMonthly: write(perSeatMonthly), monthlyTotal: write(monthlyTotal), annualTotal: write(annualTotal), annualSavings: write(annualSavings) } };
  return {
    state: rememberQuote(state, { planId: result.plan.id, seats: input.seats, billing: input.billing }),
    events: [],
    output: { ...result, plan: { id: result.plan.id, name: result.plan.name }, ...written },
  };
}

/** Stores each field whose value the prospect really wrote, with that sentence as evidence; refuses the rest. */
export function captureLead(state: SalesState, context: SalesTurnContext, input: CaptureInput) {
  const now = context.now();
  const facts: Partial<Record<LeadField, LeadFact>> = {};
  const rejected: { field: LeadField; reason: string }[] = [];
  for (const field of LEAD_FIELDS) {
    const value = input[field];
    if (value === undefined || value === '') continue;
    const evidence = findEvidence(String(value), context.userMessages);
    if (!evidence) {
      rejected.push({ field, reason: 'The prospect has not said this; ask them instead of assuming.' });
      continue;
    }
    facts[field] = {
      value: field === 'email' ? String(value).toLowerCase() : value,
      evidence: evidence.sentence,
      messageId: evidence.messageId,
      confidence: 0.8,
      asked: state.lastAskedField === field,
      capturedAt: now,
    };
  }
  const applied = applyLeadFacts(state, facts, { source: 'capture_lead', now, locale: context.locale });
  return { state: applied.state, events: applied.events, output: { stored: applied.changed, rejected, score: applied.state.lead.score } };
}

/** Merges facts into the lead, with a `data-lead` event for what changed, and moves the stage on that evidence. */
export function applyLeadFacts(
  state: SalesState,
  facts: Partial<Record<LeadField, LeadFact>>,
  { source, now, locale }: { source: string; now: number; locale?: SalesTurnContext['locale'] },
): StateUpdate & { changed: LeadField[] } {
  if (Object.keys(facts).length === 0) return { ...unchanged(state), changed: [] };
  const merged = mergeLead(state.lead, facts, now);
  const next = { ...state, lead: merged.lead };
  if (merged.changed.length === 0) return { ...unchanged(next), changed: [] };
  const values: Partial<Record<LeadField, string | number>> = {};
  for (const field of merged.changed) {
    const fact = merged.lead.fields[field];
    if (fact) values[field] = fact.value;
  }
  const evidence = merged.changed.map((field) => merged.lead.fields[field]?.evidence).find(Boolean);
  // (The chat's "Noted: …" line in the reply's language, which may not be the page's.)
  const note = locale ? leadNote(locale, values) : undefined;
  const lead: StateUpdate = { state: next, events: [{ type: 'data-lead', data: { changed: merged.changed, values, score: merged.lead.score, ...(note && locale ? { note, lang: locale } : {}) } }] };
  return {
    ...then(lead, (current) => moveStage(current, { changed: merged.changed, evidence: evidence ? `${source}: "${evidence}"` : source }, now)),
    changed: merged.changed,
  };
}

/** Moves the playbook stage on the turn's signals, with a `data-stage` event when it moved. */
export function moveStage(state: SalesState, signals: Parameters<typeof advanceStage>[1], now: number): StateUpdate {
  const { state: next, change } = advanceStage(state, signals, now);
  return { state: next, events: change ? [{ type: 'data-stage', data: { stage: change.to, reason: change.reason } }] : [] };
}

export function bookMeeting(state: SalesState, context: SalesTurnContext, args: { email: string; preferredTimes: string[]; timezone: string }) {
  const email = args.email.toLowerCase();
  // The prospect typed it, or the host site verified it (identify()).
  if (!findEvidence(email, context.userMessages) && !isVerifiedLeadValue(state, 'email', email)) {
    // (Declined: never asked again. The sales team confirms the time by phone instead: request_human with both.)
    const message = state.noEmail
      ? 'The prospect declined to give an email: do not ask for it. Nothing is booked without one; offer a call from the sales team to confirm the time (their phone number, then request_human with the time and the number).'
      : 'Ask the prospect for their email before booking.';
    return { ...unchanged(state), output: { ok: false as const, code: 'email_not_given', message } };
  }
  const now = context.now();
  const emailed = context.invitesByEmail;
  // One demo per prospect: booking again while one is still ahead moves it (same id and invite UID, next SEQUENCE).
  // The prospect's corrected address ("sorry, it's actually …", now the lead's email) takes over the meeting booked
  // for the address they gave before, rather than booking a second one.
  const upcoming =
    upcomingBooking(state.bookings, now, email) ??
    (state.lead.fields.email?.value === email ? state.bookings.filter((entry) => entry.cancelledAt === undefined && Date.parse(entry.start) > now && entry.email !== email).at(-1) : undefined);
  const result = createBooking({
    email,
    preferredTimes: args.preferredTimes,
    timezone: args.timezone,
    now,
    kb: context.kb,
    invitesByEmail: emailed,
    locale: context.locale,
    ...(upcoming ? { replaces: upcoming } : {}),
  });
  if (!result.ok) return { ...unchanged(state), output: result };
  const { booking } = result;
  const bookings = upcoming ? state.bookings.map((entry) => (entry.id === upcoming.id ? booking : entry)) : [...state.bookings, booking];
  const { movedFrom, previousEmail } = booking;
  const booked: StateUpdate = {
    state: { ...state, bookings },
    events: [
      {
        type: 'data-booking',
        data: withFrame(context.locale, {
          id: booking.id,
          email: booking.email,
          localLabel: booking.localLabel,
          start: booking.start,
          ics: booking.ics,
          emailed,
          ...(movedFrom ? { movedFrom } : {}),
          ...(previousEmail ? { previousEmail } : {}),
        }),
      },
    ],
  };
  const update = then(booked, (current) => moveStage(current, { changed: [], bookingMade: true, evidence: `meeting booked for ${booking.localLabel}` }, now));
  return {
    ...update,
    output: {
      ok: true as const,
      bookingId: booking.id,
      start: booking.start,
      when: booking.localLabel,
      emailed,
      ...(movedFrom ? { movedFrom } : {}),
      ...(previousEmail ? { previousEmail } : {}),
      ...(result.adjustedFor && result.requested ? { adjustedFor: result.adjustedFor, requested: result.requested } : {}),
      // Said only when it happens: without SMTP (or with invites off) nothing is e-mailed and the card's .ics is the invite.
      confirmation: `${movedFrom ? `Moved from ${movedFrom} to ${booking.localLabel}` : previousEmail ? `The same meeting (${booking.localLabel}), now for ${booking.email} instead of ${previousEmail}` : `Booked: ${booking.localLabel}`}. ${
        result.adjustedFor && result.requested ? `"${result.requested}" could not be honoured (${result.adjustedFor.replace('_', ' ')}): say so. ` : ''
      }${
        emailed
          ? `An invite goes to ${booking.email}.`
          : 'No invite is e-mailed: the prospect adds it to their calendar with the .ics download on the booking card above your reply.'
      }`,
    },
  };
}

/** A booking card's part with its words in the reply's language (the page's may be another). */
function withFrame<T extends Parameters<typeof bookingFrame>[1]>(locale: SalesTurnContext['locale'], data: T) {
  return { ...data, lang: locale, text: bookingFrame(locale, data) };
}

/**
 * Cancels the conversation's upcoming meeting (for `email`, when the prospect named one): the booking keeps its id, with
 * `cancelledAt` and a cancellation .ics. Only this conversation's meetings: another address's meeting is not found.
 */
export function cancelMeeting(state: SalesState, context: SalesTurnContext, reason?: string, email?: string) {
  const now = context.now();
  const upcoming = upcomingBooking(state.bookings, now, email?.toLowerCase());
  if (!upcoming) {
    const message = email
      ? `There is no upcoming meeting for ${email} in this conversation; only a meeting booked here can be cancelled here. Say so.`
      : 'There is no upcoming meeting in this conversation to cancel; say so, and offer to book one.';
    return { ...unchanged(state), output: { ok: false as const, code: 'no_meeting', message } };
  }
  const booking = cancelBooking(upcoming, { now, kb: context.kb, locale: context.locale });
  const emailed = context.invitesByEmail;
  const update: StateUpdate = {
    state: { ...state, bookings: state.bookings.map((entry) => (entry.id === booking.id ? booking : entry)) },
    events: [
      {
        type: 'data-booking',
        data: withFrame(context.locale, { id: booking.id, email: booking.email, localLabel: booking.localLabel, start: booking.start, ics: booking.ics, emailed, cancelled: true, ...(reason ? { reason } : {}) }),
      },
    ],
  };
  return {
    ...update,
    output: {
      ok: true as const,
      cancelled: booking.localLabel,
      emailed,
      confirmation: `Cancelled: ${booking.localLabel}. The sales team is told. ${
        emailed ? `A cancellation goes to ${booking.email}.` : 'The card above your reply has a calendar update that removes it.'
      } Offer another time instead.`,
    },
  };
}

export function requestHuman(state: SalesState, context: SalesTurnContext, reason: string) {
  const now = context.now();
  const email = state.lead.fields.email?.value;
  const handoff = { reason, at: now, ...(typeof email === 'string' ? { email } : {}) };
  const requested: StateUpdate = {
    state: { ...state, handoff },
    events: [{ type: 'data-handoff', data: { reason, ...(handoff.email ? { email: handoff.email } : {}) } }],
  };
  const update = then(requested, (current) => moveStage(current, { changed: [], handoffRequested: true, evidence: `handoff requested: ${reason}` }, now));
  const { handoff: contact } = context.kb.policies;
  const hours = handoffHoursText(contact.hours, context.locale);
  const output = {
    ok: true as const,
    message: handoff.email
      ? `A member of the sales team will reply to ${handoff.email} (${hours}).`
      : state.noEmail
        ? `A member of the sales team will follow up (${hours}). The prospect declined to give an email: do not ask for it; tell them they can write to ${contact.email}.`
        : `A member of the sales team will follow up (${hours}); ask for the prospect's email so they can, or share ${contact.email}.`,
  };
  return { ...update, output };
}
