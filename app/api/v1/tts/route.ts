import { getServerConfig } from '@/lib/config';
import { publishEvent } from '@/lib/events/bus';
import { otherMethods, readJsonBody, withErrors } from '@/lib/http';
import { apiRequestLocale, setConversationLocale } from '@/lib/i18n/api-errors';
import { explicitLocale } from '@/lib/i18n/locales';
import { acquireTtsSlot } from '@/lib/security/concurrency';
import { guardRequest } from '@/lib/security/guard';
import { beginRateLimit } from '@/lib/security/rate-limit';
import { getSpeechService } from '@/lib/voice/speech';
import { SSE_HEADERS, speechEventStream } from '@/lib/voice/sse-response';
import { parseTtsRequest } from './schema';

// Audio streams are never cached by Next, and the handler reads per-request state.
export const dynamic = 'force-dynamic';

// The text is capped by TTS_MAX_CHARS; this only bounds what is read before parsing.
const MAX_BODY_BYTES = 64 * 1024;

/** Speaks text as server-sent events: `format`, `audio` chunks of base64 PCM, then `done` (docs/voice.md). */
export const POST = withErrors('voice', async (request: Request) => {
  const receivedAt = Date.now();
  const config = getServerConfig();
  // Verdicts are taken in order (origin and session, then the rate limit, then the body), but the work behind them
  // overlaps: the bounded body is read while the session is checked, and the rate limit's Redis round trip runs beside
  // the body's checks and the cache lookup, none of which calls the provider.
  const body = settleLater(readJsonBody(request, { maxBytes: MAX_BODY_BYTES, surface: 'voice' }));
  const { visitor, ip } = await guardRequest(request);
  const visitorId = visitor.visitorId;
  const limit = beginRateLimit('tts', { visitorId, ip }, config);
  // request.signal fires when the client goes away: the provider call is cancelled with it.
  const prepared = settleLater(
    body.then((json) => {
      const speech = parseTtsRequest(json, { maxChars: config.voice.maxChars });
      // The speech's language is the conversation's: its errors are worded in it, those in the stream too.
      setConversationLocale(request, explicitLocale(speech.language) ?? undefined);
      return getSpeechService().prepare({ ...speech, visitorId, signal: request.signal });
    }),
  );
  // A cached phrase costs no provider call: it is served on this instance's window without waiting for Redis's round
  // trip (Redis still counts it, so the visitor's next uncached request is decided with it; docs/security.md). Speech
  // that calls the provider waits for the full verdict. A bad body's error comes after the limit's verdict, as before.
  const ready = await prepared.then((speech) => speech, () => null);
  const { headers } = ready?.cached ? limit.local() : await limit.settled;
  const speech = ready ?? (await prepared);
  // One of TTS_MAX_CONCURRENT slots for the whole request, handed out round-robin across visitors, and one of its
  // address's TTS_STREAMS_PER_ADDRESS (else a 429); freed when the stream ends.
  const release = await acquireTtsSlot({ visitorId, ip, signal: request.signal });
  try {
    const result = await speech.start();
    if (result.format.cached) publishEvent({ type: 'tts.cache_hit', at: Date.now(), visitorId });
    // From the request to the first audio sent: what a listener waits before the agent starts speaking.
    const onFirstAudio = () => publishEvent({ type: 'latency', metric: 'first_audio', at: Date.now(), ms: Date.now() - receivedAt, visitorId });
    return new Response(speechEventStream(result, { onClose: release, onFirstAudio, locale: apiRequestLocale(request) }), { headers: { ...SSE_HEADERS, ...headers } });
  } catch (error) {
    release();
    throw error;
  }
});

/** A promise awaited later, after other verdicts: its rejection is reported then, not as an unhandled one now. */
function settleLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

export const { PUT, PATCH, DELETE, GET, OPTIONS } = otherMethods(['POST']);
