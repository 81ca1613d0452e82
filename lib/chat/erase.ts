import 'server-only';
import { generateId } from 'ai';
import { AppError, isAppError, type Surface } from '@/lib/errors';
import type { ConversationStore, ReplyStore } from '@/lib/store';
import { requestStop } from '@/lib/stream/stop';
import { acquireTurnLock } from '@/lib/stream/turn-lock';
import { getRecentConversations, type RecentConversations } from './recent';

/**
 * Runs `erase` with the conversation's reply in flight stopped and its turn lock held: otherwise that reply's turn
 * would be written back after the erasure, with the sales state and lead that were just erased, and with no owner, so
 * that the next visitor sending a message under the id would take it over. Holding the lock, it also drops this
 * instance's memory of the conversation before a waiting turn could read it, and drops its reply buffer. Shared by the visitor's erasure (below)
 * and the admin's privacy erasure (lib/admin/conversations.ts). A reply that does not end within `waitMs` (produced on
 * an instance that has not seen the stop yet) makes it a 409 `conflict:{surface}` with Retry-After: nothing is erased.
 */
export async function whileTurnStopped<T>(
  args: { replies: ReplyStore; id: string; waitMs: number; surface: Surface; recent?: RecentConversations },
  erase: () => Promise<T>,
): Promise<T> {
  const { replies, id } = args;
  await requestStop({ replies, conversationId: id });
  const busy = () =>
    new AppError(`conflict:${args.surface}`, 'A reply in this conversation is still being written. Delete it again in a moment.', {
      headers: { 'retry-after': '2' },
    });
  // A fresh turn id: never taken for the holder's own (a retried send), so the outcome is the lock or a 409.
  const outcome = await acquireTurnLock({ replies, conversationId: id, turnId: `erase-${generateId()}`, waitMs: args.waitMs }).catch((error: unknown) => {
    throw isAppError(error) && error.type === 'conflict' ? busy() : error;
  });
  if (!outcome.acquired) throw busy();
  try {
    // The reply buffer goes first, with either store (the admin's erasure reached it only through Redis before): whoever
    // next takes the id could otherwise replay the erased reply with `GET …/stream` and a Last-Event-ID. If the store
    // fails after it, the conversation is still there to erase again.
    await replies.erase({ id });
    const result = await erase();
    (args.recent ?? getRecentConversations()).forget(id);
    return result;
  } finally {
    await replies.unlock({ id, value: outcome.value }).catch(() => undefined);
  }
}

/**
 * Erases one of the visitor's conversations (DELETE /api/v1/chat/{id}): false when it is not theirs (or does not
 * exist). A reply still being produced in it is stopped first, and the erasure waits for its turn (whileTurnStopped).
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
  const { store, id, visitorId } = args;
  if (!(await store.isOwner({ id, visitorId }))) return false;
  return whileTurnStopped({ ...args, surface: 'history' }, () => store.deleteConversation({ id, visitorId }));
}
