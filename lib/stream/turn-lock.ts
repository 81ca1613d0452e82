import 'server-only';
import { AppError } from '@/lib/errors';
import type { ReplyStore } from '@/lib/store';
import { parseBatch, PRODUCER_STALE_MS } from './batches';

/** Longest a turn may hold its conversation (a producer that dies is detected sooner: see isHolderDead). */
export const LOCK_TTL_MS = 10 * 60 * 1000;

export const lockValue = (turnId: string, at: number) => `${turnId}|${at}`;
export const lockTurnId = (value: string | null) => (value ? value.slice(0, value.lastIndexOf('|')) : null);

/** The holder's reply buffer has been silent for 6 s (or never started): its server is gone. */
async function isHolderDead(replies: ReplyStore, id: string, holder: string, now: number): Promise<boolean> {
  const turnId = lockTurnId(holder);
  const acquiredAt = Number(holder.slice(holder.lastIndexOf('|') + 1));
  if (!turnId) return true;
  const [last] = await replies.read({ id, turnId, from: -1 });
  const batch = last ? parseBatch(last) : null;
  // Silent for 6 s: before its first event, mid-reply, or after its end (storing a turn takes well under that).
  return now - (batch?.at ?? acquiredAt) > PRODUCER_STALE_MS;
}

/** `value` is what the lock holds (unlock needs the same): its time is when it was taken, for the dead-holder check. */
export type LockOutcome = { acquired: true; value: string } | { acquired: false; holderTurnId: string | null };

/**
 * Waits (bounded) until this turn holds the conversation: one turn at a time, so a second message's reply always
 * sees the first turn. Returns early, not holding it, when the holder is answering this very message (a retried send).
 * Throws `conflict:chat` (busy) when the wait runs out.
 */
export async function acquireTurnLock(args: {
  replies: ReplyStore;
  conversationId: string;
  turnId: string;
  waitMs: number;
  /** The first attempt, made beside the conversation load with `firstValue`. */
  first?: { acquired: boolean; holder: string | null };
  firstValue?: string;
  now?: () => number;
  signal?: AbortSignal;
}): Promise<LockOutcome> {
  const now = args.now ?? Date.now;
  const id = args.conversationId;
  const deadline = now() + args.waitMs;
  let lastDeadCheck = 0;
  let value = args.first && args.firstValue ? args.firstValue : lockValue(args.turnId, now());
  let attempt = args.first && args.firstValue ? args.first : await args.replies.tryLock({ id, value, ttlMs: LOCK_TTL_MS });
  for (;;) {
    if (attempt.acquired) return { acquired: true, value };
    const holderTurnId = lockTurnId(attempt.holder);
    const sameTurn = holderTurnId === args.turnId;
    if (attempt.holder && (sameTurn || now() - lastDeadCheck >= 1_000)) {
      lastDeadCheck = now();
      if (await isHolderDead(args.replies, id, attempt.holder, now())) {
        value = lockValue(args.turnId, now());
        await args.replies.forceLock({ id, value, ttlMs: LOCK_TTL_MS });
        return { acquired: true, value };
      }
    }
    // This very message is being answered (a retried send): the caller replays that reply instead of a second turn.
    if (sameTurn) return { acquired: false, holderTurnId };
    if (now() >= deadline || args.signal?.aborted) {
      throw new AppError('conflict:chat', 'Another message in this conversation is still being answered. Send this one again when it is done.', {
        details: { reason: 'busy' },
        headers: { 'retry-after': '2' },
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 80 + Math.random() * 70));
    value = lockValue(args.turnId, now());
    attempt = await args.replies.tryLock({ id, value, ttlMs: LOCK_TTL_MS });
  }
}
