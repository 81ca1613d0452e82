import type { Locale } from '@/lib/i18n/locales';
import { forgetVisitorSession, visitorHeaders } from '@/lib/client/visitor-session';
import { createPcm16Decoder } from '@/lib/voice/pcm';
import { speakPrices } from '@/lib/voice/spoken-prices';
import { readTtsEvents, type TtsFormat } from './tts-stream';

export type PlayerState = 'idle' | 'loading' | 'playing' | 'error';
/** `unavailable`: no speech at all (no server provider and no usable speechSynthesis); `failed`: one sentence failed. */
export type PlayerErrorCode = 'unavailable' | 'failed';

/** What the Web Audio graph has done, for the UI's data- attributes (end-to-end tests read them) and for debugging. */
export interface PlayerStats {
  /** Sentences handed to the player. */
  sentences: number;
  /** TTS requests sent to the server. */
  requests: number;
  /** AudioBufferSourceNodes started. */
  buffers: number;
  /** Total seconds of audio scheduled. */
  seconds: number;
  /** Sources scheduled and not yet ended or stopped. */
  active: number;
  /** Times stop() (barge-in) cut playback. */
  stops: number;
  /** Sentences spoken by the browser's speechSynthesis instead. */
  utterances: number;
  /** Milliseconds from the first sentence of a reply to its first scheduled audio, last reply. */
  firstAudioMs: number | null;
}

export interface SpeechPlayerOptions {
  language: Locale;
  endpoint?: string;
  /** TTS requests in flight at once: the next sentence is fetched while the current one plays. */
  maxInFlight?: number;
  fetch?: typeof fetch;
  /** Headers proving the visitor (the session's bearer token); tests pass their own. */
  authHeaders?: () => Promise<Record<string, string>>;
  /** Called when the server refused the session (401), so the next request starts a new one. */
  onUnauthorized?: () => void;
  createContext?: () => AudioContext;
  synthesis?: SpeechSynthesis | null;
  onChange?: () => void;
  onError?: (code: PlayerErrorCode) => void;
}

interface Item {
  text: string;
  controller: AbortController;
  started: boolean;
  done: boolean;
  fallback: boolean;
  format: TtsFormat | null;
  pending: Float32Array<ArrayBuffer>[];
  decoder: ReturnType<typeof createPcm16Decoder>;
}

// Scheduling a buffer "now" can land in the past by the time the audio thread sees it: start a hair later.
const START_LEAD_S = 0.01;
const DEFAULT_FORMAT: TtsFormat = { encoding: 'pcm_s16le', sampleRate: 24_000, channels: 1 };
import { SPEECH_TAGS as SPEECH_LANG } from '@/lib/voice/languages';

const emptyStats = (): PlayerStats => ({
  sentences: 0,
  requests: 0,
  buffers: 0,
  seconds: 0,
  active: 0,
  stops: 0,
  utterances: 0,
  firstAudioMs: null,
});

/**
 * Speaks sentences in order as they arrive: each is requested from /api/v1/tts as soon as it is queued (a bounded number
 * in flight), its PCM chunks are scheduled back to back on one AudioContext the moment they arrive, so the first words
 * play while later sentences are still being written and consecutive chunks play without gaps. stop() is barge-in.
 */
export class SpeechPlayer {
  state: PlayerState = 'idle';
  readonly stats: PlayerStats = emptyStats();
  language: Locale;

  private readonly options: SpeechPlayerOptions;
  private queue: Item[] = [];
  private readonly sources = new Set<AudioBufferSourceNode>();
  private context: AudioContext | null = null;
  private nextStartTime = 0;
  /** Bumped by stop(): callbacks of an older generation (late chunks of an aborted fetch) are ignored. */
  private generation = 0;
  /** The server said it has no speech provider: use speechSynthesis for the rest of the page's life. */
  private browserSpeech = false;
  private speaking = 0;
  private failed = false;
  private replyStartedAt: number | null = null;

  constructor(options: SpeechPlayerOptions) {
    this.options = options;
    this.language = options.language;
  }

  /** Call from a user gesture (click, key press): browsers only let audio start after one. */
  unlock(): void {
    const context = this.audio();
    if (context && context.state === 'suspended') void context.resume().catch(() => undefined);
  }

