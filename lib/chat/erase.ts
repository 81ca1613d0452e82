import 'server-only';
import { generateId } from 'ai';
import { AppError, isAppError } from '@/lib/errors';
import type { ConversationStore, ReplyStore } from '@/lib/store';
import { requestStop } from '@/lib/stream/stop';
import { acquireTurnLock } from '@/lib/stream/turn-lock';
import { getRecentConversations, type RecentConversations } from './recent';

/**
 * Erases one of the visitor's conversations (DELETE /api/v1/chat/{id}): false when it is not theirs (or does not
 * exist). A reply still being produced in it is stopped first, and the erasure waits for the conversation's turn lock:
 * otherwise that reply's turn would be written back after the erasure, with the sales state and lead the prospect just
 * asked to erase, and with no owner, so that the next visitor sending a message under the id would take it over.
 * Holding the lock, it also drops this instance's memory of the conversation before a waiting turn could read it.
 */
export async function eraseConversation(args: {
  store: ConversationStore;
  replies: ReplyStore;
  id: string;
  visitorId: string;
  /** How long to wait for the reply in flight to end (CHAT_TURN_WAIT_MS); then a 409 `conflict:history`. */
  waitMs: number;
  recent?: RecentConversations;
}): Promise<boolean> {
  const { store, replies, id, visitorId } = args;
  if (!(await store.isOwner({ id, visitorId }))) return false;
  await requestStop({ replies, conversationId: id });
  const busy = () =>
    new AppError('conflict:history', 'A reply in this conversation is still being written. Delete it again in a moment.', { headers: { 'retry-after': '2' } });
  // A fresh turn id: never taken for the holder's own (a retried send), so the outcome is the lock or a 409.
  const outcome = await acquireTurnLock({ replies, conversationId: id, turnId: `erase-${generateId()}`, waitMs: args.waitMs }).catch((error: unknown) => {
    throw isAppError(error) && error.type === 'conflict' ? busy() : error;
  });
  if (!outcome.acquired) throw busy();
  const lock = outcome.value;
  try {
    const deleted = await store.deleteConversation({ id, visitorId });
    (args.recent ?? getRecentConversations()).forget(id);
    return deleted;
  } finally {
    await replies.unlock({ id, value: lock }).catch(() => undefined);
  }
}
