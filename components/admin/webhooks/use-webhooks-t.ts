'use client';

import { useMemo } from 'react';
import { useLocale } from '@/lib/i18n/provider';
import { translateNotify, type NotifyTranslate } from '@/lib/i18n/notify';

/** `t(key, vars)` over the notifications catalogue, in the page's locale. */
export function useWebhooksT(): NotifyTranslate {
  const locale = useLocale();
  return useMemo<NotifyTranslate>(() => (key, vars) => translateNotify(locale, key, vars), [locale]);
}
