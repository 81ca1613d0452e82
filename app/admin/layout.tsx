import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AdminNav } from '@/components/admin/shell/admin-nav';
import { NoScriptNotice, scriptNoticeKey } from '@/components/admin/shell/no-script-notice';
import { AdminTimeZoneProvider } from '@/components/admin/shell/time-zone';
import { readAdminSession } from '@/lib/admin/session';
import { ADMIN_PATH_HEADER, isSignInPath, signInUrlFor } from '@/lib/admin/session-cookie';
import { getAdminTimeZone } from '@/lib/admin/time-zone-server';
import { adminShellTranslator } from '@/lib/i18n/admin-shell';
import { getRequestLocale } from '@/lib/i18n/server';
import { signOutOfAdmin } from './sign-in/actions';
import '../globals.css';

export const metadata: Metadata = { robots: { index: false, follow: false } };
// Every admin page depends on who is asking.
export const dynamic = 'force-dynamic';

const SECTIONS = [
  ['/admin', 'shell.nav.dashboard'],
  ['/admin/conversations', 'shell.nav.conversations'],
  ['/admin/leads', 'shell.nav.leads'],
  ['/admin/webhooks', 'shell.nav.webhooks'],
  ['/admin/keys', 'shell.nav.keys'],
  ['/admin/backups', 'shell.nav.backups'],
] as const;

/**
 * The admin shell: sections, who is signed in with which role, sign-out. Signed out, every admin page redirects to
 * the sign-in (middleware.ts already does when there is no session cookie at all; this checks the cookie for real).
 * The data itself comes from /api/v1/admin/*, which checks again on every request (lib/admin/guard.ts).
 */
export default async function AdminLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  const requestHeaders = await headers();
  const path = requestHeaders.get(ADMIN_PATH_HEADER) ?? '/admin';
  // The admin's time zone, as their browser last left it: dates and date filters are their days (lib/admin/time-zone.ts).
  const timeZone = await getAdminTimeZone();
  if (isSignInPath(path)) return <AdminTimeZoneProvider zone={timeZone}>{children}</AdminTimeZoneProvider>;

  const session = await readAdminSession({ headers: requestHeaders });
  if (!session) redirect(signInUrlFor(path));
  const t = adminShellTranslator(await getRequestLocale());
  const notice = scriptNoticeKey(path);

  return (
    <AdminTimeZoneProvider zone={timeZone}>
      <div className="min-h-dvh">
        <a
          href="#admin-content"
          className="sr-only start-0 top-0 focus:not-sr-only focus:absolute focus:top-2 focus:start-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          {t('shell.skip')}
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6 lg:px-8">
            <p className="font-semibold text-slate-900">{t('shell.product')}</p>
            <div className="flex min-w-0 flex-wrap items-center gap-3 text-sm" data-testid="admin-user">
              {/* A long address is one word: it breaks rather than widening a phone's page. */}
              <span className="min-w-0 wrap-anywhere text-slate-700">{t('shell.signedInAs', { email: session.email })}</span>
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-semibold ${session.role === 'admin' ? 'bg-brand-50 text-brand-700' : 'bg-slate-100 text-slate-700'}`}
              >
                {t(session.role === 'admin' ? 'shell.role.admin' : 'shell.role.viewer')}
              </span>
              <form action={signOutOfAdmin}>
                <button
                  type="submit"
                  className="rounded-md border border-slate-300 px-3 py-1 font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
                >
                  {t('shell.signOut')}
                </button>
              </form>
            </div>
          </div>
          <div className="mx-auto max-w-7xl px-4 pb-2 sm:px-6 lg:px-8">
            <AdminNav label={t('shell.nav')} items={SECTIONS.map(([href, key]) => ({ href, label: t(key) }))} />
          </div>
        </header>
        {notice ? <NoScriptNotice text={t(notice)} /> : null}
        <div id="admin-content" tabIndex={-1} className="focus:outline-none">
          {children}
        </div>
      </div>
    </AdminTimeZoneProvider>
  );
}
