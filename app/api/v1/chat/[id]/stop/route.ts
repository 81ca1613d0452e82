import { conversationIdOf, type ConversationRouteContext } from '@/lib/chat/route-params';
import { AppError } from '@/lib/errors';
import { NO_STORE_HEADERS, otherMethods, withErrors } from '@/lib/http';
import { guardRequest } from '@/lib/security/guard';
import { getConversationStore, getReplyStore } from '@/lib/store';
import { requestStop } from '@/lib/stream/stop';

export const dynamic = 'force-dynamic';

/** Stops the reply being produced in one of the visitor's conversations (docs/streaming.md). 204 either way. */
export const POST = withErrors('chat', async (request: Request, context: ConversationRouteContext) => {
  const { visitor } = await guardRequest(request, { limit: 'read' });
  const id = await conversationIdOf(context, 'chat');
  if (!(await getConversationStore().isOwner({ id, visitorId: visitor.visitorId }))) {
    throw new AppError('not_found:chat', 'There is no conversation with this id.');
  }
  await requestStop({ replies: getReplyStore(), conversationId: id });
  return new Response(null, { status: 204, headers: NO_STORE_HEADERS });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST']);
