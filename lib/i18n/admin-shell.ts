import { adminShellEn, adminShellEs, type AdminShellKey } from './catalogues/admin-shell';
import { adminShellFr } from './catalogues/admin-shell-fr';
import { adminShellDe } from './catalogues/admin-shell-de';
import { adminShellAr } from './catalogues/admin-shell-ar';
import type { Locale, TranslationVars } from './locales';
import { formatMessage } from './plural';

/** The admin shell's messages (lib/i18n/catalogues/admin-shell.ts), with `{name}` placeholders filled. Client-safe. */
export type { AdminShellKey };
export type AdminShellTranslate = (key: AdminShellKey, vars?: TranslationVars) => string;

const CATALOGUES: Record<Locale, Partial<Record<AdminShellKey, string>>> = { en: adminShellEn, es: adminShellEs, fr: adminShellFr, de: adminShellDe, ar: adminShellAr };

export function translateAdminShell(locale: Locale, key: AdminShellKey, vars?: TranslationVars): string {
  return formatMessage(locale, CATALOGUES[locale]?.[key] ?? adminShellEn[key], vars);
}

/** `t(key, vars)` bound to one locale. */
export function adminShellTranslator(locale: Locale): AdminShellTranslate {
  return (key, vars) => translateAdminShell(locale, key, vars);
}

/** An admin page's `<title>`: the page's own name, then the product's ("Leads — Sales agent admin"), in one language. */
export function adminPageTitle(locale: Locale, page: string): string {
  return `${page} — ${translateAdminShell(locale, 'shell.product')}`;
}
