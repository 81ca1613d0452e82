'use client';

import { forwardRef } from 'react';
import { dateInputExample } from '@/lib/admin/date-input';
import { translateAdminShell } from '@/lib/i18n/admin-shell';
import { RTL_LOCALES, type Locale } from '@/lib/i18n/locales';
import { useLocale } from '@/lib/i18n/provider';

/** The pattern and example as words of the hint or error; isolated left to right inside a right-to-left sentence. */
export function dateFormatVars(locale: Locale): { pattern: string; example: string } {
  const pattern = translateAdminShell(locale, 'date.pattern');
  const example = dateInputExample(locale);
  return RTL_LOCALES.has(locale) ? { pattern: `\u2066${pattern}\u2069`, example: `\u2066${example}\u2069` } : { pattern, example };
}

/** The translated error for a day that did not parse. */
export function dateInvalidMessage(locale: Locale): string {
  return translateAdminShell(locale, 'date.invalid', dateFormatVars(locale));
}

/**
 * A day typed in the page's own format (lib/admin/date-input.ts), instead of `<input type="date">`, whose format
 * follows the browser's language rather than the page's. A plain text field: typing and pasting work as anywhere, the
 * locale's pattern is its placeholder, and the hint ("Format dd/mm/aaaa, p. ej. 31/12/2026") and any error are read
 * with its label. The caller parses the text (on submit) and passes the error to show.
 */
export const DateField = forwardRef<
  HTMLInputElement,
  {
    id: string;
    /** The field's name in a plain GET form (read by the server page without JavaScript). */
    name?: string;
    label: string;
    value: string;
    onChange: (text: string) => void;
    /** Shown under the field and announced; the field is then marked invalid. */
    error?: string;
    labelClassName?: string;
    inputClassName?: string;
  }
>(function DateField({ id, name, label, value, onChange, error, labelClassName, inputClassName }, ref) {
  const locale = useLocale();
  const pattern = translateAdminShell(locale, 'date.pattern');
  const hint = translateAdminShell(locale, 'date.hint', dateFormatVars(locale));
  return (
    <div>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        name={name}
        type="text"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={pattern}
        autoComplete="off"
        spellCheck={false}
        maxLength={20}
        // Digits and separators read left to right, as the example shows them, on a right-to-left page too.
        dir="ltr"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        className={inputClassName}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
});
