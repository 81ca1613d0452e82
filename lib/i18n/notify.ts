import { notifyEn, notifyEs, type NotifyKey } from './catalogues/notify';
import { notifyFr } from './catalogues/notify-fr';
import { notifyDe } from './catalogues/notify-de';
import { notifyAr } from './catalogues/notify-ar';
import type { Locale, TranslationVars } from './locales';
import { formatMessage } from './plural';

/** Messages of the e-mails and the webhooks admin page (lib/i18n/catalogues/notify.ts). Client-safe. */
export type { NotifyKey };
export type NotifyTranslate = (key: NotifyKey, vars?: TranslationVars) => string;

const CATALOGUES: Record<Locale, Partial<Record<NotifyKey, string>>> = { en: notifyEn, es: notifyEs, fr: notifyFr, de: notifyDe, ar: notifyAr };

export function translateNotify(locale: Locale, key: NotifyKey, vars?: TranslationVars): string {
  return formatMessage(locale, CATALOGUES[locale]?.[key] ?? notifyEn[key] ?? key, vars);
}
