import 'server-only';
import { getServerConfig, type VoiceConfig } from '@/lib/config';
import { AppError, isAppError } from '@/lib/errors';
import { processSingleton } from '@/lib/process-singleton';
import { outboundFetch } from '@/lib/outbound-fetch';
import { base64ByteLength, base64ToBytes } from './base64';
import { concatBytes } from './pcm';
import { createKeyedQueue, type KeyedQueue } from './queue';
import { readSseFrames } from './sse-frames';
import { pcmFormat, type EncodedPcm, type ProviderHealth, type SpeechRequest, type TtsProvider } from './types';

type SmallestConfig = NonNullable<VoiceConfig['smallest']>;

export interface SmallestOptions extends SmallestConfig {
  sampleRate: number;
  /** Shared by every provider instance with the same key, so the one-in-flight rule holds across them. */
  queue?: KeyedQueue;
  /** Retries of a 429 (another client of the same account got there first). */
  maxRetries?: number;
  /** Base delay of the exponential backoff between 429 retries, in ms. */
  retryBaseMs?: number;
  /** Time allowed for one call, from sending the request to the last audio frame (retries included), in ms. */
  timeoutMs?: number;
}

const VOICES_TTL_MS = 10 * 60_000;

/**
 * Smallest.ai Waves over its SSE endpoint (`POST /waves/v1/tts/live`): the first audio arrives long before the whole
 * sentence is synthesised. Calls are serialised per API key (see queue.ts).
 */
