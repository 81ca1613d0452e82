import { useState } from 'react';
import { visitorHeaders } from '@/lib/client/visitor-session';
import { useT } from '@/lib/i18n/provider';

type Rating = 'up' | 'down';

const button =
  'inline-flex min-h-8 min-w-8 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 aria-pressed:text-brand-700';

/**
 * Under a finished reply: copy its text, and thumbs up or down (POST {api}/{conversation}/feedback; the choice shows
 * at once and a failed request is not retried: feedback is a courtesy, never in the way).
 */
export function ReplyActions({ text, messageId, conversationId, api }: { text: string; messageId: string; conversationId?: string; api?: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const [rating, setRating] = useState<Rating | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2_000);
    } catch {
      // No clipboard permission: nothing to say beyond the button not confirming.
    }
  }

  async function rate(next: Rating) {
    setRating(next);
    if (!conversationId || !api) return;
    try {
      await fetch(`${api}/${encodeURIComponent(conversationId)}/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await visitorHeaders()) },
        body: JSON.stringify({ messageId, rating: next }),
      });
    } catch {
      // Offline or refused: the visitor's choice stays shown; feedback is best-effort.
    }
  }

  return (
    <div className="flex items-center gap-0.5 px-1" data-testid="reply-actions">
      <button type="button" data-testid="copy-reply" className={button} onClick={() => void copy()} aria-label={t('chat.reply.copy')} title={t('chat.reply.copy')}>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
          <path d="M7 3.5A1.5 1.5 0 0 1 8.5 2h3.879a1.5 1.5 0 0 1 1.06.44l3.122 3.12A1.5 1.5 0 0 1 17 6.622V12.5a1.5 1.5 0 0 1-1.5 1.5h-1v-3.379a3 3 0 0 0-.879-2.121L10.5 5.379A3 3 0 0 0 8.379 4.5H7v-1Z" />
          <path d="M4.5 6A1.5 1.5 0 0 0 3 7.5v9A1.5 1.5 0 0 0 4.5 18h7a1.5 1.5 0 0 0 1.5-1.5v-5.879a1.5 1.5 0 0 0-.44-1.06L9.44 6.439A1.5 1.5 0 0 0 8.378 6H4.5Z" />
        </svg>
      </button>
      {(['up', 'down'] as const).map((choice) => (
        <button
          key={choice}
          type="button"
          data-testid={`thumbs-${choice}`}
          className={button}
          aria-pressed={rating === choice}
          onClick={() => void rate(choice)}
          aria-label={t(choice === 'up' ? 'chat.reply.helpful' : 'chat.reply.notHelpful')}
          title={t(choice === 'up' ? 'chat.reply.helpful' : 'chat.reply.notHelpful')}
        >
          {/* One thumb, turned over for "not helpful". */}
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className={`size-4 ${choice === 'down' ? 'rotate-180' : ''}`}>
            <path d="M1 8.25a1.25 1.25 0 1 1 2.5 0v7.5a1.25 1.25 0 1 1-2.5 0v-7.5ZM11 3V1.7c0-.268.14-.526.395-.607A2 2 0 0 1 14 3c0 .995-.182 1.948-.514 2.826-.204.54.166 1.174.744 1.174h2.52c1.243 0 2.261 1.01 2.146 2.247a23.864 23.864 0 0 1-1.341 5.974C17.153 16.323 16.072 17 14.9 17h-3.192a3 3 0 0 1-1.341-.317l-2.734-1.366A3 3 0 0 0 6.292 15H5V8h.963c.685 0 1.258-.483 1.612-1.068a4.011 4.011 0 0 1 2.166-1.73c.432-.143.853-.386 1.011-.814.16-.432.248-.9.248-1.388Z" />
          </svg>
        </button>
      ))}
      <span role="status" className="text-xs text-slate-600">
        {copied ? t('chat.reply.copied') : rating ? t('chat.reply.feedbackThanks') : ''}
      </span>
    </div>
  );
}
