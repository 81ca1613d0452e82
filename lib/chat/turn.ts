import 'server-only';
import { generateId, readUIMessageStream, type UIMessageChunk } from 'ai';
import { messageText, type SalesUIMessage } from '@/lib/chat/messages';
import type { SalesAgent } from '@/lib/llm/types';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import type { SalesLocale, SalesSession } from '@/lib/sales/session';
import { emptySalesState } from '@/lib/sales/types';
import type { ConversationStore } from '@/lib/store/types';

export interface ChatTurnInput {
  conversationId: string;
  /** The new user message, already validated: role "user", text parts only. */
  message: { id?: string; text: string };
  store: ConversationStore;
  agent: SalesAgent;
  now?: () => number;
  locale?: SalesLocale;
  kb?: KnowledgeBase;
  /** Called when the turn has been stored (or failed to store): tests and the bench wait on it. */
  onStored?: (result: { ok: boolean; messages: SalesUIMessage[] }) => void;
}

/**
 * One chat turn: load the conversation, stream the agent's reply, and store both messages in one pipelined write
 * when the reply ends. The server reads the reply to its end whatever the client does, so a client that disconnects
 * mid-reply (closed tab, dropped network, Stop) still leaves the whole turn stored.
 */
export async function startChatTurn(input: ChatTurnInput): Promise<ReadableStream<UIMessageChunk>> {
  const { conversationId, store, agent } = input;
  const now = input.now ?? Date.now;

  const conversation = await store.getConversation({ id: conversationId });
  const history = conversation?.messages ?? [];

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

  const session: SalesSession = {
    conversationId,
    locale: input.locale ?? 'en',
    kb: input.kb ?? getKnowledgeBase(),
    state: conversation?.state ?? emptySalesState(now()),
    userMessages: [...context, userMessage].flatMap((message) =>
      message.role === 'user' ? [{ id: message.id, text: messageText(message) }] : [],
    ),
    now,
    emit: () => undefined,
  };
  const trimmedMessages = conversation ? Math.max(0, conversation.meta.messageCount - conversation.messages.length) : 0;
  const reply = agent.streamReply({ conversationId, history: context, userMessage, session, trimmedMessages });
  return relayAndStore({ ...input, reply, session, userMessage: isRetry ? undefined : userMessage });
}

/**
 * Forwards the reply to the client while recording it, in one read loop (a tee plus a second parser per chunk cost
 * measurable CPU per token under load). The loop reads the reply to its end even after the client has gone, then
 * stores the turn.
 */
function relayAndStore(
  args: ChatTurnInput & { reply: ReadableStream<UIMessageChunk>; session: SalesSession; userMessage: SalesUIMessage | undefined },
): ReadableStream<UIMessageChunk> {
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

  void (async () => {
    const reader = args.reply.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        recorded.push(value);
        client?.enqueue(value);
      }
      client?.close();
    } catch (error) {
      console.error('[chat] the reply stream failed', error);
      client?.error(error);
    } finally {
      await storeWhenDone({ ...args, stream: fromChunks(recorded) });
    }
  })();
  return toClient;
}

function fromChunks(chunks: UIMessageChunk[]): ReadableStream<UIMessageChunk> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function storeWhenDone({
  conversationId,
  store,
  stream,
  userMessage,
  onStored,
  agent,
  now = Date.now,
  session,
}: ChatTurnInput & { stream: ReadableStream<UIMessageChunk>; session: SalesSession; userMessage: SalesUIMessage | undefined }): Promise<void> {
  let assistant: SalesUIMessage | undefined;
  try {
    for await (const snapshot of readUIMessageStream<SalesUIMessage>({ stream, terminateOnError: false })) {
      assistant = snapshot;
    }
  } catch (error) {
    console.error('[chat] reading the reply for storage failed', error);
  }

  const messages: SalesUIMessage[] = [];
  if (userMessage) messages.push(userMessage);
  if (assistant && hasContent(assistant)) {
    messages.push({ ...assistant, metadata: { createdAt: now(), agent: agent.kind, ...assistant.metadata } });
  }
  if (messages.length === 0) {
    onStored?.({ ok: true, messages });
    return;
  }
  try {
    // The state always travels with the messages: one pipelined write per turn.
    await store.appendMessages({ id: conversationId, messages, state: session.state, now: now() });
    onStored?.({ ok: true, messages });
  } catch (error) {
    console.error(`[chat] storing turn of ${conversationId} failed`, error);
    onStored?.({ ok: false, messages });
  }
}

function hasContent(message: SalesUIMessage): boolean {
  return message.parts.some((part) => (part.type === 'text' ? part.text.trim().length > 0 : part.type !== 'step-start'));
}
