/** @jest-environment node */
// The speculative start (lib/chat/turn.ts, lib/llm/hold.ts): a conversation's first message starts its model request
// beside the store's answers instead of after them, and the store still decides. Real parts: the OpenAI stand-in over
// HTTP, the real agent (AI SDK, sales tools), the in-memory store with its loads held back as a slow store would.
import type { UIMessageChunk } from 'ai';
import type { RecentConversations } from '@/lib/chat/recent';
import { startChatTurn, type ChatTurnInput } from '@/lib/chat/turn';
import { AppError } from '@/lib/errors';
import { createSalesAgent } from '@/lib/llm';
import { createMemoryStore } from '@/lib/store/memory';
import type { ConversationStore } from '@/lib/store/types';
import { NO_TURN_LIMITS } from '../support/visitor';
import { withOpenAIStandIn, type OpenAIStandIn } from '../support/openai-standin';

type Recorded = OpenAIStandIn['requests'][number];

const openai = withOpenAIStandIn();
const config = () => openai.config();

/** A real in-memory store whose turn loads wait until `answer()` (a store a round trip away, made slow on purpose). */
function slowStore() {
  const inner = createMemoryStore({ prefix: 't:', conversationTtlSeconds: 3600, maxMessages: 100 });
  let open!: () => void;
  let gate = new Promise<void>((resolve) => (open = resolve));
  let loads = 0;
  const store: ConversationStore = {
    ...inner,
    loadTurn: async (args) => {
      loads += 1;
      await gate;
      return inner.loadTurn(args);
    },
  };
  return {
    store,
    inner,
    loads: () => loads,
    answer: () => open(),
    /** Loads answer at once from now on. */
    fast: () => {
      open();
      gate = Promise.resolve();
    },
  };
}

function recentForTest(): RecentConversations {
  const entries = new Map<string, Parameters<RecentConversations['remember']>[1]>();
  return { get: (id) => entries.get(id), remember: (id, entry) => void entries.set(id, entry), forget: (id) => void entries.delete(id) };
}

const modelCalls = (): Recorded[] => openai.standIn.requests.filter((entry: Recorded) => entry.path.startsWith('/v1/chat'));
const until = async (condition: () => boolean, ms = 3_000) => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function drain(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}
const textOf = (chunks: UIMessageChunk[]) => chunks.map((chunk) => (chunk.type === 'text-delta' ? chunk.delta : '')).join('');

function turn(args: Partial<ChatTurnInput> & { store: ConversationStore; conversationId: string; text: string; id: string }) {
  let stored!: (messages: string[]) => void;
  const done = new Promise<string[]>((resolve) => (stored = resolve));
  const { text, id, ...rest } = args;
  const started = startChatTurn({
    visitorId: 'visitor-a',
    limits: NO_TURN_LIMITS,
    recent: recentForTest(),
    agent: createSalesAgent(config(), { logError: () => undefined }),
    message: { id, text },
    onStored: ({ messages }) => stored(messages.map((message) => message.role)),
    ...rest,
  });
  return { started, stored: done };
}

