import 'server-only';
import { LOCALES } from '@/lib/i18n';
import { warmPhrases } from './phrases';
import { getSpeechService, type SpeechService } from './speech';

/**
 * Synthesises the fixed phrases into the cache, one after another (Smallest.ai takes one request at a time, and a
 * prospect's first sentence should not queue behind a burst of warm-up calls). Failures are logged, never thrown.
 */
export async function warmSpeechCache(service: SpeechService = getSpeechService()): Promise<{ warmed: number; failed: number }> {
  let warmed = 0;
  let failed = 0;
  if (!service.provider) return { warmed, failed };
  for (const locale of LOCALES) {
    for (const text of warmPhrases(locale)) {
      try {
        const result = await service.synthesize({ text, language: locale });
        for await (const chunk of result.chunks) void chunk;
        warmed++;
      } catch (error) {
        failed++;
        console.warn(`[voice] could not warm "${text}":`, error instanceof Error ? error.message : String(error));
      }
    }
  }
  return { warmed, failed };
}

/** Starts the warm-up after start-up finishes: the server must not wait for speech before it can answer. */
export function scheduleSpeechWarmup(): void {
  const timer = setTimeout(() => {
    warmSpeechCache().catch((error: unknown) => console.warn('[voice] warm-up failed:', error));
  }, 0);
  timer.unref?.();
}
