import 'server-only';
import type { ReplyStore } from '@/lib/store';
import { getActiveReplies } from './active';
import { parseBatch, type ReplyBatch } from './batches';

/**
 * Stops the conversation's reply in flight: at once when this instance produces it (the upstream request is aborted),
 * otherwise by appending a stop batch to its resume buffer, which the producing instance sees at its next flush.
 */
export async function requestStop({ replies, conversationId }: { replies: ReplyStore; conversationId: string }): Promise<void> {
  const local = getActiveReplies().get(conversationId);
  if (local) {
    local.abort.abort();
    return;
  }
  const turnId = await replies.current({ id: conversationId });
  if (!turnId) return;
  const [last] = await replies.read({ id: conversationId, turnId, from: -1 });
  if (!last || parseBatch(last)?.end) return;
  await replies.push({ id: conversationId, turnId, batch: JSON.stringify({ at: Date.now(), control: 'stop' } satisfies ReplyBatch) });
}
