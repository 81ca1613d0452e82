import { z } from 'zod';

/**
 * The sales state, defined once: the zod schema below is what the store validates a stored state with, what the
 * offline agent reads its turn context with, and (through `z.infer`) the type the brain, the tools and both agents
 * work on. Client-safe (schemas, types and constants only): the UI renders lead and stage data parts.
 *
 * The state is a value: the brain and the tools return a new one with the events to stream (lib/sales/turn-state.ts);
 * nothing mutates it in place.
 */

export const CONTACT_FIELDS = ['name', 'email', 'company', 'role', 'phone', 'teamSize'] as const;
export const BANT_FIELDS = ['budget', 'authority', 'need', 'timeline'] as const;
export const LEAD_FIELDS = [...CONTACT_FIELDS, ...BANT_FIELDS] as const;
export const leadFieldSchema = z.enum(LEAD_FIELDS);
export type LeadField = z.infer<typeof leadFieldSchema>;

export const STAGES = ['greeting', 'discovery', 'qualification', 'recommendation', 'objection_handling', 'closing', 'handoff'] as const;
export const stageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof stageSchema>;

/** One fact about the prospect, with the prospect's own sentence it came from. */
export const leadFactSchema = z.object({
  /** Normalised value: an email lower-cased, a team size as a number, a budget as the prospect's words. */
  value: z.union([z.string(), z.number()]),
  /** The prospect's own sentence the value came from, verbatim. */
  evidence: z.string(),
  /** Id of the user message that holds the evidence. */
  messageId: z.string().optional(),
  /** 0–1: 0.9+ when pattern-certain (an email), lower when inferred. */
  confidence: z.number(),
  /** Whether the agent had asked for this field just before the prospect gave it. */
  asked: z.boolean().default(false),
  /** Epoch ms. */
  capturedAt: z.number().default(0),
});
export type LeadFact = z.infer<typeof leadFactSchema>;

export const leadRecordSchema = z.object({
  fields: z.partialRecord(leadFieldSchema, leadFactSchema),
  score: z.number().default(0),
  reasons: z.array(z.string()).default([]),
  updatedAt: z.number().default(0),
});
export type LeadRecord = z.infer<typeof leadRecordSchema>;

export interface LeadScore {
  score: number; // 0–100
  reasons: string[];
}

export const stageChangeSchema = z.object({
  from: stageSchema,
  to: stageSchema,
  /** The evidence that moved it, e.g. "need given: 'we need to automate onboarding'". */
  reason: z.string(),
  at: z.number(),
});
export type StageChange = z.infer<typeof stageChangeSchema>;

export const bookingSchema = z.object({
  id: z.string(),
  email: z.string(),
  /** ISO 8601 start in UTC. */
  start: z.string(),
  durationMinutes: z.number(),
  /** IANA time zone the prospect gave, e.g. "Europe/Madrid". */
  timezone: z.string(),
  /** The start as the prospect reads it in their zone, e.g. "Tue, 1 Dec, 10:00 (Europe/Madrid)". */
  localLabel: z.string(),
  ics: z.string(),
  createdAt: z.number(),
  /** The invite's SEQUENCE: 1, 2… each time the meeting is moved (absent: never moved), so calendars update it. */
  sequence: z.number().int().nonnegative().optional(),
  /** Where a moved meeting was before, as the prospect read it ("Fri, 27 Nov, 14:00 (America/New_York)"). */
  movedFrom: z.string().optional(),
  /** The address the meeting was booked for before the prospect corrected it ("sorry, my email is actually …"). */
  previousEmail: z.string().optional(),
  /** Epoch ms the prospect cancelled it (cancel_meeting); `ics` is then the cancellation (METHOD:CANCEL). */
  cancelledAt: z.number().optional(),
});
export type Booking = z.infer<typeof bookingSchema>;

/** The prospect's meeting still ahead (the latest booked, not cancelled), optionally for one e-mail. */
export function upcomingBooking(bookings: readonly Booking[], now: number, email?: string): Booking | undefined {
  return bookings.filter((entry) => entry.cancelledAt === undefined && Date.parse(entry.start) > now && (email === undefined || entry.email === email)).at(-1);
}

export const handoffRequestSchema = z.object({
  reason: z.string(),
  at: z.number(),
  /** The prospect's email if known, so a human can follow up. */
  email: z.string().optional(),
});
export type HandoffRequest = z.infer<typeof handoffRequestSchema>;

export const conversationSummarySchema = z.object({
  /** Older turns folded into prose the prompt carries instead of them. */
  text: z.string(),
  /** How many of the oldest messages it covers. */
  coveredMessages: z.number(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const statedToolSchema = z.object({ name: z.string(), evidence: z.string() });
export type StatedTool = z.infer<typeof statedToolSchema>;

/** The team's growth they told us ("we'll add 5 more in january", "grow to 30 next year"): people `added`, or the size
 *  grown `to`, `when` in their words, and their sentence. */
export const statedGrowthSchema = z.object({ added: z.number().optional(), to: z.number().optional(), when: z.string().optional(), evidence: z.string() });
export type StatedGrowth = z.infer<typeof statedGrowthSchema>;

export const quotedPriceSchema = z.object({ planId: z.string(), seats: z.number(), billing: z.enum(['monthly', 'annual']) });
export type QuotedPrice = z.infer<typeof quotedPriceSchema>;

/** Everything the sales brain keeps per conversation, stored beside the messages. */
export const salesStateSchema = z.object({
  stage: stageSchema,
  stageHistory: z.array(stageChangeSchema).default([]),
  lead: leadRecordSchema,
  /** The field the agent asked for last (so the next answer counts as asked, and the agent does not ask twice). */
  lastAskedField: leadFieldSchema.optional(),
  bookings: z.array(bookingSchema).default([]),
  handoff: handoffRequestSchema.optional(),
  summary: conversationSummarySchema.optional(),
  /** How many times the agent asked for each field: a field is asked at most twice, the second time reworded. */
  asked: z.partialRecord(leadFieldSchema, z.number()).optional(),
  /** Tools the prospect said they use ("we use Jira"), with their sentence. */
  tools: z.array(statedToolSchema).optional(),
  /** How they said the team will grow, with their sentence: sizing counts it. */
  growth: statedGrowthSchema.optional(),
  /** What get_pricing quoted in this conversation, so neither agent quotes it again unasked. */
  quoted: z.array(quotedPriceSchema).optional(),
  /** Objections the prospect raised (knowledge-base ids), oldest first. */
  objections: z.array(z.string()).optional(),
  /** They asked the agent to stop asking questions ("stop asking me questions"): it asks none for the rest of the chat. */
  quiet: z.boolean().optional(),
  /** They declined to give an e-mail ("no email please"): it is not asked for again. */
  noEmail: z.boolean().optional(),
});
export type SalesState = z.infer<typeof salesStateSchema>;

export function emptySalesState(now: number): SalesState {
  return { stage: 'greeting', stageHistory: [], lead: { fields: {}, score: 0, reasons: [], updatedAt: now }, bookings: [] };
}

/** A stored or passed-in state, validated; null when it does not have the state's shape. */
export function parseSalesState(value: unknown): SalesState | null {
  const parsed = salesStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