  speak(text: string): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    if (this.queue.length === 0 && this.sources.size === 0) this.replyStartedAt = performance.now();
    this.failed = false;
    this.stats.sentences += 1;
    this.queue.push({
      text: trimmed,
      controller: new AbortController(),
      started: false,
      done: false,
      fallback: false,
      format: null,
      pending: [],
      decoder: createPcm16Decoder(),
    });
    this.pump();
    this.update();
  }

  /** Barge-in: silence now, cancel every pending request (the server then cancels its provider call), forget the queue. */
  stop(): void {
    this.generation += 1;
    const hadWork = this.queue.length > 0 || this.sources.size > 0 || this.speaking > 0;
    for (const item of this.queue) item.controller.abort();
    this.queue = [];
    for (const source of this.sources) {
      source.onended = null;
      try {
        source.stop();
      } catch {
        // Already stopped: nothing to silence.
      }
    }
    this.sources.clear();
    this.nextStartTime = 0;
    if (this.speaking > 0) this.synthesis()?.cancel();
    this.speaking = 0;
    this.replyStartedAt = null;
    if (hadWork) this.stats.stops += 1;
    this.update();
  }

  /** stop() and release the audio device. */
  dispose(): void {
    this.stop();
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }

  private audio(): AudioContext | null {
    if (this.context) return this.context;
    const create =
      this.options.createContext ??
      (() => {
        const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
        if (!Context) throw new Error('Web Audio is not available');
        return new Context();
      });
    try {
      this.context = create();
    } catch {
      this.context = null;
    }
    return this.context;
  }

  private synthesis(): SpeechSynthesis | null {
    if (this.options.synthesis !== undefined) return this.options.synthesis;
    return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
  }

  private pump(): void {
    const limit = this.options.maxInFlight ?? 2;
    for (const item of this.queue) {
      if (item.started) continue;
      if (this.browserSpeech || !this.audio()) {
        item.started = true;
        item.done = true;
        item.fallback = true;
        continue;
      }
      const inFlight = this.queue.filter((queued) => queued.started && !queued.done).length;
      if (inFlight >= limit) break;
      item.started = true;
      void this.fetchItem(item, this.generation);
    }
    this.drain();
  }

  private async fetchItem(item: Item, generation: number): Promise<void> {
    const doFetch = this.options.fetch ?? fetch;
    this.stats.requests += 1;
    try {
      const auth = await (this.options.authHeaders ?? visitorHeaders)();
      if (generation !== this.generation || item.controller.signal.aborted) return;
      const response = await doFetch(this.options.endpoint ?? '/api/v1/tts', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ text: item.text, language: this.language }),
        signal: item.controller.signal,
      });
      if (generation !== this.generation) return;
      if (response.status === 503) {
        const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
        if (body?.error?.code === 'upstream_unavailable:voice') {
          this.browserSpeech = true;
          item.fallback = true;
          return;
        }
      }
      if (response.status === 401) (this.options.onUnauthorized ?? forgetVisitorSession)();
      if (!response.ok || !response.body) throw new Error(`TTS request failed with status ${response.status}`);
      await readTtsEvents(response.body, (event) => {
        if (generation !== this.generation) return;
        if (event.type === 'format') {
          if (event.format.encoding !== 'pcm_s16le' || !(event.format.sampleRate > 0)) throw new Error('Unsupported audio format');
          item.format = event.format;
        } else if (event.type === 'audio') {
          const samples = item.decoder.decode(event.audio);
          if (samples.length > 0) item.pending.push(samples);
          this.drain();
        } else if (event.type === 'error') {
          throw new Error(`${event.code}: ${event.message}`);
        }
      });
    } catch (error) {
      if (generation !== this.generation || item.controller.signal.aborted) return;
      // Close the connection too: a half-read stream would keep the server's provider call running.
      item.controller.abort();
      // The text reply is unaffected: report once, skip this sentence, go on with the next.
      console.warn('Speech for a sentence failed', error);
      item.pending = [];
      this.failed = true;
      this.options.onError?.('failed');
    } finally {
      if (generation === this.generation) {
        item.done = true;
        this.pump();
      }
    }
  }

  /** Schedules what the head of the queue has, in order; moves on once a sentence has been fully received. */
  private drain(): void {
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      for (const samples of head.pending.splice(0)) this.schedule(samples, head.format ?? DEFAULT_FORMAT);
      if (!head.done) break;
      if (head.fallback) this.speakInBrowser(head.text);
      this.queue.shift();
    }
    this.update();
  }

  private schedule(samples: Float32Array<ArrayBuffer>, format: TtsFormat): void {
    const context = this.audio();
    if (!context) return;
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const channels = Math.max(1, format.channels);
    const frames = Math.floor(samples.length / channels);
    if (frames === 0) return;
    const buffer = context.createBuffer(channels, frames, format.sampleRate);
    for (let channel = 0; channel < channels; channel += 1) {
      // The server's PCM is interleaved; Web Audio wants one array per channel.
      const data = channels === 1 ? samples.subarray(0, frames) : Float32Array.from({ length: frames }, (_, i) => samples[i * channels + channel] ?? 0);
      buffer.copyToChannel(data, channel);
    }
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    const startAt = Math.max(this.nextStartTime, context.currentTime + START_LEAD_S);
    source.onended = () => {
      this.sources.delete(source);
      this.update();
    };
    source.start(startAt);
    const duration = frames / format.sampleRate;
    this.nextStartTime = startAt + duration;
    this.sources.add(source);
    this.stats.buffers += 1;
    this.stats.seconds += duration;
    if (this.replyStartedAt !== null) {
      this.stats.firstAudioMs = Math.round(performance.now() - this.replyStartedAt);
      this.replyStartedAt = null;
    }
  }

  private speakInBrowser(text: string): void {
    const synthesis = this.synthesis();
    if (!synthesis || typeof SpeechSynthesisUtterance === 'undefined') {
      this.failed = true;
      this.options.onError?.('unavailable');
      return;
    }
    const utterance = new SpeechSynthesisUtterance(speakPrices(text, this.language));
    utterance.lang = SPEECH_LANG[this.language];
    const generation = this.generation;
    const finished = (failed: boolean) => {
      if (generation !== this.generation) return;
      this.speaking = Math.max(0, this.speaking - 1);
      if (failed) {
        this.failed = true;
        this.options.onError?.('unavailable');
      }
      this.update();
    };
    utterance.onend = () => finished(false);
    utterance.onerror = (event) => finished(event.error !== 'interrupted' && event.error !== 'canceled');
    this.speaking += 1;
    this.stats.utterances += 1;
    // speechSynthesis keeps its own queue, so sentences stay in order.
    synthesis.speak(utterance);
  }

  private update(): void {
    this.stats.active = this.sources.size;
    const next: PlayerState =
      this.sources.size > 0 || this.speaking > 0 ? 'playing' : this.queue.length > 0 ? 'loading' : this.failed ? 'error' : 'idle';
    this.state = next;
    this.options.onChange?.();
  }
}
