/** @jest-environment node */
import { Redis } from '@upstash/redis';
import type { SalesUIMessage } from '@/lib/sales/ui-message';
import { AppError } from '@/lib/errors';
import { createUpstashStore } from '@/lib/store/upstash';
import { emptySalesState } from '@/lib/sales/types';
import { startRedis, type RedisHarness } from '@/__tests__/support/redis';

const TTL_SECONDS = 3_600;
const PREFIX = 'test:';

let redis: RedisHarness;
let raw: Redis;

beforeAll(async () => {
  redis = await startRedis();
  raw = new Redis({ url: redis.bridgeUrl, token: redis.token, enableTelemetry: false, automaticDeserialization: false });
});

afterAll(async () => {
  await redis?.stop();
});

beforeEach(async () => {
  await raw.flushall();
  redis.bridge.resetStats();
});

function newStore(overrides: { maxMessages?: number } = {}) {
  return createUpstashStore({
    url: redis.bridgeUrl,
    token: redis.token,
    prefix: PREFIX,
    conversationTtlSeconds: TTL_SECONDS,
    maxMessages: overrides.maxMessages ?? 50,
  });
}

function text(id: string, role: SalesUIMessage['role'], body: string): SalesUIMessage {
  return { id, role, parts: [{ type: 'text', text: body }], metadata: { createdAt: 1 } };
}

