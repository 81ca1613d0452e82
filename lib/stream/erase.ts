import 'server-only';
import type { ConversationStore, ReplyStore } from '@/lib/store';

/**
 * The conversation store, with an erasure that also forgets the conversation's reply buffer. Without it the last reply's
 * events outlived the erasure in the resume buffer (STREAM_RESUME_TTL_SECONDS): whoever next sent a message under the id
 * owned it, and `GET …/stream` with a Last-Event-ID replayed the erased reply to them before their own began. The buffer
 * goes first, inside the same turn lock as the conversation (lib/chat/erase.ts): if the store fails between the two,
 * the conversation is still there to erase again.
 */
export function erasingReplyBuffer(store: ConversationStore, replies: ReplyStore): ConversationStore {
  return {
    ...store,
    async deleteConversation(args) {
      if (!(await store.isOwner(args))) return false;
      await replies.erase({ id: args.id });
      return store.deleteConversation(args);
    },
  };
}
