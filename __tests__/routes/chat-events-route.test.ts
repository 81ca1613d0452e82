/** @jest-environment node */
// The chat route hands the turn its event source (page and utm from the body, the embedding site from Origin), and a
// request refused by a rate limit is published as `rate_limited`. An over-long message is refused whole, never cut.
import { drainEvents, subscribeEvents } from '@/lib/events/bus';
import type { AppEvent } from '@/lib/events/schema';
import { readUIChunks } from '../support/sse';
import { peerHeader } from '../support/peer-stamp';
import { newConversationId, TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

process.env.OFFLINE_WORD_DELAY_MS = '0';
process.env.SESSION_SECRET = TEST_SESSION_SECRET;
process.env.RATE_LIMIT_CHAT = '4/1m';
process.env.APP_ORIGIN = 'http://localhost';
process.env.EMBED_ALLOWED_ORIGINS = 'https://shop.example';
process.env.CHAT_MAX_MESSAGE_CHARS = '4000';
delete process.env.OPENAI_API_KEY;
delete process.env.UPSTASH_REDIS_REST_URL;

let route: typeof import('@/app/api/v1/chat/route');
const published: AppEvent[] = [];
beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  subscribeEvents('test-chat-route-events', (events) => void published.push(...events));
  route = await import('@/app/api/v1/chat/route');
});

const post = (visitor: { authorization: string }, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  route.POST(
    new Request('http://localhost/api/v1/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: visitor.authorization, ...headers },
      body: JSON.stringify(body),
    }),
  );
const message = (text: string) => ({ id: `m-${Math.random()}`, role: 'user', parts: [{ type: 'text', text }] });

describe('chat route events', () => {
  it('carries the page, utm and the embedding site (from Origin) on every event of the turn', async () => {
    const visitor = await visitorHeaders();
    const id = newConversationId();
    const response = await post(
      visitor,
      { id, message: message('What plans do you have?'), source: { page: '/pricing?ref=x', utm: { campaign: 'spring' } } },
      { origin: 'https://shop.example' },
    );
    expect(response.status).toBe(200);
    await readUIChunks(response);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await drainEvents();
    const turn = published.filter((event) => event.conversationId === id);
    expect(turn.map((event) => event.type)).toEqual(expect.arrayContaining(['conversation.started', 'message', 'latency']));
    for (const event of turn) {
      expect(event.source).toEqual({ page: '/pricing', utm: { campaign: 'spring' }, embedSite: 'https://shop.example', locale: 'en', agent: 'offline' });
    }
  });

  it('inside the embed (same-origin requests), takes the embedding site the client names only when it is allowed', async () => {
    for (const [named, kept] of [
      ['https://shop.example', 'https://shop.example'],
      ['https://evil.example', undefined],
    ] as const) {
      const visitor = await visitorHeaders();
      const id = newConversationId();
      const response = await post(
        visitor,
        { id, message: message('Hello'), source: { page: '/embed', embedSite: named, utm: { source: 'newsletter' } } },
        // An address of its own, so that these requests leave the other cases' per-address limit alone.
        { origin: 'http://localhost', host: 'localhost', ...peerHeader(`198.51.100.${kept ? 71 : 72}`) },
      );
      expect(response.status).toBe(200);
      await readUIChunks(response);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await drainEvents();
      const started = published.find((event) => event.conversationId === id && event.type === 'conversation.started');
      expect(started?.source?.embedSite).toBe(kept);
      expect(started?.source?.utm).toEqual({ source: 'newsletter' });
    }
  });

  it("does not count the app's own page as an embedding site, whatever name Next.js gives the host", async () => {
    const visitor = await visitorHeaders();
    const id = newConversationId();
    // Next.js hands the route http://localhost/… for a browser that asked http://127.0.0.1:3000.
    const response = await post(visitor, { id, message: message('Hello') }, { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' });
    expect(response.status).toBe(200);
    await readUIChunks(response);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await drainEvents();
    const turn = published.filter((event) => event.conversationId === id);
    expect(turn.length).toBeGreaterThan(0);
    for (const event of turn) expect(event.source?.embedSite).toBeUndefined();
  });

  it('refuses a malformed source with a typed 400', async () => {
    const response = await post(await visitorHeaders(), { id: newConversationId(), message: message('Hi'), source: { page: 42 } });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('bad_request:chat');
  });

  it('refuses an over-long message whole with a typed 413 (never cut), and counts nothing of it', async () => {
    const id = newConversationId();
    const response = await post(await visitorHeaders(), { id, message: message('x'.repeat(4_001)) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: 'payload_too_large:chat', message: 'Messages are limited to 4000 characters.' } });
    await drainEvents();
    expect(published.filter((event) => event.conversationId === id)).toEqual([]);
  });

  it('publishes rate_limited with the window that refused', async () => {
    const visitor = await visitorHeaders();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(visitor, { id: newConversationId(), message: message('') })).status);
    expect(statuses.at(-1)).toBe(429);
    await drainEvents();
    expect(published).toContainEqual(expect.objectContaining({ type: 'rate_limited', limit: 'chat-visitor', visitorId: expect.any(String) }));
  });
});
