/** @jest-environment node */
// The public API attacked again (session 30): private streams that a shared cache was allowed to keep, and labels the
// team reads (an identified visitor's name, a utm value) that could carry direction overrides or half a character.
// Route handlers are called directly with the embedded defaults (offline agent, in-memory store, in-process limits);
// speech goes to the Smallest.ai stand-in.
import { createHmac } from 'node:crypto';
import { startSmallestStandIn } from '@/scripts/standins/smallest-server.mjs';
import { eventSourceFor } from '@/app/api/v1/chat/schema';
import { createApiKey } from '@/lib/admin/keys';
import { findIdentity } from '@/lib/embed/identity';
import { apiErrorsEs } from '@/lib/i18n/catalogues/api-errors';
import { isPlainLabel } from '@/lib/security/plain-text';
import { getKv } from '@/lib/store/kv';
import {
  API_ORIGIN,
  at,
  chatRequest,
  errorOf,
  identifyRequest,
  publicRoutes,
  type PublicRoutes,
  resumeRequest,
  sseFrames,
  ttsRequest,
  userMessage,
} from '../support/public-api-requests';
import { readUIChunks, textOf } from '../support/sse';
import { peerHeader } from '../support/peer-stamp';
import { newConversationId, TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

const IDENTITY_SECRET = 'identity-secret-for-attack-s30-0123456789';
process.env.SESSION_SECRET = TEST_SESSION_SECRET;
process.env.EMBED_IDENTITY_SECRET = IDENTITY_SECRET;
process.env.RATE_LIMIT_SESSION = '500/1m';
process.env.RATE_LIMIT_TTS = '500/1m';
process.env.TTS_PROVIDER = 'smallest';
for (const name of ['OPENAI_API_KEY', 'UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_URL', 'KV_REST_API_TOKEN', 'EMBED_ALLOWED_ORIGINS']) {
  delete process.env[name];
}

jest.setTimeout(15_000);

let standIn: Awaited<ReturnType<typeof startSmallestStandIn>>;
let routes: PublicRoutes;

beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  standIn = await startSmallestStandIn({ apiKey: 'sm-attack-30' });
  process.env.SMALLEST_API_KEY = 'sm-attack-30';
  process.env.SMALLEST_BASE_URL = standIn.url;
  routes = await publicRoutes();
});

afterAll(() => {
  delete process.env.EMBED_IDENTITY_SECRET;
  return standIn?.close();
});

const hmac = (email: string) => createHmac('sha256', IDENTITY_SECRET).update(email).digest('hex');

describe("a visitor's private streams and a shared cache", () => {
  // `no-cache` lets a proxy or CDN store the response (it only has to revalidate before reuse): a reply, its resume or
  // its speech, kept by a cache in front of the app, is the visitor's conversation on someone else's disk.
  it('marks the chat reply, its resume and its speech no-store (never no-cache), and keeps no-transform', async () => {
    const visitor = await visitorHeaders();
    const id = newConversationId();
    const reply = await routes.chat.POST(chatRequest(visitor, { id, message: userMessage('How much is the Pro plan?') }));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-store, no-transform');
    expect(textOf(await readUIChunks(reply))).not.toBe('');

    const resumed = await routes.stream.GET(resumeRequest(id, visitor, '0'), at(id));
    expect(resumed.status).toBe(200);
    expect(resumed.headers.get('cache-control')).toBe('no-store, no-transform');
    expect(textOf(await readUIChunks(resumed))).not.toBe('');

    const speech = await routes.tts.POST(ttsRequest(visitor, { text: 'The Pro plan is billed per seat.', language: 'en' }));
    expect(speech.headers.get('cache-control')).toBe('no-store, no-transform');
    const frames = await sseFrames(speech);
    expect(frames[0]?.event).toBe('format');
    expect(frames.at(-1)?.event).toBe('done');
  });
});

