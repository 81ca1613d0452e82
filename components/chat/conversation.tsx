import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { SalesUIMessage } from '@/lib/chat/messages';
import { forgetVisitorSession, visitorHeaders } from '@/lib/client/visitor-session';
import { useLocale, useT } from '@/lib/i18n/provider';
import { useVoiceConversation } from '@/components/voice/use-voice-conversation';
import { VoiceControls, VoiceStatus } from '@/components/voice/voice-controls';
import { ChatError } from './chat-error';
import { useChat } from './chat-engine';
import { entryMessage, isTurnAnswered, mergeHistory } from './chat-history';
import { Composer } from './composer';
import { ConnectionMonitor } from './connection';
import { ConnectionStatus } from './connection-status';
import { EmptyState } from './empty-state';
import { markdownToText } from './markdown';
import { MessageList } from './message-list';
import { Outbox, saveHistorySnapshot, type KeyValueStorage } from './outbox';
import { withReplyStatus } from './reply-status';
import { ResumableChatTransport } from './resumable-transport';
import { messageText } from './transcript';
import { TypingIndicator } from './typing-indicator';
import { isFreshConversation, markConversationSent } from './use-conversation-id';
import { useHistory } from './use-history';

/** The message's id is chosen here, once: it is the idempotency key of every attempt to send it. */
function newEntry(text: string, locale: string) {
  return { messageId: crypto.randomUUID(), text, locale, createdAt: Date.now() };
}

/** What the transport's callbacks need from the latest render; updated after each render. */
class Live {
  reloadHistory: () => unknown = () => undefined;
  messages: readonly SalesUIMessage[] = [];
  update(messages: readonly SalesUIMessage[], reloadHistory: () => unknown) {
    this.messages = messages;
    this.reloadHistory = reloadHistory;
  }
}

/** The transport, wired to the outbox and the history: what it learns keeps both true. */
function createTransport({ api, locale, monitor, outbox, live }: { api: string; locale: string; monitor: ConnectionMonitor; outbox: Outbox; live: Live }) {
  return new ResumableChatTransport({
    api,
    locale,
    // The visitor's token goes as a bearer header: inside a cross-site iframe the session cookie may be blocked.
    headers: visitorHeaders,
    onSessionRefused: forgetVisitorSession,
    onSend: markConversationSent,
    connection: monitor,
    events: {
      accepted: (_chat, messageId) => void outbox.markAccepted(messageId),
      replyEnded: (_chat, turnId, outcome) => {
        if (turnId) void outbox.remove(turnId);
        if (outcome === 'gone') live.reloadHistory();
      },
      duplicate: (_chat, messageId) => {
        void outbox.remove(messageId);
        live.reloadHistory();
      },
      historyChanged: () => live.reloadHistory(),
      isTurnAnswered: (turnId) => isTurnAnswered(live.messages, turnId),
    },
  });
}

export interface ConversationProps {
  id: string;
  api: string;
  suggestedQuestions: readonly string[];
  maxChars?: number;
  maxRecordingSeconds?: number;
  /** Where the connection status goes (the panel's header), rendered from here so it ships in this lazy chunk. */
  statusSlot?: HTMLElement | null;
  /** Injected in tests; IndexedDB otherwise. */
  storage?: KeyValueStorage;
  /** Replaces the empty conversation's greeting. */
  greeting?: string;
  /** false: no microphone and no spoken replies (the embed's `voice` option). */
  voice?: boolean;
  bridge?: ChatBridge;
  /** The agent's name and avatar beside its replies (customization). */
  agentName?: string;
  avatarUrl?: string;
  placeholder?: string;
  /** Under the composer (the legal notice). */
  composerFooter?: ReactNode;
  /** Typed in the loading shell: the composer starts with it (and with the focus, if the shell's box had it). */
  initialDraft?: () => string;
  composerAutoFocus?: () => boolean;
  /** Sent in the loading shell: sent now, in order, then `onPendingTaken`. */
  pendingSends?: readonly string[];
  onPendingTaken?: () => void;
  /** The messages shown, after each change of their number and at the end of each reply (transcript, "New"). */
  onMessagesChange?: (messages: readonly SalesUIMessage[]) => void;
}