export function createSmallestProvider(options: SmallestOptions): TtsProvider {
  const queue = options.queue ?? getSmallestQueue();
  const maxRetries = options.maxRetries ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 100;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const headers = { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' };
  let voices: { ids: Set<string>; at: number } | undefined;

  const fetchVoices = async (signal?: AbortSignal): Promise<Set<string>> => {
    const modelPath = options.model.replace(/_/g, '-').replace(/-pro$/, '');
    const response = await outboundFetch(`${options.baseURL}/waves/v1/${modelPath}/get_voices`, {
      headers,
      signal: signal ?? AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw await upstreamError(response);
    const body = (await response.json()) as { voices?: Array<{ voiceId?: unknown }> };
    return new Set((body.voices ?? []).flatMap((voice) => (typeof voice.voiceId === 'string' ? [voice.voiceId] : [])));
  };

  return {
    id: 'smallest',
    format: pcmFormat(options.sampleRate),
    formatFor: (sampleRate) => pcmFormat(sampleRate),
    variant: options.model,

    async *stream(request: SpeechRequest) {
      const release = await queue.acquire(options.apiKey, { signal: request.signal, visitor: request.visitorId });
      // Our own controller: the caller's signal aborts it, and so does the consumer stopping early (generator return).
      const controller = new AbortController();
      const onAbort = () => controller.abort(request.signal?.reason);
      request.signal?.addEventListener('abort', onAbort, { once: true });
      // A hung stream would hold the account's only slot, and with it every visitor's speech: the whole call has a deadline.
      const deadline = AbortSignal.timeout(timeoutMs);
      const signal = AbortSignal.any([controller.signal, deadline]);
      try {
        const response = await postWithRetry(request, signal);
        if (!response.body) throw new AppError('upstream_unavailable:voice', 'Smallest.ai sent no audio.');
        let finished = false;
        // A sample split across two frames: its first byte waits for the next frame (chunks end between samples).
        let carry: Uint8Array | null = null;
        for await (const frame of readSseFrames(response.body)) {
          const payload = parseJson(frame.data);
          if (!payload) continue;
          if (payload.status === 'error' || (typeof payload.error === 'string' && payload.done !== true)) {
            throw new AppError('upstream_unavailable:voice', 'Smallest.ai failed while speaking.', { cause: payload });
          }
          if (typeof payload.audio === 'string' && payload.audio.length > 0) {
            const bytes = carry ? -1 : base64ByteLength(payload.audio);
            if (bytes > 0 && bytes % 2 === 0) {
              yield { base64: payload.audio, bytes } satisfies EncodedPcm;
            } else {
              const decoded: Uint8Array = carry ? concatBytes([carry, base64ToBytes(payload.audio)]) : base64ToBytes(payload.audio);
              const even: number = decoded.length - (decoded.length % 2);
              carry = even < decoded.length ? decoded.slice(even) : null;
              if (even > 0) yield decoded.subarray(0, even);
            }
          }
          // Every frame carries `done` (CONTRACTS.md): test its value, not whether the key exists.
          if (payload.done === true) finished = true;
        }
        if (!finished && !signal.aborted) {
          throw new AppError('upstream_unavailable:voice', 'Smallest.ai closed the audio stream before it finished.');
        }
        if (deadline.aborted) throw timedOut(timeoutMs);
      } catch (error) {
        if (controller.signal.aborted) throw request.signal?.reason ?? error;
        if (deadline.aborted) throw timedOut(timeoutMs, error);
        throw toVoiceError(error);
      } finally {
        request.signal?.removeEventListener('abort', onAbort);
        controller.abort();
        release();
      }
    },

    async hasVoice(voice) {
      if (voice === options.voiceId) return true;
      if (!voices || Date.now() - voices.at > VOICES_TTL_MS) voices = { ids: await fetchVoices(), at: Date.now() };
      return voices.ids.has(voice);
    },

    async ping(): Promise<ProviderHealth> {
      const started = performance.now();
      try {
        voices = { ids: await fetchVoices(AbortSignal.timeout(3_000)), at: Date.now() };
        return { ok: true, latencyMs: Math.round(performance.now() - started) };
      } catch (error) {
        return { ok: false, latencyMs: Math.round(performance.now() - started), error: summarise(error) };
      }
    },
  };

  async function postWithRetry(request: SpeechRequest, signal: AbortSignal): Promise<Response> {
    const body = JSON.stringify({
      text: request.text,
      voice_id: request.voice,
      model: options.model,
      sample_rate: request.sampleRate,
      speed: request.speed,
      language: request.language,
      output_format: 'pcm',
    });
    for (let attempt = 0; ; attempt++) {
      // Not Next.js's patched fetch: speech is never cached by Next; on Node, node:http (lib/outbound-fetch.ts).
      const response = await outboundFetch(`${options.baseURL}/waves/v1/tts/live`, {
        method: 'POST',
        headers: { ...headers, accept: 'text/event-stream' },
        body,
        signal,
      });
      if (response.ok) return response;
      if (response.status === 429 && attempt < maxRetries) {
        await response.body?.cancel();
        await delay(backoff(response, attempt, retryBaseMs), signal);
        continue;
      }
      throw await upstreamError(response);
    }
  }
}

/**
 * The process's Smallest.ai queue (keyed by API key: the vendor's limit is per account, not per provider object), for
 * speech and transcription alike: TTS_QUEUE_MAX waiting, TTS_QUEUE_PER_VISITOR of them per visitor. On globalThis
 * (lib/process-singleton.ts): the start-up warm-up and /api/v1/tts are separate bundles, and two module-level queues
 * let their calls overlap into 429s.
 */
export function getSmallestQueue(): KeyedQueue {
  return processSingleton('voice:smallest-queue', () => {
    const config = getServerConfig();
    return createKeyedQueue({ maxWaiting: config.voice.queueMax, maxWaitingPerVisitor: config.security.tts.queuePerVisitor });
  });
}

function timedOut(timeoutMs: number, cause?: unknown): AppError {
  return new AppError('upstream_unavailable:voice', `Smallest.ai did not finish within ${Math.round(timeoutMs / 1000)} s.`, { cause });
}

function backoff(response: Response, attempt: number, baseMs: number): number {
  const retryAfter = Number(response.headers.get('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, 5_000);
  // Full jitter keeps two instances sharing one key from retrying in lockstep.
  return Math.round(baseMs * 2 ** attempt * (0.5 + Math.random() / 2));
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

async function upstreamError(response: Response): Promise<AppError> {
  const text = await response.text().catch(() => '');
  const body = parseJson(text);
  if (response.status === 410 && body?.error_code === 'MODEL_DEPRECATED') {
    console.error(`[voice] Smallest.ai: ${String(body.message ?? 'model deprecated')}`);
    return new AppError(
      'upstream_unavailable:config',
      'Smallest.ai has retired the configured model (MODEL_DEPRECATED). Set SMALLEST_MODEL to lightning_v3.1 or lightning_v3.1_pro.',
      { cause: body },
    );
  }
  if (response.status === 401 || response.status === 403) {
    return new AppError('upstream_unavailable:config', 'Smallest.ai refused the API key: check SMALLEST_API_KEY.', { cause: body ?? text });
  }
  if (response.status === 429) return new AppError('rate_limited:voice', 'Speech is busy right now; try again in a moment.', { cause: body ?? text });
  if (response.status === 400) {
    console.error('[voice] Smallest.ai rejected a request:', body?.message ?? text);
    return new AppError('bad_request:voice', 'The speech service could not read these settings.', { cause: body ?? text });
  }
  return new AppError('upstream_unavailable:voice', `Smallest.ai answered ${response.status}.`, { cause: body ?? text });
}

function toVoiceError(error: unknown): unknown {
  if (isAppError(error)) return error;
  return new AppError('upstream_unavailable:voice', 'Smallest.ai is not answering.', { cause: error });
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function summarise(error: unknown): string {
  return isAppError(error) ? error.message : 'Smallest.ai is not answering.';
}
