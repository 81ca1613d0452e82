/** @jest-environment node */
// lib/llm/stall-timeout.ts: a model stream that goes quiet ends with a TimeoutError part after `timeoutMs`; one that
// keeps sending is never cut, however long; an upstream error passes through; a cancelled stream leaves no timer.
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { stallTimeoutMiddleware } from '@/lib/llm/stall-timeout';

type Part = LanguageModelV4StreamPart;
const TIMEOUT = 80;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const delta = (text: string): Part => ({ type: 'text-delta', id: 't', delta: text });

/** Runs the middleware's wrapStream around a stream made by `source`. */
async function wrapped(source: (controller: ReadableStreamDefaultController<Part>) => Promise<void> | void, timeoutMs = TIMEOUT) {
  const middleware = stallTimeoutMiddleware({ timeoutMs });
  const stream = new ReadableStream<Part>({ start: (controller) => void source(controller) });
  const doStream = async () => ({ stream, request: {}, response: {} }) as never;
  const result = await middleware.wrapStream!({ doStream, doGenerate: (async () => undefined) as never, params: {} as never, model: {} as never });
  return result.stream as ReadableStream<Part | { type: 'error'; error: unknown }>;
}

async function readAll(stream: ReadableStream<Part | { type: 'error'; error: unknown }>) {
  const parts: (Part | { type: 'error'; error: unknown })[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

describe('stallTimeoutMiddleware', () => {
  it('ends a stream that goes quiet after two parts with a TimeoutError part, about timeoutMs later', async () => {
    const started = Date.now();
    const parts = await readAll(await wrapped((controller) => {
      controller.enqueue(delta('Hel'));
      controller.enqueue(delta('lo'));
    }));
    expect(parts.slice(0, 2)).toEqual([delta('Hel'), delta('lo')]);
    expect(parts).toHaveLength(3);
    const last = parts[2] as { type: string; error: DOMException };
    expect(last.type).toBe('error');
    expect(last.error.name).toBe('TimeoutError');
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT - 5);
  });

  it('never cuts a stream that keeps sending, for many times timeoutMs', async () => {
    // A part every 50 ms against a 300 ms timeout (a margin a loaded machine's late timers cannot eat), for ~4× the timeout.
    const timeoutMs = 300;
    const words = Array.from({ length: 24 }, (_, index) => `w${index}`);
    const parts = await readAll(await wrapped(async (controller) => {
      for (const word of words) {
        controller.enqueue(delta(word));
        await sleep(50);
      }
      controller.close();
    }, timeoutMs));
    expect(parts).toEqual(words.map(delta));
  });

  it('passes an upstream error through and fires no timer afterwards', async () => {
    const stream = await wrapped((controller) => {
      controller.enqueue(delta('a'));
      setTimeout(() => controller.error(new Error('socket hang up')), 10);
    });
    await expect(readAll(stream)).rejects.toThrow('socket hang up');
    await sleep(TIMEOUT * 2); // a timer left behind would enqueue into the errored stream and throw here
  });

  it('lets a reader cancel the stream, cancelling the upstream and its timer', async () => {
    let cancelled: unknown;
    const middleware = stallTimeoutMiddleware({ timeoutMs: TIMEOUT });
    const upstream = new ReadableStream<Part>({ start: (controller) => controller.enqueue(delta('x')), cancel: (reason) => void (cancelled = reason ?? 'cancelled') });
    const result = await middleware.wrapStream!({ doStream: async () => ({ stream: upstream }) as never, doGenerate: (async () => undefined) as never, params: {} as never, model: {} as never });
    const reader = (result.stream as ReadableStream<Part>).getReader();
    expect(await reader.read()).toEqual({ done: false, value: delta('x') });
    await reader.cancel('the visitor stopped');
    expect(cancelled).toBe('the visitor stopped');
    await sleep(TIMEOUT * 2);
  });
});
