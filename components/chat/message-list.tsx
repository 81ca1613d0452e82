import { lazy, Suspense, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { SalesDataParts, SalesUIMessage } from '@/lib/chat/messages';
import { useLocale, useT } from '@/lib/i18n/provider';
import { dateTimeFormat } from '@/lib/intl-formats';
import { AgentAvatar } from './agent-avatar';
import { ReplyActions } from './reply-actions';
import { messageText, messageTime } from './transcript';
import { replyStatus } from './reply-status';
import { ChatNotice } from './chat-notice';
import { textDirection } from '@/lib/i18n/text-direction';
import { MessageMarkdown } from './message-markdown';
import { BidiText } from './bidi-text';
import { BookingCard, HandoffNotice, LeadConfirmation, SourceList } from './sales-parts';

// Only with DEBUG_AGENT=1 does a reply carry a debug part: its panel is fetched when one arrives.
const DebugPanel = lazy(() => import('./debug-panel').then((module) => ({ default: module.DebugPanel })));

export interface MessageListProps {
  messages: readonly SalesUIMessage[];
  /** A reply is on its way: screen readers wait for it to finish before announcing (aria-busy). */
  busy: boolean;
  /** Shown instead of messages when there are none (greeting, suggested questions). */
  emptyState?: ReactNode;
  /** Rendered after the messages inside the scroll area (typing indicator, error banner). */
  footer?: ReactNode;
  /** User messages still in the outbox: shown, marked as queued. */
  queuedIds?: ReadonlySet<string>;
  /** The agent's name and avatar beside its replies (customization); the translated "Sales rep" otherwise. */
  agentName?: string;
  avatarUrl?: string;
  /** For the replies' thumbs up/down (POST {api}/{conversationId}/feedback). */
  conversationId?: string;
  api?: string;
}

/** "14:05" (or the date too when not today) in a <time> element; nothing when the time is unknown. */
function MessageTime({ message }: { message: SalesUIMessage }) {
  const locale = useLocale();
  const at = messageTime(message);
  if (!at) return null;
  const date = new Date(at);
  const today = new Date().toDateString() === date.toDateString();
  // One formatter per locale and kind (lib/intl-formats.ts), not one per message per render.
  const label = dateTimeFormat(locale, today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  return (
    <time dateTime={date.toISOString()} className="font-normal text-slate-600">
      {label}
    </time>
  );
}

// How close to the bottom (px) still counts as "at the bottom": a reader who scrolled up further is left alone.
const STICK_THRESHOLD_PX = 64;

function UserMessage({ message, queued }: { message: SalesUIMessage; queued: boolean }) {
  const t = useT();
  const text = message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
  return (
    <li data-testid="message-user" data-queued={queued || undefined} className="flex flex-col items-end gap-1">
      <p className="flex items-center gap-1.5 px-1 text-xs font-medium text-slate-600">
        {t('chat.role.user')}
        <MessageTime message={message} />
      </p>
      <p
        dir={textDirection(text)}
        className={`max-w-[85%] rounded-2xl rounded-ee-sm px-3.5 py-2 text-sm leading-6 break-words whitespace-pre-wrap ${
          queued ? 'border border-dashed border-brand-600/60 bg-brand-600/10 text-slate-900' : 'bg-brand-600 text-white'
        }`}
      >
        <BidiText text={text} dir={textDirection(text)} />
      </p>
      {queued ? (
        <p data-testid="message-queued" className="flex items-center gap-1 px-1 text-xs text-slate-600">
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-3.5">
            <path
              fillRule="evenodd"
              d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm.75-13a.75.75 0 0 0-1.5 0v5c0 .41.34.75.75.75h3.5a.75.75 0 0 0 0-1.5h-2.75V5Z"
              clipRule="evenodd"
            />
          </svg>
          {t('chat.message.queued')}
        </p>
      ) : null}
    </li>
  );
}

interface AssistantProps {
  message: SalesUIMessage;
  /** The latest card of each booking id in the conversation: a card whose meeting has moved or been cancelled since says so. */
  latestBookings?: ReadonlyMap<string, SalesDataParts['booking']>;
  agentName?: string;
  avatarUrl?: string;
  /** Copy and thumbs appear once the reply has finished streaming. */
  finished: boolean;
  conversationId?: string;
  api?: string;
}

function AssistantMessage({ message, latestBookings, agentName, avatarUrl, finished, conversationId, api }: AssistantProps) {
  const t = useT();
  const hasText = message.parts.some((part) => part.type === 'text' && part.text.trim() !== '');
  const visible = message.parts.some((part) => ['data-notice', 'data-booking', 'data-handoff', 'data-lead'].includes(part.type));
  const sources = message.parts.flatMap((part) => (part.type === 'source-document' ? [part.title] : []));
  const status = replyStatus(message);
  // An assistant message with nothing to show yet is represented by the typing indicator instead.
  if (!hasText && !visible && !status) return null;
  return (
    <li data-testid="message-assistant" className="flex flex-col items-start gap-1">
      <p className="flex items-center gap-1.5 px-1 text-xs font-medium text-slate-600">
        <AgentAvatar name={agentName} avatarUrl={avatarUrl} />
        {agentName ?? t('chat.role.assistant')}
        <MessageTime message={message} />
      </p>
      <div data-testid="message-body" className="max-w-[92%] rounded-2xl rounded-es-sm bg-white px-3.5 py-2 text-sm leading-6 text-slate-900 shadow-sm ring-1 ring-slate-200">
        {message.parts.map((part, index) => {
          if (part.type === 'text') return part.text ? <MessageMarkdown key={index} text={part.text} /> : null;
          if (part.type === 'data-notice') return <ChatNotice key={part.id ?? index} notice={part.data} />;
          if (part.type === 'data-lead') return <LeadConfirmation key={index} lead={part.data} />;
          if (part.type === 'data-booking') {
            const latest = latestBookings?.get(part.data.id);
            const superseded =
              part.data.cancelled || !latest ? false : latest.cancelled ? 'cancelled' : latest.start !== part.data.start ? true : latest.email !== part.data.email ? 'updated' : false;
            return <BookingCard key={index} booking={part.data} superseded={superseded} />;
          }
          if (part.type === 'data-handoff') return <HandoffNotice key={index} handoff={part.data} />;
          if (part.type === 'data-debug') {
            return (
              <Suspense key={index} fallback={null}>
                <DebugPanel debug={part.data} />
              </Suspense>
            );
          }
          return null;
        })}
        {hasText ? <SourceList titles={sources} /> : null}
        {status ? (
          <p data-testid="reply-status" data-status={status} className="mt-1 text-xs text-slate-600 italic">
            {t(status === 'stopped' ? 'chat.reply.stopped' : 'chat.reply.incomplete')}
          </p>
        ) : null}
      </div>
      {finished && hasText ? <ReplyActions text={messageText(message)} messageId={message.id} conversationId={conversationId} api={api} /> : null}
    </li>
  );
}

/** The conversation log: role-labelled messages that follow the newest text unless the reader scrolled up. */
export function MessageList({ messages, busy, emptyState, footer, queuedIds, agentName, avatarUrl, conversationId, api }: MessageListProps) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const previousCount = useRef(messages.length);

  function onScroll() {
    const element = scroller.current;
    if (!element) return;
    stickToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight <= STICK_THRESHOLD_PX;
  }

  // Runs on every render because streamed text grows the last message without changing the array's length.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const added = messages.length > previousCount.current;
    previousCount.current = messages.length;
    // The reader's own new message always brings the view back down: they expect to see the reply arrive.
    if (added && messages.at(-1)?.role === 'user') stickToBottom.current = true;
    if (stickToBottom.current) element.scrollTop = element.scrollHeight;
  });

  // A meeting moved or cancelled later in the conversation keeps its id: the earlier card says so and offers no invite.
  const latestBookings = new Map<string, SalesDataParts['booking']>();
  for (const message of messages) {
    for (const part of message.parts) if (part.type === 'data-booking') latestBookings.set(part.data.id, part.data);
  }

  return (
    <div ref={scroller} onScroll={onScroll} className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-3 py-4 sm:px-4">
      {messages.length === 0 ? emptyState : null}
      {/* Not live: a streamed reply would be read token by token. The conversation announces each reply once, whole,
          when it has finished (a status region in conversation.tsx). */}
      <div role="log" aria-live="off" aria-busy={busy} aria-label={t('chat.messagesLabel')}>
        <ol className="flex flex-col gap-4">
          {messages.map((message, index) =>
            message.role === 'user' ? (
              <UserMessage key={message.id} message={message} queued={queuedIds?.has(message.id) ?? false} />
            ) : message.role === 'assistant' ? (
              <AssistantMessage
                key={message.id}
                message={message}
                latestBookings={latestBookings}
                agentName={agentName}
                avatarUrl={avatarUrl}
                finished={!busy || index < messages.length - 1}
                conversationId={conversationId}
                api={api}
              />
            ) : null,
          )}
        </ol>
      </div>
      {footer ? <div className="mt-4 flex flex-col gap-3">{footer}</div> : null}
    </div>
  );
}
