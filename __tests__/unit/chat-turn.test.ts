/** @jest-environment node */
import type { UIMessageChunk } from 'ai';
import { startChatTurn } from '@/lib/chat/turn';
import type { SalesUIMessage } from '@/lib/chat/messages';
import type { SalesAgent } from '@/lib/llm/types';
import { createMemoryStore } from '@/lib/store/memory';

const storeOptions = { prefix: 't:', conversationTtlSeconds: 3600, maxMessages: 100 };

/** A scripted agent: emits the given words (or an error) as UI chunks, one per macrotask. */
function scriptedAgent(script: { words?: string[]; error?: string }): SalesAgent & { calls: Array<{ history: SalesUIMessage[] }> } {
  const calls: Array<{ history: SalesUIMessage[] }> = [];
  return {
    kind: 'offline',
    model: 'scripted',
    calls,
    ping: async () => ({ ok: true, latencyMs: 0 }),
    streamReply({ history }) {
      calls.push({ history });
      const chunks: UIMessageChunk[] = [{ type: 'start' }];
      if (script.error) chunks.push({ type: 'error', errorText: script.error });
      else {
        chunks.push({ type: 'text-start', id: 't' });
        for (const word of script.words ?? []) chunks.push({ type: 'text-delta', id: 't', delta: word });
        chunks.push({ type: 'text-end', id: 't' }, { type: 'finish' });
      }
      return new ReadableStream<UIMessageChunk>({
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      });
    },
  };
}

async function drain(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

function stored(onStored: (resolve: () => void) => void) {
  return new Promise<void>((resolve) => onStored(resolve));
}

describe('startChatTurn', () => {
  it('stores the user message alone when the reply fails, and a retry does not duplicate it', async () => {
    const store = createMemoryStore(storeOptions);
    let done!: () => void;
    const first = stored((resolve) => (done = resolve));
    const failing = scriptedAgent({ error: 'The assistant is unavailable.' });
    const stream = await startChatTurn({ conversationId: 'turn-0001', message: { id: 'u1', text: 'Hi' }, store, agent: failing, onStored: () => done() });
    const chunks = await drain(stream);
    expect(chunks).toContainEqual({ type: 'error', errorText: 'The assistant is unavailable.' });
    await first;
    expect((await store.getConversation({ id: 'turn-0001' }))?.messages.map((m) => m.id)).toEqual(['u1']);

    const second = stored((resolve) => (done = resolve));
    const working = scriptedAgent({ words: ['Hello', ' there'] });
    await drain(await startChatTurn({ conversationId: 'turn-0001', message: { id: 'u1', text: 'Hi' }, store, agent: working, onStored: () => done() }));
    await second;
    const conversation = await store.getConversation({ id: 'turn-0001' });
    expect(conversation?.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(conversation?.messages[1]?.parts).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'text', text: 'Hello there' })]));
    // The retried turn saw the history without the pending user message, which it re-sends itself.
    expect(working.calls[0]?.history).toEqual([]);
  });

  it('stores the whole reply when the client disconnects mid-stream', async () => {
    const store = createMemoryStore(storeOptions);
    let done!: (messages: SalesUIMessage[]) => void;
    const finished = new Promise<SalesUIMessage[]>((resolve) => (done = resolve));
    const words = Array.from({ length: 30 }, (_, index) => `w${index} `);
    const stream = await startChatTurn({
      conversationId: 'turn-0002',
      message: { text: 'Tell me everything' },
      store,
      agent: scriptedAgent({ words }),
      onStored: ({ messages }) => done(messages),
    });
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel('tab closed');

    const messages = await finished;
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    const conversation = await store.getConversation({ id: 'turn-0002' });
    const reply = conversation?.messages[1]?.parts.find((part) => part.type === 'text');
    expect(reply && 'text' in reply ? reply.text : '').toBe(words.join(''));
  });
});
