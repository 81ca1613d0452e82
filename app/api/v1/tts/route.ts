import { getServerConfig } from '@/lib/config';
import { publishEvent } from '@/lib/events/bus';
import { otherMethods, readJsonBody, withErrors } from '@/lib/http';
import { getTtsGate } from '@/lib/security/concurrency';
import { guardRequest } from '@/lib/security/guard';
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
  const { visitor, headers } = await guardRequest(request, { limit: 'tts' });
  const config = getServerConfig();
  const body = parseTtsRequest(await readJsonBody(request, { maxBytes: MAX_BODY_BYTES, surface: 'voice' }), { maxChars: config.voice.maxChars });
  // One of TTS_MAX_CONCURRENT slots for the whole request, handed out round-robin across visitors; freed when the stream ends.
  const release = await getTtsGate().acquire({ key: visitor.visitorId, signal: request.signal });
  try {
    // request.signal fires when the client goes away: the provider call is cancelled with it.
    const speech = await getSpeechService().synthesize({ ...body, visitorId: visitor.visitorId, signal: request.signal });
    const base = { visitorId: visitor.visitorId };
    if (speech.format.cached) publishEvent({ type: 'tts.cache_hit', at: Date.now(), ...base });
    // From the request to the first audio sent: what a listener waits before the agent starts speaking.
    const onFirstAudio = () => publishEvent({ type: 'latency', metric: 'first_audio', at: Date.now(), ms: Date.now() - receivedAt, ...base });
    return new Response(speechEventStream(speech, { onClose: release, onFirstAudio }), { headers: { ...SSE_HEADERS, ...headers } });
  } catch (error) {
    release();
    throw error;
  }
});

export const { PUT, PATCH, DELETE, GET, OPTIONS } = otherMethods(['POST']);
