import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useLocale, useT } from '@/lib/i18n/provider';
import { textDirection } from '@/lib/i18n/text-direction';
import { numberFormat } from '@/lib/intl-formats';

export interface ComposerProps {
  /** Called with the trimmed text; the composer clears itself afterwards. */
  onSend: (text: string) => void;
  /** Stops the reply in progress. */
  onStop: () => void;
  /** A reply is being requested or streamed: the send button becomes a Stop button. */
  busy: boolean;
  /** Sending is impossible (e.g. no conversation id yet). */
  disabled?: boolean;
  /**
   * The server's limit on one message (CHAT_MAX_MESSAGE_CHARS, from the public config), counted as the server does:
   * on the trimmed text. A longer message is refused here with a count, never cut.
   */
  maxChars?: number;
  /** Lets the parent move focus here, e.g. after a suggested question (whose button then disappears) was used. */
  inputRef?: RefObject<HTMLTextAreaElement | null>;
  /** Words being dictated: shown in place of the typed text (read-only) until the transcript is sent. */
  interim?: string | null;
  /** The prospect typed: a spoken reply must stop (barge-in). */
  onType?: () => void;
  /** Extra buttons before Send/Stop (the microphone and the voice toggle). */
  actions?: ReactNode;
  /** A status line under the input (voice state and errors). */
  status?: ReactNode;
  /** Replaces the translated placeholder (CHAT_PLACEHOLDER, or the embed's `placeholder` option). */
  placeholder?: string;
  /** Text to start with (what was typed before the conversation engine took over from the loading shell). */
  initialValue?: string | (() => string);
  /** Every change of the typed text (the loading shell keeps it for the real composer). */
  onValueChange?: (value: string) => void;
  /** Focus the message box when it appears (it replaces a box that had the focus); asked when it mounts. */
  autoFocus?: boolean | (() => boolean);
  /** A line under the composer (the legal notice). */
  footer?: ReactNode;
}

function formatCounts(locale: string, count: number, max: number, over: number) {
  const number = numberFormat(locale);
  return { count: number.format(count), max: number.format(max), over: number.format(over) };
}

// Shown once the text is within this share of the limit, so the counter does not nag on ordinary messages.
const COUNTER_THRESHOLD = 0.8;
const MAX_HEIGHT_PX = 192;

