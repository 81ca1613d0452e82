/** @jest-environment node */
// What one chat turn costs in Redis, counted against a real redis-server behind the Upstash bridge (issue 12 item 5):
// every HTTP request the app sends to the store is recorded (by a counting proxy in front of the bridge) with its commands, through the chat
// route with rate limiting on (per visitor and per address). Goal: at most 8 commands per turn besides the resume
// buffer (the reply's SSE batches), whatever the turn: a new conversation or a later turn of it, the analytics
// recorder's one EVAL included.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { drainEvents } from '@/lib/events/bus';
import { registerEventSubscribers } from '@/lib/events/subscribers';
import { readUIChunks } from '../support/sse';
import { startRedis, type RedisHarness } from '../support/redis';
import { newConversationId, TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

const GOAL = 8;

let redis: RedisHarness;
let chat: typeof import('@/app/api/v1/chat/route');
/** Each store request: its commands (name and first key). */
const requests: { path: string; commands: string[][] }[] = [];
let proxy: http.Server;

/** Forwards each request to the bridge as it is, after noting its path and commands. */
function startCountingProxy(target: string): Promise<string> {
  proxy = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = new URL(request.url ?? '/', target).pathname;
      const parsed: unknown = JSON.parse(body.toString('utf8'));
      const commands = path === '/' || path === '' ? [parsed as string[]] : (parsed as string[][]);
      requests.push({ path, commands: Array.isArray(commands) ? commands.map((command) => command.map(String)) : [] });
      const forward = http.request(new URL(request.url ?? '/', target), { method: request.method, headers: request.headers }, (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(response);
      });
      forward.on('error', () => response.writeHead(502).end('{"error":"ERR the proxy could not reach the bridge"}'));
      forward.end(body);
    });
  });
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  redis = await startRedis();
  process.env.OFFLINE_WORD_DELAY_MS = '0';
  process.env.SESSION_SECRET = TEST_SESSION_SECRET;
  process.env.UPSTASH_REDIS_REST_URL = await startCountingProxy(redis.bridgeUrl);
  process.env.UPSTASH_REDIS_REST_TOKEN = redis.token;
  process.env.STORE_KEY_PREFIX = 'count:';
  process.env.RATE_LIMIT_CHAT = '1000/1m';
  delete process.env.OPENAI_API_KEY;
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  chat = await import('@/app/api/v1/chat/route');
  // As at start-up: the analytics recorder and the notifications read the turn's events (their writes are counted apart).
  await registerEventSubscribers();
}, 30_000);

afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise((resolve) => proxy?.close(resolve));
  await redis?.stop();
});

/** Resume-buffer commands: the reply's batches under …:stream:… (BEGIN/PUSH/END scripts and their pointer). */
const keyOf = (command: string[]) => {
  const name = command[0]?.toUpperCase();
  return (name === 'EVAL' || name === 'EVALSHA' ? command[3] : command[1]) ?? '';
};
const isResumeBuffer = (command: string[]) => /:stream:/.test(keyOf(command)) && !/:lock(:|$)/.test(keyOf(command));
/** The analytics recorder's counters (an event-bus subscriber, written after the turn is stored, off the reply's path). */
const isAnalytics = (command: string[]) => /^count:an:/.test(keyOf(command));

async function countTurn(visitor: { authorization: string }, id: string, text: string) {
  const from = requests.length;
  const response = await chat.POST(
    new Request('http://localhost/api/v1/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: visitor.authorization, 'x-forwarded-for': '198.51.100.7' },
      body: JSON.stringify({ id, message: { id: `m-${Math.random().toString(36).slice(2)}`, role: 'user', parts: [{ type: 'text', text }] } }),
    }),
  );
  expect(response.status).toBe(200);
  const chunks = await readUIChunks(response);
  expect(chunks.some((chunk) => chunk.type === 'text-delta')).toBe(true);
  // Everything the turn does after its last byte (the end marker and lock release) is done by then; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const turnRequests = requests.slice(from);
  await drainEvents();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const afterwards = requests.slice(from + turnRequests.length);
  const commands = turnRequests.flatMap((request) => request.commands);
  const turn = commands.filter((command) => !isResumeBuffer(command) && !isAnalytics(command));
  const all = [...turnRequests, ...afterwards];
  return {
    turn,
    requests: turnRequests.filter((request) => request.commands.some((command) => !isResumeBuffer(command) && !isAnalytics(command))).length,
    buffer: commands.filter(isResumeBuffer).length,
    afterwards: [...commands.filter(isAnalytics), ...afterwards.flatMap((request) => request.commands)],
    analytics: all.flatMap((request) => request.commands).filter(isAnalytics),
    analyticsRequests: all.filter((request) => request.commands.some(isAnalytics)).length,
  };
}

const describe = (commands: string[][]) => commands.map((command) => `${command[0]} ${/^evals?h?a?$/i.test(command[0] ?? "") ? command[3] : command[1]}`);

test(`a chat turn sends at most ${GOAL} Redis commands besides the resume buffer (rate limits included)`, async () => {
  const visitor = await visitorHeaders();
  const id = newConversationId();
  const first = await countTurn(visitor, id, 'What plans do you have?');
  const later = await countTurn(visitor, id, 'How much is Pro for 25 people?');
  // Printed for docs/performance.md (the breakdown of a turn).
  console.log(
    [first, later]
      .map((turn, index) => `${index === 0 ? 'first' : 'later'} turn: ${turn.turn.length} commands in ${turn.requests} requests (+${turn.buffer} resume buffer; ${turn.analytics.length} analytics command(s) in ${turn.analyticsRequests} request(s) after the turn is stored)\n  ${describe(turn.turn).join('\n  ')}`)
      .join('\n'),
  );
  for (const turn of [first, later]) {
    // Something was counted (the limits and the conversation really are on Redis)…
    expect(turn.turn.some((command) => /:rl:/.test(JSON.stringify(command)))).toBe(true);
    expect(turn.buffer).toBeGreaterThan(0);
    expect(turn.afterwards.length).toBeGreaterThan(0);
    // …and no more than the goal.
    expect(turn.turn.length).toBeLessThanOrEqual(GOAL);
    // The analytics recorder writes the turn's counters (26–39 writes) in one EVAL, in one request.
    expect(turn.analytics.map((command) => command[0]?.toUpperCase())).toEqual(['EVAL']);
    expect(turn.analyticsRequests).toBe(1);
    // The turn, its rate limits and its analytics together stay within the goal too.
    expect(turn.turn.length + turn.analytics.length).toBeLessThanOrEqual(GOAL);
  }
  // A later turn: 2 rate limits (EVALSHA), the load and the write (one script each), the lock; the first turn of a
  // process adds the rate limiter's 2 EVAL after NOSCRIPT.
  expect(later.turn.length).toBe(5);
  expect(first.turn.length).toBeLessThanOrEqual(7);
}, 30_000);
