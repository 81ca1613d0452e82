'use client';

import { useMemo } from 'react';
import { useLocale } from '@/lib/i18n/provider';
import { translateDashboard, type DashboardTranslate } from '@/lib/i18n/dashboard';

/** `t(key, vars)` over the dashboard's own catalogue, in the page's locale. */
export function useDashboardT(): DashboardTranslate {
  const locale = useLocale();
  return useMemo<DashboardTranslate>(() => (key, vars) => translateDashboard(locale, key, vars), [locale]);
}
