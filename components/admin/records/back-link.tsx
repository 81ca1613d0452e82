'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { localeDirection } from '@/lib/i18n/locales';
import { useLocale } from '@/lib/i18n/provider';
import { focusRing } from '@/components/admin/webhooks/styles';

/** "← All leads": the arrow points back, which is to the right in a right-to-left page. It is decoration only. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  const rtl = localeDirection(useLocale()) === 'rtl';
  return (
    <Link href={href} className={`text-sm font-medium text-brand-700 underline-offset-2 hover:underline ${focusRing}`}>
      <span aria-hidden="true">{rtl ? '→' : '←'}</span> {children}
    </Link>
  );
}
