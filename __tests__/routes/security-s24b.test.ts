/** @jest-environment node */
// The holes the attacker round of session 24 found outside its territory: the admin's erasure racing a reply in
// flight, an AppError from another copy of lib/errors in the identity merge, a stored conversation with no owner
// taken over by the next visitor, look-alike API key names, and reads with no limit (history, resume, stop, erasure)
// nor a cap on open resume streams. Route handlers are called directly on the in-memory store, offline agent.
import { encode } from 'next-auth/jwt';
import { AppError } from '@/lib/errors';
import { drainEvents, heldEventCounts, publishEvent } from '@/lib/events/bus';
import type { AppEvent } from '@/lib/events/schema';
import { recordIdentity } from '@/lib/embed/identity';
import { subscribeIdentityLeads } from '@/lib/embed/identity-lead';
import { getConversationStore, getReplyStore, type ReplyStore } from '@/lib/store';
import { createMemoryKv } from '@/lib/store/kv';
import { createMemoryStore } from '@/lib/store/memory';
import { getActiveReplies } from '@/lib/stream/active';
import { readUIChunks, textOf } from '../support/sse';
import { newConversationId, TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

// A few ms per word: a reply takes a few hundred ms, long enough to act on it while it is written.
process.env.OFFLINE_WORD_DELAY_MS = '3';
process.env.SESSION_SECRET = TEST_SESSION_SECRET;
process.env.RATE_LIMIT_CHAT = '50/1m';
// Small on purpose, so the limit can be reached here; every test below uses an address and visitors of its own.
process.env.RATE_LIMIT_READ = '8/1m';
process.env.RESUME_STREAMS_PER_VISITOR = '2';
process.env.CHAT_TURN_WAIT_MS = '1500';
process.env.AUTH_SECRET = 'security-s24b-secret-security-s24b-0123';
for (const name of ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_URL', 'KV_REST_API_TOKEN', 'OPENAI_API_KEY', 'ADMIN_EMAIL', 'ADMIN_PASSWORD_HASH', 'ADMIN_VIEWERS']) {
  delete process.env[name];
}

jest.setTimeout(30_000);

type Context = { params: Promise<{ id: string }> };
const at = (id: string): Context => ({ params: Promise.resolve({ id }) });
const ORIGIN = 'http://localhost';

let chat: typeof import('@/app/api/v1/chat/route');
let history: typeof import('@/app/api/v1/chat/[id]/route');
let stream: typeof import('@/app/api/v1/chat/[id]/stream/route');
let stop: typeof import('@/app/api/v1/chat/[id]/stop/route');
let adminConversation: typeof import('@/app/api/v1/admin/conversations/[id]/route');
let adminConversations: typeof import('@/app/api/v1/admin/conversations/route');
let adminLead: typeof import('@/app/api/v1/admin/leads/[id]/route');
let keys: typeof import('@/app/api/v1/admin/keys/route');
let webhooks: typeof import('@/app/api/v1/admin/webhooks/route');

beforeAll(async () => {
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  chat = await import('@/app/api/v1/chat/route');
  history = await import('@/app/api/v1/chat/[id]/route');
  stream = await import('@/app/api/v1/chat/[id]/stream/route');
  stop = await import('@/app/api/v1/chat/[id]/stop/route');
  adminConversation = await import('@/app/api/v1/admin/conversations/[id]/route');
  adminConversations = await import('@/app/api/v1/admin/conversations/route');
  adminLead = await import('@/app/api/v1/admin/leads/[id]/route');
  keys = await import('@/app/api/v1/admin/keys/route');
  webhooks = await import('@/app/api/v1/admin/webhooks/route');
});

let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

/** Each test's requests come from an address of its own: the per-address limits are not shared between tests. */
let address = 10;
let ip = '';
beforeEach(() => {
  address += 1;
  ip = `203.0.113.${address}`;
});

type Visitor = { authorization: string; visitorId: string };
const userMessage = (text: string) => ({ id: `m-${Math.random().toString(36).slice(2)}`, role: 'user', parts: [{ type: 'text', text }] });
const visitorInit = (as: Visitor, init: RequestInit = {}) => ({
  ...init,
  headers: { authorization: as.authorization, 'x-forwarded-for': ip, ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers as Record<string, string> | undefined) },
});

const post = (as: Visitor, id: string, text: string) =>
  chat.POST(new Request(`${ORIGIN}/api/v1/chat`, visitorInit(as, { method: 'POST', body: JSON.stringify({ id, message: userMessage(text) }) })));
