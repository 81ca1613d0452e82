import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { EndpointList } from '@/components/admin/webhooks/api';
import { WebhooksManager } from '@/components/admin/webhooks/webhooks-manager';
import { takeSecretOnce } from '@/lib/admin/one-time-secret';
import { readAdminSession } from '@/lib/admin/session';
import { webhookChangeOf } from '@/lib/admin/webhook-change';
import { WEBHOOK_EVENT_TYPES } from '@/lib/events/schema';
import { adminPageTitle } from '@/lib/i18n/admin-shell';
import { getRequestLocale } from '@/lib/i18n/server';
import { translateNotify } from '@/lib/i18n/notify';
import { getKv } from '@/lib/store/kv';
import { listEndpoints, toPublicEndpoint } from '@/lib/webhooks/endpoints';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  return { title: adminPageTitle(locale, translateNotify(locale, 'admin.webhooks.title')), robots: { index: false, follow: false } };
}

// Per-request: the admin gate and the endpoints are never cached.
export const dynamic = 'force-dynamic';

/** The endpoints as the list route reads them; null when the store did not answer (the page then asks the API itself). */
async function readEndpoints(): Promise<EndpointList | null> {
  try {
    const endpoints = await listEndpoints({ kv: getKv() });
    return { endpoints: endpoints.map(toPublicEndpoint), eventTypes: [...WEBHOOK_EVENT_TYPES] };
  } catch (error) {
    console.error('[admin] the webhooks page could not read the endpoints', error);
    return null;
  }
}

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = await getRequestLocale();
  const t = (key: Parameters<typeof translateNotify>[1]) => translateNotify(locale, key);
  // The layout sends the signed-out away, but it renders beside this page: nothing is read without a session. The
  // role decides whether the add form and card controls show.
  const session = await readAdminSession({ headers: await headers() });
  if (!session) return null;
  const search = await searchParams;
  // Where a form's post without JavaScript sent the admin back: how it went, and a new endpoint's secret, once.
  const secret = await takeSecretOnce({ kv: getKv(), owner: session.email, token: search.secret }).catch((error: unknown) => {
    console.error('[admin] a new webhook secret could not be read back', error);
    return null;
  });
  // Read here, so the endpoints are in the page's HTML and their forms work without JavaScript.
  const start = await readEndpoints();
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t('admin.webhooks.title')}</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-700">{t('admin.webhooks.intro')}</p>
      </header>
      <WebhooksManager
        canWrite={session.role === 'admin'}
        start={start}
        change={webhookChangeOf(search)}
        newSecret={secret ? { url: secret.label, secret: secret.secret } : null}
      />
    </main>
  );
}
