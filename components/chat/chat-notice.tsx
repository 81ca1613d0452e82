import { useT } from '@/lib/i18n/provider';
import type { SalesDataParts } from '@/lib/chat/messages';

/** A `notice` data part from the server ("answered by the offline agent", …), shown under the reply it belongs to. */
export function ChatNotice({ notice }: { notice: SalesDataParts['notice'] }) {
  const t = useT();
  const warning = notice.level === 'warning';
  return (
    <p
      data-testid="chat-notice"
      data-code={notice.code}
      className={`mt-1 flex items-start gap-1.5 rounded-md px-2 py-1 text-xs ${
        warning ? 'bg-amber-50 text-amber-900 ring-1 ring-amber-200' : 'bg-slate-100 text-slate-700'
      }`}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="mt-px size-3.5 shrink-0">
        <path
          fillRule="evenodd"
          d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.25v2.75a.75.75 0 0 0 1.5 0V9.75A.75.75 0 0 0 10 9H9Z"
          clipRule="evenodd"
        />
      </svg>
      <span>
        <span className="font-semibold">{t(warning ? 'chat.notice.warning' : 'chat.notice.info')}</span> {notice.message}
      </span>
    </p>
  );
}
