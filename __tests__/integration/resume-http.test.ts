/** @jest-environment node */
// Replies that survive dropped connections (docs/streaming.md), over real HTTP against two `next start` instances on
// one real Redis (through the Upstash bridge), with the OpenAI stand-in streaming a scripted reply.
import { startNextServer } from '../../scripts/lib/next-server.mjs';
import { startOpenAIStandIn } from '../../scripts/standins/openai-server.mjs';
import { startRedis } from '../support/redis';
import { readUIChunks, readUIEvents, textOf, type UIChunk } from '../support/sse';
import { newConversationId, startSession } from '../support/visitor';

jest.setTimeout(120_000);

type Next = Awaited<ReturnType<typeof startNextServer>>;
const REPLY = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ') + '.';
const userMessage = (text: string, id = `m-${Math.random().toString(36).slice(2)}`) => ({ id, role: 'user', parts: [{ type: 'text', text }] });
const deltas = (chunks: UIChunk[]) => textOf(chunks);

let redis: Awaited<ReturnType<typeof startRedis>>;
let standIn: Awaited<ReturnType<typeof startOpenAIStandIn>>;
let first: Next;
let second: Next;
let env: Record<string, string>;

beforeAll(async () => {
  redis = await startRedis();
  standIn = await startOpenAIStandIn({ ttftMs: 50, tokenIntervalMs: 20, replyText: REPLY });
  env = {
    UPSTASH_REDIS_REST_URL: redis.bridgeUrl,
    UPSTASH_REDIS_REST_TOKEN: redis.token,
    OPENAI_API_KEY: 'sk-standin',
    OPENAI_BASE_URL: standIn.url,
    OPENAI_API_MODE: 'chat',
    OPENAI_MODEL: 'gpt-standin',
    STORE_KEY_PREFIX: 'rs:',
    SESSION_SECRET: 'resume-test-session-secret-0123456789',
    RATE_LIMIT_CHAT: '10000/1m',
    RATE_LIMIT_SESSION: '10000/1m',
  };
  [first, second] = await Promise.all([startNextServer({ env }), startNextServer({ env })]);
});

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await standIn?.close();
  await redis?.stop();
});

const chat = (server: Next, authorization: string, body: unknown) =>
  fetch(`${server.url}/api/v1/chat`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });
const resume = (server: Next, authorization: string, id: string, lastEventId?: number) =>
  fetch(`${server.url}/api/v1/chat/${id}/stream`, { headers: { authorization, ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }) } });

