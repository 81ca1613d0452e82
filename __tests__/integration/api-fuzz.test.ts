/** @jest-environment node */
// Property-based fuzzing of every API route and method over real HTTP: `next start` (the production build) with real
// Redis behind the Upstash bridge. Requests go out through node:http with raw paths, so malformed percent-encoding,
// traversal and raw bytes reach the server as written (fetch would normalise them). Every answer must be a typed JSON
// error from the catalogue in docs/api.md (or a success), never a 5xx but a documented 503, never a stack trace or
// HTML, and nothing stored may change.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http, { type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { createClient } from 'redis';
import { ERROR_STATUS, type ErrorType } from '@/lib/errors';
import { startNextServer } from '../../scripts/lib/next-server.mjs';
import { startRedis } from '../support/redis';
import { readUIChunks } from '../support/sse';
import { startSession } from '../support/visitor';

jest.setTimeout(150_000);

type Next = Awaited<ReturnType<typeof startNextServer>>;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
type Method = (typeof METHODS)[number];

interface FuzzRequest {
  method: Method;
  route: string;
  path: string;
  headers: OutgoingHttpHeaders;
  body?: string | Buffer;
}
interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Every code docs/api.md lists in its catalogue: an error the docs do not list fails the test. */
function documentedCodes(): Set<string> {
  const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'api.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Error codes'), doc.indexOf('### Methods'));
  return new Set([...section.matchAll(/`([a-z_]+:[a-z_]+)`/g)].map((match) => match[1] as string));
}
const CATALOGUE = documentedCodes();

/** One request through a fresh connection, the path exactly as given. */
function send(base: string, request: FuzzRequest, timeoutMs = 10_000): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      // A redirect echoes the URL twice (Location, Refresh): room for that with a URL just under the server's 16 KiB.
      { host: hostname, port, method: request.method, path: request.path, headers: request.headers, agent: false, timeout: timeoutMs, maxHeaderSize: 64 * 1024 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const encoding = response.headers['content-encoding'];
          const decoded = encoding === 'gzip' ? zlib.gunzipSync(raw) : encoding === 'br' ? zlib.brotliDecompressSync(raw) : raw;
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: decoded.toString('utf8') });
          // A lying Content-Length leaves the server waiting for bytes that never come: hang up.
          outgoing.destroy();
        });
        response.on('error', reject);
        response.on('aborted', () => reject(new Error('the answer was cut off')));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    // The server may answer before reading the whole body and close (Connection: close): the answer counts, and a
    // write error after it is ours, not the server's.
    let answered = false;
    outgoing.on('response', () => (answered = true));
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return;
      // The server refused the request before reading its body (e.g. at the HTTP parser) and closed the socket while
      // we were still writing it: our write fails before its answer is read. The answer depends on what the server
      // saw, not on the unread body, so ask again without one, and check that answer.
      if ((error.code === 'EPIPE' || error.code === 'ECONNRESET') && request.body !== undefined && request.body.length > 0) {
        const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'content-length'));
        send(base, { ...request, headers, body: undefined }, timeoutMs).then(resolve, reject);
        return;
      }
      reject(error);
    });
    outgoing.end(request.body);
  });
}

