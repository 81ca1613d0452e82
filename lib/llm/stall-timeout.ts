import 'server-only';
import type { LanguageModelMiddleware } from 'ai';

/**
 * Fails a model call that goes quiet: no response for `timeoutMs`, or a stream that stops sending parts for that long.
 * A long answer that keeps streaming is never cut off. (streamText's own firstChunkMs/chunkMs did not fire against a
 * stalled upstream in ai 7.0.173, and its totalMs would cut long answers, so the boundary enforces this itself.)
 * The stall surfaces as an `error` part, which the UI stream turns into a friendly "took too long" message.
 */
export function stallTimeoutMiddleware({ timeoutMs }: { timeoutMs: number }): LanguageModelMiddleware {
  return {
    specificationVersion: 'v4',
    wrapStream: async ({ doStream }) => {
      const result = await withDeadline(doStream(), timeoutMs);
      return { ...result, stream: failWhenSilent(result.stream, timeoutMs) };
    },
    wrapGenerate: ({ doGenerate }) => withDeadline(doGenerate(), timeoutMs),
  };
}

export function stallError(timeoutMs: number): DOMException {
  return new DOMException(`The model sent nothing for ${timeoutMs} ms`, 'TimeoutError');
}

async function withDeadline<T>(promise: PromiseLike<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(stallError(timeoutMs)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function failWhenSilent<T>(stream: ReadableStream<T | { type: 'error'; error: unknown }>, timeoutMs: number): ReadableStream<T | { type: 'error'; error: unknown }> {
  const reader = stream.getReader();
  // One timer per stream, re-armed (`refresh`) whenever a part is asked for: a timer, a promise and a race per part
  // were a measurable share of a turn's CPU at 50 chats (docs/performance.md, "Hot path").
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ended = false;
  return new ReadableStream({
    start(controller) {
      timer = setTimeout(() => {
        if (ended) return;
        ended = true;
        try {
          controller.enqueue({ type: 'error', error: stallError(timeoutMs) });
          controller.close();
        } catch {
          // Already closed by its reader: nothing is waiting for the part.
        }
        // Cancelling the body closes the upstream connection; its outcome no longer matters to anyone.
        void reader.cancel(stallError(timeoutMs)).catch(() => undefined);
      }, timeoutMs);
    },
    async pull(controller) {
      timer?.refresh();
      let next: ReadableStreamReadResult<T | { type: 'error'; error: unknown }>;
      try {
        next = await reader.read();
      } catch (error) {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        throw error;
      }
      if (ended) return;
      if (next.done) {
        ended = true;
        clearTimeout(timer);
        controller.close();
      } else controller.enqueue(next.value);
    },
    cancel(reason) {
      ended = true;
      clearTimeout(timer);
      return reader.cancel(reason);
    },
  });
}
