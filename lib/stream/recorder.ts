import 'server-only';
import type { UIMessageChunk } from 'ai';
import type { ReplyStore } from '@/lib/store';
import { notifyListeners, type LocalReply } from './active';
import { FLUSH_MS, KEEP_ALIVE_MS, type ReplyBatch, type ReplyEnd } from './batches';

export interface ReplyRecorder {
  /** Numbers the chunk (1, 2, …: its SSE event id) and queues it for the buffer. */
  record(chunk: UIMessageChunk): number;
  /**
   * Flushes what is left with the end marker (the buffer then lives `ttlSeconds`), freeing the turn lock `unlock` in
   * the same round trip. Resolves true when the lock was freed that way.
   */
  finish(end: ReplyEnd, unlock?: string): Promise<boolean>;
}

/**
 * Writes a reply's events to the resume buffer in batches: the first at once (so a resume or a waiting turn sees the
 * producer alive), then every 500 ms while events arrive and a keep-alive every 2 s otherwise: a 5-second reply costs
 * ~10 pushes. Resumes on this instance read the live copy and do not wait for a flush. A buffer longer than what this producer pushed means another instance pushed a Stop.
 */
export function createReplyRecorder(args: {
  replies: ReplyStore;
  conversationId: string;
  turnId: string;
  ttlSeconds: number;
  onStopRequested: () => void;
  /** This instance's live copy of the reply, for resumes that land here. */
  local?: LocalReply;
  now?: () => number;
}): ReplyRecorder {
  const now = args.now ?? Date.now;
  let seq = 0;
  let pending: Array<[number, UIMessageChunk]> = [];
  let pushed = 0;
  let begun = false;
  let lastFlush = 0;
  let chain: Promise<void> = Promise.resolve();
  let finished = false;
  const target = { id: args.conversationId, turnId: args.turnId };

  const write = async (batch: ReplyBatch) => {
    const raw = JSON.stringify(batch);
    try {
      const length = begun
        ? await args.replies.push({ ...target, batch: raw })
        : await args.replies.begin({ ...target, batch: raw, ttlSeconds: 3_600 });
      begun = true;
      pushed += 1;
      if (length > pushed) {
        // Someone else appended to our buffer: a Stop from another instance.
        pushed = length;
        args.onStopRequested();
      }
    } catch (error) {
      // The live client is unaffected; only a later resume would miss these events.
      console.warn('[stream] the resume buffer could not be written:', error instanceof Error ? error.message : String(error));
    }
  };

  const flush = (force = false) => {
    chain = chain.then(async () => {
      if (pending.length === 0 && !force) return;
      const events = pending;
      pending = [];
      lastFlush = now();
      await write({ at: lastFlush, events });
    });
    return chain;
  };

  const timer = setInterval(() => {
    if (pending.length > 0) void flush();
    else if (now() - lastFlush >= KEEP_ALIVE_MS) void flush(true);
  }, FLUSH_MS);
  timer.unref?.();

  return {
    record(chunk) {
      seq += 1;
      pending.push([seq, chunk]);
      if (args.local) {
        args.local.events.push([seq, chunk]);
        notifyListeners(args.local);
      }
      // The first event goes out at once — it announces the producer — but after the current task: the turn's model
      // request, issued in this task's promise jobs, goes first (the buffer's write was ~0.4 ms before it).
      if (!begun && seq === 1) setTimeout(() => void flush(), 0);
      return seq;
    },
    async finish(end, unlock) {
      if (finished) return false;
      finished = true;
      clearInterval(timer);
      if (args.local) {
        args.local.end = end;
        notifyListeners(args.local);
      }
      await chain;
      const events = pending;
      pending = [];
      const batch = JSON.stringify({ at: now(), events, end } satisfies ReplyBatch);
      try {
        if (!begun) {
          await args.replies.begin({ ...target, batch, ttlSeconds: args.ttlSeconds });
          return false;
        }
        await args.replies.end({ ...target, batch, ttlSeconds: args.ttlSeconds, unlock });
        return unlock !== undefined;
      } catch (error) {
        console.warn('[stream] the end of a reply could not be written:', error instanceof Error ? error.message : String(error));
        return false;
      }
    },
  };
}
