import { forgetConversationRecord } from '@/lib/admin/conversations';
import { eraseConversation } from '@/lib/chat/erase';
import { conversationIdOf, type ConversationRouteContext } from '@/lib/chat/route-params';
import { visitorMessage } from '@/lib/chat/visitor-view';
import { getServerConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { NO_STORE_HEADERS, otherMethods, withErrors } from '@/lib/http';
import { guardRequest } from '@/lib/security/guard';
import { getConversationStore, getReplyStore } from '@/lib/store';

export const dynamic = 'force-dynamic';

type Context = ConversationRouteContext;

const notFound = () => new AppError('not_found:history', 'There is no conversation with this id (it may have expired).');

/**
 * The stored history of one of the visitor's conversations, in the shape `useChat` takes as its messages: what the
 * visitor was sent of each reply (lib/chat/visitor-view.ts), not the sales team's scores, stages and tool calls.
 */
export const GET = withErrors('history', async (request: Request, context: Context) => {
  const { visitor } = await guardRequest(request, { limit: 'read' });
  const id = await conversationIdOf(context, 'history');
  const conversation = await getConversationStore().getConversation({ id, visitorId: visitor.visitorId });
  if (!conversation) throw notFound();
  const { owner: _owner, ...meta } = conversation.meta;
  return Response.json({ id, meta, messages: conversation.messages.map(visitorMessage) }, { headers: NO_STORE_HEADERS });
});

/**
 * Erases one of the visitor's conversations with its sales state, lead record and buffered reply events (the prospect's
 * right to erasure). A reply still being written is stopped and waited for first (lib/chat/erase.ts), so nothing of it
 * is written back.
 */
export const DELETE = withErrors('history', async (request: Request, context: Context) => {
  const { visitor } = await guardRequest(request, { limit: 'read' });
  const id = await conversationIdOf(context, 'history');
  const deleted = await eraseConversation({
    // Its resume buffer goes too: nothing of the conversation can be replayed after this (lib/chat/erase.ts).
    store: getConversationStore(),
    replies: getReplyStore(),
    id,
    visitorId: visitor.visitorId,
    waitMs: getServerConfig().chat.turnWaitMs,
  });
  if (!deleted) throw notFound();
  // The admin's search row and lead status go too: nothing of the conversation lingers in admin searches.
  await forgetConversationRecord(id).catch((error: unknown) =>
    console.error('[history] the admin row of an erased conversation could not be dropped (it expires on its own):', error instanceof Error ? error.message : error),
  );
  return new Response(null, { status: 204, headers: NO_STORE_HEADERS });
});

export const { POST, PUT, PATCH, OPTIONS } = otherMethods(['GET', 'DELETE']);
