import { requireAdmin } from '@/lib/admin/guard';
import { readRatings } from '@/lib/analytics/feedback';
import { conversationIdOf, type ConversationRouteContext } from '@/lib/chat/route-params';
import { NO_STORE_HEADERS, otherMethods, withErrors } from '@/lib/http';
import { getKv } from '@/lib/store/kv';

export const dynamic = 'force-dynamic';

/** The prospect's thumbs up/down on this conversation's replies, by message id: the transcript view marks them. */
export const GET = withErrors('admin', async (request: Request, context: ConversationRouteContext) => {
  await requireAdmin(request, { scope: 'leads:read' });
  const id = await conversationIdOf(context, 'admin');
  return Response.json({ ratings: await readRatings({ kv: getKv(), conversationId: id }) }, { headers: NO_STORE_HEADERS });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET']);
