import { z } from 'zod';
import { conversationIdOf, type ConversationRouteContext } from '@/lib/chat/route-params';
import { getServerConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { publishEvent } from '@/lib/events/bus';
import { NO_STORE_HEADERS, otherMethods, readJsonBody, withErrors } from '@/lib/http';
import { guardRequest } from '@/lib/security/guard';
import { getConversationStore } from '@/lib/store';
import { getKv, kvKey } from '@/lib/store/kv';

export const dynamic = 'force-dynamic';

const feedbackSchema = z.object({
  messageId: z.string().trim().min(1).max(100),
  rating: z.enum(['up', 'down']),
});

/**
 * A prospect's thumbs up or down on one reply of their own conversation: kept beside the conversation (a hash of
 * message id → rating, expiring with it; a second vote replaces the first) and published as a `feedback` event.
 * 204 on success. docs/api.md.
 */
export const POST = withErrors('chat', async (request: Request, context: ConversationRouteContext) => {
  const { visitor } = await guardRequest(request);
  const id = await conversationIdOf(context, 'chat');
  const parsed = feedbackSchema.safeParse(await readJsonBody(request, { maxBytes: 1_024, surface: 'chat' }));
  if (!parsed.success) throw new AppError('bad_request:chat', 'Send { messageId, rating: "up" | "down" }.');
  if (!(await getConversationStore().isOwner({ id, visitorId: visitor.visitorId }))) {
    throw new AppError('not_found:chat', 'There is no conversation with this id.');
  }
  const kv = getKv();
  const key = kvKey(kv, 'feedback', id);
  await kv.atomic([
    ['HSET', key, parsed.data.messageId, parsed.data.rating],
    ['EXPIRE', key, getServerConfig().store.conversationTtlSeconds],
  ]);
  publishEvent({ type: 'feedback', at: Date.now(), conversationId: id, visitorId: visitor.visitorId, messageId: parsed.data.messageId, rating: parsed.data.rating });
  return new Response(null, { status: 204, headers: NO_STORE_HEADERS });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST']);
