'use client';

import { useId, useSyncExternalStore } from 'react';
import { useT } from '@/lib/i18n/provider';
import { THEME_CHOICES, THEME_COOKIE, isThemeChoice, type ThemeChoiceName } from './theme';

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;
const listeners = new Set<() => void>();

function readChoice(): ThemeChoiceName {
  const value = document.documentElement.getAttribute('data-theme-choice');
  return isThemeChoice(value) ? value : 'system';
}

/** Applies a choice at once (no reload) and remembers it in a cookie the server reads for the next page. */
export function applyThemeChoice(choice: ThemeChoiceName): void {
  const root = document.documentElement;
  root.setAttribute('data-theme-choice', choice);
  const dark = choice === 'dark' || (choice === 'system' && window.matchMedia?.('(prefers-color-scheme: dark)').matches === true);
  root.setAttribute('data-theme', dark ? 'dark' : 'light');
  document.cookie = `${THEME_COOKIE}=${choice}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
  listeners.forEach((listener) => listener());
}

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

/**
 * Light, dark or the system's: a labelled native select (keyboard and screen-reader friendly by construction).
 * `initialChoice` is what the server put on <html data-theme-choice> (getRequestThemeChoice): hydration then reads the
 * same value the page already shows, so React has no store change to re-render synchronously after hydrating.
 */
export function ThemeControl({ className = '', initialChoice = null }: { className?: string; initialChoice?: ThemeChoiceName | null }) {
  const t = useT();
  const id = useId();
  const choice = useSyncExternalStore(subscribe, readChoice, () => initialChoice);
  return (
    <span className={`inline-flex items-center gap-1.5 ${className}`}>
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {t('theme.label')}
      </label>
      <select
        id={id}
        data-testid="theme-control"
        value={choice ?? 'system'}
        onChange={(event) => applyThemeChoice(event.target.value as ThemeChoiceName)}
        className="min-h-9 rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        {THEME_CHOICES.map((option) => (
          <option key={option} value={option}>
            {t(`theme.${option}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
