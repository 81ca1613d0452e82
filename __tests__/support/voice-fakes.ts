/**
 * Browser speech APIs for jsdom, which has none: a recording AudioContext, a scriptable SpeechRecognition and a
 * controllable /api/v1/tts server. They record what the code under test did so tests can assert on the audio graph.
 */
import { pushableBody } from './pushable-body';

export class FakeBuffer {
  readonly channels: Float32Array[] = [];
  constructor(
    readonly numberOfChannels: number,
    readonly length: number,
    readonly sampleRate: number,
  ) {}
  get duration() {
    return this.length / this.sampleRate;
  }
  copyToChannel(source: Float32Array, channel: number) {
    this.channels[channel] = Float32Array.from(source);
  }
}

export class FakeSource {
  buffer: FakeBuffer | null = null;
  onended: (() => void) | null = null;
  startedAt: number | null = null;
  stopped = false;
  connected = false;
  connect() {
    this.connected = true;
  }
  start(when = 0) {
    this.startedAt = when;
  }
  stop() {
    this.stopped = true;
  }
  /** What the audio thread does when the buffer has played out. */
  end() {
    this.onended?.();
  }
}

export class FakeAudioContext {
  static instances: FakeAudioContext[] = [];
  currentTime = 0;
  state: 'running' | 'suspended' | 'closed' = 'running';
  readonly destination = {};
  readonly sources: FakeSource[] = [];
  resumed = 0;
  constructor() {
    FakeAudioContext.instances.push(this);
  }
  createBuffer(channels: number, length: number, sampleRate: number) {
    return new FakeBuffer(channels, length, sampleRate);
  }
  createBufferSource() {
    const source = new FakeSource();
    this.sources.push(source);
    return source;
  }
  resume() {
    this.resumed += 1;
    this.state = 'running';
    return Promise.resolve();
  }
  close() {
    this.state = 'closed';
    return Promise.resolve();
  }
  /** Sources in the order they were started, with their start times and first sample. */
  get scheduled() {
    return this.sources
      .filter((source) => source.startedAt !== null)
      .map((source) => ({ at: source.startedAt!, duration: source.buffer!.duration, first: source.buffer!.channels[0]?.[0] ?? NaN, source }));
  }
}

/** Base64 PCM s16le of `frames` samples, all equal to `value` (an int16). */
export function pcmChunk(value: number, frames = 240): string {
  const bytes = Buffer.alloc(frames * 2);
  for (let i = 0; i < frames; i += 1) bytes.writeInt16LE(value, i * 2);
  return bytes.toString('base64');
}

export interface TtsCall {
  text: string;
  language: unknown;
  signal: AbortSignal;
  format(sampleRate?: number): void;
  audio(seq: number, base64: string): void;
  done(): void;
  error(code: string, message?: string): void;
  /** Pushes a raw SSE frame. */
  raw(frame: string): void;
}

/** A TTS response whose SSE frames the test pushes one by one; aborting the request errors the body like fetch does. */
export function ttsCall(text: string, language: unknown, signal: AbortSignal): { call: TtsCall; response: Response } {
  const body = pushableBody(signal);
  const push = (frame: string) => body.push(frame);
  const call: TtsCall = {
    text,
    language,
    signal,
    format: (sampleRate = 24_000) =>
      push(`event: format\ndata: ${JSON.stringify({ encoding: 'pcm_s16le', sampleRate, channels: 1, provider: 'smallest' })}\n\n`),
    audio: (seq, audio) => push(`event: audio\ndata: ${JSON.stringify({ seq, audio })}\n\n`),
    done: () => {
      push(`event: done\ndata: ${JSON.stringify({ chunks: 1, bytes: 1 })}\n\n`);
      body.close();
    },
    error: (code, message = 'failed') => {
      push(`event: error\ndata: ${JSON.stringify({ code, message })}\n\n`);
      body.close();
    },
    raw: push,
  };
  return { call, response: new Response(body.stream, { status: 200, headers: { 'content-type': 'text/event-stream' } }) };
}

export const voiceUnavailable = () =>
  Response.json({ error: { code: 'upstream_unavailable:voice', message: 'No speech provider is configured.' } }, { status: 503 });

/** Lets pending promise callbacks (fetch resolution, stream reads) run. */
export async function settle(rounds = 10) {
  for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

type Listener = ((event: never) => void) | null;

/** A SpeechRecognition the test drives: `emit(['hello'], false)` for interim words, `finish()` for the end. */
export class FakeRecognition {
  static instances: FakeRecognition[] = [];
  lang = '';
  interimResults = false;
  continuous = true;
  maxAlternatives = 0;
  started = false;
  stopped = false;
  aborted = false;
  onstart: Listener = null;
  onspeechstart: (() => void) | null = null;
  onresult: ((event: { results: unknown }) => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  onend: (() => void) | null = null;
  constructor() {
    FakeRecognition.instances.push(this);
  }
  start() {
    this.started = true;
  }
  stop() {
    this.stopped = true;
    this.onend?.();
  }
  abort() {
    this.aborted = true;
  }
  emit(parts: Array<{ text: string; final: boolean }>) {
    const results = parts.map((part) => Object.assign([{ transcript: part.text }], { isFinal: part.final }));
    this.onresult?.({ results });
  }
  fail(error: string) {
    this.onerror?.({ error });
    this.onend?.();
  }
  finish() {
    this.onend?.();
  }
  static get last(): FakeRecognition {
    const last = FakeRecognition.instances.at(-1);
    if (!last) throw new Error('No recognition was created');
    return last;
  }
}

export class FakeUtterance {
  lang = '';
  onend: (() => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

export function fakeSynthesis() {
  const spoken: FakeUtterance[] = [];
  return {
    spoken,
    cancelled: 0,
    speak(utterance: FakeUtterance) {
      spoken.push(utterance);
    },
    cancel() {
      this.cancelled += 1;
    },
  };
}
