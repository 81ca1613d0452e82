import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { EmbedChat } from '@/components/embed/embed-chat';
import { EmbedUnlisted } from '@/components/embed/embed-unlisted';
import { themeOverrideScript, themeStyle } from '@/components/theme/theme';
import { getPublicConfig, getServerConfig } from '@/lib/config';
import { EMBED_UNLISTED_HEADER, hostWordingAllowed } from '@/lib/embed/origins';
import { clientMessagesFor, translate } from '@/lib/i18n';
import { I18nProvider } from '@/lib/i18n/provider';
import { getRequestLocale } from '@/lib/i18n/server';
import { getLocalizedKnowledgeBase } from '@/lib/sales/knowledge/localized';
import { droppedEmbedOptions, droppedOptionsScript, parseEmbedOptions, withoutHostWording } from './options';
import '../globals.css';

/**
 * The chat alone, for public/embed.js to frame (or open as a popup) on another site: options from the query string
 * (app/embed/options.ts), framing limited to EMBED_ALLOWED_ORIGINS by the CSP (middleware.ts); another site's frame gets a
 * notice saying so instead (components/embed/embed-unlisted.tsx). docs/embed.md.
 */
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The query's options, without the host's words and links when this page was opened on its own by a site that is not
 * the allowed host it names (a spoofed popup or link: lib/embed/origins.ts, hostWordingAllowed).
 */
async function embedOptions(params: Awaited<SearchParams>) {
  const options = parseEmbedOptions(params);
  const request = await headers();
  const allowed = hostWordingAllowed(
    { host: options.host ?? null, dest: request.get('sec-fetch-dest'), site: request.get('sec-fetch-site'), referer: request.get('referer') },
    getServerConfig().security.embedAllowedOrigins,
  );
  return allowed ? options : withoutHostWording(options);
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const options = await embedOptions(await searchParams);
  const locale = options.locale ?? (await getRequestLocale());
  return { title: options.name ?? translate(locale, 'embed.frameTitle'), robots: { index: false, follow: false } };
}

export default async function EmbedPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const options = await embedOptions(params);
  const locale = options.locale ?? (await getRequestLocale());
  const publicConfig = getPublicConfig();
  const requestHeaders = await headers();
  const nonce = requestHeaders.get('x-nonce') ?? undefined;
  // Framed by a site not on EMBED_ALLOWED_ORIGINS (middleware.ts): why, and a way to the chat, instead of the chat.
  const unlisted = requestHeaders.get(EMBED_UNLISTED_HEADER);
  if (unlisted) return <EmbedUnlisted locale={locale} origin={unlisted} explicitLocale={options.locale !== undefined} nonce={nonce} />;
  // The app's customization (lib/config-theme.ts), each field overridable by the host's options.
  const base = publicConfig.customization;
  // A tag option this page dropped (the loader passes most of them on unchecked): named in the host page's console.
  const dropped = droppedOptionsScript(droppedEmbedOptions(params));
  const notice = options.notice === undefined ? base.legalNotice : /^off$/i.test(options.notice) ? null : options.notice;
  const defined = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
  const customization = {
    ...base,
    ...defined({ agentName: options.name, avatarUrl: options.avatar, greeting: options.greeting, placeholder: options.placeholder, privacyUrl: options.privacy, voice: options.voice }),
    legalNotice: notice,
  };
  return (
    <I18nProvider locale={locale} messages={clientMessagesFor(locale)}>
      {/* The host's theme choice for this frame, applied before the chat paints (the layout's script tracks "system"). */}
      {options.theme ? <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeOverrideScript(options.theme) }} /> : null}
      {dropped ? <script nonce={nonce} dangerouslySetInnerHTML={{ __html: dropped }} /> : null}
      <div className="embed-page brand-scope" style={themeStyle({ brandColor: options.color, radiusPx: options.radius })}>
        <EmbedChat
          mode={options.mode}
          host={options.host}
          allowedOrigins={getServerConfig().security.embedAllowedOrigins}
          color={undefined}
          customization={customization}
          suggestedQuestions={options.questions ?? base.suggestedQuestions ?? getLocalizedKnowledgeBase(locale).suggestedQuestions}
          maxChars={publicConfig.chat.maxMessageChars}
          maxRecordingSeconds={publicConfig.voice.maxRecordingSeconds}
        />
      </div>
    </I18nProvider>
  );
}
