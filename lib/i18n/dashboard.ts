import { dashboardEn, dashboardEs, type DashboardKey } from './catalogues/dashboard';
import { dashboardFr } from './catalogues/dashboard-fr';
import { dashboardDe } from './catalogues/dashboard-de';
import { dashboardAr } from './catalogues/dashboard-ar';
import type { Locale, TranslationVars } from './locales';
import { formatMessage } from './plural';

/** The dashboard's messages (lib/i18n/catalogues/dashboard.ts), with `{name}` placeholders filled. Client-safe. */
export type { DashboardKey };
export type DashboardTranslate = (key: DashboardKey, vars?: TranslationVars) => string;

const CATALOGUES: Record<Locale, Partial<Record<DashboardKey, string>>> = { en: dashboardEn, es: dashboardEs, fr: dashboardFr, de: dashboardDe, ar: dashboardAr };

export function translateDashboard(locale: Locale, key: DashboardKey, vars?: TranslationVars): string {
  return formatMessage(locale, CATALOGUES[locale]?.[key] ?? dashboardEn[key], vars);
}
