/** @jest-environment node */
// The daily caps per address (IPv4, or IPv6 /64) beside the per-visitor ones: visitor sessions are free, so caps counted
// only per visitor let one address spend all day by rotating sessions. Config, the in-memory store and the turn's check.
import { ConfigError, parseServerConfig } from '@/lib/config';
import { checkTurnLimits, type TurnLimits } from '@/lib/chat/turn-limits';
import { AppError } from '@/lib/errors';
import { localizeApiErrorMessage } from '@/lib/i18n/api-errors';
import { apiErrorsAr, apiErrorsDe, apiErrorsEn, apiErrorsEs, apiErrorsFr } from '@/lib/i18n/catalogues/api-errors';
import { translate, type Translate } from '@/lib/i18n';
import { formatWait } from '@/lib/intl-formats';
import { describeChatError } from '@/components/chat/chat-error';
import type { SalesUIMessage } from '@/lib/sales/ui-message';
import { createMemoryStore } from '@/lib/store/memory';
import type { UsageToday } from '@/lib/store/types';
import { startChatTurn } from '@/lib/chat/turn';
import { utcDay } from '@/lib/chat/turn-limits';
import type { SalesAgent } from '@/lib/llm/types';
import type { UIMessageChunk } from 'ai';

const NOW = Date.UTC(2026, 11, 4, 18, 0, 0);
const DAY = '2026-12-04';

describe('config', () => {
  it('caps each address by default at several visitors’ worth (an office behind NAT)', () => {
    const config = parseServerConfig({});
    expect(config.security.budget.tokensPerAddressDaily).toBe(300_000);
    expect(config.security.chat.maxConversationsPerAddressPerDay).toBe(250);
    expect(config.security.budget.tokensPerAddressDaily).toBeGreaterThanOrEqual(4 * config.security.budget.tokensPerVisitorDaily);
    expect(config.security.chat.maxConversationsPerAddressPerDay).toBeGreaterThanOrEqual(4 * config.security.chat.maxConversationsPerDay);
  });

  it('reads the variables, with 0 turning each cap off and an empty value giving the default', () => {
    const set = parseServerConfig({ TOKEN_BUDGET_DAILY_PER_ADDRESS: '90000', CHAT_MAX_CONVERSATIONS_PER_ADDRESS_PER_DAY: '12' });
    expect(set.security.budget.tokensPerAddressDaily).toBe(90_000);
    expect(set.security.chat.maxConversationsPerAddressPerDay).toBe(12);
    const off = parseServerConfig({ TOKEN_BUDGET_DAILY_PER_ADDRESS: '0', CHAT_MAX_CONVERSATIONS_PER_ADDRESS_PER_DAY: '0' });
    expect(off.security.budget.tokensPerAddressDaily).toBe(0);
    expect(off.security.chat.maxConversationsPerAddressPerDay).toBe(0);
    expect(parseServerConfig({ TOKEN_BUDGET_DAILY_PER_ADDRESS: ' ' }).security.budget.tokensPerAddressDaily).toBe(300_000);
  });

  it.each([
    [{ TOKEN_BUDGET_DAILY_PER_ADDRESS: '-1' }, 'TOKEN_BUDGET_DAILY_PER_ADDRESS'],
    [{ TOKEN_BUDGET_DAILY_PER_ADDRESS: 'lots' }, 'TOKEN_BUDGET_DAILY_PER_ADDRESS'],
    [{ CHAT_MAX_CONVERSATIONS_PER_ADDRESS_PER_DAY: '2.5' }, 'CHAT_MAX_CONVERSATIONS_PER_ADDRESS_PER_DAY'],
  ])('stops at start-up on a bad value, naming the variable: %j', (env, variable) => {
    expect(() => parseServerConfig(env)).toThrow(ConfigError);
    expect(() => parseServerConfig(env)).toThrow(new RegExp(`${variable}:`));
  });
});

function text(id: string, role: SalesUIMessage['role'], body: string): SalesUIMessage {
  return { id, role, parts: [{ type: 'text', text: body }] };
}

