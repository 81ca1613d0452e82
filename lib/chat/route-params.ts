import { CONVERSATION_ID_RULE, isStrongConversationId } from '@/lib/sales/ui-message';
import { AppError, type Surface } from '@/lib/errors';

/** The `[id]` segment of a conversation route, as Next.js passes it. */
export type ConversationRouteContext = { params: Promise<{ id: string }> };

/** The conversation id of a route, or a typed 400 when it is not a strong id (a random UUID v4). */
export async function conversationIdOf(context: ConversationRouteContext, surface: Surface): Promise<string> {
  const { id } = await context.params;
  if (!isStrongConversationId(id)) throw new AppError(`bad_request:${surface}`, CONVERSATION_ID_RULE);
  return id;
}
