import 'server-only';
import { processSingleton } from '@/lib/process-singleton';
import type { ConversationStore, ReplyStore } from '@/lib/store';
import { acquireTurnLock } from '@/lib/stream/turn-lock';
import { utcDay } from './turn-limits';
import { unsavedTail, type RecentConversations } from './recent';

/** Waits between tries of a conversation's unsaved turns: soon after an outage, then every 10 s for about ten minutes. */
export const UNSAVED_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 5_000, ...Array.from({ length: 60 }, () => 10_000)];
const MAX_PENDING = 2_000;

export interface UnsavedWrite {
  conversationId: string;
  visitorId: string;
  store: ConversationStore;
  replies?: ReplyStore;
  recent: RecentConversations;
  now: () => number;
  delaysMs?: readonly number[];
}

/**
 * Turns answered while the store could not be written (`not_saved`) are written once it answers again: by the
 * conversation's next turn (lib/chat/turn.ts), or, when the prospect says nothing more, by this per-process writer,
 * which tries after 1, 2 and 5 s and then every 10 s for about ten minutes. It holds the conversation's turn lock while
 * it writes (a turn in flight is left to do it), checks the owner, and writes only what this instance remembers after
 * exactly the messages the store holds; the memory of recent conversations is then told they are stored.
 */
function createUnsavedWriter() {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  const schedule = (write: UnsavedWrite, attempt: number) => {
    const delays = write.delaysMs ?? UNSAVED_RETRY_DELAYS_MS;
    const delay = delays[attempt];
    clearTimeout(pending.get(write.conversationId));
    if (delay === undefined) {
      pending.delete(write.conversationId);
      if (attempt > 0) console.error(`[chat] the unsaved turns of ${write.conversationId} could not be stored; they are kept only if the prospect writes again`);
      return;
    }
    const timer: ReturnType<typeof setTimeout> = setTimeout(() => void tryWrite(write, attempt, timer), delay);
    timer.unref?.();
    pending.set(write.conversationId, timer);
    if (pending.size > MAX_PENDING) {
      const oldest = pending.keys().next().value;
      if (oldest !== undefined) {
        clearTimeout(pending.get(oldest));
        pending.delete(oldest);
      }
    }
  };

  async function tryWrite(write: UnsavedWrite, attempt: number, own: ReturnType<typeof setTimeout>): Promise<void> {
    const { conversationId: id, visitorId, store, replies, recent, now } = write;
    // Counted as waiting until this try is done (a try against a hung store takes its whole deadline); a later
    // schedule for the conversation replaces the entry, and this try then leaves it alone.
    const settle = () => {
      if (pending.get(id) === own) pending.delete(id);
    };
    let value = '';
    let locked = false;
    try {
      if (replies) {
        // Taken at once, or from a holder that is gone (a lock request of the outage that ran when the store came
        // back); a turn in flight writes them itself (and this conversation's memory then says they are stored).
        const lock = await acquireTurnLock({ replies, conversationId: id, turnId: `unsaved-${visitorId}`, waitMs: 0, now }).catch(() => null);
        if (!lock?.acquired) {
          settle();
          return schedule(write, attempt + 1);
        }
        value = lock.value;
        locked = true;
      }
      const day = utcDay(now());
      const load = await store.loadTurn({ id, visitorId, day });
      const remembered = recent.get(id);
      if (load.owner !== visitorId || !remembered) return settle();
      const storedCount = load.conversation?.meta.messageCount ?? 0;
      const tail = unsavedTail(storedCount, remembered, visitorId);
      if (tail.length === 0) return settle();
      await store.appendMessages({
        id,
        messages: tail,
        state: remembered.state ?? undefined,
        now: now(),
        usage: { visitorId, day, tokens: 0, spendMicroUsd: 0, newConversation: load.conversation === null },
      });
      // Only if no turn changed what is remembered meanwhile (it holds the lock, so it cannot have stored anything).
      if (recent.get(id) === remembered) recent.remember(id, { ...remembered, savedCount: remembered.messageCount });
      settle();
    } catch {
      settle();
      schedule(write, attempt + 1);
    } finally {
      if (locked) await replies?.unlock({ id, value }).catch(() => undefined);
    }
  }

  return {
    /** After a turn that was not saved: try its conversation's unsaved turns later (again after each failure). */
    schedule(write: UnsavedWrite): void {
      schedule(write, 0);
    },
    /** How many conversations wait to be written (`GET /api/v1/health`'s `outbox.unsavedConversations`). */
    size(): number {
      return pending.size;
    },
  };
}

export type UnsavedWriter = ReturnType<typeof createUnsavedWriter>;

export function getUnsavedWriter(): UnsavedWriter {
  return processSingleton('chat-unsaved-writer', createUnsavedWriter);
}
