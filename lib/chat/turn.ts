import 'server-only';
import { generateId, type UIMessageChunk } from 'ai';
import { messageText, type SalesUIMessage } from '@/lib/sales/ui-message';
import { getServerConfig } from '@/lib/config';
import { invitesAreEmailed } from '@/lib/config-notify';
import { AppError, isAppError } from '@/lib/errors';
import { findIdentity, type VerifiedIdentity } from '@/lib/embed/identity';
import { isEmbedded } from '@/lib/embed/identity-lead';
import { publishEvent } from '@/lib/events/bus';
import type { EventSource } from '@/lib/events/schema';
import { friendlyErrorText } from '@/lib/llm/friendly-error';
import { replyLanguage } from '@/lib/llm/offline/language';
import type { ReplyReport, SalesAgent } from '@/lib/llm/types';
import { getLocalizedKnowledgeBase } from '@/lib/sales/knowledge/localized';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import { turnNotice, type TurnNoticeCode } from '@/lib/sales/prompts';
import { mergeIdentity } from '@/lib/sales/lead/identity';
import { emptySalesState, type SalesState } from '@/lib/sales/state';
import type { SalesLocale, SalesTurnContext } from '@/lib/sales/turn-state';
import type { ReplyStore } from '@/lib/store';
import { getKv } from '@/lib/store/kv';
import type { ConversationStore, TurnLoad } from '@/lib/store/types';
import { createLocalReply, getActiveReplies } from '@/lib/stream/active';
import { createReplyRecorder } from '@/lib/stream/recorder';
import { openResumeStream } from '@/lib/stream/resume';
import { acquireTurnLock, LOCK_TTL_MS, lockValue } from '@/lib/stream/turn-lock';
import { processSingleton } from '@/lib/process-singleton';
import { createLru } from '@/lib/lru';
import { sameJson } from '@/lib/same-json';
import { persistTurn } from './persist';
import { getUnsavedWriter } from './unsaved';
import { turnEvents } from './turn-events';
import { getRecentConversations, unsavedTail, type RecentConversation, type RecentConversations } from './recent';
import { hasContent, relayAndStore } from './relay';
import { checkTurnLimits, isSpendCapReached, spendMicroUsd, utcDay, type TurnLimits } from './turn-limits';

export interface ChatTurnInput {
  conversationId: string;
  /** The visitor whose session sent the message: the conversation must be theirs (or new). */
  visitorId: string;
  /**
   * The client's address as the rate limits key it (IPv4, or IPv6 /64, lib/security/request.ts): its visitors' tokens and
   * conversations today are capped together. Without it only the per-visitor caps apply.
   */
  address?: string;
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
  gate?: { acquire(args: { signal?: AbortSignal; key?: string; wait?: boolean }): Promise<() => void> };
  recent?: RecentConversations;
  now?: () => number;
  locale?: SalesLocale;
  kb?: KnowledgeBase;
  /** Whether booked prospects are e-mailed their invite (default: `invitesAreEmailed()`, lib/config-notify.ts). */
  invitesByEmail?: boolean;
  /** Waits before each retry of a failed write, in ms (bounded: then the prospect is told it was not saved). */
  writeRetryDelaysMs?: readonly number[];
  /**
   * Waits before each background try of turns that were not saved (default `UNSAVED_RETRY_DELAYS_MS`, lib/chat/unsaved.ts;
   * empty: only the conversation's next turn writes them).
   */
  unsavedRetryDelaysMs?: readonly number[];
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
  /**
   * The client says this is the conversation's first message. The reply is then started beside the store's answers
   * instead of after them (a speculative start, below); the store still decides whether it is kept.
   */
  firstMessage?: boolean;
  /** The prospect's time zone from their browser, already checked (an IANA name this server knows). */
  visitorTimeZone?: string;
  /** Whether `admission` has already been refused (the in-process limit answers before the body is read). */
  admissionRefused?: () => boolean;
}

