import type { Metadata } from 'next';
import { RecordList } from '@/components/admin/records/record-list';
import { adminPageTitle } from '@/lib/i18n/admin-shell';
import { getRequestLocale } from '@/lib/i18n/server';
import { translateRecords } from '@/lib/i18n/records';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  return { title: adminPageTitle(locale, translateRecords(locale, 'records.leads.title')), robots: { index: false, follow: false } };
}

export default async function LeadsPage() {
  const locale = await getRequestLocale();
  return (
    <main className="mx-auto w-full max-w-7xl space-y-6 px-4 py-8 sm:px-6 lg:px-8">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{translateRecords(locale, 'records.leads.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{translateRecords(locale, 'records.leads.intro')}</p>
      </header>
      <RecordList kind="leads" />
    </main>
  );
}