describe('resumable replies', () => {
  it('numbers every event, and a second instance resumes after the last id seen with nothing lost or doubled', async () => {
    const { authorization } = await startSession(first.url);
    const id = newConversationId();
    const before = await readUIEvents(await chat(first, authorization, { id, message: userMessage('Tell me everything') }), { limit: 12 });
    expect(before.map((event) => event.id)).toEqual(before.map((_, i) => i + 1));
    const lastId = before.at(-1)!.id!;

    const started = Date.now();
    let firstReplayAt = 0;
    const after = await readUIEvents(await resume(second, authorization, id, lastId), { onEvent: () => (firstReplayAt ||= Date.now()) });
    expect(after[0]?.id).toBe(lastId + 1);
    expect(firstReplayAt - started).toBeLessThan(1_000);
    const all = [...before, ...after].map((event) => event.chunk);
    expect(deltas(all)).toBe(REPLY);
    expect(all.at(-1)?.type).toBe('finish');
    // Ids are consecutive across the two connections.
    expect([...before, ...after].map((event) => event.id)).toEqual([...before, ...after].map((_, i) => i + 1));
  });

  it('resumes on the same instance from the live reply, without waiting for a buffer flush', async () => {
    const { authorization } = await startSession(first.url);
    const id = newConversationId();
    const before = await readUIEvents(await chat(first, authorization, { id, message: userMessage('Tell me more') }), { limit: 9 });
    const started = Date.now();
    let firstAt = 0;
    const after = await readUIEvents(await resume(first, authorization, id, before.at(-1)!.id), { onEvent: () => (firstAt ||= Date.now()) });
    expect(firstAt - started).toBeLessThan(150);
    expect(deltas([...before, ...after].map((event) => event.chunk))).toBe(REPLY);
    expect(after[0]?.id).toBe(before.at(-1)!.id! + 1);
  });

  it('answers 204 when nothing is in flight, replays a reply in flight from its start after a reload, and 404s for others', async () => {
    const { authorization } = await startSession(first.url);
    const id = newConversationId();
    expect((await resume(first, authorization, id)).status).toBe(404);
    const live = chat(first, authorization, { id, message: userMessage('Hello') });
    const response = await live;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const replay = await resume(second, authorization, id);
    expect(replay.status).toBe(200);
    const replayed = await readUIChunks(replay);
    const original = await readUIChunks(response);
    expect(deltas(replayed)).toBe(deltas(original));
    // Finished: a reload (no Last-Event-ID) has nothing to resume; the history has the reply.
    expect((await resume(first, authorization, id)).status).toBe(204);
    const stranger = await startSession(first.url);
    expect((await resume(first, stranger.authorization, id)).status).toBe(404);
  });

  it('serves the reply in flight on its own instance while the store is unreachable, to its visitor only', async () => {
    const { authorization } = await startSession(first.url);
    const stranger = await startSession(first.url);
    const id = newConversationId();
    const before = await readUIEvents(await chat(first, authorization, { id, message: userMessage('Tell me everything, Redis') }), { limit: 10 });
    await redis.stopBridge();
    try {
      // The connection dropped during an outage: the rest of the reply, not a 503 that leaves it cut short.
      const response = await resume(first, authorization, id, before.at(-1)!.id);
      expect(response.status).toBe(200);
      const after = await readUIEvents(response);
      expect(after[0]?.id).toBe(before.at(-1)!.id! + 1);
      expect(deltas([...before, ...after].map((event) => event.chunk))).toBe(REPLY);
      // Nobody else gets it: the store cannot say whose the conversation is, so the answer is its typed error.
      const refused = await resume(first, stranger.authorization, id, 1);
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('upstream_unavailable:store');
    } finally {
      await redis.restartBridge();
    }
  });

  it('answers the same message sent twice at once with one turn, and a third time with 409 duplicate', async () => {
    const { authorization } = await startSession(first.url);
    const id = newConversationId();
    const message = userMessage('Only once, please', 'idem-1');
    const [a, b] = await Promise.all([chat(first, authorization, { id, message }), chat(second, authorization, { id, message })]);
    const [ca, cb] = await Promise.all([readUIChunks(a), readUIChunks(b)]);
    expect(deltas(ca)).toBe(REPLY);
    expect(deltas(cb)).toBe(REPLY);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const history = await (await fetch(`${first.url}/api/v1/chat/${id}`, { headers: { authorization } })).json();
    expect(history.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
    const again = await chat(first, authorization, { id, message });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'conflict:chat', details: { reason: 'duplicate' } } });
  });

  it('stops the upstream request within 200 ms of Stop, and stores the reply as stopped; a disconnect does not stop it', async () => {
    const { authorization } = await startSession(first.url);
    const id = newConversationId();
    const disconnected = await readUIEvents(await chat(first, authorization, { id, message: userMessage('First question') }), { limit: 5 });
    expect(disconnected.length).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const upstreamOfFirst = standIn.requests.filter((r: { path: string }) => r.path === '/v1/chat/completions').at(-1)!;
    expect(upstreamOfFirst.abortedAt).toBeUndefined();

    const response = await chat(first, authorization, { id, message: userMessage('Second question', 'to-stop') });
    await readUIEvents(response, { limit: 8 });
    const upstream = standIn.requests.filter((r: { path: string }) => r.path === '/v1/chat/completions').at(-1)!;
    const stoppedAt = Date.now();
    const stop = await fetch(`${first.url}/api/v1/chat/${id}/stop`, { method: 'POST', headers: { authorization } });
    expect(stop.status).toBe(204);
    for (let i = 0; i < 40 && upstream.abortedAt === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(upstream.abortedAt).toBeDefined();
    expect(upstream.abortedAt! - stoppedAt).toBeLessThan(200);

    await new Promise((resolve) => setTimeout(resolve, 300));
    const history = await (await fetch(`${first.url}/api/v1/chat/${id}`, { headers: { authorization } })).json();
    const replies = history.messages.filter((m: { role: string }) => m.role === 'assistant');
    expect(replies[0].metadata.status).toBeUndefined();
    expect(replies[1].metadata.status).toBe('stopped');
  });
});

describe('a later message started before the store answers (the speculative start from what an instance stored)', () => {
  type Call = { path: string; body: unknown; abortedAt?: number };
  const modelCalls = (): Call[] => standIn.requests.filter((request: Call) => request.path === '/v1/chat/completions');
  const text = (call: Call | undefined) => JSON.stringify(call?.body ?? null);

  it('keeps the start on the instance that answered the last turn (its state as Redis gives it back), and drops it when another answered since', async () => {
    const { authorization } = await startSession(first.url);
    const id = newConversationId();
    const before = modelCalls().length;
    await readUIEvents(await chat(first, authorization, { id, message: userMessage('We are a team of 25 people', 'l1'), first: true }));
    await new Promise((resolve) => setTimeout(resolve, 150)); // stored after its last byte
    // Same instance: one model request, kept, carrying the first turn.
    await readUIEvents(await chat(first, authorization, { id, message: userMessage('Which plan fits us?', 'l2') }));
    let calls = modelCalls().slice(before);
    expect(calls).toHaveLength(2);
    expect(calls.filter((call) => call.abortedAt !== undefined)).toHaveLength(0);
    expect(text(calls[1])).toContain('team of 25 people');

    // The next message goes to the second instance, the one after it back to the first: the first's memory misses a
    // turn, so its early start (without that turn) is aborted and the reply starts over from Redis.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await readUIEvents(await chat(second, authorization, { id, message: userMessage('We need it by next quarter', 'l3') }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const events = await readUIEvents(await chat(first, authorization, { id, message: userMessage('What would it cost?', 'l4') }));
    expect(deltas(events.map((event) => event.chunk))).toBe(REPLY);
    calls = modelCalls().slice(before);
    expect(calls).toHaveLength(5);
    const [dropped, kept] = calls.slice(3);
    expect(dropped?.abortedAt).toBeDefined();
    expect(text(dropped)).toContain('What would it cost?');
    expect(text(dropped)).not.toContain('next quarter');
    expect(kept?.abortedAt).toBeUndefined();
    expect(text(kept)).toContain('next quarter');
    expect(text(kept)).toContain('team of 25 people');
  });
});

