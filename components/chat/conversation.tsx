import '@/lib/zod-config';
import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { useEffect, useMemo, useRef, useState } from 'react';
import useSWR from 'swr';
import type { SalesUIMessage } from '@/lib/chat/messages';
import { forgetVisitorSession, visitorHeaders } from '@/lib/client/visitor-session';
import { useLocale, useT } from '@/lib/i18n/provider';
import { useVoiceConversation } from '@/components/voice/use-voice-conversation';
import { VoiceControls, VoiceStatus } from '@/components/voice/voice-controls';
import { ChatError } from './chat-error';
import { Composer } from './composer';
import { EmptyState } from './empty-state';
import { MessageList } from './message-list';
import { TypingIndicator } from './typing-indicator';
import { isFreshConversation, markConversationSent } from './use-conversation-id';

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
  const request = async () =>
    fetch(url, { headers: { accept: 'application/json', ...(await visitorHeaders()) }, signal: AbortSignal.timeout(HISTORY_TIMEOUT_MS) });
  let response = await request();
  if (response.status === 401) {
    // The session was refused (expired, or the server's secret changed): start a new one and ask once more.
    forgetVisitorSession();
    response = await request();
  }
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`History request failed with status ${response.status}`);
  const body = (await response.json()) as { messages?: unknown };
  return Array.isArray(body.messages) ? body.messages.filter(isStoredMessage) : [];
}

export interface ConversationProps {
  id: string;
  api: string;
  suggestedQuestions: readonly string[];
  maxChars?: number;
  maxRecordingSeconds?: number;
}

/**
 * The chat engine: useChat streaming over the AI SDK transport plus the stored history. Loaded lazily by ChatPanel,
 * because the AI SDK is most of the page's JavaScript and is not needed to paint or hydrate the page.
 */
export default function Conversation({ id, api, suggestedQuestions, maxChars, maxRecordingSeconds }: ConversationProps) {
  const t = useT();
  const locale = useLocale();
  const composerInput = useRef<HTMLTextAreaElement>(null);
  const transport = useMemo(
    () =>
      new DefaultChatTransport<SalesUIMessage>({
        api,
        // The server keeps the history: sending it back every turn would cost bandwidth and let a client rewrite it.
        // The visitor's token goes as a bearer header: inside a cross-site iframe the session cookie may be blocked.
        prepareSendMessagesRequest: async ({ id: chatId, messages }) => {
          markConversationSent(chatId);
          return { body: { id: chatId, message: messages.at(-1), locale }, headers: await visitorHeaders() };
        },
      }),
    [api, locale],
  );
  const { messages, sendMessage, setMessages, status, error, stop, regenerate } = useChat<SalesUIMessage>({ id, transport });

  // A conversation created here and never sent has no history on the server: asking would only log a 404.
  const [fresh] = useState(() => isFreshConversation(id));
  const history = useSWR(fresh ? null : `${api}/${encodeURIComponent(id)}`, fetchHistory, {
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
    voice.bargeIn();
    voice.unlock();
    void sendMessage({ text });
  }

  // A transcript can arrive while a reply is still streaming (the prospect spoke over it): end that reply first.
  async function sendTranscript(text: string) {
    if (status === 'submitted' || status === 'streaming') await stop();
    send(text);
  }

  // Voice ships in this lazily loaded chunk, so it costs the home page's first load nothing.
  const voice = useVoiceConversation({ locale, messages, status, maxRecordingSeconds, onTranscript: (text) => void sendTranscript(text) });

  function stopReply() {
    voice.bargeIn();
    void stop();
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
      <Composer
        inputRef={composerInput}
        onSend={send}
        onStop={stopReply}
        busy={busy}
        maxChars={maxChars}
        interim={voice.interim}
        onType={voice.bargeIn}
        actions={<VoiceControls {...voice.controls} />}
        status={<VoiceStatus inputState={voice.inputState} notice={voice.notice} />}
      />
    </>
  );
}
