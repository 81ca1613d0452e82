import { AppError } from '@/lib/errors';
import { NO_STORE_HEADERS, otherMethods, withErrors } from '@/lib/http';
import { MAX_TRANSCRIBE_BYTES, transcribeAudio } from '@/lib/voice/transcribe';

export const dynamic = 'force-dynamic';

/** Multipart `file` (a recording from MediaRecorder) and optional `language` → `{ text, provider }`. */
export const POST = withErrors('voice', async (request: Request) => {
  const declared = Number(request.headers.get('content-length') ?? '0');
  // Refused before reading: a multipart body is buffered whole by formData().
  if (declared > MAX_TRANSCRIBE_BYTES + 64 * 1024) throw new AppError('payload_too_large:voice', 'Recordings are limited to 25 MiB.');
  if (!/^multipart\/form-data\b/i.test(request.headers.get('content-type') ?? '')) {
    throw new AppError('unsupported_media_type:voice', 'Send the recording as multipart/form-data with a `file` field.');
  }
  const form = await request.formData().catch((error: unknown) => {
    throw new AppError('bad_request:voice', 'The form data could not be read.', { cause: error });
  });
  const file = form.get('file');
  if (!(file instanceof Blob)) throw new AppError('bad_request:voice', 'Attach the recording as a `file` field.');
  const language = form.get('language');
  const transcript = await transcribeAudio({
    audio: file,
    filename: file instanceof File && file.name ? file.name : 'speech.webm',
    language: typeof language === 'string' && /^[a-z]{2,3}$/.test(language) ? language : undefined,
    signal: request.signal,
  });
  return Response.json(transcript, { headers: NO_STORE_HEADERS });
});

export const { PUT, PATCH, DELETE, GET } = otherMethods(['POST']);
