import type { OfflineTurn } from '@/lib/llm/offline/context';
import { fitsSeats, isContactSales, seatsIn } from '@/lib/llm/offline/reading';
import { YES_PLEASE, type Topic } from '@/lib/llm/offline/topic';
import type { Plan } from '@/lib/sales/knowledge/schema';
import { MAX_QUOTE_SEATS } from '@/lib/sales/pricing';

/**
 * The first step of an offline turn: which of the sales tools to call, with what input — the same tools, through the
 * same AI SDK loop, as the OpenAI agent. Every price the reply states comes back from get_pricing; bookings and
 * handoffs are recorded by their tools, never by the agent itself.
 */

export interface PlannedCall {
  toolName: 'get_pricing' | 'book_meeting' | 'cancel_meeting' | 'request_human' | 'capture_lead';
  input: Record<string, unknown>;
}

export function planToolCalls(topic: Topic, turn: OfflineTurn): PlannedCall[] {
  const calls = callsFor(topic, turn);
  // An introduction in French, German or Arabic is recorded as the OpenAI agent records one: with capture_lead.
  // (A name or company read up to a sentence's end goes without its full stop: "Katrin Vogel", not "Katrin Vogel.".)
  const introduced = Object.fromEntries(Object.entries(turn.introduced).map(([field, value]) => [field, typeof value === 'string' ? value.replace(/[\s.,;:!?،؟…]+$/u, '') : value]));
  if (Object.keys(introduced).length > 0) calls.unshift({ toolName: 'capture_lead', input: introduced });
  // A tool the caller did not offer cannot be called; the reply then answers from the catalogue or points to sales.
  return calls.filter((call) => turn.tools.has(call.toolName));
}

function callsFor(topic: Topic, turn: OfflineTurn): PlannedCall[] {
  switch (topic.kind) {
    case 'price': {
      // (The grown team's monthly total first, so the quote remembered last is the team's own.)
      const grown = topic.grownTo !== undefined && fitsSeats(topic.plan, topic.grownTo) ? pricingCalls(topic.plan, topic.grownTo, 'monthly') : [];
      const calls = [...grown, ...pricingCalls(topic.plan, topic.seats, topic.billing)];
      // A plan named that stops below their team ("actually starter" from 12): also quoted at its top, if they cut down.
      // (Only for a team on record a little over it: "Starter for 40 users?" is answered with the plan that holds 40.)
      const max = topic.plan.maxSeats;
      // (Never after "would Starter still fit?": the answer is no, and the plan that holds them is the one priced.)
      if (!topic.inferred && !topic.fitAsked && topic.seatsGiven && max !== null && topic.seats > max && topic.seats <= max * 1.5 && seatsIn(turn.text) === undefined) calls.push(...pricingCalls(topic.plan, max, topic.billing));
      if (topic.alternative) calls.push(...pricingCalls(topic.alternative, topic.minimumFor ?? topic.seats, topic.billing));
      return calls;
    }
    case 'compare-plans':
      // With a team size the comparison shows what each plan would cost them; without one, catalogue prices do.
      return topic.seats === undefined
        ? []
        : topic.plans.flatMap((plan) => pricingCalls(plan, topic.seats ?? plan.minSeats, topic.billing === 'annual' ? 'annual' : 'monthly'));
    case 'competitor-price':
    case 'tools':
    case 'brochure':
      return topic.price ? callsFor(topic.price, turn) : [];
    case 'booking': {
      const priced = topic.price ? callsFor(topic.price, turn) : [];
      // (The e-mail declined, a phone on record: a person confirms the time by phone; nothing is booked without an invite.)
      if (!topic.email && topic.byPhone && topic.times.length > 0 && turn.state.handoff === undefined) {
        const reason = `Wants a demo at ${topic.times[0]} (${topic.timezone ?? turn.bookingZone.zone}); declined to give an email: call ${topic.byPhone} to confirm.`;
        return [...priced, { toolName: 'request_human', input: { reason } }];
      }
      if (!topic.email || topic.times.length === 0) return priced;
      return [
        ...priced,
        {
          toolName: 'book_meeting',
          input: { email: topic.email, preferredTimes: topic.times, timezone: topic.timezone ?? turn.bookingZone.zone },
        },
      ];
    }
    case 'sales-ask':
      // ("Pro for 12 billed quarterly?": the price asked for, monthly and annual.)
      return topic.ask.kind === 'billing-period' && topic.ask.price ? callsFor(topic.ask.price, turn) : [];
    case 'explain':
      // ("How does pricing work?" with a team on record: what it comes to for them, from get_pricing.)
      return topic.explain.kind === 'pricing-model' && topic.explain.price ? callsFor(topic.explain.price, turn) : [];
    case 'covers':
      // The plan that covers everything is priced by the sales team (Enterprise): get_pricing says so, as for any quote.
      return topic.all && isContactSales(topic.all) ? pricingCalls(topic.all, topic.seats ?? topic.all.minSeats, 'monthly') : [];
    case 'objection':
      // A price objection states the annual saving, from get_pricing like any price.
      return topic.price ? pricingCalls(topic.price.plan, topic.price.seats, 'both') : [];
    case 'human':
      // ("Oui volontiers" to "shall I pass the question on?": the question they asked is what the team gets, quoted.)
      return [{ toolName: 'request_human', input: { reason: handoffReason(YES_PLEASE.test(turn.text) && turn.userTexts.length > 1 ? (turn.userTexts.at(-2) ?? turn.text) : turn.text) } }];
    case 'purchase':
      return [{ toolName: 'request_human', input: { reason: `The prospect is ready to buy: "${clip(turn.text)}"` } }];
    case 'meeting-cancel':
      // Cancelled once: asking again changes nothing.
      // The address they name, if any: another address's meeting is not this conversation's to cancel.
      return topic.booking.cancelledAt === undefined
        ? [{ toolName: 'cancel_meeting', input: { reason: clip(turn.text, 300), ...(topic.email ? { email: topic.email } : {}) } }]
        : [];
    default:
      return [];
  }
}

/** Per-seat prices need no seat count from the prospect, but the tool does: a plan's minimum gives the per-seat rate. */
function pricingCalls(plan: Plan, seats: number, billing: 'monthly' | 'annual' | 'both'): PlannedCall[] {
  // Beyond what get_pricing quotes, a custom-priced plan is asked for at its minimum (its answer is the same: the
  // sales team quotes it), and a list-priced plan is not looked up (its seat range ends long before).
  if (seats > MAX_QUOTE_SEATS && !isContactSales(plan)) return [];
  const asked = seats > MAX_QUOTE_SEATS ? plan.minSeats : seats;
  const call = (period: 'monthly' | 'annual'): PlannedCall => ({ toolName: 'get_pricing', input: { plan: plan.id, seats: asked, billing: period } });
  if (isContactSales(plan)) return [call('monthly')];
  return billing === 'both' ? [call('monthly'), call('annual')] : [call(billing)];
}

function handoffReason(text: string): string {
  return `The prospect asked for a person: "${clip(text)}"`;
}

/** The tool takes a reason of at most 300 characters. */
function clip(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
