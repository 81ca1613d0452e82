import { adminShellEn, adminShellEs, type AdminShellKey } from './catalogues/admin-shell';
import { fillPlaceholders, type Locale, type TranslationVars } from './index';

/** The admin shell's messages (lib/i18n/catalogues/admin-shell.ts), with `{name}` placeholders filled. Client-safe. */
export type { AdminShellKey };
export type AdminShellTranslate = (key: AdminShellKey, vars?: TranslationVars) => string;

const CATALOGUES: Record<Locale, Record<AdminShellKey, string>> = { en: adminShellEn, es: adminShellEs };

export function translateAdminShell(locale: Locale, key: AdminShellKey, vars?: TranslationVars): string {
  return fillPlaceholders(CATALOGUES[locale]?.[key] ?? adminShellEn[key], vars);
}

/** `t(key, vars)` bound to one locale. */
export function adminShellTranslator(locale: Locale): AdminShellTranslate {
  return (key, vars) => translateAdminShell(locale, key, vars);
}
