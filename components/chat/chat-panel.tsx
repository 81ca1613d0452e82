'use client';

import { lazy, Suspense, useEffect, useId, useState, type ReactNode } from 'react';
import { useT } from '@/lib/i18n/provider';
import { Composer } from './composer';
import type { ChatBridge } from './conversation';
import { EmptyState } from './empty-state';
import { eraseConversation } from './erase-conversation';
import { isFreshConversation, useConversationId } from './use-conversation-id';

// The AI SDK, SWR and the markdown renderer make up most of the page's JavaScript: fetch them after the page is
// interactive (or as soon as the visitor reaches for the chat) instead of making hydration wait for them.
const Conversation = lazy(() => import('./conversation'));

export interface ChatPanelProps {
  /** Starter questions shown while the conversation is empty. */
  suggestedQuestions?: readonly string[];
  /** Longest message the composer accepts; keep in step with the server's limit. */
  maxChars?: number;
  /** Longest voice recording, in seconds; keep in step with the server's TRANSCRIBE_MAX_SECONDS. */
  maxRecordingSeconds?: number;
  /** Base path of the chat API. */
  api?: string;
  /** The panel's heading level, so it fits the outline of the page that embeds it. */
  headingLevel?: 2 | 3;
  className?: string;
  /** The embed's options: the agent's name and avatar in the header, the greeting, voice on or off. */
  customization?: ChatCustomization;
  /** Lets the embed send messages and hear about replies (the host page's API and events). */
  bridge?: ChatBridge;
  /** Load the conversation engine at once rather than when the browser is idle (the embed is opened to be used). */
  eager?: boolean;
  /** Extra controls at the end of the header (the embed's close button). */
  headerActions?: ReactNode;
}

export interface ChatCustomization {
  agentName?: string;
  /** An image URL (https, or a path on this app). */
  avatarUrl?: string;
  greeting?: string;
  /** false: no microphone and no spoken replies. */
  voice?: boolean;
}

/** Server render, first paint and engine download: the conversation's layout, inert, so nothing shifts when it loads. */
function ConversationShell({ suggestedQuestions, maxChars, greeting }: { suggestedQuestions: readonly string[]; maxChars?: number; greeting?: string }) {
  return (
    <>
      <div className="min-h-0 flex-1 overflow-y-auto px-3 py-4 sm:px-4">
        <EmptyState questions={suggestedQuestions} onSelect={() => undefined} disabled greeting={greeting} />
      </div>
      <Composer
        onSend={() => undefined}
        onStop={() => undefined}
        busy={false}
        disabled
        maxChars={maxChars}
        // Room for the voice toggle and microphone, which arrive with the engine: the input must not jump narrower then.
        actions={<span aria-hidden="true" className="w-[5.5rem] shrink-0" />}
      />
    </>
  );
}

