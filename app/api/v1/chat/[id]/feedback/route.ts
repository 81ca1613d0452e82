import { z } from 'zod';
import { conversationIdOf, type ConversationRouteContext } from '@/lib/chat/route-params';
import { getServerConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { publishEvent } from '@/lib/events/bus';
import { NO_STORE_HEADERS, otherMethods, readJsonBody, withErrors } from '@/lib/http';
import { guardRequest } from '@/lib/security/guard';
import { getConversationStore } from '@/lib/store';
import { recordRating } from '@/lib/analytics/feedback';
import { getKv } from '@/lib/store/kv';

export const dynamic = 'force-dynamic';

const feedbackSchema = z.object({
  messageId: z.string().trim().min(1).max(100),
  rating: z.enum(['up', 'down']),
});

/**
 * A prospect's thumbs up or down on one reply of their own conversation: kept beside the conversation (a hash of
 * message id → rating, expiring with it; a second vote replaces the first) and published as a `feedback.received`
 * event (dashboard counts, webhooks). 204 on success. Only a reply stored in that conversation can be rated (404
 * otherwise: made-up ids would move the dashboard's figures and fill the hash), and votes are rate-limited
 * (`RATE_LIMIT_FEEDBACK`). docs/api.md.
 */
export const POST = withErrors('chat', async (request: Request, context: ConversationRouteContext) => {
  const { visitor, headers } = await guardRequest(request, { limit: 'feedback' });
  const id = await conversationIdOf(context, 'chat');
  const parsed = feedbackSchema.safeParse(await readJsonBody(request, { maxBytes: 1_024, surface: 'chat' }));
  if (!parsed.success) throw new AppError('bad_request:chat', 'Send { messageId, rating: "up" | "down" }.');
  const conversation = await getConversationStore().getConversation({ id, visitorId: visitor.visitorId });
  if (!conversation) throw new AppError('not_found:chat', 'There is no conversation with this id.');
  const { messageId, rating } = parsed.data;
  if (!conversation.messages.some((message) => message.role === 'assistant' && message.id === messageId)) {
    throw new AppError('not_found:chat', 'This conversation has no reply with this id.');
  }
  const previous = await recordRating({ kv: getKv(), conversationId: id, messageId, rating, ttlSeconds: getServerConfig().store.conversationTtlSeconds });
  // The same vote again changes nothing: no event, so nothing is counted or sent twice.
  if (previous !== rating) {
    publishEvent({ type: 'feedback.received', at: Date.now(), conversationId: id, visitorId: visitor.visitorId, messageId, rating, ...(previous ? { previous } : {}) });
  }
  return new Response(null, { status: 204, headers: { ...NO_STORE_HEADERS, ...headers } });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST']);
