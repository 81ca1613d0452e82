'use client';

import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { useEffect, useId, useMemo, useRef } from 'react';
import useSWR from 'swr';
import type { SalesUIMessage } from '@/lib/chat/messages';
import { useT } from '@/lib/i18n/provider';
import { ChatError } from './chat-error';
import { Composer } from './composer';
import { EmptyState } from './empty-state';
import { MessageList } from './message-list';
import { TypingIndicator } from './typing-indicator';
import { useConversationId } from './use-conversation-id';

export interface ChatPanelProps {
  /** Starter questions shown while the conversation is empty. */
  suggestedQuestions?: readonly string[];
  /** Longest message the composer accepts; keep in step with the server's limit. */
  maxChars?: number;
  /** Base path of the chat API. */
  api?: string;
  /** The panel's heading level, so it fits the outline of the page that embeds it. */
  headingLevel?: 2 | 3;
  className?: string;
}

// A hung history request must not keep the suggestions disabled for ever.
const HISTORY_TIMEOUT_MS = 8000;

function isStoredMessage(value: unknown): value is SalesUIMessage {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Partial<SalesUIMessage>;
  return (
    typeof candidate.id === 'string' &&
    (candidate.role === 'user' || candidate.role === 'assistant') &&
    Array.isArray(candidate.parts)
  );
}

/** GET {api}/{id} → the stored messages; an unknown conversation (404) is simply an empty one. */
async function fetchHistory(url: string): Promise<SalesUIMessage[]> {
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(HISTORY_TIMEOUT_MS),
  });
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`History request failed with status ${response.status}`);
  const body = (await response.json()) as { messages?: unknown };
  return Array.isArray(body.messages) ? body.messages.filter(isStoredMessage) : [];
}

function Conversation({ id, api, suggestedQuestions, maxChars }: { id: string; api: string; suggestedQuestions: readonly string[]; maxChars?: number }) {
  const t = useT();
  const composerInput = useRef<HTMLTextAreaElement>(null);
  const transport = useMemo(
    () =>
      new DefaultChatTransport<SalesUIMessage>({
        api,
        // The server keeps the history: sending it back every turn would cost bandwidth and let a client rewrite it.
        prepareSendMessagesRequest: ({ id: chatId, messages }) => ({ body: { id: chatId, message: messages.at(-1) } }),
      }),
    [api],
  );
  const { messages, sendMessage, setMessages, status, error, stop, regenerate } = useChat<SalesUIMessage>({ id, transport });

  const history = useSWR(`${api}/${encodeURIComponent(id)}`, fetchHistory, {
    revalidateOnFocus: false,
    revalidateOnReconnect: false,
    shouldRetryOnError: false,
  });

  const historyApplied = useRef(false);
  useEffect(() => {
    const stored = history.data;
    if (historyApplied.current || !stored) return;
    historyApplied.current = true;
    if (stored.length === 0) return;
    // Someone quick may have sent a message before the history arrived: keep it, after the stored turns.
    setMessages((current) => [...stored.filter((message) => !current.some((c) => c.id === message.id)), ...current]);
  }, [history.data, setMessages]);

  const busy = status === 'submitted' || status === 'streaming';
  const last = messages.at(-1);
  const replyHasText = last?.role === 'assistant' && last.parts.some((part) => part.type === 'text' && part.text.trim() !== '');
  const showTyping = status === 'submitted' || (status === 'streaming' && !replyHasText);
  const historyLoading = history.isLoading;

  function send(text: string) {
    void sendMessage({ text });
  }

  function ask(question: string) {
    send(question);
    composerInput.current?.focus();
  }

  const emptyState = (
    <EmptyState questions={suggestedQuestions} onSelect={ask} disabled={historyLoading || busy} loadingHistory={historyLoading} />
  );

  return (
    <>
      <MessageList
        messages={messages}
        busy={busy}
        emptyState={emptyState}
        footer={
          showTyping || error || history.error ? (
            <>
              {history.error && messages.length === 0 ? <p className="text-center text-xs text-slate-600">{t('chat.historyError')}</p> : null}
              {showTyping ? <TypingIndicator /> : null}
              {error ? <ChatError error={error} onRetry={() => void regenerate()} /> : null}
            </>
          ) : null
        }
      />
      <Composer inputRef={composerInput} onSend={send} onStop={stop} busy={busy} maxChars={maxChars} />
    </>
  );
}

/**
 * The sales chat: a persisted conversation (its id in localStorage, its history from the server) streamed with useChat.
 * The only client boundary of the home page; everything it renders is a leaf.
 */
export function ChatPanel({ suggestedQuestions = [], maxChars, api = '/api/v1/chat', headingLevel = 2, className = '' }: ChatPanelProps) {
  const t = useT();
  const titleId = useId();
  const { id, startNew } = useConversationId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section
      data-testid="chat-panel"
      aria-labelledby={titleId}
      className={`flex flex-col overflow-hidden rounded-2xl border border-slate-200 bg-slate-50 shadow-lg shadow-slate-900/5 ${className}`}
    >
      <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-3">
        <span aria-hidden="true" className="relative grid size-9 shrink-0 place-items-center rounded-full bg-brand-600 text-sm font-bold text-white">
          N
          <span className="absolute -right-0.5 -bottom-0.5 size-3 rounded-full bg-emerald-500 ring-2 ring-white" />
        </span>
        <div className="min-w-0 flex-1">
          <Heading id={titleId} className="truncate text-sm font-semibold text-slate-900">
            {t('chat.title')}
          </Heading>
          <p className="truncate text-xs text-slate-600">{t('chat.subtitle')}</p>
        </div>
        <button
          type="button"
          data-testid="new-conversation"
          onClick={startNew}
          disabled={!id}
          className="inline-flex shrink-0 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-2.5 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-3.5">
            <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
          </svg>
          {t('chat.newConversation')}
        </button>
      </header>
      {id ? (
        // Keyed by id: a new conversation gets a fresh useChat and history instead of reconciling the old one.
        <Conversation key={id} id={id} api={api} suggestedQuestions={suggestedQuestions} maxChars={maxChars} />
      ) : (
        // Server render and first paint: the same layout, inert until the browser supplies the conversation id.
        <>
          <MessageList
            messages={[]}
            busy={false}
            emptyState={<EmptyState questions={suggestedQuestions} onSelect={() => undefined} disabled />}
          />
          <Composer onSend={() => undefined} onStop={() => undefined} busy={false} disabled maxChars={maxChars} />
        </>
      )}
    </section>
  );
}
