/**
 * A deliberately tiny i18n layer: five catalogues, `{name}` interpolation and prefix-matched locale resolution
 * (docs/i18n.md says why not next-intl, with the measurement). This module holds every public catalogue, for the
 * server; client code imports ./locales and receives the active locale's messages through the provider.
 */
import { en, type MessageKey } from './catalogues/en';
import { es } from './catalogues/es';
import { fr } from './catalogues/fr';
import { de } from './catalogues/de';
import { ar } from './catalogues/ar';
import type { Locale, TranslationVars } from './locales';
import { formatMessage } from './plural';

export * from './locales';
export type { MessageKey };

/** Messages of a locale; new keys may land in en.ts before their translations (a test fails until they do). */
export type Messages = Partial<Record<MessageKey, string>>;

const CATALOGUES: Record<Locale, Messages> = { en, es, fr, de, ar };

/** The whole public catalogue of a locale (the layout hands it to the client provider). */
export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale] ?? en;
}

/** What the client provider gets with the page: the locale's catalogue, English for any key it lacks (none bundled). */
export function clientMessagesFor(locale: Locale): Messages {
  return locale === 'en' ? en : { ...en, ...messagesFor(locale) };
}

/**
 * The message for `key` in `locale` (English if a locale ever lacks it), with its plural blocks resolved (Arabic's
 * counted nouns on the plan cards) and `{name}` placeholders filled from `vars`.
 */
export function translate(locale: Locale, key: MessageKey, vars?: TranslationVars): string {
  return formatMessage(locale, CATALOGUES[locale]?.[key] ?? en[key], vars);
}

export type Translate = (key: MessageKey, vars?: TranslationVars) => string;
