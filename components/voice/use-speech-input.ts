'use client';

import type { Locale } from '@/lib/i18n/locales';

import { useCallback, useEffect, useRef, useState } from 'react';
import { forgetVisitorSession, visitorHeaders } from '@/lib/client/visitor-session';
import { DEFAULT_MAX_RECORDING_SECONDS } from '@/lib/voice/limits';

export type SpeechInputState =
  | 'idle'
  | 'listening'
  | 'recording'
  | 'transcribing'
  | 'denied'
  | 'no-microphone'
  | 'unsupported'
  | 'network'
  | 'no-speech'
  | 'unavailable'
  | 'error';

// The parts of the Web Speech API used here (not in every TypeScript DOM lib, and prefixed in Chrome/Safari).
interface RecognitionAlternative {
  transcript: string;
}
interface RecognitionResult {
  readonly isFinal: boolean;
  readonly length: number;
  [index: number]: RecognitionAlternative;
}
interface RecognitionResultEvent {
  readonly results: { readonly length: number; [index: number]: RecognitionResult };
}
interface RecognitionErrorEvent {
  readonly error: string;
}
export interface Recognition {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  maxAlternatives: number;
  onstart: (() => void) | null;
  onspeechstart: (() => void) | null;
  onresult: ((event: RecognitionResultEvent) => void) | null;
  onerror: ((event: RecognitionErrorEvent) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
  abort(): void;
}
type RecognitionConstructor = new () => Recognition;

import { SPEECH_TAGS as RECOGNITION_LANG } from '@/lib/voice/languages';
// Chrome records Opus in WebM, Safari AAC in MP4; the server accepts both.
const RECORDER_TYPES = ['audio/webm;codecs=opus', 'audio/mp4', 'audio/webm', 'audio/ogg;codecs=opus'];
// The recorder stops a little before the server's duration cap, so timer jitter never makes a recording too long.
const RECORDING_MARGIN_MS = 500;

function recognitionConstructor(): RecognitionConstructor | null {
  if (typeof window === 'undefined') return null;
  const candidates = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  return candidates.SpeechRecognition ?? candidates.webkitSpeechRecognition ?? null;
}

function recorderAvailable(): boolean {
  return typeof MediaRecorder !== 'undefined' && typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

function recorderType(): string | undefined {
  if (typeof MediaRecorder.isTypeSupported !== 'function') return undefined;
  return RECORDER_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
}

async function errorCode(response: Response): Promise<string | undefined> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: unknown } } | null;
  return typeof body?.error?.code === 'string' ? body.error.code : undefined;
}

/** getUserMedia's DOMException → what to tell the prospect. */
function mediaErrorState(error: unknown): SpeechInputState {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'NotReadableError' || name === 'OverconstrainedError') return 'no-microphone';
  return 'error';
}

export interface UseSpeechInputOptions {
  language: Locale;
  /** The prospect started to speak (or pressed the mic): the place for barge-in. */
  onStart?: () => void;
  /** The words recognised so far, while speaking; null when the composer should show its own text again. */
  onInterim?: (text: string | null) => void;
  /** The finished transcript: send it. */
  onFinal: (text: string) => void;
  transcribeEndpoint?: string;
  /** The server's cap (TRANSCRIBE_MAX_SECONDS): a forgotten recording stops itself before it. */
  maxRecordingSeconds?: number;
}

export interface UseSpeechInput {
  state: SpeechInputState;
  /** Listening, recording or transcribing. */
  active: boolean;
  start: () => void;
  stop: () => void;
  /** Ends listening, recording or transcribing without sending anything (the chat was closed). */
  cancel: () => void;
  toggle: () => void;
}

/**
 * Speech to text. The Web Speech API where it works (interim results live, ends by itself at the end of speech);
 * otherwise (Firefox, or Chrome without its speech service: `network`) the microphone is recorded with MediaRecorder
 * until the prospect presses stop, and the server transcribes the recording.
 */
