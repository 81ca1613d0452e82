import { SpeechPlayer, type PlayerErrorCode } from '@/components/voice/speech-player';
import { FakeAudioContext, FakeUtterance, fakeSynthesis, pcmChunk, settle, ttsCall, voiceUnavailable, type TtsCall } from '../support/voice-fakes';

interface Harness {
  player: SpeechPlayer;
  context: () => FakeAudioContext;
  calls: TtsCall[];
  errors: PlayerErrorCode[];
  synthesis: ReturnType<typeof fakeSynthesis>;
}

function setup({ respond, language = 'en' }: { respond?: (text: string) => Response | null; language?: 'en' | 'es' } = {}): Harness {
  const calls: TtsCall[] = [];
  const errors: PlayerErrorCode[] = [];
  const synthesis = fakeSynthesis();
  let context: FakeAudioContext | null = null;
  const fetchStub = jest.fn(async (_url: RequestInfo | URL, init: RequestInit = {}) => {
    const body = JSON.parse(String(init.body)) as { text: string; language: unknown };
    const custom = respond?.(body.text);
    if (custom) return custom;
    const { call, response } = ttsCall(body.text, body.language, init.signal!);
    calls.push(call);
    return response;
  });
  const player = new SpeechPlayer({
    language,
    fetch: fetchStub as unknown as typeof fetch,
    authHeaders: async () => ({ authorization: 'Bearer test-visitor' }),
    createContext: () => {
      context = new FakeAudioContext();
      return context as unknown as AudioContext;
    },
    synthesis: synthesis as unknown as SpeechSynthesis,
    onError: (code) => errors.push(code),
  });
  return {
    player,
    context: () => {
      if (!context) throw new Error('No AudioContext yet');
      return context;
    },
    calls,
    errors,
    synthesis,
  };
}

const CHUNK_S = 240 / 24_000;

