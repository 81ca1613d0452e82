import 'server-only';
import { generateId, type UIMessageChunk } from 'ai';
import { messageText, type SalesUIMessage } from '@/lib/sales/ui-message';
import { getServerConfig } from '@/lib/config';
import { invitesAreEmailed } from '@/lib/config-notify';
import { AppError } from '@/lib/errors';
import { findIdentity, type VerifiedIdentity } from '@/lib/embed/identity';
import { isEmbedded } from '@/lib/embed/identity-lead';
import { publishEvent } from '@/lib/events/bus';
import type { EventSource } from '@/lib/events/schema';
import type { ReplyReport, SalesAgent } from '@/lib/llm/types';
import { getLocalizedKnowledgeBase } from '@/lib/sales/knowledge/localized';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import { turnNotice, type TurnNoticeCode } from '@/lib/sales/prompts';
import { mergeIdentity } from '@/lib/sales/lead/identity';
import { emptySalesState, type SalesState } from '@/lib/sales/state';
import type { SalesEvent, SalesLocale, SalesTurnContext } from '@/lib/sales/turn-state';
import type { ReplyStore } from '@/lib/store';
import { getKv } from '@/lib/store/kv';
import type { ConversationStore, TurnLoad } from '@/lib/store/types';
import { createLocalReply, getActiveReplies } from '@/lib/stream/active';
import { createReplyRecorder } from '@/lib/stream/recorder';
import { openResumeStream } from '@/lib/stream/resume';
import { acquireTurnLock, LOCK_TTL_MS, lockValue } from '@/lib/stream/turn-lock';
import { persistTurn } from './persist';
import { turnEvents } from './turn-events';
import { getRecentConversations, type RecentConversations } from './recent';
import { hasContent, relayAndStore } from './relay';
import { checkTurnLimits, spendMicroUsd, utcDay, type TurnLimits } from './turn-limits';

export interface ChatTurnInput {
  conversationId: string;
  /** The visitor whose session sent the message: the conversation must be theirs (or new). */
  visitorId: string;
  /** The new user message, already validated: role "user", text parts only. */
  message: { id?: string; text: string };
  store: ConversationStore;
  agent: SalesAgent;
  /** Answers instead of `agent`, with a notice, once the app's daily LLM spend cap is reached. */
  offlineAgent?: SalesAgent;
  /** Settles when the request has passed its rate limits (rejects with the 429); awaited beside the conversation load. */
  admission?: Promise<unknown>;
  /** Default: the configured limits (lib/config-security.ts). */
  limits?: TurnLimits;
  /** The per-instance cap on concurrent upstream LLM calls (the offline agent costs no upstream call). */
  gate?: { acquire(args: { signal?: AbortSignal; key?: string }): Promise<() => void> };
  recent?: RecentConversations;
  now?: () => number;
  locale?: SalesLocale;
  kb?: KnowledgeBase;
  /** Whether booked prospects are e-mailed their invite (default: `invitesAreEmailed()`, lib/config-notify.ts). */
  invitesByEmail?: boolean;
  /** Waits before each retry of a failed write, in ms (bounded: then the prospect is told it was not saved). */
  writeRetryDelaysMs?: readonly number[];
  /** Called when the turn has been stored (or failed to store): tests and the bench wait on it. */
  onStored?: (result: { ok: boolean; messages: SalesUIMessage[] }) => void;
  /**
   * Turn locks and the resume buffer (docs/streaming.md). Without it (unit tests, the evaluation) turns are neither
   * serialised nor resumable.
   */
  replies?: ReplyStore;
  /** The client asks again for a reply to this message (Retry): allowed when the stored reply was stopped or cut. */
  regenerate?: boolean;
  /** How long a message waits for the reply in flight in its conversation before a 409 (default 15 s). */
  turnWaitMs?: number;
  /** How long a finished reply's buffer stays resumable, in seconds (default 120). */
  resumeTtlSeconds?: number;
  /** Where the chat ran (page, embedding site, utm): carried by every event the turn publishes. */
  source?: EventSource;
  /** Epoch ms the request arrived: the first-token latency counts from it (default: when the turn starts). */
  receivedAt?: number;
  /** The visitor's identity verified by identify() (default: read from the store, lib/embed/identity.ts). */
  identityOf?: (visitorId: string) => Promise<VerifiedIdentity | null>;
}

