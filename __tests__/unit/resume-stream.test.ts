/** @jest-environment node */
// openResumeStream (lib/stream/resume.ts) over the in-memory reply buffer: what a page load and a reconnecting client
// get for a reply whose producer stopped writing (a server restart, or the store failing as the reply ended).
import type { UIMessageChunk } from 'ai';
import { createMemoryReplyStore } from '@/lib/store/replies';
import { PRODUCER_STALE_MS } from '@/lib/stream/batches';
import { openResumeStream } from '@/lib/stream/resume';

const START = 1_000_000;
const chunks: UIMessageChunk[] = [
  { type: 'start', messageId: 'a-1' },
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: 'Pro is ' },
];

async function bufferWithUnfinishedReply(clock: () => number) {
  const replies = createMemoryReplyStore({ clock });
  const batch = JSON.stringify({ at: START, events: chunks.map((chunk, index) => [index + 1, chunk]) });
  await replies.begin({ id: 'conv', turnId: 'turn-1', batch, ttlSeconds: 3_600 });
  return replies;
}

async function read(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const out: UIMessageChunk[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(value);
  }
}

describe('openResumeStream', () => {
  it('gives a page load nothing for a reply nobody has written for a while (no "interrupted" reply without its question)', async () => {
    let now = START + PRODUCER_STALE_MS + 1;
    const replies = await bufferWithUnfinishedReply(() => now);
    const options = { replies, conversationId: 'conv', after: 0, interruptedMessage: 'interrupted', pollMs: 5, now: () => now };
    expect(await openResumeStream({ ...options, includeFinished: false })).toBeNull();
    // A client that was following it (Last-Event-ID) is told it was interrupted.
    const followed = await openResumeStream({ ...options, after: 2, includeFinished: true });
    const got = await read(followed!);
    expect(got.filter((chunk) => chunk.type === 'text-delta')).toEqual([chunks[2]]);
    expect(got.at(-2)).toMatchObject({ type: 'data-notice', data: { code: 'reply_interrupted' } });
    expect(got.at(-1)).toEqual({ type: 'error', errorText: 'interrupted' });
    // Still being written a moment ago: a page load replays it from its start.
    now = START + 100;
    const live = await openResumeStream({ ...options, includeFinished: false, signal: AbortSignal.timeout(50) });
    expect(live).not.toBeNull();
  });
});
