/** @jest-environment node */
// A prospect hearing the agent: POST /api/v1/tts against the Smallest.ai stand-in — the exact request body per
// CONTRACTS.md in every locale, chunk order, the cache (hit without a provider call, keyed by language and text),
// prices read as amounts, and a provider failure mid-stream (typed error event, nothing cached).
import { startSmallestStandIn } from '@/scripts/standins/smallest-server.mjs';
import { speakPrices } from '@/lib/voice/spoken-prices';
import { splitSentences } from '@/lib/voice/sentences';
import { type SseFrame, sseFrames, ttsRequest } from '../support/public-api-requests';
import { TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

type StandIn = Awaited<ReturnType<typeof startSmallestStandIn>>;

let standIn: StandIn;
let tts: typeof import('@/app/api/v1/tts/route');
let auth: { authorization: string };

beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  standIn = await startSmallestStandIn({ apiKey: 'sm-s24', chunks: 4 });
  Object.assign(process.env, {
    SMALLEST_API_KEY: 'sm-s24',
    SMALLEST_BASE_URL: standIn.url,
    TTS_PROVIDER: 'smallest',
    SESSION_SECRET: TEST_SESSION_SECRET,
    RATE_LIMIT_TTS: 'off',
  });
  for (const name of ['OPENAI_API_KEY', 'UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'SMALLEST_VOICE_ID', 'SMALLEST_MODEL', 'TTS_SAMPLE_RATE', 'TTS_SPEED']) {
    delete process.env[name];
  }
  tts = await import('@/app/api/v1/tts/route');
  auth = { authorization: (await visitorHeaders()).authorization };
});

afterAll(() => standIn?.close());
beforeEach(() => standIn.reset());

const post = (body: unknown): Promise<Response> => tts.POST(ttsRequest(auth, body));
const frames = sseFrames;

const speechCalls = () => standIn.requests.filter((request) => request.path === '/waves/v1/tts/live');
const audioOf = (list: SseFrame[]) => list.filter((frame) => frame.event === 'audio').map((frame) => String(frame.data.audio));

