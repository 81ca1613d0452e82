/** @jest-environment node */
// POST /api/v1/tts against the Smallest.ai stand-in and a real redis-server through the Upstash bridge: streaming,
// caching (in-process and Redis), the one-request-in-flight rule, aborts, retries and typed errors.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from '@upstash/redis';
import { startOpenAIStandIn } from '@/scripts/standins/openai-server.mjs';
import { startSmallestStandIn } from '@/scripts/standins/smallest-server.mjs';
import { parseServerConfig } from '@/lib/config';
import { createUpstashAudioCache } from '@/lib/store/audio-cache';
import { base64ToBytes } from '@/lib/voice/base64';
import { createEspeakProvider, findEspeak } from '@/lib/voice/espeak';
import { createOpenAIProvider } from '@/lib/voice/openai';
import { transcribeAudio } from '@/lib/voice/transcribe';
import { createKeyedQueue } from '@/lib/voice/queue';
import { createSmallestProvider } from '@/lib/voice/smallest';
import { createSpeechService } from '@/lib/voice/speech';
import { readSseFrames } from '@/lib/voice/sse-frames';
import type { EncodedPcm } from '@/lib/voice/types';
import { startRedis, type RedisHarness } from '../support/redis';
import { TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

type StandIn = Awaited<ReturnType<typeof startSmallestStandIn>>;
type Route = typeof import('@/app/api/v1/tts/route');

const PREFIX = 'ttstest:';
const API_KEY = 'smallest-test-key';
let redisHarness: RedisHarness;
let standIn: StandIn;
let route: Route;
let redis: Redis;
let auth: { authorization: string };

beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  [redisHarness, standIn] = await Promise.all([startRedis(), startSmallestStandIn({ apiKey: API_KEY, chunks: 4, chunkIntervalMs: 5 })]);
  Object.assign(process.env, {
    SMALLEST_API_KEY: API_KEY,
    SMALLEST_BASE_URL: standIn.url,
    UPSTASH_REDIS_REST_URL: redisHarness.bridgeUrl,
    UPSTASH_REDIS_REST_TOKEN: redisHarness.token,
    STORE_KEY_PREFIX: PREFIX,
    TTS_SAMPLE_RATE: '16000',
    TTS_MAX_CHARS: '200',
    SESSION_SECRET: TEST_SESSION_SECRET,
    RATE_LIMIT_TTS: 'off',
  });
  delete process.env.OPENAI_API_KEY;
  delete process.env.TTS_PROVIDER;
  route = await import('@/app/api/v1/tts/route');
  auth = { authorization: (await visitorHeaders()).authorization };
  redis = new Redis({ url: redisHarness.bridgeUrl, token: redisHarness.token, automaticDeserialization: false, enableTelemetry: false });
}, 30_000);

afterAll(async () => {
  await Promise.all([standIn?.close(), redisHarness?.stop()]);
});

beforeEach(() => standIn.reset());

function post(body: unknown, init: { raw?: boolean; signal?: AbortSignal } = {}) {
  return route.POST(
    new Request('http://localhost/api/v1/tts', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: init.raw ? (body as string) : JSON.stringify(body),
      signal: init.signal,
    }),
  );
}

interface Event {
  event: string;
  data: Record<string, unknown>;
}

async function readEvents(response: Response, onEvent?: (event: Event) => void): Promise<Event[]> {
  const events: Event[] = [];
  if (!response.body) throw new Error('no body');
  for await (const frame of readSseFrames(response.body)) {
    const event = { event: frame.event, data: JSON.parse(frame.data) as Record<string, unknown> };
    events.push(event);
    onEvent?.(event);
  }
  return events;
}

const ttsCalls = () => standIn.requests.filter((request) => request.path === '/waves/v1/tts/live').length;
const cacheKeys = () => redis.keys(`${PREFIX}tts:*`).then((keys) => keys.filter((key) => !key.endsWith(':stats')));
const stats = () => createUpstashAudioCache({ url: redisHarness.bridgeUrl, token: redisHarness.token, prefix: PREFIX }).getAudioStats();

