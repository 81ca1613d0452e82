'use client';

import { useMemo } from 'react';
import { useAdminTimeZone } from '@/components/admin/shell/time-zone';
import { useLocale } from '@/lib/i18n/provider';
import { translateRecords, type RecordsTranslate } from '@/lib/i18n/records';

/** `t(key, vars)` over the records catalogue, in the page's locale. */
export function useRecordsT(): RecordsTranslate {
  const locale = useLocale();
  return useMemo<RecordsTranslate>(() => (key, vars) => translateRecords(locale, key, vars), [locale]);
}

/**
 * Dates and times in the admin's language and time zone, named explicitly: a page the server renders (in its own zone,
 * UTC on most hosts) then shows the admin's times, and hydrates without a mismatch (components/admin/shell/time-zone.tsx).
 */
export function useDateTime(): (ms: number) => string {
  const locale = useLocale();
  const timeZone = useAdminTimeZone();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    return (ms: number) => format.format(new Date(ms));
  }, [locale, timeZone]);
}

/** Counts in the admin's language ("12.345" in German): what `t()` placeholders and cells show. */
export function useNumber(): (value: number) => string {
  const locale = useLocale();
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale);
    return (value: number) => format.format(value);
  }, [locale]);
}