describe('POST /api/v1/tts → Smallest.ai Waves', () => {
  it('sends the exact Waves body (voice id, model, sample rate, speed, language, pcm) with the bearer key', async () => {
    await frames(await post({ text: 'Hello there.' }));
    const [call] = speechCalls();
    expect(call?.method).toBe('POST');
    expect(call?.headers.authorization).toBe('Bearer sm-s24');
    expect(call?.body).toEqual({
      text: 'Hello there.',
      voice_id: 'emily',
      model: 'lightning_v3.1',
      sample_rate: 24_000,
      speed: 1,
      language: 'en',
      output_format: 'pcm',
    });
  });

  it.each([
    ['en', 'en', 'Our team will call you.'],
    ['es', 'es', 'Nuestro equipo le llamará.'],
    ['fr', 'fr', 'Notre équipe vous appellera.'],
    ['de', 'de', 'Unser Team ruft Sie an.'],
    ['ar', 'ar', 'سيتصل بك فريقنا.'],
  ])('locale %s → Waves language %s, with a requested sample rate honoured', async (locale, language, text) => {
    const list = await frames(await post({ text, language: locale, sampleRate: 16_000 }));
    expect(list[0]).toEqual({ event: 'format', data: { encoding: 'pcm_s16le', sampleRate: 16_000, channels: 1, provider: 'smallest' } });
    expect(speechCalls().map((call) => call.body)).toEqual([
      { text, voice_id: 'emily', model: 'lightning_v3.1', sample_rate: 16_000, speed: 1, language, output_format: 'pcm' },
    ]);
  });

  it('streams format first, then the audio chunks in order (seq 0..n), then done with the byte count', async () => {
    const list = await frames(await post({ text: 'Streaming order check.' }));
    expect(list.map((frame) => frame.event)).toEqual(['format', 'audio', 'audio', 'audio', 'audio', 'done']);
    expect(list.filter((frame) => frame.event === 'audio').map((frame) => frame.data.seq)).toEqual([0, 1, 2, 3]);
    const bytes = audioOf(list).reduce((total, audio) => total + Buffer.from(audio, 'base64').length, 0);
    expect(bytes % 2).toBe(0);
    expect(list.at(-1)).toEqual({ event: 'done', data: { chunks: 4, bytes } });
  });

  it('serves a repeat from the cache: identical audio, no provider call, and faster (the flag is not sent)', async () => {
    standIn.setBehaviour({ firstChunkMs: 120 });
    const text = 'The Growth plan includes single sign-on.';
    const started = performance.now();
    const first = await frames(await post({ text }));
    const missMs = performance.now() - started;
    expect(speechCalls()).toHaveLength(1);
    const again = performance.now();
    const second = await frames(await post({ text: `  ${text}  ` }));
    const hitMs = performance.now() - again;
    expect(speechCalls()).toHaveLength(1);
    expect(second[0]?.data).not.toHaveProperty('cached');
    expect(second.at(-1)).toEqual({ event: 'done', data: { chunks: 4, bytes: first.at(-1)?.data.bytes } });
    expect(audioOf(second)).toEqual(audioOf(first));
    expect(missMs).toBeGreaterThanOrEqual(100);
    expect(hitMs).toBeLessThan(missMs);
  });

  it('keys the cache by language and text: the same words in Spanish are not served the English audio', async () => {
    await frames(await post({ text: 'Hola.', language: 'en' }));
    await frames(await post({ text: 'Hola.', language: 'es' }));
    expect(speechCalls().map((call) => (call.body as { language: string }).language)).toEqual(['en', 'es']);
    await frames(await post({ text: 'Hola!', language: 'es' }));
    expect(speechCalls()).toHaveLength(3);
    await frames(await post({ text: 'Hola.', language: 'es', voice: 'sofia' }));
    expect(speechCalls()).toHaveLength(4);
  });

  it.each([
    ['en', 'The Business plan is $1,960 per year.', 'The Business plan is 1,960 dollars per year.'],
    ['es', 'El plan Business cuesta $1,960 al año.', 'El plan Business cuesta 1960 dólares al año.'],
    ['de', 'Der Business-Tarif kostet $1,960 pro Jahr.', 'Der Business-Tarif kostet 1.960 Dollar pro Jahr.'],
  ])('reads prices as amounts in %s, never "dollar one coma nine six zero"', async (language, text, spoken) => {
    await frames(await post({ text, language }));
    expect((speechCalls()[0]?.body as { text: string }).text).toBe(spoken);
  });

  it('ends with a typed error event when the provider breaks mid-stream, and caches nothing of it', async () => {
    standIn.setBehaviour({ faults: [{ kind: 'broken_stream', afterChunks: 2 }] });
    const text = 'This sentence breaks halfway.';
    const broken = await frames(await post({ text }));
    expect(broken.map((frame) => frame.event)).toEqual(['format', 'audio', 'audio', 'error']);
    expect(broken.at(-1)?.data).toEqual({ code: 'upstream_unavailable:voice', message: expect.any(String) });
    const retry = await frames(await post({ text }));
    expect(retry.at(-1)).toMatchObject({ event: 'done', data: { chunks: 4 } });
    expect(speechCalls()).toHaveLength(2);
  });

  it('a provider failure before any audio is a typed JSON 503, not a hung stream', async () => {
    standIn.setBehaviour({ faults: [{ kind: '500' }] });
    const response = await post({ text: 'Failing before audio.' });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: { code: 'upstream_unavailable:voice', message: expect.any(String) } });
  });

  it.each([
    ['blank text', { text: '   ' }, 400, 'bad_request:voice'],
    ['text over TTS_MAX_CHARS', { text: 'x'.repeat(1001) }, 413, 'payload_too_large:voice'],
    ['an unknown field', { text: 'Hi.', volume: 3 }, 400, 'bad_request:voice'],
    ['an unknown voice', { text: 'Hi.', voice: 'nobody' }, 400, 'bad_request:voice'],
    ['a bad sample rate', { text: 'Hi.', sampleRate: 12_345 }, 400, 'bad_request:voice'],
    ['invalid JSON', '{not json', 400, 'bad_request:voice'],
  ] as const)('refuses %s with %i %s, without calling the provider', async (_label, body, status, code) => {
    const response = await post(body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    expect(speechCalls()).toHaveLength(0);
  });
});

describe('what the voice reads', () => {
  it.each([
    ['en', '$1,299.00 a year', '1,299 dollars a year'],
    ['en', 'only $49.50 per seat', 'only 49 dollars and 50 cents per seat'],
    ['en', 'just $1 more', 'just 1 dollar more'],
    ['es', '$49 por usuario', '49 dólares por usuario'],
    ['fr', '$1,960 par an', '1 960 dollars par an'],
    ['ar', '$1,960 سنويا', '1,960 دولار سنويا'],
    ['en', '€2,400 or £90.05', '2,400 euros or 90 pounds and 5 pence'],
    ['en', 'version 1,960 and $ alone', 'version 1,960 and $ alone'],
    ['en', 'from $5k to $1.5M, not $1,96', 'from $5k to $1.5M, not $1,96'],
    ['es', 'Cuesta $49, $99 o $1,960.', 'Cuesta 49 dólares, 99 dólares o 1960 dólares.'],
  ] as const)('%s: %j → %j', (locale, text, spoken) => {
    expect(speakPrices(text, locale)).toBe(spoken);
  });

  it('splits a long markdown reply into clean sentences in order: no asterisks, links as their text, URLs as the host, prices whole', () => {
    const reply =
      '**Growth** costs $1,960 per year for 5 seats. See [our pricing page](https://acme.example/pricing?plan=growth) for details. ' +
      'You can also visit https://www.acme.example/docs/start right away.\n\n- *SSO* included\n- Priority support';
    const sentences = splitSentences(reply);
    expect(sentences).toEqual([
      'Growth costs $1,960 per year for 5 seats.',
      'See our pricing page for details.',
      'You can also visit acme.example right away.',
      'SSO included',
      'Priority support',
    ]);
    for (const sentence of sentences) expect(sentence).not.toMatch(/[*_`[\]]|https?:/);
  });
});