export function useSpeechInput({
  language,
  onStart,
  onInterim,
  onFinal,
  transcribeEndpoint = '/api/v1/transcribe',
  maxRecordingSeconds = DEFAULT_MAX_RECORDING_SECONDS,
}: UseSpeechInputOptions): UseSpeechInput {
  const [state, setState] = useState<SpeechInputState>('idle');
  const callbacks = useRef({ onStart, onInterim, onFinal });
  const recognition = useRef<Recognition | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const upload = useRef<AbortController | null>(null);
  const recognitionBroken = useRef(false);
  const mounted = useRef(true);
  // Bumped by cancel(): the late events of a cancelled attempt (its recognition's end, its recording's stop) send nothing.
  const generation = useRef(0);

  useEffect(() => {
    callbacks.current = { onStart, onInterim, onFinal };
  }, [onStart, onInterim, onFinal]);

  const settle = useCallback((next: SpeechInputState) => {
    if (mounted.current) setState(next);
  }, []);

  const transcribe = useCallback(
    async (blob: Blob) => {
      settle('transcribing');
      const controller = new AbortController();
      upload.current = controller;
      // The recording itself is the body, declared with its type (codecs included): nothing to parse server-side.
      const send = async () =>
        fetch(`${transcribeEndpoint}?language=${language}`, {
          method: 'POST',
          headers: { ...(await visitorHeaders()), 'content-type': blob.type || 'audio/webm' },
          body: blob,
          signal: controller.signal,
        });
      try {
        let response = await send();
        if (response.status === 401) {
          // The token was refused (expired, or the server's secret changed): start a new session once.
          forgetVisitorSession();
          response = await send();
        }
        if (response.status === 503 && (await errorCode(response)) === 'upstream_unavailable:transcribe') return settle('unavailable');
        if (!response.ok) return settle('error');
        const { text } = (await response.json()) as { text?: unknown };
        const transcript = typeof text === 'string' ? text.trim() : '';
        if (!transcript) return settle('no-speech');
        settle('idle');
        callbacks.current.onFinal(transcript);
      } catch (error) {
        if (controller.signal.aborted) return;
        settle(error instanceof TypeError ? 'network' : 'error');
      } finally {
        if (upload.current === controller) upload.current = null;
      }
    },
    [language, settle, transcribeEndpoint],
  );

  const startRecording = useCallback(async () => {
    if (!recorderAvailable()) return settle(recognitionBroken.current ? 'network' : 'unsupported');
    const at = generation.current;
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      return settle(mediaErrorState(error));
    }
    if (!mounted.current || generation.current !== at) {
      stream.getTracks().forEach((track) => track.stop());
      return;
    }
    const type = recorderType();
    const media = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
    const chunks: Blob[] = [];
    const limitMs = Math.max(1_000, maxRecordingSeconds * 1000 - RECORDING_MARGIN_MS);
    const limit = window.setTimeout(() => media.state !== 'inactive' && media.stop(), limitMs);
    media.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    media.onstop = () => {
      window.clearTimeout(limit);
      stream.getTracks().forEach((track) => track.stop());
      if (generation.current !== at) return;
      recorder.current = null;
      if (!mounted.current) return;
      const blob = new Blob(chunks, { type: media.mimeType || type || 'audio/webm' });
      if (blob.size === 0) return settle('no-speech');
      void transcribe(blob);
    };
    recorder.current = media;
    media.start();
    settle('recording');
  }, [maxRecordingSeconds, settle, transcribe]);

  const startRecognition = useCallback(
    (Constructor: RecognitionConstructor) => {
      const rec = new Constructor();
      rec.lang = RECOGNITION_LANG[language];
      rec.interimResults = true;
      // One utterance per press: the end of speech ends recognition, and that sends the message.
      rec.continuous = false;
      rec.maxAlternatives = 1;
      let finalText = '';
      let interimText = '';
      let failure: string | null = null;
      const at = generation.current;
      rec.onspeechstart = () => callbacks.current.onStart?.();
      rec.onresult = (event) => {
        let final = '';
        let interim = '';
        for (let i = 0; i < event.results.length; i += 1) {
          const result = event.results[i];
          const transcript = result?.[0]?.transcript ?? '';
          if (result?.isFinal) final += transcript;
          else interim += transcript;
        }
        finalText = final;
        interimText = interim;
        callbacks.current.onInterim?.(`${final}${interim}`.trim());
      };
      rec.onerror = (event) => {
        failure = event.error;
      };
      rec.onend = () => {
        if (generation.current !== at) return;
        recognition.current = null;
        callbacks.current.onInterim?.(null);
        if (failure === 'network') {
          // Chrome's recognition is a Google service: without it, record and let our server transcribe instead.
          recognitionBroken.current = true;
          void startRecording();
          return;
        }
        if (failure === 'not-allowed' || failure === 'service-not-allowed') return settle('denied');
        if (failure === 'audio-capture') return settle('no-microphone');
        if (failure === 'no-speech') return settle('no-speech');
        if (failure && failure !== 'aborted') return settle('error');
        // Stopped by hand before a final result: send what the prospect saw in the composer.
        const transcript = (finalText || interimText).trim();
        settle(transcript || failure === 'aborted' ? 'idle' : 'no-speech');
        if (transcript && failure !== 'aborted') callbacks.current.onFinal(transcript);
      };
      recognition.current = rec;
      try {
        rec.start();
        settle('listening');
      } catch {
        recognition.current = null;
        settle('error');
      }
    },
    [language, settle, startRecording],
  );

  const active = state === 'listening' || state === 'recording' || state === 'transcribing';

  const start = useCallback(() => {
    if (recognition.current || recorder.current || upload.current) return;
    callbacks.current.onStart?.();
    const Constructor = recognitionConstructor();
    if (Constructor && !recognitionBroken.current) startRecognition(Constructor);
    else if (recorderAvailable()) void startRecording();
    else settle('unsupported');
  }, [settle, startRecognition, startRecording]);

  const stop = useCallback(() => {
    if (recognition.current) recognition.current.stop();
    else if (recorder.current && recorder.current.state !== 'inactive') recorder.current.stop();
  }, []);

  const cancel = useCallback(() => {
    const busy = recognition.current ?? recorder.current ?? upload.current;
    generation.current += 1;
    recognition.current?.abort();
    if (recorder.current && recorder.current.state !== 'inactive') recorder.current.stop();
    upload.current?.abort();
    recognition.current = recorder.current = upload.current = null;
    if (!busy) return;
    callbacks.current.onInterim?.(null);
    settle('idle');
  }, [settle]);

  const toggle = useCallback(() => (active ? stop() : start()), [active, start, stop]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      recognition.current?.abort();
      if (recorder.current && recorder.current.state !== 'inactive') recorder.current.stop();
      upload.current?.abort();
    };
  }, []);

  return { state, active, start, stop, cancel, toggle };
}
