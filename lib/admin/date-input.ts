import type { Locale } from '@/lib/i18n/locales';

/**
 * Dates typed into the admin's filters in the page's own format, not the browser's: a native `<input type="date">`
 * shows "mm/dd/yyyy" in a Spanish admin on an English browser. Each locale's order and separator are those its
 * `Intl.DateTimeFormat` writes (en 12/31/2026, es and fr 31/12/2026, de 31.12.2026, ar 31/12/2026 in Western digits,
 * as ICU writes them). Parsing is strict about the order, the four-digit year and the date existing (no 31/02), and
 * lenient about what is not ambiguous: any of `/ . -` or a space between the parts, Arabic-Indic digits, stray
 * direction marks, and an ISO `2026-12-31` (year first cannot be misread). Client-safe and pure.
 */
const FORMATS: Record<Locale, { order: 'mdy' | 'dmy'; separator: string }> = {
  en: { order: 'mdy', separator: '/' },
  es: { order: 'dmy', separator: '/' },
  fr: { order: 'dmy', separator: '/' },
  de: { order: 'dmy', separator: '.' },
  ar: { order: 'dmy', separator: '/' },
};

export type ParsedDate = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'invalid' };

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `YYYY-MM-DD` as the page's locale writes it (`''` for `''` or anything that is not such a date). */
export function formatDateInput(locale: Locale, iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return '';
  const [, year, month, day] = match;
  const { order, separator } = FORMATS[locale];
  return (order === 'mdy' ? [month, day, year] : [day, month, year]).join(separator);
}

/** An example of the locale's format (31 December of `year`), for the hint and the error. */
export function dateInputExample(locale: Locale, year = new Date().getFullYear()): string {
  return formatDateInput(locale, `${pad(year, 4)}-12-31`);
}

function toWesternDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/gu, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf));
}

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > days ? null : `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** What the admin typed, read in the page's locale: empty, a day (`YYYY-MM-DD`), or not a date this locale writes. */
export function parseDateInput(locale: Locale, text: string): ParsedDate {
  const cleaned = toWesternDigits(text.replace(/[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/gu, '')).trim();
  if (!cleaned) return { kind: 'empty' };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(cleaned);
  if (iso) {
    const date = isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date ? { kind: 'date', iso: date } : { kind: 'invalid' };
  }
  // Spaces alone, or one of `/ . -` with spaces around it: `\s*[/.\-\s]\s*` read the same dates, but in time
  // quadratic in a run of spaces (a quarter second for a 16 kB field in the dashboard's address).
  const parts = /^(\d{1,2})(?:\s*[/.-]\s*|\s+)(\d{1,2})(?:\s*[/.-]\s*|\s+)(\d{4})$/.exec(cleaned);
  if (!parts) return { kind: 'invalid' };
  const [first, second, year] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = FORMATS[locale].order === 'mdy' ? isoOf(year, first, second) : isoOf(year, second, first);
  return date ? { kind: 'date', iso: date } : { kind: 'invalid' };
}
