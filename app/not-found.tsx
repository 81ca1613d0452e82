import type { Metadata } from 'next';
import { getPageCss } from '@/lib/page-css';
import { translate } from '@/lib/i18n';
import { getRequestLocale } from '@/lib/i18n/server';
import { getKnowledgeBase } from '@/lib/sales/knowledge';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  return { title: `${translate(locale, 'notFound.title')} — ${getKnowledgeBase().company.name}`, robots: { index: false } };
}

const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';

/**
 * Any address the app does not serve (Next.js answers 404 with this): in the visitor's language and the site's look,
 * with the way back to the home page and its chat. No JavaScript of its own; the site's whole style sheet (the one
 * the home page links, cached for good) is linked ahead of the content, so the page never shows unstyled.
 */
export default async function NotFound() {
  const locale = await getRequestLocale();
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const { company } = getKnowledgeBase();
  return (
    <>
      {/* An @import, not a <link>: Next.js serialises this tree into every page's payload (for a client-side
          notFound()), and a style sheet <link> there, hoisted or not, made React preload the sheet on every page
          (/embed and /admin included). Before the content, it applies before anything below it is painted. */}
      <style>{`@import url(${getPageCss().href});`}</style>
      <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center px-6 py-16">
        <p className="text-sm font-semibold text-brand-700">404 · {company.name}</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-balance text-slate-900">{t('notFound.title')}</h1>
        <p className="mt-4 text-base leading-7 text-pretty text-slate-600">{t('notFound.body')}</p>
        {/* Plain links, not next/link: this page ships no JavaScript of its own, and the home page is best loaded whole (its
            first paint is built for a full load: docs/performance.md). */}
        <div className="mt-8 flex flex-wrap gap-3">
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load on purpose (above) */}
          <a href="/" className={`rounded-lg bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 ${focusRing}`}>
            {t('notFound.home')}
          </a>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load on purpose (above) */}
          <a
            href="/#chat"
            className={`rounded-lg bg-white px-4 py-2.5 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50 ${focusRing}`}
          >
            {t('notFound.chat')}
          </a>
        </div>
      </main>
    </>
  );
}