/** What one start of the agent's reply produced: the state its updates made, its report and its token usage. */
interface ReplyRun {
  state: SalesState;
  report?: ReplyReport;
  usage: { inputTokens: number; outputTokens: number };
}

/** The day this process last saw the daily LLM spend cap reached: no speculative starts for the rest of it. */
const spendCapSeen = processSingleton('chat-spend-cap-seen', () => ({ day: '' }));

/**
 * Addresses this process saw refused today for their daily caps (`<day>|<address>` → the refusal's reason): their first
 * messages start no speculative reply, or each fresh session of a capped address would cost an aborted upstream call.
 */
const addressCapSeen = processSingleton('chat-address-cap-seen', () => createLru<string>({ maxEntries: 10_000, maxBytes: 10_000, ttlMs: 86_400_000 }));

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
  const loadTurn = () => store.loadTurn({ id: conversationId, visitorId, day, address: input.address });
  const locale = input.locale ?? 'en';
  // The language the reply is in, decided once per turn from the page's locale and what the prospect wrote (a French
  // prospect on the English page, "can we continue in English?" on the German one): the agent answers in it, the tools
  // word bookings and cancellations in it, and the prospect's invite e-mail is in it (the events' source.language).
  let language: SalesLocale = locale;
  const invitesByEmail = input.invitesByEmail ?? invitesAreEmailed();
  const userMessage: SalesUIMessage = {
    id: turnId,
    role: 'user',
    parts: [{ type: 'text', text: input.message.text }],
    metadata: { createdAt: now() },
  };
  /** Starts the agent's reply from the given history and state (the turn's context is built from them). */
  const launch = (agent: SalesAgent, from: { history: SalesUIMessage[]; state: SalesState; trimmedMessages: number; abortSignal: AbortSignal; hold?: Promise<void> }) => {
    const run: ReplyRun = { state: from.state, usage: { inputTokens: 0, outputTokens: 0 } };
    const userMessages = [...from.history, userMessage].flatMap((message) => (message.role === 'user' ? [{ id: message.id, text: messageText(message) }] : []));
    language = replyLanguage(locale, userMessages.map((message) => message.text));
    const context: SalesTurnContext = {
      conversationId,
      locale: language,
      kb: input.kb ?? getLocalizedKnowledgeBase(language),
      userMessages,
      now,
      invitesByEmail,
      ...(input.visitorTimeZone ? { visitorTimeZone: input.visitorTimeZone } : {}),
    };
    const reply = agent.streamReply({
      conversationId,
      history: from.history,
      userMessage,
      context,
      state: from.state,
      onUpdate: (update) => {
        run.state = update.state;
      },
      onReport: (value) => {
        run.report = value;
      },
      trimmedMessages: from.trimmedMessages,
      abortSignal: from.abortSignal,
      hold: from.hold,
      onUsage: (step) => {
        run.usage.inputTokens += step.inputTokens;
        run.usage.outputTokens += step.outputTokens;
      },
    });
    return { reply, run };
  };

  // The first message of a conversation this instance does not know is answered from nothing: start it now, beside the
  // store's answers, and keep it only if they agree (docs/performance.md, "speculative start"). Its model request is
  // sent within this task; the store's requests follow in the next one, so that their set-up does not delay it (the
  // model takes hundreds of ms to its first token, the store a few).
  const speculation = await speculate({ input, day, remembered: recent.get(conversationId), launch, now });
  if (speculation) await new Promise((resolve) => setImmediate(resolve));
  // The rate-limit check and the turn lock (their own Redis requests) run beside the conversation load: no waiting.
  const pending = Promise.allSettled([input.admission, loadTurn(), replies?.tryLock({ id: conversationId, value: lock, ttlMs: LOCK_TTL_MS })]);
  try {
    return await continueTurn(await pending);
  } finally {
    // Refused, a duplicate, a replay of the reply in flight: whatever did not keep the speculative start drops it.
    speculation?.drop(new Error('the turn did not keep its speculative start'));
  }

  async function continueTurn([admitted, loaded, locked]: Awaited<typeof pending>): Promise<ReadableStream<UIMessageChunk>> {
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
    const remembered = recent.get(conversationId);
    // Turns this instance answered while the store could not take them (an outage, `not_saved`): the store is back, so
    // they are written with this turn, before it, and the agent goes on from what was said in them.
    const unsaved = load ? unsavedTail(load.conversation?.meta.messageCount ?? 0, remembered, visitorId) : [];
    const stored = [...(load?.conversation?.messages ?? []), ...unsaved];
    const asked = stored.findIndex((message) => message.role === 'user' && message.id === turnId);
    const answer = asked === -1 ? undefined : stored[asked + 1];
    const retryOfUnfinished = answer?.role === 'assistant' && input.regenerate === true && answer.metadata?.status !== undefined;
    if (answer?.role === 'assistant' && !retryOfUnfinished) {
      await unlock();
      throw new AppError('conflict:chat', 'This message was already answered.', { details: { reason: 'duplicate' } });
    }
    // Someone else's conversation answers exactly like one that does not exist: no oracle.
    if (!load && remembered && remembered.owner !== visitorId) {
      await unlock();
      throw new AppError('not_found:chat', 'There is no conversation with this id.');
    }
    const known = load ? (unsaved.length > 0 && remembered ? { messages: stored, state: remembered.state } : load.conversation) : remembered;
    const history = known?.messages ?? [];
    const messageCount = load ? (load.conversation?.meta.messageCount ?? 0) + unsaved.length : (remembered?.messageCount ?? 0);
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
        if (spendCapReached) spendCapSeen.day = day;
        if (spendCapReached && agent.kind !== 'offline' && input.offlineAgent) {
          agent = input.offlineAgent;
          notices.push('spend_cap');
        }
      }
    } catch (error) {
      const reason = isAppError(error) ? error.details?.reason : undefined;
      if (input.address !== undefined && typeof reason === 'string' && reason.startsWith('address_')) addressCapSeen.set(`${day}|${input.address}`, reason, 1);
      // A refused turn leaves nothing behind: not even the claim on a fresh id.
      await releaseClaim();
      await unlock();
      throw error;
    }

    // A retry of a turn whose reply failed (or was stopped or cut) re-sends the same user message: answer it again, from
    // the history before it, without storing the user message twice.
    const last = history.at(-1);
    const retryAt = retryOfUnfinished ? history.findIndex((message) => message.id === turnId) : last?.role === 'user' && last.id === turnId ? history.length - 1 : -1;
    const isRetry = retryAt !== -1;
    const context = isRetry ? history.slice(0, retryAt) : history;

    // The state the turn started from, and what the agent's updates made of it (stored when the reply ends). A
    // speculative start began from an empty state of its own: the same object, so that it can be recognised below.
    const before: SalesState = known?.state ?? speculation?.emptyState ?? emptySalesState(now());
    // An embedded visitor the host identified before their first message: the agent starts from the verified e-mail and
    // name (it must not ask for them), and this first turn's events announce the lead. One read, only for a new
    // conversation held in the embed; the identify-leads subscriber then finds nothing left to merge.
    const starting = load?.conversation === null && !isRetry && isEmbedded(input.source) ? await withIdentity(before, visitorId, input, now) : before;
    let firstTextAt: number | undefined;
    const trimmedMessages = Math.max(0, messageCount - history.length);

    // The speculative start is kept when the store agrees it was started from what this turn would start from: the same
    // agent, the same history, the same state. Otherwise it is dropped (its request aborted, its output never read).
    const adopted = speculation?.keep({ agent, history: context, state: starting, trimmedMessages });
    let started: { reply: ReadableStream<UIMessageChunk>; run: ReplyRun; stop: AbortController };
    if (adopted) {
      started = adopted;
      release = adopted.release;
    } else {
      speculation?.drop(new Error('the store disagreed with the speculative start'));
      try {
        // Refused here (a typed 503) rather than mid-stream when this instance is at its cap of upstream calls.
        if (agent.kind === 'openai' && input.gate) release = await input.gate.acquire({ key: visitorId });
      } catch (error) {
        await releaseClaim();
        await unlock();
        throw error;
      }
      // Stop (POST …/stop) aborts this; a client that merely disconnects does not.
      const stop = new AbortController();
      try {
        started = { ...launch(agent, { history: context, state: starting, trimmedMessages, abortSignal: stop.signal }), stop };
      } catch (error) {
        release?.();
        await unlock();
        throw error;
      }
    }
    const { reply, run, stop } = started;
    const active = getActiveReplies();
    const local = createLocalReply(turnId, stop, visitorId);
    active.set(conversationId, local);
    const recorder = replies
      ? createReplyRecorder({ replies, conversationId, turnId, ttlSeconds: input.resumeTtlSeconds ?? 120, onStopRequested: () => stop.abort(), local, now })
      : undefined;

    const persist = (messages: SalesUIMessage[]) =>
      persistTurn({
        ...input,
        now,
        day,
        messages,
        state: run.state,
        readFailed: !load,
        usage: () => {
          const spent = agent.kind === 'offline' ? 0 : spendMicroUsd(run.usage, limits.budget.price);
          // This turn took the day's spend over the cap: no speculative start for the next one either (it would send a
          // model request that the store's answer then aborts).
          if (load && isSpendCapReached(limits, load.usage.spendMicroUsd + spent)) spendCapSeen.day = day;
          return {
            visitorId,
            address: input.address,
            day,
            tokens: run.usage.inputTokens + run.usage.outputTokens,
            spendMicroUsd: spent,
            newConversation: load ? load.conversation === null : false,
          };
        },
      });

    return relayAndStore({
      reply,
      notices: notices.map((code) => ({ code, message: turnNotice(code, language) })),
      failureText: (error) => friendlyErrorText(error, (input.kb ?? getLocalizedKnowledgeBase(language)).company.salesEmail, language),
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
        const ok = messages.length === 0 && unsaved.length === 0 ? true : await persist([...unsaved, ...messages]);
        recent.remember(conversationId, {
          owner: visitorId,
          messages: [...history, ...messages],
          state: run.state,
          messageCount: messageCount + messages.length,
          savedCount: ok ? messageCount + messages.length : load ? (load.conversation?.meta.messageCount ?? 0) : (remembered?.savedCount ?? 0),
        });
        // Not saved: written once the store answers again, by the next turn or, if none comes, in the background.
        if (!ok) getUnsavedWriter().schedule({ conversationId, visitorId, store, replies, recent, now, delaysMs: input.unsavedRetryDelaysMs });
        input.onStored?.({ ok, messages });
        // After the turn is stored, off the reply's path: the bus delivers after the current task.
        const reply = messages.find((message) => message.role === 'assistant');
        const { report } = run;
        const questionIntent = report && !['injection', 'objection', 'small_talk', 'off_topic'].includes(report.intent);
        publishEvent(
          ...turnEvents({
            at: now(),
            conversationId,
            visitorId,
            source: { ...input.source, locale, ...(language === locale ? {} : { language }), agent: report?.fellBack ? 'offline' : agent.kind },
            // With the store unreadable, the client's word that this is the first message (and this instance knowing
            // nothing of it) starts it: its leads and meetings are counted, so must the conversation be.
            // A conversation begun during an outage was announced then (its first turn is among `unsaved`).
            firstTurn: !isRetry && (load ? load.conversation === null && unsaved.length === 0 : input.firstMessage === true && history.length === 0),
            userChars: isRetry ? undefined : input.message.text.length,
            assistantChars: reply ? messageText(reply).length : undefined,
            before,
            after: run.state,
            answered: questionIntent ? (report?.used.map((passage) => passage.id) ?? []) : [],
            objections: report?.objection ? [report.objection] : [],
            fallback: notices.includes('spend_cap') ? 'spend_cap' : report?.fellBack ? 'llm_error' : undefined,
            errors: [...(load ? [] : ['history_unavailable']), ...(outcome.failed ? ['reply_failed'] : []), ...(ok ? [] : ['not_saved'])],
            firstTokenMs: firstTextAt === undefined ? undefined : Math.max(0, firstTextAt - receivedAt),
          }),
        );
        return ok ? undefined : { code: 'not_saved', message: turnNotice('not_saved', language) };
      },
      done: async (outcome) => {
        if (active.get(conversationId)?.turnId === turnId) active.delete(conversationId);
        const end = outcome.stopped || stop.signal.aborted ? 'stopped' : outcome.failed ? 'error' : 'done';
        // The buffer's end marker and the lock's release go in one round trip.
        const unlocked = (await recorder?.finish(end, holdsLock ? lock : undefined)) ?? false;
        if (!unlocked) await unlock();
        // The lock request failed (the store did not answer in time) but may still run when it comes back: let go of
        // what it would hold, or the conversation's next message waits for the lock to look abandoned (6 s).
        if (!holdsLock && replies && locked.status === 'rejected') await replies.unlock({ id: conversationId, value: lock }).catch(() => undefined);
      },
    });
  }
}