const getHistory = (id: string, as: Visitor) => history.GET(new Request(`${ORIGIN}/api/v1/chat/${id}`, visitorInit(as)), at(id));
const eraseAsVisitor = (id: string, as: Visitor) => history.DELETE(new Request(`${ORIGIN}/api/v1/chat/${id}`, visitorInit(as, { method: 'DELETE' })), at(id));
const resume = (id: string, as: Visitor, signal?: AbortSignal) =>
  stream.GET(new Request(`${ORIGIN}/api/v1/chat/${id}/stream`, { ...visitorInit(as), ...(signal ? { signal } : {}) }), at(id));
const stopReply = (id: string, as: Visitor) => stop.POST(new Request(`${ORIGIN}/api/v1/chat/${id}/stop`, visitorInit(as, { method: 'POST', body: '{}' })), at(id));

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string; details?: Record<string, unknown> } }).error;

async function adminCookie(): Promise<string> {
  const name = 'authjs.session-token';
  const token = await encode({
    token: { email: 'admin@northwind.example', role: 'admin', authAt: Math.floor(Date.now() / 1000) },
    secret: process.env.AUTH_SECRET as string,
    salt: name,
  });
  return `${name}=${token}`;
}
const adminRequest = async (path: string, init: { method?: string; body?: unknown } = {}) =>
  new Request(`${ORIGIN}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      cookie: await adminCookie(),
      origin: ORIGIN,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
const adminErase = async (id: string) => adminConversation.DELETE(await adminRequest(`/api/v1/admin/conversations/${id}`, { method: 'DELETE' }), at(id));

/** Until no turn of this conversation runs on this instance any more (its write, if any, is done). */
async function turnSettled(id: string): Promise<void> {
  for (let i = 0; i < 200 && getActiveReplies().has(id); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(getActiveReplies().has(id)).toBe(false);
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe("the admin's erasure while a reply is being written", () => {
  it('stops the reply and waits for its turn: nothing comes back — no transcript, no lead, no admin row — and the id is free', async () => {
    const owner = await visitorHeaders();
    const id = newConversationId();
    const reply = await post(owner, id, "I'm Ana from Acme, my email is ana@acme.com. What do your plans cost?");
    expect(reply.status).toBe(200);

    // The reply is still being written (its stream has not been read): the erasure stops it and waits for its turn.
    const erased = await adminErase(id);
    expect(erased.status).toBe(204);
    expect((await readUIChunks(reply)).at(-1)?.type).toBe('abort');
    await turnSettled(id);
    await drainEvents();

    // Before the fix the turn was stored after the erasure, with no owner: the lead's e-mail back in the store.
    expect(await getConversationStore().getConversation({ id })).toBeNull();
    expect((await adminConversation.GET(await adminRequest(`/api/v1/admin/conversations/${id}`), at(id))).status).toBe(404);
    expect((await adminLead.GET(await adminRequest(`/api/v1/admin/leads/${id}`), at(id))).status).toBe(404);
    // The admin's search is rebuilt from the store: it finds nothing of the erased lead (events build no rows).
    const list = await adminConversations.GET(await adminRequest('/api/v1/admin/conversations?q=ana%40acme.com'));
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: Array<{ id: string }> }).items.map((row) => row.id)).not.toContain(id);

    // A stranger sending under the id starts from nothing.
    const stranger = await visitorHeaders();
    const probe = await post(stranger, id, 'What is my email address?');
    expect(probe.status).toBe(200);
    expect(textOf(await readUIChunks(probe))).not.toContain('ana@acme.com');
    const theirs = await getHistory(id, stranger);
    expect(theirs.status).toBe(200);
    const body = (await theirs.json()) as { messages: Array<{ role: string }> };
    expect(JSON.stringify(body.messages)).not.toContain('ana@acme.com');
    expect(body.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
  });

  it('asks a reply produced on another instance to stop and erases nothing (409 conflict:admin, Retry-After) while that instance holds the turn', async () => {
    const owner = await visitorHeaders();
    const id = newConversationId();
    const first = await post(owner, id, 'Hi');
    await readUIChunks(first);
    const replies = getReplyStore();
    const holder = `remote-turn|${Date.now()}`;
    expect((await replies.tryLock({ id, value: holder, ttlMs: 60_000 })).acquired).toBe(true);
    // Written just now and again while the erasure waits: the holder is alive (not taken over as dead).
    const keepAlive = setInterval(() => void replies.push({ id, turnId: 'remote-turn', batch: JSON.stringify({ at: Date.now(), events: [] }) }), 200);
    await replies.begin({ id, turnId: 'remote-turn', batch: JSON.stringify({ at: Date.now(), events: [] }), ttlSeconds: 60 });
    try {
      const busy = await adminErase(id);
      expect(busy.status).toBe(409);
      expect(busy.headers.get('retry-after')).toBe('2');
      expect((await errorOf(busy)).code).toBe('conflict:admin');
      const batches = await replies.read({ id, turnId: 'remote-turn', from: 0 });
      expect(batches.some((batch) => (JSON.parse(String(batch)) as { control?: string }).control === 'stop')).toBe(true);
      expect((await getConversationStore().getConversation({ id }))?.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    } finally {
      clearInterval(keepAlive);
      await replies.unlock({ id, value: holder });
    }
    expect((await adminErase(id)).status).toBe(204);
    expect(await getConversationStore().getConversation({ id })).toBeNull();
  });
});

describe('an AppError thrown by another copy of lib/errors (another Next.js bundle)', () => {
  it('is recognised by the identity merge: logged and skipped, not rethrown as a bug', async () => {
    let Foreign!: typeof AppError;
    jest.isolateModules(() => {
      Foreign = (jest.requireActual('@/lib/errors') as typeof import('@/lib/errors')).AppError;
    });
    const foreign = new Foreign('conflict:identify', 'A reply in this conversation is still being written.');
    expect(foreign instanceof AppError).toBe(false);

    const kv = createMemoryKv({ prefix: 'idl:' });
    const visitorId = 'v-identity-0001';
    const conversationId = newConversationId();
    await recordIdentity({ kv, visitorId, identity: { email: 'ana@acme.com', verifiedAt: Date.now() }, ttlSeconds: 600 });
    const failing: ReplyStore = { ...getReplyStore(), tryLock: async () => Promise.reject(foreign) };
    const store = createMemoryStore({ prefix: 'idl:', conversationTtlSeconds: 600, maxMessages: 50 });
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      subscribeIdentityLeads(() => ({ store, replies: failing, kv, ttlSeconds: 600, waitMs: 0 }));
      const started: AppEvent = { type: 'conversation.started', at: Date.now(), conversationId, visitorId, source: { page: '/embed' } } as AppEvent;
      publishEvent(started);
      await drainEvents();
      // Before the fix the foreign error was rethrown: the bus logged it as a subscriber's failure instead.
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(`[identify] conversation ${conversationId}: the lead was not merged`));
      expect(errors.mock.calls.flat().join(' ')).not.toContain('identity-leads');
      expect(heldEventCounts().bySubscriber['identity-leads']).toBeUndefined();
    } finally {
      errors.mockRestore();
    }
  });
});

describe('a stored conversation with no owner', () => {
  it('is not taken by the next visitor posting under its id: refused like another visitor’s, and kept as it was', async () => {
    const id = newConversationId();
    // Written without a claim (before ownership existed, or by a write that raced an erasure).
    await getConversationStore().appendMessages({
      id,
      messages: [
        { id: 'u-old', role: 'user', parts: [{ type: 'text', text: 'My email is old@acme.com' }] },
        { id: 'a-old', role: 'assistant', parts: [{ type: 'text', text: 'Thanks, noted.' }] },
      ],
    });
    const stranger = await visitorHeaders();
    const refused = await post(stranger, id, 'What is my email address?');
    expect(refused.status).toBe(404);
    expect((await errorOf(refused)).code).toBe('not_found:chat');
    expect((await getHistory(id, stranger)).status).toBe(404);
    expect((await eraseAsVisitor(id, stranger)).status).toBe(404);

    const kept = await getConversationStore().getConversation({ id });
    expect(kept?.meta.owner).toBeUndefined();
    expect(kept?.messages.map((message) => message.id)).toEqual(['u-old', 'a-old']);
    // The store answers the same to a turn's load: not claimed, nothing of it handed over.
    const load = await getConversationStore().loadTurn({ id, visitorId: stranger.visitorId, day: new Date().toISOString().slice(0, 10) });
    expect(load).toMatchObject({ owner: '', claimed: false, conversation: null });
  });

  it('still lets a fresh id be claimed by its first visitor', async () => {
    const store = createMemoryStore({ prefix: 'own:', conversationTtlSeconds: 600, maxMessages: 50 });
    const load = await store.loadTurn({ id: 'fresh-conv-1', visitorId: 'v-1', day: '2026-12-03' });
    expect(load).toMatchObject({ owner: 'v-1', claimed: true, conversation: null });
    expect((await store.loadTurn({ id: 'fresh-conv-1', visitorId: 'v-2', day: '2026-12-03' })).owner).toBe('v-1');
  });
});

describe('names that look like other names', () => {
  const LOOK_ALIKES = ['deploy\u202Eyek-dlo', 'ci\u2066key\u2069', 'line\nbreak', 'tab\tkey', 'nul\u0000key', 'mark\u200Fkey'];

  it('refuses an API key name with control characters or direction overrides (typed 400), and creates a plain one', async () => {
    for (const name of LOOK_ALIKES) {
      const response = await keys.POST(await adminRequest('/api/v1/admin/keys', { method: 'POST', body: { name, scopes: ['export'] } }));
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('bad_request:admin');
      expect(error.message).toContain('name');
      expect(error.message).toContain('direction overrides');
    }
    const listed = (await (await keys.GET(await adminRequest('/api/v1/admin/keys'))).json()) as { keys: Array<{ name: string }> };
    expect(listed.keys.map((key) => key.name).filter((name) => LOOK_ALIKES.includes(name))).toEqual([]);

    const plain = await keys.POST(await adminRequest('/api/v1/admin/keys', { method: 'POST', body: { name: 'CRM sync – nightly (Zürich)', scopes: ['export'] } }));
    expect(plain.status).toBe(201);
    expect(((await plain.json()) as { key: { name: string } }).key.name).toBe('CRM sync – nightly (Zürich)');
  });

  it('refuses a webhook description with a direction override or a line break (typed 400)', async () => {
    for (const description of ['Sales \u202Eyrev\u202C', 'two\nlines']) {
      const response = await webhooks.POST(
        await adminRequest('/api/v1/admin/webhooks', { method: 'POST', body: { url: 'https://hooks.example.com/in', events: ['lead.captured'], description } }),
      );
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('bad_request:admin');
      expect(error.message).toContain('description');
    }
  });
});

describe('reads of a conversation are limited per visitor and per address', () => {
  it('answers history, resume, stop and erasure past RATE_LIMIT_READ with a typed 429 and Retry-After, for the visitor and the address', async () => {
    const owner = await visitorHeaders();
    const id = newConversationId();
    await readUIChunks(await post(owner, id, 'Hi'));
    // 8 a minute here (600 by default): history, resume (204: nothing in flight), stop and history again.
    const calls = [() => getHistory(id, owner), () => resume(id, owner), () => stopReply(id, owner)];
    for (let i = 0; i < 8; i++) {
      const response = await calls[i % calls.length]!();
      expect([200, 204]).toContain(response.status);
      await response.body?.cancel();
    }
    for (const call of [...calls, () => eraseAsVisitor(id, owner)]) {
      const refused = await call();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const error = await errorOf(refused);
      expect(error.code).toBe('rate_limited:history');
      expect(error.details).toMatchObject({ limit: '8/1m' });
    }
    // The erasure was refused: the conversation is still there.
    expect(await getConversationStore().getConversation({ id })).not.toBeNull();

    // Another visitor from the same address is over the address's window too…
    const neighbour = await visitorHeaders();
    expect((await getHistory(id, neighbour)).status).toBe(429);
    // …while the owner from another address is still over their own window.
    ip = '198.18.0.99';
    expect((await getHistory(id, owner)).status).toBe(429);
    // A fresh visitor from a fresh address reads as usual (404: not theirs).
    ip = '198.18.0.100';
    expect((await getHistory(id, await visitorHeaders())).status).toBe(404);
  });

  it('caps the resume streams one visitor holds open (each polls the store): one more is a 429 until one closes', async () => {
    const owner = await visitorHeaders();
    const id = newConversationId();
    await readUIChunks(await post(owner, id, 'Hi'));
    // Another instance is writing a reply: a resume follows its buffer (polling the store) until it ends.
    const replies = getReplyStore();
    await replies.begin({ id, turnId: 'remote-turn-2', batch: JSON.stringify({ at: Date.now(), events: [] }), ttlSeconds: 60 });
    const open: Response[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const response = await resume(id, owner);
        expect(response.status).toBe(200);
        open.push(response);
      }
      const third = await resume(id, owner);
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toBe('5');
      expect((await errorOf(third)).code).toBe('rate_limited:history');

      // The client goes away from one of them: its slot is free again.
      await open.shift()!.body!.cancel();
      const again = await resume(id, owner);
      expect(again.status).toBe(200);
      open.push(again);
    } finally {
      await Promise.all(open.map((response) => response.body?.cancel()));
    }
  });
});
