import type { Metadata, Viewport } from 'next';
import { OfflineSupport } from '@/components/pwa/service-worker';
import { I18nProvider } from '@/lib/i18n/provider';
import { getRequestLocale } from '@/lib/i18n/server';
import './globals.css';

export const metadata: Metadata = {
  title: 'Northwind Cloud — talk to sales',
  description: 'Ask our AI sales rep about plans, prices and features.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#2f6fed' };

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  // The same locale for <html lang>, the server-rendered page and the client components, decided once per request.
  const locale = await getRequestLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">
        <I18nProvider locale={locale}>
          {children}
          <OfflineSupport />
        </I18nProvider>
      </body>
    </html>
  );
}
