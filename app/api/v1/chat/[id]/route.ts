import { forgetConversationRecord } from '@/lib/admin/conversations';
import { getRecentConversations } from '@/lib/chat/recent';
import { conversationIdOf, type ConversationRouteContext } from '@/lib/chat/route-params';
import { AppError } from '@/lib/errors';
import { NO_STORE_HEADERS, otherMethods, withErrors } from '@/lib/http';
import { guardRequest } from '@/lib/security/guard';
import { getConversationStore } from '@/lib/store';

export const dynamic = 'force-dynamic';

type Context = ConversationRouteContext;

const notFound = () => new AppError('not_found:history', 'There is no conversation with this id (it may have expired).');

/** The stored history of one of the visitor's conversations, in the shape `useChat` takes as its messages. */
export const GET = withErrors('history', async (request: Request, context: Context) => {
  const { visitor } = await guardRequest(request);
  const id = await conversationIdOf(context, 'history');
  const conversation = await getConversationStore().getConversation({ id, visitorId: visitor.visitorId });
  if (!conversation) throw notFound();
  const { owner: _owner, ...meta } = conversation.meta;
  return Response.json({ id, meta, messages: conversation.messages }, { headers: NO_STORE_HEADERS });
});

/** Erases one of the visitor's conversations with its sales state and lead record (the prospect's right to erasure). */
export const DELETE = withErrors('history', async (request: Request, context: Context) => {
  const { visitor } = await guardRequest(request);
  const id = await conversationIdOf(context, 'history');
  const deleted = await getConversationStore().deleteConversation({ id, visitorId: visitor.visitorId });
  if (!deleted) throw notFound();
  getRecentConversations().forget(id);
  // The admin's search row and lead status go too: nothing of the conversation lingers in admin searches.
  await forgetConversationRecord(id).catch((error: unknown) =>
    console.error('[history] the admin row of an erased conversation could not be dropped (it expires on its own):', error instanceof Error ? error.message : error),
  );
  return new Response(null, { status: 204, headers: NO_STORE_HEADERS });
});

export const { POST, PUT, PATCH, OPTIONS } = otherMethods(['GET', 'DELETE']);
