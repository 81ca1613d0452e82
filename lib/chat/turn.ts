import 'server-only';
import { generateId, readUIMessageStream, type UIMessageChunk } from 'ai';
import { messageText, type SalesUIMessage } from '@/lib/chat/messages';
import { getServerConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import type { SalesAgent } from '@/lib/llm/types';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import { turnNotice, type TurnNoticeCode } from '@/lib/sales/prompts';
import type { SalesLocale, SalesSession } from '@/lib/sales/session';
import { emptySalesState } from '@/lib/sales/types';
import type { ConversationStore, TurnLoad, TurnUsage } from '@/lib/store/types';
import { getRecentConversations, type RecentConversations } from './recent';
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
  /** Waits before each retry of a failed write, in ms (bounded: then the prospect is told it was not saved). */
  writeRetryDelaysMs?: readonly number[];
  /** Called when the turn has been stored (or failed to store): tests and the bench wait on it. */
  onStored?: (result: { ok: boolean; messages: SalesUIMessage[] }) => void;
}

const DEFAULT_WRITE_RETRIES_MS = [200, 800] as const;

/**
 * One chat turn: load the conversation (claiming a new id for the visitor) with today's usage, check the caps, stream
 * the agent's reply, and store both messages with the usage counters when the reply ends. The server reads the reply
 * to its end whatever the client does, so a client that disconnects mid-reply still leaves the whole turn stored and
 * its tokens counted. A store that fails never fails the turn silently: the prospect is told what was not read or saved.
 */
export async function startChatTurn(input: ChatTurnInput): Promise<ReadableStream<UIMessageChunk>> {
  const { conversationId, visitorId, store } = input;
  const now = input.now ?? Date.now;
  const recent = input.recent ?? getRecentConversations();
  const day = utcDay(now());
  const limits = input.limits ?? getServerConfig().security;

  // The rate-limit check (its own Redis request) runs beside the conversation load, so it adds no waiting.
  const [admitted, loaded] = await Promise.allSettled([input.admission, store.loadTurn({ id: conversationId, visitorId, day })]);
  let load: TurnLoad | null = null;
  if (loaded.status === 'fulfilled') load = loaded.value;
  else console.error(`[chat] reading conversation ${conversationId} failed; answering from what this instance remembers`, loaded.reason);
  if (admitted.status === 'rejected') {
    if (load?.claimed && load.conversation === null) await store.releaseClaim({ id: conversationId, visitorId }).catch(() => undefined);
    throw admitted.reason;
  }
  const remembered = recent.get(conversationId);
  // Someone else's conversation answers exactly like one that does not exist: no oracle.
  if ((load && load.owner !== visitorId) || (!load && remembered && remembered.owner !== visitorId)) {
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
    if (load?.claimed && load.conversation === null) await store.releaseClaim({ id: conversationId, visitorId }).catch(() => undefined);
    throw error;
  }

  const userMessage: SalesUIMessage = {
    id: input.message.id ?? generateId(),
    role: 'user',
    parts: [{ type: 'text', text: input.message.text }],
    metadata: { createdAt: now() },
  };
  // A retry of a turn whose reply failed re-sends the same user message: answer it again without storing a duplicate.
  const last = history.at(-1);
  const isRetry = last?.role === 'user' && last.id === userMessage.id;
  const context = isRetry ? history.slice(0, -1) : history;

  const locale = input.locale ?? 'en';
  const session: SalesSession = {
    conversationId,
    locale,
    kb: input.kb ?? getKnowledgeBase(),
    state: known?.state ?? emptySalesState(now()),
    userMessages: [...context, userMessage].flatMap((message) =>
      message.role === 'user' ? [{ id: message.id, text: messageText(message) }] : [],
    ),
    now,
    emit: () => undefined,
  };
  const usage = { inputTokens: 0, outputTokens: 0 };
  const trimmedMessages = Math.max(0, messageCount - history.length);
  let reply: ReadableStream<UIMessageChunk>;
  try {
    reply = agent.streamReply({
      conversationId,
      history: context,
      userMessage,
      session,
      trimmedMessages,
      onUsage: (step) => {
        usage.inputTokens += step.inputTokens;
        usage.outputTokens += step.outputTokens;
      },
    });
  } catch (error) {
    release?.();
    throw error;
  }

  const persist = (messages: SalesUIMessage[]) =>
    persistTurn({
      ...input,
      now,
      day,
      messages,
      state: session.state,
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
    finish: async (assistant) => {
      const messages: SalesUIMessage[] = [];
      if (!isRetry) messages.push(userMessage);
      if (assistant && hasContent(assistant)) {
        messages.push({ ...assistant, metadata: { createdAt: now(), agent: agent.kind, ...assistant.metadata } });
      }
      const ok = messages.length === 0 ? true : await persist(messages);
      recent.remember(conversationId, {
        owner: visitorId,
        messages: [...history, ...messages],
        state: session.state,
        messageCount: messageCount + messages.length,
      });
      input.onStored?.({ ok, messages });
      return ok ? undefined : { code: 'not_saved', message: turnNotice('not_saved', locale) };
    },
  });
}

