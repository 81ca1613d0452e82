import type { SalesLocale } from '@/lib/sales/turn-state';

/**
 * Day and month names said back as the language writes them: "book a demo thursday 2pm" is set for **Thursday 2pm**,
 * "we'd want to start in january" is "In January — noted."; German capitalises its days, months and "Uhr" too
 * ("dienstag 10 uhr" → "Dienstag 10 Uhr"). Spanish, French and Arabic write them as typed (lower case is right there).
 */
const NAMES: Partial<Record<SalesLocale, RegExp>> = {
  en: /(?<![\p{L}'’])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)(?![\p{L}'’])/gu,
  de: /(?<!\p{L})(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|uhr)(?!\p{L})/gu,
};

/** `text` (a time phrase they typed) with the day and month names capitalised as `locale` writes them. */
export function calendarCased(text: string, locale: SalesLocale): string {
  const names = NAMES[locale];
  return names ? text.replace(names, (word) => word.charAt(0).toUpperCase() + word.slice(1)) : text;
}