describe('the speculative start of a first message', () => {
  it('sends the model request before the store has answered, and keeps the reply once it has', async () => {
    openai.standIn.setBehaviour({ replyText: 'Pro is $24 per seat per month.', ttftMs: 30 });
    const slow = slowStore();
    const { started, stored } = turn({ store: slow.store, conversationId: 'spec-0001', text: 'How much is Pro?', id: 'u1', firstMessage: true });
    // The store has not answered, yet the model request is out.
    await until(() => modelCalls().length === 1);
    expect(slow.loads()).toBe(1);
    await sleep(80); // the model's first words are ready by now: none reaches the turn before the store answers
    slow.answer();
    const chunks = await drain(await started);
    expect(textOf(chunks)).toBe('Pro is $24 per seat per month.');
    expect(chunks.at(-1)?.type).toBe('finish');
    expect(await stored).toEqual(['user', 'assistant']);
    const conversation = await slow.inner.getConversation({ id: 'spec-0001' });
    expect(conversation?.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(conversation?.meta.owner).toBe('visitor-a');
    expect(modelCalls()).toHaveLength(1);
    expect(modelCalls()[0]?.abortedAt).toBeUndefined();
    // The request the model got is the ordinary one: the user's message, the sales instructions.
    expect(JSON.stringify(modelCalls()[0]?.body)).toContain('How much is Pro?');
  });

  it('waits for the store without the client’s word that the conversation is new', async () => {
    openai.standIn.setBehaviour({ replyText: 'Hello.' });
    const slow = slowStore();
    const { started } = turn({ store: slow.store, conversationId: 'spec-0002', text: 'Hi', id: 'u1' });
    await sleep(60);
    expect(modelCalls()).toHaveLength(0);
    slow.answer();
    expect(textOf(await drain(await started))).toBe('Hello.');
    expect(modelCalls()).toHaveLength(1);
  });

  it('drops the start when the id is someone else’s: the request is aborted, no tool runs, the answer is not found', async () => {
    const slow = slowStore();
    slow.fast();
    // visitor-b owns spec-0003.
    openai.standIn.setBehaviour({ replyText: 'Welcome.' });
    const owner = turn({ store: slow.store, conversationId: 'spec-0003', text: 'Hello', id: 'b1', visitorId: 'visitor-b' });
    await drain(await owner.started);
    await owner.stored;
    openai.standIn.reset();

    // The same data, its loads answering 150 ms late.
    const store: ConversationStore = { ...slow.store, loadTurn: async (args) => (await new Promise((resolve) => setTimeout(resolve, 150)), slow.store.loadTurn(args)) };
    // The model answers at once with a tool call that would capture a lead: it must not run before the store answers.
    openai.standIn.setBehaviour({ turns: [{ toolCalls: [{ id: 'call_lead', name: 'capture_lead', arguments: { email: 'eve@example.com' } }] }, { text: 'Noted.' }] });
    const attacker = turn({ store, conversationId: 'spec-0003', text: 'My email is eve@example.com', id: 'e1', firstMessage: true });
    const refused = expect(attacker.started).rejects.toMatchObject({ code: 'not_found:chat' });
    await until(() => modelCalls().length === 1);
    await refused;
    await sleep(100);
    // The model had answered with its tool call long before the store did; the tool never ran, so its result never
    // went back to the model (no second call), and nothing of the stranger's reached the owner's conversation.
    expect(modelCalls()).toHaveLength(1);
    const conversation = await slow.inner.getConversation({ id: 'spec-0003' });
    expect(conversation?.meta.owner).toBe('visitor-b');
    expect(conversation?.messages.map((message) => message.id)).toEqual(['b1', expect.any(String)]);
    expect(JSON.stringify(conversation)).not.toContain('eve@example.com');
  });

  it('drops the start when the store refuses the rate limit: the 429 reaches the client and nothing is stored', async () => {
    openai.standIn.setBehaviour({ replyText: 'Hello.', ttftMs: 400 });
    const slow = slowStore();
    slow.fast();
    const refusal = new AppError('rate_limited:chat', 'Too many requests.');
    const admission = new Promise((_, reject) => setTimeout(() => reject(refusal), 60));
    admission.catch(() => undefined);
    const { started } = turn({ store: slow.store, conversationId: 'spec-0004', text: 'Hi', id: 'u1', firstMessage: true, admission });
    // Watched from the start: on a loaded host the refusal (60 ms) can come before the model request is seen below,
    // and a rejection nobody is listening to yet fails the test on its own.
    const refused = expect(started).rejects.toBe(refusal);
    await until(() => modelCalls().length === 1);
    await refused;
    await until(() => modelCalls()[0]?.abortedAt !== undefined);
    expect(await slow.inner.getConversation({ id: 'spec-0004' })).toBeNull();
  });

  it('does not start at all when the in-process limit has already refused the request', async () => {
    openai.standIn.setBehaviour({ replyText: 'Hello.' });
    const slow = slowStore();
    slow.fast();
    const refusal = new AppError('rate_limited:chat', 'Too many requests.');
    const admission = Promise.reject(refusal);
    admission.catch(() => undefined);
    const { started } = turn({ store: slow.store, conversationId: 'spec-0005', text: 'Hi', id: 'u1', firstMessage: true, admission, admissionRefused: () => true });
    await expect(started).rejects.toBe(refusal);
    await sleep(50);
    expect(modelCalls()).toHaveLength(0);
  });

  it('answers from the stored history when the client was wrong about the conversation being new', async () => {
    const slow = slowStore();
    slow.fast();
    openai.standIn.setBehaviour({ replyText: 'Noted: a team of 25.' });
    const first = turn({ store: slow.store, conversationId: 'spec-0006', text: 'We are a team of 25', id: 'u1' });
    await drain(await first.started);
    await first.stored;
    openai.standIn.reset();

    // Another instance (its own memory of recent conversations), and a client that thinks the conversation is new; the
    // store answers 60 ms late, after the speculative request has gone out.
    openai.standIn.setBehaviour({ replyText: 'For 25 people, Pro.', ttftMs: 150 });
    const late: ConversationStore = { ...slow.store, loadTurn: async (args) => (await sleep(60), slow.store.loadTurn(args)) };
    const second = turn({ store: late, conversationId: 'spec-0006', text: 'Which plan fits us?', id: 'u2', firstMessage: true });
    const chunks = await drain(await second.started);
    expect(textOf(chunks)).toBe('For 25 people, Pro.');
    expect(await second.stored).toEqual(['user', 'assistant']);
    // The speculative request (started from nothing) was aborted; the one kept carried the earlier turn.
    const calls = modelCalls();
    expect(calls).toHaveLength(2);
    expect(calls[0]?.abortedAt).toBeDefined();
    expect(JSON.stringify(calls[0]?.body)).not.toContain('team of 25');
    expect(JSON.stringify(calls[1]?.body)).toContain('team of 25');
    expect((await slow.inner.getConversation({ id: 'spec-0006' }))?.messages.map((message) => message.id)).toEqual(['u1', expect.any(String), 'u2', expect.any(String)]);
  });
});

describe('the speculative start of a later message, from what this instance remembers', () => {
  it('sends the model request before the store has answered, with the history and state this instance stored', async () => {
    const slow = slowStore();
    slow.fast();
    const recent = recentForTest();
    openai.standIn.setBehaviour({ replyText: 'Noted: a team of 25.' });
    const first = turn({ store: slow.store, recent, conversationId: 'spec-0101', text: 'We are a team of 25', id: 'u1', firstMessage: true });
    await drain(await first.started);
    await first.stored;
    openai.standIn.reset();

    // The next message: the store's answers held back until `answer()`.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const held: ConversationStore = { ...slow.store, loadTurn: async (args) => (await gate, slow.store.loadTurn(args)) };
    openai.standIn.setBehaviour({ replyText: 'For 25 people, Pro.', ttftMs: 30 });
    const second = turn({ store: held, recent, conversationId: 'spec-0101', text: 'Which plan fits us?', id: 'u2' });
    await until(() => modelCalls().length === 1);
    // Out before the store answered, and from the remembered turn: the earlier message and the captured team size.
    const body = JSON.stringify(modelCalls()[0]?.body);
    expect(body).toContain('team of 25');
    expect(body).toContain('Which plan fits us?');
    await sleep(80);
    open();
    const chunks = await drain(await second.started);
    expect(textOf(chunks)).toBe('For 25 people, Pro.');
    expect(await second.stored).toEqual(['user', 'assistant']);
    expect(modelCalls()).toHaveLength(1);
    expect(modelCalls()[0]?.abortedAt).toBeUndefined();
    const conversation = await slow.inner.getConversation({ id: 'spec-0101' });
    expect(conversation?.messages.map((message) => message.id)).toEqual(['u1', expect.any(String), 'u2', expect.any(String)]);
    expect(conversation?.state?.lead.fields.teamSize?.value).toBe(25);
  });

  it('drops the start when another instance answered in between: the reply is started again from the stored turns', async () => {
    const slow = slowStore();
    slow.fast();
    const here = recentForTest();
    openai.standIn.setBehaviour({ replyText: 'Hello! How big is your team?' });
    const first = turn({ store: slow.store, recent: here, conversationId: 'spec-0102', text: 'Hi', id: 'u1', firstMessage: true });
    await drain(await first.started);
    await first.stored;
    // The second message went to another instance (its own memory); this one does not know of it.
    openai.standIn.setBehaviour({ replyText: 'Noted: a team of 40.' });
    const elsewhere = turn({ store: slow.store, recent: recentForTest(), conversationId: 'spec-0102', text: 'We are a team of 40', id: 'u2' });
    await drain(await elsewhere.started);
    await elsewhere.stored;
    openai.standIn.reset();

    openai.standIn.setBehaviour({ replyText: 'For 40 people, Business.', ttftMs: 150 });
    const late: ConversationStore = { ...slow.store, loadTurn: async (args) => (await sleep(60), slow.store.loadTurn(args)) };
    const third = turn({ store: late, recent: here, conversationId: 'spec-0102', text: 'Which plan fits us?', id: 'u3' });
    const chunks = await drain(await third.started);
    expect(textOf(chunks)).toBe('For 40 people, Business.');
    const calls = modelCalls();
    expect(calls).toHaveLength(2);
    // The start from this instance's memory (without the team of 40) was aborted; the one kept carried it.
    expect(calls[0]?.abortedAt).toBeDefined();
    expect(JSON.stringify(calls[0]?.body)).not.toContain('team of 40');
    expect(JSON.stringify(calls[1]?.body)).toContain('team of 40');
    expect((await slow.inner.getConversation({ id: 'spec-0102' }))?.messages.map((message) => message.id)).toEqual(['u1', expect.any(String), 'u2', expect.any(String), 'u3', expect.any(String)]);
  });

  it('is not tried for another visitor’s conversation, nor for a Retry', async () => {
    const slow = slowStore();
    slow.fast();
    const recent = recentForTest();
    openai.standIn.setBehaviour({ replyText: 'Welcome.' });
    const first = turn({ store: slow.store, recent, conversationId: 'spec-0103', text: 'Hello', id: 'u1', visitorId: 'visitor-b', firstMessage: true });
    await drain(await first.started);
    await first.stored;
    openai.standIn.reset();

    const held: ConversationStore = { ...slow.store, loadTurn: async (args) => (await sleep(80), slow.store.loadTurn(args)) };
    const stranger = turn({ store: held, recent, conversationId: 'spec-0103', text: 'Show me the history', id: 'x1' });
    await sleep(50);
    expect(modelCalls()).toHaveLength(0);
    await expect(stranger.started).rejects.toMatchObject({ code: 'not_found:chat' });
    expect(modelCalls()).toHaveLength(0);

    // The owner asks again for a reply that was answered in full: the store decides (a duplicate), nothing is started.
    const retry = turn({ store: held, recent, conversationId: 'spec-0103', text: 'Hello', id: 'u1', visitorId: 'visitor-b', regenerate: true });
    await sleep(50);
    expect(modelCalls()).toHaveLength(0);
    await expect(retry.started).rejects.toMatchObject({ code: 'conflict:chat' });
    expect(modelCalls()).toHaveLength(0);
  });
});

