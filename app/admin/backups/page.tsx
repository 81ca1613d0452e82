import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { readAdminSession } from '@/lib/admin/session';
import { getServerConfig } from '@/lib/config';
import { adminPageTitle } from '@/lib/i18n/admin-shell';
import { getRequestLocale } from '@/lib/i18n/server';
import { translateRecords, type RecordsKey } from '@/lib/i18n/records';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  return { title: adminPageTitle(locale, translateRecords(locale, 'records.backups.title')), robots: { index: false, follow: false } };
}

// Per request: whether Redis is configured is read from the server's config.
export const dynamic = 'force-dynamic';

const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';
// Commands read left to right on an Arabic page too ("--dry-run" would otherwise be moved to the other end), and are
// not for a page translator to translate. Wider than a phone, they scroll: focusable, so a keyboard can scroll them too.
const code = `block overflow-x-auto whitespace-pre rounded-lg bg-slate-900 px-3 py-2 font-mono text-sm text-slate-100 ${focusRing}`;

/**
 * Download a backup (a plain link: the route streams it), and how to take and restore one from the command line. The
 * download is for admins: a viewer's would save the API's 403 as the file, so they get a note instead.
 */
export default async function BackupsPage() {
  const locale = await getRequestLocale();
  const t = (key: RecordsKey) => translateRecords(locale, key);
  const redis = getServerConfig().store.provider === 'upstash';
  // The layout has already sent the signed-out away; the role decides whether the download link shows.
  const session = await readAdminSession({ headers: await headers() });
  const canWrite = session?.role === 'admin';
  return (
    <main className="mx-auto w-full max-w-3xl space-y-6 px-4 py-8 sm:px-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t('records.backups.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('records.backups.intro')}</p>
      </header>

      <section className="space-y-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        {redis && !canWrite ? (
          <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t('records.backups.viewerNote')}</p>
        ) : redis ? (
          <>
            <a href="/api/v1/admin/backup" download className={`inline-block rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 ${focusRing}`}>
              {t('records.backups.download')}
            </a>
            <p className="text-sm text-slate-700">{t('records.backups.downloadHint')}</p>
            <p className="text-sm font-medium text-amber-900">{t('records.backups.sensitive')}</p>
          </>
        ) : (
          <p className="text-sm text-amber-900">{t('records.backups.memory')}</p>
        )}
      </section>

      <section className="space-y-3">
        <h2 className="text-base font-semibold text-slate-900">{t('records.backups.scheduleHeading')}</h2>
        <p className="text-sm text-slate-700">{t('records.backups.schedule')}</p>
        <code dir="ltr" translate="no" tabIndex={0} className={code}>npm run backup -- backups/nightly.ndjson.gz</code>
      </section>

      <section className="space-y-3">
        <h2 className="text-base font-semibold text-slate-900">{t('records.backups.restoreHeading')}</h2>
        <p className="text-sm text-slate-700">{t('records.backups.restoreIntro')}</p>
        <code dir="ltr" translate="no" tabIndex={0} className={code}>npm run restore -- backups/nightly.ndjson.gz --dry-run</code>
        <p className="text-sm text-slate-700">{t('records.backups.restoreRun')}</p>
        <code dir="ltr" translate="no" tabIndex={0} className={code}>npm run restore -- backups/nightly.ndjson.gz [--flush]</code>
        <p className="text-sm text-slate-700">{t('records.backups.restoreNotes')}</p>
      </section>
    </main>
  );
}
