import 'server-only';
import { getServerConfig, type VoiceConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { audioDurationSeconds } from './audio-duration';
import { getSmallestQueue } from './smallest';

export interface TranscribeInput {
  audio: Uint8Array;
  /** The recording's MIME type as uploaded (`audio/webm;codecs=opus`). */
  contentType: string;
  /** With its extension: OpenAI infers the container from the file name. */
  filename: string;
  /** A language code (en, es) or undefined to let the service detect it. */
  language?: string;
  /** The visitor asking: Smallest.ai's one-call-at-a-time queue serves visitors in turn. */
  visitorId?: string;
  signal?: AbortSignal;
  /** Deadline of the provider call, in ms (UPSTREAM_TIMEOUT_MS). */
  timeoutMs?: number;
}

export interface Transcript {
  text: string;
  provider: 'openai' | 'smallest';
}

/**
 * Refuses a recording that its container says is longer than `maxSeconds` (formats without a cheap duration pass), and
 * a fragmented MP4 whose fragments cannot be measured (it could hold any length under the byte cap).
 */
export function assertRecordingLength(audio: Uint8Array, type: string, maxSeconds: number): void {
  const seconds = audioDurationSeconds(audio, type);
  if (seconds !== null && Number.isNaN(seconds)) {
    throw new AppError('unsupported_media_type:transcribe', 'The length of this recording cannot be read: send it as it was recorded.');
  }
  if (seconds !== null && seconds > maxSeconds) {
    throw new AppError('payload_too_large:transcribe', `Recordings are limited to ${maxSeconds} seconds.`, { details: { seconds: Math.round(seconds), maxSeconds } });
  }
}

/**
 * Speech to text for browsers without a working Web Speech API (Firefox, or recognition failing with `network`):
 * OpenAI transcription when its key is set, else Smallest.ai pulse when its key is set, else a typed 503.
 */
export async function transcribeAudio(input: TranscribeInput, config: VoiceConfig = getServerConfig().voice): Promise<Transcript> {
  if (input.audio.byteLength === 0) throw new AppError('bad_request:transcribe', 'The recording is empty.');
  if (config.openai) return { text: await transcribeWithOpenAI(input, config.openai), provider: 'openai' };
  if (config.smallest) return { text: await transcribeWithSmallest(input, config.smallest), provider: 'smallest' };
  throw notConfigured();
}

/**
 * A typed 503 when no transcription provider is configured: the route asks before it takes a slot or reads a byte of
 * the upload (it used to read and check a whole recording only to answer that nobody could transcribe it).
 */
export function assertTranscriptionAvailable(config: VoiceConfig = getServerConfig().voice): void {
  if (!config.openai && !config.smallest) throw notConfigured();
}

function notConfigured(): AppError {
  return new AppError('upstream_unavailable:transcribe', "Transcription is not configured (set OPENAI_API_KEY or SMALLEST_API_KEY); use the browser's speech recognition.");
}

async function transcribeWithOpenAI(input: TranscribeInput, openai: NonNullable<VoiceConfig['openai']>): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([input.audio as Uint8Array<ArrayBuffer>], { type: input.contentType }), input.filename);
  form.append('model', openai.transcribeModel);
  if (input.language) form.append('language', input.language);
  const response = await send('OpenAI', `${openai.baseURL}/audio/transcriptions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${openai.apiKey}` },
    body: form,
    signal: withTimeout(input),
  });
  return readText(response, 'OpenAI');
}

async function transcribeWithSmallest(input: TranscribeInput, smallest: NonNullable<VoiceConfig['smallest']>): Promise<string> {
  const url = new URL(`${smallest.baseURL}/waves/v1/pulse/get_text`);
  url.searchParams.set('language', input.language ?? 'en');
  // The account's one-request-in-flight rule covers speech-to-text too: take a turn in the same queue as speech.
  const release = await getSmallestQueue().acquire(smallest.apiKey, { signal: input.signal, visitor: input.visitorId });
  try {
    const response = await send('Smallest.ai', url.toString(), {
      method: 'POST',
      headers: { authorization: `Bearer ${smallest.apiKey}`, 'content-type': input.contentType || 'application/octet-stream' },
      body: input.audio as Uint8Array<ArrayBuffer>,
      signal: withTimeout(input),
    });
    return await readText(response, 'Smallest.ai');
  } finally {
    release();
  }
}

async function send(name: string, url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (init.signal?.aborted && !(init.signal.reason instanceof DOMException && init.signal.reason.name === 'TimeoutError')) throw error;
    throw new AppError('upstream_unavailable:transcribe', `${name} transcription is not answering.`, { cause: error });
  }
  if (response.ok) return response;
  const detail = await response.text().catch(() => '');
  if (response.status === 400 || response.status === 415) throw new AppError('bad_request:transcribe', 'The recording could not be decoded.', { cause: detail });
  if (response.status === 429) throw new AppError('rate_limited:transcribe', 'Transcription is busy right now; try again in a moment.', { cause: detail });
  if (response.status === 401 || response.status === 403) throw new AppError('upstream_unavailable:config', `${name} refused the API key.`, { cause: detail });
  throw new AppError('upstream_unavailable:transcribe', `${name} transcription answered ${response.status}.`, { cause: detail });
}

async function readText(response: Response, name: string): Promise<string> {
  const body = (await response.json().catch(() => null)) as { text?: unknown; transcription?: unknown } | null;
  const text = body?.text ?? body?.transcription;
  if (typeof text !== 'string') throw new AppError('upstream_unavailable:transcribe', `${name} sent no transcript.`, { cause: body });
  return text.trim();
}

/** The deadline covers the response body too: fetch's signal aborts reading it. */
function withTimeout({ signal, timeoutMs = 30_000 }: TranscribeInput): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}