/**
 * Writes the turn, retrying with backoff. After a failed read the conversation's owner is checked again first, and the
 * stored sales state is only replaced if there was none: what was stored before is never overwritten by a state built
 * without it.
 */
async function persistTurn(args: {
  conversationId: string;
  visitorId: string;
  store: ConversationStore;
  now: () => number;
  day: string;
  messages: SalesUIMessage[];
  state: SalesSession['state'];
  readFailed: boolean;
  usage: () => TurnUsage;
  writeRetryDelaysMs?: readonly number[];
}): Promise<boolean> {
  const delays = [0, ...(args.writeRetryDelaysMs ?? DEFAULT_WRITE_RETRIES_MS)];
  for (const [attempt, delay] of delays.entries()) {
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      let state: SalesSession['state'] | undefined = args.state;
      let usage = args.usage();
      if (args.readFailed) {
        const check = await args.store.loadTurn({ id: args.conversationId, visitorId: args.visitorId, day: args.day });
        if (check.owner !== args.visitorId) return false;
        if (check.conversation?.state) state = undefined;
        usage = { ...usage, newConversation: check.conversation === null };
      }
      await args.store.appendMessages({ id: args.conversationId, messages: args.messages, state, now: args.now(), usage });
      return true;
    } catch (error) {
      console.error(`[chat] storing a turn of ${args.conversationId} failed (attempt ${attempt + 1} of ${delays.length})`, error);
    }
  }
  return false;
}

type Notice = { code: string; message: string };
const noticeChunk = (notice: Notice): UIMessageChunk => ({ type: 'data-notice', data: { level: 'warning', ...notice } });

/**
 * Forwards the reply to the client while recording it, in one read loop (a tee plus a second parser per chunk cost
 * measurable CPU per token under load). Notices go right after `start`; the final `finish` is held back until the
 * turn is stored, so a failed write can still be reported inside the reply. The loop reads the reply to its end even
 * after the client has gone.
 */
function relayAndStore(args: {
  reply: ReadableStream<UIMessageChunk>;
  notices: Notice[];
  release: (() => void) | undefined;
  finish: (assistant: SalesUIMessage | undefined) => Promise<Notice | undefined>;
}): ReadableStream<UIMessageChunk> {
  const recorded: UIMessageChunk[] = [];
  let client: ReadableStreamDefaultController<UIMessageChunk> | undefined;
  const toClient = new ReadableStream<UIMessageChunk>({
    start(controller) {
      client = controller;
    },
    cancel() {
      client = undefined;
    },
  });
  const send = (chunk: UIMessageChunk) => {
    try {
      client?.enqueue(chunk);
    } catch {
      client = undefined;
    }
  };

  void (async () => {
    const reader = args.reply.getReader();
    let finish: UIMessageChunk | undefined;
    let failure: unknown;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (value.type === 'finish') {
          finish = value;
          continue;
        }
        recorded.push(value);
        send(value);
        if (value.type === 'start') {
          for (const notice of args.notices) {
            recorded.push(noticeChunk(notice));
            send(noticeChunk(notice));
          }
        }
      }
    } catch (error) {
      console.error('[chat] the reply stream failed', error);
      failure = error;
    } finally {
      args.release?.();
    }
    const unsaved = await args.finish(await assemble(finish ? [...recorded, finish] : recorded));
    if (unsaved) send(noticeChunk(unsaved));
    if (failure !== undefined) {
      client?.error(failure);
      return;
    }
    if (finish) send(finish);
    try {
      client?.close();
    } catch {
      // The client went away meanwhile.
    }
  })();
  return toClient;
}

async function assemble(chunks: UIMessageChunk[]): Promise<SalesUIMessage | undefined> {
  let assistant: SalesUIMessage | undefined;
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  try {
    for await (const snapshot of readUIMessageStream<SalesUIMessage>({ stream, terminateOnError: false })) assistant = snapshot;
  } catch (error) {
    console.error('[chat] reading the reply for storage failed', error);
  }
  return assistant;
}

function hasContent(message: SalesUIMessage): boolean {
  return message.parts.some((part) => (part.type === 'text' ? part.text.trim().length > 0 : part.type !== 'step-start'));
}