/**
 * One chat turn: load the conversation (claiming a new id for the visitor) with today's usage, check the caps, stream
 * the agent's reply, and store both messages with the usage counters when the reply ends. The server reads the reply
 * to its end whatever the client does, so a client that disconnects mid-reply still leaves the whole turn stored and
 * its tokens counted. A store that fails never fails the turn silently: the prospect is told what was not read or saved.
 */
export async function startChatTurn(input: ChatTurnInput): Promise<ReadableStream<UIMessageChunk>> {
  const { conversationId, visitorId, store } = input;
  const now = input.now ?? Date.now;
  const receivedAt = input.receivedAt ?? now();
  const recent = input.recent ?? getRecentConversations();
  const day = utcDay(now());
  const limits = input.limits ?? getServerConfig().security;

  const turnId = input.message.id ?? generateId();
  const replies = input.replies;
  let lock = lockValue(turnId, now());
  const loadTurn = () => store.loadTurn({ id: conversationId, visitorId, day });
  // The rate-limit check and the turn lock (their own Redis requests) run beside the conversation load: no waiting.
  const [admitted, loaded, locked] = await Promise.allSettled([
    input.admission,
    loadTurn(),
    replies?.tryLock({ id: conversationId, value: lock, ttlMs: LOCK_TTL_MS }),
  ]);
  let load: TurnLoad | null = loaded.status === 'fulfilled' ? loaded.value : null;
  if (!load) console.error(`[chat] reading conversation ${conversationId} failed; answering from what this instance remembers`, (loaded as PromiseRejectedResult).reason);
  const releaseClaim = async () => {
    if (load?.claimed && load.conversation === null) await store.releaseClaim({ id: conversationId, visitorId }).catch(() => undefined);
  };
  const firstLock = locked.status === 'fulfilled' ? locked.value : undefined;
  if (admitted.status === 'rejected') {
    await releaseClaim();
    if (firstLock?.acquired) await replies?.unlock({ id: conversationId, value: lock }).catch(() => undefined);
    throw admitted.reason;
  }
  if (load && load.owner !== visitorId) {
    // Not theirs: let go of the lock at once, so a stranger cannot hold up the owner's conversation.
    if (firstLock?.acquired) await replies?.unlock({ id: conversationId, value: lock }).catch(() => undefined);
    throw new AppError('not_found:chat', 'There is no conversation with this id.');
  }

  // One turn at a time. The store being unreachable for the lock means it is down: answer anyway (fail open).
  let holdsLock = false;
  if (replies && firstLock) {
    const outcome = await acquireTurnLock({ replies, conversationId, turnId, waitMs: input.turnWaitMs ?? 15_000, first: firstLock, firstValue: lock, now });
    if (!outcome.acquired) {
      // The same message sent again while its reply is produced (a retried send): the same reply, not a second turn.
      // Its producer may not have written its first batch yet (it holds the lock and is alive): give it a moment.
      for (let attempt = 0; attempt < 20; attempt++) {
        const replay = await openResumeStream({
          replies,
          conversationId,
          turnId,
          after: 0,
          includeFinished: true,
          interruptedMessage: turnNotice('reply_interrupted', input.locale ?? 'en'),
        });
        if (replay) return replay;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new AppError('conflict:chat', 'This message is already being answered.', { details: { reason: 'busy' }, headers: { 'retry-after': '2' } });
    }
    holdsLock = true;
    lock = outcome.value;
    // Waited for another turn: read again, so this reply sees it.
    if (!firstLock.acquired) load = await loadTurn().catch(() => null);
  }
  const unlock = async () => {
    if (holdsLock) await replies?.unlock({ id: conversationId, value: lock }).catch(() => undefined);
  };
  // The message id is the turn's idempotency key: a message already answered is not answered twice — unless the
  // prospect asks again (Retry) for a reply that was stopped or cut short.
  const stored = load?.conversation?.messages ?? [];
  const asked = stored.findIndex((message) => message.role === 'user' && message.id === turnId);
  const answer = asked === -1 ? undefined : stored[asked + 1];
  const retryOfUnfinished = answer?.role === 'assistant' && input.regenerate === true && answer.metadata?.status !== undefined;
  if (answer?.role === 'assistant' && !retryOfUnfinished) {
    await unlock();
    throw new AppError('conflict:chat', 'This message was already answered.', { details: { reason: 'duplicate' } });
  }
  const remembered = recent.get(conversationId);
  // Someone else's conversation answers exactly like one that does not exist: no oracle.
  if (!load && remembered && remembered.owner !== visitorId) {
    await unlock();
    throw new AppError('not_found:chat', 'There is no conversation with this id.');
  }
  const known = load ? load.conversation : remembered;
  const history = known?.messages ?? [];
  const messageCount = load ? (load.conversation?.meta.messageCount ?? 0) : (remembered?.messageCount ?? 0);
  const notices: TurnNoticeCode[] = load ? [] : ['history_unavailable'];

  let agent = input.agent;
  let release: (() => void) | undefined;
  try {
    if (load) {
      const { spendCapReached } = checkTurnLimits({
        limits,
        usage: load.usage,
        userTurns: Math.ceil(messageCount / 2),
        newConversation: load.conversation === null,
        now: now(),
      });
      if (spendCapReached && agent.kind !== 'offline' && input.offlineAgent) {
        agent = input.offlineAgent;
        notices.push('spend_cap');
      }
    }
    // Refused here (a typed 503) rather than mid-stream when this instance is at its cap of upstream calls.
    if (agent.kind === 'openai' && input.gate) release = await input.gate.acquire({ key: visitorId });
  } catch (error) {
    // A refused turn leaves nothing behind: not even the claim on a fresh id.
    await releaseClaim();
    await unlock();
    throw error;
  }

  const userMessage: SalesUIMessage = {
    id: turnId,
    role: 'user',
    parts: [{ type: 'text', text: input.message.text }],
    metadata: { createdAt: now() },
  };
  // A retry of a turn whose reply failed (or was stopped or cut) re-sends the same user message: answer it again, from
  // the history before it, without storing the user message twice.
  const last = history.at(-1);
  const retryAt = retryOfUnfinished ? history.findIndex((message) => message.id === turnId) : last?.role === 'user' && last.id === turnId ? history.length - 1 : -1;
  const isRetry = retryAt !== -1;
  const context = isRetry ? history.slice(0, retryAt) : history;

  const locale = input.locale ?? 'en';
  const turnContext: SalesTurnContext = {
    conversationId,
    locale,
    kb: input.kb ?? getLocalizedKnowledgeBase(locale),
    userMessages: [...context, userMessage].flatMap((message) =>
      message.role === 'user' ? [{ id: message.id, text: messageText(message) }] : [],
    ),
    now,
    invitesByEmail: input.invitesByEmail ?? invitesAreEmailed(),
  };
  // The state the turn started from, and what the agent's updates made of it (stored when the reply ends).
  const before: SalesState = known?.state ?? emptySalesState(now());
  // An embedded visitor the host identified before their first message: the agent starts from the verified e-mail and
  // name (it must not ask for them), and this first turn's events announce the lead. One read, only for a new
  // conversation held in the embed; the identify-leads subscriber then finds nothing left to merge.
  const starting = load?.conversation === null && !isRetry && isEmbedded(input.source) ? await withIdentity(before, visitorId, input, now) : before;
  let state = starting;
  const events: SalesEvent[] = [];
  let report: ReplyReport | undefined;
  let firstTextAt: number | undefined;
  const usage = { inputTokens: 0, outputTokens: 0 };
  const trimmedMessages = Math.max(0, messageCount - history.length);
  // Stop (POST …/stop) aborts this; a client that merely disconnects does not.
  const stop = new AbortController();
  const active = getActiveReplies();
  const local = createLocalReply(turnId, stop);
  active.set(conversationId, local);
  const recorder = replies
    ? createReplyRecorder({ replies, conversationId, turnId, ttlSeconds: input.resumeTtlSeconds ?? 120, onStopRequested: () => stop.abort(), local, now })
    : undefined;
  let reply: ReadableStream<UIMessageChunk>;
  try {
    reply = agent.streamReply({
      conversationId,
      history: context,
      userMessage,
      context: turnContext,
      state: starting,
      onUpdate: (update) => {
        state = update.state;
        events.push(...update.events);
      },
      onReport: (value) => {
        report = value;
      },
      trimmedMessages,
      abortSignal: stop.signal,
      onUsage: (step) => {
        usage.inputTokens += step.inputTokens;
        usage.outputTokens += step.outputTokens;
      },
    });
  } catch (error) {
    release?.();
    if (active.get(conversationId)?.turnId === turnId) active.delete(conversationId);
    await recorder?.finish('error');
    await unlock();
    throw error;
  }

  const persist = (messages: SalesUIMessage[]) =>
    persistTurn({
      ...input,
      now,
      day,
      messages,
      state,
      readFailed: !load,
      usage: () => ({
        visitorId,
        day,
        tokens: usage.inputTokens + usage.outputTokens,
        spendMicroUsd: agent.kind === 'offline' ? 0 : spendMicroUsd(usage, limits.budget.price),
        newConversation: load ? load.conversation === null : false,
      }),
    });

  return relayAndStore({
    reply,
    notices: notices.map((code) => ({ code, message: turnNotice(code, locale) })),
    release,
    record: recorder ? (chunk) => void recorder.record(chunk) : undefined,
    onFirstText: () => {
      firstTextAt ??= now();
    },
    finish: async (assistant, outcome) => {
      const messages: SalesUIMessage[] = [];
      if (!isRetry) messages.push(userMessage);
      if (assistant && hasContent(assistant)) {
        const status = outcome.stopped || stop.signal.aborted ? 'stopped' : outcome.failed ? 'incomplete' : undefined;
        messages.push({ ...assistant, metadata: { createdAt: now(), agent: agent.kind, ...assistant.metadata, ...(status ? { status } : {}) } });
      }
      const ok = messages.length === 0 ? true : await persist(messages);
      recent.remember(conversationId, {
        owner: visitorId,
        messages: [...history, ...messages],
        state,
        messageCount: messageCount + messages.length,
      });
      input.onStored?.({ ok, messages });
      // After the turn is stored, off the reply's path: the bus delivers after the current task.
      const reply = messages.find((message) => message.role === 'assistant');
      const questionIntent = report && !['injection', 'objection', 'small_talk', 'off_topic'].includes(report.intent);
      publishEvent(
        ...turnEvents({
          at: now(),
          conversationId,
          visitorId,
          source: { ...input.source, locale, agent: report?.fellBack ? 'offline' : agent.kind },
          firstTurn: load !== null && load.conversation === null && !isRetry,
          userChars: isRetry ? undefined : input.message.text.length,
          assistantChars: reply ? messageText(reply).length : undefined,
          before,
          after: state,
          answered: questionIntent ? (report?.used.map((passage) => passage.id) ?? []) : [],
          objections: report?.objection ? [report.objection] : [],
          fallback: notices.includes('spend_cap') ? 'spend_cap' : report?.fellBack ? 'llm_error' : undefined,
          errors: [...(load ? [] : ['history_unavailable']), ...(outcome.failed ? ['reply_failed'] : []), ...(ok ? [] : ['not_saved'])],
          firstTokenMs: firstTextAt === undefined ? undefined : Math.max(0, firstTextAt - receivedAt),
        }),
      );
      return ok ? undefined : { code: 'not_saved', message: turnNotice('not_saved', locale) };
    },
    done: async (outcome) => {
      if (active.get(conversationId)?.turnId === turnId) active.delete(conversationId);
      const end = outcome.stopped || stop.signal.aborted ? 'stopped' : outcome.failed ? 'error' : 'done';
      // The buffer's end marker and the lock's release go in one round trip.
      const unlocked = (await recorder?.finish(end, holdsLock ? lock : undefined)) ?? false;
      if (!unlocked) await unlock();
    },
  });
}

/** `state` with the visitor's verified identity merged in (unchanged when there is none or the store cannot tell). */
async function withIdentity(state: SalesState, visitorId: string, input: ChatTurnInput, now: () => number): Promise<SalesState> {
  const identityOf = input.identityOf ?? ((id: string) => findIdentity({ kv: getKv(), visitorId: id }));
  try {
    const identity = await identityOf(visitorId);
    return identity ? mergeIdentity(state, identity, now()).state : state;
  } catch (error) {
    console.warn('[chat] reading the visitor’s verified identity failed; the turn starts without it:', error instanceof Error ? error.message : String(error));
    return state;
  }
}
