/**
 * The locales, their names and direction, locale resolution and `{name}` interpolation: everything of the i18n layer
 * except the catalogues, so client code can import it without shipping every language (the provider receives only
 * the active locale's messages from the server). Client-safe: no server imports.
 */
export const LOCALES = ['en', 'es', 'fr', 'de', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';


/** Right-to-left locales: `<html dir="rtl">` and the logical CSS mirror the page. */
export const RTL_LOCALES: ReadonlySet<Locale> = new Set<Locale>(['ar']);

/** Each language named in itself, for the switcher (a speaker looks for their own language's name). */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  ar: 'العربية',
};

/** The cookie that remembers an explicit choice (the switcher or `?lang=`). */
export const LOCALE_COOKIE = 'lang';
/** The query parameter that chooses a locale for a visit (and remembers it). */
export const LOCALE_PARAM = 'lang';

export type TranslationVars = Readonly<Record<string, string | number>>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function localeDirection(locale: Locale): 'ltr' | 'rtl' {
  return RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
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

/** A supported locale from an explicit choice (`fr`, `de-CH`), or null when the value names none. */
export function explicitLocale(value: string | null | undefined): Locale | null {
  if (!value) return null;
  const language = value.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(language) ? language : null;
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

/** `{name}` placeholders filled from `vars` (shared by every catalogue). */
export function fillPlaceholders(template: string, vars?: TranslationVars): string {
  if (!vars) return template;
  // Unknown placeholders stay visible rather than vanishing, so a missing variable is noticed in review.
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/**
 * The request header the middleware sets from `?lang=` (and always overwrites, so a client cannot send its own), so
 * server components, which cannot read the query string from a layout, see the explicit choice.
 */
export const LOCALE_HEADER = 'x-app-locale';
/** A year: an explicit choice is remembered until changed. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