describe('TTS_MAX_CHARS and what the provider is billed for', () => {
  // Prices are written out as words before the provider is called ("$1.01" → "1 dollar and 1 cent"): a text of prices
  // at the cap sent the provider (billed per character) three to four times TTS_MAX_CHARS.
  it('refuses a text whose spoken form is over the cap with a typed 413 in the speech language, calling no provider', async () => {
    const visitor = await visitorHeaders();
    const maxChars = 1_000;
    const text = '$1.01 '.repeat(Math.floor(maxChars / 6)).trim();
    expect(text.length).toBeLessThanOrEqual(maxChars);
    const before = standIn.requests.length;
    for (const [language, words] of [['en', 'Speech is limited to 1000 characters per request.'], ['es', null]] as const) {
      const response = await routes.tts.POST(ttsRequest(visitor, { text, language }, { 'accept-language': language }));
      expect(response.status).toBe(413);
      const error = await errorOf(response);
      expect(error.code).toBe('payload_too_large:voice');
      if (words) expect(error.message).toBe(words);
      else expect(response.headers.get('content-language')).toBe('es');
    }
    expect(standIn.requests.slice(before).filter((request) => request.path.startsWith('/waves'))).toEqual([]);

    // A sentence with a few prices is spoken as before, every character of it sent.
    const speech = await routes.tts.POST(ttsRequest(visitor, { text: 'Pro is $29 per seat, or $24 billed annually.', language: 'en' }));
    expect((await sseFrames(speech)).at(-1)?.event).toBe('done');
    const sent = standIn.requests.slice(before).filter((request) => request.path.startsWith('/waves'));
    expect(sent.map((request) => (request.body as { text?: string }).text)).toEqual(['Pro is 29 dollars per seat, or 24 dollars billed annually.']);
  });
});

