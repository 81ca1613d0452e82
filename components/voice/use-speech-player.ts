'use client';

import type { Locale } from '@/lib/i18n/locales';

import { useCallback, useEffect, useRef, useState } from 'react';
import { SpeechPlayer, type PlayerErrorCode, type PlayerState, type PlayerStats, type SpeechPlayerOptions } from './speech-player';

export interface SpeechPlayerSnapshot {
  state: PlayerState;
  stats: PlayerStats;
}

export interface UseSpeechPlayer extends SpeechPlayerSnapshot {
  /** Queue a sentence: it is requested at once and played after the ones before it. */
  speak: (sentence: string) => void;
  /** Barge-in: silence, abort pending requests, clear the queue. */
  stop: () => void;
  /** Call from a user gesture so the browser lets audio play. */
  unlock: () => void;
}

export interface UseSpeechPlayerOptions extends Pick<SpeechPlayerOptions, 'endpoint' | 'maxInFlight'> {
  language: Locale;
  onError?: (code: PlayerErrorCode) => void;
}

/** React binding of SpeechPlayer: one player (and one AudioContext) per mounted conversation. */
export function useSpeechPlayer({ language, endpoint, maxInFlight, onError }: UseSpeechPlayerOptions): UseSpeechPlayer {
  const playerRef = useRef<SpeechPlayer | null>(null);
  const onErrorRef = useRef(onError);
  const [snapshot, setSnapshot] = useState<SpeechPlayerSnapshot>(() => ({
    state: 'idle',
    stats: { sentences: 0, requests: 0, buffers: 0, seconds: 0, active: 0, stops: 0, utterances: 0, firstAudioMs: null },
  }));

  useEffect(() => {
    onErrorRef.current = onError;
  }, [onError]);

  // Created on first use, not on mount: most visitors never turn voice on, and an AudioContext holds an audio device.
  const player = useCallback((): SpeechPlayer => {
    if (!playerRef.current) {
      const created: SpeechPlayer = new SpeechPlayer({
        language,
        endpoint,
        maxInFlight,
        onChange: () => setSnapshot({ state: created.state, stats: { ...created.stats } }),
        onError: (code) => onErrorRef.current?.(code),
      });
      playerRef.current = created;
    }
    return playerRef.current;
  }, [language, endpoint, maxInFlight]);

  useEffect(() => {
    if (playerRef.current) playerRef.current.language = language;
  }, [language]);

  useEffect(
    () => () => {
      playerRef.current?.dispose();
      playerRef.current = null;
    },
    [],
  );

  const speak = useCallback((sentence: string) => player().speak(sentence), [player]);
  // stop() must not create a player (and an AudioContext) just to stop nothing.
  const stop = useCallback(() => playerRef.current?.stop(), []);
  const unlock = useCallback(() => player().unlock(), [player]);

  return { ...snapshot, speak, stop, unlock };
}
