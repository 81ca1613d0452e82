/** @jest-environment node */
// Session 29's additions attacked from outside (29b): the lead page's no-JavaScript status form (cross-site posts,
// bodies, notes, ids, redirects), two webhook PATCHes at once (a lost update; If-Match), the speech route's
// per-address slots (always given back; a forged X-Forwarded-For is not an address), and client message ids that
// name store keys. Route handlers are called directly on the in-memory store; the webhook write also on real Redis.
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { startSmallestStandIn } from '@/scripts/standins/smallest-server.mjs';
import { chatRequestSchema, MESSAGE_ID_RULE, pickUserMessage } from '@/app/api/v1/chat/schema';
import { getStreamSlots } from '@/lib/security/stream-slots';
import { getConversationStore } from '@/lib/store';
import { getKv, hsetIfUnchanged, kvOne } from '@/lib/store/kv';
import { notifyKeys } from '@/lib/notify/keys';
import { getEndpoint, updateEndpoint } from '@/lib/webhooks/endpoints';
import * as lead from '@/app/api/v1/admin/leads/[id]/route';
import * as leadStatus from '@/app/api/v1/admin/leads/[id]/status/route';
import * as webhook from '@/app/api/v1/admin/webhooks/[id]/route';
import { storeConversation } from '../support/admin-records';
import { bothKvStores } from '../support/kv-stores';
import { interleaved, seedEndpoint } from '../support/webhook-endpoints';
import { chatRequest, errorOf, sseFrames, ttsRequest, userMessage } from '../support/public-api-requests';
import { peerHeader } from '../support/peer-stamp';
import { TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

const ORIGIN = 'http://localhost:3000';
const SECRET = 'attack-s29b-secret-attack-s29b-secret-01';
const COOKIE = 'authjs.session-token';
const FORM = 'application/x-www-form-urlencoded';

for (const name of ['OPENAI_API_KEY', 'UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_URL', 'KV_REST_API_TOKEN', 'TTS_MAX_CONCURRENT', 'TTS_QUEUE_PER_VISITOR', 'TRUSTED_PROXIES']) {
  delete process.env[name];
}
process.env.AUTH_SECRET = SECRET;
process.env.SESSION_SECRET = TEST_SESSION_SECRET;
process.env.RATE_LIMIT_TTS = '500/1m';
process.env.RATE_LIMIT_SESSION = '500/1m';
process.env.TTS_PROVIDER = 'smallest';
process.env.TTS_STREAMS_PER_ADDRESS = '2';
process.env.JSON_READ_TIMEOUT_MS = '300';

jest.setTimeout(15_000);

let admin = '';
let standIn: Awaited<ReturnType<typeof startSmallestStandIn>>;
// Imported once the environment above is set (the config is read once, on first use); only the two attacked here.
let routes: { chat: typeof import('@/app/api/v1/chat/route'); tts: typeof import('@/app/api/v1/tts/route') };
beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  admin = `${COOKIE}=${await encode({ token: { email: 'ana@northwind.example', role: 'admin', authAt: Math.floor(Date.now() / 1000) }, secret: SECRET, salt: COOKIE })}`;
  standIn = await startSmallestStandIn({ apiKey: 'sm-attack-29b' });
  process.env.SMALLEST_API_KEY = 'sm-attack-29b';
  process.env.SMALLEST_BASE_URL = standIn.url;
  const [chat, tts] = await Promise.all([import('@/app/api/v1/chat/route'), import('@/app/api/v1/tts/route')]);
  routes = { chat, tts };
});
afterAll(() => standIn?.close());

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

