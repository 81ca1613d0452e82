import { useT } from '@/lib/i18n/provider';

/** "AI can make mistakes" (or CHAT_LEGAL_NOTICE / the embed's `notice`), with the privacy link when one is set. */
export function LegalNotice({ text, privacyUrl }: { text?: string | null; privacyUrl?: string }) {
  const t = useT();
  if (text === null) return null;
  return (
    <p data-testid="legal-notice" className="mt-1.5 px-1 text-xs text-slate-600">
      {text ?? t('chat.legal.notice')}
      {privacyUrl ? (
        <>
          {' '}
          <a
            href={privacyUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="font-medium text-brand-700 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            {t('chat.legal.privacy')}
            <span className="sr-only"> {t('markdown.newTab')}</span>
          </a>
        </>
      ) : null}
    </p>
  );
}
