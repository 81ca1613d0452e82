import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { WebhooksManager } from '@/components/admin/webhooks/webhooks-manager';
import { readAdminSession } from '@/lib/admin/session';
import { adminPageTitle } from '@/lib/i18n/admin-shell';
import { getRequestLocale } from '@/lib/i18n/server';
import { translateNotify } from '@/lib/i18n/notify';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  return { title: adminPageTitle(locale, translateNotify(locale, 'admin.webhooks.title')), robots: { index: false, follow: false } };
}

// Per-request: the admin gate and the endpoints are never cached.
export const dynamic = 'force-dynamic';

export default async function WebhooksPage() {
  const locale = await getRequestLocale();
  const t = (key: Parameters<typeof translateNotify>[1]) => translateNotify(locale, key);
  // The layout has already sent the signed-out away; the role decides whether the add form and card controls show.
  const session = await readAdminSession({ headers: await headers() });
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t('admin.webhooks.title')}</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-700">{t('admin.webhooks.intro')}</p>
      </header>
      <WebhooksManager canWrite={session?.role === 'admin'} />
    </main>
  );
}