describe('the lead status form, posted by an outsider', () => {
  const newLead = () => storeConversation(getConversationStore(), { at: Date.now() - 60_000, title: 'Demo please', lead: { fields: { email: 'kim@hooli.com' } } });
  const post = (id: string, body: BodyInit, headers: Record<string, string> = {}, path = `/api/v1/admin/leads/${id}/status`) =>
    leadStatus.POST(
      new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { cookie: admin, origin: ORIGIN, 'content-type': FORM, ...headers }, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit),
      ctx(id),
    );
  const detail = async (id: string) =>
    (await (await lead.GET(new Request(`${ORIGIN}/api/v1/admin/leads/${id}`, { headers: { cookie: admin } }), ctx(id))).json()) as {
      status: string;
      history: Array<{ status: string; note: string }>;
    };

  it('a whole 2,000-character note in Arabic or Chinese (18 kB once form-encoded) is kept, not refused as too large', async () => {
    for (const note of ['ملاحظة'.repeat(333) + 'مل', '预算已确认'.repeat(400)]) {
      const id = await newLead();
      expect(note).toHaveLength(2_000);
      const response = await post(id, new URLSearchParams({ status: 'qualified', note }).toString());
      expect([response.status, response.headers.get('location')]).toEqual([303, `/admin/leads/${id}?change=saved`]);
      expect((await detail(id)).history[0]?.note).toBe(note);
    }
  });

  it('a textarea’s line breaks arrive as CRLF: a note at its 2,000 characters with line breaks is kept, as typed', async () => {
    const id = await newLead();
    const typed = `${'Line of the note.\n'.repeat(110)}${'x'.repeat(20)}`;
    expect(typed).toHaveLength(2_000);
    const response = await post(id, new URLSearchParams({ status: 'contacted', note: typed.replace(/\n/g, '\r\n') }).toString());
    expect(response.headers.get('location')).toBe(`/admin/leads/${id}?change=saved`);
    expect((await detail(id)).history[0]?.note).toBe(typed.trim());
  });

  it.each([
    ['a NUL', 'Called\u0000 back'],
    ['an escape sequence', 'Paid \u001b[31mIN FULL\u001b[0m'],
    ['a C1 control', 'Budget \u0085 ok'],
  ])('a note with %s is refused as invalid: nothing stored', async (_, note) => {
    const id = await newLead();
    const response = await post(id, new URLSearchParams({ status: 'lost', note }).toString());
    expect(response.headers.get('location')).toBe(`/admin/leads/${id}?change=invalid`);
    expect(await detail(id)).toMatchObject({ status: 'new', history: [] });
    // Half of a surrogate pair cannot be sent as UTF-8: the bytes a forged body would carry are a typed 400.
    const broken = await post(id, 'status=lost&note=Budget%20%ED%A0%80%20ok');
    expect([broken.status, (await errorOf(broken)).code]).toEqual([400, 'bad_request:admin']);
  });

  it('the same through the JSON PATCH: control characters in a note are a typed 400', async () => {
    const id = await newLead();
    const response = await lead.PATCH(
      new Request(`${ORIGIN}/api/v1/admin/leads/${id}`, { method: 'PATCH', headers: { cookie: admin, origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'lost', note: 'a\u0007b' }) }),
      ctx(id),
    );
    expect([response.status, (await errorOf(response)).code]).toEqual([400, 'bad_request:admin']);
    expect((await detail(id)).status).toBe('new');
  });

  it('a 100 kB note is a typed 413 before the schema; a body that trickles is a typed 408; other types are 415', async () => {
    const id = await newLead();
    const huge = await post(id, `status=lost&note=${'x'.repeat(100 * 1024)}`);
    expect([huge.status, (await errorOf(huge)).code]).toEqual([413, 'payload_too_large:admin']);
    const slow = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode('status=lo'));
        await new Promise((resolve) => setTimeout(resolve, 700));
        controller.enqueue(new TextEncoder().encode('st'));
        controller.close();
      },
    });
    const trickled = await post(id, slow);
    expect([trickled.status, (await errorOf(trickled)).code]).toEqual([408, 'request_timeout:admin']);
    for (const type of ['multipart/form-data; boundary=x', 'text/plain', 'application/x-www-form-urlencodedx']) {
      const wrong = await post(id, 'status=lost', { 'content-type': type });
      expect([wrong.status, (await errorOf(wrong)).code]).toEqual([415, 'unsupported_media_type:admin']);
    }
    expect((await detail(id)).status).toBe('new');
  });

  it('no Origin with Sec-Fetch-Site "none" (typed in the address bar: never a form) is refused like a cross-site post', async () => {
    const id = await newLead();
    const request = new Request(`${ORIGIN}/api/v1/admin/leads/${id}/status`, { method: 'POST', headers: { cookie: admin, 'content-type': FORM, 'sec-fetch-site': 'none' }, body: 'status=lost' });
    const response = await leadStatus.POST(request, ctx(id));
    expect([response.status, (await errorOf(response)).code, response.headers.get('location')]).toEqual([403, 'forbidden:origin', null]);
  });

  it('nothing an outsider sends reaches the Location: ids that are not ids are a 400 with none; query and body redirects are ignored', async () => {
    for (const id of ['//evil.example', '%2F%2Fevil.example', '..%2F..%2Fadmin', 'https:evil.example', `${randomUUID()}/../../x`, `${randomUUID()}\r\nlocation: //evil.example`]) {
      const response = await post(id, 'status=lost');
      expect([response.status, response.headers.get('location')]).toEqual([400, null]);
    }
    const id = await newLead();
    const response = await post(id, 'status=won&next=https://evil.example&callbackUrl=//evil.example', { referer: 'https://evil.example/' }, `/api/v1/admin/leads/${id}/status?next=//evil.example&callbackUrl=https://evil.example`);
    expect(response.headers.get('location')).toBe(`/admin/leads/${id}?change=invalid`);
    const signedOut = await post(id, 'status=lost', { cookie: '' }, `/api/v1/admin/leads/${id}/status?callbackUrl=//evil.example`);
    expect(signedOut.headers.get('location')).toBe(`/admin/sign-in?callbackUrl=${encodeURIComponent(`/admin/leads/${id}`)}`);
  });
});

