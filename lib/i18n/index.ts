/**
 * A deliberately tiny i18n layer. Two catalogues, `{name}` interpolation and prefix-matched locale resolution are all
 * the app needs; an i18n library would add client JavaScript (the home page has a strict bundle budget) and an ICU
 * message syntax nobody here uses. Client-safe: no server imports.
 */
import { en, type MessageKey } from './catalogues/en';
import { es } from './catalogues/es';

export type { MessageKey };

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export type TranslationVars = Readonly<Record<string, string | number>>;

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, es };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first supported locale among the candidates, by language prefix (`es-MX` → `es`), else English.
 * Candidates are tried in order: explicit choice first, then the browser's or the request's preferences.
 */
export function resolveLocale(...candidates: ReadonlyArray<string | readonly string[] | null | undefined>): Locale {
  for (const candidate of candidates.flat()) {
    if (!candidate) continue;
    const language = candidate.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

/** `Accept-Language` → language tags by preference (q-values honoured, `*` and q=0 dropped). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);
}

/** The message for `key` in `locale` (English if a locale ever lacks it), with `{name}` placeholders filled from `vars`. */
export function translate(locale: Locale, key: MessageKey, vars?: TranslationVars): string {
  return fillPlaceholders(CATALOGUES[locale]?.[key] ?? en[key], vars);
}

/** `{name}` placeholders filled from `vars` (shared by the catalogues kept apart from this one, e.g. the dashboard's). */
export function fillPlaceholders(template: string, vars?: TranslationVars): string {
  if (!vars) return template;
  // Unknown placeholders stay visible rather than vanishing, so a missing variable is noticed in review.
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export type Translate = (key: MessageKey, vars?: TranslationVars) => string;
