import type { Granularity } from '@/lib/analytics/buckets';

/** Numbers, shares, durations and bucket times in the admin's language; times and days in the zone the report's days are in. */
export interface Formatters {
  number(value: number): string;
  /** A 0–1 share as a percentage; null (nothing to divide by) as an em dash. */
  percent(value: number | null): string;
  bucket(iso: string, granularity: Granularity): string;
  date(iso: string): string;
  time(iso: string): string;
  language(code: string): string;
}

export function formatters(locale: string, timeZone = 'UTC'): Formatters {
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const hour = new Intl.DateTimeFormat(locale, { timeZone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', month: 'short', day: 'numeric' });
  const date = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
  let languages: Intl.DisplayNames | null = null;
  try {
    languages = new Intl.DisplayNames([locale], { type: 'language' });
  } catch {
    languages = null;
  }
  return {
    number: (value) => number.format(value),
    percent: (value) => (value === null ? '—' : percent.format(value)),
    bucket: (iso, granularity) => (granularity === 'hour' ? hour : day).format(new Date(iso)),
    date: (iso) => date.format(new Date(iso)),
    time: (iso) => time.format(new Date(iso)),
    language: (code) => {
      try {
        return languages?.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}
