import { recordsEn, recordsEs, type RecordsKey } from './catalogues/records';
import { fillPlaceholders, type Locale, type TranslationVars } from './index';

/** The admin's conversations, leads and backups pages' messages (lib/i18n/catalogues/records.ts). Client-safe. */
export type { RecordsKey };
export type RecordsTranslate = (key: RecordsKey, vars?: TranslationVars) => string;

const CATALOGUES: Record<Locale, Record<RecordsKey, string>> = { en: recordsEn, es: recordsEs };

export function translateRecords(locale: Locale, key: RecordsKey, vars?: TranslationVars): string {
  return fillPlaceholders(CATALOGUES[locale]?.[key] ?? recordsEn[key], vars);
}
