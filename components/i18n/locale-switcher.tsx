import { LOCALE_NAMES, LOCALE_PARAM, LOCALES, type Locale } from '@/lib/i18n/locales';

/**
 * The language switcher: a plain GET form (`?lang=xx`), so it works before any JavaScript has loaded and ships none;
 * the middleware remembers the choice in a cookie. A labelled native <select> plus a submit button rather than
 * submitting on change: with the keyboard, arrowing through a closed select fires `change` on every step.
 * Each language is named in itself and marked with its own `lang` (and `dir`), so screen readers pronounce it right.
 */
export function LocaleSwitcher({ locale, label, submit, className = '' }: { locale: Locale; label: string; submit: string; className?: string }) {
  const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';
  return (
    <form method="get" action="" className={`flex items-center gap-1.5 ${className}`} data-testid="locale-switcher">
      <label htmlFor="locale-select" className="sr-only">
        {label}
      </label>
      <select
        id="locale-select"
        name={LOCALE_PARAM}
        defaultValue={locale}
        className={`rounded-lg border border-slate-300 bg-white py-1.5 ps-2 pe-7 text-sm text-slate-900 ${focusRing}`}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code} dir={code === 'ar' ? 'rtl' : 'ltr'}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
      {/* On a phone an arrow (its name still the text, for screen readers), so the company's name keeps its room. */}
      <button
        type="submit"
        className={`inline-flex min-h-9 min-w-9 items-center justify-center rounded-lg px-2 py-1.5 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50 ${focusRing}`}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 sm:hidden rtl:-scale-x-100">
          <path d="M3 10a.75.75 0 0 1 .75-.75h10.64l-3.97-3.97a.75.75 0 1 1 1.06-1.06l5.25 5.25a.75.75 0 0 1 0 1.06l-5.25 5.25a.75.75 0 1 1-1.06-1.06l3.97-3.97H3.75A.75.75 0 0 1 3 10Z" />
        </svg>
        <span className="sr-only sm:not-sr-only">{submit}</span>
      </button>
    </form>
  );
}
