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
      <button type="submit" className={`rounded-lg px-2 py-1.5 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50 ${focusRing}`}>
        {submit}
      </button>
    </form>
  );
}
