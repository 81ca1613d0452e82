import 'server-only';
import type { TtsProviderId, VoiceConfig } from '@/lib/config';
import { createEspeakProvider, findEspeak } from './espeak';
import { createOpenAIProvider } from './openai';
import { createSmallestProvider } from './smallest';
import type { TtsProvider } from './types';

export interface ProviderLimits {
  /** Deadline of one provider call (UPSTREAM_TIMEOUT_MS). */
  timeoutMs?: number;
}

const defaultProbe = { espeakPath: () => findEspeak() };

/**
 * The one place that picks the speech provider. TTS_PROVIDER forces one; otherwise the first that is set up:
 * Smallest.ai key → OpenAI key → espeak-ng on PATH → browser (null: no server speech, the client uses speechSynthesis).
 */
export function selectTtsProvider(config: VoiceConfig, probe: { espeakPath: () => string | null } = defaultProbe, limits: ProviderLimits = {}): TtsProvider | null {
  const id = chooseProviderId(config, probe);
  const { timeoutMs } = limits;
  switch (id) {
    case 'smallest':
      // Config guarantees the key when smallest is forced or chosen.
      return config.smallest ? createSmallestProvider({ ...config.smallest, sampleRate: config.sampleRate, timeoutMs }) : null;
    case 'openai':
      return config.openai ? createOpenAIProvider({ ...config.openai, timeoutMs }) : null;
    case 'espeak':
      return createEspeakProvider({ binary: probe.espeakPath() ?? 'espeak-ng', timeoutMs });
    default:
      return null;
  }
}

export function chooseProviderId(config: VoiceConfig, probe: { espeakPath: () => string | null }): TtsProviderId {
  if (config.forcedProvider) return config.forcedProvider;
  if (config.smallest) return 'smallest';
  if (config.openai) return 'openai';
  if (probe.espeakPath()) return 'espeak';
  return 'browser';
}