describe('in-memory store: the address counters', () => {
  const newStore = (clock = () => NOW) => createMemoryStore({ prefix: 't:', conversationTtlSeconds: 3_600, maxMessages: 50, clock });

  it('counts the tokens and conversations of every visitor of an address together, in the turn’s load and write', async () => {
    const store = newStore();
    const address = '2001:db8:0:7::/64';
    expect((await store.loadTurn({ id: 'c-1', visitorId: 'ana', day: DAY, address })).usage).toEqual({
      visitorTokens: 0,
      visitorConversations: 0,
      spendMicroUsd: 0,
      address: { tokens: 0, conversations: 0 },
    });
    await store.appendMessages({ id: 'c-1', messages: [text('u1', 'user', 'Hi')], usage: { visitorId: 'ana', address, day: DAY, tokens: 1_200, spendMicroUsd: 10, newConversation: true } });
    await store.loadTurn({ id: 'c-2', visitorId: 'bob', day: DAY, address });
    await store.appendMessages({ id: 'c-2', messages: [text('u2', 'user', 'Hello')], usage: { visitorId: 'bob', address, day: DAY, tokens: 800, spendMicroUsd: 5, newConversation: true } });
    // A later turn of an existing conversation adds tokens, not a conversation.
    await store.appendMessages({ id: 'c-2', messages: [text('u3', 'user', 'More')], usage: { visitorId: 'bob', address, day: DAY, tokens: 100, spendMicroUsd: 1, newConversation: false } });

    // A third visitor of the same address sees what the two others used; its own counters are empty.
    expect((await store.loadTurn({ id: 'c-3', visitorId: 'eve', day: DAY, address })).usage).toEqual({
      visitorTokens: 0,
      visitorConversations: 0,
      spendMicroUsd: 16,
      address: { tokens: 2_100, conversations: 2 },
    });
    // Another address starts from nothing; a load without an address reads no address counters.
    expect((await store.loadTurn({ id: 'c-4', visitorId: 'eve', day: DAY, address: '198.51.100.9' })).usage.address).toEqual({ tokens: 0, conversations: 0 });
    expect((await store.loadTurn({ id: 'c-5', visitorId: 'eve', day: DAY })).usage).not.toHaveProperty('address');
    // The stored turns are all there.
    expect((await store.getConversation({ id: 'c-2', visitorId: 'bob' }))?.messages.map((message) => message.id)).toEqual(['u2', 'u3']);
  });

  it('counts nothing for an address on a write without one, and starts again the next UTC day', async () => {
    let now = NOW;
    const store = newStore(() => now);
    const address = '192.0.2.7';
    await store.appendMessages({ id: 'c-1', messages: [text('u1', 'user', 'Hi')], usage: { visitorId: 'ana', day: DAY, tokens: 500, spendMicroUsd: 0, newConversation: true } });
    expect((await store.loadTurn({ id: 'c-2', visitorId: 'ana', day: DAY, address })).usage.address).toEqual({ tokens: 0, conversations: 0 });
    await store.appendMessages({ id: 'c-2', messages: [text('u2', 'user', 'Hi')], usage: { visitorId: 'ana', address, day: DAY, tokens: 700, spendMicroUsd: 0, newConversation: true } });
    expect((await store.loadTurn({ id: 'c-3', visitorId: 'bob', day: DAY, address })).usage.address).toEqual({ tokens: 700, conversations: 1 });

    now += 24 * 3_600_000;
    const tomorrow = '2026-12-05';
    await store.appendMessages({ id: 'c-3', messages: [text('u3', 'user', 'Hi')], usage: { visitorId: 'bob', address, day: tomorrow, tokens: 50, spendMicroUsd: 0, newConversation: true } });
    expect((await store.loadTurn({ id: 'c-4', visitorId: 'bob', day: tomorrow, address })).usage.address).toEqual({ tokens: 50, conversations: 1 });
  });
});