describe('POST /api/v1/tts with Smallest.ai', () => {
  it('streams the format first, then audio in several chunks, then done', async () => {
    const response = await post({ text: 'Hello there, how can I help you today?' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toBe('no-store, no-transform');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const events = await readEvents(response);

    expect(events[0]).toEqual({ event: 'format', data: { encoding: 'pcm_s16le', sampleRate: 16_000, channels: 1, provider: 'smallest' } });
    const audio = events.filter((event) => event.event === 'audio');
    expect(audio.length).toBe(4);
    expect(audio.map((event) => event.data.seq)).toEqual([0, 1, 2, 3]);
    const bytes = audio.reduce((total, event) => total + base64ToBytes(String(event.data.audio)).length, 0);
    expect(events.at(-1)).toEqual({ event: 'done', data: { chunks: 4, bytes } });
    // 60 ms per character of a 440 Hz tone at the requested rate, 2 bytes a sample.
    expect(bytes).toBe(Math.round((16_000 * 38 * 60) / 1000) * 2);
    const sent = standIn.requests[0]?.body as Record<string, unknown>;
    expect(sent).toMatchObject({ text: 'Hello there, how can I help you today?', voice_id: 'emily', model: 'lightning_v3.1', sample_rate: 16_000, speed: 1, language: 'en' });
  });

  it('serves a repeat from the cache without calling the provider, and counts the hit', async () => {
    const text = 'Our Growth plan is   forty-nine dollars a seat.';
    await readEvents(await post({ text }));
    expect(ttsCalls()).toBe(1);
    const before = await stats();

    // Same text after normalisation (whitespace runs collapse): same audio.
    const events = await readEvents(await post({ text: 'Our Growth plan is forty-nine dollars a seat.' }));
    expect(ttsCalls()).toBe(1);
    expect(events[0]?.data).not.toHaveProperty('cached');
    expect(events.filter((event) => event.event === 'audio')).toHaveLength(4);
    expect(events.at(-1)?.data).toEqual({ chunks: 4, bytes: expect.any(Number) });
    expect((await stats()).hits).toBe(before.hits + 1);
  });

  it('serves a cached phrase from memory without calling the provider: its chunks in order, as first spoken', async () => {
    const text = 'Thanks for your interest in Northwind Cloud.';
    const first = await readEvents(await post({ text }));
    expect(ttsCalls()).toBe(1);
    const callsBefore = standIn.stats().calls;
    // Any call to the provider now fails: only the cache can answer.
    standIn.setBehaviour({ faults: [{ kind: '500', times: 5 }] });

    const second = await readEvents(await post({ text }));
    expect(standIn.stats().calls).toBe(callsBefore);
    expect(ttsCalls()).toBe(1);
    expect(second.map((event) => event.event)).toEqual(['format', 'audio', 'audio', 'audio', 'audio', 'done']);
    expect(second[0]?.data).toEqual({ encoding: 'pcm_s16le', provider: 'smallest', sampleRate: 16_000, channels: 1 });
    const audio = (events: Event[]) => events.filter((event) => event.event === 'audio').map((event) => event.data);
    expect(audio(second).map((event) => event.seq)).toEqual([0, 1, 2, 3]);
    expect(audio(second)).toEqual(audio(first));
    expect(second.at(-1)?.data).toEqual(first.at(-1)?.data);
  });

  it('serves a hit from Redis when the in-process cache is cold (another instance)', async () => {
    const text = 'Shared between instances.';
    await readEvents(await post({ text }));
    expect(ttsCalls()).toBe(1);
    const config = parseServerConfig(process.env);
    const provider = createSmallestProvider({ ...config.voice.smallest!, sampleRate: 16_000 });
    const cache = createUpstashAudioCache({ url: redisHarness.bridgeUrl, token: redisHarness.token, prefix: PREFIX });
    const other = createSpeechService({ config: config.voice, provider, cache });
    const result = await other.synthesize({ text });
    const chunks = [];
    for await (const chunk of result.chunks) chunks.push(chunk);
    expect(result.format.cached).toBe(true);
    expect(chunks).toHaveLength(4);
    expect(ttsCalls()).toBe(1);
  });

  it('sends two concurrent requests to the provider one at a time, and both succeed', async () => {
    const [a, b] = await Promise.all([post({ text: 'First concurrent sentence.' }), post({ text: 'Second concurrent sentence.' })]);
    const [eventsA, eventsB] = await Promise.all([readEvents(a), readEvents(b)]);
    expect(eventsA.at(-1)?.event).toBe('done');
    expect(eventsB.at(-1)?.event).toBe('done');
    expect(standIn.stats()).toMatchObject({ maxConcurrent: 1, rejected429: 0, completed: 2 });
  });

  it('serves a second visitor right after the call in flight, however many sentences the first one queued', async () => {
    // Each call lasts ~100 ms: time enough for the late request to reach the queue on a loaded machine (20 ms was not).
    standIn.setBehaviour({ chunks: 2, chunkIntervalMs: 100 });
    const flooder = (await visitorHeaders()).authorization;
    const other = (await visitorHeaders()).authorization;
    const speak = (text: string, authorization: string) =>
      route.POST(new Request('http://localhost/api/v1/tts', { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ text }) }));
    const flood = Array.from({ length: 6 }, (_, i) => speak(`Flood sentence number ${i}.`, flooder));
    await waitFor(() => ttsCalls() === 1);
    const late = speak('The other visitor asks once.', other);
    await Promise.all([...flood, late].map(async (pending) => readEvents(await pending)));
    const texts = standIn.requests.filter((request) => request.path === '/waves/v1/tts/live').map((request) => (request.body as { text: string }).text);
    expect(texts).toHaveLength(7);
    expect(texts.indexOf('The other visitor asks once.')).toBe(1);
    expect(standIn.stats()).toMatchObject({ maxConcurrent: 1, rejected429: 0 });
  });

  it('cancels the provider call when the client goes away', async () => {
    standIn.setBehaviour({ chunks: 10, chunkIntervalMs: 100 });
    const controller = new AbortController();
    const response = await post({ text: 'A long answer that the prospect interrupts.' }, { signal: controller.signal });
    const events = await readEvents(response, (event) => {
      if (event.event === 'audio') controller.abort();
    });
    // The stream just ends: no done (it did not finish), no error (nobody is listening).
    expect(events.map((event) => event.event)).toEqual(['format', 'audio']);
    await waitFor(() => standIn.stats().closedEarly === 1);
    expect(standIn.requests[0]?.closedEarly).toBe(true);
    // The queue slot was released: the next request goes straight through.
    standIn.setBehaviour({ chunks: 2, chunkIntervalMs: 0 });
    const after = await readEvents(await post({ text: 'After the interruption.' }));
    expect(after.at(-1)?.event).toBe('done');
    expect(standIn.stats().maxConcurrent).toBe(1);
  });

  it('retries a 429 with backoff', async () => {
    standIn.setBehaviour({ faults: [{ kind: '429', times: 2 }] });
    const events = await readEvents(await post({ text: 'Retried until it works.' }));
    expect(events.at(-1)?.event).toBe('done');
    expect(ttsCalls()).toBe(3);
  });

  it('reports a provider failure mid-stream as an error event, and caches nothing', async () => {
    standIn.setBehaviour({ faults: [{ kind: 'broken_stream', afterChunks: 2 }] });
    const before = (await cacheKeys()).length;
    const events = await readEvents(await post({ text: 'This stream breaks halfway.' }));
    expect(events.filter((event) => event.event === 'audio')).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { code: 'upstream_unavailable:voice' } });
    expect((await cacheKeys()).length).toBe(before);
  });

  it('answers a 500 before any audio with a typed 503', async () => {
    standIn.setBehaviour({ faults: [{ kind: '500' }] });
    const response = await post({ text: 'Upstream is down.' });
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe('upstream_unavailable:voice');
  });

  it.each([
    ['empty text', { text: '   ' }, 400, 'bad_request:voice'],
    ['text over TTS_MAX_CHARS', { text: 'a'.repeat(201) }, 413, 'payload_too_large:voice'],
    ['an unknown voice', { text: 'Hello', voice: 'nobody' }, 400, 'bad_request:voice'],
    ['a bad sample rate', { text: 'Hello', sampleRate: 12_345 }, 400, 'bad_request:voice'],
    ['bad JSON', '{"text": ', 400, 'bad_request:voice'],
  ])('refuses %s with a typed 4xx and caches nothing', async (_name, body, status, code) => {
    const before = await cacheKeys();
    const response = await post(body, { raw: typeof body === 'string' });
    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toBe(code);
    expect(ttsCalls()).toBe(0);
    expect(await cacheKeys()).toEqual(before);
  });

  it('accepts a known voice other than the default', async () => {
    const events = await readEvents(await post({ text: 'Hola, ¿en qué puedo ayudarte?', voice: 'sofia', language: 'es' }));
    expect(events.at(-1)?.event).toBe('done');
    expect(standIn.requests.find((request) => request.path === '/waves/v1/tts/live')?.body).toMatchObject({ voice_id: 'sofia', language: 'es' });
  });
});

