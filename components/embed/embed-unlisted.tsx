import { translate, type Locale } from '@/lib/i18n';
import { LOCALE_PARAM } from '@/lib/i18n/locales';
import { PROTOCOL } from './host-channel';

/**
 * What /embed shows, in place of the chat, in a frame put there by a site that is not on EMBED_ALLOWED_ORIGINS
 * (middleware.ts decides; docs/embed.md). The visitor gets a way to the chat on the app's own site; the site's owner
 * gets the reason in the frame and in the browser's console. A server component: no chat, no session, no API call.
 */
/**
 * The keyboard, as in the chat: focus that enters the frame goes to the link, and Esc asks the loader to close the panel
 * (posted to the site that framed it only, and carrying nothing but the request; the loader takes it only from its own
 * frame on the app's origin).
 */
const keyboard = (host: string) =>
  `(function(){var a=document.querySelector('[data-testid=embed-unlisted] a');function f(){if(a&&document.activeElement!==a)a.focus()}addEventListener('focus',f);if(document.hasFocus())f();addEventListener('keydown',function(e){if(e.key==='Escape'&&parent!==window)parent.postMessage({sa:'${PROTOCOL}',type:'close'},${JSON.stringify(host).replaceAll('<', '\\u003c')})})})();`;

export function EmbedUnlisted({ locale, origin, explicitLocale, nonce }: { locale: Locale; origin: string; explicitLocale: boolean; nonce: string | undefined }) {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string>) => translate(locale, key, vars);
  const home = explicitLocale ? `/?${LOCALE_PARAM}=${locale}` : '/';
  // For the developer who pasted the script tag: the one place they are sure to look. JSON-encoded, `<` escaped.
  const warning = JSON.stringify(`SalesAgent: ${origin} is not in EMBED_ALLOWED_ORIGINS, so the chat is not shown in its frame. Add it on the chat's server (docs/embed.md).`).replaceAll('<', '\\u003c');
  return (
    <main data-testid="embed-unlisted" className="embed-page flex h-dvh flex-col items-center justify-center gap-3 bg-white p-6 text-center text-slate-800">
      <h1 className="text-lg font-semibold">{t('embed.unlisted.title')}</h1>
      <p className="max-w-sm text-sm">{t('embed.unlisted.body')}</p>
      <a
        href={home}
        target="_blank"
        rel="noopener"
        className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        {t('embed.unlisted.open')}
      </a>
      <p className="max-w-sm text-xs text-slate-600">
        {t('embed.unlisted.owner', { origin: '\u2068' + origin + '\u2069' })}
      </p>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: `console.error(${warning});${keyboard(origin)}` }} />
    </main>
  );
}