/** How a page around the panel (the embed, app/embed) drives and observes the conversation. */
export interface ChatBridge {
  /** The engine is ready: `send(text)` sends as if the visitor typed it (queued like any message). Returns a cleanup. */
  connect(send: (text: string) => void): () => void;
  /** A reply has finished streaming (not stopped, not failed), with its data parts. */
  replyFinished(message: SalesUIMessage): void;
  /** `listener` runs when the chat is hidden (the embed's close button, Esc, the host page). Returns a cleanup. */
  onClose?(listener: () => void): () => void;
}

/**
 * The chat engine: useChat over a transport that resumes broken replies, an outbox that keeps what the prospect
 * wrote until the server has it, and the stored history (or its last copy on this device). Loaded lazily by
 * ChatPanel, because the AI SDK is most of the page's JavaScript and is not needed to paint or hydrate the page.
 */
export default function Conversation({
  id,
  api,
  suggestedQuestions,
  maxChars,
  maxRecordingSeconds,
  statusSlot,
  storage,
  greeting,
  voice: voiceEnabled = true,
  bridge,
  agentName,
  avatarUrl,
  placeholder,
  composerFooter,
  initialDraft,
  composerAutoFocus,
  pendingSends,
  onPendingTaken,
  onMessagesChange,
}: ConversationProps) {
  const t = useT();
  const locale = useLocale();
  const composerInput = useRef<HTMLTextAreaElement>(null);
  const [monitor] = useState(() => new ConnectionMonitor({ probeUrl: `${api.replace(/\/chat\/?$/, '')}/health` }));
  useEffect(() => monitor.start(), [monitor]);
  const connection = useSyncExternalStore(monitor.subscribe, monitor.getSnapshot, monitor.getSnapshot);
  const [outbox] = useState(() => new Outbox(id, storage));
  const entries = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot, outbox.getSnapshot);
  const [outboxReady, setOutboxReady] = useState(false);
  useEffect(() => void outbox.ready().then(() => setOutboxReady(true)), [outbox]);

  // A conversation created here and never sent has no history on the server: asking would only log a 404.
  const [fresh] = useState(() => isFreshConversation(id));
  const history = useHistory(fresh ? null : [`${api}/${encodeURIComponent(id)}`, id]);
  // What the transport's callbacks need from the latest render, kept current by an effect below.
  const [live] = useState(() => new Live());

  const transport = useMemo(() => createTransport({ api, locale, monitor, outbox, live }), [api, locale, monitor, outbox, live]);
  const { messages, sendMessage, setMessages, status, error, stop, regenerate, resumeStream } = useChat({
    id,
    transport,
    onFinish: ({ message, isAbort, isError }) => {
      if (message.role === 'assistant' && !isAbort && !isError) bridge?.replyFinished(message);
      // Screen readers hear the reply once, whole, when it has finished (the log itself is not live: no token-by-token),
      // as words: its markdown's asterisks and list dashes are not read out.
      const text = message.role === 'assistant' ? markdownToText(messageText(message)) : '';
      if (text && !isError) setAnnouncement((last) => ({ text: t('chat.replyAnnounce', { agent: agentName ?? t('chat.role.assistant'), text }), count: last.count + 1 }));
      // Labelled now as the server stores it, so the label does not wait for a reload.
      if (message.role === 'assistant' && (isAbort || isError)) setMessages((current) => withReplyStatus(current, message.id, isAbort ? 'stopped' : 'incomplete'));
    },
  });
  useEffect(() => {
    live.update(messages, () => history.mutate());
  });
  const busy = status === 'submitted' || status === 'streaming';
  // Counted, so a reply worded like the one before ("Could you tell me your e-mail?") is announced again too: a new
  // node in the live region, where the same text would change nothing for a screen reader to read.
  const [announcement, setAnnouncement] = useState({ text: '', count: 0 });

  const historyApplied = useRef(false);
  // The stored history is on the page (or there is none to wait for): set with the messages it brings, in one render.
  const [historyShown, setHistoryShown] = useState(fresh);
  useEffect(() => {
    const stored = history.data?.messages;
    if (!stored || !outboxReady) return;
    const first = !historyApplied.current;
    historyApplied.current = true;
    setMessages((current) => mergeHistory({ stored, current, entries: outbox.getSnapshot(), first, streaming: busy }));
    // In the same render as the messages it brings (useChat's own state, set just above).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setHistoryShown(true);
    // busy is read, not followed: a refresh is applied once, when it arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [history.data, outboxReady, outbox, setMessages]);

  // After a reload: pick up the reply that was streaming (full replay), once the history and the outbox are in place.
  const loaded = outboxReady && (fresh || history.data !== undefined || history.error !== undefined);
  const [resuming, setResuming] = useState(!fresh);
  const resumeStarted = useRef(false);
  useEffect(() => {
    if (!loaded || resumeStarted.current) return;
    resumeStarted.current = true;
    if (fresh) return;
    void resumeStream().finally(() => setResuming(false));
  }, [loaded, fresh, resumeStream]);

  // The outbox goes out in order, one turn at a time, while the server is reachable.
  const flushing = useRef(false);
  const [flushTick, setFlushTick] = useState(0);
  useEffect(() => {
    const next = entries[0];
    if (!next || !loaded || resuming || busy || flushing.current || connection.kind !== 'connected') return;
    flushing.current = true;
    void (async () => {
      try {
        // A message the server took before a reload is on the page already: it goes again under the same id.
        setMessages((current) => current.filter((message) => message.id !== next.messageId));
        await sendMessage({ id: next.messageId, role: 'user', parts: [{ type: 'text', text: next.text }], metadata: { createdAt: next.createdAt } });
      } finally {
        // Answered, refused for good (the banner offers Retry), or stopped: either way it has left the outbox.
        await outbox.remove(next.messageId).catch(() => undefined);
        flushing.current = false;
        setFlushTick((n) => n + 1);
      }
    })();
  }, [entries, loaded, resuming, busy, connection.kind, flushTick, outbox, sendMessage, setMessages]);

  // Back online after a history from this device's copy (or none): ask the server again.
  const cachedOrFailed = history.data?.cached === true || history.error !== undefined;
  useEffect(() => {
    if (connection.kind === 'connected' && cachedOrFailed && !fresh) void history.mutate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connection.kind]);

  // Every finished turn refreshes this device's copy, so a later offline visit shows it.
  useEffect(() => {
    if (status !== 'ready' || messages.length === 0) return;
    const pending = new Set(outbox.getSnapshot().filter((entry) => !entry.acceptedAt).map((entry) => entry.messageId));
    void saveHistorySnapshot(id, messages.filter((message) => !pending.has(message.id)), storage);
  }, [status, messages, id, outbox, storage]);

  const queuedIds = new Set(entries.filter((entry) => !entry.acceptedAt).map((entry) => entry.messageId));
  const shown = [...messages, ...entries.filter((entry) => !messages.some((m) => m.id === entry.messageId)).map(entryMessage)];
  const last = messages.at(-1);
  const replyHasText = last?.role === 'assistant' && last.parts.some((part) => part.type === 'text' && part.text.trim() !== '');
  const showTyping = status === 'submitted' || (status === 'streaming' && !replyHasText);
  const historyLoading = history.isLoading;

  function send(text: string) {
    voice.bargeIn();
    voice.unlock();
    void outbox.add(newEntry(text, locale));
  }

  /** Stop: ends the reply on the server too (stored as stopped). A disconnect never gets here. */
  async function stopReply() {
    voice.bargeIn();
    void transport.stopReply(id);
    await stop();
  }

  // A transcript can arrive while a reply is still streaming (the prospect spoke over it): end that reply first.
  async function sendTranscript(text: string) {
    if (busy) await stopReply();
    send(text);
  }

  // Voice ships in this lazily loaded chunk, so it costs the home page's first load nothing.
  const voice = useVoiceConversation({ locale, messages, status, maxRecordingSeconds, enabled: voiceEnabled, onTranscript: (text) => void sendTranscript(text) });

  // The bridge's send always reaches the latest render's `send` (its outbox, locale and voice).
  const sendLatest = useRef(send);
  useEffect(() => {
    sendLatest.current = send;
  });
  useEffect(() => bridge?.connect((text) => sendLatest.current(text)), [bridge]);
  // A closed embed is a hidden frame that goes on running: it must not go on speaking, or listening to the room.
  const silenceLatest = useRef(voice.silence);
  useEffect(() => {
    silenceLatest.current = voice.silence;
  });
  useEffect(() => bridge?.onClose?.(() => silenceLatest.current()), [bridge]);

  function ask(question: string) {
    send(question);
    composerInput.current?.focus();
  }

  // Messages sent from the loading shell (or a plan's "Ask about" on the page) go out in order once the outbox can
  // take them; each list once.
  const pendingTaken = useRef<readonly string[] | null>(null);
  useEffect(() => {
    if (!outboxReady || !pendingSends?.length || pendingTaken.current === pendingSends) return;
    pendingTaken.current = pendingSends;
    pendingSends.forEach((text) => send(text));
    onPendingTaken?.();
    composerInput.current?.focus();
    // send is this render's; the list is taken once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [outboxReady, pendingSends, onPendingTaken]);

  // Escape stops a reply, wherever the focus is (captured first: the embed's Escape closes the frame otherwise);
  // the focus then goes back to the message box. A dialog's own Escape is handled (and stopped) by the dialog.
  const stopLatest = useRef(stopReply);
  useEffect(() => {
    stopLatest.current = stopReply;
  });
  useEffect(() => {
    if (!busy) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      event.preventDefault();
      void stopLatest.current();
      composerInput.current?.focus();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [busy]);

  const report = useRef(onMessagesChange);
  useEffect(() => {
    report.current = onMessagesChange;
  });
  const shownCount = messages.length + entries.length;
  // Not before the history is in (or has failed): an empty list first would disable the panel's header buttons for a
  // moment, and take the focus from them. Then not on every streamed token: when a message comes or goes, and when a
  // reply's state changes.
  const historySettled = historyShown || history.error !== undefined;
  useEffect(() => {
    if (historySettled) report.current?.(live.messages);
  }, [shownCount, status, live, historySettled]);

  const emptyState = (
    <EmptyState questions={suggestedQuestions} onSelect={ask} disabled={historyLoading || busy} loadingHistory={historyLoading} greeting={greeting} />
  );
  const historyNote = history.data?.cached ? t('chat.historyCached') : history.error && shown.length === 0 ? t('chat.historyError') : null;

  return (
    <>
      {statusSlot
        ? createPortal(<ConnectionStatus state={connection} queued={queuedIds.size} onRetryNow={() => monitor.retryNow()} />, statusSlot)
        : null}
      <p role="status" data-testid="reply-announcement" className="sr-only">
        <span key={announcement.count}>{announcement.text}</span>
      </p>
      <MessageList
        messages={shown}
        queuedIds={queuedIds}
        busy={busy}
        agentName={agentName}
        avatarUrl={avatarUrl}
        conversationId={id}
        api={api}
        emptyState={emptyState}
        footer={
          showTyping || error || historyNote ? (
            <>
              {historyNote ? <p data-testid="history-note" className="text-center text-xs text-slate-600">{historyNote}</p> : null}
              {showTyping ? <TypingIndicator /> : null}
              {error ? <ChatError error={error} onRetry={() => void regenerate()} /> : null}
            </>
          ) : null
        }
      />
      <Composer
        inputRef={composerInput}
        onSend={send}
        onStop={() => void stopReply()}
        busy={busy}
        maxChars={maxChars}
        interim={voice.interim}
        onType={voice.bargeIn}
        placeholder={placeholder}
        initialValue={initialDraft}
        autoFocus={composerAutoFocus}
        footer={composerFooter}
        actions={voiceEnabled ? <VoiceControls {...voice.controls} /> : undefined}
        status={voiceEnabled ? <VoiceStatus inputState={voice.inputState} notice={voice.notice} /> : undefined}
      />
    </>
  );
}
