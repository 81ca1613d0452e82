/** @jest-environment node */
// Attacks on the running app (`next start`) with a real redis-server behind the Upstash bridge: rate limits counted in
// Redis, conversation ownership, cross-site requests, the daily spend cap, and redis-server dying mid-conversation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startNextServer } from '../../scripts/lib/next-server.mjs';
import { startOpenAIStandIn } from '../../scripts/standins/openai-server.mjs';
import { startRedis } from '../support/redis';
import { readUIChunks, textOf } from '../support/sse';
import { newConversationId, startSession } from '../support/visitor';

jest.setTimeout(120_000);

type Next = Awaited<ReturnType<typeof startNextServer>>;
type Chunk = Awaited<ReturnType<typeof readUIChunks>>[number];
const userMessage = (text: string, id = `m-${Math.random().toString(36).slice(2)}`) => ({ id, role: 'user', parts: [{ type: 'text', text }] });
const notices = (chunks: Chunk[]) => chunks.flatMap((chunk) => (chunk.type === 'data-notice' ? [(chunk as unknown as { data: { code: string } }).data.code] : []));

function chat(server: Next, authorization: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/v1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization, ...headers },
    body: JSON.stringify(body),
  });
}

describe('limits and ownership against real Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let next: Next;

  beforeAll(async () => {
    redis = await startRedis();
    next = await startNextServer({
      env: {
        UPSTASH_REDIS_REST_URL: redis.bridgeUrl,
        UPSTASH_REDIS_REST_TOKEN: redis.token,
        STORE_KEY_PREFIX: 'sec:',
        OFFLINE_WORD_DELAY_MS: '0',
        // An hour, not a minute: a sliding window lets a little more through just after a window's start (the previous
        // window's count weighs a little less each second), and a burst of 200 on a slow host can take seconds.
        RATE_LIMIT_CHAT: '20/1h',
        RATE_LIMIT_SESSION: '1000/1m',
      },
    });
  });
  afterAll(async () => {
    await next?.stop();
    await redis?.stop();
  });

  it('lets exactly 20 of 200 simultaneous chats from one address through; the rest get 429 with Retry-After', async () => {
    // Windows start on the hour: the burst and the next test stay inside one.
    const intoHour = Date.now() % 3_600_000;
    if (intoHour > 3_600_000 - 60_000) await new Promise((resolve) => setTimeout(resolve, 3_600_000 - intoHour + 1_000));
    const visitor = await startSession(next.url);
    const responses = await Promise.all(
      Array.from({ length: 200 }, () => chat(next, visitor.authorization, { id: newConversationId(), message: userMessage('Hi') })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(180);
    const limited = responses.find((response) => response.status === 429)!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('ratelimit-policy')).toMatch(/"chat-visitor";q=20;w=3600/);
    expect(await limited.json()).toEqual({
      error: { code: 'rate_limited:chat', message: expect.stringMatching(/continue in/), details: expect.any(Object) },
    });
    await Promise.all(responses.map((response) => (response.status === 200 ? readUIChunks(response) : response.bodyUsed || response.arrayBuffer())));
  });

  it('keys the address limit on the socket, not on a forged X-Forwarded-For', async () => {
    // A new visitor for every request, each claiming another address: the limit still counts one address.
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const { authorization } = await startSession(next.url);
      const response = await chat(next, authorization, { id: newConversationId(), message: userMessage('Hi') }, { 'x-forwarded-for': `10.9.8.${i}` });
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    // The first test already used this address's 20 chats for the hour.
    expect(statuses).toEqual(Array.from({ length: 21 }, () => 429));
  });

  it("answers a second visitor's read, write and delete with 404, and refuses a cross-site text/plain POST", async () => {
    const other = await startNextServer({
      env: {
        UPSTASH_REDIS_REST_URL: redis.bridgeUrl,
        UPSTASH_REDIS_REST_TOKEN: redis.token,
        STORE_KEY_PREFIX: 'sec:',
        OFFLINE_WORD_DELAY_MS: '0',
        RATE_LIMIT_SESSION: '1000/1m',
        RATE_LIMIT_CHAT: '1000/1m',
      },
    });
    try {
      const owner = await startSession(other.url);
      const stranger = await startSession(other.url);
      const id = newConversationId();
      await readUIChunks(await chat(other, owner.authorization, { id, message: userMessage('I am Ana, ana@acme.com') }));
      const as = (who: { authorization: string }, method = 'GET') =>
        fetch(`${other.url}/api/v1/chat/${id}`, { method, headers: { authorization: who.authorization } });
      for (let i = 0; i < 50 && (await as(owner)).status !== 200; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      const stored = await (await as(owner)).json();

      const unknown = await fetch(`${other.url}/api/v1/chat/${newConversationId()}`, { headers: { authorization: stranger.authorization } });
      const read = await as(stranger);
      expect(read.status).toBe(404);
      expect(await read.json()).toEqual(await unknown.json());
      expect((await chat(other, stranger.authorization, { id, message: userMessage('append this') })).status).toBe(404);
      expect((await as(stranger, 'DELETE')).status).toBe(404);

      const crossSite = await fetch(`${other.url}/api/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://attacker.example', cookie: `sa_session=${owner.token}` },
        body: JSON.stringify({ id, message: userMessage('cross-site') }),
      });
      expect(crossSite.status).toBe(403);
      expect((await crossSite.json()).error.code).toBe('forbidden:origin');

      expect((await (await as(owner)).json()).messages).toEqual(stored.messages);
      expect((await as(owner, 'DELETE')).status).toBe(204);
      expect((await as(owner)).status).toBe(404);
    } finally {
      await other.stop();
    }
  });
});

describe('the daily LLM spend cap', () => {
  it('answers with the offline agent and a visible notice once the cap is reached', async () => {
    const standIn = await startOpenAIStandIn({ ttftMs: 5, tokenIntervalMs: 1, replyText: 'The stand-in model answered this.' });
    const server = await startNextServer({
      env: {
        OPENAI_API_KEY: 'sk-standin',
        OPENAI_BASE_URL: standIn.url,
        OPENAI_API_MODE: 'chat',
        OPENAI_MODEL: 'gpt-4.1-mini',
        OFFLINE_WORD_DELAY_MS: '0',
        // One turn of a few hundred tokens at gpt-4.1-mini's price spends more than this.
        LLM_SPEND_CAP_DAILY_USD: '0.00001',
      },
    });
    try {
      const { authorization } = await startSession(server.url);
      const id = newConversationId();
      const first = await readUIChunks(await chat(server, authorization, { id, message: userMessage('Hello there') }));
      expect(textOf(first)).toBe('The stand-in model answered this.');
      expect(notices(first)).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const second = await readUIChunks(await chat(server, authorization, { id, message: userMessage('How much is the Pro plan?') }));
      expect(notices(second)).toEqual(['spend_cap']);
      expect(textOf(second)).not.toContain('stand-in');
      expect(textOf(second)).toMatch(/\$\d+/);
      const modelRequests = standIn.requests.filter((entry: { path: string }) => entry.path === '/v1/chat/completions');
      expect(modelRequests).toHaveLength(1);
      // `next start` sends it through the node:http fetch that instrumentation.ts registers (lib/node-fetch.ts), not
      // undici's, which adds fetch-only headers such as sec-fetch-mode and accept-language.
      expect(modelRequests[0]?.headers['sec-fetch-mode']).toBeUndefined();
      expect(modelRequests[0]?.headers.authorization).toBe('Bearer sk-standin');
    } finally {
      await server.stop();
      await standIn.close();
    }
  });
});

describe('redis-server killed mid-conversation', () => {
  it('answers every turn, says what was not saved, reports the store down, and loses nothing once Redis is back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sa-redis-'));
    const redis = await startRedis({ dir });
    const server = await startNextServer({
      env: { UPSTASH_REDIS_REST_URL: redis.bridgeUrl, UPSTASH_REDIS_REST_TOKEN: redis.token, STORE_KEY_PREFIX: 'kill:', OFFLINE_WORD_DELAY_MS: '0' },
    });
    try {
      const { authorization } = await startSession(server.url);
      const id = newConversationId();
      const say = async (text: string, messageId: string) => readUIChunks(await chat(server, authorization, { id, message: userMessage(text, messageId) }));
      const stored = async () => {
        const response = await fetch(`${server.url}/api/v1/chat/${id}`, { headers: { authorization } });
        return { status: response.status, body: await response.json() };
      };

      await say("Hi, I'm Maria Lopez from Acme Logistics, a team of 25.", 'k1');
      await say('How much is the Pro plan?', 'k2');
      const before = await stored();
      expect(before.body.messages.map((m: { id: string }) => m.id).filter((m: string) => /^k\d$/.test(m))).toEqual(['k1', 'k2']);

      await redis.killRedis();
      const health = await fetch(`${server.url}/api/v1/health`);
      expect(health.status).toBe(503);
      expect((await health.json()).store).toMatchObject({ provider: 'upstash', ok: false });

      for (const [text, messageId] of [['What did I say my team size was?', 'k3'], ['We need it next quarter.', 'k4']] as const) {
        const chunks = await say(text, messageId);
        expect(textOf(chunks).trim().length).toBeGreaterThan(10);
        expect(notices(chunks)).toEqual(['history_unavailable', 'not_saved']);
        expect(chunks.at(-1)?.type).toBe('finish');
      }
      expect((await stored()).status).toBe(503);

      await redis.restartRedis();
      expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
      const after = await say('Can we book a demo?', 'k5');
      expect(notices(after)).toEqual([]);
      const final = await stored();
      expect(final.status).toBe(200);
      // Everything stored before the outage is still there, in order, followed by the turns said during it (this
      // instance remembered them) and the new turn; and the agent went on knowing what was said during the outage.
      expect(final.body.messages.slice(0, before.body.messages.length)).toEqual(before.body.messages);
      expect(final.body.messages.map((m: { id: string }) => m.id).filter((m: string) => /^k\d$/.test(m))).toEqual(['k1', 'k2', 'k3', 'k4', 'k5']);
      expect(final.body.messages.map((m: { role: string }) => m.role)).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 'user' : 'assistant')));
    } finally {
      await server.stop();
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
