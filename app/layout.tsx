import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { OfflineSupport } from '@/components/pwa/service-worker';
import { getRequestThemeChoice } from '@/components/theme/request-theme';
import { THEME_SCRIPT, themeAttributes, themeStyle } from '@/components/theme/theme';
import { getLookConfig } from '@/lib/config-theme';
import { clientMessagesFor, localeDirection, translate } from '@/lib/i18n';
import { I18nProvider } from '@/lib/i18n/provider';
import { getRequestLocale } from '@/lib/i18n/server';
import { getKnowledgeBase } from '@/lib/sales/knowledge';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  return { title: translate(locale, 'meta.title', { company: getKnowledgeBase().company.name }), description: translate(locale, 'meta.description') };
}

export function generateViewport(): Viewport {
  return { width: 'device-width', initialScale: 1, themeColor: getLookConfig().theme.brandColor };
}

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  // The same locale for <html lang dir>, the server-rendered page and the client components, decided once per request
  // (?lang=, then the cookie, then Accept-Language). The client gets only this locale's messages (docs/i18n.md).
  const locale = await getRequestLocale();
  // Theme (components/theme): the visitor's remembered choice, else THEME_DEFAULT; "system" is resolved before the
  // first paint by a tiny inline script (with the CSP nonce), so the wrong theme never flashes.
  const { theme } = getLookConfig();
  const choice = await getRequestThemeChoice();
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang={locale} dir={localeDirection(locale)} {...themeAttributes(choice)} style={themeStyle(theme)} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">
        <I18nProvider locale={locale} messages={clientMessagesFor(locale)}>
          {children}
          <OfflineSupport />
        </I18nProvider>
      </body>
    </html>
  );
}
