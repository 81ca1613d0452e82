'use client';

import { useMemo } from 'react';
import { useLocale } from '@/lib/i18n/provider';
import { translateRecords, type RecordsTranslate } from '@/lib/i18n/records';

/** `t(key, vars)` over the records catalogue, in the page's locale. */
export function useRecordsT(): RecordsTranslate {
  const locale = useLocale();
  return useMemo<RecordsTranslate>(() => (key, vars) => translateRecords(locale, key, vars), [locale]);
}

/** Dates and times in the admin's language and time zone. */
export function useDateTime(): (ms: number) => string {
  const locale = useLocale();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return (ms: number) => format.format(new Date(ms));
  }, [locale]);
}

/** Counts in the admin's language ("12.345" in German): what `t()` placeholders and cells show. */
export function useNumber(): (value: number) => string {
  const locale = useLocale();
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale);
    return (value: number) => format.format(value);
  }, [locale]);
}
