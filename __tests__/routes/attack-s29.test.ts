/** @jest-environment node */
// The public API attacked again (session 29): one address starting many visitor sessions held every speech slot and
// every place in its line (the gate's turns are per visitor; sessions are free), and a fast route's last-resort 500
// answered in English whatever the request's language. Route handlers are called directly with the embedded defaults;
// speech goes to the Smallest.ai stand-in, made slow so that requests hold their slots.
import { startSmallestStandIn } from '@/scripts/standins/smallest-server.mjs';
import { ConfigError, parseServerConfig } from '@/lib/config';
import type { WebHandler } from '@/lib/fast-routes';
import { apiErrorsAr, apiErrorsEs } from '@/lib/i18n/catalogues/api-errors';
import { getStreamSlots } from '@/lib/security/stream-slots';
import { startFastRouteServer } from '../support/fast-route-server';
import { errorOf, publicRoutes, type PublicRoutes, sseFrames, ttsRequest } from '../support/public-api-requests';
import { TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

process.env.SESSION_SECRET = TEST_SESSION_SECRET;
process.env.RATE_LIMIT_TTS = '500/1m';
process.env.RATE_LIMIT_SESSION = '500/1m';
process.env.TTS_PROVIDER = 'smallest';
process.env.TTS_STREAMS_PER_ADDRESS = '2';
for (const name of ['OPENAI_API_KEY', 'UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_URL', 'KV_REST_API_TOKEN', 'TTS_MAX_CONCURRENT', 'TTS_QUEUE_PER_VISITOR']) {
  delete process.env[name];
}

jest.setTimeout(15_000);

let standIn: Awaited<ReturnType<typeof startSmallestStandIn>>;
let routes: PublicRoutes;

beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  standIn = await startSmallestStandIn({ apiKey: 'sm-attack-29' });
  process.env.SMALLEST_API_KEY = 'sm-attack-29';
  process.env.SMALLEST_BASE_URL = standIn.url;
  routes = await publicRoutes();
});

afterAll(() => standIn?.close());

const speak = (as: { authorization: string }, text: string, ip: string, language = 'en') =>
  routes.tts.POST(ttsRequest(as, { text, language }, { 'x-forwarded-for': ip }));

async function until(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('speech from one address with many visitors', () => {
  it('holds at most TTS_STREAMS_PER_ADDRESS speech requests per address whatever visitors it starts: one more is a localized 429', async () => {
    const ip = '198.51.100.29';
    const visitors = await Promise.all(Array.from({ length: 4 }, () => visitorHeaders()));
    // The provider is slow to start: each request holds its place (running, or waiting for the provider) meanwhile.
    standIn.setBehaviour({ firstChunkMs: 400 });
    try {
      const held = [speak(visitors[0]!, 'The first sentence of a long reply.', ip), speak(visitors[1]!, 'The second sentence of a long reply.', ip)];
      await until(() => getStreamSlots().held(`tts:${ip}`) === 2);

      // (Worded in the speech's language, as the route's other errors are.)
      const refused = await speak(visitors[2]!, 'Un tercer visitante de la misma dirección.', ip, 'es');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(refused.headers.get('content-language')).toBe('es');
      expect(await errorOf(refused)).toEqual({
        code: 'rate_limited:voice',
        message: apiErrorsEs['apiError.networkSpeechBusy'],
        details: { retryAfterSeconds: 5, limit: '2 open streams' },
      });
      // Another address is not held up by this one.
      const elsewhere = await speak(visitors[3]!, 'Another network entirely.', '203.0.113.29');
      expect((await sseFrames(elsewhere)).at(-1)?.event).toBe('done');

      // Streams that end free their places: the address's next visitor is served.
      for (const response of await Promise.all(held)) expect((await sseFrames(response)).at(-1)?.event).toBe('done');
      expect(getStreamSlots().held(`tts:${ip}`)).toBe(0);
    } finally {
      standIn.setBehaviour({ firstChunkMs: 0 });
    }
    const next = await speak(visitors[2]!, 'A third visitor of the same address.', ip);
    expect((await sseFrames(next)).at(-1)?.event).toBe('done');
    expect(getStreamSlots().held(`tts:${ip}`)).toBe(0);
  });

  it('TTS_STREAMS_PER_ADDRESS: 8 by default, validated', () => {
    expect(parseServerConfig({}).security.tts.streamsPerAddress).toBe(8);
    expect(parseServerConfig({ TTS_STREAMS_PER_ADDRESS: '3' }).security.tts.streamsPerAddress).toBe(3);
    expect(() => parseServerConfig({ TTS_STREAMS_PER_ADDRESS: '0' })).toThrow(ConfigError);
    expect(() => parseServerConfig({ TTS_STREAMS_PER_ADDRESS: 'many' })).toThrow(/TTS_STREAMS_PER_ADDRESS:/);
  });
});

describe("a fast route's last-resort 500", () => {
  let server: Awaited<ReturnType<typeof startFastRouteServer>>;
  let base: string;
  let handler: WebHandler;

  beforeAll(async () => {
    server = await startFastRouteServer(() => handler);
    base = server.base;
  });
  afterAll(() => server.close());

  it("is the typed error in the request's language (Accept-Language, then the lang cookie), never its cause", async () => {
    handler = async () => {
      throw new Error('secret internals: redis://admin:hunter2@db');
    };
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const spanish = await fetch(`${base}/api/v1/chat`, { method: 'POST', headers: { 'accept-language': 'es-MX,es;q=0.9' }, body: '{}' });
      expect(spanish.status).toBe(500);
      expect(spanish.headers.get('content-language')).toBe('es');
      expect(await spanish.json()).toEqual({ error: { code: 'internal:api', message: apiErrorsEs['apiError.type.internal'] } });

      const arabic = await fetch(`${base}/api/v1/tts`, { method: 'POST', headers: { cookie: 'lang=ar', 'accept-language': 'en' }, body: '{}' });
      expect(arabic.status).toBe(500);
      expect(await arabic.json()).toEqual({ error: { code: 'internal:api', message: apiErrorsAr['apiError.type.internal'] } });

      const english = await fetch(`${base}/api/v1/chat`, { method: 'POST', headers: { 'accept-language': 'en-GB' }, body: '{}' });
      const body = await english.text();
      expect(JSON.parse(body)).toEqual({ error: { code: 'internal:api', message: 'Something went wrong on our side. Please try again.' } });
      expect(body).not.toContain('hunter2');
    } finally {
      errors.mockRestore();
    }
  });
});