/** Resolves once the browser is idle after hydration, or at the latest after `timeout` ms. */
function whenIdle(callback: () => void, timeout: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(callback, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(callback, 1);
  return () => window.clearTimeout(handle);
}

/**
 * The sales chat: a persisted conversation (its id in localStorage, its history from the server) streamed with useChat.
 * The home page's only client boundary; everything below it is a leaf.
 */
export function ChatPanel({
  suggestedQuestions = [],
  maxChars,
  maxRecordingSeconds,
  api = '/api/v1/chat',
  headingLevel = 2,
  className = '',
  customization = {},
  bridge,
  eager = false,
  headerActions,
}: ChatPanelProps) {
  const t = useT();
  const titleId = useId();
  const { id, startNew } = useConversationId();
  const [engineWanted, setEngineWanted] = useState(eager);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState(false);
  // The connection status is rendered into the header by the lazily loaded engine, which is the part that knows it.
  const [statusSlot, setStatusSlot] = useState<HTMLDivElement | null>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  useEffect(() => whenIdle(() => setEngineWanted(true), 1500), []);
  // Reaching for the chat (pointer, touch, keyboard focus) loads the engine right away rather than at idle time.
  const wantEngine = () => {
    if (!engineWanted) setEngineWanted(true);
  };

  /** Erases the conversation on the server (with what the prospect told us), after asking, then starts a new one. */
  async function deleteConversation() {
    if (!id || !window.confirm(t('chat.deleteConfirm'))) return;
    setDeleting(true);
    setDeleteError(false);
    try {
      const ok = isFreshConversation(id) || (await eraseConversation(api, id));
      if (ok) {
        // What this device kept of it (queued messages, the offline copy) goes too; loaded only when needed.
        void import('./outbox').then(({ forgetConversationLocally }) => forgetConversationLocally(id)).catch(() => undefined);
        startNew();
      } else setDeleteError(true);
    } finally {
      setDeleting(false);
    }
  }

  const { agentName, avatarUrl, greeting, voice } = customization;
  const shell = <ConversationShell suggestedQuestions={suggestedQuestions} maxChars={maxChars} greeting={greeting} />;

  return (
    <section
      data-testid="chat-panel"
      aria-labelledby={titleId}
      onPointerEnter={wantEngine}
      onTouchStart={wantEngine}
      onFocus={wantEngine}
      className={`flex flex-col overflow-hidden rounded-2xl border border-slate-200 bg-slate-50 shadow-lg shadow-slate-900/5 ${className}`}
    >
      <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-3">
        {avatarUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a host's avatar from any https origin, not optimisable here
          <img src={avatarUrl} alt="" className="size-9 shrink-0 rounded-full object-cover" />
        ) : (
          <span aria-hidden="true" className="relative grid size-9 shrink-0 place-items-center rounded-full bg-brand-600 text-sm font-bold text-white">
            {agentName ? agentName.charAt(0).toUpperCase() : 'N'}
          </span>
        )}
        <div className="min-w-0 flex-1">
          <Heading id={titleId} className="truncate text-sm leading-5 font-semibold text-slate-900">
            {agentName ?? t('chat.title')}
          </Heading>
          <p className="text-xs leading-4 text-slate-600">{t('chat.subtitle')}</p>
          <div ref={setStatusSlot} className="min-h-4" />
        </div>
        <button
          type="button"
          data-testid="delete-conversation"
          onClick={() => void deleteConversation()}
          disabled={!id || deleting}
          title={t('chat.deleteConversation')}
          aria-label={t('chat.deleteConversation')}
          className="inline-flex min-h-9 min-w-9 shrink-0 items-center justify-center rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-3.5">
            <path
              fillRule="evenodd"
              d="M8.75 1A2.75 2.75 0 0 0 6 3.75v.443c-.795.077-1.584.176-2.365.298a.75.75 0 1 0 .23 1.482l.149-.022.841 10.518A2.75 2.75 0 0 0 7.596 19h4.807a2.75 2.75 0 0 0 2.742-2.53l.841-10.52.149.023a.75.75 0 0 0 .23-1.482A41.03 41.03 0 0 0 14 4.193V3.75A2.75 2.75 0 0 0 11.25 1h-2.5ZM10 4c.84 0 1.673.025 2.5.075V3.75c0-.69-.56-1.25-1.25-1.25h-2.5c-.69 0-1.25.56-1.25 1.25v.325C8.327 4.025 9.16 4 10 4ZM8.58 7.72a.75.75 0 0 0-1.5.06l.3 7.5a.75.75 0 1 0 1.5-.06l-.3-7.5Zm4.34.06a.75.75 0 1 0-1.5-.06l-.3 7.5a.75.75 0 1 0 1.5.06l.3-7.5Z"
              clipRule="evenodd"
            />
          </svg>
        </button>
        <button
          type="button"
          data-testid="new-conversation"
          onClick={startNew}
          disabled={!id}
          title={t('chat.newConversation')}
          className="inline-flex min-h-9 min-w-9 shrink-0 items-center justify-center gap-1.5 rounded-lg border border-slate-300 bg-white px-2.5 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-3.5">
            <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
          </svg>
          {/* Icon-only on phones, where the title needs the room; the text still names the button. */}
          <span className="sr-only sm:not-sr-only">{t('chat.newConversation')}</span>
        </button>
        {headerActions}
      </header>
      {deleteError ? (
        <p role="alert" className="border-b border-red-200 bg-red-50 px-4 py-2 text-xs text-red-900">
          {t('chat.deleteFailed')}
        </p>
      ) : null}
      {id && engineWanted ? (
        <Suspense fallback={shell}>
          {/* Keyed by id: a new conversation gets a fresh useChat and history instead of reconciling the old one. */}
          <Conversation
            key={id}
            id={id}
            api={api}
            suggestedQuestions={suggestedQuestions}
            maxChars={maxChars}
            maxRecordingSeconds={maxRecordingSeconds}
            statusSlot={statusSlot}
            greeting={greeting}
            voice={voice}
            bridge={bridge}
          />
        </Suspense>
      ) : (
        shell
      )}
    </section>
  );
}
