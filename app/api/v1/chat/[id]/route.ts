import { CONVERSATION_ID_PATTERN } from '@/lib/chat/messages';
import { AppError } from '@/lib/errors';
import { NO_STORE_HEADERS, withErrors } from '@/lib/http';
import { getConversationStore } from '@/lib/store';

export const dynamic = 'force-dynamic';

/** The stored history of one conversation, in the shape `useChat` takes as its messages. */
export const GET = withErrors('history', async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  if (!CONVERSATION_ID_PATTERN.test(id)) {
    throw new AppError('bad_request:history', 'The conversation id must be 8–64 letters, digits, "-" or "_".');
  }
  const conversation = await getConversationStore().getConversation({ id });
  if (!conversation) throw new AppError('not_found:history', 'There is no conversation with this id (it may have expired).');
  return Response.json({ id, meta: conversation.meta, messages: conversation.messages }, { headers: NO_STORE_HEADERS });
});
