import type { Metadata, Viewport } from 'next';
import { OfflineSupport } from '@/components/pwa/service-worker';
import { clientMessagesFor, localeDirection, translate } from '@/lib/i18n';
import { I18nProvider } from '@/lib/i18n/provider';
import { getRequestLocale } from '@/lib/i18n/server';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  return { title: translate(locale, 'meta.title', { company: getKnowledgeBase().company.name }), description: translate(locale, 'meta.description') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#2f6fed' };

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  // The same locale for <html lang dir>, the server-rendered page and the client components, decided once per request
  // (?lang=, then the cookie, then Accept-Language). The client gets only this locale's messages (docs/i18n.md).
  const locale = await getRequestLocale();
  return (
    <html lang={locale} dir={localeDirection(locale)}>
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">
        <I18nProvider locale={locale} messages={clientMessagesFor(locale)}>
          {children}
          <OfflineSupport />
        </I18nProvider>
      </body>
    </html>
  );
}
