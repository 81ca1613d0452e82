/** @jest-environment node */
// The per-address daily counters over a real Redis behind the Upstash bridge: read by the turn's load script and counted
// by the turn's write script, so the caps per address add no request and no command to a turn.
import { Redis } from '@upstash/redis';
import type { SalesUIMessage } from '@/lib/sales/ui-message';
import { emptySalesState } from '@/lib/sales/types';
import { USAGE_TTL_SECONDS } from '@/lib/store/keys';
import { createUpstashStore } from '@/lib/store/upstash';
import { startRedis, type RedisHarness } from '@/__tests__/support/redis';

const PREFIX = 'abud:';
const DAY = '2026-12-04';

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

const newStore = () => createUpstashStore({ url: redis.bridgeUrl, token: redis.token, prefix: PREFIX, conversationTtlSeconds: 3_600, maxMessages: 50 });

function text(id: string, role: SalesUIMessage['role'], body: string): SalesUIMessage {
  return { id, role, parts: [{ type: 'text', text: body }], metadata: { createdAt: 1 } };
}

describe('Upstash store: the daily counters per address', () => {
  it('reads them with the turn’s load and counts them with its write, one request and one command each', async () => {
    const store = newStore();
    const address = '2001:db8:0:7::/64';
    const first = await store.loadTurn({ id: 'c-1', visitorId: 'ana', day: DAY, address });
    expect(first.usage).toEqual({ visitorTokens: 0, visitorConversations: 0, spendMicroUsd: 0, address: { tokens: 0, conversations: 0 } });
    expect(redis.bridge.stats()).toMatchObject({ requests: 1, commands: 1 });

    redis.bridge.resetStats();
    await store.appendMessages({
      id: 'c-1',
      messages: [text('u1', 'user', 'Hi'), text('a1', 'assistant', 'Hello!')],
      state: emptySalesState(1),
      usage: { visitorId: 'ana', address, day: DAY, tokens: 1_200, spendMicroUsd: 480.5, newConversation: true },
    });
    expect(redis.bridge.stats()).toMatchObject({ requests: 1, commands: 1 });

    await store.loadTurn({ id: 'c-2', visitorId: 'bob', day: DAY, address });
    await store.appendMessages({ id: 'c-2', messages: [text('u2', 'user', 'Hey')], usage: { visitorId: 'bob', address, day: DAY, tokens: 800, spendMicroUsd: 0, newConversation: true } });
    await store.appendMessages({ id: 'c-2', messages: [text('u3', 'user', 'More')], usage: { visitorId: 'bob', address, day: DAY, tokens: 100, spendMicroUsd: 0, newConversation: false } });

    // A third visitor of the address sees all of it; its own counters are empty, another address's too.
    expect((await store.loadTurn({ id: 'c-3', visitorId: 'eve', day: DAY, address })).usage).toEqual({
      visitorTokens: 0,
      visitorConversations: 0,
      spendMicroUsd: 481,
      address: { tokens: 2_100, conversations: 2 },
    });
    expect((await store.loadTurn({ id: 'c-4', visitorId: 'eve', day: DAY, address: '198.51.100.9' })).usage.address).toEqual({ tokens: 0, conversations: 0 });
    // A load without an address reads what it did before.
    expect((await store.loadTurn({ id: 'c-5', visitorId: 'ana', day: DAY })).usage).toEqual({ visitorTokens: 1_200, visitorConversations: 1, spendMicroUsd: 481 });

    // The counters expire like the visitor's, after their day.
    for (const key of [`${PREFIX}usage:${DAY}:atokens:${address}`, `${PREFIX}usage:${DAY}:aconvs:${address}`]) {
      expect(Number(await raw.get(key))).toBeGreaterThan(0);
      const ttl = await raw.ttl(key);
      expect(ttl).toBeGreaterThan(USAGE_TTL_SECONDS - 10);
      expect(ttl).toBeLessThanOrEqual(USAGE_TTL_SECONDS);
    }
    // Nothing stored was lost.
    expect((await store.getConversation({ id: 'c-2', visitorId: 'bob' }))?.messages.map((message) => message.id)).toEqual(['u2', 'u3']);
  });

  it('counts a turn written twice (a retry of a write that ran) once for the address too', async () => {
    const store = newStore();
    const address = '192.0.2.7';
    const turn = { id: 'twice', messages: [text('u1', 'user', 'Pro for 8?'), text('a1', 'assistant', '$232 a month.')], usage: { visitorId: 'ana', address, day: DAY, tokens: 900, spendMicroUsd: 0, newConversation: true } };
    await store.appendMessages({ ...turn, now: 20 });
    await store.appendMessages({ ...turn, now: 21 });
    expect((await store.loadTurn({ id: 'other', visitorId: 'bob', day: DAY, address })).usage.address).toEqual({ tokens: 900, conversations: 1 });
  });

  it('counts nothing for an address on a write without one', async () => {
    const store = newStore();
    await store.appendMessages({ id: 'plain', messages: [text('u1', 'user', 'Hi')], usage: { visitorId: 'ana', day: DAY, tokens: 300, spendMicroUsd: 0, newConversation: true } });
    expect((await store.loadTurn({ id: 'other', visitorId: 'ana', day: DAY, address: '192.0.2.8' })).usage).toEqual({
      visitorTokens: 300,
      visitorConversations: 1,
      spendMicroUsd: 0,
      address: { tokens: 0, conversations: 0 },
    });
    expect(await raw.keys(`${PREFIX}usage:${DAY}:a*`)).toEqual([]);
  });
});
