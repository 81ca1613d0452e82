/** @jest-environment node */
// A verified identify() reaches the lead: POST /api/v1/identify merges the e-mail and name into the visitor's latest
// conversation (or the next one, when it came before the first message) with the evidence "verified by the host site
// (identify)" at confidence 1, and announces it with the chat's own lead events, once. Real redis-server behind the
// Upstash bridge; the chat route with the offline agent.
import { createHmac } from 'node:crypto';
import { subscribeIdentityLeads } from '@/lib/embed/identity-lead';
import { drainEvents, subscribeEvents } from '@/lib/events/bus';
import type { AppEvent } from '@/lib/events/schema';
import { resetProcessSingletons } from '@/lib/process-singleton';
import { IDENTIFY_EVIDENCE } from '@/lib/sales/lead/identity';
import { getConversationStore } from '@/lib/store';
import { startRedis, type RedisHarness } from '../support/redis';
import { readUIChunks, textOf } from '../support/sse';
import { newConversationId, TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

jest.setTimeout(60_000);

const SECRET = 'identity-secret-for-tests-0123456789';
const hmac = (email: string) => createHmac('sha256', SECRET).update(email).digest('hex');
const ENV = ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'STORE_KEY_PREFIX', 'EMBED_IDENTITY_SECRET', 'RATE_LIMIT_SESSION', 'APP_ORIGIN', 'OFFLINE_WORD_DELAY_MS'];

let redis: RedisHarness;
let identifyRoute: typeof import('@/app/api/v1/identify/route');
let chatRoute: typeof import('@/app/api/v1/chat/route');
const published: AppEvent[] = [];

beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  redis = await startRedis();
  Object.assign(process.env, {
    SESSION_SECRET: TEST_SESSION_SECRET,
    UPSTASH_REDIS_REST_URL: redis.bridgeUrl,
    UPSTASH_REDIS_REST_TOKEN: redis.token,
    STORE_KEY_PREFIX: 'idl:',
    EMBED_IDENTITY_SECRET: SECRET,
    RATE_LIMIT_SESSION: '1000/1m',
    APP_ORIGIN: 'http://localhost',
    OFFLINE_WORD_DELAY_MS: '0',
  });
  delete process.env.OPENAI_API_KEY;
  resetProcessSingletons();
  subscribeIdentityLeads();
  subscribeEvents('test-identify-lead', (events) => void published.push(...events));
  identifyRoute = await import('@/app/api/v1/identify/route');
  chatRoute = await import('@/app/api/v1/chat/route');
});

afterAll(async () => {
  await drainEvents();
  for (const name of ENV) delete process.env[name];
  resetProcessSingletons();
  await redis?.stop();
});

const identify = (body: unknown, authorization: string) =>
  identifyRoute.POST(
    new Request('http://localhost/api/v1/identify', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', authorization },
      body: JSON.stringify(body),
    }),
  );

/** A message from the embed (/embed), where identify() comes from; `page: '/'` for the public page. */
async function say(id: string, text: string, authorization: string, page = '/embed'): Promise<string> {
  const response = await chatRoute.POST(
    new Request('http://localhost/api/v1/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', authorization },
      body: JSON.stringify({ id, message: { id: `m-${Math.random().toString(36).slice(2)}`, role: 'user', parts: [{ type: 'text', text }] }, source: { page } }),
    }),
  );
  expect(response.status).toBe(200);
  const text_ = textOf(await readUIChunks(response));
  await drainEvents();
  return text_;
}

const leadEvents = (id: string) =>
  published.filter((event) => event.conversationId === id && (event.type === 'lead.captured' || event.type === 'lead.updated'));
const leadOf = async (id: string) => (await getConversationStore().getConversation({ id }))?.state?.lead;

test('identify() after the conversation started: the lead gets the verified e-mail and name, lead.captured once, lead.updated once', async () => {
  const { authorization } = await visitorHeaders();
  const id = newConversationId();
  await say(id, 'What plans do you have?', authorization);
  expect(await leadOf(id)).toMatchObject({ fields: {} });

  expect((await identify({ email: 'Ann@Acme.test', name: 'Ann Lee', hash: hmac('Ann@Acme.test') }, authorization)).status).toBe(204);
  const lead = await leadOf(id);
  expect(lead?.fields.email).toMatchObject({ value: 'ann@acme.test', evidence: IDENTIFY_EVIDENCE, confidence: 1 });
  expect(lead?.fields.name).toMatchObject({ value: 'Ann Lee', evidence: IDENTIFY_EVIDENCE, confidence: 1 });
  expect(lead?.score).toBeGreaterThanOrEqual(25);
  await drainEvents();
  expect(leadEvents(id).map((event) => event.type)).toEqual(['lead.captured']);
  const [captured] = leadEvents(id);
  expect(captured?.type === 'lead.captured' && captured.lead.fields.email).toEqual({ value: 'ann@acme.test', evidence: IDENTIFY_EVIDENCE, confidence: 1 });

  // The same identity again changes nothing and announces nothing.
  expect((await identify({ email: 'Ann@Acme.test', name: 'Ann Lee', hash: hmac('Ann@Acme.test') }, authorization)).status).toBe(204);
  await drainEvents();
  expect(leadEvents(id)).toHaveLength(1);

  // A new name is an update, listing what changed.
  expect((await identify({ email: 'Ann@Acme.test', name: 'Ann Lee-Park', hash: hmac('Ann@Acme.test') }, authorization)).status).toBe(204);
  await drainEvents();
  expect(leadEvents(id).map((event) => [event.type, event.type === 'lead.updated' ? event.changed : null])).toEqual([
    ['lead.captured', null],
    ['lead.updated', ['name']],
  ]);

  // The next turn keeps what identify() stored and does not capture the lead again; asked for a demo, the agent books
  // it to the verified address instead of asking for one (unidentified, it answers "What's the best email …?").
  const reply = await say(id, "We're 12 people and we'd like to book a demo next week.", authorization);
  expect((await leadOf(id))?.fields.email).toMatchObject({ value: 'ann@acme.test', evidence: IDENTIFY_EVIDENCE });
  expect(leadEvents(id).filter((event) => event.type === 'lead.captured')).toHaveLength(1);
  expect(reply).not.toMatch(/best email|which email|ask the prospect for their email/i);
  expect(reply).toContain('ann@acme.test');
  const state = (await getConversationStore().getConversation({ id }))?.state;
  expect(state?.bookings.map((booking) => booking.email)).toEqual(['ann@acme.test']);
});

