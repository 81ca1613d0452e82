/** @jest-environment node */
// The per-visitor caps on the chat route (embedded defaults: offline agent, in-memory store, in-process limits).
import { readUIChunks } from '../support/sse';
import { newConversationId, TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

process.env.OFFLINE_WORD_DELAY_MS = '0';
process.env.SESSION_SECRET = TEST_SESSION_SECRET;
process.env.RATE_LIMIT_CHAT = '1000/1m';
process.env.TOKEN_BUDGET_DAILY = '1500';
process.env.CHAT_MAX_CONVERSATIONS_PER_DAY = '2';
process.env.CHAT_MAX_TURNS_PER_CONVERSATION = '2';
delete process.env.OPENAI_API_KEY;
delete process.env.UPSTASH_REDIS_REST_URL;

let route: typeof import('@/app/api/v1/chat/route');
beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  route = await import('@/app/api/v1/chat/route');
});

const post = (visitor: { authorization: string }, id: string, text = 'Hi') =>
  route.POST(
    new Request('http://localhost/api/v1/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: visitor.authorization },
      body: JSON.stringify({ id, message: { id: `m-${Math.random()}`, role: 'user', parts: [{ type: 'text', text }] } }),
    }),
  );

async function turn(visitor: { authorization: string }, id: string, text?: string) {
  const response = await post(visitor, id, text);
  if (response.status === 200) await readUIChunks(response);
  // The turn (and its usage) is stored just after the stream ends.
  await new Promise((resolve) => setTimeout(resolve, 20));
  return response;
}

describe('per-visitor caps', () => {
  it('refuses a third turn in one conversation', async () => {
    const visitor = await visitorHeaders();
    const id = newConversationId();
    expect((await turn(visitor, id)).status).toBe(200);
    expect((await turn(visitor, id)).status).toBe(200);
    const third = await post(visitor, id);
    expect(third.status).toBe(429);
    expect(await third.json()).toMatchObject({ error: { code: 'rate_limited:chat', message: expect.stringMatching(/new conversation/) } });
  });

  it('refuses a third new conversation in a day, leaving no claim on the refused id', async () => {
    const visitor = await visitorHeaders();
    expect((await turn(visitor, newConversationId())).status).toBe(200);
    expect((await turn(visitor, newConversationId())).status).toBe(200);
    const refusedId = newConversationId();
    const third = await post(visitor, refusedId);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await third.json()).error.message).toMatch(/tomorrow/);
    // Nothing was kept for the refused id: another visitor can start a conversation under it.
    expect((await turn(await visitorHeaders(), refusedId)).status).toBe(200);
  });

  it("refuses a visitor over the day's token budget until midnight UTC, with Retry-After", async () => {
    const visitor = await visitorHeaders();
    const id = newConversationId();
    // The offline agent reports a prompt of well over a thousand tokens: one turn spends the budget.
    expect((await turn(visitor, id, 'How much is the Pro plan?')).status).toBe(200);
    const over = await post(visitor, newConversationId());
    expect(over.status).toBe(429);
    const retryAfter = Number(over.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect((await over.json()).error.code).toBe('rate_limited:budget');
    // Another visitor is not affected.
    expect((await turn(await visitorHeaders(), newConversationId())).status).toBe(200);
  });
});

describe('separate windows per limit', () => {
  it('does not count session starts or speech against the chat limit of the same address', async () => {
    const { enforceRateLimit } = await import('@/lib/security/rate-limit');
    const ip = '192.0.2.44';
    for (let i = 0; i < 5; i++) await enforceRateLimit('session', { ip });
    const outcome = await enforceRateLimit('chat', { ip, visitorId: 'v-separate' });
    expect(outcome.headers.ratelimit).toContain('"chat-ip";r=999;');
  });
});
