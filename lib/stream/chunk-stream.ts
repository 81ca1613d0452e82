import type { UIMessageChunk } from 'ai';

/**
 * A stream of UI message chunks written by `execute`, as the AI SDK's `createUIMessageStream` makes one, without the
 * stage it pipes every chunk through (it only fills in a `start` chunk's missing message id and notes an `abort`; our
 * replies always carry their id). In one process, 50 replies of 200 chunks at once: ~0.35 against ~0.9 ms of CPU per
 * reply (docs/performance.md, session 32).
 *
 * The same contract: `execute`'s failure ends the stream with an `error` chunk worded by `onError`; the stream closes
 * when `execute` settles; once the reader has cancelled, writes are dropped (the reply runs on, unread).
 */
export function chunkStream<CHUNK extends UIMessageChunk>(
  execute: (write: (chunk: CHUNK) => void) => Promise<void>,
  onError: (error: unknown) => string,
): ReadableStream<CHUNK> {
  let controller: ReadableStreamDefaultController<CHUNK> | undefined;
  const stream = new ReadableStream<CHUNK>({
    start(started) {
      controller = started;
    },
    cancel() {
      controller = undefined;
    },
  });
  const write = (chunk: CHUNK) => {
    try {
      controller?.enqueue(chunk);
    } catch {
      controller = undefined;
    }
  };
  const fail = (error: unknown) => {
    let errorText: string;
    try {
      errorText = onError(error);
    } catch (wording) {
      controller?.error(wording);
      controller = undefined;
      return;
    }
    write({ type: 'error', errorText } as CHUNK);
  };
  // `execute` runs at once, as the SDK's does: its synchronous part (the turn's plan, the model's request) is not put
  // off to a later job.
  let running: Promise<void>;
  try {
    running = execute(write).catch(fail);
  } catch (error) {
    fail(error);
    running = Promise.resolve();
  }
  void running.finally(() => {
    try {
      controller?.close();
    } catch {
      // Closed or errored meanwhile.
    }
  });
  return stream;
}
