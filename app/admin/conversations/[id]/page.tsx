import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { TranscriptView } from '@/components/admin/records/transcript-view';
import { loadConversationStart, loadRatingsStart } from '@/lib/admin/record-detail-page';
import { getRecordsDeps } from '@/lib/admin/records-index';
import { readAdminSession } from '@/lib/admin/session';
import { adminPageTitle } from '@/lib/i18n/admin-shell';
import { getRequestLocale } from '@/lib/i18n/server';
import { translateRecords } from '@/lib/i18n/records';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  return { title: adminPageTitle(locale, translateRecords(locale, 'records.transcript.heading')), robots: { index: false, follow: false } };
}

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The layout sends the signed-out away, but it renders beside this page: nothing is read without a session. The
  // role decides whether erasure is offered.
  const session = await readAdminSession({ headers: await headers() });
  if (!session) return null;
  // Read here too, so the transcript is in the page's HTML: it reads without JavaScript.
  const deps = getRecordsDeps();
  const [start, ratings] = await Promise.all([loadConversationStart(deps, id), loadRatingsStart(deps.kv, id)]);
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-8 sm:px-6">
      <TranscriptView id={id} canWrite={session.role === 'admin'} start={start} ratings={ratings} />
    </main>
  );
}
