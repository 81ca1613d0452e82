'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { SalesUIMessage } from '@/lib/chat/messages';
import type { Locale } from '@/lib/i18n';
import { createSentenceSplitter, type SentenceSplitter } from '@/lib/voice/sentences';
import type { SpeechNotice, VoiceControlsProps } from './voice-controls';
import { useSpeechInput, type SpeechInputState } from './use-speech-input';
import { useSpeechPlayer } from './use-speech-player';

/** localStorage key of the spoken-replies preference ('on' | 'off'). */
export const VOICE_PREFERENCE_KEY = 'sales-agent:voice';

function readPreference(): boolean | null {
  try {
    const stored = window.localStorage.getItem(VOICE_PREFERENCE_KEY);
    return stored === 'on' ? true : stored === 'off' ? false : null;
  } catch {
    return null; // Storage blocked (privacy mode, sandboxed iframe): no preference.
  }
}

function writePreference(on: boolean): void {
  try {
    window.localStorage.setItem(VOICE_PREFERENCE_KEY, on ? 'on' : 'off');
  } catch {
    // Not remembered, still applied for this page.
  }
}

/** The reply's speakable source: its text parts, a paragraph apart (a new part follows a tool call). */
function replyText(message: SalesUIMessage): string {
  return message.parts
    .filter((part) => part.type === 'text')
    .map((part) => part.text)
    .join('\n\n');
}

export interface UseVoiceConversationOptions {
  locale: Locale;
  messages: readonly SalesUIMessage[];
  status: 'submitted' | 'streaming' | 'ready' | 'error';
  /** Sends a finished transcript as the prospect's message. */
  onTranscript: (text: string) => void;
  /** The server's recording cap (TRANSCRIBE_MAX_SECONDS), when the page knows it. */
  maxRecordingSeconds?: number;
  /**
   * false (the embed's `voice: false`): no spoken replies whatever the remembered preference — the same origin's
   * `sales-agent:voice` = on must not make a voiceless embed call /api/v1/tts or open an AudioContext.
   */
  enabled?: boolean;
}

export interface VoiceConversation {
  /** Words being spoken, for the composer to show live (null: show the typed text). */
  interim: string | null;
  inputState: SpeechInputState;
  notice: SpeechNotice;
  /** Stop speaking now and do not speak the rest of this reply (prospect spoke, typed or pressed Stop). */
  bargeIn: () => void;
  /** The chat is being closed: stop speaking, and stop listening without sending what was heard. */
  silence: () => void;
  /** Call from the gesture that sends a message, so the browser lets the reply's audio play. */
  unlock: () => void;
  controls: VoiceControlsProps;
}

/**
 * Voice around one conversation: the microphone feeds the composer and sends transcripts; when spoken replies are on,
 * the streaming reply is cut into sentences and each is spoken as soon as it is complete, while the rest is written.
 */
export function useVoiceConversation({ locale, messages, status, onTranscript, maxRecordingSeconds, enabled = true }: UseVoiceConversationOptions): VoiceConversation {
  const [preference, setPreference] = useState<boolean | null>(readPreference);
  // Someone who asks by voice without ever choosing expects a spoken answer; an explicit choice always wins.
  const [spokeThisSession, setSpokeThisSession] = useState(false);
  const voiceOn = enabled && (preference ?? spokeThisSession);
  const [interim, setInterim] = useState<string | null>(null);
  const [notice, setNotice] = useState<SpeechNotice>(null);
  const player = useSpeechPlayer({ language: locale, onError: setNotice });
  const { stop: stopPlayer, speak, unlock: unlockPlayer } = player;

  const busy = status === 'submitted' || status === 'streaming';
  const idleIds = useRef<Set<string>>(new Set());
  const sawBusy = useRef(false);
  const reply = useRef<{ id: string; fed: string; splitter: SentenceSplitter } | null>(null);
  const silenced = useRef<Set<string>>(new Set());
  /** The reply whose sentences were last handed to the player (its audio may still be playing after it ended). */
  const spokenId = useRef<string | null>(null);

  const bargeIn = useCallback(() => {
    stopPlayer();
    if (reply.current) silenced.current.add(reply.current.id);
    reply.current = null;
  }, [stopPlayer]);

  const input = useSpeechInput({
    language: locale,
    maxRecordingSeconds,
    onStart: bargeIn,
    onInterim: setInterim,
    onFinal: (text) => {
      setInterim(null);
      onTranscript(text);
    },
  });

  // Feed the reply that is streaming now (never history) into the splitter, one delta at a time.
  useEffect(() => {
    if (busy) sawBusy.current = true;
    const last = messages.at(-1);
    const current = last?.role === 'assistant' && sawBusy.current && !idleIds.current.has(last.id) ? last : null;
    if (current && voiceOn && !silenced.current.has(current.id)) {
      if (reply.current?.id !== current.id) {
        // A new reply silences what is left of the previous one: two answers must never talk over each other.
        if (spokenId.current !== null && spokenId.current !== current.id) stopPlayer();
        spokenId.current = current.id;
        reply.current = { id: current.id, fed: '', splitter: createSentenceSplitter() };
        setNotice(null);
      }
      const state = reply.current;
      const text = replyText(current);
      // Streamed text only grows; if it was ever rewritten, speaking the rest from there would garble it: skip.
      if (text.startsWith(state.fed) && text.length > state.fed.length) {
        for (const sentence of state.splitter.push(text.slice(state.fed.length))) speak(sentence);
        state.fed = text;
      }
      if (status === 'ready') for (const sentence of state.splitter.flush()) speak(sentence);
    }
    if (!busy) {
      sawBusy.current = false;
      reply.current = null;
      idleIds.current = new Set(messages.map((message) => message.id));
    }
  }, [messages, busy, status, voiceOn, speak, stopPlayer]);

  const { cancel: cancelInput } = input;
  const silence = useCallback(() => {
    bargeIn();
    cancelInput();
  }, [bargeIn, cancelInput]);

  const unlock = useCallback(() => {
    if (voiceOn) unlockPlayer();
  }, [voiceOn, unlockPlayer]);

  const onMic = useCallback(() => {
    if (!input.active) {
      if (preference === null) setSpokeThisSession(true);
      // The click is the gesture that lets the spoken answer play later.
      if (preference !== false) unlockPlayer();
    }
    input.toggle();
  }, [input, preference, unlockPlayer]);

  const onToggleVoice = useCallback(() => {
    const next = !voiceOn;
    writePreference(next);
    setPreference(next);
    setNotice(null);
    if (next) unlockPlayer();
    else bargeIn();
  }, [voiceOn, unlockPlayer, bargeIn]);

  return {
    interim,
    inputState: input.state,
    notice,
    bargeIn,
    silence,
    unlock,
    controls: {
      inputState: input.state,
      listening: input.active,
      onMic,
      voiceOn,
      onToggleVoice,
      playerState: player.state,
      stats: player.stats,
      onStopSpeaking: bargeIn,
    },
  };
}
