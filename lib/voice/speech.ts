import 'server-only';
import { getServerConfig, type VoiceConfig } from '@/lib/config';
import { AppError, isAppError } from '@/lib/errors';
import { isLocale, type Locale } from '@/lib/i18n';
import { espeakVoice, speechLanguage } from '@/lib/voice/languages';
import { processSingleton } from '@/lib/process-singleton';
import { getAudioCache, type AudioCache, type CachedAudio } from '@/lib/store';
import { bytesToBase64 } from './base64';
import { normaliseSpeechText, speechCacheId } from './cache-key';
import { createLru, type Lru } from './lru';
import { selectTtsProvider } from './select';
import type { ServerTtsProviderId, TtsFormatEvent, TtsProvider } from './types';

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

export interface SpeechService {
  readonly providerId: ServerTtsProviderId | 'browser';
  readonly provider: TtsProvider | null;
  synthesize(input: SpeechInput): Promise<SpeechResult>;
  /** Clears the in-process layer only (tests use it to prove Redis serves a hit). */
  clearMemory(): void;
}

/** Entries larger than this are streamed but not cached: a long monologue is unlikely to repeat and would bloat Redis. */
const MAX_CACHED_BYTES = 2 * 1024 * 1024;

export function createSpeechService(options: { config: VoiceConfig; provider: TtsProvider | null; cache: AudioCache; lruBytes?: number }): SpeechService {
  const { config, provider, cache } = options;
  const lru: Lru<CachedAudio> = createLru({ maxEntries: 256, maxBytes: options.lruBytes ?? 32 * 1024 * 1024, ttlMs: config.cacheTtlSeconds * 1000 });

  return {
    providerId: provider?.id ?? 'browser',
    provider,
    clearMemory: () => lru.clear(),

    async synthesize(input) {
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
      const voice = input.voice ?? defaultVoice(config, provider.id, locale ?? 'en');
      if (input.voice !== undefined && !(await provider.hasVoice(input.voice).catch(voiceListFailed))) {
        throw new AppError('bad_request:voice', `Unknown voice "${input.voice}" for ${provider.id}.`);
      }
      const speed = input.speed ?? config.speed;
      const requestedRate = input.sampleRate ?? config.sampleRate;
      const format = provider.formatFor(requestedRate);
      const id = await speechCacheId({ provider: provider.id, variant: provider.variant, voice, speed, sampleRate: format.sampleRate, language, text });

      const cached = lru.get(id) ?? (await readCache(cache, id));
      const counted = cache.countAudioLookup({ hit: Boolean(cached) }).catch(logCacheError);
      if (cached) {
        lru.set(id, cached, sizeOf(cached));
        return {
          format: { ...cached.format, provider: provider.id, cached: true },
          chunks: replay(cached, counted),
          abort: () => undefined,
          signal: input.signal ?? new AbortController().signal,
        };
      }

      const controller = new AbortController();
      const onAbort = () => controller.abort(input.signal?.reason);
      if (input.signal?.aborted) onAbort();
      input.signal?.addEventListener('abort', onAbort, { once: true });
      const upstream = provider.stream({ text, voice, speed, sampleRate: requestedRate, language, visitorId: input.visitorId, signal: controller.signal })[Symbol.asyncIterator]();
      // Wait for the first chunk before answering, so a failure before any audio (bad key, retired model, outage)
      // reaches the client as a typed HTTP error rather than an error event inside a 200.
      let first: IteratorResult<Uint8Array>;
      try {
        first = await upstream.next();
      } catch (error) {
        input.signal?.removeEventListener('abort', onAbort);
        throw error;
      }
      const entry: CachedAudio = { provider: provider.id, format: { encoding: format.encoding, sampleRate: format.sampleRate, channels: 1 }, chunks: [] };

      async function* relay(): AsyncGenerator<SpeechChunk, void, undefined> {
        let bytes = 0;
        let complete = false;
        try {
          for (let step = first; !step.done; step = await upstream.next()) {
            const audio = bytesToBase64(step.value);
            bytes += step.value.byteLength;
            if (bytes <= MAX_CACHED_BYTES) entry.chunks.push(audio);
            yield { audio, bytes: step.value.byteLength };
          }
          complete = true;
        } finally {
          input.signal?.removeEventListener('abort', onAbort);
          if (!complete) {
            controller.abort();
            await upstream.return?.(undefined).catch(() => undefined);
          }
        }
        // Only whole utterances are cached: a cut-off one would replay as a sentence that stops mid-word.
        if (bytes > 0 && bytes <= MAX_CACHED_BYTES) {
          lru.set(id, entry, sizeOf(entry));
          await cache.setAudio({ id, audio: entry, ttlSeconds: config.cacheTtlSeconds }).catch(logCacheError);
        }
        await counted;
      }

      const abort = () => {
        controller.abort();
        // Also ends a relay that never started, which would otherwise keep the provider (and its queue slot) open.
        input.signal?.removeEventListener('abort', onAbort);
        void upstream.return?.(undefined)?.catch(() => undefined);
      };
      return { format: { ...format, provider: provider.id, cached: false }, chunks: relay(), abort, signal: input.signal ?? new AbortController().signal };
    },
  };
}

async function* replay(cached: CachedAudio, counted: Promise<void>): AsyncGenerator<SpeechChunk, void, undefined> {
  for (const audio of cached.chunks) yield { audio, bytes: Math.floor((audio.length * 3) / 4) - (audio.endsWith('==') ? 2 : audio.endsWith('=') ? 1 : 0) };
  await counted;
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
