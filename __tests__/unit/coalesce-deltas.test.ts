/** @jest-environment node */
// lib/chat/relay.ts coalesceDeltas: the stored reply is assembled from fewer chunks (one delta per run of a text or
// reasoning part's deltas) and comes out the same as from every chunk, whatever the mix of parts, ids and metadata.
import fc from 'fast-check';
import { readUIMessageStream, type UIMessage, type UIMessageChunk } from 'ai';
import { coalesceDeltas } from '@/lib/chat/relay';

async function assembled(chunks: readonly UIMessageChunk[]): Promise<UIMessage | undefined> {
  let message: UIMessage | undefined;
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  for await (const snapshot of readUIMessageStream({ stream, terminateOnError: false })) message = snapshot;
  return message;
}

const words = fc.constantFrom('Hi', ' there', ', ', 'Pro', ' is', ' €29', '\n', 'é', '日本');
const metadata = fc.option(fc.constant({ openai: { itemId: 'x' } }), { nil: undefined, freq: 4 });

/** A reply: start, then parts of text or reasoning, each start/deltas/end, some with a step between, then finish. */
const reply = fc
  .array(
    fc.record({
      kind: fc.constantFrom('text' as const, 'reasoning' as const),
      deltas: fc.array(fc.record({ delta: words, providerMetadata: metadata }), { minLength: 0, maxLength: 8 }),
      step: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => {
    const chunks: UIMessageChunk[] = [{ type: 'start', messageId: 'm1' }];
    parts.forEach((part, index) => {
      const id = `${part.kind}-${index}`;
      if (part.step) chunks.push({ type: 'start-step' });
      chunks.push({ type: `${part.kind}-start`, id });
      for (const { delta, providerMetadata } of part.deltas) {
        chunks.push({ type: `${part.kind}-delta`, id, delta, ...(providerMetadata ? { providerMetadata } : {}) });
      }
      chunks.push({ type: `${part.kind}-end`, id });
      if (part.step) chunks.push({ type: 'finish-step' });
    });
    chunks.push({ type: 'finish' });
    return chunks;
  });

test('the assembled message is the same from coalesced chunks', async () => {
  await fc.assert(
    fc.asyncProperty(reply, async (chunks) => {
      const coalesced = coalesceDeltas(chunks);
      expect(await assembled(coalesced)).toEqual(await assembled(chunks));
    }),
    { numRuns: 200 },
  );
});

test('a run of plain deltas becomes one; a delta with provider metadata, another part or another kind is kept apart', () => {
  const chunks: UIMessageChunk[] = [
    { type: 'text-start', id: 'a' },
    { type: 'text-delta', id: 'a', delta: 'The ' },
    { type: 'text-delta', id: 'a', delta: 'Pro ' },
    { type: 'text-delta', id: 'a', delta: 'plan' },
    { type: 'text-delta', id: 'a', delta: '.', providerMetadata: { openai: { itemId: 'x' } } },
    { type: 'text-delta', id: 'b', delta: 'Other' },
    { type: 'reasoning-delta', id: 'b', delta: 'think' },
    { type: 'text-end', id: 'a' },
  ];
  const input = structuredClone(chunks);
  expect(coalesceDeltas(chunks)).toEqual([
    { type: 'text-start', id: 'a' },
    { type: 'text-delta', id: 'a', delta: 'The Pro plan' },
    { type: 'text-delta', id: 'a', delta: '.', providerMetadata: { openai: { itemId: 'x' } } },
    { type: 'text-delta', id: 'b', delta: 'Other' },
    { type: 'reasoning-delta', id: 'b', delta: 'think' },
    { type: 'text-end', id: 'a' },
  ]);
  // The chunks given (the resume buffer's record) are not changed.
  expect(chunks).toEqual(input);
});
