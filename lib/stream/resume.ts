import 'server-only';
import type { UIMessageChunk } from 'ai';
import type { ReplyStore } from '@/lib/store';
import { getActiveReplies, type LocalReply } from './active';
import { parseBatches, PRODUCER_STALE_MS, type ReplyBatch } from './batches';

export interface ResumeOptions {
  replies: ReplyStore;
  conversationId: string;
  /** Replay the events after this id (Last-Event-ID); 0 = from the first. */
  after: number;
  /** Whether a reply that has already ended is replayed (a reconnect: yes; a page load without Last-Event-ID: no). */
  includeFinished: boolean;
  /** Only this turn's reply (a retried send): null while the conversation points at another one. */
  turnId?: string;
  /** The message of the notice sent when the producer died. */
  interruptedMessage: string;
  signal?: AbortSignal;
  pollMs?: number;
  now?: () => number;
}

/**
 * The events of the reply in flight after `after`, then live until it ends, read from the resume buffer (so any
 * instance can serve it). null when there is nothing to resume. A producer that stopped writing (no event or
 * keep-alive for 6 s: the server restarted) ends the stream with a `reply_interrupted` notice and an error.
 */
export async function openResumeStream(options: ResumeOptions): Promise<ReadableStream<UIMessageChunk> | null> {
  const { replies, conversationId: id } = options;
  const now = options.now ?? Date.now;
  const pollMs = options.pollMs ?? 100;
  const local = getActiveReplies().get(id);
  if (local && (!options.turnId || local.turnId === options.turnId)) {
    return local.end && !options.includeFinished ? null : followLocal(local, options.after, options.signal);
  }
  const turnId = await replies.current({ id });
  if (!turnId || (options.turnId && turnId !== options.turnId)) return null;
  const first = parseBatches(await replies.read({ id, turnId, from: 0 }));
  if (first.length === 0) return null;
  const ended = first.some((batch) => batch.end);
  if (ended && !options.includeFinished) return null;
  let lastActivity = Math.max(...first.map((batch) => batch.at));
  // A page load finds a reply nobody has written for a while (its server restarted, or the store failed as it ended):
  // nothing is in flight. The history has what was stored; replaying it as "interrupted" would show a reply with no
  // question above it. (A client that was following it, with Last-Event-ID, is told it was interrupted.)
  if (!options.includeFinished && now() - lastActivity > PRODUCER_STALE_MS) return null;

  let read = first.length;
  let lastSeq = options.after;
  let stopped = false;

  return new ReadableStream<UIMessageChunk>({
    start(controller) {
      // Returns true when the reply has ended.
      const emit = (batches: ReplyBatch[]): boolean => {
        for (const batch of batches) {
          lastActivity = Math.max(lastActivity, batch.at);
          for (const [seq, chunk] of batch.events ?? []) {
            if (seq <= lastSeq) continue;
            lastSeq = seq;
            controller.enqueue(chunk);
          }
          if (batch.end) return true;
        }
        return false;
      };
      if (emit(first)) return controller.close();

      const follow = async () => {
        while (!stopped && !options.signal?.aborted) {
          await new Promise((resolve) => setTimeout(resolve, pollMs));
          let batches: ReplyBatch[];
          try {
            batches = parseBatches(await replies.read({ id, turnId, from: read }));
          } catch {
            batches = [];
          }
          read += batches.length;
          if (emit(batches)) return controller.close();
          if (now() - lastActivity > PRODUCER_STALE_MS) {
            controller.enqueue({ type: 'data-notice', data: { level: 'warning', code: 'reply_interrupted', message: options.interruptedMessage } });
            controller.enqueue({ type: 'error', errorText: options.interruptedMessage });
            return controller.close();
          }
        }
        try {
          controller.close();
        } catch {
          // Already cancelled by the client.
        }
      };
      void follow();
    },
    cancel() {
      stopped = true;
    },
  });
}

/** The reply as this instance produces it: its events so far, then each as it happens, until it ends. */
function followLocal(reply: LocalReply, after: number, signal?: AbortSignal): ReadableStream<UIMessageChunk> {
  // Events are appended in id order: the next one to look at is `index`.
  let index = 0;
  let listener: (() => void) | undefined;
  return new ReadableStream<UIMessageChunk>({
    start(controller) {
      const pump = () => {
        for (; index < reply.events.length; index++) {
          const [seq, chunk] = reply.events[index]!;
          if (seq > after) controller.enqueue(chunk);
        }
        if (reply.end || signal?.aborted) {
          if (listener) reply.listeners.delete(listener);
          try {
            controller.close();
          } catch {
            // Cancelled meanwhile.
          }
        }
      };
      listener = pump;
      reply.listeners.add(listener);
      pump();
    },
    cancel() {
      if (listener) reply.listeners.delete(listener);
    },
  });
}
