/** @jest-environment node */
import type { SalesUIMessage } from '@/lib/sales/ui-message';
import { createConversationStore } from '@/lib/store';
import { createMemoryStore } from '@/lib/store/memory';

const HOUR = 3_600_000;

function text(id: string, role: SalesUIMessage['role'], body: string): SalesUIMessage {
  return { id, role, parts: [{ type: 'text', text: body }] };
}

function setup(overrides: { maxMessages?: number; ttlSeconds?: number } = {}) {
  let now = Date.UTC(2026, 0, 1, 12);
  const store = createMemoryStore({
    prefix: 't:',
    conversationTtlSeconds: overrides.ttlSeconds ?? 3_600,
    maxMessages: overrides.maxMessages ?? 10,
    clock: () => now,
  });
  return {
    store,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
}

describe('memory conversation store', () => {
  it('returns null for a conversation that was never written', async () => {
    const { store } = setup();
    await expect(store.getConversation({ id: 'missing-conv' })).resolves.toBeNull();
  });

  it('round-trips messages in order and keeps meta: createdAt once, updatedAt, count, title from the first user message', async () => {
    const { store, advance, now } = setup();
    const createdAt = now();
    const first = await store.appendMessages({
      id: 'conv-0001',
      messages: [text('a1', 'assistant', 'Hi! How can I help?'), text('u1', 'user', '  Do you   offer annual plans? ')],
    });
    expect(first).toEqual({ id: 'conv-0001', createdAt, updatedAt: createdAt, messageCount: 2, title: 'Do you offer annual plans?' });

    advance(1_000);
    const second = await store.appendMessages({
      id: 'conv-0001',
      messages: [text('a2', 'assistant', 'Yes, 20% off.'), text('u2', 'user', 'A different question')],
    });
    expect(second).toEqual({ id: 'conv-0001', createdAt, updatedAt: createdAt + 1_000, messageCount: 4, title: 'Do you offer annual plans?' });

    const conversation = await store.getConversation({ id: 'conv-0001' });
    expect(conversation?.meta).toEqual(second);
    expect(conversation?.messages.map((message) => message.id)).toEqual(['a1', 'u1', 'a2', 'u2']);
    expect(conversation?.messages[1]).toEqual(text('u1', 'user', '  Do you   offer annual plans? '));
  });

  it('sets the title from the first user message even when it arrives in a later append, and shortens it to 80 chars', async () => {
    const { store } = setup();
    await store.appendMessages({ id: 'conv-0002', messages: [text('a1', 'assistant', 'Welcome!')] });
    expect((await store.getConversation({ id: 'conv-0002' }))?.meta.title).toBe('');

    const long = 'word '.repeat(40);
    const meta = await store.appendMessages({ id: 'conv-0002', messages: [text('u1', 'user', long)] });
    expect(meta.title.length).toBe(80);
    expect(meta.title.endsWith('…')).toBe(true);
    expect(meta.title.startsWith('word word')).toBe(true);
  });

  it('does not share objects with callers', async () => {
    const { store } = setup();
    const message = text('u1', 'user', 'original');
    await store.appendMessages({ id: 'conv-0003', messages: [message] });
    (message.parts[0] as { text: string }).text = 'mutated';
    const stored = await store.getConversation({ id: 'conv-0003' });
    expect(stored?.messages[0]).toEqual(text('u1', 'user', 'original'));
  });

  it('trims the message list to maxMessages, keeping the newest, while messageCount counts every message', async () => {
    const { store } = setup({ maxMessages: 3 });
    for (let i = 1; i <= 5; i++) await store.appendMessages({ id: 'conv-0004', messages: [text(`m${i}`, 'user', `message ${i}`)] });
    const conversation = await store.getConversation({ id: 'conv-0004' });
    expect(conversation?.messages.map((message) => message.id)).toEqual(['m3', 'm4', 'm5']);
    expect(conversation?.meta.messageCount).toBe(5);
    expect(conversation?.meta.title).toBe('message 1');
  });

  it('expires a conversation TTL seconds after its last append, and each append refreshes the TTL', async () => {
    const { store, advance } = setup({ ttlSeconds: 3_600 });
    await store.appendMessages({ id: 'conv-0005', messages: [text('u1', 'user', 'hello')] });
    advance(HOUR - 1_000);
    await store.appendMessages({ id: 'conv-0005', messages: [text('u2', 'user', 'still here')] });
    advance(HOUR - 1_000);
    expect((await store.getConversation({ id: 'conv-0005' }))?.messages).toHaveLength(2);
    advance(1_000);
    await expect(store.getConversation({ id: 'conv-0005' })).resolves.toBeNull();
    await expect(store.listConversations({ limit: 10 })).resolves.toEqual([]);

    // An expired conversation starts afresh: new createdAt, count and title.
    const meta = await store.appendMessages({ id: 'conv-0005', messages: [text('u3', 'user', 'back again')] });
    expect(meta.messageCount).toBe(1);
    expect(meta.title).toBe('back again');
  });

  it('lists conversations most recently active first, with offset and limit', async () => {
    const { store, advance } = setup();
    for (const id of ['conv-aaaa', 'conv-bbbb', 'conv-cccc']) {
      await store.appendMessages({ id, messages: [text('u', 'user', `from ${id}`)] });
      advance(10);
    }
    await store.appendMessages({ id: 'conv-aaaa', messages: [text('u2', 'user', 'again')] });

    const all = await store.listConversations({ limit: 10 });
    expect(all.map((meta) => meta.id)).toEqual(['conv-aaaa', 'conv-cccc', 'conv-bbbb']);
    expect(all[0]).toMatchObject({ title: 'from conv-aaaa', messageCount: 2 });
    expect((await store.listConversations({ limit: 1, offset: 1 })).map((meta) => meta.id)).toEqual(['conv-cccc']);
    expect(await store.listConversations({ limit: 0 })).toEqual([]);
  });

  it('drops conversations older than the TTL from the index', async () => {
    const { store, advance } = setup({ ttlSeconds: 3_600 });
    await store.appendMessages({ id: 'conv-old1', messages: [text('u', 'user', 'old')] });
    advance(HOUR / 2);
    await store.appendMessages({ id: 'conv-new1', messages: [text('u', 'user', 'new')] });
    advance(HOUR / 2);
    expect((await store.listConversations({ limit: 10 })).map((meta) => meta.id)).toEqual(['conv-new1']);
  });

  it('answers ping', async () => {
    const { store } = setup();
    await expect(store.ping()).resolves.toEqual({ ok: true, latencyMs: 0 });
  });
});

describe('createConversationStore', () => {
  it('picks the memory adapter without Upstash settings and warns only once that data will not survive a restart', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const config = { provider: 'memory' as const, prefix: 't:', conversationTtlSeconds: 60, maxMessages: 10 };
      expect(createConversationStore(config).kind).toBe('memory');
      expect(createConversationStore(config).kind).toBe('memory');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/will not survive a restart/);
    } finally {
      warn.mockRestore();
    }
  });

  it('picks the Upstash adapter when a REST URL and token are configured', () => {
    const config = { provider: 'upstash' as const, url: 'http://127.0.0.1:1', token: 'x', prefix: 't:', conversationTtlSeconds: 60, maxMessages: 10 };
    expect(createConversationStore(config).kind).toBe('upstash');
  });
});

describe('memory conversation store: sales state', () => {
  it('stores the state with a turn, keeps it across appends without one, and never shares the object', async () => {
    const { createMemoryStore } = await import('@/lib/store/memory');
    const { emptySalesState } = await import('@/lib/sales/types');
    const store = createMemoryStore({ prefix: 's:', conversationTtlSeconds: 60, maxMessages: 10 });
    const state = emptySalesState(1);
    state.stage = 'closing';
    const message = { id: 'u1', role: 'user' as const, parts: [{ type: 'text' as const, text: 'hi' }] };
    await store.appendMessages({ id: 'state-0001', messages: [message], state, now: 5 });
    state.stage = 'handoff';
    await store.appendMessages({ id: 'state-0001', messages: [{ ...message, id: 'u2' }], now: 6 });
    const conversation = await store.getConversation({ id: 'state-0001' });
    expect(conversation?.state?.stage).toBe('closing');
    expect(conversation?.messages.map((m) => m.id)).toEqual(['u1', 'u2']);
  });
});
