'use client';

import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { MessageKey } from './catalogues/en';
import { DEFAULT_LOCALE, resolveLocale, type Locale, type TranslationVars } from './locales';
import { formatMessage } from './plural';

/** `t(key, vars)` bound to one locale (the same shape as lib/i18n's Translate, without importing every catalogue). */
type Translate = (key: MessageKey, vars?: TranslationVars) => string;
type Messages = Partial<Record<MessageKey, string>>;

// No catalogue ships in the client bundle: the active locale's messages come from the server with the page (the layout
// passes `messages`, with English filled in for any key a locale lacks), so a page pays only for its own words and the
// first-load JavaScript none. Outside any provider (a component rendered on its own, in tests) the catalogues
// registered with `registerFallbackMessages` answer.
const FALLBACK: Partial<Record<Locale, Messages>> = {};

/** Catalogues for components rendered outside a provider (tests register English and Spanish). */
export function registerFallbackMessages(catalogues: Partial<Record<Locale, Messages>>): void {
  Object.assign(FALLBACK, catalogues);
}
const fallbackFor = (locale: Locale): Messages => FALLBACK[locale] ?? FALLBACK[DEFAULT_LOCALE] ?? {};

const LocaleContext = createContext<{ locale: Locale; messages: Messages } | null>(null);

// The browser's language never changes while a page is open in practice, but `languagechange` exists, so honour it.
function subscribeToLanguage(onChange: () => void) {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
}
const browserLocale = () => resolveLocale(navigator.languages, navigator.language);
// The server cannot know the browser's language: render English there and let hydration switch without a mismatch.
const serverLocale = () => DEFAULT_LOCALE;
const noSubscription = () => () => undefined;

/**
 * The browser's language, or `fixed` when the locale is already known (a provider's, the server's choice). Known, the
 * store is a constant: the server and the hydrating client read the same value, so React has no change to re-render
 * synchronously after hydration (a French visitor's browser would otherwise re-render every translated component
 * once more, at once, on every page load) and no `languagechange` listener per component.
 */
function useBrowserLocale(fixed: Locale | null): Locale {
  const known = () => fixed ?? DEFAULT_LOCALE;
  return useSyncExternalStore(fixed ? noSubscription : subscribeToLanguage, fixed ? known : browserLocale, fixed ? known : serverLocale);
}

/**
 * Supplies the locale and its messages to client components. An explicit `locale` (the server's choice: `?lang=`, the
 * cookie, then Accept-Language) wins; without one the browser's language decides, then English.
 */
export function I18nProvider({ locale, messages, children }: { locale?: string | null; messages?: Messages; children: ReactNode }) {
  const active = useBrowserLocale(locale ? resolveLocale(locale) : null);
  const value = useMemo(() => ({ locale: active, messages: messages ?? fallbackFor(active) }), [active, messages]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** The active locale: the provider's, or the browser's when a component is rendered outside any provider. */
export function useLocale(): Locale {
  const provided = useContext(LocaleContext);
  return useBrowserLocale(provided?.locale ?? null);
}

/** `t(key, vars)` bound to the active locale (English for a key its messages lack). */
export function useT(): Translate {
  const provided = useContext(LocaleContext);
  const detected = useBrowserLocale(provided?.locale ?? null);
  const messages = provided?.messages ?? fallbackFor(detected);
  // formatMessage: a message may hold ICU plural forms ('sales.lead.teamSize' in Arabic); others are only filled.
  return useMemo<Translate>(() => (key, vars) => formatMessage(detected, messages[key] ?? fallbackFor(DEFAULT_LOCALE)[key] ?? key, vars), [messages, detected]);
}
