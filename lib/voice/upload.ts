import { AppError } from '@/lib/errors';

/** Recording types /api/v1/transcribe accepts (codecs parameters allowed), with the extension OpenAI reads the container from. */
export const AUDIO_UPLOAD_TYPES: Readonly<Record<string, string>> = {
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/mp4': 'm4a',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
};

export interface AudioUpload {
  /** The declared type without parameters (`audio/webm`). */
  type: string;
  /** As declared, with its codecs parameter: passed on to the provider. */
  contentType: string;
  extension: string;
}

/**
 * Checks what the request says before anything is read: an audio type we accept (415) and a declared length within
 * the cap (413), so an oversized upload is refused without receiving a byte of it.
 */
export function checkAudioUpload(request: Request, { maxBytes }: { maxBytes: number }): AudioUpload {
  const contentType = (request.headers.get('content-type') ?? '').trim();
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const extension = AUDIO_UPLOAD_TYPES[type];
  if (!extension) {
    throw new AppError('unsupported_media_type:transcribe', `Send the recording as the request body with its type: ${Object.keys(AUDIO_UPLOAD_TYPES).join(', ')}.`);
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  return { type, contentType, extension };
}

/**
 * Reads the body, counting bytes as they arrive: past the cap it stops reading, cancels the stream and throws 413.
 * A chunked upload (no Content-Length) is held to the same cap; nothing past it is ever kept in memory.
 */
export async function readAudioBody(request: Request, { maxBytes }: { maxBytes: number }): Promise<Uint8Array> {
  if (!request.body) throw new AppError('bad_request:transcribe', 'The recording is empty.');
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  if (received === 0) throw new AppError('bad_request:transcribe', 'The recording is empty.');
  const audio = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    audio.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return audio;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large:transcribe', `Recordings are limited to ${formatBytes(maxBytes)}.`);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