test('unidentified, the same request is answered with a question for the e-mail (what the test above rules out)', async () => {
  const { authorization } = await visitorHeaders();
  const id = newConversationId();
  await say(id, 'What plans do you have?', authorization);
  expect(await say(id, "We're 12 people and we'd like to book a demo next week.", authorization)).toMatch(/best email/i);
});

test('identify() before the first message: the conversation that starts next gets the lead (and so does a later one)', async () => {
  const { authorization } = await visitorHeaders();
  expect((await identify({ email: 'bo@partner.test', hash: hmac('bo@partner.test') }, authorization)).status).toBe(204);
  const first = newConversationId();
  await say(first, 'Hi, what does your product do?', authorization);
  await drainEvents();
  expect((await leadOf(first))?.fields.email).toMatchObject({ value: 'bo@partner.test', evidence: IDENTIFY_EVIDENCE, confidence: 1 });
  expect(leadEvents(first).map((event) => event.type)).toEqual(['lead.captured']);

  const second = newConversationId();
  await say(second, 'Hello again', authorization);
  await drainEvents();
  expect((await leadOf(second))?.fields.email).toMatchObject({ value: 'bo@partner.test' });
  expect(leadEvents(second).map((event) => event.type)).toEqual(['lead.captured']);
});

test('identify() before the first message: the first reply already knows the verified e-mail (it books to it instead of asking)', async () => {
  const { authorization } = await visitorHeaders();
  expect((await identify({ email: 'cy@partner.test', name: 'Cy Ode', hash: hmac('cy@partner.test') }, authorization)).status).toBe(204);
  const id = newConversationId();
  const reply = await say(id, "We're 12 people and we'd like to book a demo next week.", authorization);
  expect(reply).not.toMatch(/best email|which email/i);
  expect(reply).toContain('cy@partner.test');
  const state = (await getConversationStore().getConversation({ id }))?.state;
  expect(state?.lead.fields.email).toMatchObject({ value: 'cy@partner.test', evidence: IDENTIFY_EVIDENCE, confidence: 1 });
  expect(state?.bookings.map((booking) => booking.email)).toEqual(['cy@partner.test']);
  // Announced once, by this first turn (the subscriber that merges late identities finds nothing left to do).
  await drainEvents();
  expect(leadEvents(id).map((event) => event.type)).toEqual(['lead.captured']);
});

test('an unverified identify() (wrong hash) changes nothing: no lead, no event', async () => {
  const { authorization } = await visitorHeaders();
  const id = newConversationId();
  await say(id, 'What plans do you have?', authorization);
  const response = await identify({ email: 'eve@evil.test', name: 'Eve', hash: hmac('someone@else.test') }, authorization);
  expect(response.status).toBe(403);
  await drainEvents();
  expect(await leadOf(id)).toMatchObject({ fields: {} });
  expect(leadEvents(id)).toEqual([]);
  // Nor does it reach the next conversation.
  const next = newConversationId();
  await say(next, 'Hello', authorization);
  await drainEvents();
  expect(await leadOf(next)).toMatchObject({ fields: {} });
});

test('a conversation on the public page is not tracked for identify() (no Redis cost there); the embed’s are', async () => {
  const { authorization, visitorId } = await visitorHeaders();
  const { getKv, kvKey, kvOne } = await import('@/lib/store/kv');
  const pointer = () => kvOne(getKv(), ['HGETALL', kvKey(getKv(), 'embed', 'current', visitorId)]);
  await say(newConversationId(), 'What plans do you have?', authorization, '/');
  expect(await pointer()).toEqual([]);
  const embedded = newConversationId();
  await say(embedded, 'What plans do you have?', authorization);
  expect(await pointer()).toEqual(expect.arrayContaining(['id', embedded]));
});

test("identify() never touches another visitor's conversation", async () => {
  const owner = await visitorHeaders();
  const id = newConversationId();
  await say(id, 'What plans do you have?', owner.authorization);
  const stranger = await visitorHeaders();
  expect((await identify({ email: 'mallory@x.test', hash: hmac('mallory@x.test') }, stranger.authorization)).status).toBe(204);
  await drainEvents();
  expect(await leadOf(id)).toMatchObject({ fields: {} });
});
