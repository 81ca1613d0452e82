import { z } from 'zod';
import { bookingSchema } from '@/lib/sales/state';

/**
 * The business and operational events the app records as they happen (docs/admin.md). One schema: the analytics
 * recorder, the webhook queue and the mailer all read these. Events carry ids and facts, never the prospect's message
 * text (a lead's fields travel only in lead/meeting/handoff events, which exist to reach the sales team).
 */
export const eventSourceSchema = z.object({
  /** Path of the page the chat ran on ("/", "/pricing"), without query. */
  page: z.string().max(300).optional(),
  /** Origin of the site that embeds the chat, when embedded. */
  embedSite: z.string().max(300).optional(),
  utm: z
    .object({
      source: z.string().max(100).optional(),
      medium: z.string().max(100).optional(),
      campaign: z.string().max(100).optional(),
    })
    .optional(),
  /** The page's locale. */
  locale: z.string().max(10).optional(),
  /** The language the conversation went on in, when it is not the page's (a prospect who writes another one). */
  language: z.string().max(10).optional(),
  agent: z.enum(['openai', 'offline']).optional(),
});
export type EventSource = z.infer<typeof eventSourceSchema>;

const base = {
  /** Epoch ms. */
  at: z.number(),
  conversationId: z.string().optional(),
  visitorId: z.string().optional(),
  source: eventSourceSchema.optional(),
};

const leadSnapshot = z.object({
  fields: z.record(z.string(), z.object({ value: z.union([z.string(), z.number()]), evidence: z.string(), confidence: z.number() })),
  score: z.number(),
});

export const appEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('conversation.started') }),
  z.object({ ...base, type: z.literal('message'), role: z.enum(['user', 'assistant']), chars: z.number().int().nonnegative() }),
  z.object({ ...base, type: z.literal('stage.changed'), from: z.string(), to: z.string(), reason: z.string() }),
  z.object({ ...base, type: z.literal('lead.captured'), lead: leadSnapshot }),
  z.object({ ...base, type: z.literal('lead.updated'), lead: leadSnapshot, changed: z.array(z.string()) }),
  z.object({
    ...base,
    type: z.literal('meeting.booked'),
    // The booking as the sales state keeps it (one schema), without its internal creation time.
    booking: bookingSchema.omit({ createdAt: true }),
  }),
  /** The prospect cancelled their meeting (cancel_meeting): the booking with `cancelledAt`, its `ics` the cancellation. */
  z.object({
    ...base,
    type: z.literal('meeting.cancelled'),
    booking: bookingSchema.omit({ createdAt: true }).required({ cancelledAt: true }),
  }),
  /** `lead`: the lead as it stood when the prospect asked (absent when nothing was known of them yet). */
  z.object({ ...base, type: z.literal('handoff.requested'), reason: z.string(), email: z.string().optional(), lead: leadSnapshot.optional() }),
  z.object({ ...base, type: z.literal('conversation.ended'), messages: z.number().int().nonnegative() }),
  /** A question the prospect asked (knowledge-base topic id, never the text) and objections raised (ids). */
  z.object({ ...base, type: z.literal('topic'), kind: z.enum(['question', 'objection']), id: z.string() }),
  z.object({ ...base, type: z.literal('error'), code: z.string() }),
  z.object({ ...base, type: z.literal('latency'), metric: z.enum(['first_token', 'first_audio']), ms: z.number().nonnegative() }),
  z.object({ ...base, type: z.literal('tts.cache_hit') }),
  z.object({ ...base, type: z.literal('rate_limited'), limit: z.string() }),
  z.object({ ...base, type: z.literal('fallback.offline'), reason: z.string() }),
  /**
   * A prospect's thumbs up or down on one reply (POST /api/v1/chat/{id}/feedback); `previous` is the rating this vote
   * replaced, so counts stay one per reply. Named like the webhook event it also is.
   */
  z.object({
    ...base,
    type: z.literal('feedback.received'),
    messageId: z.string(),
    rating: z.enum(['up', 'down']),
    previous: z.enum(['up', 'down']).optional(),
  }),
]);
export type AppEvent = z.infer<typeof appEventSchema>;
export type AppEventType = AppEvent['type'];
/** The events admins can subscribe webhooks to. */
export const WEBHOOK_EVENT_TYPES = ['lead.captured', 'lead.updated', 'meeting.booked', 'meeting.cancelled', 'handoff.requested', 'conversation.ended', 'feedback.received'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