describe('two webhook PATCHes at once', () => {
  const policy = { allowPrivateUrls: false, allowHttp: false } as unknown as Parameters<typeof updateEndpoint>[0]['policy'];
  describe.each(bothKvStores('s29bwh'))('%s store', (_, makeKv) => {
    it('each changes its own field and both are kept: the second does not write back what it read before the first', async () => {
      const kv = makeKv();
      const endpoint = await seedEndpoint(kv);
      const racing = interleaved(kv, () => updateEndpoint({ kv, policy, id: endpoint.id, patch: { description: 'Renamed by Ana' }, now: 10 }));
      const second = await updateEndpoint({ kv: racing, policy, id: endpoint.id, patch: { enabled: false }, now: 10 });
      expect(second).toMatchObject({ description: 'Renamed by Ana', enabled: false });
      expect(await getEndpoint({ kv, id: endpoint.id })).toMatchObject({ description: 'Renamed by Ana', enabled: false, secret: endpoint.secret });
      // Every write moves the version on, even in the same millisecond.
      expect(second?.updatedAt).toBe(11);
    });

    it('If-Match on a version that moved on is a typed 409 naming the current one, and writes nothing', async () => {
      const kv = makeKv();
      const endpoint = await seedEndpoint(kv);
      const racing = interleaved(kv, () => updateEndpoint({ kv, policy, id: endpoint.id, patch: { description: 'Renamed by Ana' }, now: 10 }));
      await expect(updateEndpoint({ kv: racing, policy, id: endpoint.id, patch: { enabled: false }, ifMatch: ['"1"'], now: 10 })).rejects.toMatchObject({
        code: 'conflict:admin',
        details: { etag: '"10"' },
      });
      expect(await getEndpoint({ kv, id: endpoint.id })).toMatchObject({ description: 'Renamed by Ana', enabled: true });
    });

    it('the compare-and-set itself: 1 and written while unchanged, -1 once changed, 0 and nothing created when gone', async () => {
      const kv = makeKv();
      const key = notifyKeys.endpoints(kv);
      expect(Number(await kvOne(kv, hsetIfUnchanged(key, 'we_x', 'old', 'new')))).toBe(0);
      expect(await kvOne(kv, ['EXISTS', key])).toBe(0);
      await kvOne(kv, ['HSET', key, 'we_x', 'old']);
      expect(Number(await kvOne(kv, hsetIfUnchanged(key, 'we_x', 'stale', 'lost')))).toBe(-1);
      expect(Number(await kvOne(kv, hsetIfUnchanged(key, 'we_x', 'old', 'new')))).toBe(1);
      expect(await kvOne(kv, ['HGET', key, 'we_x'])).toBe('new');
    });
  });

  it('through the admin API: GET gives the ETag; a PATCH without If-Match works as before; a stale one is 409, a malformed one 400', async () => {
    const kv = getKv();
    const endpoint = await seedEndpoint(kv);
    const send = (method: 'GET' | 'PATCH', body?: unknown, headers: Record<string, string> = {}) =>
      webhook[method](
        new Request(`${ORIGIN}/api/v1/admin/webhooks/${endpoint.id}`, {
          method,
          headers: { cookie: admin, origin: ORIGIN, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
          ...(body ? { body: JSON.stringify(body) } : {}),
        }),
        ctx(endpoint.id),
      );
    const read = await send('GET');
    expect(read.headers.get('etag')).toBe('"1"');
    const plain = await send('PATCH', { description: 'No condition' });
    expect(plain.status).toBe(200);
    const etag = plain.headers.get('etag');
    expect(etag).toMatch(/^"\d+"$/);
    const stale = await send('PATCH', { enabled: false }, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    expect(await errorOf(stale)).toMatchObject({ code: 'conflict:admin', details: { etag } });
    const fresh = await send('PATCH', { enabled: false }, { 'if-match': `"0", ${etag}` });
    expect(fresh.status).toBe(200);
    expect(await send('PATCH', { enabled: true }, { 'if-match': '*' }).then((response) => response.status)).toBe(200);
    const malformed = await send('PATCH', { enabled: true }, { 'if-match': 'yesterday' });
    expect([malformed.status, (await errorOf(malformed)).code]).toEqual([400, 'bad_request:admin']);
    expect(await getEndpoint({ kv, id: endpoint.id })).toMatchObject({ description: 'No condition', enabled: true });
  });
});

describe('speech slots per address', () => {
  let n = 0;
  const text = () => `A sentence to speak, number ${++n}, never cached.`;
  const held = (ip: string) => getStreamSlots().held(`tts:${ip}`);

  it('a client that goes away mid-stream, an upstream failure and a refused body all leave the address’s slots free', async () => {
    const ip = '198.51.100.77';
    const visitor = await visitorHeaders();
    standIn.setBehaviour({ chunks: 6, chunkIntervalMs: 150 });
    try {
      const aborted = await routes.tts.POST(ttsRequest(visitor, { text: text(), language: 'en' }, { 'x-forwarded-for': ip }));
      expect(held(ip)).toBe(1);
      const reader = aborted.body!.getReader();
      await reader.read();
      await reader.cancel();
      expect(held(ip)).toBe(0);
    } finally {
      standIn.setBehaviour({ chunks: 4, chunkIntervalMs: 0 });
    }
    standIn.setBehaviour({ faults: [{ kind: '500', times: 3 }] });
    const failed = await routes.tts.POST(ttsRequest(visitor, { text: text(), language: 'en' }, { 'x-forwarded-for': ip }));
    if (failed.status === 200) expect((await sseFrames(failed)).at(-1)?.event).toBe('error');
    else expect(failed.status).toBeGreaterThanOrEqual(500);
    standIn.setBehaviour({ faults: [] });
    expect(held(ip)).toBe(0);
    const refused = await routes.tts.POST(ttsRequest(visitor, { text: '', language: 'en' }, { 'x-forwarded-for': ip }));
    expect(refused.status).toBe(400);
    expect(held(ip)).toBe(0);
  });

  it('behind no trusted proxy, the socket’s address is the one counted: a forged X-Forwarded-For neither escapes the limit nor blames another', async () => {
    const peer = '203.0.113.50';
    const victim = '192.0.2.10';
    const visitors = await Promise.all(Array.from({ length: 3 }, () => visitorHeaders()));
    standIn.setBehaviour({ firstChunkMs: 250 });
    try {
      const holding = visitors.slice(0, 2).map((visitor, i) => routes.tts.POST(ttsRequest(visitor, { text: text(), language: 'en' }, { ...peerHeader(peer), 'x-forwarded-for': `10.0.0.${i}, ${victim}` })));
      const started = Date.now();
      while (held(peer) < 2 && Date.now() - started < 3_000) await new Promise((resolve) => setTimeout(resolve, 10));
      expect([held(peer), held(victim)]).toEqual([2, 0]);
      const third = await routes.tts.POST(ttsRequest(visitors[2]!, { text: text(), language: 'en' }, { ...peerHeader(peer), 'x-forwarded-for': '198.18.0.1' }));
      expect([third.status, (await errorOf(third)).code]).toEqual([429, 'rate_limited:voice']);
      for (const response of await Promise.all(holding)) expect((await sseFrames(response)).at(-1)?.event).toBe('done');
    } finally {
      standIn.setBehaviour({ firstChunkMs: 0 });
    }
    expect(held(peer)).toBe(0);
  });
});

describe('client message ids name store keys', () => {
  const conversationKeys = async (conversationId: string) => {
    const [reply] = await getKv().exec([['SCAN', 0, 'MATCH', `${getKv().prefix}*${conversationId}*`, 'COUNT', 10_000]]);
    return (reply as [string, string[]])[1];
  };

  it.each([
    ['a key separator and glob characters', 'x:*?[a]'],
    ['a path', '../../conv:index'],
    ['a line break', 'm-1\r\nDEL sa:conv:index'],
    ['a space', 'm 1'],
    ['unicode', 'mensaje-ñ'],
    ['a lone surrogate', 'm-\ud800'],
    ['101 characters', 'a'.repeat(101)],
    ['nothing', ''],
  ])('%s: a typed 400 saying what an id may be, and no key is made', async (_, id) => {
    const visitor = await visitorHeaders();
    const conversationId = randomUUID();
    const response = await routes.chat.POST(chatRequest(visitor, { id: conversationId, message: userMessage('How much is the Pro plan?', id) }));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('bad_request:chat');
    if (id !== '' && id.length <= 100) expect(error.message).toBe(MESSAGE_ID_RULE);
    expect(await conversationKeys(conversationId)).toEqual([]);
  });

  it.each([
    ['crypto.randomUUID()', randomUUID()],
    ['the AI SDK’s generateId()', 'aB3dE5gH7jK9mN1p'],
    ['a nanoid', 'V1StGXR8_Z5jdHi6B-myT'],
    ['100 characters', 'm'.repeat(100)],
    ['`m-${Math.random()}`', `m-${Math.random()}`],
  ])('%s is taken as the new message’s id', (_, id) => {
    const body = chatRequestSchema.parse({ id: randomUUID(), message: userMessage('Hello', id) });
    expect(pickUserMessage(body)).toEqual({ ok: true, message: { id, text: 'Hello' } });
    // The default transport's history is not read: only its last message, the new one, is checked.
    const history = chatRequestSchema.parse({ id: randomUUID(), messages: [{ id: 'old:assistant id', role: 'assistant', parts: [] }, userMessage('Hello', id)] });
    expect(pickUserMessage(history)).toMatchObject({ ok: true });
  });
});
