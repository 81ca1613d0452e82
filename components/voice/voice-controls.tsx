'use client';

import { useState } from 'react';
import { ConfirmDialog } from '@/components/chat/confirm-dialog';
import type { MessageKey } from '@/lib/i18n';
import { useT } from '@/lib/i18n/provider';
import type { PlayerState, PlayerStats } from './speech-player';
import type { SpeechInputState } from './use-speech-input';

export interface VoiceControlsProps {
  inputState: SpeechInputState;
  listening: boolean;
  onMic: () => void;
  voiceOn: boolean;
  onToggleVoice: () => void;
  playerState: PlayerState;
  stats: PlayerStats;
  onStopSpeaking: () => void;
  disabled?: boolean;
}

/** Set once the prospect has agreed to speak to the agent (asked before the first recording, then remembered). */
export const MIC_CONSENT_KEY = 'sales-agent:mic-consent';

function hasMicConsent(): boolean {
  try {
    return window.localStorage.getItem(MIC_CONSENT_KEY) === '1';
  } catch {
    return false;
  }
}

function rememberMicConsent(): void {
  try {
    window.localStorage.setItem(MIC_CONSENT_KEY, '1');
  } catch {
    // Storage blocked (a cross-site frame): asked again next time, which is the safe side.
  }
}

const iconButton =
  'grid size-10 shrink-0 place-items-center rounded-lg border focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-60';

/**
 * The microphone, the spoken-replies toggle and (while the agent speaks) a stop button, for the composer's action row.
 * The toggle carries the Web Audio counters as data- attributes: end-to-end tests cannot hear, so they read those.
 */
