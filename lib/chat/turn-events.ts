import type { AppEvent, EventSource } from '@/lib/events/schema';
import type { LeadRecord, SalesState } from '@/lib/sales/state';

/**
 * The app events one chat turn publishes (lib/events/schema.ts), read from what the turn returned: the state before
 * and after, the reply's used passages and how it went. Pure: the chat turn publishes the result after storing the
 * turn, never on the reply's path. No message text goes out: messages are counted in characters, topics by id.
 */
export interface TurnFacts {
  at: number;
  conversationId: string;
  visitorId: string;
  source: EventSource;
  /** The turn started the conversation (nothing was stored before it). */
  firstTurn: boolean;
  /** Characters of the prospect's message; undefined when it was not stored anew (a retry). */
  userChars?: number;
  /** Characters of the stored reply's text; undefined when no reply was stored. */
  assistantChars?: number;
  before: SalesState;
  after: SalesState;
  /** Knowledge-base passages the reply used to answer a question (retrieval ids, e.g. "faq:sso"). */
  answered: readonly string[];
  /** Objections (knowledge-base ids, e.g. "too-expensive") the reply addressed. */
  objections: readonly string[];
  /** Why the offline agent answered instead of the configured one, if it did. */
  fallback?: 'spend_cap' | 'llm_error';
  /** Error codes of the turn: a failed reply, a turn not saved, history not readable. */
  errors: readonly string[];
  /** Ms from the request to the reply's first text. */
  firstTokenMs?: number;
}

/** A lead exists once the prospect gave an e-mail, or a name and a company. */
export function isLead(lead: LeadRecord): boolean {
  return Boolean(lead.fields.email || (lead.fields.name && lead.fields.company));
}

function snapshot(lead: LeadRecord) {
  const fields: Record<string, { value: string | number; evidence: string; confidence: number }> = {};
  for (const [field, fact] of Object.entries(lead.fields)) {
    if (fact) fields[field] = { value: fact.value, evidence: fact.evidence, confidence: fact.confidence };
  }
  return { fields, score: lead.score };
}

function changedFields(before: LeadRecord, after: LeadRecord): string[] {
  return Object.entries(after.fields).flatMap(([field, fact]) => {
    const previous = before.fields[field as keyof LeadRecord['fields']];
    return fact && (!previous || previous.value !== fact.value || previous.evidence !== fact.evidence) ? [field] : [];
  });
}

export function turnEvents(facts: TurnFacts): AppEvent[] {
  const { before, after } = facts;
  const base = { at: facts.at, conversationId: facts.conversationId, visitorId: facts.visitorId, source: facts.source };
  const events: AppEvent[] = [];
  if (facts.firstTurn) events.push({ ...base, type: 'conversation.started' });
  if (facts.userChars !== undefined) events.push({ ...base, type: 'message', role: 'user', chars: facts.userChars });
  if (facts.assistantChars !== undefined) events.push({ ...base, type: 'message', role: 'assistant', chars: facts.assistantChars });
  if (facts.firstTokenMs !== undefined) events.push({ ...base, type: 'latency', metric: 'first_token', ms: facts.firstTokenMs });
  if (facts.fallback) events.push({ ...base, type: 'fallback.offline', reason: facts.fallback });

  for (const change of after.stageHistory.slice(before.stageHistory.length)) {
    events.push({ ...base, type: 'stage.changed', from: change.from, to: change.to, reason: change.reason });
  }
  const changed = changedFields(before.lead, after.lead);
  if (isLead(after.lead) && !isLead(before.lead)) events.push({ ...base, type: 'lead.captured', lead: snapshot(after.lead) });
  else if (isLead(after.lead) && changed.length > 0) events.push({ ...base, type: 'lead.updated', lead: snapshot(after.lead), changed });
  // New meetings, meetings moved to a new time (same id, the invite's next SEQUENCE, `movedFrom`), and meetings the
  // prospect cancelled (same id, `cancelledAt`, the cancellation as `ics`).
  for (const booking of after.bookings) {
    const earlier = before.bookings.find((entry) => entry.id === booking.id);
    if (earlier && earlier.start === booking.start && earlier.sequence === booking.sequence) continue;
    const { id, email, start, durationMinutes, timezone, localLabel, ics, sequence, movedFrom, previousEmail, cancelledAt } = booking;
    const view = {
      id,
      email,
      start,
      durationMinutes,
      timezone,
      localLabel,
      ics,
      ...(sequence === undefined ? {} : { sequence }),
      ...(movedFrom ? { movedFrom } : {}),
      ...(previousEmail ? { previousEmail } : {}),
    };
    if (cancelledAt !== undefined) {
      if (earlier?.cancelledAt === undefined) events.push({ ...base, type: 'meeting.cancelled', booking: { ...view, cancelledAt } });
    } else events.push({ ...base, type: 'meeting.booked', booking: view });
  }
  if (after.handoff && after.handoff.at !== before.handoff?.at) {
    // With the lead as it stands: the team's e-mail uses it when the store's copy knows less (a handoff held through an
    // outage is sent once the store is back, which may not yet have the turns said during it).
    events.push({
      ...base,
      type: 'handoff.requested',
      reason: after.handoff.reason,
      ...(after.handoff.email ? { email: after.handoff.email } : {}),
      ...(Object.keys(after.lead.fields).length > 0 ? { lead: snapshot(after.lead) } : {}),
    });
  }
  for (const id of new Set(facts.answered)) events.push({ ...base, type: 'topic', kind: 'question', id });
  for (const id of new Set(facts.objections)) events.push({ ...base, type: 'topic', kind: 'objection', id });
  for (const code of new Set(facts.errors)) events.push({ ...base, type: 'error', code });
  return events;
}
