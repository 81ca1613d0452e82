/**
 * The sales domain's shared types: lead record with evidence, playbook stage, bookings, handoffs, and the per-
 * conversation state that holds them. Client-safe (types and constants only): the UI renders lead/stage data parts.
 */

export const CONTACT_FIELDS = ['name', 'email', 'company', 'role', 'phone', 'teamSize'] as const;
export const BANT_FIELDS = ['budget', 'authority', 'need', 'timeline'] as const;
export const LEAD_FIELDS = [...CONTACT_FIELDS, ...BANT_FIELDS] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

/** One fact about the prospect, with the prospect's own sentence it came from. */
export interface LeadFact {
  /** Normalised value: an email lower-cased, a team size as a number, a budget as the prospect's words. */
  value: string | number;
  /** The prospect's own sentence the value came from, verbatim. */
  evidence: string;
  /** Id of the user message that holds the evidence. */
  messageId?: string;
  /** 0–1: 0.9+ when pattern-certain (an email), lower when inferred. */
  confidence: number;
  /** Whether the agent had asked for this field just before the prospect gave it. */
  asked: boolean;
  /** Epoch ms. */
  capturedAt: number;
}

export interface LeadScore {
  score: number; // 0–100
  reasons: string[];
}

export interface LeadRecord {
  fields: Partial<Record<LeadField, LeadFact>>;
  score: number;
  reasons: string[];
  updatedAt: number;
}

export const STAGES = [
  'greeting',
  'discovery',
  'qualification',
  'recommendation',
  'objection_handling',
  'closing',
  'handoff',
] as const;
export type Stage = (typeof STAGES)[number];

export interface StageChange {
  from: Stage;
  to: Stage;
  /** The evidence that moved it, e.g. "need given: 'we need to automate onboarding'". */
  reason: string;
  at: number;
}

export interface Booking {
  id: string;
  email: string;
  /** ISO 8601 start in UTC. */
  start: string;
  durationMinutes: number;
  /** IANA time zone the prospect gave, e.g. "Europe/Madrid". */
  timezone: string;
  /** The start as the prospect reads it in their zone, e.g. "Tue, 1 Dec, 10:00 (Europe/Madrid)". */
  localLabel: string;
  ics: string;
  createdAt: number;
}

export interface HandoffRequest {
  reason: string;
  at: number;
  /** The prospect's email if known, so a human can follow up. */
  email?: string;
}

export interface ConversationSummary {
  /** Older turns folded into prose the prompt carries instead of them. */
  text: string;
  /** How many of the oldest messages it covers. */
  coveredMessages: number;
}

/** Everything the sales brain keeps per conversation, stored beside the messages. */
export interface SalesState {
  stage: Stage;
  stageHistory: StageChange[];
  lead: LeadRecord;
  /** The field the agent asked for last (so the next answer counts as asked, and the agent does not ask twice). */
  lastAskedField?: LeadField;
  bookings: Booking[];
  handoff?: HandoffRequest;
  summary?: ConversationSummary;
  /** How many times the agent asked for each field: a field is asked at most twice, the second time reworded. */
  asked?: Partial<Record<LeadField, number>>;
  /** Tools the prospect said they use ("we use Jira"), with their sentence. */
  tools?: StatedTool[];
  /** What get_pricing quoted in this conversation, so neither agent quotes it again unasked. */
  quoted?: QuotedPrice[];
  /** Objections the prospect raised (knowledge-base ids), oldest first. */
  objections?: string[];
}

export interface StatedTool {
  name: string;
  evidence: string;
}

export interface QuotedPrice {
  planId: string;
  seats: number;
  billing: 'monthly' | 'annual';
}

export function emptySalesState(now: number): SalesState {
  return { stage: 'greeting', stageHistory: [], lead: { fields: {}, score: 0, reasons: [], updatedAt: now }, bookings: [] };
}
