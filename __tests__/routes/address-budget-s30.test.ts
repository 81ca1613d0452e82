/** @jest-environment node */
// The daily caps per address on the chat route (embedded defaults: offline agent, in-memory store, in-process limits).
// Visitor sessions are free: one address rotating them must still meet a daily cap, without touching other addresses.
import { forgetProcessSingleton } from '@/lib/process-singleton';
import { getConversationStore } from '@/lib/store';
import { apiErrorsEs } from '@/lib/i18n/catalogues/api-errors';
import { readUIChunks } from '../support/sse';
import { newConversationId, TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

process.env.OFFLINE_WORD_DELAY_MS = '0';
process.env.SESSION_SECRET = TEST_SESSION_SECRET;
process.env.RATE_LIMIT_CHAT = '1000/1m';
// One offline turn reports well over a thousand tokens: a visitor's first turn spends their budget.
process.env.TOKEN_BUDGET_DAILY = '1500';
process.env.TOKEN_BUDGET_DAILY_PER_ADDRESS = '5000';
process.env.CHAT_MAX_CONVERSATIONS_PER_DAY = '50';
process.env.CHAT_MAX_CONVERSATIONS_PER_ADDRESS_PER_DAY = '0';
delete process.env.OPENAI_API_KEY;
delete process.env.UPSTASH_REDIS_REST_URL;
delete process.env.KV_REST_API_URL;

let route: typeof import('@/app/api/v1/chat/route');
beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  route = await import('@/app/api/v1/chat/route');
});

/** The limits are read from the environment once per process: a case that changes them has the config read again. */
function reconfigure(env: Record<string, string>) {
  Object.assign(process.env, env);
  forgetProcessSingleton('config');
}

type Visitor = { authorization: string };

const post = (visitor: Visitor, address: string, id: string, options: { text?: string; locale?: string } = {}) =>
  route.POST(
    new Request('http://localhost/api/v1/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: visitor.authorization, 'x-forwarded-for': address },
      body: JSON.stringify({
        id,
        ...(options.locale ? { locale: options.locale } : {}),
        message: { id: `m-${Math.random()}`, role: 'user', parts: [{ type: 'text', text: options.text ?? 'How much is the Pro plan?' }] },
      }),
    }),
  );

async function turn(visitor: Visitor, address: string, id: string) {
  const response = await post(visitor, address, id);
  if (response.status === 200) await readUIChunks(response);
  // The turn (and its usage) is stored just after the stream ends.
  await new Promise((resolve) => setTimeout(resolve, 20));
  return response;
}

/** Fresh visitor sessions from one address, one new conversation each, until one is refused (at most `max`). */
async function rotateSessions(address: string, max: number) {
  const answered: Array<{ visitor: Visitor & { visitorId: string }; id: string }> = [];
  for (let i = 0; i < max; i++) {
    const visitor = await visitorHeaders();
    const id = newConversationId();
    const response = await turn(visitor, address, id);
    if (response.status !== 200) return { answered, refused: { response, id } };
    answered.push({ visitor, id });
  }
  return { answered, refused: undefined };
}

