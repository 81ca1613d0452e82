/**
 * A response body the test writes into as it goes. Like fetch, aborting `signal` errors the body; a reader that
 * cancels marks it closed, and writes after that are dropped.
 */
export function pushableBody(signal?: AbortSignal | null) {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      closed = true;
    },
  });
  signal?.addEventListener('abort', () => {
    if (closed) return;
    closed = true;
    controller.error(new DOMException('The operation was aborted.', 'AbortError'));
  });
  return {
    stream,
    push(text: string) {
      if (!closed) controller.enqueue(encoder.encode(text));
    },
    close() {
      if (!closed) controller.close();
      closed = true;
    },
    get closed() {
      return closed;
    },
  };
}
