import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { LeadView } from '@/components/admin/records/lead-view';
import { isLeadChangeOutcome } from '@/lib/admin/lead-change';
import { loadLeadStart } from '@/lib/admin/record-detail-page';
import { getRecordsDeps } from '@/lib/admin/records-index';
import { readAdminSession } from '@/lib/admin/session';
import { adminPageTitle } from '@/lib/i18n/admin-shell';
import { getRequestLocale } from '@/lib/i18n/server';
import { translateRecords } from '@/lib/i18n/records';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  return { title: adminPageTitle(locale, translateRecords(locale, 'records.leads.title')), robots: { index: false, follow: false } };
}

export default async function LeadPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  // Where the status form's post without JavaScript sent the admin back: how it went (anything else is ignored).
  const { change } = await searchParams;
  // The layout sends the signed-out away, but it renders beside this page: nothing is read without a session. The
  // role decides whether the status form and erasure show.
  const session = await readAdminSession({ headers: await headers() });
  if (!session) return null;
  // Read here too, so the lead, its evidence and its history are in the page's HTML: it reads without JavaScript.
  const start = await loadLeadStart(getRecordsDeps(), id);
  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6">
      <LeadView id={id} canWrite={session.role === 'admin'} start={start} outcome={isLeadChangeOutcome(change) ? change : undefined} />
    </main>
  );
}
