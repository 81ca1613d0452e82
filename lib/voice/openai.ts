import 'server-only';
import type { VoiceConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { concatBytes } from './pcm';
import { pcmFormat, type ProviderHealth, type SpeechRequest, type TtsProvider } from './types';

type OpenAIVoiceConfig = NonNullable<VoiceConfig['openai']>;

/** OpenAI's `response_format: "pcm"` is raw 24 kHz 16-bit little-endian mono, whatever was asked. */
const OPENAI_PCM_RATE = 24_000;
export const OPENAI_VOICES = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'nova', 'onyx', 'sage', 'shimmer', 'verse', 'marin', 'cedar'];

/** OpenAI speech (`POST /audio/speech`), its body streamed through as it arrives. `timeoutMs` bounds the whole call. */
export function createOpenAIProvider(options: OpenAIVoiceConfig & { timeoutMs?: number }): TtsProvider {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    id: 'openai',
    format: pcmFormat(OPENAI_PCM_RATE),
    formatFor: () => pcmFormat(OPENAI_PCM_RATE),
    variant: options.ttsModel,

    async *stream(request: SpeechRequest) {
      let response: Response;
      try {
        response = await fetch(`${options.baseURL}/audio/speech`, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            model: options.ttsModel,
            voice: request.voice,
            input: request.text,
            // OpenAI's range is wider (0.25–4); config already keeps it to 0.5–2 for every provider.
            speed: request.speed,
            response_format: 'pcm',
          }),
          signal: request.signal ? AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        if (request.signal?.aborted) throw request.signal.reason;
        throw new AppError('upstream_unavailable:voice', 'OpenAI speech is not answering.', { cause: error });
      }
      if (!response.ok || !response.body) {
        const detail = await response.text().catch(() => '');
        if (response.status === 401) throw new AppError('upstream_unavailable:config', 'OpenAI refused the API key: check OPENAI_API_KEY.', { cause: detail });
        if (response.status === 429) throw new AppError('rate_limited:voice', undefined, { cause: detail });
        throw new AppError('upstream_unavailable:voice', `OpenAI speech answered ${response.status}.`, { cause: detail });
      }
      const reader = response.body.getReader();
      // PCM samples are 2 bytes: a chunk boundary may split one, so an odd byte waits for the next chunk.
      let carry: Uint8Array | null = null;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          const bytes: Uint8Array = carry ? concatBytes([carry, value]) : value;
          const even = bytes.length - (bytes.length % 2);
          carry = even < bytes.length ? bytes.slice(even) : null;
          if (even > 0) yield bytes.subarray(0, even);
        }
      } catch (error) {
        if (request.signal?.aborted) throw request.signal.reason;
        throw new AppError('upstream_unavailable:voice', 'OpenAI speech stopped mid-stream.', { cause: error });
      } finally {
        await reader.cancel().catch(() => undefined);
      }
    },

    hasVoice: async (voice) => OPENAI_VOICES.includes(voice),

    async ping(): Promise<ProviderHealth> {
      const started = performance.now();
      try {
        const response = await fetch(`${options.baseURL}/models`, {
          headers: { authorization: `Bearer ${options.apiKey}` },
          signal: AbortSignal.timeout(3_000),
        });
        await response.body?.cancel();
        return response.ok
          ? { ok: true, latencyMs: Math.round(performance.now() - started) }
          : { ok: false, latencyMs: Math.round(performance.now() - started), error: `OpenAI answered ${response.status}.` };
      } catch {
        return { ok: false, latencyMs: Math.round(performance.now() - started), error: 'OpenAI is not answering.' };
      }
    },
  };
}
