/** @jest-environment node */
// Thumbs up/down on a reply: only on the visitor's own conversation, stored beside it (a second vote replaces the
// first), published as a `feedback.received` event and counted on the dashboard (GET /api/v1/admin/metrics, with the
// real admin guard and an API key); anything else is refused with a typed error.
import { createApiKey } from '@/lib/admin/keys';
import { subscribeAnalytics } from '@/lib/analytics/subscriber';
import type { MetricsReport } from '@/lib/analytics/report';
import { drainEvents, subscribeEvents } from '@/lib/events/bus';
import type { AppEvent } from '@/lib/events/schema';
import { getKv, kvHash, kvKey, kvOne } from '@/lib/store/kv';
import { readUIChunks } from '../support/sse';
import { newConversationId, TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

process.env.OFFLINE_WORD_DELAY_MS = '0';
process.env.SESSION_SECRET = TEST_SESSION_SECRET;
process.env.APP_ORIGIN = 'http://localhost';
delete process.env.OPENAI_API_KEY;
delete process.env.UPSTASH_REDIS_REST_URL;

let chat: typeof import('@/app/api/v1/chat/route');
let feedback: typeof import('@/app/api/v1/chat/[id]/feedback/route');
let metrics: typeof import('@/app/api/v1/admin/metrics/route');
const published: AppEvent[] = [];
beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  subscribeEvents('test-feedback-route', (events) => void published.push(...events));
  chat = await import('@/app/api/v1/chat/route');
  feedback = await import('@/app/api/v1/chat/[id]/feedback/route');
  metrics = await import('@/app/api/v1/admin/metrics/route');
});

/** A conversation of the visitor's with `turns` replies; the replies' ids as the chat's stream announced them. */
async function conversationOf(visitor: { authorization: string }, turns = 1): Promise<{ id: string; replies: string[] }> {
  const id = newConversationId();
  const replies: string[] = [];
  for (const text of ['What plans do you have?', 'Do you have SSO?', 'Is there a free trial?'].slice(0, turns)) {
    const response = await chat.POST(
      new Request('http://localhost/api/v1/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: visitor.authorization },
        body: JSON.stringify({ id, message: { id: `m-${Math.random()}`, role: 'user', parts: [{ type: 'text', text }] } }),
      }),
    );
    expect(response.status).toBe(200);
    const start = (await readUIChunks(response)).find((chunk) => chunk.type === 'start');
    expect(typeof start?.messageId).toBe('string');
    replies.push(String(start?.messageId));
  }
  return { id, replies };
}

const vote = (id: string, visitor: { authorization: string }, body: unknown) =>
  feedback.POST(
    new Request(`http://localhost/api/v1/chat/${id}/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: visitor.authorization },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );

test('stores the rating (the last vote counts) and publishes a feedback.received event (not for the same vote again)', async () => {
  const visitor = await visitorHeaders();
  const { id, replies } = await conversationOf(visitor, 2);
  const [reply1 = '', reply2 = ''] = replies;
  expect((await vote(id, visitor, { messageId: reply1, rating: 'down' })).status).toBe(204);
  expect((await vote(id, visitor, { messageId: reply1, rating: 'up' })).status).toBe(204);
  expect((await vote(id, visitor, { messageId: reply2, rating: 'down' })).status).toBe(204);
  expect((await vote(id, visitor, { messageId: reply2, rating: 'down' })).status).toBe(204);
  const kv = getKv();
  expect(kvHash(await kvOne(kv, ['HGETALL', kvKey(kv, 'feedback', id)]))).toEqual({ [reply1]: 'up', [reply2]: 'down' });
  expect(await kvOne<number>(kv, ['TTL', kvKey(kv, 'feedback', id)])).toBeGreaterThan(0);
  await drainEvents();
  const events = published.filter((event) => event.type === 'feedback.received' && event.conversationId === id);
  expect(events.map((event) => (event.type === 'feedback.received' ? [event.messageId, event.rating, event.previous, event.visitorId] : null))).toEqual([
    [reply1, 'down', undefined, visitor.visitorId],
    [reply1, 'up', 'down', visitor.visitorId],
    [reply2, 'down', undefined, visitor.visitorId],
  ]);
});

test('a vote updates the helpful-replies figures of GET /api/v1/admin/metrics: one rating per reply, a changed vote moves', async () => {
  subscribeAnalytics();
  const { secret } = await createApiKey({ kv: getKv(), name: 'dashboard test', scopes: ['leads:read'], createdBy: 'test' });
  const read = async () => {
    await drainEvents();
    const response = await metrics.GET(new Request('http://localhost/api/v1/admin/metrics?range=24h', { headers: { authorization: `Bearer ${secret}` } }));
    expect(response.status).toBe(200);
    return ((await response.json()) as MetricsReport).feedback;
  };
  const start = await read();
  const visitor = await visitorHeaders();
  const { id, replies: [a = '', b = '', c = ''] } = await conversationOf(visitor, 3);
  expect((await vote(id, visitor, { messageId: a, rating: 'up' })).status).toBe(204);
  expect((await vote(id, visitor, { messageId: b, rating: 'up' })).status).toBe(204);
  expect((await vote(id, visitor, { messageId: c, rating: 'down' })).status).toBe(204);
  const after = await read();
  expect([after.up - start.up, after.down - start.down]).toEqual([2, 1]);
  // "b" changes its mind; "a" votes the same again: 1 up, 2 down more than at the start.
  expect((await vote(id, visitor, { messageId: b, rating: 'down' })).status).toBe(204);
  expect((await vote(id, visitor, { messageId: a, rating: 'up' })).status).toBe(204);
  const changed = await read();
  expect([changed.up - start.up, changed.down - start.down]).toEqual([1, 2]);
  expect(changed.helpfulShare).toBeCloseTo(changed.up / (changed.up + changed.down));
  // Without the admin's key the figures are refused.
  expect((await metrics.GET(new Request('http://localhost/api/v1/admin/metrics?range=24h'))).status).toBe(401);
});

test("the transcript's ratings: GET /api/v1/admin/conversations/{id}/feedback answers the last vote per reply, to admins only", async () => {
  const ratings = await import('@/app/api/v1/admin/conversations/[id]/feedback/route');
  const { secret } = await createApiKey({ kv: getKv(), name: 'transcript test', scopes: ['leads:read'], createdBy: 'test' });
  const visitor = await visitorHeaders();
  const { id, replies: [r1 = '', r2 = ''] } = await conversationOf(visitor, 2);
  await vote(id, visitor, { messageId: r1, rating: 'up' });
  await vote(id, visitor, { messageId: r2, rating: 'up' });
  await vote(id, visitor, { messageId: r2, rating: 'down' });
  const read = (authorization?: string) =>
    ratings.GET(new Request(`http://localhost/api/v1/admin/conversations/${id}/feedback`, { headers: authorization ? { authorization } : {} }), {
      params: Promise.resolve({ id }),
    });
  const response = await read(`Bearer ${secret}`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ ratings: { [r1]: 'up', [r2]: 'down' } });
  expect((await read()).status).toBe(401);
});

