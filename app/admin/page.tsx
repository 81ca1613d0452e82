import type { Metadata } from 'next';
import { Dashboard } from '@/components/admin/dashboard/dashboard';
import { translateDashboard } from '@/lib/i18n/dashboard';
import { adminPageTitle } from '@/lib/i18n/admin-shell';
import { getRequestLocale } from '@/lib/i18n/server';

// The shell is server-rendered; the figures are fetched by the client (SWR) from the guarded metrics API, so this
// page holds no data of its own. Who may open /admin at all is decided before it renders (the admin sign-in gate).
export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  return { title: adminPageTitle(locale, translateDashboard(locale, 'dashboard.title')), robots: { index: false, follow: false } };
}

export default async function AdminPage() {
  const locale = await getRequestLocale();
  return (
    <main className="mx-auto w-full max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
      <header className="mb-6">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{translateDashboard(locale, 'dashboard.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{translateDashboard(locale, 'dashboard.intro')}</p>
      </header>
      <Dashboard />
    </main>
  );
}
