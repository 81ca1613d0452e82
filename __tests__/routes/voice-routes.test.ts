/** @jest-environment node */
// /api/v1/transcribe against the Smallest.ai stand-in (pulse) and a minimal OpenAI transcription server, and
// /api/v1/tts when speech is left to the browser.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSmallestStandIn } from '@/scripts/standins/smallest-server.mjs';
import { parseServerConfig } from '@/lib/config';
import { transcribeAudio } from '@/lib/voice/transcribe';

type StandIn = Awaited<ReturnType<typeof startSmallestStandIn>>;
let standIn: StandIn;
let transcribe: typeof import('@/app/api/v1/transcribe/route');
let tts: typeof import('@/app/api/v1/tts/route');

beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  standIn = await startSmallestStandIn({ apiKey: 'sm-key', transcript: 'What does the Growth plan cost?' });
  Object.assign(process.env, { SMALLEST_API_KEY: 'sm-key', SMALLEST_BASE_URL: standIn.url, TTS_PROVIDER: 'browser' });
  delete process.env.OPENAI_API_KEY;
  delete process.env.UPSTASH_REDIS_REST_URL;
  delete process.env.UPSTASH_REDIS_REST_TOKEN;
  transcribe = await import('@/app/api/v1/transcribe/route');
  tts = await import('@/app/api/v1/tts/route');
});

afterAll(() => standIn?.close());

function upload(form: FormData | string, contentType?: string) {
  return transcribe.POST(
    new Request('http://localhost/api/v1/transcribe', { method: 'POST', body: form, ...(contentType ? { headers: { 'content-type': contentType } } : {}) }),
  );
}

describe('POST /api/v1/transcribe', () => {
  it('transcribes a recording with Smallest.ai pulse when only its key is set', async () => {
    const form = new FormData();
    form.append('file', new File([new Uint8Array(2_000).fill(7)], 'speech.webm', { type: 'audio/webm' }));
    form.append('language', 'es');
    const response = await upload(form);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ text: 'What does the Growth plan cost?', provider: 'smallest' });
    const request = standIn.requests.at(-1);
    expect(request?.path).toBe('/waves/v1/pulse/get_text');
    expect(request?.body).toEqual({ bytes: 2_000, contentType: 'audio/webm' });
  });

  it.each([
    ['no file field', () => new FormData(), 400, 'bad_request:voice'],
    ['an empty recording', () => formWith(new File([], 'a.webm', { type: 'audio/webm' })), 400, 'bad_request:voice'],
  ])('refuses %s', async (_name, build, status, code) => {
    const response = await upload(build());
    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toBe(code);
  });

  it('refuses a body that is not multipart with 415', async () => {
    const response = await upload('{"audio":"…"}', 'application/json');
    expect(response.status).toBe(415);
    expect((await response.json()).error.code).toBe('unsupported_media_type:voice');
  });

  it('refuses a declared body over 25 MiB before reading it', async () => {
    const response = await transcribe.POST(
      new Request('http://localhost/api/v1/transcribe', {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(30 * 1024 * 1024) },
        body: 'x',
      }),
    );
    expect(response.status).toBe(413);
  });

  it('uses OpenAI transcription (multipart file + model) when an OpenAI key is set', async () => {
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
      const transcript = await transcribeAudio({ audio: new Blob([new Uint8Array(10)], { type: 'audio/ogg' }), filename: 'clip.ogg' }, config);
      expect(transcript).toEqual({ text: 'Hello from OpenAI.', provider: 'openai' });
      expect(seen.auth).toBe('Bearer sk-test');
      expect(seen.contentType).toMatch(/^multipart\/form-data; boundary=/);
      expect(seen.body).toContain('filename="clip.ogg"');
      expect(seen.body).toContain('gpt-4o-mini-transcribe');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('answers 503 when no transcription service is configured', async () => {
    const config = parseServerConfig({}).voice;
    await expect(transcribeAudio({ audio: new Blob([new Uint8Array(10)]), filename: 'a.webm' }, config)).rejects.toMatchObject({
      code: 'upstream_unavailable:voice',
      status: 503,
    });
  });
});

describe('POST /api/v1/tts with browser speech', () => {
  it('answers 503 upstream_unavailable:voice and says to use browser speech', async () => {
    const response = await tts.POST(new Request('http://localhost/api/v1/tts', { method: 'POST', body: '{"text":"Hello"}' }));
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.error.code).toBe('upstream_unavailable:voice');
    expect(body.error.message).toMatch(/browser/);
  });
});

function formWith(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}
