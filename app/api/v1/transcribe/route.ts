import { getServerConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { NO_STORE_HEADERS, otherMethods, withErrors } from '@/lib/http';
import { acquireUploadSlot } from '@/lib/security/concurrency';
import { guardRequest } from '@/lib/security/guard';
import { assertRecordingLength, assertTranscriptionAvailable, transcribeAudio } from '@/lib/voice/transcribe';
import { checkAudioUpload, readAudioBody } from '@/lib/voice/upload';

export const dynamic = 'force-dynamic';

/** The raw recording as the body (`Content-Type: audio/webm` …), `?language=es` → `{ text, provider }` (docs/voice.md). */
export const POST = withErrors('transcribe', async (request: Request) => {
  const { visitor, ip, headers } = await guardRequest(request, { limit: 'transcribe' });
  const { security } = getServerConfig();
  const { maxBytes, maxSeconds, readTimeoutMs } = security.transcribe;
  const language = new URL(request.url).searchParams.get('language') ?? undefined;
  if (language !== undefined && !/^[a-z]{2,3}$/.test(language)) throw new AppError('bad_request:transcribe', 'language is a code such as en or es.');
  // Type and declared length are checked, and a slot taken without waiting, before a byte of the body is read.
  const declared = checkAudioUpload(request, { maxBytes });
  assertTranscriptionAvailable();
  const release = await acquireUploadSlot({ visitorId: visitor.visitorId, ip });
  try {
    // Bytes that are not a recording in an accepted format are a 415 here, before any provider is called.
    const { audio, upload } = await readAudioBody(request, { maxBytes, declared, timeoutMs: readTimeoutMs });
    assertRecordingLength(audio, upload.type, maxSeconds);
    const transcript = await transcribeAudio({
      audio,
      contentType: upload.contentType,
      filename: `speech.${upload.extension}`,
      language,
      visitorId: visitor.visitorId,
      signal: request.signal,
      timeoutMs: security.upstreamTimeoutMs,
    });
    return Response.json(transcript, { headers: { ...NO_STORE_HEADERS, ...headers } });
  } finally {
    release();
  }
});

export const { PUT, PATCH, DELETE, GET, OPTIONS } = otherMethods(['POST']);