describe('checkTurnLimits: per address', () => {
  const limits: TurnLimits = {
    chat: { maxTurnsPerConversation: 100, maxConversationsPerDay: 10, maxConversationsPerAddressPerDay: 30 },
    budget: { tokensPerVisitorDaily: 5_000, tokensPerAddressDaily: 20_000, spendCapDailyUsd: 0, price: { input: 0, output: 0 } },
  };
  const usage = (address?: UsageToday['address'], visitor = { tokens: 0, conversations: 0 }): UsageToday => ({
    visitorTokens: visitor.tokens,
    visitorConversations: visitor.conversations,
    spendMicroUsd: 0,
    ...(address ? { address } : {}),
  });
  const check = (args: { usage: UsageToday; newConversation?: boolean; limits?: TurnLimits }) => () =>
    checkTurnLimits({ limits: args.limits ?? limits, usage: args.usage, userTurns: 0, newConversation: args.newConversation ?? true, now: NOW });
  const refusal = (run: () => unknown): AppError => {
    try {
      run();
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('the turn was not refused');
  };

  it('refuses a fresh visitor once the address has used its tokens, with the daily shape and a reason of its own', () => {
    const error = refusal(check({ usage: usage({ tokens: 20_000, conversations: 3 }) }));
    expect(error.code).toBe('rate_limited:budget');
    expect(error.status).toBe(429);
    expect(error.message).toBe("Your network has used today's chat allowance. You can continue tomorrow (UTC).");
    // Until the next UTC midnight, as the per-visitor budget: 6 hours after 18:00.
    expect(error.details).toEqual({ reason: 'address_token_budget', retryAfterSeconds: 6 * 3_600 });
    expect(error.headers).toEqual({ 'retry-after': String(6 * 3_600) });
    expect(() => check({ usage: usage({ tokens: 19_999, conversations: 3 }) })()).not.toThrow();
  });

  it('refuses a new conversation once the address started its most, but lets existing ones go on', () => {
    const error = refusal(check({ usage: usage({ tokens: 0, conversations: 30 }) }));
    expect(error.code).toBe('rate_limited:chat');
    expect(error.message).toBe('Your network has started the most conversations allowed today. You can continue tomorrow (UTC).');
    expect(error.details).toMatchObject({ reason: 'address_conversations_per_day' });
    expect(() => check({ usage: usage({ tokens: 0, conversations: 30 }), newConversation: false })()).not.toThrow();
  });

  it('says the visitor’s own cap first when both are reached', () => {
    expect(refusal(check({ usage: usage({ tokens: 20_000, conversations: 30 }, { tokens: 5_000, conversations: 0 }) })).details).toMatchObject({ reason: 'token_budget' });
    expect(refusal(check({ usage: usage({ tokens: 20_000, conversations: 30 }, { tokens: 0, conversations: 10 }) })).details).toMatchObject({ reason: 'conversations_per_day' });
  });

  it('is off at 0, and not checked when the load read no address counters', () => {
    const off: TurnLimits = { chat: { ...limits.chat, maxConversationsPerAddressPerDay: 0 }, budget: { ...limits.budget, tokensPerAddressDaily: 0 } };
    expect(check({ usage: usage({ tokens: 10_000_000, conversations: 10_000 }), limits: off })()).toEqual({ spendCapReached: false });
    expect(check({ usage: usage() })()).toEqual({ spendCapReached: false });
  });
});

describe('the refusals in the five languages', () => {
  const keys = ['apiError.addressTokenBudget', 'apiError.addressConversationsPerDay'] as const;

  it.each([
    ['es', apiErrorsEs],
    ['fr', apiErrorsFr],
    ['de', apiErrorsDe],
    ['ar', apiErrorsAr],
  ] as const)('words the thrown English message in %s, not with the generic words of its type', (locale, catalogue) => {
    for (const [key, type] of [
      [keys[0], 'rate_limited'],
      [keys[1], 'rate_limited'],
    ] as const) {
      const worded = localizeApiErrorMessage(apiErrorsEn[key], { type, locale, details: { retryAfterSeconds: 3_600 } });
      expect(worded).toBe(catalogue[key]);
      expect(worded).not.toBe(apiErrorsEn[key]);
      expect(worded).not.toBe(catalogue['apiError.type.rate_limited']);
    }
  });

  it('has the widget’s own words for a network that reached the daily limit, in every locale', () => {
    const worded = (['en', 'es', 'fr', 'de', 'ar'] as const).map((locale) => translate(locale, 'error.networkDailyLimit', { wait: '6h' }));
    for (const text of worded) expect(text).toContain('6h');
    expect(new Set(worded).size).toBe(5);
    expect(worded[0]).toBe("Your network has reached today's chat limit. You can continue in 6h.");
  });

  it('tells the prospect in the widget that their network, not they, reached the limit', () => {
    const t: Translate = (key, vars) => translate('de', key, vars);
    const failed = (reason: string, code: string) =>
      Object.assign(new Error('429'), { responseBody: JSON.stringify({ error: { code, message: 'x', details: { reason, retryAfterSeconds: 7_200 } } }) });
    const network = translate('de', 'error.networkDailyLimit', { wait: formatWait(7_200, 'de') });
    expect(describeChatError(failed('address_token_budget', 'rate_limited:budget'), t, 'de')).toBe(network);
    expect(describeChatError(failed('address_conversations_per_day', 'rate_limited:chat'), t, 'de')).toBe(network);
    expect(describeChatError(failed('token_budget', 'rate_limited:budget'), t, 'de')).toBe(translate('de', 'error.dailyLimit', { wait: formatWait(7_200, 'de') }));
  });
});

describe('startChatTurn: an address over its daily cap', () => {
  /** An agent that counts its starts and answers one word. */
  function countingAgent(): SalesAgent & { starts: number } {
    const agent = {
      kind: 'offline' as const,
      model: 'counting',
      starts: 0,
      ping: async () => ({ ok: true, latencyMs: 0 }),
      streamReply() {
        agent.starts += 1;
        const chunks: UIMessageChunk[] = [{ type: 'start' }, { type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'Hi' }, { type: 'text-end', id: 't' }, { type: 'finish' }];
        return new ReadableStream<UIMessageChunk>({
          pull(controller) {
            const next = chunks.shift();
            if (next) controller.enqueue(next);
            else controller.close();
          },
        });
      },
    };
    return agent;
  }

  it('is refused before any reply, and its next fresh sessions start no speculative reply (an upstream call aborted each)', async () => {
    const store = createMemoryStore({ prefix: 't:', conversationTtlSeconds: 3_600, maxMessages: 50 });
    const address = '203.0.113.99';
    await store.appendMessages({ id: 'earlier', messages: [text('u0', 'user', 'Hi')], usage: { visitorId: 'v-0', address, day: utcDay(Date.now()), tokens: 2_000, spendMicroUsd: 0, newConversation: true } });
    const limits: TurnLimits = {
      chat: { maxTurnsPerConversation: 100, maxConversationsPerDay: 100, maxConversationsPerAddressPerDay: 0 },
      budget: { tokensPerVisitorDaily: 0, tokensPerAddressDaily: 1_000, spendCapDailyUsd: 0, price: { input: 0, output: 0 } },
    };
    const agent = countingAgent();
    const attempt = (i: number) =>
      startChatTurn({ conversationId: `fresh-${i}`, visitorId: `v-${i}`, address, message: { id: `m-${i}`, text: 'Hi' }, store, agent, limits, firstMessage: true });
    await expect(attempt(1)).rejects.toMatchObject({ code: 'rate_limited:budget', details: { reason: 'address_token_budget' } });
    // The first one was started speculatively (beside the store's answer) and dropped; the next ones are not started.
    const startsAfterFirst = agent.starts;
    await expect(attempt(2)).rejects.toMatchObject({ details: { reason: 'address_token_budget' } });
    await expect(attempt(3)).rejects.toMatchObject({ details: { reason: 'address_token_budget' } });
    expect(agent.starts).toBe(startsAfterFirst);
    // Nothing was kept for the refused ids; what was stored before is there.
    expect(await store.getConversation({ id: 'fresh-2' })).toBeNull();
    expect((await store.getConversation({ id: 'earlier' }))?.messages).toHaveLength(1);
    // Another address is answered, speculatively started as before.
    const other = await startChatTurn({ conversationId: 'fresh-4', visitorId: 'v-4', address: '198.51.100.4', message: { id: 'm-4', text: 'Hi' }, store, agent, limits, firstMessage: true });
    for await (const chunk of other) void chunk;
    expect(agent.starts).toBe(startsAfterFirst + 1);
  });
});
