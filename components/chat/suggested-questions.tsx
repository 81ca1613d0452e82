import { useT } from '@/lib/i18n/provider';

export interface SuggestedQuestionsProps {
  questions: readonly string[];
  onSelect: (question: string) => void;
  disabled?: boolean;
}

/** One-tap starter questions for an empty conversation. */
export function SuggestedQuestions({ questions, onSelect, disabled = false }: SuggestedQuestionsProps) {
  const t = useT();
  if (questions.length === 0) return null;
  return (
    <section aria-label={t('chat.suggestions.label')}>
      <ul className="flex flex-wrap justify-center gap-2">
        {questions.map((question) => (
          <li key={question}>
            <button
              type="button"
              data-testid="suggested-question"
              disabled={disabled}
              onClick={() => onSelect(question)}
              className="rounded-2xl border border-brand-100 bg-brand-50 px-3 py-1.5 text-center text-sm text-brand-700 transition-colors hover:border-brand-500 hover:bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-60"
            >
              {question}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
