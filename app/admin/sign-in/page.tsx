import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/admin/sign-in/sign-in-form';
import { GENERATED_ADMIN_EMAIL, hasConfiguredAdmin } from '@/lib/admin/accounts';
import { oauthProviderIds } from '@/lib/admin/auth';
import { readAdminSession } from '@/lib/admin/session';
import { safeAdminDestination } from '@/lib/admin/session-cookie';
import { describeSignInError } from '@/lib/admin/sign-in-errors';
import { getAdminConfig } from '@/lib/config-admin';
import { adminPageTitle, adminShellTranslator } from '@/lib/i18n/admin-shell';
import { getRequestLocale } from '@/lib/i18n/server';
import { signInWithPassword, signInWithProvider } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  const t = adminShellTranslator(locale);
  return { title: adminPageTitle(locale, t('signIn.title')) };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeAdminDestination(first(params.callbackUrl));
  if (await readAdminSession({ headers: await headers() })) redirect(callbackUrl);

  const locale = await getRequestLocale();
  const t = adminShellTranslator(locale);
  const config = getAdminConfig();
  const providers = oauthProviderIds(config);
  // Refusals that come back through a redirect from /api/auth (scripts posting there, OAuth callbacks).
  const problem = describeSignInError(first(params.error), first(params.code));

  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <p className="text-sm font-medium text-slate-600">{t('shell.product')}</p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900">{t('signIn.title')}</h1>
        <p className="mt-2 text-sm text-slate-600">{t('signIn.intro')}</p>
        {!hasConfiguredAdmin(config) && (
          <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
            {t('signIn.generatedHint', { email: GENERATED_ADMIN_EMAIL })}
          </p>
        )}
        <div className="mt-6">
          <SignInForm action={signInWithPassword} locale={locale} callbackUrl={callbackUrl} initialProblem={problem} />
        </div>
        {providers.length > 0 && (
          <div className="mt-6">
            <p className="relative text-center text-sm text-slate-500">
              <span className="bg-white px-2">{t('signIn.or')}</span>
            </p>
            <div className="mt-4 space-y-2">
              {providers.map((provider) => (
                <form key={provider} action={signInWithProvider}>
                  <input type="hidden" name="provider" value={provider} />
                  <input type="hidden" name="callbackUrl" value={callbackUrl} />
                  <button
                    type="submit"
                    className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-900 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
                  >
                    {t(provider === 'github' ? 'signIn.oauth.github' : 'signIn.oauth.google')}
                  </button>
                </form>
              ))}
            </div>
          </div>
        )}
      </div>
    </main>
  );
}
