/** @jest-environment node */
// The identity merge against a real redis-server (Upstash bridge): it waits for a chat turn holding the conversation
// and merges on top of what that turn stored (no lost update), gives up typed when the turn outlasts its wait, and an
// identify() racing the conversation's start is merged whichever lands first.
import { applyIdentityToConversation, getIdentityLeadDeps, subscribeIdentityLeads } from '@/lib/embed/identity-lead';
import { recordIdentity } from '@/lib/embed/identity';
import { drainEvents, publishEvent, subscribeEvents } from '@/lib/events/bus';
import type { AppEvent } from '@/lib/events/schema';
import { resetProcessSingletons } from '@/lib/process-singleton';
import { IDENTIFY_EVIDENCE } from '@/lib/sales/lead/identity';
import { emptySalesState, type SalesState } from '@/lib/sales/state';
import { getConversationStore, getReplyStore } from '@/lib/store';
import { getKv } from '@/lib/store/kv';
import { startRedis, type RedisHarness } from '../support/redis';

jest.setTimeout(60_000);

let redis: RedisHarness;
const published: AppEvent[] = [];
const identity = { email: 'ann@acme.test', name: 'Ann Lee', verifiedAt: Date.parse('2026-11-30T10:00:00Z') };

beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  redis = await startRedis();
  Object.assign(process.env, { UPSTASH_REDIS_REST_URL: redis.bridgeUrl, UPSTASH_REDIS_REST_TOKEN: redis.token, STORE_KEY_PREFIX: 'idm:' });
  resetProcessSingletons();
  subscribeEvents('test-identity-merge', (events) => void published.push(...events));
});

afterAll(async () => {
  await drainEvents();
  for (const name of ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'STORE_KEY_PREFIX']) delete process.env[name];
  resetProcessSingletons();
  await redis?.stop();
});

let counter = 0;
async function storedConversation(visitorId: string, state: SalesState): Promise<string> {
  const id = `conv-${Date.now()}-${counter++}`;
  const store = getConversationStore();
  await store.loadTurn({ id, visitorId, day: '2026-11-30' });
  await store.appendMessages({ id, messages: [{ id: `u-${id}`, role: 'user', parts: [{ type: 'text', text: 'Hello' }] }], state });
  return id;
}

const withCompany = (state: SalesState): SalesState => ({
  ...state,
  lead: { ...state.lead, fields: { company: { value: 'Acme', evidence: "I'm with Acme.", confidence: 0.9, asked: false, capturedAt: 1 } } },
});

test('waits for the turn that holds the conversation, then merges on top of what it stored', async () => {
  const id = await storedConversation('v-lock', emptySalesState(1));
  const replies = getReplyStore();
  const value = `turn-1|${Date.now()}`;
  expect((await replies.tryLock({ id, value, ttlMs: 60_000 })).acquired).toBe(true);
  // The "turn" stores its state (the company) while the merge waits, then lets go.
  const turn = (async () => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await getConversationStore().appendMessages({ id, messages: [], state: withCompany(emptySalesState(1)) });
    await replies.unlock({ id, value });
  })();
  const started = Date.now();
  const events = await applyIdentityToConversation({ conversationId: id, visitorId: 'v-lock', identity, deps: getIdentityLeadDeps() });
  await turn;
  expect(Date.now() - started).toBeGreaterThanOrEqual(350);
  const lead = (await getConversationStore().getConversation({ id }))?.state?.lead;
  expect(lead?.fields).toMatchObject({
    company: { value: 'Acme' },
    email: { value: 'ann@acme.test', evidence: IDENTIFY_EVIDENCE, confidence: 1 },
    name: { value: 'Ann Lee', evidence: IDENTIFY_EVIDENCE, confidence: 1 },
  });
  // Email + name + company: one capture, with the merged lead.
  expect(events.map((event) => event.type)).toEqual(['lead.captured']);
  // The lock is free again.
  expect((await replies.tryLock({ id, value: 'probe|1', ttlMs: 1_000 })).acquired).toBe(true);
});

test('a turn that outlasts the wait: a typed conflict, nothing stored, nothing announced, the lock left to its holder', async () => {
  const id = await storedConversation('v-busy', emptySalesState(1));
  const replies = getReplyStore();
  const value = `turn-2|${Date.now()}`;
  expect((await replies.tryLock({ id, value, ttlMs: 60_000 })).acquired).toBe(true);
  const before = published.length;
  await expect(
    applyIdentityToConversation({ conversationId: id, visitorId: 'v-busy', identity, deps: { ...getIdentityLeadDeps(), waitMs: 300 } }),
  ).rejects.toMatchObject({ code: 'conflict:chat' });
  await drainEvents();
  expect(published.length).toBe(before);
  expect((await getConversationStore().getConversation({ id }))?.state?.lead.fields).toEqual({});
  expect((await replies.tryLock({ id, value: 'probe|1', ttlMs: 1_000 })).holder).toBe(value);
});

test("someone else's conversation is left alone", async () => {
  const id = await storedConversation('v-owner', emptySalesState(1));
  expect(await applyIdentityToConversation({ conversationId: id, visitorId: 'v-other', identity, deps: getIdentityLeadDeps() })).toEqual([]);
  expect((await getConversationStore().getConversation({ id }))?.state?.lead.fields).toEqual({});
});

test.each([
  ['identify() first, then the conversation starts', true],
  ['the conversation starts first, then identify()', false],
])('%s: the lead is merged exactly once', async (_label, identifyFirst) => {
  subscribeIdentityLeads();
  const visitorId = `v-race-${identifyFirst}`;
  const id = await storedConversation(visitorId, emptySalesState(1));
  const kv = getKv();
  const start = async () => {
    // What the chat turn publishes once the first turn is stored.
    publishEvent({ type: 'conversation.started', at: Date.now(), conversationId: id, visitorId, source: { page: '/embed' } });
    await drainEvents();
  };
  const identify = async () => {
    const current = await recordIdentity({ kv, visitorId, identity, ttlSeconds: 600 });
    if (current) await applyIdentityToConversation({ conversationId: current.id, visitorId, identity, source: current.source ?? {}, deps: getIdentityLeadDeps() });
    return current;
  };
  if (identifyFirst) {
    expect(await identify()).toBeNull();
    await start();
  } else {
    await start();
    expect(await identify()).toEqual({ id, source: { page: '/embed' } });
  }
  await drainEvents();
  expect((await getConversationStore().getConversation({ id }))?.state?.lead.fields.email).toMatchObject({ value: 'ann@acme.test', confidence: 1 });
  const captured = published.filter((event) => event.conversationId === id && event.type === 'lead.captured');
  expect(captured).toHaveLength(1);
  expect(captured[0]?.source).toEqual({ page: '/embed' });
});
