/** @jest-environment node */
// A store that is alive but answers nothing (redis-server frozen with SIGSTOP behind the Upstash bridge), in the
// production server (`next start`): the prospect still gets the whole reply, the stream ends with the typed notices
// that say the history was not read and the turn was not saved, and the turn is not held open by retries of requests
// that already waited their deadline. Once Redis answers again, the turn said meanwhile is stored: with the next turn,
// or on its own when the prospect says nothing more (lib/chat/unsaved.ts).
import { startNextServer } from '../../scripts/lib/next-server.mjs';
import { startRedis, type RedisHarness } from '../support/redis';
import { readUIChunks, textOf, type UIChunk } from '../support/sse';
import { newConversationId, startSession } from '../support/visitor';

jest.setTimeout(120_000);

type Next = Awaited<ReturnType<typeof startNextServer>>;
const notices = (chunks: UIChunk[]) => chunks.flatMap((chunk) => (chunk.type === 'data-notice' ? [(chunk as unknown as { data: { code: string } }).data.code] : []));

let redis: RedisHarness;
let server: Next;
let authorization: string;

beforeAll(async () => {
  redis = await startRedis();
  server = await startNextServer({
    env: {
      UPSTASH_REDIS_REST_URL: redis.bridgeUrl,
      UPSTASH_REDIS_REST_TOKEN: redis.token,
      STORE_KEY_PREFIX: 'hung:',
      OFFLINE_WORD_DELAY_MS: '0',
      EVENTS_OUTBOX_DIR: 'off',
    },
  });
  authorization = (await startSession(server.url)).authorization;
});
afterAll(async () => {
  redis?.resumeRedis();
  await server?.stop();
  await redis?.stop();
});

async function say(id: string, text: string) {
  const started = Date.now();
  const response = await fetch(`${server.url}/api/v1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ id, message: { id: `m-${Math.random().toString(36).slice(2)}`, role: 'user', parts: [{ type: 'text', text }] } }),
  });
  expect(response.status).toBe(200);
  const chunks = await readUIChunks(response);
  return { chunks, ms: Date.now() - started };
}

test('a frozen Redis: the whole reply, then the notices, and no retries of writes that already timed out', async () => {
  const id = newConversationId();
  const first = await say(id, 'Hi, how much is the Business plan for 40 people?');
  expect(textOf(first.chunks)).toMatch(/\$/);

  redis.pauseRedis();
  try {
    const hung = await say(id, 'And does it include SSO?');
    expect(textOf(hung.chunks)).toMatch(/single sign-on/i);
    expect(notices(hung.chunks)).toEqual(expect.arrayContaining(['history_unavailable', 'not_saved']));
    expect(hung.chunks.at(-1)?.type).toBe('finish');
    // The store's deadline is 2.5 s: the read, then one write attempt (its check of the owner): about 5.5 s here.
    // Three write attempts, as before, took 15 s (the stream also waited for the resume buffer's end marker).
    console.log(`[store-hung] a turn against a frozen Redis ended after ${hung.ms} ms`);
    expect(hung.ms).toBeLessThan(10_000);
  } finally {
    redis.resumeRedis();
  }

  const after = await say(id, 'Thanks. What about 60 people?');
  // The frozen turn's lock request ran when Redis came back; the turn let go of it, so this one did not wait the 6 s
  // that an abandoned lock takes to look abandoned.
  console.log(`[store-hung] the next turn, once Redis answered again, took ${after.ms} ms`);
  expect(notices(after.chunks)).toEqual([]);
  const history = await fetch(`${server.url}/api/v1/chat/${id}`, { headers: { authorization } });
  expect(history.status).toBe(200);
  const body = (await history.json()) as { messages: { role: string; parts: { type: string; text?: string }[] }[] };
  const said = body.messages.filter((message) => message.role === 'user').map((message) => message.parts.map((part) => part.text ?? '').join(''));
  // The turn answered while Redis was frozen is written with the next one, in its place.
  expect(said).toEqual(['Hi, how much is the Business plan for 40 people?', 'And does it include SSO?', 'Thanks. What about 60 people?']);
  expect(body.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
});

test('a turn answered while Redis was frozen is stored once it answers, though the prospect says nothing more', async () => {
  const id = newConversationId();
  await say(id, "I'm Dana from Brightwave, we're 30 people.");
  redis.pauseRedis();
  try {
    const hung = await say(id, 'Our budget is about $1,000 a month.');
    expect(notices(hung.chunks)).toEqual(expect.arrayContaining(['not_saved']));
    const health = (await (await fetch(`${server.url}/api/v1/health`)).json()) as { outbox: { unsavedConversations: number } };
    expect(health.outbox.unsavedConversations).toBeGreaterThanOrEqual(1);
  } finally {
    redis.resumeRedis();
  }
  const read = async () => {
    const response = await fetch(`${server.url}/api/v1/chat/${id}`, { headers: { authorization } });
    return ((await response.json()) as { messages: { role: string; parts: { text?: string }[] }[] }).messages;
  };
  let messages = await read();
  for (let waited = 0; waited < 20_000 && messages.length < 4; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    messages = await read();
  }
  expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  expect(messages[2]?.parts.map((part) => part.text ?? '').join('')).toBe('Our budget is about $1,000 a month.');
  // The outbox drains too. Not necessarily at the moment the messages show: the frozen turn's own write, timed out
  // at the store's deadline, may still reach Redis when it answers again; the writer's next try then finds nothing
  // left to write and lets go of the conversation (up to its first wait, 1 s, later).
  const unsaved = async () => ((await (await fetch(`${server.url}/api/v1/health`)).json()) as { outbox: { unsavedConversations: number } }).outbox.unsavedConversations;
  let pending = await unsaved();
  for (let waited = 0; waited < 10_000 && pending > 0; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    pending = await unsaved();
  }
  expect(pending).toBe(0);
  // And nothing was written twice.
  expect((await read()).map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
});
