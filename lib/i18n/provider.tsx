'use client';

import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { DEFAULT_LOCALE, resolveLocale, translate, type Locale, type Translate } from '@/lib/i18n';

const LocaleContext = createContext<Locale | null>(null);

// The browser's language never changes while a page is open in practice, but `languagechange` exists, so honour it.
function subscribeToLanguage(onChange: () => void) {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
}
const browserLocale = () => resolveLocale(navigator.languages, navigator.language);
// The server cannot know the browser's language: render English there and let hydration switch without a mismatch.
const serverLocale = () => DEFAULT_LOCALE;

/**
 * Supplies the locale to client components. An explicit `locale` (the server's choice from Accept-Language) wins;
 * without one the browser's language decides, then English.
 */
export function I18nProvider({ locale, children }: { locale?: string | null; children: ReactNode }) {
  const detected = useSyncExternalStore(subscribeToLanguage, browserLocale, serverLocale);
  const value = locale ? resolveLocale(locale) : detected;
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** The active locale: the provider's, or the browser's when a component is rendered outside any provider. */
export function useLocale(): Locale {
  const provided = useContext(LocaleContext);
  const detected = useSyncExternalStore(subscribeToLanguage, browserLocale, serverLocale);
  return provided ?? detected;
}

/** `t(key, vars)` bound to the active locale. */
export function useT(): Translate {
  const locale = useLocale();
  return useMemo<Translate>(() => (key, vars) => translate(locale, key, vars), [locale]);
}
