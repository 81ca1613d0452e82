/**
 * Pure types of the speech boundary (no server imports): the browser half reads the same format and event shapes.
 */

/** Audio relayed to the browser is always raw 16-bit little-endian mono PCM; only the sample rate varies by provider. */
export interface AudioFormat {
  encoding: 'pcm_s16le';
  sampleRate: number;
  channels: 1;
}

export type ServerTtsProviderId = 'smallest' | 'openai' | 'espeak';

/** One synthesis call, with every setting already resolved from config and the request. */
export interface SpeechRequest {
  text: string;
  voice: string;
  speed: number;
  /** Asked for; a provider with a fixed rate ignores it (its `formatFor` says what it will send). */
  sampleRate: number;
  language: string;
  /** Who asked (the visitor session): a provider that queues serves visitors in turn. Absent for the warm-up. */
  visitorId?: string;
  signal?: AbortSignal;
}

export interface ProviderHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/**
 * PCM that arrived base64-encoded (Smallest.ai's frames) and is relayed and cached as it came: decoding it to bytes only
 * to encode it again cost about a millisecond per chunk, the first one included. `bytes` is its decoded length (even).
 */
export interface EncodedPcm {
  base64: string;
  bytes: number;
}

/** A server text-to-speech provider. `stream` yields PCM in `formatFor(sampleRate)`, chunked as it arrives. */
export interface TtsProvider {
  readonly id: ServerTtsProviderId;
  /** The default format (at the configured sample rate). */
  readonly format: AudioFormat;
  /** The format a call asking for `sampleRate` will produce. */
  formatFor(sampleRate: number): AudioFormat;
  /** Settings that change the audio besides voice/speed/rate/language (the model), for the cache key. */
  readonly variant: string;
  stream(request: SpeechRequest): AsyncIterable<Uint8Array | EncodedPcm>;
  /** Whether the voice exists for this provider; unknown voices are a 400, not an upstream failure. */
  hasVoice(voice: string): Promise<boolean>;
  ping(): Promise<ProviderHealth>;
}

/** The SSE events of POST /api/v1/tts, in order: one `format`, any number of `audio`, then `done` or `error`. */
export interface TtsFormatEvent extends AudioFormat {
  provider: ServerTtsProviderId;
  /** Server-side only (the cache-hit event, the rate limit's fast path): never sent, see TtsPublicFormatEvent. */
  cached: boolean;
}
/**
 * The `format` event as sent. Without `cached`: whether an exact sentence was spoken before would tell any visitor
 * what other visitors' replies said (a name, an e-mail, a meeting time); docs/security.md, "Speech cache".
 */
export type TtsPublicFormatEvent = Omit<TtsFormatEvent, 'cached'>;
export interface TtsAudioEvent {
  seq: number;
  /** Base64 of PCM bytes in the announced format. */
  audio: string;
}
export interface TtsDoneEvent {
  chunks: number;
  bytes: number;
}
export interface TtsErrorEvent {
  code: string;
  message: string;
}

export const pcmFormat = (sampleRate: number): AudioFormat => ({ encoding: 'pcm_s16le', sampleRate, channels: 1 });
