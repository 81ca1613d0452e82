'use client';

import { lazy, startTransition, Suspense, useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { SalesUIMessage } from '@/lib/chat/messages';
import { useLocale, useT } from '@/lib/i18n/provider';
import { AgentAvatar } from './agent-avatar';
import { Composer } from './composer';
import type { ChatBridge } from './conversation';
import { EmptyState } from './empty-state';
import { LegalNotice } from './legal-notice';
import { isFreshConversation, readConversationId, useConversationId } from './use-conversation-id';

// The AI SDK, SWR and the markdown renderer make up most of the page's JavaScript: fetch them after the page is
// interactive (or as soon as the visitor reaches for the chat) instead of making hydration wait for them.
const Conversation = lazy(() => import('./conversation'));
// Needed only on a click: kept out of the page's first load (its JavaScript budget, scripts/bundle-size.mjs).
const ConfirmDialog = lazy(() => import('./confirm-dialog').then((module) => ({ default: module.ConfirmDialog })));

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
  /**
   * The page's "Ask about …" buttons: a click on any `[data-chat-ask]` element sends its text (the page stays
   * server-rendered; without JavaScript those are plain links to the chat).
   */
  listenForAsks?: boolean;
}

/** The chat's face and wording: from config (lib/config-theme.ts), overridden per embed (app/embed/options.ts). */
export interface ChatCustomization {
  agentName?: string;
  /** An image URL (https, or a path on this app). */
  avatarUrl?: string;
  greeting?: string;
  /** false: no microphone and no spoken replies. */
  voice?: boolean;
  /** The message box's placeholder. */
  placeholder?: string;
  /** The line under the composer; undefined: the translated default; null: none. */
  legalNotice?: string | null;
  privacyUrl?: string;
}

interface ShellProps {
  suggestedQuestions: readonly string[];
  maxChars?: number;
  greeting?: string;
  placeholder?: string;
  footer: ReactNode;
  /** What is typed and sent while the engine loads: kept, then handed over (nothing is lost, nothing is inert). */
  onDraft: (text: string) => void;
  /** The text and focus of the box this one replaces (the server-rendered shell gives way to the Suspense fallback). */
  initialDraft: () => string;
  autoFocus: () => boolean;
  onSend: (text: string) => void;
  pending: number;
}

/**
 * Server render, first paint and engine download: the conversation's layout, so nothing shifts when it loads. It is
 * usable at once: the message box takes typing, and a message sent (or a suggestion chosen) waits for the engine,
 * which sends it as soon as it has loaded; meanwhile the panel says, visibly and to screen readers, that it is loading.
 */
function ConversationShell({ suggestedQuestions, maxChars, greeting, placeholder, footer, onDraft, onSend, pending, initialDraft, autoFocus }: ShellProps) {
  const t = useT();
  return (
    <>
      <div className="min-h-0 flex-1 overflow-y-auto px-3 py-4 sm:px-4" aria-busy="true">
        {pending === 0 ? <EmptyState questions={suggestedQuestions} onSelect={onSend} disabled={false} greeting={greeting} /> : null}
        <p role="status" data-testid="chat-loading" className="mt-2 text-center text-xs text-slate-600">
          {pending > 0 ? t('chat.loading') : ''}
        </p>
      </div>
      <Composer
        onSend={onSend}
        onStop={() => undefined}
        busy={false}
        maxChars={maxChars}
        placeholder={placeholder}
        onValueChange={onDraft}
        initialValue={initialDraft}
        autoFocus={autoFocus}
        footer={footer}
        // Room for the voice toggle and microphone, which arrive with the engine: the input must not jump narrower then.
        actions={<span aria-hidden="true" className="w-[5.5rem] shrink-0" />}
      />
    </>
  );
}

/** The panel's controls with this test id, in document order: the same in the loading shell and in the engine. */
function controlsNamed(panel: Element, name: string): HTMLElement[] {
  return [...panel.querySelectorAll<HTMLElement>('[data-testid]')].filter((element) => element.dataset.testid === name);
}

