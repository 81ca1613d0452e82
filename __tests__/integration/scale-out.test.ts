/** @jest-environment node */
// Scale-out (docs/deployment.md): two `next start` instances on one real Redis (through the Upstash bridge), as behind
// a load balancer that sends each request anywhere. A conversation begun on one continues on the other with its
// history and lead facts, is erased through one and gone from both, and the rate limits are counted once for both.
import { startNextServer } from '../../scripts/lib/next-server.mjs';
import { startRedis } from '../support/redis';
import { readUIChunks, textOf } from '../support/sse';
import { newConversationId, startSession } from '../support/visitor';

jest.setTimeout(120_000);

type Next = Awaited<ReturnType<typeof startNextServer>>;
interface StoredMessage {
  role: string;
  parts: Array<{ type: string; text?: string }>;
}

let redis: Awaited<ReturnType<typeof startRedis>>;
let a: Next;
let b: Next;

beforeAll(async () => {
  redis = await startRedis();
  const env = {
    UPSTASH_REDIS_REST_URL: redis.bridgeUrl,
    UPSTASH_REDIS_REST_TOKEN: redis.token,
    // No model key: the offline agent answers (it remembers lead facts from the conversation's stored state).
    OPENAI_API_KEY: '',
    OFFLINE_WORD_DELAY_MS: '0',
    STORE_KEY_PREFIX: 'so:',
    SESSION_SECRET: 'scale-out-test-session-secret-0123456789',
    // One proxy in front (as in production): each part of the test comes from its own client address.
    TRUSTED_PROXIES: '1',
    RATE_LIMIT_CHAT: '3/1m',
    RATE_LIMIT_SESSION: '10000/1m',
  };
  [a, b] = await Promise.all([startNextServer({ env }), startNextServer({ env })]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.stop();
});

const headersFor = (authorization: string, address: string) => ({ 'content-type': 'application/json', authorization, 'x-forwarded-for': address });
const chat = (server: Next, headers: Record<string, string>, id: string, text: string) =>
  fetch(`${server.url}/api/v1/chat`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ id, message: { id: `m-${Math.random().toString(36).slice(2)}`, role: 'user', parts: [{ type: 'text', text }] } }),
  });
const history = (server: Next, headers: Record<string, string>, id: string) => fetch(`${server.url}/api/v1/chat/${id}`, { headers });
const textsOf = (messages: StoredMessage[]) => messages.map((message) => `${message.role}: ${message.parts.map((part) => part.text ?? '').join('')}`);

describe('two instances on one Redis', () => {
  it('continues on B a conversation begun on A (history and lead facts), and erases it through B for both', async () => {
    const address = '203.0.113.10';
    const session = await startSession(a.url, { 'x-forwarded-for': address });
    const headers = headersFor(session.authorization, address);
    const id = newConversationId();

    const first = await chat(a, headers, id, "Hi, I'm Maria from Acme Logistics. We are a team of 25 people.");
    expect(first.status).toBe(200);
    expect(textOf(await readUIChunks(first)).length).toBeGreaterThan(0);

    // The turn is stored when its reply ends; B reads it from Redis.
    let stored: StoredMessage[] = [];
    for (let attempt = 0; attempt < 20 && stored.length < 2; attempt++) {
      const response = await history(b, headers, id);
      if (response.status === 200) stored = ((await response.json()) as { messages: StoredMessage[] }).messages;
      if (stored.length < 2) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(stored.map((message) => message.role)).toEqual(['user', 'assistant']);

    const second = await chat(b, headers, id, 'What did I say my team size was?');
    expect(second.status).toBe(200);
    const recall = textOf(await readUIChunks(second));
    expect(recall).toMatch(/team size/i);
    expect(recall).toContain('25');

    await new Promise((resolve) => setTimeout(resolve, 200));
    const onA = await history(a, headers, id);
    expect(onA.status).toBe(200);
    const messages = ((await onA.json()) as { messages: StoredMessage[] }).messages;
    const texts = textsOf(messages);
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(texts[0]).toContain('team of 25 people');
    expect(texts[2]).toContain('What did I say my team size was?');
    expect(texts[3]).toContain('25');

    const erased = await fetch(`${b.url}/api/v1/chat/${id}`, { method: 'DELETE', headers });
    expect(erased.status).toBe(204);
    expect((await history(a, headers, id)).status).toBe(404);
    expect((await history(b, headers, id)).status).toBe(404);
    // Another visitor never saw it either way.
    const stranger = await startSession(b.url, { 'x-forwarded-for': address });
    expect((await history(a, headersFor(stranger.authorization, address), id)).status).toBe(404);
  });

  it('counts one rate limit for both instances: the fourth chat in a minute is refused on either', async () => {
    const address = '203.0.113.20';
    const session = await startSession(b.url, { 'x-forwarded-for': address });
    const headers = headersFor(session.authorization, address);
    const id = newConversationId();
    // Two turns on A and one on B: three in the window, each instance having seen fewer than the limit.
    for (const server of [a, b, a]) {
      const response = await chat(server, headers, id, 'Tell me about the Pro plan');
      expect(response.status).toBe(200);
      await readUIChunks(response);
    }
    for (const server of [b, a]) {
      const refused = await chat(server, headers, id, 'And the Business plan?');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited:chat' } });
    }
    // The limit is the visitor's and this address's, not everyone's: another client on another address still chats.
    const otherAddress = '203.0.113.30';
    const other = await startSession(a.url, { 'x-forwarded-for': otherAddress });
    const allowed = await chat(b, headersFor(other.authorization, otherAddress), newConversationId(), 'Hello');
    expect(allowed.status).toBe(200);
    await readUIChunks(allowed);
  });
});