export function VoiceControls({ inputState, listening, onMic, voiceOn, onToggleVoice, playerState, stats, onStopSpeaking, disabled = false }: VoiceControlsProps) {
  const t = useT();
  const speaking = playerState === 'playing' || playerState === 'loading';
  // A toggle button keeps its name while aria-pressed carries the state (WAI-ARIA APG): "Speak your question, pressed",
  // never "Stop listening and send, pressed". The tooltip says what a press does now.
  const micLabel = t('voice.mic.start');
  const micHint = listening ? t('voice.mic.stop') : micLabel;
  const toggleLabel = voiceOn ? t('voice.toggle.on') : t('voice.toggle.off');
  const [asking, setAsking] = useState(false);
  // Consent before the microphone first records: what happens to the voice, then Allow (remembered) or Not now.
  const mic = () => {
    if (listening || hasMicConsent()) onMic();
    else setAsking(true);
  };
  return (
    <>
      {asking ? (
        <ConfirmDialog
          testId="mic-consent"
          title={t('voice.consent.title')}
          body={t('voice.consent.body')}
          confirmLabel={t('voice.consent.allow')}
          cancelLabel={t('voice.consent.cancel')}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            rememberMicConsent();
            setAsking(false);
            // Still inside the click on Allow: the browser's own permission prompt may follow.
            onMic();
          }}
        />
      ) : null}
      {speaking ? (
        <button
          type="button"
          data-testid="voice-stop"
          onClick={onStopSpeaking}
          aria-label={t('voice.stopSpeaking')}
          title={t('voice.stopSpeaking')}
          className={`${iconButton} border-slate-300 bg-white text-slate-700 hover:bg-slate-50`}
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
            <rect x="5" y="5" width="10" height="10" rx="1.5" />
          </svg>
        </button>
      ) : null}
      <button
        type="button"
        data-testid="voice-toggle"
        onClick={onToggleVoice}
        aria-pressed={voiceOn}
        aria-label={t('voice.toggle.label')}
        title={toggleLabel}
        data-voice={voiceOn ? 'on' : 'off'}
        data-player-state={playerState}
        data-sentences={stats.sentences}
        data-requests={stats.requests}
        data-scheduled-buffers={stats.buffers}
        data-scheduled-seconds={stats.seconds.toFixed(3)}
        data-active-sources={stats.active}
        data-stops={stats.stops}
        data-utterances={stats.utterances}
        data-first-audio-ms={stats.firstAudioMs ?? ''}
        className={`${iconButton} ${voiceOn ? 'border-brand-600 bg-brand-50 text-brand-700' : 'border-slate-300 bg-white text-slate-500 hover:bg-slate-50'}`}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
          <path d="M10 3.75a.75.75 0 0 0-1.264-.546L5.203 6.5H3.5A1.5 1.5 0 0 0 2 8v4a1.5 1.5 0 0 0 1.5 1.5h1.703l3.533 3.296A.75.75 0 0 0 10 16.25V3.75Z" />
          {voiceOn ? (
            <path d="M13.22 6.22a.75.75 0 0 1 1.06 0 5.5 5.5 0 0 1 0 7.56.75.75 0 1 1-1.06-1.06 4 4 0 0 0 0-5.44.75.75 0 0 1 0-1.06Z" />
          ) : (
            <path d="M13.28 7.22a.75.75 0 1 0-1.06 1.06L13.94 10l-1.72 1.72a.75.75 0 1 0 1.06 1.06L15 11.06l1.72 1.72a.75.75 0 1 0 1.06-1.06L16.06 10l1.72-1.72a.75.75 0 0 0-1.06-1.06L15 8.94l-1.72-1.72Z" />
          )}
        </svg>
      </button>
      <button
        type="button"
        data-testid="mic-button"
        data-state={inputState}
        onClick={mic}
        disabled={disabled || inputState === 'transcribing'}
        aria-pressed={listening}
        aria-label={micLabel}
        title={micHint}
        className={`${iconButton} ${listening ? 'animate-pulse border-red-600 motion-reduce:animate-none bg-red-50 text-red-700' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
          <path d="M7 4a3 3 0 0 1 6 0v6a3 3 0 1 1-6 0V4Z" />
          <path d="M5.5 9.643a.75.75 0 0 0-1.5 0V10c0 3.06 2.29 5.585 5.25 5.954V17.5h-1.5a.75.75 0 0 0 0 1.5h4.5a.75.75 0 0 0 0-1.5h-1.5v-1.546A6.001 6.001 0 0 0 16 10v-.357a.75.75 0 0 0-1.5 0V10a4.5 4.5 0 0 1-9 0v-.357Z" />
        </svg>
      </button>
    </>
  );
}

const INPUT_MESSAGES: Partial<Record<SpeechInputState, MessageKey>> = {
  listening: 'voice.status.listening',
  recording: 'voice.status.recording',
  transcribing: 'voice.status.transcribing',
  denied: 'voice.status.denied',
  'no-microphone': 'voice.status.noMicrophone',
  unsupported: 'voice.status.unsupported',
  network: 'voice.status.network',
  'no-speech': 'voice.status.noSpeech',
  unavailable: 'voice.status.inputUnavailable',
  error: 'voice.status.inputError',
};

export type SpeechNotice = 'unavailable' | 'failed' | null;

/** One line of text for what voice is doing or why it cannot: never a spinner that could hang. */
export function VoiceStatus({ inputState, notice }: { inputState: SpeechInputState; notice: SpeechNotice }) {
  const t = useT();
  const inputKey = INPUT_MESSAGES[inputState];
  const key: MessageKey | null =
    inputKey ?? (notice === 'unavailable' ? 'voice.status.speechUnavailable' : notice === 'failed' ? 'voice.status.speechFailed' : null);
  const problem = inputKey ? !['listening', 'recording', 'transcribing'].includes(inputState) : key !== null;
  return (
    <p data-testid="voice-status" role="status" aria-live="polite" className={`min-w-0 flex-1 ${problem ? 'text-amber-800' : 'text-slate-600'}`}>
      {key ? t(key) : null}
    </p>
  );
}
