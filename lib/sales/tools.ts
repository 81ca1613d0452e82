import 'server-only';
import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { createBooking } from '@/lib/sales/booking';
import { findEvidence, mergeLead } from '@/lib/sales/lead';
import { rememberQuote } from '@/lib/sales/memory';
import { advanceStage } from '@/lib/sales/playbook';
import { quote } from '@/lib/sales/pricing';
import { searchKnowledge } from '@/lib/sales/retrieval';
import type { SalesSession } from '@/lib/sales/session';
import { LEAD_FIELDS, type LeadFact, type LeadField } from '@/lib/sales/types';

/**
 * The sales tools, usable by the OpenAI agent and by the offline agent (both run through streamText). Every number
 * about price comes from get_pricing; every lead field must be found in the prospect's own words before it is stored.
 */
// Input schemas are built once: the AI SDK converts each to JSON Schema on first use and caches it on the wrapper,
// where a schema created per turn would be converted again on every request (~ms of CPU per turn).
const pricingInput = zodSchema(
  z.object({
    plan: z.string().min(1).describe('Plan name or id, e.g. "Pro"'),
    seats: z.number().int().min(1).max(100_000).describe('Number of seats (users)'),
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

export function createSalesTools(session: SalesSession) {
  return {
    get_pricing: tool({
      description:
        'Compute the price of a plan for a number of seats and a billing period from the catalogue. The only source of any price you state.',
      inputSchema: pricingInput,
      execute: async ({ plan, seats, billing }) => {
        const result = quote({ planId: plan, seats, billing }, session.kb);
        if (result.ok) session.state = rememberQuote(session.state, { planId: result.plan.id, seats, billing });
        // The plan's id and name are enough: the whole plan (features, summary) would only cost prompt tokens.
        return result.ok ? { ...result, plan: { id: result.plan.id, name: result.plan.name } } : result;
      },
    }),

    search_knowledge: tool({
      description: 'Search the company knowledge base (plans, FAQ, security, objections, competitors, case studies, policies).',
      inputSchema: searchInput,
      execute: async ({ query }) =>
        searchKnowledge(query, { limit: 4, kb: session.kb }).map(({ id, title, text }) => ({ id, title, text })),
    }),

    capture_lead: tool({
      description:
        "Record facts the prospect stated about themselves (contact details and BANT). Only pass values the prospect actually wrote; each is checked against their messages.",
      inputSchema: leadInput,
      execute: async (fields) => captureLead(session, fields),
    }),

    book_meeting: tool({
      description: 'Book a demo call with the sales team. Needs the prospect’s email, their preferred times in their words, and their IANA time zone.',
      inputSchema: bookingInput,
      execute: async ({ email, preferredTimes, timezone }) => bookMeeting(session, { email, preferredTimes, timezone }),
    }),

    request_human: tool({
      description: 'Hand the conversation to a human sales rep when the prospect asks for a person or needs something you cannot do.',
      inputSchema: handoffInput,
      execute: async ({ reason }) => requestHuman(session, reason),
    }),
  };
}

export type SalesTools = ReturnType<typeof createSalesTools>;

type CaptureInput = Partial<Record<LeadField, string | number>>;

/** Stores each field whose value the prospect really wrote, with that sentence as evidence; refuses the rest. */
export function captureLead(session: SalesSession, input: CaptureInput) {
  const now = session.now();
  const facts: Partial<Record<LeadField, LeadFact>> = {};
  const rejected: { field: LeadField; reason: string }[] = [];
  for (const field of LEAD_FIELDS) {
    const value = input[field];
    if (value === undefined || value === '') continue;
    const evidence = findEvidence(String(value), session.userMessages);
    if (!evidence) {
      rejected.push({ field, reason: 'The prospect has not said this; ask them instead of assuming.' });
      continue;
    }
    facts[field] = {
      value: field === 'email' ? String(value).toLowerCase() : value,
      evidence: evidence.sentence,
      messageId: evidence.messageId,
      confidence: 0.8,
      asked: session.state.lastAskedField === field,
      capturedAt: now,
    };
  }
  const changed = applyLeadFacts(session, facts, 'capture_lead');
  return { stored: changed, rejected, score: session.state.lead.score };
}

/** Merges facts into the session's lead, streams what changed, and moves the stage on that evidence. */
export function applyLeadFacts(session: SalesSession, facts: Partial<Record<LeadField, LeadFact>>, source: string): LeadField[] {
  if (Object.keys(facts).length === 0) return [];
  const now = session.now();
  const merged = mergeLead(session.state.lead, facts, now);
  session.state = { ...session.state, lead: merged.lead };
  if (merged.changed.length === 0) return [];
  const values: Partial<Record<LeadField, string | number>> = {};
  for (const field of merged.changed) {
    const fact = merged.lead.fields[field];
    if (fact) values[field] = fact.value;
  }
  session.emit({ type: 'data-lead', data: { changed: merged.changed, values, score: merged.lead.score } });
  const evidence = merged.changed.map((field) => merged.lead.fields[field]?.evidence).find(Boolean);
  moveStage(session, { changed: merged.changed, evidence: evidence ? `${source}: "${evidence}"` : source });
  return merged.changed;
}

export function moveStage(session: SalesSession, signals: Parameters<typeof advanceStage>[1]): void {
  const { state, change } = advanceStage(session.state, signals, session.now());
  session.state = state;
  if (change) session.emit({ type: 'data-stage', data: { stage: change.to, reason: change.reason } });
}

function bookMeeting(session: SalesSession, args: { email: string; preferredTimes: string[]; timezone: string }) {
  const email = args.email.toLowerCase();
  if (!findEvidence(email, session.userMessages)) {
    return { ok: false as const, code: 'email_not_given', message: 'Ask the prospect for their email before booking.' };
  }
  const result = createBooking({ email, preferredTimes: args.preferredTimes, timezone: args.timezone, now: session.now(), kb: session.kb });
  if (!result.ok) return result;
  const { booking } = result;
  session.state = { ...session.state, bookings: [...session.state.bookings, booking] };
  session.emit({
    type: 'data-booking',
    data: { id: booking.id, email: booking.email, localLabel: booking.localLabel, start: booking.start, ics: booking.ics },
  });
  moveStage(session, { changed: [], bookingMade: true, evidence: `meeting booked for ${booking.localLabel}` });
  return {
    ok: true as const,
    bookingId: booking.id,
    start: booking.start,
    when: booking.localLabel,
    confirmation: `Booked: ${booking.localLabel}. An invite goes to ${booking.email}.`,
  };
}

function requestHuman(session: SalesSession, reason: string) {
  const email = session.state.lead.fields.email?.value;
  const handoff = { reason, at: session.now(), ...(typeof email === 'string' ? { email } : {}) };
  session.state = { ...session.state, handoff };
  session.emit({ type: 'data-handoff', data: { reason, ...(handoff.email ? { email: handoff.email } : {}) } });
  moveStage(session, { changed: [], handoffRequested: true, evidence: `handoff requested: ${reason}` });
  const { handoff: contact } = session.kb.policies;
  return {
    ok: true as const,
    message: handoff.email
      ? `A member of the sales team will reply to ${handoff.email} (${contact.hours}).`
      : `A member of the sales team will follow up (${contact.hours}); ask for the prospect's email so they can, or share ${contact.email}.`,
  };
}
