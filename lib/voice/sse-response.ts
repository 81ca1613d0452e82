import 'server-only';
import { toAppError } from '@/lib/errors';
import { localizeApiErrorMessage } from '@/lib/i18n/api-errors';
import type { Locale } from '@/lib/i18n/locales';
import { encodeSseFrame } from './sse-frames';
import type { TtsAudioEvent, TtsDoneEvent, TtsErrorEvent, TtsPublicFormatEvent } from './types';
import type { SpeechResult } from './speech';

/** Headers that keep proxies and Next from buffering or transforming the stream (TOOLCHAIN.md "Next 16 behaviour"). */
export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  // The speech of one visitor's reply: no-store, so that no proxy or CDN keeps a copy (no-cache would let it store one).
  'cache-control': 'no-store, no-transform',
  'x-accel-buffering': 'no',
} as const;

/**
 * The /api/v1/tts event stream: `format`, then `audio` {seq, audio} per chunk, then `done` — or `error` {code, message}
 * when the provider fails after audio has started (the message in `locale`, the code as always). Push-based on purpose: the provider is drained as fast as it sends,
 * because Smallest.ai takes one request at a time per account and a slow reader must not hold everyone else's turn.
 * (One request is at most TTS_MAX_CHARS of speech, so the buffered audio stays small.)
 */
export function speechEventStream(
  result: SpeechResult,
  {
    onClose,
    onFirstAudio,
    locale = 'en',
  }: {
    onClose?: () => void;
    /** Called as the first audio chunk is sent (latency). */
    onFirstAudio?: () => void;
    /** The language an `error` event's message is worded in (the request's, as its typed errors are). */
    locale?: Locale;
  } = {},
): ReadableStream<Uint8Array> {
  let cancelled = false;
  let closed = false;
  // Once, however the stream ends (done, error, client gone): the caller frees its slot here.
  const close = () => {
    if (closed) return;
    closed = true;
    onClose?.();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // Whether the audio came from the cache stays on the server (TtsPublicFormatEvent).
      const { cached: _cached, ...format } = result.format;
      controller.enqueue(encodeSseFrame('format', format satisfies TtsPublicFormatEvent));
      void relay(controller).finally(close);
    },
    async cancel() {
      cancelled = true;
      result.abort();
      await result.chunks.return(undefined).catch(() => undefined);
      close();
    },
  });

  async function relay(controller: ReadableStreamDefaultController<Uint8Array>) {
    let seq = 0;
    let bytes = 0;
    try {
      for await (const chunk of result.chunks) {
        if (cancelled) return;
        bytes += chunk.bytes;
        const audio: TtsAudioEvent = { seq: seq++, audio: chunk.audio };
        controller.enqueue(encodeSseFrame('audio', audio));
        if (seq === 1) onFirstAudio?.();
      }
      if (cancelled) return;
      const done: TtsDoneEvent = { chunks: seq, bytes };
      controller.enqueue(encodeSseFrame('done', done));
      controller.close();
    } catch (error) {
      if (cancelled) return;
      // The client went away (barge-in): nobody is listening for an error event.
      if (result.signal.aborted) {
        controller.close();
        return;
      }
      const appError = toAppError(error, 'voice');
      if (appError.type !== 'internal') console.warn(`[voice] speech failed mid-stream: ${appError.message}`);
      const message = localizeApiErrorMessage(appError.publicMessage, { type: appError.type, locale, details: appError.details });
      const event: TtsErrorEvent = { code: appError.code, message };
      controller.enqueue(encodeSseFrame('error', event));
      controller.close();
    }
  }
}
