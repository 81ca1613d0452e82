/** @jest-environment node */
import type { UIMessageChunk } from 'ai';
import { startChatTurn } from '@/lib/chat/turn';
import type { SalesUIMessage } from '@/lib/sales/ui-message';
import type { SalesAgent } from '@/lib/llm/types';
import { createMemoryStore } from '@/lib/store/memory';
import type { RecentConversations } from '@/lib/chat/recent';
import type { ConversationStore } from '@/lib/store/types';
import { createMemoryReplyStore } from '@/lib/store/replies';
import { StoreTimeoutError } from '@/lib/store/transport';
import { AppError } from '@/lib/errors';
import { NO_TURN_LIMITS } from '../support/visitor';

const storeOptions = { prefix: 't:', conversationTtlSeconds: 3600, maxMessages: 100 };
const base = { visitorId: 'visitor-a', limits: NO_TURN_LIMITS, recent: undefined as RecentConversations | undefined };

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
    const stream = await startChatTurn({ ...base, conversationId: 'turn-0001', message: { id: 'u1', text: 'Hi' }, store, agent: failing, onStored: () => done() });
    const chunks = await drain(stream);
    expect(chunks).toContainEqual({ type: 'error', errorText: 'The assistant is unavailable.' });
    await first;
    expect((await store.getConversation({ id: 'turn-0001' }))?.messages.map((m) => m.id)).toEqual(['u1']);

    const second = stored((resolve) => (done = resolve));
    const working = scriptedAgent({ words: ['Hello', ' there'] });
    await drain(await startChatTurn({ ...base, conversationId: 'turn-0001', message: { id: 'u1', text: 'Hi' }, store, agent: working, onStored: () => done() }));
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
      ...base,
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

  describe('when the store fails', () => {
    /** A real in-memory store whose reads or writes can be switched to fail, as Redis does when it goes away. */
    function flakyStore() {
      const inner = createMemoryStore(storeOptions);
      const faults = { read: false, write: 0, timeout: false, writes: 0 };
      const store: ConversationStore = {
        ...inner,
        loadTurn: async (args) => {
          if (faults.read) throw new Error('connect ECONNREFUSED');
          return inner.loadTurn(args);
        },
        appendMessages: async (args) => {
          faults.writes += 1;
          if (faults.write > 0) {
            faults.write -= 1;
            // As the Upstash adapter throws it: a typed error whose cause is the transport's timeout.
            throw faults.timeout
              ? new AppError('upstream_unavailable:store', 'The conversation store is not answering.', { cause: new StoreTimeoutError(2_500) })
              : new Error('connect ECONNREFUSED');
          }
          return inner.appendMessages(args);
        },
      };
      return { store, inner, faults };
    }

    async function turn(store: ConversationStore, text: string, id: string, agent = scriptedAgent({ words: ['Noted', '.'] })) {
      let done!: (ok: boolean) => void;
      const stored = new Promise<boolean>((resolve) => (done = resolve));
      const chunks = await drain(
        await startChatTurn({ ...base, recent, conversationId: 'flaky-01', message: { id, text }, store, agent, writeRetryDelaysMs: [1, 1], unsavedRetryDelaysMs: background, replies, onStored: ({ ok }) => done(ok) }),
      );
      return { chunks, ok: await stored, agent };
    }
    const notices = (chunks: UIMessageChunk[]) => chunks.flatMap((chunk) => (chunk.type === 'data-notice' ? [(chunk.data as { code: string }).code] : []));
    let recent: RecentConversations;
    // Only the next turn writes what was not saved, unless a test turns the background writer on.
    let background: number[] = [];
    let replies: ReturnType<typeof createMemoryReplyStore> | undefined;
    beforeEach(() => {
      recent = createRecentForTest();
      background = [];
      replies = undefined;
    });

    it('writes a turn that was not saved once the store answers again, though the prospect says nothing more', async () => {
      const { store, inner, faults } = flakyStore();
      background = [30, 30, 30, 30, 30, 30];
      await turn(store, 'We are a team of 25', 'b1');
      faults.read = true;
      expect((await turn(store, 'Our budget is 5k a month', 'b2')).ok).toBe(false);
      // Still down for the first tries; then back.
      await new Promise((resolve) => setTimeout(resolve, 70));
      expect((await inner.getConversation({ id: 'flaky-01' }))?.messages.map((m) => m.id)).not.toContain('b2');
      faults.read = false;
      let ids: string[] = [];
      for (let waited = 0; waited < 2_000 && !ids.includes('b2'); waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        ids = (await inner.getConversation({ id: 'flaky-01' }))?.messages.map((m) => m.id) ?? [];
      }
      expect(ids.filter((id) => id.startsWith('b'))).toEqual(['b1', 'b2']);
      expect((await inner.getConversation({ id: 'flaky-01' }))?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
      // The next turn knows they are stored: nothing is written twice.
      await turn(store, 'Next quarter', 'b3');
      expect((await inner.getConversation({ id: 'flaky-01' }))?.messages.map((m) => m.id).filter((id) => id.startsWith('b'))).toEqual(['b1', 'b2', 'b3']);
    });

    it('writes a turn that was not saved once, when the background writer and the next message meet', async () => {
      for (const delay of [0, 5, 15, 40]) {
        const { store, inner, faults } = flakyStore();
        recent = createRecentForTest();
        replies = createMemoryReplyStore();
        background = [1_000, delay, delay, delay];
        await turn(store, 'We are a team of 25', 'r1');
        faults.read = true;
        expect((await turn(store, 'Our budget is 5k a month', 'r2')).ok).toBe(false);
        faults.read = false;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        await turn(store, 'Next quarter', 'r3');
        await new Promise((resolve) => setTimeout(resolve, 100));
        const messages = (await inner.getConversation({ id: 'flaky-01' }))?.messages ?? [];
        expect(messages.map((m) => m.id).filter((id) => id.startsWith('r'))).toEqual(['r1', 'r2', 'r3']);
        expect(messages).toHaveLength(6);
      }
    });

    it('answers from what it remembers when a read fails, tells the prospect, and never overwrites the stored state', async () => {
      const { store, inner, faults } = flakyStore();
      await turn(store, 'We are a team of 25', 'f1');
      const before = await inner.getConversation({ id: 'flaky-01' });
      faults.read = true;
      const { chunks, ok, agent } = await turn(store, 'What did I say?', 'f2');
      // Told at the start that the history could not be read, and at the end that the turn was not saved: the write
      // checks the owner first, and the store still cannot be read.
      expect(notices(chunks)).toEqual(['history_unavailable', 'not_saved']);
      // Not a new conversation: the agent saw the earlier turn.
      expect(agent.calls[0]?.history.map((m) => m.id)).toEqual(['f1', expect.any(String)]);
      expect(ok).toBe(false);
      faults.read = false;
      const after = await inner.getConversation({ id: 'flaky-01' });
      expect(after?.messages).toEqual(before?.messages);
      expect(after?.state).toEqual(before?.state);

      // The store is back: the turn said during the outage is written with the next one, before it, and the agent
      // answers the next one knowing it; nothing earlier was lost.
      const next = await turn(store, 'Next quarter', 'f3');
      expect(next.ok).toBe(true);
      expect(notices(next.chunks)).toEqual([]);
      expect(next.agent.calls.at(-1)?.history.map((m) => m.id).filter((id) => id.startsWith('f'))).toEqual(['f1', 'f2']);
      const messages = (await inner.getConversation({ id: 'flaky-01' }))?.messages ?? [];
      expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
      expect(messages.map((m) => m.id).filter((id) => id.startsWith('f'))).toEqual(['f1', 'f2', 'f3']);
    });

    it('does not write a remembered turn when another instance stored the conversation since, or it was erased', async () => {
      const { store, inner, faults } = flakyStore();
      await turn(store, 'We are a team of 25', 'g1');
      faults.read = true;
      expect((await turn(store, 'Our budget is 5k', 'g2')).ok).toBe(false);
      faults.read = false;
      // Another instance answered a turn meanwhile: the store's history wins, the remembered turn is not written into it.
      await inner.appendMessages({ id: 'flaky-01', messages: [{ id: 'other-1', role: 'user', parts: [{ type: 'text', text: 'Hello from elsewhere' }] }] });
      await turn(store, 'Next quarter', 'g3');
      expect((await inner.getConversation({ id: 'flaky-01' }))?.messages.map((m) => m.id).filter((id) => !id.startsWith('a'))).not.toContain('g2');

      // Erased while this instance remembered an unsaved turn of it: not brought back.
      faults.read = true;
      expect((await turn(store, 'Call me Ana', 'g4')).ok).toBe(false);
      faults.read = false;
      await inner.deleteConversation({ id: 'flaky-01', visitorId: base.visitorId });
      await turn(store, 'Hello again', 'g5');
      expect((await inner.getConversation({ id: 'flaky-01' }))?.messages.filter((m) => m.role === 'user').map((m) => m.id)).toEqual(['g5']);
    });

    it('retries a failed write, then stores the turn', async () => {
      const { store, inner, faults } = flakyStore();
      faults.write = 2;
      const { chunks, ok } = await turn(store, 'Hello', 'w1');
      expect(ok).toBe(true);
      expect(notices(chunks)).toEqual([]);
      expect((await inner.getConversation({ id: 'flaky-01' }))?.messages.map((m) => m.id)).toEqual(['w1', expect.any(String)]);
    });

    it('tells the prospect inside the reply when the turn could not be saved, before the reply finishes', async () => {
      const { store, faults } = flakyStore();
      faults.write = 10;
      const { chunks, ok } = await turn(store, 'Hello', 'w2');
      expect(ok).toBe(false);
      const types = chunks.map((chunk) => chunk.type);
      expect(types.at(-1)).toBe('finish');
      expect(types.at(-2)).toBe('data-notice');
      expect(notices(chunks)).toEqual(['not_saved']);
    });

    it('does not retry a write that waited out the store\'s deadline (a hung store), and says the turn was not saved', async () => {
      const { store, faults } = flakyStore();
      faults.write = 10;
      faults.timeout = true;
      const { chunks, ok } = await turn(store, 'Hello', 'w3');
      expect(ok).toBe(false);
      expect(faults.writes).toBe(1);
      expect(notices(chunks)).toEqual(['not_saved']);
      expect(chunks.at(-1)?.type).toBe('finish');
    });
  });

  it('closes the prospect\'s stream without waiting for a resume buffer that does not answer', async () => {
    const replies = createMemoryReplyStore();
    let endCalls = 0;
    const hung: typeof replies = {
      ...replies,
      // The end marker's write never comes back (a store frozen after the reply began).
      end: () => {
        endCalls += 1;
        return new Promise<void>(() => undefined);
      },
    };
    const store = createMemoryStore(storeOptions);
    const started = Date.now();
    const chunks = await drain(
      await startChatTurn({ ...base, conversationId: 'hung-end-01', message: { id: 'h1', text: 'Hello' }, store, agent: scriptedAgent({ words: ['Hi', '.'] }), replies: hung }),
    );
    expect(chunks.map((chunk) => chunk.type).at(-1)).toBe('finish');
    expect(endCalls).toBe(1);
    // Closed after the short wait for the end marker, not after the store's deadline (no deadline here: never).
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('the turn context', () => {
  it('says whether invites are e-mailed: invitesAreEmailed() by default (no SMTP here: false), or as given', async () => {
    const seen: boolean[] = [];
    const agent: SalesAgent = {
      ...scriptedAgent({ words: ['Booked.'] }),
      streamReply(input) {
        seen.push(input.context.invitesByEmail);
        return scriptedAgent({ words: ['Booked.'] }).streamReply(input);
      },
    };
    const store = createMemoryStore(storeOptions);
    const turn = async (id: string, extra: { invitesByEmail?: boolean }) => {
      let done!: () => void;
      const saved = stored((resolve) => (done = resolve));
      await drain(await startChatTurn({ ...base, ...extra, conversationId: id, message: { id: `u-${id}`, text: 'Book a demo' }, store, agent, onStored: () => done() }));
      await saved;
    };
    const previous = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      await turn('turn-mail-1', {});
      await turn('turn-mail-2', { invitesByEmail: true });
    } finally {
      if (previous !== undefined) process.env.SMTP_URL = previous;
    }
    expect(seen).toEqual([false, true]);
  });

  it("answers from the knowledge base of the page's language (the same plans and prices, in its words)", async () => {
    const seen: { locale: string; kb: Parameters<SalesAgent['streamReply']>[0]['context']['kb'] }[] = [];
    const agent: SalesAgent = {
      ...scriptedAgent({ words: ['Ok.'] }),
      streamReply(input) {
        seen.push({ locale: input.context.locale, kb: input.context.kb });
        return scriptedAgent({ words: ['Ok.'] }).streamReply(input);
      },
    };
    const store = createMemoryStore(storeOptions);
    for (const locale of ['en', 'fr', 'de'] as const) {
      let done!: () => void;
      const saved = stored((resolve) => (done = resolve));
      await drain(await startChatTurn({ ...base, kb: undefined, locale, conversationId: `kb-${locale}`, message: { id: `u-kb-${locale}`, text: 'Pro?' }, store, agent, onStored: () => done() }));
      await saved;
    }
    const [en, fr, de] = seen.map((entry) => entry.kb);
    expect(seen.map((entry) => entry.locale)).toEqual(['en', 'fr', 'de']);
    expect(en?.plans.map((plan) => plan.pricePerSeatMonthly)).toEqual(fr?.plans.map((plan) => plan.pricePerSeatMonthly));
    expect(de?.plans.map((plan) => plan.pricePerSeatMonthly)).toEqual(en?.plans.map((plan) => plan.pricePerSeatMonthly));
    expect(fr?.company.tagline).not.toEqual(en?.company.tagline);
    expect(de?.company.tagline).not.toEqual(fr?.company.tagline);
  });
});

describe('idempotency and retries of unfinished replies', () => {
  it('answers a message id once, but answers it again on Retry when its stored reply was cut short', async () => {
    const store = createMemoryStore(storeOptions);
    const replies = createMemoryReplyStore();
    const turn = async (agent: SalesAgent, regenerate?: boolean) => {
      let done!: () => void;
      const stored = new Promise<void>((resolve) => (done = resolve));
      const stream = await startChatTurn({ ...base, recent: createRecentForTest(), replies, conversationId: 'idem-01', message: { id: 'q1', text: 'Tell me' }, store, agent, regenerate, onStored: () => done() });
      await drain(stream);
      await stored;
    };
    await turn(scriptedAgent({ error: 'The model stopped answering.' }), undefined);
    // The failed reply stored only the user message: a plain resend answers it (a retry).
    await turn(scriptedAgent({ words: ['Part', 'ial'] }));
    const conversation = await store.getConversation({ id: 'idem-01' });
    expect(conversation?.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    await expect(turn(scriptedAgent({ words: ['Again'] }))).rejects.toMatchObject({ code: 'conflict:chat', details: { reason: 'duplicate' } });
    // A stored reply marked as cut short can be asked for again with Retry.
    const cut = await store.getConversation({ id: 'idem-01' });
    const patched = createMemoryStore(storeOptions);
    await patched.loadTurn({ id: 'idem-01', visitorId: base.visitorId, day: '2026-11-30' });
    await patched.appendMessages({
      id: 'idem-01',
      messages: [cut!.messages[0]!, { ...cut!.messages[1]!, metadata: { ...cut!.messages[1]!.metadata, status: 'incomplete' } }],
    });
    let done!: () => void;
    const stored = new Promise<void>((resolve) => (done = resolve));
    const again = scriptedAgent({ words: ['Complete', ' answer'] });
    await drain(await startChatTurn({ ...base, recent: createRecentForTest(), replies, conversationId: 'idem-01', message: { id: 'q1', text: 'Tell me' }, store: patched, agent: again, regenerate: true, onStored: () => done() }));
    await stored;
    expect(again.calls[0]?.history).toEqual([]);
    const after = await patched.getConversation({ id: 'idem-01' });
    expect(after?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'assistant']);
    expect(after?.messages[2]?.metadata?.status).toBeUndefined();
  });
});

/** A private memory of recent conversations per test (the app's is one per process). */
function createRecentForTest(): RecentConversations {
  const entries = new Map<string, Parameters<RecentConversations['remember']>[1]>();
  return { get: (id) => entries.get(id), remember: (id, entry) => void entries.set(id, entry), forget: (id) => void entries.delete(id) };
}