beforeAll(() => {
  (globalThis as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = FakeUtterance;
});

describe('SpeechPlayer', () => {
  it('requests each sentence at once (two in flight) and plays all chunks gaplessly, in sentence order', async () => {
    const { player, context, calls } = setup();
    player.speak('One.');
    player.speak('Two.');
    player.speak('Three.');
    await settle();
    // Bounded: the third sentence waits for a free slot.
    expect(calls.map((call) => call.text)).toEqual(['One.', 'Two.']);
    expect(calls[0]!.language).toBe('en');
    expect(player.state).toBe('loading');

    // The second sentence's audio arrives first: it must wait for the first.
    calls[1]!.format();
    calls[1]!.audio(0, pcmChunk(2000));
    calls[1]!.audio(1, pcmChunk(2001));
    calls[1]!.done();
    await settle();
    expect(context().scheduled).toEqual([]);

    // The first sentence's first chunk plays as soon as it arrives, while its stream is still open.
    calls[0]!.format();
    calls[0]!.audio(0, pcmChunk(1000));
    await settle();
    expect(context().scheduled).toHaveLength(1);
    expect(player.state).toBe('playing');
    calls[0]!.audio(1, pcmChunk(1001, 480));
    calls[0]!.done();
    await settle();
    // A slot freed up: the third sentence is requested now.
    expect(calls.map((call) => call.text)).toEqual(['One.', 'Two.', 'Three.']);
    calls[2]!.format();
    calls[2]!.audio(0, pcmChunk(3000));
    calls[2]!.done();
    await settle();

    const scheduled = context().scheduled;
    expect(scheduled.map((entry) => Math.round(entry.first * 32768))).toEqual([1000, 1001, 2000, 2001, 3000]);
    for (let i = 1; i < scheduled.length; i += 1) {
      // Gapless: each buffer starts exactly where the previous one ends.
      expect(scheduled[i]!.at).toBeCloseTo(scheduled[i - 1]!.at + scheduled[i - 1]!.duration, 9);
    }
    expect(scheduled[1]!.duration).toBeCloseTo(2 * CHUNK_S, 9);
    expect(scheduled.every((entry) => entry.source.connected)).toBe(true);
    expect(player.stats).toMatchObject({ sentences: 3, requests: 3, buffers: 5, active: 5 });
    expect(player.stats.seconds).toBeCloseTo(6 * CHUNK_S, 9);

    // Playback ends → idle.
    for (const entry of scheduled) entry.source.end();
    expect(player.state).toBe('idle');
    expect(player.stats.active).toBe(0);
  });

  it('restarts the schedule at the current time after an underrun instead of scheduling in the past', async () => {
    const { player, context, calls } = setup();
    player.speak('Hello.');
    await settle();
    calls[0]!.format();
    calls[0]!.audio(0, pcmChunk(1));
    await settle();
    context().currentTime = 5;
    calls[0]!.audio(1, pcmChunk(2));
    await settle();
    const [first, second] = context().scheduled;
    expect(first!.at).toBeCloseTo(0.01, 9);
    expect(second!.at).toBeCloseTo(5.01, 9);
  });

  it('stop() silences every scheduled source, aborts pending requests and forgets the queue', async () => {
    const { player, context, calls } = setup();
    player.speak('One.');
    player.speak('Two.');
    player.speak('Three.');
    await settle();
    calls[0]!.format();
    calls[0]!.audio(0, pcmChunk(1));
    calls[0]!.audio(1, pcmChunk(2));
    calls[1]!.format();
    calls[1]!.audio(0, pcmChunk(3));
    await settle();
    expect(context().scheduled).toHaveLength(2);

    player.stop();
    expect(context().sources.every((source) => source.stopped)).toBe(true);
    expect(calls.map((call) => call.signal.aborted)).toEqual([true, true]);
    expect(player.state).toBe('idle');
    expect(player.stats).toMatchObject({ stops: 1, active: 0 });

    // Nothing from before the stop plays later, and the third sentence is never requested.
    calls[0]!.audio(2, pcmChunk(4));
    await settle();
    expect(context().scheduled).toHaveLength(2);
    expect(calls).toHaveLength(2);

    // The player is reusable after a barge-in.
    player.speak('Fresh start.');
    await settle();
    expect(calls.at(-1)!.text).toBe('Fresh start.');
    calls.at(-1)!.format();
    calls.at(-1)!.audio(0, pcmChunk(9));
    await settle();
    expect(context().scheduled.at(-1)!.at).toBeCloseTo(0.01, 9);
  });

  it('falls back to speechSynthesis, per sentence and in the UI language, when the server has no speech provider', async () => {
    const { player, calls, synthesis } = setup({ respond: () => voiceUnavailable(), language: 'es' });
    player.speak('Hola.');
    player.speak('¿Cuántos usuarios sois?');
    await settle();
    player.speak('Gracias.');
    await settle();
    expect(calls).toHaveLength(0);
    expect(synthesis.spoken.map((utterance) => [utterance.text, utterance.lang])).toEqual([
      ['Hola.', 'es-ES'],
      ['¿Cuántos usuarios sois?', 'es-ES'],
      ['Gracias.', 'es-ES'],
    ]);
    // After the first 503, later sentences go straight to the browser: at most the first two were requested.
    expect(player.stats.requests).toBeLessThanOrEqual(2);
    expect(player.stats.utterances).toBe(3);
    expect(player.state).toBe('playing');
    player.stop();
    expect(synthesis.cancelled).toBe(1);
  });

  it('reports a text-only notice when speechSynthesis fails too (headless browsers have no voices)', async () => {
    const { player, synthesis, errors } = setup({ respond: () => voiceUnavailable() });
    player.speak('Hello.');
    await settle();
    synthesis.spoken[0]!.onerror?.({ error: 'synthesis-failed' });
    expect(errors).toEqual(['unavailable']);
    expect(player.state).toBe('error');
  });

  it('skips a sentence whose stream fails, reports it once, and plays the next', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { player, context, calls, errors } = setup();
    player.speak('Broken.');
    player.speak('Fine.');
    await settle();
    calls[0]!.format();
    calls[0]!.error('upstream_error:voice', 'provider failed');
    calls[1]!.format();
    calls[1]!.audio(0, pcmChunk(7));
    calls[1]!.done();
    await settle();
    expect(errors).toEqual(['failed']);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    expect(context().scheduled.map((entry) => Math.round(entry.first * 32768))).toEqual([7]);
  });

  it('treats an unexpected HTTP error or a non-PCM format as a failed sentence, never a hang', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { player, calls, errors } = setup({
      respond: (text) => (text === 'Bad.' ? Response.json({ error: { code: 'bad_request:tts', message: 'x' } }, { status: 400 }) : null),
    });
    player.speak('Bad.');
    player.speak('Wrong format.');
    await settle();
    calls[0]!.raw(`event: format\ndata: ${JSON.stringify({ encoding: 'mp3', sampleRate: 24000, channels: 1 })}\n\n`);
    await settle();
    expect(errors).toEqual(['failed', 'failed']);
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(player.state).toBe('error');
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});

describe('readTtsEvents', () => {
  it('parses frames split across reads, CRLF line endings and multi-line data, and ignores unknown events', async () => {
    const { readTtsEvents } = await import('@/components/voice/tts-stream');
    const text =
      'event: format\r\ndata: {"encoding":"pcm_s16le","sampleRate":24000,"channels":1,"provider":"smallest","cached":true}\r\n\r\n' +
      ': keep-alive comment\n\n' +
      'event: ping\ndata: {}\n\n' +
      'event: audio\ndata: {"seq":0,\ndata: "audio":"AAA="}\n\n' +
      'event: done\ndata: {"chunks":1,"bytes":2,"cached":true}\n\n';
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        // Seven-byte reads: frames, lines and even the CRLF pairs are cut in the middle.
        for (let i = 0; i < bytes.length; i += 7) controller.enqueue(bytes.slice(i, i + 7));
        controller.close();
      },
    });
    const events: unknown[] = [];
    await readTtsEvents(stream, (event) => events.push(event));
    expect(events).toEqual([
      { type: 'format', format: { encoding: 'pcm_s16le', sampleRate: 24000, channels: 1, provider: 'smallest' } },
      { type: 'audio', seq: 0, audio: 'AAA=' },
      { type: 'done', chunks: 1, bytes: 2 },
    ]);
  });
});
