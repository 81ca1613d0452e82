import type { Metadata } from 'next';
import { EmbedChat } from '@/components/embed/embed-chat';
import { getPublicConfig, getServerConfig } from '@/lib/config';
import { translate } from '@/lib/i18n';
import { I18nProvider } from '@/lib/i18n/provider';
import { getRequestLocale } from '@/lib/i18n/server';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { parseEmbedOptions } from './options';

/**
 * The chat alone, for public/embed.js to frame (or open as a popup) on another site: options from the query string
 * (app/embed/options.ts), framing limited to EMBED_ALLOWED_ORIGINS by the CSP (middleware.ts). docs/embed.md.
 */
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const options = parseEmbedOptions(await searchParams);
  const locale = options.locale ?? (await getRequestLocale());
  return { title: options.name ?? translate(locale, 'embed.frameTitle'), robots: { index: false, follow: false } };
}

export default async function EmbedPage({ searchParams }: { searchParams: SearchParams }) {
  const options = parseEmbedOptions(await searchParams);
  const locale = options.locale ?? (await getRequestLocale());
  const publicConfig = getPublicConfig();
  return (
    <I18nProvider locale={locale}>
      <EmbedChat
        mode={options.mode}
        host={options.host}
        allowedOrigins={getServerConfig().security.embedAllowedOrigins}
        color={options.color}
        customization={{ agentName: options.name, avatarUrl: options.avatar, greeting: options.greeting, voice: options.voice }}
        suggestedQuestions={getKnowledgeBase().suggestedQuestions}
        maxChars={publicConfig.chat.maxMessageChars}
        maxRecordingSeconds={publicConfig.voice.maxRecordingSeconds}
      />
    </I18nProvider>
  );
}
