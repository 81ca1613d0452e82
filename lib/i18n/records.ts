import { recordsEn, recordsEs, type RecordsKey } from './catalogues/records';
import { recordsFr } from './catalogues/records-fr';
import { recordsDe } from './catalogues/records-de';
import { recordsAr } from './catalogues/records-ar';
import type { Locale, TranslationVars } from './locales';
import { formatMessage } from './plural';

/** The admin's conversations, leads and backups pages' messages (lib/i18n/catalogues/records.ts). Client-safe. */
export type { RecordsKey };
export type RecordsTranslate = (key: RecordsKey, vars?: TranslationVars) => string;

const CATALOGUES: Record<Locale, Partial<Record<RecordsKey, string>>> = { en: recordsEn, es: recordsEs, fr: recordsFr, de: recordsDe, ar: recordsAr };

export function translateRecords(locale: Locale, key: RecordsKey, vars?: TranslationVars): string {
  return formatMessage(locale, CATALOGUES[locale]?.[key] ?? recordsEn[key], vars);
}
