import type { UIMessageChunk } from 'ai';

export const SSE_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
  // The AI SDK's UI message stream protocol (useChat checks it).
  'x-vercel-ai-ui-message-stream': 'v1',
} as const;

/**
 * The UI message stream as server-sent events with ids: `id: <n>` on every event, counting from `firstId`, so a client
 * that lost the connection can resume after the last id it saw (docs/streaming.md). Ends with `data: [DONE]`.
 */
export function toEventStream(chunks: ReadableStream<UIMessageChunk>, { firstId = 1 }: { firstId?: number } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let id = firstId - 1;
  return chunks.pipeThrough(
    new TransformStream<UIMessageChunk, Uint8Array>({
      transform(chunk, controller) {
        id += 1;
        controller.enqueue(encoder.encode(`id: ${id}\ndata: ${JSON.stringify(chunk)}\n\n`));
      },
      flush(controller) {
        controller.enqueue(encoder.encode('data: [DONE]\n\n'));
      },
    }),
  );
}

export function eventStreamResponse(chunks: ReadableStream<UIMessageChunk>, options: { firstId?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(toEventStream(chunks, options), { headers: { ...options.headers, ...SSE_HEADERS } });
}