test("refuses another visitor's conversation, a bad body and other methods", async () => {
  const owner = await visitorHeaders();
  const { id, replies: [reply = ''] } = await conversationOf(owner);
  const stranger = await visitorHeaders();
  const refused = await vote(id, stranger, { messageId: reply, rating: 'up' });
  expect(refused.status).toBe(404);
  expect(await refused.json()).toMatchObject({ error: { code: 'not_found:chat' } });
  const bad = await vote(id, owner, { messageId: reply, rating: 'meh' });
  expect(bad.status).toBe(400);
  expect(await bad.json()).toMatchObject({ error: { code: 'bad_request:chat' } });
  expect((await vote(id, { authorization: 'Bearer nope' }, { messageId: 'x', rating: 'up' })).status).toBe(401);
  expect((await feedback.GET(new Request(`http://localhost/api/v1/chat/${id}/feedback`))).status).toBe(405);
});

test('only a reply stored in the conversation can be rated: made-up ids and the prospect\'s own messages are refused, nothing stored', async () => {
  const visitor = await visitorHeaders();
  const { id, replies } = await conversationOf(visitor);
  for (const messageId of ['forged-1', 'reply-1', `${replies[0]}x`]) {
    const refused = await vote(id, visitor, { messageId, rating: 'up' });
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: { code: 'not_found:chat', message: 'This conversation has no reply with this id.' } });
  }
  const kv = getKv();
  expect(kvHash(await kvOne(kv, ['HGETALL', kvKey(kv, 'feedback', id)]))).toEqual({});
  expect((await vote(id, visitor, { messageId: replies[0], rating: 'up' })).status).toBe(204);
  expect(kvHash(await kvOne(kv, ['HGETALL', kvKey(kv, 'feedback', id)]))).toEqual({ [String(replies[0])]: 'up' });
});

test('votes are rate-limited (RATE_LIMIT_FEEDBACK, 30 a minute per visitor and per address): flipping one vote forever gets a typed 429', async () => {
  const visitor = await visitorHeaders();
  const { id, replies: [reply = ''] } = await conversationOf(visitor);
  const statuses: number[] = [];
  let last: Response | undefined;
  for (let i = 0; i < 40; i++) {
    last = await vote(id, visitor, { messageId: reply, rating: i % 2 === 0 ? 'up' : 'down' });
    statuses.push(last.status);
  }
  // The tests above voted from the same address, so fewer than 30 may pass here; never more, and none after a 429.
  const passed = statuses.filter((status) => status === 204).length;
  expect(passed).toBeGreaterThan(0);
  expect(passed).toBeLessThanOrEqual(30);
  expect(statuses).toEqual([...Array<number>(passed).fill(204), ...Array<number>(40 - passed).fill(429)]);
  expect(last?.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(await last?.json()).toMatchObject({ error: { code: 'rate_limited:chat' } });
});
