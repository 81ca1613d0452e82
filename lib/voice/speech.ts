import 'server-only';
import { getServerConfig, type VoiceConfig } from '@/lib/config';
import { AppError, isAppError } from '@/lib/errors';
import { isLocale, type Locale } from '@/lib/i18n';
import { espeakVoice, speechLanguage } from '@/lib/voice/languages';
import { processSingleton } from '@/lib/process-singleton';
import { getAudioCache, type AudioCache, type CachedAudio } from '@/lib/store';
import { base64ByteLength, bytesToBase64 } from './base64';
import { normaliseSpeechText, speechCacheId, speechCacheMaterial } from './cache-key';
import { createLru, type Lru } from '@/lib/lru';
import { selectTtsProvider } from './select';
import { speakPrices } from './spoken-prices';
import type { AudioFormat, EncodedPcm, ServerTtsProviderId, SpeechRequest, TtsFormatEvent, TtsProvider } from './types';

export interface SpeechInput {
  text: string;
  voice?: string;
  speed?: number;
  sampleRate?: number;
  /** A UI locale (en, es: mapped through TTS_LANGUAGE_*) or a provider language code. */
  language?: string;
  /** The visitor session asking: providers that queue serve visitors in turn. */
  visitorId?: string;
  signal?: AbortSignal;
}

export interface SpeechChunk {
  /** Base64 of PCM in `format`; base64 already, because that is how it is both relayed and cached. */
  audio: string;
  bytes: number;
}

export interface SpeechResult {
  format: TtsFormatEvent;
  /** Ends after the audio is cached and the lookup counted, so a caller that saw the end can rely on both. */
  chunks: AsyncGenerator<SpeechChunk, void, undefined>;
  /** Stops the provider call (the client went away). */
  abort(): void;
  /** The client's signal: once it fires, nobody is listening, so a failure ends the relay quietly. */
  readonly signal: AbortSignal;
}

/** A request checked and looked up, before anything is asked of the provider (see `SpeechService.prepare`). */
export interface PreparedSpeech {
  /** The audio is in the cache: `start` replays it from memory and calls nobody. */
  readonly cached: boolean;
  /** Replays the cached audio, or calls the provider and waits for its first chunk (a failure before it throws). */
  start(): Promise<SpeechResult>;
}

export interface SpeechService {
  readonly providerId: ServerTtsProviderId | 'browser';
  readonly provider: TtsProvider | null;
  /**
   * Everything before the provider call: the text and settings checked, the voice known, the cache looked up (this
   * process's memory first, without hashing, then Redis). Costs no provider call, so it can run while the route waits
   * for the rate limit's verdict.
   */
  prepare(input: SpeechInput): Promise<PreparedSpeech>;
  /** `prepare` then `start`. */
  synthesize(input: SpeechInput): Promise<SpeechResult>;
  /** Clears the in-process layer only (tests use it to prove Redis serves a hit). */
  clearMemory(): void;
}

/** Entries larger than this are streamed but not cached: a long monologue is unlikely to repeat and would bloat Redis. */
const MAX_CACHED_BYTES = 2 * 1024 * 1024;

interface MemoryEntry {
  audio: CachedAudio;
  /** The Redis key, kept so that a memory hit never hashes. */
  id: string;
  /** Decoded PCM bytes of each chunk, computed once. */
  bytes: number[];
}

