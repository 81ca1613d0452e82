import { requireAdmin } from '@/lib/admin/guard';
import { deleteConversationRecord, getConversationDetail } from '@/lib/admin/conversations';
import { getRecordsDeps } from '@/lib/admin/records-index';
import { conversationIdOf, type ConversationRouteContext } from '@/lib/chat/route-params';
import { AppError } from '@/lib/errors';
import { NO_STORE_HEADERS, otherMethods, withErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

const notFound = () => new AppError('not_found:admin', 'There is no conversation with this id (it may have expired or been deleted).');

/** One conversation's transcript with its stage changes, tool calls and notices inline. */
export const GET = withErrors('admin', async (request: Request, context: ConversationRouteContext) => {
  await requireAdmin(request, { scope: 'leads:read' });
  const id = await conversationIdOf(context, 'admin');
  const detail = await getConversationDetail(getRecordsDeps(), id);
  if (!detail) throw notFound();
  return Response.json(detail, { headers: NO_STORE_HEADERS });
});

/** A privacy request: erases the conversation, its lead and the sales team's notes on it. Admins only. */
export const DELETE = withErrors('admin', async (request: Request, context: ConversationRouteContext) => {
  const actor = await requireAdmin(request, { write: true });
  const id = await conversationIdOf(context, 'admin');
  if (!(await deleteConversationRecord(getRecordsDeps(), id))) throw notFound();
  // Who erased what, without any of the erased data.
  console.info(`[admin] conversation ${id} erased by ${actor.kind === 'user' ? actor.email : `key ${actor.keyId}`}`);
  return new Response(null, { status: 204, headers: NO_STORE_HEADERS });
});

export const { POST, PUT, PATCH, OPTIONS } = otherMethods(['GET', 'DELETE']);
