import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { KeysManager } from '@/components/admin/keys/keys-manager';
import { isKeyChangeOutcome } from '@/lib/admin/key-change';
import { listApiKeys, type ApiKey } from '@/lib/admin/keys';
import { takeSecretOnce } from '@/lib/admin/one-time-secret';
import { readAdminSession } from '@/lib/admin/session';
import { adminPageTitle, adminShellTranslator } from '@/lib/i18n/admin-shell';
import { getRequestLocale } from '@/lib/i18n/server';
import { getKv } from '@/lib/store/kv';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  const t = adminShellTranslator(locale);
  return { title: adminPageTitle(locale, t('keys.title')) };
}

/** The keys as the list route reads them; null when the store did not answer (the page then asks the API itself). */
async function readKeys(): Promise<{ keys: ApiKey[] } | null> {
  try {
    return { keys: await listApiKeys({ kv: getKv() }) };
  } catch (error) {
    console.error('[admin] the keys page could not read the keys', error);
    return null;
  }
}

/**
 * API keys for server-to-server use (docs/admin.md). The list is read here as the list route reads it, so it and the
 * create and revoke forms work without JavaScript; viewers only read it.
 */
export default async function KeysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = await getRequestLocale();
  const t = adminShellTranslator(locale);
  // The layout sends the signed-out away, but it renders beside this page: nothing is read without a session. The
  // role decides whether the create and revoke controls show.
  const session = await readAdminSession({ headers: await headers() });
  if (!session) return null;
  // Where a form's post without JavaScript sent the admin back: how it went, and a new key's secret, once.
  const { change, secret: token } = await searchParams;
  const created = await takeSecretOnce({ kv: getKv(), owner: session.email, token }).catch((error: unknown) => {
    console.error('[admin] a new API key could not be read back', error);
    return null;
  });
  const start = await readKeys();
  return (
    <main className="mx-auto w-full max-w-5xl space-y-6 px-4 py-8 sm:px-6 lg:px-8">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t('keys.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('keys.intro')}</p>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          {t('keys.usage', { header: 'Authorization: Bearer sk_live_…' })}
        </p>
      </header>
      <KeysManager
        locale={locale}
        canWrite={session.role === 'admin'}
        start={start}
        change={isKeyChangeOutcome(change) ? change : undefined}
        newKey={created ? { name: created.label, secret: created.secret } : null}
      />
    </main>
  );
}
