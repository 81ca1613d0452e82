import type { UIMessageChunk } from 'ai';
import { chunkStream } from '@/lib/stream/chunk-stream';

async function readAll(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

describe('chunkStream (the reply stream without the SDK’s id stage)', () => {
  it('streams what execute writes, in order, and closes when execute settles', async () => {
    const stream = chunkStream<UIMessageChunk>(async (write) => {
      write({ type: 'start', messageId: 'm1' });
      await new Promise((resolve) => setTimeout(resolve, 5));
      write({ type: 'text-start', id: 't' });
      write({ type: 'text-delta', id: 't', delta: 'Hello' });
      write({ type: 'text-end', id: 't' });
      write({ type: 'finish' });
    }, () => 'unused');
    expect(await readAll(stream)).toEqual([
      { type: 'start', messageId: 'm1' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Hello' },
      { type: 'text-end', id: 't' },
      { type: 'finish' },
    ]);
  });

  it('runs execute at once: its synchronous part happens before chunkStream returns', () => {
    const calls: string[] = [];
    chunkStream<UIMessageChunk>(async () => {
      calls.push('execute');
    }, () => 'unused');
    calls.push('returned');
    expect(calls).toEqual(['execute', 'returned']);
  });

  it('ends a failed execute with an error chunk worded by onError, after what was written', async () => {
    const seen: unknown[] = [];
    const stream = chunkStream<UIMessageChunk>(
      async (write) => {
        write({ type: 'start', messageId: 'm2' });
        await Promise.resolve();
        throw new Error('upstream 500');
      },
      (error) => {
        seen.push(error);
        return 'Sorry, something went wrong.';
      },
    );
    expect(await readAll(stream)).toEqual([{ type: 'start', messageId: 'm2' }, { type: 'error', errorText: 'Sorry, something went wrong.' }]);
    expect(seen).toHaveLength(1);
    expect((seen[0] as Error).message).toBe('upstream 500');
  });

  it('treats a synchronous throw like a rejection', async () => {
    const stream = chunkStream<UIMessageChunk>(
      (() => {
        throw new Error('bad plan');
      }) as () => Promise<void>,
      (error) => `failed: ${(error as Error).message}`,
    );
    expect(await readAll(stream)).toEqual([{ type: 'error', errorText: 'failed: bad plan' }]);
  });

  it('errors the stream when onError itself throws', async () => {
    const stream = chunkStream<UIMessageChunk>(
      async () => {
        throw new Error('first');
      },
      () => {
        throw new Error('wording failed');
      },
    );
    await expect(readAll(stream)).rejects.toThrow('wording failed');
  });

  it('drops writes after the reader cancels, and execute runs on to its end', async () => {
    let wroteAfterCancel = false;
    let first: UIMessageChunk | undefined;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const finished = new Promise<void>((resolveFinished) => {
      const stream = chunkStream<UIMessageChunk>(async (write) => {
        write({ type: 'start', messageId: 'm3' });
        await gate;
        write({ type: 'text-delta', id: 't', delta: 'late' });
        wroteAfterCancel = true;
        resolveFinished();
      }, () => 'unused');
      const reader = stream.getReader();
      void reader.read().then(async (read) => {
        first = read.value;
        await reader.cancel('gone');
        release();
      });
    });
    await finished;
    expect(first).toEqual({ type: 'start', messageId: 'm3' });
    expect(wroteAfterCancel).toBe(true);
  });
});