describe('the daily token budget per address', () => {
  it('refuses a new visitor session from an address that used its budget, in its own words, keeping what was stored', async () => {
    const { answered, refused } = await rotateSessions('203.0.113.10', 10);
    // Several visitors were answered (each a first turn, under their own budget) before the address's budget ran out.
    expect(answered.length).toBeGreaterThanOrEqual(2);
    expect(answered.length).toBeLessThan(10);
    expect(refused?.response.status).toBe(429);
    const retryAfter = Number(refused?.response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect(await refused?.response.json()).toEqual({
      error: {
        code: 'rate_limited:budget',
        message: "Your network has used today's chat allowance. You can continue tomorrow (UTC).",
        details: { reason: 'address_token_budget', retryAfterSeconds: retryAfter },
      },
    });

    // The next fresh session from the same address is refused too, in the conversation's language.
    const again = await post(await visitorHeaders(), '203.0.113.10', newConversationId(), { locale: 'es' });
    expect(again.status).toBe(429);
    expect((await again.json()).error.message).toBe(apiErrorsEs['apiError.addressTokenBudget']);

    // Nothing stored was lost: every answered conversation is there, and the refused id was not kept.
    const store = getConversationStore();
    for (const { visitor, id } of answered) {
      expect((await store.getConversation({ id, visitorId: visitor.visitorId }))?.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    }
    const refusedId = refused?.id ?? '';
    expect(await store.getConversation({ id: refusedId })).toBeNull();
    // Another address is not affected, even under the id the refused turn asked for.
    expect((await turn(await visitorHeaders(), '198.51.100.20', refusedId)).status).toBe(200);
  });

  it('counts an IPv6 client by its /64: other hosts of the prefix share the budget, another prefix does not', async () => {
    const { refused } = await rotateSessions('2001:db8:5:6::1', 10);
    expect(refused?.response.status).toBe(429);
    const sameNetwork = await post(await visitorHeaders(), '2001:db8:5:6:ffff::9', newConversationId());
    expect(sameNetwork.status).toBe(429);
    expect((await sameNetwork.json()).error.details.reason).toBe('address_token_budget');
    expect((await turn(await visitorHeaders(), '2001:db8:5:7::1', newConversationId())).status).toBe(200);
  });

  it('still refuses one visitor over their own budget first, with the per-visitor reason', async () => {
    const visitor = await visitorHeaders();
    expect((await turn(visitor, '198.51.100.30', newConversationId())).status).toBe(200);
    const over = await post(visitor, '198.51.100.30', newConversationId());
    expect(over.status).toBe(429);
    expect((await over.json()).error).toMatchObject({ code: 'rate_limited:budget', details: { reason: 'token_budget' } });
    // The address has budget left for its other visitors.
    expect((await turn(await visitorHeaders(), '198.51.100.30', newConversationId())).status).toBe(200);
  });
});

describe('the daily conversations per address', () => {
  beforeAll(() => reconfigure({ TOKEN_BUDGET_DAILY: '0', TOKEN_BUDGET_DAILY_PER_ADDRESS: '0', CHAT_MAX_CONVERSATIONS_PER_ADDRESS_PER_DAY: '3' }));

  it('refuses a fourth new conversation from an address whatever session starts it; its open conversations go on', async () => {
    const { answered, refused } = await rotateSessions('192.0.2.50', 6);
    expect(answered).toHaveLength(3);
    expect(refused?.response.status).toBe(429);
    expect(Number(refused?.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused?.response.json()).error).toMatchObject({
      code: 'rate_limited:chat',
      message: 'Your network has started the most conversations allowed today. You can continue tomorrow (UTC).',
      details: { reason: 'address_conversations_per_day' },
    });
    // A conversation already started is not a new one: it goes on.
    const first = answered[0];
    expect(first && (await turn(first.visitor, '192.0.2.50', first.id)).status).toBe(200);
    // Another address starts conversations as before.
    expect((await turn(await visitorHeaders(), '192.0.2.51', newConversationId())).status).toBe(200);
  });
});

describe('with the caps per address off (0)', () => {
  beforeAll(() => reconfigure({ TOKEN_BUDGET_DAILY: '1500', TOKEN_BUDGET_DAILY_PER_ADDRESS: '0', CHAT_MAX_CONVERSATIONS_PER_ADDRESS_PER_DAY: '0' }));

  it('answers every fresh session of an address that is over both caps, while the per-visitor budget still applies', async () => {
    // 203.0.113.10 used its token budget above and 192.0.2.50 its conversations: both are answered now.
    for (const address of ['203.0.113.10', '192.0.2.50', '203.0.113.10']) {
      expect((await turn(await visitorHeaders(), address, newConversationId())).status).toBe(200);
    }
    const visitor = await visitorHeaders();
    expect((await turn(visitor, '203.0.113.10', newConversationId())).status).toBe(200);
    const over = await post(visitor, '203.0.113.10', newConversationId());
    expect(over.status).toBe(429);
    expect((await over.json()).error.details.reason).toBe('token_budget');
  });
});
