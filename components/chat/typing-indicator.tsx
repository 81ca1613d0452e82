import { useT } from '@/lib/i18n/provider';

/** Three pulsing dots while the rep is "thinking"; the text is there for screen readers and motion-sensitive users. */
export function TypingIndicator() {
  const t = useT();
  return (
    <div data-testid="typing-indicator" role="status" className="flex items-center gap-2 px-1 text-sm text-slate-600">
      <span aria-hidden="true" className="flex gap-1 rounded-2xl rounded-es-sm bg-white px-3 py-3 shadow-sm ring-1 ring-slate-200">
        <span className="size-1.5 animate-bounce rounded-full bg-slate-500 motion-reduce:animate-none [animation-delay:-0.3s]" />
        <span className="size-1.5 animate-bounce rounded-full bg-slate-500 motion-reduce:animate-none [animation-delay:-0.15s]" />
        <span className="size-1.5 animate-bounce rounded-full bg-slate-500 motion-reduce:animate-none" />
      </span>
      <span className="sr-only">{t('chat.typing')}</span>
    </div>
  );
}
