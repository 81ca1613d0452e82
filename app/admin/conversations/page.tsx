import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { RecordList } from '@/components/admin/records/record-list';
import { loadRecordListStart } from '@/lib/admin/record-list-page';
import { getRecordsDeps } from '@/lib/admin/records-index';
import { getAdminTimeZone } from '@/lib/admin/time-zone-server';
import { readAdminSession } from '@/lib/admin/session';
import { adminPageTitle } from '@/lib/i18n/admin-shell';
import { getRequestLocale } from '@/lib/i18n/server';
import { translateRecords } from '@/lib/i18n/records';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  return { title: adminPageTitle(locale, translateRecords(locale, 'records.conversations.title')), robots: { index: false, follow: false } };
}

// The first page of rows is rendered here from the address (filters, cursor), so the list, its filter form and its
// pager work without JavaScript; with it, the list asks the guarded admin API itself.
export default async function ConversationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = await getRequestLocale();
  // The layout sends the signed-out away, but it renders beside this page: no rows are read without a session.
  const session = await readAdminSession({ headers: await headers() });
  if (!session) return null;
  const start = await loadRecordListStart(getRecordsDeps(), 'conversations', locale, await searchParams, await getAdminTimeZone());
  return (
    <main className="mx-auto w-full max-w-7xl space-y-6 px-4 py-8 sm:px-6 lg:px-8">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{translateRecords(locale, 'records.conversations.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{translateRecords(locale, 'records.conversations.intro')}</p>
      </header>
      <RecordList kind="conversations" start={start} />
    </main>
  );
}