export function createSpeechService(options: { config: VoiceConfig; provider: TtsProvider | null; cache: AudioCache; lruBytes?: number }): SpeechService {
  const { config, provider, cache } = options;
  // Keyed by the key material itself (lib/voice/cache-key.ts), not its hash: a hit costs a Map lookup.
  const lru: Lru<MemoryEntry> = createLru({ maxEntries: 256, maxBytes: options.lruBytes ?? 32 * 1024 * 1024, ttlMs: config.cacheTtlSeconds * 1000 });
  // The default voice of each locale depends on config alone: resolved once per locale.
  const defaultVoices = new Map<Locale, string>();
  const voiceFor = (active: TtsProvider, locale: Locale) => {
    let voice = defaultVoices.get(locale);
    if (voice === undefined) defaultVoices.set(locale, (voice = defaultVoice(config, active.id, locale)));
    return voice;
  };
  const remember = (material: string, id: string, audio: CachedAudio) => {
    const entry: MemoryEntry = { audio, id, bytes: audio.chunks.map((chunk) => Math.max(0, base64ByteLength(chunk))) };
    lru.set(material, entry, sizeOf(audio));
    return entry;
  };

  async function prepare(input: SpeechInput): Promise<PreparedSpeech> {
    const text = normaliseSpeechText(input.text);
    if (!text) throw new AppError('bad_request:voice', 'There is no text to speak.');
    if (text.length > config.maxChars) throw new AppError('payload_too_large:voice', `Speech is limited to ${config.maxChars} characters per request.`);
    if (!provider) {
      throw new AppError(
        'upstream_unavailable:voice',
        'Server speech is not configured (no Smallest.ai or OpenAI key, no espeak-ng): use the browser\'s speech synthesis (speechSynthesis) instead.',
      );
    }
    const locale = input.language && isLocale(input.language) ? input.language : undefined;
    const language = locale ? speechLanguage(config, locale) : (input.language ?? config.languages.en);
    // Prices are said as amounts in the listener's language ("$1,960" is not "dólar uno coma novecientos sesenta").
    const spokenLocale = locale ?? (input.language === undefined ? 'en' : localeOfLanguage(input.language));
    const spoken = spokenLocale ? speakPrices(text, spokenLocale) : text;
    // The provider bills what it is sent: a text of prices at the cap ("$1.01 $1.01 …") is three to four times as long
    // written out, so the cap holds for the spoken text too.
    if (spoken.length > config.maxChars) throw new AppError('payload_too_large:voice', `Speech is limited to ${config.maxChars} characters per request.`);
    const voice = input.voice ?? voiceFor(provider, locale ?? 'en');
    if (input.voice !== undefined && !(await provider.hasVoice(input.voice).catch(voiceListFailed))) {
      throw new AppError('bad_request:voice', `Unknown voice "${input.voice}" for ${provider.id}.`);
    }
    const speed = input.speed ?? config.speed;
    const requestedRate = input.sampleRate ?? config.sampleRate;
    const format = provider.formatFor(requestedRate);
    const material = speechCacheMaterial({ provider: provider.id, variant: provider.variant, voice, speed, sampleRate: format.sampleRate, language, text: spoken });
    const signal = input.signal ?? new AbortController().signal;

    const inMemory = lru.get(material);
    const id = inMemory?.id ?? (await speechCacheId(material));
    const fromRedis = inMemory ? null : await readCache(cache, id);
    const hit = inMemory ?? (fromRedis ? remember(material, id, fromRedis) : null);
    // Counted when served, not when looked up: a request refused after this (rate limit, overload) is neither.
    const count = () => cache.countAudioLookup({ hit: Boolean(hit) }).catch(logCacheError);
    if (hit) {
      if (inMemory) lru.set(material, inMemory, sizeOf(inMemory.audio));
      const format: TtsFormatEvent = { ...hit.audio.format, provider: provider.id, cached: true };
      return { cached: true, start: async () => ({ format, chunks: replay(hit, count()), abort: () => undefined, signal }) };
    }
    const request: SpeechRequest = { text: spoken, voice, speed, sampleRate: requestedRate, language, visitorId: input.visitorId };
    return { cached: false, start: () => speak({ request, material, id, format, counted: count(), signal: input.signal }) };
  }

  async function speak(args: { request: SpeechRequest; material: string; id: string; format: AudioFormat; counted: Promise<void>; signal: AbortSignal | undefined }): Promise<SpeechResult> {
    const { request, material, id, format, counted } = args;
    const active = provider as TtsProvider;
    const controller = new AbortController();
    const onAbort = () => controller.abort(args.signal?.reason);
    if (args.signal?.aborted) onAbort();
    args.signal?.addEventListener('abort', onAbort, { once: true });
    const upstream = active.stream({ ...request, signal: controller.signal })[Symbol.asyncIterator]();
    // Wait for the first chunk before answering, so a failure before any audio (bad key, retired model, outage)
    // reaches the client as a typed HTTP error rather than an error event inside a 200.
    let first: IteratorResult<Uint8Array | EncodedPcm>;
    try {
      first = await upstream.next();
    } catch (error) {
      args.signal?.removeEventListener('abort', onAbort);
      throw error;
    }
    const entry: CachedAudio = { provider: active.id, format: { encoding: format.encoding, sampleRate: format.sampleRate, channels: 1 }, chunks: [] };

    async function* relay(): AsyncGenerator<SpeechChunk, void, undefined> {
      let bytes = 0;
      let complete = false;
      try {
        for (let step = first; !step.done; step = await upstream.next()) {
          const chunk = step.value instanceof Uint8Array ? { audio: bytesToBase64(step.value), bytes: step.value.byteLength } : { audio: step.value.base64, bytes: step.value.bytes };
          bytes += chunk.bytes;
          if (bytes <= MAX_CACHED_BYTES) entry.chunks.push(chunk.audio);
          yield chunk;
        }
        complete = true;
      } finally {
        args.signal?.removeEventListener('abort', onAbort);
        if (!complete) {
          controller.abort();
          await upstream.return?.(undefined).catch(() => undefined);
        }
      }
      // Only whole utterances are cached: a cut-off one would replay as a sentence that stops mid-word.
      if (bytes > 0 && bytes <= MAX_CACHED_BYTES) {
        remember(material, id, entry);
        await cache.setAudio({ id, audio: entry, ttlSeconds: config.cacheTtlSeconds }).catch(logCacheError);
      }
      await counted;
    }

    const abort = () => {
      controller.abort();
      // Also ends a relay that never started, which would otherwise keep the provider (and its queue slot) open.
      args.signal?.removeEventListener('abort', onAbort);
      void upstream.return?.(undefined)?.catch(() => undefined);
    };
    return { format: { ...format, provider: active.id, cached: false }, chunks: relay(), abort, signal: args.signal ?? new AbortController().signal };
  }

  return {
    providerId: provider?.id ?? 'browser',
    provider,
    clearMemory: () => lru.clear(),
    prepare,
    synthesize: async (input) => (await prepare(input)).start(),
  };
}

