/** @jest-environment node */
// /api/v1/transcribe against the Smallest.ai stand-in (pulse) and a minimal OpenAI transcription server, and
// /api/v1/tts when speech is left to the browser.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSmallestStandIn } from '@/scripts/standins/smallest-server.mjs';
import { parseServerConfig } from '@/lib/config';
import { getTranscribeGate } from '@/lib/security/concurrency';
import { transcribeAudio } from '@/lib/voice/transcribe';
import { MP3_ID3_HEAD, MP4_HEAD, OGG_HEAD, recording, WEBM_HEAD, webmRecording, wavHead } from '../support/audio-bytes';
import { TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

type StandIn = Awaited<ReturnType<typeof startSmallestStandIn>>;
let standIn: StandIn;
let transcribe: typeof import('@/app/api/v1/transcribe/route');
let tts: typeof import('@/app/api/v1/tts/route');
let auth: { authorization: string };

beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  standIn = await startSmallestStandIn({ apiKey: 'sm-key', transcript: 'What does the Growth plan cost?' });
  Object.assign(process.env, {
    SMALLEST_API_KEY: 'sm-key',
    SMALLEST_BASE_URL: standIn.url,
    TTS_PROVIDER: 'browser',
    SESSION_SECRET: TEST_SESSION_SECRET,
    RATE_LIMIT_TRANSCRIBE: 'off',
    TRANSCRIBE_MAX_BYTES: String(64 * 1024),
    TRANSCRIBE_MAX_SECONDS: '1',
    TRANSCRIBE_MAX_CONCURRENT: '1',
  });
  delete process.env.OPENAI_API_KEY;
  delete process.env.UPSTASH_REDIS_REST_URL;
  delete process.env.UPSTASH_REDIS_REST_TOKEN;
  transcribe = await import('@/app/api/v1/transcribe/route');
  tts = await import('@/app/api/v1/tts/route');
  const { authorization } = await visitorHeaders();
  auth = { authorization };
});

afterAll(() => standIn?.close());

