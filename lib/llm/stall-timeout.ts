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
  return new ReadableStream({
    async pull(controller) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const silence = new Promise<'silent'>((resolve) => {
        timer = setTimeout(() => resolve('silent'), timeoutMs);
      });
      try {
        const next = await Promise.race([reader.read(), silence]);
        if (next === 'silent') {
          controller.enqueue({ type: 'error', error: stallError(timeoutMs) });
          controller.close();
          // Cancelling the body closes the upstream connection; its outcome no longer matters to anyone.
          void reader.cancel(stallError(timeoutMs)).catch(() => undefined);
          return;
        }
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } finally {
        clearTimeout(timer);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
