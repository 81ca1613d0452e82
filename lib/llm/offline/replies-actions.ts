import { z } from 'zod';
import type { OfflineTurn, ToolExchange } from '@/lib/llm/offline/context';
import type { Phrases } from '@/lib/llm/offline/phrases';
import type { Topic } from '@/lib/llm/offline/topic';
import { getKnowledgeBase } from '@/lib/sales/knowledge';

/**
 * Replies after the action tools: book_meeting and request_human. What they confirm comes from the tool results
 * (the booked slot as the prospect reads it, the email the team will use), never from the agent's own assumptions.
 */

const bookingOk = z.object({ ok: z.literal(true), when: z.string(), emailed: z.boolean().optional() });
const toolError = z.object({ ok: z.literal(false), message: z.string() });
const ambiguousDate = z.object({ ok: z.literal(false), code: z.literal('ambiguous_date'), ambiguous: z.object({ phrase: z.string(), options: z.tuple([z.string(), z.string()]) }) });
const bookingInput = z.object({ email: z.string(), timezone: z.string() });

export function bookingReply(topic: Extract<Topic, { kind: 'booking' }>, turn: OfflineTurn, ph: Phrases): string[] {
  const { kb } = turn;
  const { meetings } = kb.policies;
  const exchange = lastExchange(turn, 'book_meeting');
  if (!exchange) {
    if (!turn.tools.has('book_meeting') && topic.email && topic.times.length > 0) return [ph.bookingUnavailable(kb.company.salesEmail)];
    if (!topic.email) return [ph.bookingNeedsEmail(meetings.durationMinutes)];
    // They asked for a demo: ask when. They only left an email: offer one.
    return turn.intent === 'booking'
      ? [ph.bookingNeedsTime(meetings.durationMinutes, meetings.defaultTimezone)]
      : [ph.bookingOffer(meetings.durationMinutes, meetings.defaultTimezone)];
  }
  const booked = bookingOk.safeParse(exchange.output);
  const input = bookingInput.safeParse(exchange.input);
  if (!booked.success || !input.success) {
    // "Next Tuesday" on a Monday: ask which, with both days spelled out, before booking anything.
    const unclear = ambiguousDate.safeParse(exchange.output);
    if (unclear.success) return [ph.bookingWhichDay(unclear.data.ambiguous.phrase, ...unclear.data.ambiguous.options)];
    const failure = toolError.safeParse(exchange.output);
    // The tool's reason is written for the model, in English: other languages give the way forward without it.
    return [ph.bookingFailed(failure.success && turn.locale === 'en' ? failure.data.message : '', kb.company.salesEmail)];
  }
  // Only an e-mailed invite needs the card pointed out as well: otherwise the booking sentence already sends them there.
  const emailed = booked.data.emailed === true;
  return [
    ph.booked(booked.data.when, meetings.durationMinutes, input.data.email, emailed),
    emailed ? ph.icsNote : '',
    // The zone came from the knowledge base's default, not from the prospect: say so, so they can correct it.
    topic.timezone === undefined ? ph.defaultZone(input.data.timezone) : '',
  ];
}

export function humanReply(turn: OfflineTurn, ph: Phrases): string[] {
  const { kb } = turn;
  const { handoff } = kb.policies;
  const exchange = lastExchange(turn, 'request_human');
  // Hours the locale's knowledge base has only in the base's words are left out rather than quoted in English.
  const hours = turn.locale === 'en' || handoff.hours !== getKnowledgeBase().policies.handoff.hours ? handoff.hours : undefined;
  if (!exchange || exchange.failed) return [ph.handoffUnavailable(handoff.email ?? kb.company.salesEmail, hours)];
  const email = turn.state.lead.fields.email?.value;
  return [ph.handoffDone(typeof email === 'string' ? email : undefined, hours)];
}

function lastExchange(turn: OfflineTurn, toolName: string): ToolExchange | undefined {
  return turn.exchanges.filter((exchange) => exchange.toolName === toolName).at(-1);
}
