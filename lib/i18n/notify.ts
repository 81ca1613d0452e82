import { notifyEn, notifyEs, type NotifyKey } from './catalogues/notify';
import { fillPlaceholders, type Locale, type TranslationVars } from './index';

/** Messages of the e-mails and the webhooks admin page (lib/i18n/catalogues/notify.ts). Client-safe. */
export type { NotifyKey };
export type NotifyTranslate = (key: NotifyKey, vars?: TranslationVars) => string;

const CATALOGUES: Record<Locale, Record<NotifyKey, string>> = { en: notifyEn, es: notifyEs };

export function translateNotify(locale: Locale, key: NotifyKey, vars?: TranslationVars): string {
  return fillPlaceholders(CATALOGUES[locale]?.[key] ?? notifyEn[key] ?? key, vars);
}