describe('Upstash conversation store over a real Redis', () => {
  it('stores the sales state with the turn in the same request, and keeps it when a later append has none', async () => {
    const store = newStore();
    const state = emptySalesState(1);
    state.stage = 'qualification';
    state.lead.fields.email = { value: 'ana@acme.com', evidence: 'Write to ana@acme.com please.', confidence: 0.95, asked: true, capturedAt: 2 };
    await store.appendMessages({ id: 'conv-state', messages: [text('u1', 'user', 'Write to ana@acme.com please.')], state, now: 10 });
    expect(redis.bridge.stats().requests).toBe(1);
    expect(await raw.ttl(`${PREFIX}conv:conv-state:state`)).toBeGreaterThan(TTL_SECONDS - 5);

    await store.appendMessages({ id: 'conv-state', messages: [text('a1', 'assistant', 'Thanks!')], now: 20 });
    const conversation = await store.getConversation({ id: 'conv-state' });
    expect(conversation?.state).toEqual(state);
    expect(conversation?.messages.map((message) => message.id)).toEqual(['u1', 'a1']);
  });

  it('reads a corrupt sales state as absent instead of failing the conversation', async () => {
    const store = newStore();
    await store.appendMessages({ id: 'conv-bad-state', messages: [text('u1', 'user', 'hi')], now: 10 });
    await raw.set(`${PREFIX}conv:conv-bad-state:state`, '{not json');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const conversation = await store.getConversation({ id: 'conv-bad-state' });
    expect(conversation?.state).toBeNull();
    expect(conversation?.messages).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('corrupt sales state'));
    warn.mockRestore();
  });

  it('round-trips messages in order with meta, in one HTTP request per append and per get', async () => {
    const store = newStore();
    const t0 = Date.now();
    const first = await store.appendMessages({
      id: 'conv-0001',
      messages: [text('a1', 'assistant', 'Hi there'), text('u1', 'user', 'What does the Pro plan cost?')],
      now: t0,
    });
    expect(first).toEqual({ id: 'conv-0001', createdAt: t0, updatedAt: t0, messageCount: 2, title: 'What does the Pro plan cost?' });
    expect(redis.bridge.stats().requests).toBe(1);

    const second = await store.appendMessages({ id: 'conv-0001', messages: [text('a2', 'assistant', '$49 a month.')], now: t0 + 500 });
    expect(second).toEqual({ ...first, updatedAt: t0 + 500, messageCount: 3 });
    expect(redis.bridge.stats().requests).toBe(2);

    redis.bridge.resetStats();
    const conversation = await store.getConversation({ id: 'conv-0001' });
    expect(redis.bridge.stats()).toEqual({ requests: 1, commands: 3, byKind: { conv: 3 } });
    expect(conversation?.meta).toEqual(second);
    expect(conversation?.messages).toEqual([
      text('a1', 'assistant', 'Hi there'),
      text('u1', 'user', 'What does the Pro plan cost?'),
      text('a2', 'assistant', '$49 a month.'),
    ]);
  });

  it('returns null for a missing conversation', async () => {
    await expect(newStore().getConversation({ id: 'conv-none' })).resolves.toBeNull();
  });

  it('keeps a numeric-looking title as text', async () => {
    const meta = await newStore().appendMessages({ id: 'conv-0002', messages: [text('u1', 'user', '123')] });
    expect(meta.title).toBe('123');
    expect((await newStore().getConversation({ id: 'conv-0002' }))?.meta.title).toBe('123');
  });

  it('sets the TTL on both keys and refreshes it on each append', async () => {
    const store = newStore();
    await store.appendMessages({ id: 'conv-0003', messages: [text('u1', 'user', 'hello')] });
    await raw.expire(`${PREFIX}conv:conv-0003`, 10);
    await raw.expire(`${PREFIX}conv:conv-0003:msgs`, 10);
    await store.appendMessages({ id: 'conv-0003', messages: [text('a1', 'assistant', 'hi')] });
    for (const key of [`${PREFIX}conv:conv-0003`, `${PREFIX}conv:conv-0003:msgs`]) {
      const ttl = await raw.ttl(key);
      expect(ttl).toBeGreaterThan(TTL_SECONDS - 5);
      expect(ttl).toBeLessThanOrEqual(TTL_SECONDS);
    }
  });

  it('trims the list to maxMessages, keeping the newest', async () => {
    const store = newStore({ maxMessages: 3 });
    for (let i = 1; i <= 5; i++) await store.appendMessages({ id: 'conv-0004', messages: [text(`m${i}`, 'user', `message ${i}`)] });
    await store.appendMessages({ id: 'conv-0004', messages: [text('m6', 'assistant', 'six'), text('m7', 'assistant', 'seven')] });
    expect(await raw.llen(`${PREFIX}conv:conv-0004:msgs`)).toBe(3);
    const conversation = await store.getConversation({ id: 'conv-0004' });
    expect(conversation?.messages.map((message) => message.id)).toEqual(['m5', 'm6', 'm7']);
    expect(conversation?.meta).toMatchObject({ messageCount: 7, title: 'message 1' });
  });

  it('lists the most recently active first and prunes index entries older than the TTL', async () => {
    const store = newStore();
    const now = Date.now();
    await store.appendMessages({ id: 'conv-stale', messages: [text('u', 'user', 'stale')], now: now - TTL_SECONDS * 1000 - 60_000 });
    await store.appendMessages({ id: 'conv-aaaa', messages: [text('u', 'user', 'first')], now: now - 3_000 });
    await store.appendMessages({ id: 'conv-bbbb', messages: [text('u', 'user', 'second')], now: now - 2_000 });
    await store.appendMessages({ id: 'conv-cccc', messages: [text('u', 'user', 'third')], now: now - 1_000 });
    await store.appendMessages({ id: 'conv-aaaa', messages: [text('u2', 'user', 'again')], now });

    expect(await raw.zrange(`${PREFIX}conv:index`, 0, -1)).toEqual(['conv-bbbb', 'conv-cccc', 'conv-aaaa']);
    const list = await store.listConversations({ limit: 10 });
    expect(list.map((meta) => meta.id)).toEqual(['conv-aaaa', 'conv-cccc', 'conv-bbbb']);
    expect(list[0]).toEqual({ id: 'conv-aaaa', createdAt: now - 3_000, updatedAt: now, messageCount: 2, title: 'first' });
    expect((await store.listConversations({ limit: 1, offset: 1 })).map((meta) => meta.id)).toEqual(['conv-cccc']);
  });

  it('skips and logs corrupt stored messages instead of failing', async () => {
    const store = newStore();
    await store.appendMessages({ id: 'conv-0005', messages: [text('u1', 'user', 'good one')] });
    await raw.rpush(`${PREFIX}conv:conv-0005:msgs`, '{not json', '{"no":"shape"}');
    await store.appendMessages({ id: 'conv-0005', messages: [text('a1', 'assistant', 'good two')] });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const conversation = await store.getConversation({ id: 'conv-0005' });
      expect(conversation?.messages.map((message) => message.id)).toEqual(['u1', 'a1']);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/skipped 2 corrupt message\(s\) in conversation conv-0005/));
    } finally {
      warn.mockRestore();
    }
  });

  it('keeps data across store instances', async () => {
    await newStore().appendMessages({ id: 'conv-0006', messages: [text('u1', 'user', 'remember me')] });
    const again = await newStore().getConversation({ id: 'conv-0006' });
    expect(again?.messages).toEqual([text('u1', 'user', 'remember me')]);
  });

  it('reports health with ping', async () => {
    const health = await newStore().ping();
    expect(health.ok).toBe(true);
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('fails fast with upstream_unavailable:store while the bridge is down, and loses nothing', async () => {
    const store = newStore();
    await store.appendMessages({ id: 'conv-0007', messages: [text('u1', 'user', 'before the outage')] });

    await redis.stopBridge();
    try {
      const started = Date.now();
      const failure = await store.appendMessages({ id: 'conv-0007', messages: [text('u2', 'user', 'during')] }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(AppError);
      expect((failure as AppError).code).toBe('upstream_unavailable:store');
      expect((failure as AppError).cause).toBeDefined();
      expect(Date.now() - started).toBeLessThan(2_000);
      await expect(store.getConversation({ id: 'conv-0007' })).rejects.toMatchObject({ code: 'upstream_unavailable:store' });
      await expect(store.listConversations({ limit: 5 })).rejects.toMatchObject({ code: 'upstream_unavailable:store' });
      expect((await store.ping()).ok).toBe(false);
    } finally {
      await redis.restartBridge();
    }

    const conversation = await store.getConversation({ id: 'conv-0007' });
    expect(conversation?.messages).toEqual([text('u1', 'user', 'before the outage')]);
    expect(conversation?.meta.messageCount).toBe(1);
    await store.appendMessages({ id: 'conv-0007', messages: [text('u3', 'user', 'after')] });
    expect((await store.getConversation({ id: 'conv-0007' }))?.messages.map((message) => message.id)).toEqual(['u1', 'u3']);
  });
});

describe('ownership and usage in the Upstash store', () => {
  it('claims a fresh id for exactly one of two racing visitors, one command each (auto-pipelined into one request)', async () => {
    const store = newStore();
    const [a, b] = await Promise.all([
      store.loadTurn({ id: 'race', visitorId: 'visitor-a', day: '2026-11-30' }),
      store.loadTurn({ id: 'race', visitorId: 'visitor-b', day: '2026-11-30' }),
    ]);
    expect([a.claimed, b.claimed].sort()).toEqual([false, true]);
    expect(a.owner).toBe(b.owner);
    // Commands issued in the same tick share one HTTP request (lib/store/redis-client.ts: auto-pipelining).
    expect(redis.bridge.stats().commands).toBe(2);
    expect(redis.bridge.stats().requests).toBe(1);
  });

  it('does not let anyone claim a conversation stored with no owner: refused like another visitor\'s, and kept as it was', async () => {
    const store = newStore();
    const day = '2026-11-30';
    // Written without a claim (appendMessages alone): the meta hash exists, with no owner field.
    await store.appendMessages({ id: 'ownerless', messages: [text('u1', 'user', 'I am ana@acme.com')], state: emptySalesState(1), now: 10 });
    expect(await raw.hget(`${PREFIX}conv:ownerless`, 'owner')).toBeNull();
    const load = await store.loadTurn({ id: 'ownerless', visitorId: 'mallory', day });
    expect(load.claimed).toBe(false);
    expect(load.conversation).toBeNull();
    expect(await raw.hget(`${PREFIX}conv:ownerless`, 'owner')).toBeNull();
    expect(await store.getConversation({ id: 'ownerless', visitorId: 'mallory' })).toBeNull();
    expect((await store.getConversation({ id: 'ownerless' }))?.messages.map((message) => message.id)).toEqual(['u1']);
    // A fresh id is still claimed by its first visitor.
    expect((await store.loadTurn({ id: 'fresh', visitorId: 'mallory', day })).claimed).toBe(true);
  });

  it('hides a conversation from everyone but its owner, counts usage with the turn, and erases it on request', async () => {
    const store = newStore();
    const day = '2026-11-30';
    const load = await store.loadTurn({ id: 'owned', visitorId: 'ana', day });
    expect(load).toMatchObject({ claimed: true, conversation: null, usage: { visitorTokens: 0, visitorConversations: 0, spendMicroUsd: 0 } });
    await store.appendMessages({
      id: 'owned',
      messages: [text('u1', 'user', 'hi')],
      state: emptySalesState(1),
      usage: { visitorId: 'ana', day, tokens: 1200, spendMicroUsd: 480.5, newConversation: true },
    });
    expect(await store.getConversation({ id: 'owned', visitorId: 'bob' })).toBeNull();
    expect((await store.getConversation({ id: 'owned', visitorId: 'ana' }))?.messages).toHaveLength(1);
    expect((await store.loadTurn({ id: 'owned', visitorId: 'bob', day })).conversation).toBeNull();
    expect((await store.loadTurn({ id: 'other', visitorId: 'ana', day })).usage).toEqual({ visitorTokens: 1200, visitorConversations: 1, spendMicroUsd: 481 });

    expect(await store.deleteConversation({ id: 'owned', visitorId: 'bob' })).toBe(false);
    expect(await store.deleteConversation({ id: 'owned', visitorId: 'ana' })).toBe(true);
    expect(await raw.exists(`${PREFIX}conv:owned`, `${PREFIX}conv:owned:msgs`, `${PREFIX}conv:owned:state`)).toBe(0);
  });

  it('stores a turn written twice (a retry after a write that timed out but ran) once, with its usage counted once', async () => {
    const store = newStore();
    const day = '2026-12-02';
    await store.appendMessages({ id: 'twice', messages: [text('u1', 'user', 'hi'), text('a1', 'assistant', 'Hello!')], now: 10 });
    const turn = { id: 'twice', messages: [text('u2', 'user', 'Pro for 8?'), text('a2', 'assistant', '$232 a month.')], usage: { visitorId: 'ana', day, tokens: 900, spendMicroUsd: 100, newConversation: false } };
    const first = await store.appendMessages({ ...turn, now: 20 });
    const again = await store.appendMessages({ ...turn, now: 21 });
    expect(first.messageCount).toBe(4);
    expect(again.messageCount).toBe(4);
    expect((await store.getConversation({ id: 'twice' }))?.messages.map((message) => message.id)).toEqual(['u1', 'a1', 'u2', 'a2']);
    expect((await store.loadTurn({ id: 'other', visitorId: 'ana', day })).usage.visitorTokens).toBe(900);
    // The next turn is stored as usual.
    const next = await store.appendMessages({ id: 'twice', messages: [text('u3', 'user', 'ok'), text('a3', 'assistant', 'Great.')], now: 30 });
    expect(next.messageCount).toBe(6);
    expect((await store.getConversation({ id: 'twice' }))?.messages.map((message) => message.id)).toEqual(['u1', 'a1', 'u2', 'a2', 'u3', 'a3']);
  });

  it('releases a claim that stored nothing, and never a conversation', async () => {
    const store = newStore();
    await store.loadTurn({ id: 'refused', visitorId: 'ana', day: '2026-11-30' });
    await store.releaseClaim({ id: 'refused', visitorId: 'ana' });
    expect(await raw.exists(`${PREFIX}conv:refused`)).toBe(0);
    await store.loadTurn({ id: 'kept', visitorId: 'ana', day: '2026-11-30' });
    await store.appendMessages({ id: 'kept', messages: [text('u1', 'user', 'hi')] });
    await store.releaseClaim({ id: 'kept', visitorId: 'ana' });
    expect((await store.getConversation({ id: 'kept', visitorId: 'ana' }))?.messages).toHaveLength(1);
  });
});