describe('one turn at a time', () => {
  it('stores ten pairs of simultaneous messages in order, each reply seeing the turn before it, with no lead fact lost', async () => {
    const offline = await startNextServer({ env: { ...env, OPENAI_API_KEY: '', OFFLINE_WORD_DELAY_MS: '2', STORE_KEY_PREFIX: 'rs1:' } });
    try {
      const { authorization } = await startSession(offline.url);
      const id = newConversationId();
      const pairs: Array<[string, string]> = [
        ["Hi, I'm Maria Lopez.", 'I work at Acme Logistics.'],
        ['We are a team of 25 people.', 'My email is maria@acme-logistics.com.'],
        ['We need it next quarter.', 'How much is the Pro plan?'],
        ['Do you integrate with Jira?', 'What about SSO?'],
        ['Is there a free trial?', 'Can I pay annually?'],
        ['What does Business add?', 'Do you have an API?'],
        ['How secure is it?', 'Where is data stored?'],
        ['Can we cancel anytime?', 'Is onboarding included?'],
        ['Who are your customers?', 'Any case studies?'],
        ['Thanks!', 'Talk soon.'],
      ];
      const sent: string[] = [];
      for (const [a, b] of pairs) {
        const answers = await Promise.all([a, b].map((text) => chat(offline, authorization, { id, message: userMessage(text) })));
        expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
        await Promise.all(answers.map((answer) => readUIChunks(answer)));
        sent.push(a, b);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      const history = await (await fetch(`${offline.url}/api/v1/chat/${id}`, { headers: { authorization } })).json();
      const roles = history.messages.map((m: { role: string }) => m.role);
      expect(roles).toEqual(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 'user' : 'assistant')));
      const userTexts = history.messages.filter((m: { role: string }) => m.role === 'user').map((m: { parts: Array<{ text: string }> }) => m.parts[0]!.text);
      expect([...userTexts].sort()).toEqual([...sent].sort());
      // Each pair's two messages are stored next to each other (one turn at a time, neither lost).
      for (let i = 0; i < pairs.length; i++) expect(new Set(userTexts.slice(i * 2, i * 2 + 2))).toEqual(new Set(pairs[i]));

      const { createClient } = await import('redis');
      const client = createClient({ url: redis.redisUrl });
      await client.connect();
      try {
        const state = JSON.parse((await client.get(`rs1:conv:${id}:state`)) ?? '{}');
        const lead = JSON.stringify(state.lead);
        for (const fact of ['Maria', 'Acme', '25', 'maria@acme-logistics.com']) expect(lead).toContain(fact);
      } finally {
        await client.quit();
      }
    } finally {
      await offline.stop();
    }
  });
});

describe('a server restart mid-reply', () => {
  it('tells the resuming client the reply was interrupted, and one retry on another instance gives one complete reply', async () => {
    const doomed = await startNextServer({ env });
    const { authorization } = await startSession(doomed.url);
    const id = newConversationId();
    const message = userMessage('A long answer, please', 'restart-1');
    const before = await readUIEvents(await chat(doomed, authorization, { id, message }), { limit: 6 });
    process.kill(doomed.pid!, 'SIGKILL');
    await doomed.stop();

    const resumed = await readUIChunks(await resume(second, authorization, id, before.at(-1)!.id));
    expect(resumed.find((chunk) => chunk.type === 'data-notice')).toMatchObject({ data: { code: 'reply_interrupted' } });
    expect(resumed.at(-1)?.type).toBe('error');

    const retryResponse = await chat(second, authorization, { id, message });
    expect(retryResponse.status).toBe(200);
    const retry = await readUIChunks(retryResponse);
    expect(deltas(retry)).toBe(REPLY);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const history = await (await fetch(`${second.url}/api/v1/chat/${id}`, { headers: { authorization } })).json();
    expect(history.messages.map((m: { role: string; id: string }) => `${m.role}`)).toEqual(['user', 'assistant']);
  });
});
