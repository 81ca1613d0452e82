import 'server-only';
import { readUIMessageStream, type UIMessageChunk } from 'ai';
import type { SalesUIMessage } from '@/lib/sales/ui-message';
import { trackBackground } from '@/lib/background';
import { visitorChunk } from './visitor-view';

export type Notice = { code: string; message: string };
/** How long the stream's end waits for `done` (normally a few ms) before closing without it. */
const DONE_WAIT_MS = 300;
const noticeChunk = (notice: Notice): UIMessageChunk => ({ type: 'data-notice', data: { level: 'warning', ...notice } });

/** How a reply ended: cut by an error (a thrown stream or an `error` chunk), or stopped (an `abort` chunk). */
export interface ReplyOutcome {
  failed: boolean;
  stopped: boolean;
}

/**
 * Forwards the reply to the client while recording it, in one read loop (a tee plus a second parser per chunk cost
 * measurable CPU per token under load). Every chunk the client gets also goes to `record` (the resume buffer), in the
 * same order, so SSE event ids match. Notices go right after `start`; the final `finish` is held back until the turn
 * is stored, so a failed write can still be reported inside the reply. The loop reads the reply to its end even after
 * the client has gone.
 */
export function relayAndStore(args: {
  reply: ReadableStream<UIMessageChunk>;
  notices: Notice[];
  release: (() => void) | undefined;
  record?: (chunk: UIMessageChunk) => void;
  /** Called when the reply's first text arrives (the first-token latency). */
  onFirstText?: () => void;
  /** Stores the turn; returns a notice for the prospect when it could not be saved. */
  finish: (assistant: SalesUIMessage | undefined, outcome: ReplyOutcome) => Promise<Notice | undefined>;
  /** After the last chunk was sent (the resume buffer's end marker, the turn lock). */
  done?: (outcome: ReplyOutcome) => Promise<void>;
  /** What the prospect reads when the reply stream itself fails, in the reply's language. */
  failureText: (error: unknown) => string;
}): ReadableStream<UIMessageChunk> {
  const recorded: UIMessageChunk[] = [];
  let client: ReadableStreamDefaultController<UIMessageChunk> | undefined;
  const toClient = new ReadableStream<UIMessageChunk>({
    start(controller) {
      client = controller;
    },
    cancel() {
      client = undefined;
    },
  });
  // What the client (and the resume buffer) gets is the visitor's view of each chunk; `recorded`, stored, keeps them whole.
  const send = (full: UIMessageChunk) => {
    const chunk = visitorChunk(full);
    if (!chunk) return;
    args.record?.(chunk);
    try {
      client?.enqueue(chunk);
    } catch {
      client = undefined;
    }
  };

  void trackBackground((async () => {
    const reader = args.reply.getReader();
    let finish: UIMessageChunk | undefined;
    let failure: unknown;
    const outcome: ReplyOutcome = { failed: false, stopped: false };
    let sawText = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (value.type === 'finish') {
          finish = value;
          continue;
        }
        if (value.type === 'error') outcome.failed = true;
        if (value.type === 'abort') outcome.stopped = true;
        if (value.type === 'text-delta' && !sawText) {
          sawText = true;
          args.onFirstText?.();
        }
        recorded.push(value);
        send(value);
        if (value.type === 'start') {
          for (const notice of args.notices) {
            recorded.push(noticeChunk(notice));
            send(noticeChunk(notice));
          }
        }
      }
    } catch (error) {
      console.error('[chat] the reply stream failed', error);
      failure = error;
      outcome.failed = true;
    } finally {
      args.release?.();
    }
    const unsaved = await args.finish(await assemble(finish ? [...recorded, finish] : recorded), outcome);
    if (unsaved) send(noticeChunk(unsaved));
    // A failed stream ends with an error event, the same for the live client and a resume (the buffer), worded for the
    // prospect in the reply's language: the stream then closes cleanly (a broken connection made the client resume
    // only to read the error from the buffer).
    if (failure !== undefined) send({ type: 'error', errorText: args.failureText(failure) });
    else if (finish) send(finish);
    // The end marker and the lock's release take one round trip; a store that does not answer must not keep the
    // prospect's stream open for its whole deadline, so the stream closes after a short wait and they finish behind it.
    const done = args.done ? trackBackground(args.done(outcome).catch((error: unknown) => console.error('[chat] ending the turn failed', error))) : undefined;
    if (done) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, DONE_WAIT_MS)))]);
      clearTimeout(timer);
    }
    try {
      client?.close();
    } catch {
      // The client went away meanwhile.
    }
  })());
  return toClient;
}

/**
 * Consecutive deltas of one text (or reasoning) part as one delta. readUIMessageStream copies the whole message for
 * every chunk it reads (a structuredClone per token: ~0.3 ms of CPU per turn in a profile of 50 chats, more for a long
 * reply); the assembled message is the same.
 */
export function coalesceDeltas(chunks: readonly UIMessageChunk[]): UIMessageChunk[] {
  const out: UIMessageChunk[] = [];
  for (const chunk of chunks) {
    const last = out[out.length - 1];
    if (
      last &&
      (chunk.type === 'text-delta' || chunk.type === 'reasoning-delta') &&
      last.type === chunk.type &&
      last.id === chunk.id &&
      last.providerMetadata === undefined &&
      chunk.providerMetadata === undefined
    ) {
      out[out.length - 1] = { ...last, delta: last.delta + chunk.delta };
      continue;
    }
    out.push(chunk);
  }
  return out;
}

async function assemble(chunks: UIMessageChunk[]): Promise<SalesUIMessage | undefined> {
  let assistant: SalesUIMessage | undefined;
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of coalesceDeltas(chunks)) controller.enqueue(chunk);
      controller.close();
    },
  });
  try {
    for await (const snapshot of readUIMessageStream<SalesUIMessage>({ stream, terminateOnError: false })) assistant = snapshot;
  } catch (error) {
    console.error('[chat] reading the reply for storage failed', error);
  }
  return assistant;
}

export function hasContent(message: SalesUIMessage): boolean {
  return message.parts.some((part) => (part.type === 'text' ? part.text.trim().length > 0 : part.type !== 'step-start'));
}