function upload(body: BodyInit | null, { type = 'audio/webm', query = '', headers = {} }: { type?: string; query?: string; headers?: Record<string, string> } = {}) {
  return transcribe.POST(
    new Request(`http://localhost/api/v1/transcribe${query}`, {
      method: 'POST',
      body,
      headers: { ...auth, 'content-type': type, ...headers },
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit),
  );
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

/** A PCM WAV of `seconds` of silence at 8 kHz. */
function wav(seconds: number): Uint8Array<ArrayBuffer> {
  const rate = 8_000;
  const dataBytes = Math.round(seconds * rate) * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) => [...value].forEach((char, i) => (bytes[offset + i] = char.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
  return bytes;
}

/** A WebM recording of `total` bytes in 4 KiB chunks, counting how many were pulled. */
function countingStream(total: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const chunk = new Uint8Array(Math.min(4096, total - sent)).fill(1);
      if (sent === 0) chunk.set(WEBM_HEAD.slice(0, chunk.length));
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

describe('POST /api/v1/transcribe', () => {
  it('transcribes a raw recording with Smallest.ai pulse, passing its type and the language from the query', async () => {
    const response = await upload(webmRecording(2_000), { type: 'audio/webm;codecs=opus', query: '?language=es' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ text: 'What does the Growth plan cost?', provider: 'smallest' });
    const request = standIn.requests.at(-1);
    expect(request?.path).toBe('/waves/v1/pulse/get_text');
    expect(request?.body).toEqual({ bytes: 2_000, contentType: 'audio/webm;codecs=opus' });
  });

  it.each([
    ['audio/ogg', OGG_HEAD],
    ['audio/mp4', MP4_HEAD],
    ['audio/mpeg', MP3_ID3_HEAD],
    ['audio/x-wav', wavHead(64)],
    ['audio/wave', wavHead(64)],
  ])('accepts %s', async (type, head) => {
    const response = await upload(recording(head, 100, 1), { type });
    expect(response.status).toBe(200);
  });

  it('accepts a WAV within the duration cap and refuses a longer one from its header', async () => {
    expect((await upload(wav(0.9), { type: 'audio/wav' })).status).toBe(200);
    const response = await upload(wav(1.5), { type: 'audio/wav' });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large:transcribe', message: 'Recordings are limited to 1 seconds.', details: { maxSeconds: 1 } } });
  });

  it.each([
    ['multipart (the old wire format)', 'multipart/form-data; boundary=x'],
    ['JSON', 'application/json'],
    ['no type', ''],
    ['video', 'video/webm'],
  ])('refuses %s with 415', async (_name, type) => {
    const response = await upload('x', { type });
    expect(response.status).toBe(415);
    expect(await errorCode(response)).toBe('unsupported_media_type:transcribe');
  });

  it('refuses an empty recording with 400', async () => {
    const response = await upload(new Uint8Array(0));
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('bad_request:transcribe');
  });

  it('refuses a bad language with 400', async () => {
    const response = await upload(new Uint8Array(10), { query: '?language=../../x' });
    expect(response.status).toBe(400);
  });

  it('refuses a declared body over the cap before reading it', async () => {
    const body = countingStream(1024 * 1024);
    const response = await upload(body.stream, { headers: { 'content-length': String(1024 * 1024) } });
    expect(response.status).toBe(413);
    expect(await errorCode(response)).toBe('payload_too_large:transcribe');
    expect(body.pulled()).toBeLessThanOrEqual(4096);
  });

  it('cuts off an undeclared (chunked) body as soon as it passes the cap', async () => {
    const body = countingStream(10 * 1024 * 1024);
    const response = await upload(body.stream);
    expect(response.status).toBe(413);
    // The cap is 64 KiB: reading stopped right after it, not at the end of the 10 MiB.
    expect(body.pulled()).toBeLessThan(64 * 1024 + 3 * 4096);
  });

  it('answers 503 overloaded:transcribe with Retry-After when every slot is taken, without reading the body', async () => {
    const held = await getTranscribeGate().acquire({ wait: false });
    try {
      const body = countingStream(32 * 1024);
      const response = await upload(body.stream);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await errorCode(response)).toBe('overloaded:transcribe');
      expect(body.pulled()).toBeLessThanOrEqual(4096);
    } finally {
      held();
    }
    expect((await upload(webmRecording(10))).status).toBe(200);
  });

  it('requires a visitor session (401) and an allowed origin (403)', async () => {
    const anonymous = await transcribe.POST(
      new Request('http://localhost/api/v1/transcribe', { method: 'POST', body: new Uint8Array(10), headers: { 'content-type': 'audio/webm' } }),
    );
    expect(anonymous.status).toBe(401);
    const foreign = await upload(new Uint8Array(10), { headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
  });

  it('uses OpenAI transcription (multipart file named by type + model) when an OpenAI key is set', async () => {
    const seen: { contentType?: string; body?: string; auth?: string } = {};
    const server = http.createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (chunk: Buffer) => parts.push(chunk));
      req.on('end', () => {
        Object.assign(seen, { contentType: req.headers['content-type'], body: Buffer.concat(parts).toString('latin1'), auth: req.headers.authorization });
        res.writeHead(req.url === '/v1/audio/transcriptions' ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ text: ' Hello from OpenAI. ' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const config = parseServerConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` }).voice;
      const transcript = await transcribeAudio({ audio: new Uint8Array(10), contentType: 'audio/ogg', filename: 'speech.ogg' }, config);
      expect(transcript).toEqual({ text: 'Hello from OpenAI.', provider: 'openai' });
      expect(seen.auth).toBe('Bearer sk-test');
      expect(seen.contentType).toMatch(/^multipart\/form-data; boundary=/);
      expect(seen.body).toContain('filename="speech.ogg"');
      expect(seen.body).toContain('gpt-4o-mini-transcribe');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('times out a provider that does not answer, as a typed 503', async () => {
    const server = http.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const config = parseServerConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` }).voice;
      const pending = transcribeAudio({ audio: new Uint8Array(10), contentType: 'audio/webm', filename: 'speech.webm', timeoutMs: 200 }, config);
      await expect(pending).rejects.toMatchObject({ code: 'upstream_unavailable:transcribe', status: 503 });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('answers 503 when no transcription service is configured', async () => {
    const config = parseServerConfig({}).voice;
    await expect(transcribeAudio({ audio: new Uint8Array(10), contentType: 'audio/webm', filename: 'a.webm' }, config)).rejects.toMatchObject({
      code: 'upstream_unavailable:transcribe',
      status: 503,
    });
  });
});

describe('POST /api/v1/tts with browser speech', () => {
  it('answers 503 upstream_unavailable:voice and says to use browser speech', async () => {
    const response = await tts.POST(
      new Request('http://localhost/api/v1/tts', { method: 'POST', body: '{"text":"Hello"}', headers: { ...auth, 'content-type': 'application/json' } }),
    );
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.error.code).toBe('upstream_unavailable:voice');
    expect(body.error.message).toMatch(/browser/);
  });

  it('requires a visitor session', async () => {
    const response = await tts.POST(new Request('http://localhost/api/v1/tts', { method: 'POST', body: '{"text":"Hello"}', headers: { 'content-type': 'application/json' } }));
    expect(response.status).toBe(401);
  });
});
