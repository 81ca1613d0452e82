import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { KeysManager } from '@/components/admin/keys/keys-manager';
import { readAdminSession } from '@/lib/admin/session';
import { adminPageTitle, adminShellTranslator } from '@/lib/i18n/admin-shell';
import { getRequestLocale } from '@/lib/i18n/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  const t = adminShellTranslator(locale);
  return { title: adminPageTitle(locale, t('keys.title')) };
}

/** API keys for server-to-server use (docs/admin.md). The list comes from the guarded API; viewers only read it. */
export default async function KeysPage() {
  const locale = await getRequestLocale();
  const t = adminShellTranslator(locale);
  // The layout has already sent the signed-out away; the role decides whether the create and revoke controls show.
  const session = await readAdminSession({ headers: await headers() });
  return (
    <main className="mx-auto w-full max-w-5xl space-y-6 px-4 py-8 sm:px-6 lg:px-8">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t('keys.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('keys.intro')}</p>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          {t('keys.usage', { header: 'Authorization: Bearer sk_live_…' })}
        </p>
      </header>
      <KeysManager locale={locale} canWrite={session?.role === 'admin'} />
    </main>
  );
}