const STACK_TRACE = /\n\s+at |\bat [^\s]+ \(|\/work\/|node_modules|\.tsx?:\d+|\.m?js:\d+:\d+|\bError:|webpack|turbopack/i;
const DOCUMENTED_503 = /^(overloaded|upstream_unavailable):/;

function describeRequest(request: FuzzRequest): string {
  const body = request.body === undefined ? 'none' : `${request.body.length} bytes: ${String(request.body).slice(0, 120)}`;
  return `${request.method} ${request.path.slice(0, 200)} headers ${JSON.stringify(request.headers).slice(0, 400)} body ${body}`;
}

/**
 * Whether the path is under /api once its dot segments are resolved, as Next.js (and every browser) resolves them:
 * `/api/%2e%2e` is the home page, answered as the home page.
 */
function isUnderApi(rawPath: string): boolean {
  try {
    return /^\/api(\/|$)/.test(new URL(rawPath, 'http://fuzz.invalid').pathname);
  } catch {
    return true;
  }
}

/** The invariants every answer under /api must hold. */
function checkAnswer(request: FuzzRequest, answer: Answer): void {
  const fail = (why: string) => {
    throw new Error(`${why}\n  request: ${describeRequest(request)}\n  answer: ${answer.status} ${answer.headers['content-type']} ${answer.body.slice(0, 300)}`);
  };
  if (answer.status >= 500 && answer.status !== 503) fail('a 5xx');
  if (!isUnderApi(request.path)) return;
  if (STACK_TRACE.test(answer.body)) fail('the body looks like a stack trace or names a file');
  // next-auth's own routes (/api/auth/*) answer in next-auth's format (a signed-out session is `null`); they must
  // still never fail with a 5xx or leak a stack, checked above.
  if (/^\/api\/auth(\/|$)/.test(request.path.split('?')[0] ?? '')) return;
  if (/^\s*</.test(answer.body) || /html/i.test(String(answer.headers['content-type'] ?? ''))) fail('an HTML answer under /api');
  if (answer.status < 400) return;
  if (!/^application\/json\b/.test(String(answer.headers['content-type'] ?? ''))) fail('an error that is not JSON');
  if (request.method === 'HEAD') {
    if (answer.body !== '') fail('a HEAD answer with a body');
    return;
  }
  let parsed: { error?: { code?: unknown; message?: unknown } };
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    return fail('an error body that does not parse');
  }
  const code = parsed.error?.code;
  if (typeof code !== 'string' || !CATALOGUE.has(code)) fail(`an error code that docs/api.md does not list: ${String(code)}`);
  if (typeof parsed.error?.message !== 'string' || !parsed.error.message) fail('an error without a message');
  const status = ERROR_STATUS[String(code).split(':')[0] as ErrorType];
  if (status !== answer.status) fail(`status ${answer.status} does not match the code's ${status}`);
  if (answer.status >= 500 && !(answer.status === 503 && DOCUMENTED_503.test(String(code)))) fail('an undocumented 5xx');
  if ((answer.status === 429 || String(code).startsWith('overloaded:')) && !answer.headers['retry-after']) fail('a 429/503 without Retry-After');
  if (answer.status === 405 && !answer.headers.allow) fail('a 405 without Allow');
}

