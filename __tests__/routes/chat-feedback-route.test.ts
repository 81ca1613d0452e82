/** @jest-environment node */
// Thumbs up/down on a reply: only on the visitor's own conversation, stored beside it (a second vote replaces the
// first) and published as a `feedback` event; anything else is refused with a typed error.
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
const published: AppEvent[] = [];
beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  subscribeEvents('test-feedback-route', (events) => void published.push(...events));
  chat = await import('@/app/api/v1/chat/route');
  feedback = await import('@/app/api/v1/chat/[id]/feedback/route');
});

async function conversationOf(visitor: { authorization: string }): Promise<string> {
  const id = newConversationId();
  const response = await chat.POST(
    new Request('http://localhost/api/v1/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: visitor.authorization },
      body: JSON.stringify({ id, message: { id: `m-${Math.random()}`, role: 'user', parts: [{ type: 'text', text: 'What plans do you have?' }] } }),
    }),
  );
  expect(response.status).toBe(200);
  await readUIChunks(response);
  return id;
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

test('stores the rating (the last vote counts) and publishes a feedback event', async () => {
  const visitor = await visitorHeaders();
  const id = await conversationOf(visitor);
  expect((await vote(id, visitor, { messageId: 'reply-1', rating: 'down' })).status).toBe(204);
  expect((await vote(id, visitor, { messageId: 'reply-1', rating: 'up' })).status).toBe(204);
  expect((await vote(id, visitor, { messageId: 'reply-2', rating: 'down' })).status).toBe(204);
  const kv = getKv();
  expect(kvHash(await kvOne(kv, ['HGETALL', kvKey(kv, 'feedback', id)]))).toEqual({ 'reply-1': 'up', 'reply-2': 'down' });
  expect(await kvOne<number>(kv, ['TTL', kvKey(kv, 'feedback', id)])).toBeGreaterThan(0);
  await drainEvents();
  const events = published.filter((event) => event.type === 'feedback' && event.conversationId === id);
  expect(events.map((event) => (event.type === 'feedback' ? [event.messageId, event.rating, event.visitorId] : null))).toEqual([
    ['reply-1', 'down', visitor.visitorId],
    ['reply-1', 'up', visitor.visitorId],
    ['reply-2', 'down', visitor.visitorId],
  ]);
});

test("refuses another visitor's conversation, a bad body and other methods", async () => {
  const owner = await visitorHeaders();
  const id = await conversationOf(owner);
  const stranger = await visitorHeaders();
  const refused = await vote(id, stranger, { messageId: 'reply-1', rating: 'up' });
  expect(refused.status).toBe(404);
  expect(await refused.json()).toMatchObject({ error: { code: 'not_found:chat' } });
  const bad = await vote(id, owner, { messageId: 'reply-1', rating: 'meh' });
  expect(bad.status).toBe(400);
  expect(await bad.json()).toMatchObject({ error: { code: 'bad_request:chat' } });
  expect((await vote(id, { authorization: 'Bearer nope' }, { messageId: 'x', rating: 'up' })).status).toBe(401);
  expect((await feedback.GET(new Request(`http://localhost/api/v1/chat/${id}/feedback`))).status).toBe(405);
});