type Launch = (
  agent: SalesAgent,
  from: { history: SalesUIMessage[]; state: SalesState; trimmedMessages: number; abortSignal: AbortSignal; hold?: Promise<void> },
) => { reply: ReadableStream<UIMessageChunk>; run: ReplyRun };

interface Speculation {
  /** A first message's start: the empty state it began from (the turn uses this object when the store has none either). */
  readonly emptyState?: SalesState;
  /** The started reply, when the turn would start from exactly what it started from; else undefined (then drop it). */
  keep(turn: { agent: SalesAgent; history: SalesUIMessage[]; state: SalesState; trimmedMessages: number }):
    | { reply: ReadableStream<UIMessageChunk>; run: ReplyRun; stop: AbortController; release?: () => void }
    | undefined;
  /** Aborts the upstream request and discards the reply unread; does nothing once kept. */
  drop(reason: unknown): void;
}

/**
 * The speculative start (docs/performance.md): a turn whose starting point this instance already knows need not wait for
 * the store to learn it, so its reply starts while the rate limit, the conversation load and the turn lock are still on
 * their way from the store, instead of a store round trip later. Two cases:
 * - a conversation's first message (the client says the conversation is new and this instance does not know it): no
 *   history, an empty state;
 * - a later message of a conversation this instance answered last (lib/chat/recent.ts): the history and state it
 *   stored then. Another instance may have answered since; the store's answer shows it, and the start is dropped. Where
 *   that happens often (several instances without sticky sessions), starts that are dropped would cost upstream
 *   requests for nothing: after more than a quarter of the last 20 were dropped, only one turn in 10 tries (so that a
 *   return to one instance is noticed).
 * The model's request goes out at once; what it says is held (lib/llm/hold.ts) until the turn keeps the start, so no
 * text reaches the client and no tool runs (no lead, no booking) before the store has agreed. Only when the in-process
 * rate limit has passed, a slot of the upstream-call cap is free at once, and this process has not seen the daily spend
 * cap reached today (nor, for a first message, the address's daily caps). The cost, when the store disagrees (the id taken, the rate limit refused by Redis, the spend cap
 * first reached, an identified embed visitor, a history that moved on): one upstream request aborted within
 * milliseconds.
 */
