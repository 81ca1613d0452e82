import { useT } from '@/lib/i18n/provider';
import { SuggestedQuestions } from './suggested-questions';

export interface EmptyStateProps {
  questions: readonly string[];
  onSelect: (question: string) => void;
  /** Suggestions are inert while the stored history may still replace this screen, or before the chat is ready. */
  disabled: boolean;
  loadingHistory?: boolean;
  /** Replaces the default greeting (the embed's `greeting` option). */
  greeting?: string;
}

/** The greeting and suggested questions of a conversation with no messages yet. */
export function EmptyState({ questions, onSelect, disabled, loadingHistory = false, greeting }: EmptyStateProps) {
  const t = useT();
  return (
    <div className="flex min-h-full flex-col items-center justify-center gap-4 py-6 text-center">
      <div>
        <p className="text-base font-semibold text-slate-900">{greeting ?? t('chat.empty.title')}</p>
        <p className="mt-1 text-sm text-slate-600">{t('chat.empty.body')}</p>
      </div>
      <SuggestedQuestions questions={questions} onSelect={onSelect} disabled={disabled} />
      <p role="status" className="sr-only">
        {loadingHistory ? t('chat.loadingHistory') : ''}
      </p>
    </div>
  );
}
