import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { Dashboard } from '@/components/admin/dashboard/dashboard';
import { loadDashboardStart } from '@/lib/admin/dashboard-page';
import { readAdminSession } from '@/lib/admin/session';
import { getAdminTimeZone } from '@/lib/admin/time-zone-server';
import { translateDashboard } from '@/lib/i18n/dashboard';
import { adminPageTitle } from '@/lib/i18n/admin-shell';
import { getRequestLocale } from '@/lib/i18n/server';
import { getKv } from '@/lib/store/kv';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  return { title: adminPageTitle(locale, translateDashboard(locale, 'dashboard.title')), robots: { index: false, follow: false } };
}

// The figures of the address's range (`?range=30d`, `?from=&to=`) are read here, as the metrics API reads them, so the
// dashboard and its range form work without JavaScript; with it, the client refreshes them from the API every 15 s.
export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = await getRequestLocale();
  // The layout sends the signed-out away, but it renders beside this page: no figures are read without a session.
  const session = await readAdminSession({ headers: await headers() });
  if (!session) return null;
  const start = await loadDashboardStart({ kv: getKv(), locale, search: await searchParams, timeZone: await getAdminTimeZone() });
  return (
    <main className="mx-auto w-full max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
      <header className="mb-6">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{translateDashboard(locale, 'dashboard.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{translateDashboard(locale, 'dashboard.intro')}</p>
      </header>
      <Dashboard start={start} />
    </main>
  );
}
