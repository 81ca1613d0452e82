import { AppError } from '@/lib/errors';
import { readCapped, readDeadline } from '@/lib/security/read-deadline';
import { AUDIO_FORMAT_NAMES, sniffAudioFormat, SNIFF_BYTES, type AudioFormat } from './audio-format';
import { assertAudioStructure } from './audio-structure';

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

/** What the recording's bytes may be (lib/voice/audio-format.ts), with the type and extension the provider is given. */
const ACCEPTED_FORMATS: Readonly<Partial<Record<AudioFormat, { type: string; extension: string }>>> = {
  webm: { type: 'audio/webm', extension: 'webm' },
  ogg: { type: 'audio/ogg', extension: 'ogg' },
  mp4: { type: 'audio/mp4', extension: 'm4a' },
  mp3: { type: 'audio/mpeg', extension: 'mp3' },
  wav: { type: 'audio/wav', extension: 'wav' },
};

export interface AudioUpload {
  /** The declared type without parameters (`audio/webm`). */
  type: string;
  /** The type with its codecs parameter, nothing else the client declared: passed on to the provider. */
  contentType: string;
  extension: string;
}

/**
 * Checks what the request says before anything is read: an audio type we accept (415) and a declared length within
 * the cap (413), so an oversized upload is refused without receiving a byte of it.
 */
export function checkAudioUpload(request: Request, { maxBytes }: { maxBytes: number }): AudioUpload {
  const declaredType = (request.headers.get('content-type') ?? '').trim();
  const type = declaredType.split(';')[0]?.trim().toLowerCase() ?? '';
  // Own keys only: `constructor` or `toString` as a type must not find Object.prototype's functions.
  const extension = Object.hasOwn(AUDIO_UPLOAD_TYPES, type) ? AUDIO_UPLOAD_TYPES[type] : undefined;
  if (!extension) {
    throw new AppError('unsupported_media_type:transcribe', `Send the recording as the request body with its type: ${Object.keys(AUDIO_UPLOAD_TYPES).join(', ')}.`);
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  // Only the type and its codecs go on to the provider, not whatever other parameters the client put in the header.
  const codecs = /;\s*codecs\s*=\s*"?([A-Za-z0-9.,+ -]{1,64}?)"?\s*(?:;|$)/i.exec(declaredType)?.[1]?.trim();
  return { type, contentType: codecs ? `${type};codecs=${codecs}` : type, extension };
}

/**
 * Reads the body, counting bytes as they arrive: past the cap it stops reading, cancels the stream and throws 413.
 * A chunked upload (no Content-Length) is held to the same cap; nothing past it is ever kept in memory. Its first bytes
 * must be a recording in one of the accepted formats whatever the declared type says (a 415 as soon as they show it is
 * not, before the rest is read); the upload it returns names the format the bytes are, which is what the provider is
 * told (a recorder that labelled Ogg as `audio/webm` still gets a transcript).
 */
export async function readAudioBody(
  request: Request,
  { maxBytes, declared, timeoutMs }: { maxBytes: number; declared: AudioUpload; timeoutMs?: number },
): Promise<{ audio: Uint8Array; upload: AudioUpload }> {
  if (!request.body) throw new AppError('bad_request:transcribe', 'The recording is empty.');
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let upload: AudioUpload | null = null;
  // The whole body within `timeoutMs` (TRANSCRIBE_READ_TIMEOUT_MS), or a 408 and the upload slot freed.
  const deadline = readDeadline(timeoutMs, { code: 'request_timeout:transcribe', message: 'The recording took too long to arrive; send it again.' });
  const received = await readCapped(reader, {
    maxBytes,
    deadline,
    tooLarge: () => tooLarge(maxBytes),
    onChunk: (chunk, receivedSoFar) => {
      chunks.push(chunk);
      // The format from the first bytes, so that a body that is no recording is refused before the rest is read.
      if (!upload && receivedSoFar >= SNIFF_BYTES) upload = uploadOf(concat(chunks, receivedSoFar), declared);
    },
  });
  if (received === 0) throw new AppError('bad_request:transcribe', 'The recording is empty.');
  const audio = concat(chunks, received);
  const found = upload ?? uploadOf(audio, declared);
  // The whole recording must be its container's structure, not a valid header followed by anything at all.
  assertAudioStructure(audio, found.extension);
  return { audio, upload: found };
}

/** The upload as its bytes show it, or a 415 naming what it is (or that it is no recording at all). */
export function uploadOf(bytes: Uint8Array, declared: AudioUpload): AudioUpload {
  const format = sniffAudioFormat(bytes.subarray(0, SNIFF_BYTES));
  const accepted = format ? ACCEPTED_FORMATS[format] : undefined;
  const formats = 'WebM, Ogg, MP4/M4A, MP3 or WAV';
  if (!format) {
    throw new AppError('unsupported_media_type:transcribe', `The body is not an audio recording: send a ${formats} recording as it was recorded.`);
  }
  if (!accepted) {
    throw new AppError('unsupported_media_type:transcribe', `${AUDIO_FORMAT_NAMES[format]} recordings are not accepted: send ${formats}.`);
  }
  // As declared (with its codecs parameter) when the label was right; else the type the bytes are.
  return accepted.extension === declared.extension ? declared : { type: accepted.type, contentType: accepted.type, extension: accepted.extension };
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]?.byteLength === length) return chunks[0];
  const all = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large:transcribe', `Recordings are limited to ${formatBytes(maxBytes)}.`);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