/** Waits until the server has written `key` (polled every 50 ms); fails after `timeoutMs`. */
async function waitForKey(redisUrl: string, key: string, timeoutMs: number): Promise<void> {
  const client = createClient({ url: redisUrl });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while ((await client.exists(key)) === 0) {
      if (Date.now() > deadline) throw new Error(`${key} was not written within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.quit();
  }
}

/** Every key the app stored except the rate-limit windows, with its value, in a comparable form. */
async function snapshotStore(redisUrl: string, prefix: string): Promise<Record<string, unknown>> {
  const client = createClient({ url: redisUrl });
  await client.connect();
  try {
    const snapshot: Record<string, unknown> = {};
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      for (const key of keys) {
        if (key.includes('rl:')) continue;
        const type = await client.type(key);
        if (type === 'string') snapshot[key] = await client.get(key);
        else if (type === 'hash') snapshot[key] = await client.hGetAll(key);
        else if (type === 'list') snapshot[key] = await client.lRange(key, 0, -1);
        else if (type === 'set') snapshot[key] = (await client.sMembers(key)).sort();
        else if (type === 'zset') snapshot[key] = await client.zRangeWithScores(key, 0, -1);
        else snapshot[key] = `<${type}>`;
      }
    }
    return snapshot;
  } finally {
    await client.quit();
  }
}

/** Generated requests: paths, headers and bodies built to be wrong in every way we could think of, and some we could not. */
function requestArbitrary(opts: { seededId: string; validToken: string; ownOrigin: string }) {
  const { seededId, validToken, ownOrigin } = opts;
  const routes = [
    '/api/v1/chat', '/api/chat', `/api/v1/chat/${seededId}`, `/api/chat/${seededId}`, '/api/v1/chat/short-id', `/api/v1/chat/${seededId.toUpperCase()}`,
    `/api/v1/chat/${seededId}/stream`, `/api/v1/chat/${seededId}/stop`, `/api/v1/chat/${seededId}/feedback`, '/api/v1/chat/short-id/stream', `/api/chat/${seededId}/stop`,
    '/api/v1/health', '/api/health',
    '/api/v1/session', '/api/session', '/api/v1/tts', '/api/tts', '/api/v1/transcribe', '/api/transcribe',
    '/api/v1/identify', '/api/identify',
    // The admin API: every route refuses a caller without an admin session or key with a typed 401 first.
    '/api/v1/admin/metrics', '/api/v1/admin/conversations', `/api/v1/admin/conversations/${seededId}`, `/api/v1/admin/conversations/${seededId}/feedback`, '/api/v1/admin/leads',
    `/api/v1/admin/leads/${seededId}`, '/api/v1/admin/export', '/api/v1/admin/backup', '/api/v1/admin/keys', '/api/v1/admin/keys/k1',
    '/api/v1/admin/webhooks', '/api/v1/admin/webhooks/w1', '/api/v1/admin/webhooks/w1/test', '/api/admin/leads',
    // Unknown: the catch-all, other versions, the reserved paths.
    '/api', '/api/v1', '/api/v2/chat', '/api/auth/session', '/api/v1/_malformed-url', '/api/v1/nope', '/api/_next',
  ];
  // Mostly printable ASCII (reaches the router); sometimes raw bytes over 0x7f, which Node's parser refuses (400).
  const latin1 = fc.oneof(
    { arbitrary: fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).filter((code) => code !== 0x3f && code !== 0x23).map((code) => String.fromCharCode(code)), maxLength: 30 }), weight: 5 },
    { arbitrary: fc.string({ unit: fc.integer({ min: 0x21, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 30 }), weight: 1 },
  );
  // Ids that look like conversation ids but are not acceptable ones (a valid fresh id would start a real conversation).
  const badId = fc.oneof(
    fc.uuid().map((id) => id.toUpperCase()),
    fc.uuid({ version: 1 }),
    fc.constantFrom('', 'x', 'short-id', `${seededId}x`, seededId.replace(/-/g, ''), '00000000-0000-4000-8000-000000000000', '../../etc/passwd', 'conv:index'),
    latin1,
  );
  const segment = fc.oneof(
    fc.constantFrom('%', '%%', '%G1', '%1', '%E0%A4%A', '%C0%AE%C0%AE%2F', '%FF%FE%FD%FC', '%ED%A0%80', '%F4%90%80%80', '%C0%80', '%00', '%0D%0A', '%u002e'),
    fc.constantFrom('..', '.', '%2e%2e', '%2E%2E%2F', '..%2f', '..%5c', '....//', '..;', '%252e%252e', '~', '\\..\\', 'chat', 'v1', seededId),
    latin1,
    fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent),
    fc.integer({ min: 200, max: 6_000 }).map((length) => 'a'.repeat(length)),
    // Over Node's 16 KiB for the request line and headers: 431 before routing.
    fc.constant('b'.repeat(17_000)),
    badId,
  );
  const query = fc.oneof(latin1, fc.constantFrom('language=xx-YY', 'language=%FF', '=%', 'a=%E0%A4%A&b', '_rsc=1', 'language=en'));
  const pathArb = fc
    .record({
      route: fc.constantFrom(...routes),
      extra: fc.array(segment, { maxLength: 3 }),
      trailingSlash: fc.boolean(),
      query: fc.option(query, { nil: undefined }),
    })
    .map(({ route, extra, trailingSlash, query: search }) => ({
      route,
      path: `${route}${extra.map((part) => `/${part}`).join('')}${trailingSlash ? '/' : ''}${search === undefined ? '' : `?${search}`}`,
    }));

  const textMessage = (text: string) => ({ id: 'm1', role: 'user', parts: [{ type: 'text', text }] });
  const message = fc.oneof(
    fc.constant(textMessage('How much is the Pro plan?')),
    fc.record({ id: fc.string(), role: fc.constantFrom('user', 'assistant', 'system', 'tool', ''), parts: fc.oneof(fc.array(fc.anything()), fc.anything()) }),
    fc.anything(),
  );
  // The seeded conversation belongs to another visitor: posting into it must change nothing.
  const chatBody = fc.record(
    { id: fc.oneof(badId, fc.constant(seededId), fc.anything()), message, messages: fc.array(message, { maxLength: 3 }), locale: fc.oneof(fc.string(), fc.anything()) },
    { requiredKeys: [] },
  );
  const ttsBody = fc.record({ text: fc.oneof(fc.string(), fc.anything()), voice: fc.anything(), speed: fc.anything(), format: fc.anything() }, { requiredKeys: [] });
  const body = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 4 },
    { arbitrary: fc.constantFrom('', ' ', '{', '{"id":', 'null', '[]', '"text"', '{"a":1}}', '\u0000', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}'), weight: 4 },
    { arbitrary: fc.json(), weight: 2 },
    { arbitrary: chatBody.map((value) => JSON.stringify(value) ?? ''), weight: 6 },
    { arbitrary: fc.constant(JSON.stringify({ id: seededId, message: textMessage('Let me into this conversation') })), weight: 3 },
    { arbitrary: ttsBody.map((value) => JSON.stringify(value) ?? ''), weight: 3 },
    { arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`), weight: 1 },
    { arbitrary: fc.constantFrom(70_000, 600_000).map((length) => JSON.stringify({ id: seededId, message: textMessage('x'.repeat(length)) })), weight: 1 },
    { arbitrary: fc.uint8Array({ maxLength: 4_000 }).map((bytes) => Buffer.from(bytes)), weight: 2 },
  );

  const contentType = fc.constantFrom(
    'application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded', 'multipart/form-data; boundary=----x', 'audio/webm', 'audio/wav', 'application/octet-stream',
    'application/jsonx', ';', '', 'text/html',
  );
  const base64url = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: 60 });
  const tamper = (token: string, at: number) => `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
  const authorization = fc.oneof(
    fc.constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', `bearer ${validToken}`, validToken, `Bearer ${validToken} extra`, `Bearer ${'x'.repeat(600)}`),
    fc.tuple(base64url, base64url).map(([id, mac]) => `Bearer v1.${id}.9999999999.${mac}`),
    fc.tuple(base64url, base64url).map(([id, mac]) => `Bearer v1.${id}.1.${mac}`),
    fc.nat({ max: validToken.length - 1 }).map((at) => `Bearer ${tamper(validToken, at)}`),
    // A valid session of a visitor who owns nothing: the bodies above never make a valid new conversation.
    fc.constant(`Bearer ${validToken}`),
  );
  const origin = fc.constantFrom('null', 'https://evil.example', ownOrigin, 'http://127.0.0.1', 'file://', 'javascript:alert(1)', 'https://evil.example, ' + ownOrigin);
  const extraHeader = fc.constantFrom<[string, string | string[]]>(
    ['x-middleware-subrequest', 'middleware:middleware:middleware:middleware:middleware'],
    ['x-middleware-subrequest', 'src/middleware'],
    ['next-action', 'abc123'],
    ['rsc', '1'],
    ['next-router-state-tree', '%7B%22a'],
    ['next-router-prefetch', '1'],
    ['x-nextjs-data', '1'],
    ['x-invoke-path', '/api/v1/health'],
    ['x-matched-path', '/api/v1/health'],
    ['x-forwarded-host', 'evil.example'],
    ['x-forwarded-proto', 'https'],
    ['x-forwarded-for', '203.0.113.9, 198.51.100.1'],
    ['x-sales-agent-peer', '10.0.0.1'],
    ['host', 'evil.example'],
    ['accept', 'text/html'],
    ['accept-encoding', 'gzip, br'],
    ['cookie', `sa_session=${validToken.slice(0, -3)}abc`],
    ['cookie', 'sa_session=%FF%FE; sa_session=x'],
    ['expect', '100-continue'],
    ['expect', 'the-unexpected'],
    ['content-encoding', 'gzip'],
    ['x-http-method-override', 'DELETE'],
    ['range', 'bytes=0-1'],
    ['transfer-encoding', 'chunked'],
    ['content-length', ['1', '2']],
  );
  const lengthLie = fc.constantFrom('shorter', 'huge', 'negative', 'garbage');

  return fc
    .record({
      method: fc.constantFrom(...METHODS),
      target: pathArb,
      body,
      contentType: fc.option(contentType, { nil: undefined }),
      authorization: fc.option(authorization, { nil: undefined }),
      origin: fc.option(origin, { nil: undefined }),
      extra: fc.array(extraHeader, { maxLength: 3 }),
      lengthLie: fc.option(lengthLie, { freq: 6, nil: undefined }),
      // A third of the requests get past the front door (a valid session, our origin, JSON), so the fuzz reaches each
      // handler's own validation instead of stopping at 401/403/415.
      dressRoll: fc.nat({ max: 4 }),
    })
    .map(({ method: generatedMethod, target: generatedTarget, body: payload, contentType: type, authorization: auth, origin: from, extra, lengthLie: lie, dressRoll }): FuzzRequest => {
      let method = generatedMethod;
      let target = generatedTarget;
      const headers: OutgoingHttpHeaders = {};
      const dressed = dressRoll <= 1;
      if (dressed) {
        // The route as written, with the method it serves: only the body (and the lies below) are wrong.
        target = { route: target.route, path: target.route };
        method = /\/chat\/./.test(target.route) ? (payload === undefined ? 'GET' : 'DELETE') : /health$/.test(target.route) ? 'GET' : 'POST';
      }
      if (type !== undefined || dressed) headers['content-type'] = dressed && (type === undefined || dressRoll === 0) ? 'application/json' : type;
      if (auth !== undefined || dressed) headers.authorization = dressed ? `Bearer ${validToken}` : auth;
      if (from !== undefined && !dressed) headers.origin = from;
      for (const [name, value] of extra) headers[name] = value;
      const length = payload === undefined ? 0 : Buffer.byteLength(payload);
      if (lie === 'shorter' && length > 1) headers['content-length'] = String(length - 1);
      // Over every cap, so a route that reads the body refuses it from the header instead of waiting for it.
      // Pages wait for the whole body they were promised (see the report): only API routes get this lie.
      // A big body is still being written when the early answer closes the connection (EPIPE): small bodies only.
      if (lie === 'huge' && isUnderApi(target.path) && length < 64 * 1024) headers['content-length'] = String(64 * 1024 * 1024);
      if (lie === 'negative') headers['content-length'] = '-1';
      if (lie === 'garbage') headers['content-length'] = '12abc';
      if (headers['content-length'] !== undefined) delete headers['transfer-encoding'];
      // A request whose framing does not parse is answered and closed at once: a big body would still be on its way
      // (EPIPE on our side, with the answer unread), so those carry at most a small one, sent with the headers.
      const unframed = lie === 'negative' || lie === 'garbage' || Array.isArray(headers['content-length']);
      const body = unframed && payload !== undefined ? payload.slice(0, 1_000) : payload;
      return { method, route: target.route, path: target.path, headers, body };
    });
}

async function runBatches(
  base: string,
  arbitrary: fc.Arbitrary<FuzzRequest>,
  { batches, seen, outcomes = new Map() }: { batches: number; seen: FuzzRequest[]; outcomes?: Map<string, number> },
) {
  const details = await fc.check(
    fc.asyncProperty(fc.array(arbitrary, { minLength: 8, maxLength: 8 }), async (batch) => {
      seen.push(...batch);
      const answers = await Promise.all(batch.map((request) => send(base, request).catch((error: Error) => ({ error, request }))));
      answers.forEach((answer, index) => {
        const request = batch[index] as FuzzRequest;
        if ('error' in answer) throw new Error(`no HTTP answer (${answer.error.message})\n  request: ${describeRequest(request)}`);
        checkAnswer(request, answer);
        const json = answer.status >= 400 && answer.body && /json/.test(String(answer.headers['content-type']));
        const code = json ? ((JSON.parse(answer.body) as { error?: { code?: string } } | null)?.error?.code ?? '') : '';
        const outcome = `${answer.status} ${code}`.trim();
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      });
    }),
    // Shrinking would re-send whole batches; the failing request is named in the error, which is what we need.
    { numRuns: batches, endOnFailure: true },
  );
  // The error names the one failing request; fast-check's own report would print all eight, megabytes of them.
  if (details.failed) throw new Error(`fuzz seed ${details.seed}: ${String((details.errorInstance as Error | null)?.message)}`);
}

const userMessage = (text: string) => ({ id: `m-${randomUUID()}`, role: 'user', parts: [{ type: 'text', text }] });

describe('the API under fuzzing', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let next: Next;
  let strict: Next;
  const PREFIX = 'fz:';

  beforeAll(async () => {
    redis = await startRedis();
    const common = {
      UPSTASH_REDIS_REST_URL: redis.bridgeUrl,
      UPSTASH_REDIS_REST_TOKEN: redis.token,
      OFFLINE_WORD_DELAY_MS: '0',
      // No server speech: a valid TTS request is a documented 503, and no espeak process competes for the two cores.
      TTS_PROVIDER: 'browser',
    };
    [next, strict] = await Promise.all([
      startNextServer({
        env: {
          ...common,
          STORE_KEY_PREFIX: PREFIX,
          // High enough that the fuzz reaches the handlers; the strict server below keeps the defaults.
          RATE_LIMIT_CHAT: '100000/1m',
          RATE_LIMIT_TTS: '100000/1m',
          RATE_LIMIT_TRANSCRIBE: '100000/1m',
          RATE_LIMIT_SESSION: '100000/1m',
        },
      }),
      startNextServer({ env: { ...common, STORE_KEY_PREFIX: 'fzd:' } }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([next?.stop(), strict?.stop()]);
    await redis?.stop();
  });

  it('answers 2,000+ malformed requests across every route and method with typed JSON, and changes nothing stored', async () => {
    // A real conversation, stored through the API, that the fuzz then attacks.
    const owner = await startSession(next.url);
    const seededId = randomUUID();
    const seeded = await fetch(`${next.url}/api/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: owner.authorization },
      body: JSON.stringify({ id: seededId, message: userMessage('How much is the Pro plan?') }),
    });
    expect(seeded.status).toBe(200);
    await readUIChunks(seeded);
    let stored: { messages: unknown[] } | null = null;
    for (let attempt = 0; attempt < 100 && !stored; attempt++) {
      const response = await fetch(`${next.url}/api/v1/chat/${seededId}`, { headers: { authorization: owner.authorization } });
      const body = response.status === 200 ? ((await response.json()) as { messages: unknown[] }) : null;
      if (body && body.messages.length >= 2) stored = body;
      else await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(stored?.messages).toHaveLength(2);

    const fuzzer = await startSession(next.url);
    // The server's own admin session secret is created at start-up, or on first use when that read failed (a loaded
    // machine): make sure it exists before the snapshot, so only what the fuzz changes can differ.
    expect((await fetch(`${next.url}/api/auth/csrf`)).status).toBe(200);
    // So is the generated admin (no ADMIN_EMAIL here), in the background and tried again until the store answers: a
    // loaded host once wrote it after the snapshot below, which then differed by that key alone.
    await waitForKey(redis.redisUrl, `${PREFIX}admin:bootstrap`, 30_000);
    const before = await snapshotStore(redis.redisUrl, PREFIX);
    expect(Object.keys(before).some((key) => key.includes(seededId))).toBe(true);

    const seen: FuzzRequest[] = [];
    const outcomes = new Map<string, number>();
    const started = Date.now();
    const arbitrary = requestArbitrary({ seededId, validToken: fuzzer.token, ownOrigin: next.url });
    await runBatches(next.url, arbitrary, { batches: 260, seen, outcomes });
    // Some outcomes need several generated choices at once (a valid session, an allowed origin, a non-JSON type on the
    // chat route): a random run can miss one. Fuzz on, a bounded number of times, until each has been reached; the
    // check below still fails when the generator cannot reach one at all.
    const expected = ['bad_request:api', 'not_found:api', 'method_not_allowed:api', 'unauthorized:session', 'forbidden:origin', 'bad_request:chat', 'bad_request:history', 'not_found:history', 'unsupported_media_type:chat', 'payload_too_large:chat', 'bad_request:voice', 'headers_too_large:api'];
    const missing = () => expected.filter((code) => ![...outcomes.keys()].some((outcome) => outcome.endsWith(` ${code}`)));
    for (let round = 0; round < 4 && missing().length > 0; round++) await runBatches(next.url, arbitrary, { batches: 100, seen, outcomes });
    const elapsed = Date.now() - started;

    expect(seen.length).toBeGreaterThanOrEqual(2_000);
    // Every method and every route was exercised, many times over.
    for (const method of METHODS) expect(seen.filter((request) => request.method === method).length).toBeGreaterThan(100);
    const routes = new Set(seen.map((request) => request.route));
    expect(routes.size).toBeGreaterThanOrEqual(23);

    // And once more on purpose: a well-formed turn from another visitor into the seeded conversation.
    const intrusion = await send(next.url, {
      method: 'POST',
      route: '/api/v1/chat',
      path: '/api/v1/chat',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${fuzzer.token}` },
      body: JSON.stringify({ id: seededId, message: userMessage('Show me what the other visitor said') }),
    });
    expect(intrusion.status).toBe(404);
    expect(JSON.parse(intrusion.body)).toMatchObject({ error: { code: 'not_found:chat' } });

    expect(await snapshotStore(redis.redisUrl, PREFIX)).toEqual(before);
    const after = await fetch(`${next.url}/api/v1/chat/${seededId}`, { headers: { authorization: owner.authorization } });
    expect(((await after.json()) as { messages: unknown[] }).messages).toEqual(stored?.messages);
    // The fuzz reached past the session check into the handlers' own validation, not only the front door.
    expect(missing()).toEqual([]);
    console.info(`[fuzz] ${seen.length} requests in ${elapsed} ms: ${[...outcomes].sort((a, b) => b[1] - a[1]).map(([outcome, count]) => `${outcome} ×${count}`).join(', ')}`);
  });

  it('types the 429s under the default limits too', async () => {
    // New sessions from one address: RATE_LIMIT_SESSION's default lets that many through.
    const sessions = await Promise.all(
      Array.from({ length: 40 }, () => send(strict.url, { method: 'POST', route: '/api/v1/session', path: '/api/v1/session', headers: {} })),
    );
    const refused = sessions.filter((answer) => answer.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      checkAnswer({ method: 'POST', route: '/api/v1/session', path: '/api/v1/session', headers: {} }, answer);
      const body = JSON.parse(answer.body) as { error: { code: string; details: { limit: string } } };
      expect(body.error.code).toBe('rate_limited:session');
      // Exactly the default allowance got through: 40 minus the limit's count.
      expect(refused.length).toBe(40 - Number(body.error.details.limit.split('/')[0]));
    }

    // Chat turns count before the body is read (RATE_LIMIT_CHAT 20/1m), so even refused bodies use up the window.
    const created = sessions.find((answer) => answer.status === 201);
    const token = (JSON.parse(created?.body ?? '{}') as { token: string }).token;
    const seen: FuzzRequest[] = [];
    await runBatches(strict.url, requestArbitrary({ seededId: randomUUID(), validToken: token, ownOrigin: strict.url }), { batches: 25, seen });
    const chats = await Promise.all(
      Array.from({ length: 25 }, () =>
        send(strict.url, {
          method: 'POST',
          route: '/api/v1/chat',
          path: '/api/v1/chat',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ id: 'not-a-uuid', message: userMessage('hi') }),
        }),
      ),
    );
    const limited = chats.filter((answer) => answer.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    chats.forEach((answer) => checkAnswer({ method: 'POST', route: '/api/v1/chat', path: '/api/v1/chat', headers: {} }, answer));
    expect(JSON.parse(limited[0]?.body ?? '{}')).toMatchObject({ error: { code: 'rate_limited:chat' } });
  });
});
