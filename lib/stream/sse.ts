import type { UIMessageChunk } from 'ai';

export const SSE_HEADERS = {
  'content-type': 'text/event-stream',
  // A reply is one visitor's: no-store, so that no proxy or CDN keeps a copy (no-cache would let it store one).
  'cache-control': 'no-store, no-transform',
  'x-accel-buffering': 'no',
  // The AI SDK's UI message stream protocol (useChat checks it).
  'x-vercel-ai-ui-message-stream': 'v1',
} as const;

/**
 * The UI message stream as server-sent events with ids: `id: <n>` on every event, counting from `firstId`, so a client
 * that lost the connection can resume after the last id it saw (docs/streaming.md). Ends with `data: [DONE]`.
 *
 * A pull source over the chunks' reader rather than `pipeThrough(new TransformStream())`: a pipe moves every chunk
 * through a writable side too (its queue, back-pressure promises and pipe loop), which a profile of 500 streams put at
 * ~4 ms of CPU per 200-token reply (docs/performance.md, session 28). Back-pressure is the same: the next chunk is read
 * only when the response asks for one.
 */
export function toEventStream(chunks: ReadableStream<UIMessageChunk>, { firstId = 1 }: { firstId?: number } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const reader = chunks.getReader();
  let id = firstId - 1;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await reader.read();
        if (next.done) {
          controller.enqueue(encoder.encode('data: [DONE]\n\n'));
          controller.close();
          return;
        }
        id += 1;
        controller.enqueue(encoder.encode(`id: ${id}\ndata: ${JSON.stringify(next.value)}\n\n`));
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

export function eventStreamResponse(chunks: ReadableStream<UIMessageChunk>, options: { firstId?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(toEventStream(chunks, options), { headers: { ...options.headers, ...SSE_HEADERS } });
}