async function speculate(args: { input: ChatTurnInput; day: string; remembered: RecentConversation | undefined; launch: Launch; now: () => number }): Promise<Speculation | undefined> {
  const { input, remembered } = args;
  if (input.regenerate || spendCapSeen.day === args.day || input.admissionRefused?.()) return undefined;
  const addressCap = input.address === undefined ? undefined : addressCapSeen.get(`${args.day}|${input.address}`);
  if (addressCap === 'address_token_budget' || (addressCap && input.firstMessage)) return undefined;
  let from: { history: SalesUIMessage[]; state: SalesState; trimmedMessages: number; remembered: boolean };
  if (input.firstMessage) {
    if (remembered !== undefined) return undefined;
    from = { history: [], state: emptySalesState(args.now()), trimmedMessages: 0, remembered: false };
  } else {
    if (!remembered || remembered.owner !== input.visitorId || !remembered.state || remembered.messages.length === 0) return undefined;
    // A message sent again (a retry after a failed reply) starts from the history before it: not what is remembered.
    if (input.message.id !== undefined && remembered.messages.some((message) => message.id === input.message.id)) return undefined;
    // A reply of this conversation still in flight here: this turn waits for it, and then starts from its result.
    if (getActiveReplies().get(input.conversationId)) return undefined;
    if (!speculationOdds.worthTrying()) return undefined;
    from = { history: remembered.messages, state: remembered.state, trimmedMessages: Math.max(0, remembered.messageCount - remembered.messages.length), remembered: true };
  }
  const agent = input.agent;
  let release: (() => void) | undefined;
  if (agent.kind === 'openai' && input.gate) {
    try {
      release = await input.gate.acquire({ key: input.visitorId, wait: false });
    } catch {
      return undefined; // At the cap: the turn waits its turn for a slot as any other does.
    }
  }
  const stop = new AbortController();
  let lift!: () => void;
  let refuse!: (reason: unknown) => void;
  const hold = new Promise<void>((resolve, reject) => {
    lift = resolve;
    refuse = reject;
  });
  hold.catch(() => undefined); // Rejected only when dropped: the held model call reports it to a reply nobody reads.
  let started: ReturnType<Launch>;
  try {
    started = args.launch(agent, { history: from.history, state: from.state, trimmedMessages: from.trimmedMessages, abortSignal: stop.signal, hold });
  } catch {
    release?.();
    return undefined;
  }
  let settled = false;
  return {
    ...(from.remembered ? {} : { emptyState: from.state }),
    keep(turn) {
      if (settled) return undefined;
      const same =
        turn.agent === agent &&
        turn.trimmedMessages === from.trimmedMessages &&
        sameHistory(turn.history, from.history) &&
        (turn.state === from.state || (from.remembered && sameJson(turn.state, from.state)));
      if (from.remembered) speculationOdds.record(same);
      if (!same) return undefined;
      settled = true;
      lift();
      return { ...started, stop, release };
    },
    drop(reason) {
      if (settled) return;
      settled = true;
      stop.abort(reason);
      refuse(reason);
      started.reply.cancel(reason).catch(() => undefined);
      release?.();
    },
  };
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

/** Whether two histories are the same messages (by id, in order): a message never changes once stored. */
function sameHistory(a: SalesUIMessage[], b: SalesUIMessage[]): boolean {
  return a.length === b.length && a.every((message, i) => message.id === b[i]?.id && message.role === b[i]?.role);
}

/**
 * How often a later message's speculative start was kept, over the last 20 tries (per process): starts that the store
 * keeps disagreeing with are mostly not tried (see `speculate`).
 */
const speculationOdds = processSingleton('chat-speculation-odds', () => {
  const outcomes: boolean[] = [];
  let skipped = 0;
  return {
    worthTrying(): boolean {
      const dropped = outcomes.filter((kept) => !kept).length;
      if (outcomes.length < 20 || dropped * 4 <= outcomes.length) return true;
      skipped = (skipped + 1) % 10;
      return skipped === 0;
    },
    record(kept: boolean): void {
      outcomes.push(kept);
      if (outcomes.length > 20) outcomes.shift();
    },
  };
});