describe('Smallest.ai provider errors', () => {
  it('turns 410 MODEL_DEPRECATED into a configuration error naming SMALLEST_MODEL', async () => {
    const provider = createSmallestProvider({ apiKey: API_KEY, baseURL: standIn.url, voiceId: 'emily', model: 'lightning-v2', sampleRate: 24_000 });
    const stream = provider.stream({ text: 'Hello', voice: 'emily', speed: 1, sampleRate: 24_000, language: 'en' });
    await expect(drain(stream)).rejects.toMatchObject({ code: 'upstream_unavailable:config', message: expect.stringContaining('SMALLEST_MODEL') });
  });

  it('turns a wrong key into a configuration error naming SMALLEST_API_KEY', async () => {
    const provider = createSmallestProvider({ apiKey: 'wrong', baseURL: standIn.url, voiceId: 'emily', model: 'lightning_v3.1', sampleRate: 24_000 });
    await expect(drain(provider.stream({ text: 'Hello', voice: 'emily', speed: 1, sampleRate: 24_000, language: 'en' }))).rejects.toMatchObject({
      code: 'upstream_unavailable:config',
      message: expect.stringContaining('SMALLEST_API_KEY'),
    });
  });
});

describe('Smallest.ai audio frames', () => {
  it('relays whole-sample frames as they came and re-aligns one that splits a sample', async () => {
    const pcm = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // 3 bytes (half a sample left over), 3 bytes (completes it), then 6 bytes: whole samples.
    const frames = [pcm.subarray(0, 3), pcm.subarray(3, 6), pcm.subarray(6)].map((bytes) => Buffer.from(bytes).toString('base64'));
    const server = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const audio of frames) response.write(`event: audio\ndata: ${JSON.stringify({ audio, done: false, status: '206' })}\n\n`);
      response.end(`event: audio\ndata: ${JSON.stringify({ status: '200', done: true })}\n\n`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const provider = createSmallestProvider({ apiKey: 'k', baseURL: `http://127.0.0.1:${port}`, voiceId: 'emily', model: 'lightning_v3.1', sampleRate: 16_000, queue: createKeyedQueue({ maxWaiting: 1 }) });
      const chunks = [];
      for await (const chunk of provider.stream({ text: 'Hi', voice: 'emily', speed: 1, sampleRate: 16_000, language: 'en' })) chunks.push(chunk);
      expect(chunks.map((chunk) => (chunk instanceof Uint8Array ? [...chunk] : chunk))).toEqual([[1, 2], [3, 4, 5, 6], { base64: frames[2], bytes: 6 }]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('OpenAI speech and transcription (against the OpenAI stand-in)', () => {
  let openai: Awaited<ReturnType<typeof startOpenAIStandIn>>;
  beforeAll(async () => {
    openai = await startOpenAIStandIn({ apiKey: 'sk-voice', tokenIntervalMs: 5, replyText: 'How much is the Pro plan?' });
  });
  afterAll(() => openai?.close());
  const options = () => ({ apiKey: 'sk-voice', baseURL: openai.url.replace(/\/+$/, ''), ttsModel: 'gpt-4o-mini-tts', ttsVoice: 'alloy', transcribeModel: 'gpt-4o-mini-transcribe' });

  it('streams 24 kHz PCM in several chunks, on sample boundaries', async () => {
    const provider = createOpenAIProvider(options());
    expect(provider.formatFor(44_100)).toEqual({ encoding: 'pcm_s16le', sampleRate: 24_000, channels: 1 });
    const chunks = await drain(provider.stream({ text: 'Hello there.', voice: 'alloy', speed: 1, sampleRate: 44_100, language: 'en' }));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((chunk) => chunk.length % 2 === 0)).toBe(true);
    expect(concat(chunks).length).toBe(Math.round((24_000 * 12 * 60) / 1000) * 2);
    expect(openai.requests.at(-1)?.body).toMatchObject({ model: 'gpt-4o-mini-tts', voice: 'alloy', input: 'Hello there.', response_format: 'pcm' });
  });

  it('maps a 429 to rate_limited:voice and a bad key to a configuration error', async () => {
    openai.setBehaviour({ faults: [{ kind: '429' }] });
    await expect(drain(createOpenAIProvider(options()).stream({ text: 'Hi', voice: 'alloy', speed: 1, sampleRate: 24_000, language: 'en' }))).rejects.toMatchObject({ code: 'rate_limited:voice' });
    const wrong = createOpenAIProvider({ ...options(), apiKey: 'nope' });
    await expect(drain(wrong.stream({ text: 'Hi', voice: 'alloy', speed: 1, sampleRate: 24_000, language: 'en' }))).rejects.toMatchObject({ code: 'upstream_unavailable:config' });
  });

  it('transcribes a recording (sent to OpenAI as a multipart file)', async () => {
    const config = parseServerConfig({ OPENAI_API_KEY: 'sk-voice', OPENAI_BASE_URL: openai.url }).voice;
    const transcript = await transcribeAudio({ audio: new Uint8Array(64), contentType: 'audio/webm', filename: 'speech.webm', language: 'en' }, config);
    expect(transcript).toEqual({ text: 'How much is the Pro plan?', provider: 'openai' });
    expect(openai.requests.at(-1)?.body).toMatchObject({ multipart: true, filename: 'speech.webm', fileBytes: 64, fields: { model: 'gpt-4o-mini-transcribe', language: 'en' } });
  });
});

const espeakPath = findEspeak();
(espeakPath ? describe : describe.skip)('espeak-ng provider', () => {
  it('produces real PCM (non-silent samples)', async () => {
    const provider = createEspeakProvider();
    expect(provider.format).toEqual({ encoding: 'pcm_s16le', sampleRate: 22_050, channels: 1 });
    const pcm = concat(await drain(provider.stream({ text: 'Hello, this is the sales assistant.', voice: 'en-us', speed: 1, sampleRate: 22_050, language: 'en' })));
    expect(pcm.length % 2).toBe(0);
    expect(pcm.length).toBeGreaterThan(22_050); // more than half a second of audio
    const samples = new Int16Array(pcm.buffer, pcm.byteOffset, pcm.length / 2);
    const peak = samples.reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
    expect(peak).toBeGreaterThan(1_000);
    expect(await provider.hasVoice('en-us')).toBe(true);
    expect(await provider.hasVoice('no-such-voice')).toBe(false);
  });

  it('kills the process when aborted', async () => {
    const provider = createEspeakProvider();
    const controller = new AbortController();
    controller.abort();
    await expect(drain(provider.stream({ text: 'Never spoken.', voice: 'en-us', speed: 1, sampleRate: 22_050, language: 'en', signal: controller.signal }))).rejects.toThrow();
  });
});

/** A provider's PCM as bytes, whether it yielded bytes or the base64 it received (Smallest.ai). */
async function drain(stream: AsyncIterable<Uint8Array | EncodedPcm>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk instanceof Uint8Array ? chunk : base64ToBytes(chunk.base64));
  return chunks;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

async function waitFor(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