describe('a name given to identify() is shown to the sales team', () => {
  const identifyAs = async (name: string) => {
    const visitor = await visitorHeaders();
    const email = 'eve@example.com';
    const response = await routes.identify.POST(identifyRequest(visitor, { email, name, hash: hmac(email) }, { origin: API_ORIGIN }));
    return { visitor, response };
  };

  it('refuses direction overrides and half a surrogate pair with a typed 400, and keeps no identity', async () => {
    // "‮nimdA" is displayed "Admin" (reversed), and a lone surrogate breaks the e-mail subject and the CSV it reaches.
    for (const name of ['\u202Enimda', 'Eve\u2066 (verified)', 'Eve \uD800', 'Eve\u200F']) {
      const { visitor, response } = await identifyAs(name);
      expect(response.status).toBe(400);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await errorOf(response)).toMatchObject({ code: 'bad_request:identify', message: expect.stringContaining('name') });
      expect(await findIdentity({ kv: getKv(), visitorId: visitor.visitorId })).toBeNull();
    }
    // A plain name in any script is still kept.
    for (const name of ['سارة أحمد', 'Zoë Ødegård', 'Ann 👋']) {
      const { visitor, response } = await identifyAs(name);
      expect(response.status).toBe(204);
      expect(await findIdentity({ kv: getKv(), visitorId: visitor.visitorId })).toMatchObject({ email: 'eve@example.com', name });
    }
  });

  it('refuses them in the words of the request (Accept-Language), with the same code', async () => {
    const visitor = await visitorHeaders();
    const email = 'eve@example.com';
    const response = await routes.identify.POST(
      identifyRequest(visitor, { email, name: '\u202Enimda', hash: hmac(email) }, { origin: API_ORIGIN, 'accept-language': 'es' }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-language')).toBe('es');
    expect(await errorOf(response)).toEqual({ code: 'bad_request:identify', message: expect.stringContaining(apiErrorsEs['apiError.plainName']) });
  });
});

describe('labels that are one plain line', () => {
  it('are not half a surrogate pair (JSON escapes carry one past the UTF-8 check of the bytes)', () => {
    expect(isPlainLabel('spring-sale')).toBe(true);
    expect(isPlainLabel('promo 🎉')).toBe(true);
    expect(isPlainLabel('promo \uD83C')).toBe(false);
    expect(isPlainLabel('\uDF89 promo')).toBe(false);
  });

  it("drops a utm value with a lone surrogate from a turn's source, and keeps the plain ones", () => {
    const request = new Request(`${API_ORIGIN}/api/v1/chat`, { method: 'POST', headers: { origin: API_ORIGIN, host: 'localhost' } });
    const source = eventSourceFor(request, { page: '/pricing', utm: { source: 'news\uD800', medium: 'email', campaign: 'spring' } }, { embedAllowedOrigins: [] });
    expect(source).toEqual({ page: '/pricing', utm: { medium: 'email', campaign: 'spring' } });
  });
});

describe('API keys guessed against the admin API', () => {
  // A visitor token is checked without the store; a well-formed API key is looked up in it (one Redis command, billed
  // per command on Upstash). Unlimited, one address turned every request into a store read.
  const exportAs = (secret: string, peer: string, language?: string) =>
    import('@/app/api/v1/admin/export/route').then(({ GET }) =>
      GET(
        new Request(`${API_ORIGIN}/api/v1/admin/export?type=leads&format=csv`, {
          headers: { authorization: `Bearer ${secret}`, ...peerHeader(peer), ...(language ? { 'accept-language': language } : {}) },
        }),
      ),
    );
  const guess = () => `sk_live_${Array.from({ length: 43 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[Math.floor(Math.random() * 64)]).join('')}`;

  it('stops reading the store for an address that keeps trying keys that do not exist (typed 429), and no other', async () => {
    const kv = getKv();
    const { secret } = await createApiKey({ kv, name: 'crm sync', scopes: ['export'], createdBy: 'admin@example.com' });
    const reads = jest.spyOn(kv, 'exec');
    try {
      const attacker = '203.0.113.30';
      const answers = [];
      for (let i = 0; i < 40; i++) answers.push(await exportAs(guess(), attacker));
      const statuses = answers.map((response) => response.status);
      expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
      expect(statuses.slice(20)).toEqual(Array(20).fill(429));
      expect(reads).toHaveBeenCalledTimes(20);
      const refused = answers[39]!;
      expect(refused.headers.get('cache-control')).toBe('no-store');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await errorOf(refused)).toMatchObject({ code: 'rate_limited:admin', message: expect.stringMatching(/^Too many requests\. You can continue in \d+ seconds?\.$/) });
      // In the request's language, with the same code.
      const spanish = await exportAs(guess(), attacker, 'es');
      expect(spanish.headers.get('content-language')).toBe('es');
      expect(await errorOf(spanish)).toMatchObject({ code: 'rate_limited:admin', message: expect.stringMatching(/^Demasiadas solicitudes/) });

      // Another address is not blamed: its unknown key is a 401, and the real key works there.
      expect((await exportAs(guess(), '198.51.100.30')).status).toBe(401);
      const real = await exportAs(secret, '198.51.100.30');
      expect(real.status).toBe(200);
      expect(await real.text()).toMatch(/^\uFEFF?[^\r\n]*,/);
      // A server using its valid key is never counted, however often it calls.
      for (let i = 0; i < 30; i++) {
        const response = await exportAs(secret, '192.0.2.30');
        expect(response.status).toBe(200);
        await response.body?.cancel();
      }
      // A bearer token not shaped like a key is neither looked up nor counted.
      reads.mockClear();
      for (let i = 0; i < 25; i++) expect((await exportAs(`not-a-key-${i}`, '192.0.2.31')).status).toBe(401);
      expect(reads).not.toHaveBeenCalled();
      expect((await exportAs(guess(), '192.0.2.31')).status).toBe(401);
    } finally {
      reads.mockRestore();
    }
  });
});
