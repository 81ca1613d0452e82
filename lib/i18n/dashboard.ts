import { dashboardEn, dashboardEs, type DashboardKey } from './catalogues/dashboard';
import { fillPlaceholders, type Locale, type TranslationVars } from './index';

/** The dashboard's messages (lib/i18n/catalogues/dashboard.ts), with `{name}` placeholders filled. Client-safe. */
export type { DashboardKey };
export type DashboardTranslate = (key: DashboardKey, vars?: TranslationVars) => string;

const CATALOGUES: Record<Locale, Record<DashboardKey, string>> = { en: dashboardEn, es: dashboardEs };

export function translateDashboard(locale: Locale, key: DashboardKey, vars?: TranslationVars): string {
  return fillPlaceholders(CATALOGUES[locale]?.[key] ?? dashboardEn[key], vars);
}