/** How much of the panel must be on screen for its engine to load without being reached for (and the launcher to hide). */
const ENGINE_ON_SCREEN = 0.6;
/** A panel neither reached for nor on screen gets its engine this long after hydration, when the browser is idle. */
const ENGINE_AFTER_MS = 5_000;

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
 * Behind the home page's only client boundary (chat-panel.tsx, which hydrates it on its own); everything below is a leaf.
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
  listenForAsks = false,
}: ChatPanelProps) {
  const t = useT();
  const titleId = useId();
  const { id, load: loadId, startNew } = useConversationId();
  const [engineWanted, setEngineWanted] = useState(eager);
  // Each box that replaces another (the shell, its copy as the Suspense fallback, the engine's) starts with the text
  // and the focus the previous one had (draft, draftFocused below).
  const loadEngine = useCallback(
    () =>
      startTransition(() => {
        loadId();
        setEngineWanted(true);
      }),
    [loadId],
  );
  const locale = useLocale();
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState(false);
  const [confirming, setConfirming] = useState<'new' | 'delete' | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // What the engine shows, for the transcript and for "New conversation" (disabled while there is nothing to clear).
  const [messages, setMessages] = useState<readonly SalesUIMessage[]>([]);
  const [engineReady, setEngineReady] = useState(false);
  // Typed or sent in the loading shell, handed to the engine when it arrives.
  // Read when the engine's composer mounts (refs: no re-render per keystroke while the engine loads).
  const draft = useRef('');
  const draftFocused = useRef(false);
  const [pending, setPending] = useState<string[]>([]);
  // The connection status is rendered into the header by the lazily loaded engine, which is the part that knows it.
  const [statusSlot, setStatusSlot] = useState<HTMLDivElement | null>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  // Reaching for the chat (pointer, touch, keyboard focus) loads the engine right away rather than at idle time.
  const wantEngine = () => {
    if (!engineWanted) loadEngine();
  };

  const hasMessages = engineReady ? messages.length > 0 : id !== null && !isFreshConversation(id);

  function startNewConversation() {
    setConfirming(null);
    setMessages([]);
    setEngineReady(false);
    startNew();
    setAnnouncement(t('chat.newStarted'));
    focusComposer();
  }

  /** The message box, once the (possibly re-keyed) conversation has rendered it. */
  function focusComposer() {
    window.setTimeout(() => document.getElementById(composerId)?.querySelector('textarea')?.focus(), 0);
  }

  async function downloadTranscript() {
    const { downloadText, transcriptMarkdown } = await import('./transcript');
    const name = agentName ?? t('chat.role.assistant');
    const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const text = transcriptMarkdown({
      messages,
      heading: t('chat.transcript.heading', { agent: name }),
      userName: t('chat.role.user'),
      agentName: name,
      formatTime: (at) => time.format(at),
    });
    downloadText(`conversation-${new Date().toISOString().slice(0, 10)}.md`, text);
  }

  // A plan card's call to action starts the right conversation, from anywhere on the page.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!listenForAsks) return;
    const onClick = (event: MouseEvent) => {
      const trigger = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-chat-ask]') : null;
      const text = trigger?.dataset.chatAsk?.trim();
      if (!text) return;
      event.preventDefault();
      sendFromShell(text);
      panel.current?.scrollIntoView({ block: 'nearest' });
      focusComposer();
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  });

  // When the engine loads by itself (its chunk and its first render are most of the page's main-thread work after
  // hydration, so not during the page's load while the visitor reads the hero): when the browser is idle if the
  // conversation has a history to show (a returning visitor) or if the panel is mostly on screen (beside the hero on
  // a desktop); on a phone, where the chat is below the hero, once it has been scrolled into view or 5 s after
  // hydration, whichever comes first. Any reach for it before then (pointer, touch, focus, a plan's button, a message
  // typed and sent in the shell) loads it at once.
  useEffect(() => {
    if (engineWanted) {
      // Wanted from the start (the embed, `eager`): the engine renders once the id is in state.
      if (id === null) startTransition(loadId);
      return;
    }
    const element = panel.current;
    if (!isFreshConversation(readConversationId()) || !element || typeof IntersectionObserver === 'undefined') return whenIdle(loadEngine, 1500);
    let cancelIdle: (() => void) | undefined;
    const load = () => {
      if (cancelIdle) return;
      observer.disconnect();
      cancelIdle = whenIdle(loadEngine, 1500);
    };
    const observer = new IntersectionObserver(([entry]) => {
      if ((entry?.intersectionRatio ?? 0) >= ENGINE_ON_SCREEN) load();
    }, { threshold: [ENGINE_ON_SCREEN] });
    observer.observe(element);
    // Not scrolled to either: fetched anyway once the page has settled, so that it is there when the visitor gets to
    // the chat (its voice controls with it), without competing with the page's own load.
    const later = window.setTimeout(load, ENGINE_AFTER_MS);
    return () => {
      observer.disconnect();
      window.clearTimeout(later);
      cancelIdle?.();
    };
  }, [id, engineWanted, loadId, loadEngine]);

  // The control with the focus in the panel. Tabbing into the panel loads its engine, which replaces the loading shell
  // (twice: the shell, its copy as the Suspense fallback, then the engine): the focus would fall to <body> and the next
  // Tab start over. Its counterpart in the new render takes the focus instead, once it is there and enabled (the message
  // box does so itself, with its caret: draftFocused).
  const focused = useRef<{ control: HTMLElement; name: string; rank: number } | null>(null);
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const observer = new MutationObserver(() => {
      const last = focused.current;
      if (!last || last.control.isConnected || (document.activeElement && document.activeElement !== document.body)) return;
      const counterpart = controlsNamed(element, last.name)[last.rank];
      if (counterpart && !counterpart.matches(':disabled')) counterpart.focus({ preventScroll: true });
    });
    observer.observe(element, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
    return () => observer.disconnect();
  }, []);

  // The phone launcher (a link to the chat, app/page.tsx) hides while the chat itself is on screen.
  useEffect(() => {
    const element = panel.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    // Mostly on screen (its message box with it), not a sliver under the hero.
    const observer = new IntersectionObserver(
      ([entry]) => document.documentElement.toggleAttribute('data-chat-visible', (entry?.intersectionRatio ?? 0) >= ENGINE_ON_SCREEN),
      { threshold: [0, ENGINE_ON_SCREEN, 1] },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      document.documentElement.removeAttribute('data-chat-visible');
    };
  }, []);

  function sendFromShell(text: string) {
    setPending((current) => [...current, text]);
    draft.current = '';
    loadEngine();
  }

  /** Erases the conversation on the server (with what the prospect told us), after asking, then starts a new one. */
  async function deleteConversation() {
    setConfirming(null);
    if (!id) return;
    setDeleting(true);
    setDeleteError(false);
    try {
      // Loaded on use: it brings the visitor session's code, which the first paint does not need.
      const ok = isFreshConversation(id) || (await import('./erase-conversation').then(({ eraseConversation }) => eraseConversation(api, id)));
      if (ok) {
        // What this device kept of it (queued messages, the offline copy) goes too; loaded only when needed.
        void import('./outbox').then(({ forgetConversationLocally }) => forgetConversationLocally(id)).catch(() => undefined);
        setMessages([]);
        setEngineReady(false);
        startNew();
        setAnnouncement(t('chat.deleted'));
        focusComposer();
      } else setDeleteError(true);
    } finally {
      setDeleting(false);
    }
  }

  const { agentName, avatarUrl, greeting, voice, placeholder, legalNotice, privacyUrl } = customization;
  const composerId = `${titleId}-composer`;
  const footer = <LegalNotice text={legalNotice} privacyUrl={privacyUrl} />;
  const shell = (
    <ConversationShell
      suggestedQuestions={suggestedQuestions}
      maxChars={maxChars}
      greeting={greeting}
      placeholder={placeholder}
      footer={footer}
      pending={pending.length}
      onDraft={(text) => {
        draft.current = text;
      }}
      initialDraft={() => draft.current}
      autoFocus={() => draftFocused.current}
      onSend={sendFromShell}
    />
  );
  const headerButton =
    'inline-flex min-h-9 min-w-9 shrink-0 items-center justify-center gap-1.5 rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-60';

  return (
    <section
      ref={panel}
      data-testid="chat-panel"
      // "loading" until the conversation engine has rendered (the shell still takes typing and sends meanwhile).
      data-engine={engineReady ? 'ready' : 'loading'}
      aria-labelledby={titleId}
      onPointerEnter={wantEngine}
      onTouchStart={wantEngine}
      onFocus={(event) => {
        wantEngine();
        if (event.target instanceof HTMLTextAreaElement) draftFocused.current = true;
        const name = event.target.dataset.testid;
        focused.current = name ? { control: event.target, name, rank: controlsNamed(event.currentTarget, name).indexOf(event.target) } : null;
      }}
      onBlur={(event) => {
        // Removed from the page (the shell giving way to the engine) is not leaving it: only a move elsewhere counts.
        if (event.target instanceof HTMLTextAreaElement && event.relatedTarget !== null) draftFocused.current = false;
        const left = event.target;
        if (event.relatedTarget instanceof Node && !event.currentTarget.contains(event.relatedTarget)) focused.current = null;
        // To nowhere (a click beside the page, another window) while still on the page: not to be given back later.
        else if (event.relatedTarget === null)
          window.setTimeout(() => {
            if (left.isConnected && focused.current?.control === left) focused.current = null;
          }, 0);
      }}
      className={`flex flex-col overflow-hidden rounded-2xl border border-slate-200 bg-slate-50 shadow-lg shadow-slate-900/5 ${className}`}
    >
      {/* The title shares its row with the buttons only (wrapping rather than cut short on a phone); the subtitle and the
          connection status have the panel's width below it (under the title from sm up). */}
      <header className="border-b border-slate-200 bg-white px-3 py-3 sm:px-4">
        <div className="flex items-center gap-2 sm:gap-3">
          <AgentAvatar name={agentName} avatarUrl={avatarUrl} size="lg" />
          <Heading id={titleId} className="line-clamp-3 min-w-0 flex-1 text-sm leading-5 font-semibold break-words text-slate-900">
            {agentName ?? t('chat.title')}
          </Heading>
          <button
            type="button"
            data-testid="download-transcript"
            onClick={() => void downloadTranscript()}
            disabled={messages.length === 0}
            title={t('chat.transcript.download')}
            aria-label={t('chat.transcript.download')}
            className={headerButton}
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-3.5">
              <path d="M10.75 2.75a.75.75 0 0 0-1.5 0v8.614L6.295 8.235a.75.75 0 1 0-1.09 1.03l4.25 4.5a.75.75 0 0 0 1.09 0l4.25-4.5a.75.75 0 0 0-1.09-1.03l-2.955 3.129V2.75Z" />
              <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
            </svg>
          </button>
          <button
            type="button"
            data-testid="delete-conversation"
            onClick={() => setConfirming('delete')}
            disabled={!id || deleting || !hasMessages}
            title={t('chat.deleteConversation')}
            aria-label={t('chat.deleteConversation')}
            className={headerButton}
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
            onClick={() => setConfirming('new')}
            disabled={!id || !hasMessages}
            title={t('chat.newConversation')}
            className={headerButton}
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-3.5">
              <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
            </svg>
            {/* Icon-only (beside download and delete), so the agent's name keeps the room; the text still names it. */}
            <span className="sr-only">{t('chat.newConversation')}</span>
          </button>
          {headerActions}
        </div>
        <div className="mt-1 sm:ps-12">
          <p className="text-xs leading-4 text-slate-600">{t('chat.subtitle')}</p>
          {/* Attached once the engine is wanted: a state setter as the ref on hydration would re-render the whole panel at
              once, synchronously, right after hydrating (one long task on every page load). */}
          <div ref={engineWanted ? setStatusSlot : undefined} className="min-h-4" />
        </div>
      </header>
      {/* Said once after "New conversation" or "Delete" (polite: it waits for the reader). */}
      <p role="status" data-testid="chat-announcement" className="sr-only">
        {announcement}
      </p>
      <Suspense fallback={null}>
      {confirming === 'new' ? (
        <ConfirmDialog
          testId="confirm-new"
          title={t('chat.newConfirm.title')}
          body={t('chat.newConfirm.body')}
          confirmLabel={t('chat.newConfirm.confirm')}
          cancelLabel={t('chat.cancel')}
          onConfirm={startNewConversation}
          onCancel={() => setConfirming(null)}
        />
      ) : confirming === 'delete' ? (
        <ConfirmDialog
          testId="confirm-delete"
          danger
          title={t('chat.delete.title')}
          body={t('chat.deleteConfirm')}
          confirmLabel={t('chat.delete.confirm')}
          cancelLabel={t('chat.cancel')}
          onConfirm={() => void deleteConversation()}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
      </Suspense>
      {deleteError ? (
        <p role="alert" className="border-b border-red-200 bg-red-50 px-4 py-2 text-xs text-red-900">
          {t('chat.deleteFailed')}
        </p>
      ) : null}
      {/* Keyed by id: a new conversation gets a fresh useChat and history instead of reconciling the old one. */}
      <div id={composerId} className="contents">
        {id && engineWanted ? (
          <Suspense fallback={shell}>
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
            agentName={agentName}
            avatarUrl={avatarUrl}
            placeholder={placeholder}
            composerFooter={footer}
            initialDraft={() => draft.current}
            composerAutoFocus={() => draftFocused.current}
            pendingSends={pending}
            onPendingTaken={() => setPending([])}
            onMessagesChange={(shown) => {
              setMessages(shown);
              setEngineReady(true);
            }}
          />
          </Suspense>
        ) : (
          shell
        )}
      </div>
    </section>
  );
}
