import type { Locale } from '@/lib/i18n/locales';
import type { VoiceConfig } from '@/lib/config';

/**
 * Which language speech uses for each locale: the BCP 47 tag for the browser's recognition and speech synthesis, the
 * language code sent to the server's TTS, and espeak-ng's voice. English and Spanish come from the configuration
 * (TTS_LANGUAGE_*, ESPEAK_VOICE_*); French, German and Arabic use espeak-ng's own voices of those names. Client-safe.
 */
export const SPEECH_TAGS: Readonly<Record<Locale, string>> = { en: 'en-US', es: 'es-ES', fr: 'fr-FR', de: 'de-DE', ar: 'ar-SA' };

const ESPEAK_VOICES: Readonly<Record<Locale, string>> = { en: 'en-us', es: 'es', fr: 'fr-fr', de: 'de', ar: 'ar' };

/** The language code for the server's TTS provider. */
export function speechLanguage(config: Pick<VoiceConfig, 'languages'>, locale: Locale): string {
  return locale === 'en' || locale === 'es' ? config.languages[locale] : locale;
}

/** espeak-ng's voice for the locale (configured for English and Spanish). */
export function espeakVoice(config: Pick<VoiceConfig, 'espeak'>, locale: Locale): string {
  return locale === 'en' || locale === 'es' ? config.espeak.voices[locale] : ESPEAK_VOICES[locale];
}