async function* replay(entry: MemoryEntry, counted: Promise<void>): AsyncGenerator<SpeechChunk, void, undefined> {
  const { chunks } = entry.audio;
  for (let index = 0; index < chunks.length; index++) yield { audio: chunks[index] as string, bytes: entry.bytes[index] ?? 0 };
  await counted;
}

/** The UI locale of a language code ("es", "es-MX" → es), if it is one of ours. */
function localeOfLanguage(language: string): Locale | undefined {
  const base = language.slice(0, 2).toLowerCase();
  return isLocale(base) ? base : undefined;
}

function defaultVoice(config: VoiceConfig, provider: ServerTtsProviderId, locale: Locale): string {
  if (provider === 'smallest') return config.smallest?.voiceId ?? 'emily';
  if (provider === 'openai') return config.openai?.ttsVoice ?? 'alloy';
  return espeakVoice(config, locale);
}

/** A cache outage must not silence the agent: log it and synthesise as on a miss. */
async function readCache(cache: AudioCache, id: string): Promise<CachedAudio | null> {
  try {
    return await cache.getAudio({ id });
  } catch (error) {
    logCacheError(error);
    return null;
  }
}

function logCacheError(error: unknown): void {
  console.warn('[voice] speech cache unavailable:', error instanceof Error ? error.message : String(error));
}

function voiceListFailed(error: unknown): never {
  throw isAppError(error) ? error : new AppError('upstream_unavailable:voice', 'The voice list could not be loaded.', { cause: error });
}

function sizeOf(audio: CachedAudio): number {
  return audio.chunks.reduce((total, chunk) => total + chunk.length, 0);
}

/**
 * The process's speech service: provider chosen once from config, cache on the configured store. One per process
 * (lib/process-singleton.ts): the start-up warm-up and /api/v1/tts must share the provider's queue.
 */
export function getSpeechService(): SpeechService {
  return processSingleton('speech-service', () => {
    const config = getServerConfig();
    const provider = selectTtsProvider(config.voice, undefined, { timeoutMs: config.security.upstreamTimeoutMs });
    return createSpeechService({ config: config.voice, provider, cache: getAudioCache() });
  });
}