export function Composer({
  onSend,
  onStop,
  busy,
  disabled = false,
  maxChars = 4000,
  inputRef,
  interim = null,
  onType,
  actions,
  status,
  placeholder,
  initialValue = '',
  onValueChange,
  autoFocus = false,
  footer,
}: ComposerProps) {
  const t = useT();
  const locale = useLocale();
  const [value, setValueState] = useState(initialValue);
  const setValue = (next: string) => {
    setValueState(next);
    onValueChange?.(next);
  };
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const textarea = inputRef ?? ownRef;
  const inputId = useId();
  const hintId = useId();
  const counterId = useId();
  const tooLongId = useId();
  const dictating = interim !== null;
  const shown = dictating ? interim : value;

  // Grow with the content up to a cap, then scroll; re-measured on every change, including the clear after sending.
  useLayoutEffect(() => {
    const element = textarea.current;
    if (!element) return;
    // Empty: one row, whatever a long placeholder would wrap to.
    if (!shown) {
      element.style.height = '';
      return;
    }
    element.style.height = 'auto';
    element.style.height = `${Math.min(element.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [shown, textarea]);

  useLayoutEffect(() => {
    const element = textarea.current;
    if (element && (typeof autoFocus === 'function' ? autoFocus() : autoFocus)) {
      element.focus();
      // Taking over from the box it replaces (the shell's, while the visitor types): the caret goes after their text,
      // or the next keys would land before it ("ow much…H").
      element.setSelectionRange(element.value.length, element.value.length);
    }
    // Only when it appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Typed before this box was hydrated (a slow phone, a fast typist): the text is only in the DOM, where React leaves
  // it. Take it over, so Send works on it; a line break at its end is the Enter pressed to send it, which inserted a
  // line break instead: it is sent now.
  useLayoutEffect(() => {
    const element = textarea.current;
    if (!element || element.value === shown || dictating) return;
    const typed = element.value;
    const sendNow = typed.endsWith('\n') && typed.trim() !== '' && !disabled && !busy && typed.trim().length <= maxChars;
    if (sendNow) {
      onSend(typed.trim());
      // (React would not touch a box whose state did not change, so it is cleared here.)
      element.value = '';
    }
    // The box's DOM is the outside system synced from here, once: what was typed before React took it over.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setValue(sendNow ? '' : typed);
    // Only when it appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const text = value.trim();
  const over = text.length - maxChars;
  const tooLong = over > 0;
  const canSend = !disabled && !busy && !dictating && text.length > 0 && !tooLong;
  const showCounter = text.length >= maxChars * COUNTER_THRESHOLD;
  // Only near the limit (tooLong implies showCounter): a page's first Intl object initialises ICU, 15–25 ms on the
  // main thread (docs/performance.md), which the page's first render should not pay for a counter it does not show.
  const counts = showCounter ? formatCounts(locale, text.length, maxChars, over) : {};
  const describedBy = [hintId, showCounter ? counterId : null, tooLong ? tooLongId : null].filter(Boolean).join(' ');

  function send() {
    if (!canSend) return;
    onSend(text);
    setValue('');
    // Sent with the button (mouse or keyboard): the focus goes back to the message box, never to the Stop button
    // that takes the Send button's place (a second Enter would cancel the reply).
    textarea.current?.focus();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    send();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // isComposing: Enter that confirms an IME candidate (Japanese, Chinese…) must not send half a word.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  return (
    <form onSubmit={onSubmit} className="border-t border-slate-200 bg-white p-3">
      <label htmlFor={inputId} className="sr-only">
        {t('composer.label')}
      </label>
      {/* On phones the message box has the first row to itself and the buttons wrap below it, so it keeps its width. */}
      <div className="flex flex-wrap items-end gap-2 rounded-xl border border-slate-300 bg-white p-1.5 shadow-sm focus-within:border-brand-600 focus-within:ring-2 focus-within:ring-brand-600/30 sm:flex-nowrap">
        <textarea
          ref={textarea}
          id={inputId}
          data-testid="composer-input"
          rows={1}
          value={shown}
          // What is typed reads in its own direction (English on an Arabic page); an empty box keeps the page's.
          dir={textDirection(shown)}
          aria-invalid={tooLong || undefined}
          disabled={disabled}
          readOnly={dictating}
          placeholder={placeholder ?? t('composer.placeholder')}
          // No maxLength: the browser would cut a long paste silently; the count below says what to shorten instead.
          aria-describedby={describedBy}
          onChange={(event) => {
            setValue(event.target.value);
            onType?.();
          }}
          onKeyDown={onKeyDown}
          className="block max-h-48 min-h-10 w-full min-w-0 basis-full resize-none bg-transparent px-2 py-2 text-base leading-6 text-slate-900 placeholder:text-slate-500 focus:outline-none disabled:cursor-not-allowed sm:flex-1 sm:basis-0 sm:text-sm"
        />
        <div className="ms-auto flex shrink-0 items-end gap-2">
        {actions}
        {/* Separate elements (keys): React must not turn the focused Send button into the Stop button. */}
        {busy ? (
          <button
            key="stop"
            type="button"
            data-testid="stop-button"
            onClick={onStop}
            aria-label={t('composer.stop')}
            title={t('composer.stop')}
            className="grid size-10 shrink-0 place-items-center rounded-lg bg-slate-800 text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
              <rect x="5" y="5" width="10" height="10" rx="1.5" />
            </svg>
          </button>
        ) : (
          <button
            key="send"
            type="submit"
            data-testid="send-button"
            disabled={!canSend}
            aria-label={t('composer.send')}
            title={t('composer.send')}
            className="grid size-10 shrink-0 place-items-center rounded-lg bg-brand-600 text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-600"
          >
            {/* Points the way the text reads: to the left on a right-to-left page. */}
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 rtl:-scale-x-100" fill="currentColor">
              <path d="M3.1 2.3a.75.75 0 0 0-1 .9l1.9 6.05H10a.75.75 0 0 1 0 1.5H4l-1.9 6.05a.75.75 0 0 0 1 .9l14.5-7a.75.75 0 0 0 0-1.4l-14.5-7Z" />
            </svg>
          </button>
        )}
        </div>
      </div>
      <div className="mt-1.5 flex items-center justify-between gap-2 px-1 text-xs text-slate-600">
        <p id={hintId} className="hidden sm:block">
          {t('composer.hint')}
        </p>
        {showCounter ? (
          <p id={counterId} data-testid="composer-count" className={`ms-auto tabular-nums ${tooLong ? 'font-semibold text-red-700' : ''}`}>
            <span aria-hidden="true">{t('composer.count', counts)}</span>
            <span className="sr-only">{t('composer.countLabel', counts)}</span>
          </p>
        ) : null}
      </div>
      {/* Always rendered: a live region must exist before its text changes, or screen readers miss the first message. */}
      <p id={tooLongId} role="status" aria-live="polite" data-testid="composer-too-long" className="px-1 text-xs font-semibold text-red-700 empty:hidden">
        {tooLong ? t(over === 1 ? 'composer.tooLongOne' : 'composer.tooLong', counts) : null}
      </p>
      {status ? <div className="mt-1 flex px-1 text-xs">{status}</div> : null}
      {footer}
    </form>
  );
}
