import { CONVERSATION_ID_RULE, isStrongConversationId } from '@/lib/chat/messages';
import { AppError } from '@/lib/errors';
import { NO_STORE_HEADERS, otherMethods, withErrors } from '@/lib/http';
import { guardRequest } from '@/lib/security/guard';
import { getConversationStore, getReplyStore } from '@/lib/store';
import { requestStop } from '@/lib/stream/stop';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** Stops the reply being produced in one of the visitor's conversations (docs/streaming.md). 204 either way. */
export const POST = withErrors('chat', async (request: Request, context: Context) => {
  const { visitor } = await guardRequest(request);
  const { id } = await context.params;
  if (!isStrongConversationId(id)) throw new AppError('bad_request:chat', CONVERSATION_ID_RULE);
  if (!(await getConversationStore().isOwner({ id, visitorId: visitor.visitorId }))) {
    throw new AppError('not_found:chat', 'There is no conversation with this id.');
  }
  await requestStop({ replies: getReplyStore(), conversationId: id });
  return new Response(null, { status: 204, headers: NO_STORE_HEADERS });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST']);
