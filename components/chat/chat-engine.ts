import type { ChatTransport, UIMessageChunk } from 'ai';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { SalesUIMessage } from '@/lib/chat/messages';
import { applyChunk, createReplyState, snapshotMessage, type ReplyState } from './ui-message-stream';

// The chat's state machine in the browser, in place of @ai-sdk/react's useChat: the same statuses, calls and
// onFinish, over our own transport (resumable-transport.ts). useChat needs `ai`'s AbstractChat, and importing it
// brings the whole `ai` module (zod, the gateway provider, the server half): ~90 KB gzipped of the chat chunk for a
// few hundred lines of logic. What the SDK does beyond this (tool approvals, automatic sends, a message queue,
// throttling) the chat does not use; the outbox (outbox.ts) is our queue.

export type ChatStatus = 'submitted' | 'streaming' | 'ready' | 'error';
type Trigger = 'submit-message' | 'regenerate-message' | 'resume-stream';

export interface ChatFinish {
  message: SalesUIMessage;
  messages: readonly SalesUIMessage[];
  isAbort: boolean;
  /** The network went away (a fetch TypeError), as the SDK reports it. */
  isDisconnect: boolean;
  isError: boolean;
}

export interface ChatSnapshot {
  messages: SalesUIMessage[];
  status: ChatStatus;
  error: Error | undefined;
}

export interface ChatEngineOptions {
  id: string;
  /** Read when each request starts (configure() keeps it the latest render's). */
  transport: ChatTransport<SalesUIMessage>;
  onFinish?: (finish: ChatFinish) => void;
  generateId?: () => string;
}

/** A user message to send: its id is the caller's (the outbox's idempotency key) or a new one. */
export type OutgoingMessage = Omit<SalesUIMessage, 'id' | 'role'> & { id?: string; role?: 'user' };

const isAbortError = (error: unknown) => error instanceof Error && (error.name === 'AbortError' || error.name === 'ResponseAborted' || error.name === 'TimeoutError');

export class ChatEngine {
  private snapshot: ChatSnapshot = { messages: [], status: 'ready', error: undefined };
  private readonly listeners = new Set<() => void>();
  /** Requests in flight (a resume and a send may overlap for a moment): what stop() ends and waits for. */
  private readonly inFlight = new Map<AbortController, Promise<void>>();
  private resumeController: AbortController | undefined;

  constructor(private options: ChatEngineOptions) {}

  /** The latest render's transport and callback. */
  configure(options: Pick<ChatEngineOptions, 'transport' | 'onFinish'>) {
    this.options = { ...this.options, ...options };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  private update(patch: Partial<ChatSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  get messages(): SalesUIMessage[] {
    return this.snapshot.messages;
  }

  setMessages = (next: SalesUIMessage[] | ((current: SalesUIMessage[]) => SalesUIMessage[])) => {
    this.update({ messages: [...(typeof next === 'function' ? next(this.snapshot.messages) : next)] });
  };

  sendMessage = async (message: OutgoingMessage) => {
    const id = message.id ?? this.newId();
    this.update({ messages: [...this.snapshot.messages, { ...message, id, role: 'user' } as SalesUIMessage] });
    await this.request('submit-message');
  };

  /** Asks again for the last reply: the last assistant message (if the list ends with one) is dropped first. */
  regenerate = async () => {
    const { messages } = this.snapshot;
    if (messages.at(-1)?.role === 'assistant') this.update({ messages: messages.slice(0, -1) });
    await this.request('regenerate-message');
  };

  /** Picks up the reply in flight after a reload, if the transport has one. */
  resumeStream = async () => {
    await this.request('resume-stream');
  };

  /** Ends every request in flight (the transport's streams are cancelled) and waits for them to settle. */
  stop = async () => {
    const pending = [...this.inFlight];
    for (const [controller] of pending) controller.abort();
    await Promise.all(pending.map(([, done]) => done));
  };

  private newId() {
    return this.options.generateId?.() ?? crypto.randomUUID();
  }

  private async request(trigger: Trigger) {
    const controller = new AbortController();
    let settle!: () => void;
    this.inFlight.set(controller, new Promise<void>((resolve) => (settle = resolve)));
    try {
      await this.run(trigger, controller);
    } finally {
      this.inFlight.delete(controller);
      if (this.resumeController === controller) this.resumeController = undefined;
      settle();
    }
  }

  private async run(trigger: Trigger, controller: AbortController) {
    const { signal } = controller;
    const { transport } = this.options;
    const chatId = this.options.id;
    const isCurrent = () => trigger !== 'resume-stream' || this.resumeController === controller;
    let stream: ReadableStream<UIMessageChunk> | null = null;
    if (trigger === 'resume-stream') {
      // A newer resume replaces an older one.
      this.resumeController?.abort();
      this.resumeController = controller;
      try {
        stream = await transport.reconnectToStream({ chatId, abortSignal: signal });
      } catch (error) {
        if (!isCurrent()) return;
        if (signal.aborted || isAbortError(error)) this.update({ status: 'ready' });
        else this.update({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
        return;
      }
      if (signal.aborted || !isCurrent() || !stream) {
        await stream?.cancel().catch(() => undefined);
        if (isCurrent()) this.update({ status: 'ready' });
        return;
      }
    }

    this.update({ status: 'submitted', error: undefined });
    const last = this.snapshot.messages.at(-1);
    // A new send continues an assistant message the list ends with (as the SDK does); a retry or a resume starts anew.
    const state: ReplyState = createReplyState(this.newId(), trigger === 'submit-message' && last ? snapshotMessage(last) : undefined);
    let isAbort = false;
    let isError = false;
    let isDisconnect = false;
    const write = (streaming: boolean) => {
      if (signal.aborted) return;
      const message = snapshotMessage(state.message);
      const messages = this.snapshot.messages;
      const index = messages.findLastIndex((candidate) => candidate.id === message.id);
      this.update({
        messages: index === -1 ? [...messages, message] : messages.with(index, message),
        ...(streaming ? { status: 'streaming' as const } : {}),
      });
    };
    try {
      stream ??= await transport.sendMessages({ chatId, messages: this.snapshot.messages, abortSignal: signal, trigger: trigger === 'regenerate-message' ? trigger : 'submit-message', messageId: undefined });
      const reader = stream.getReader();
      const cancel = () => void reader.cancel().catch(() => undefined);
      if (signal.aborted) cancel();
      else signal.addEventListener('abort', cancel, { once: true });
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done || signal.aborted) break;
          const effect = applyChunk(state, value, { resetOnNewId: trigger === 'resume-stream' });
          if (effect.write) write(effect.streaming);
        }
      } finally {
        signal.removeEventListener('abort', cancel);
        reader.releaseLock();
      }
      isAbort = signal.aborted;
      if (isCurrent()) this.update({ status: 'ready' });
    } catch (error) {
      if (signal.aborted || isAbortError(error)) {
        isAbort = true;
        if (isCurrent()) this.update({ status: 'ready' });
      } else if (isCurrent()) {
        isError = true;
        if (error instanceof TypeError) {
          const text = error.message.toLowerCase();
          isDisconnect = text.includes('fetch') || text.includes('network') || text === 'load failed';
        }
        this.update({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      } else {
        return;
      }
    }
    // Read now, not when the request started: the callback of the render that sees the reply end.
    this.options.onFinish?.({ message: state.message, messages: this.snapshot.messages, isAbort, isDisconnect, isError });
  }
}

export interface UseChatOptions {
  id: string;
  transport: ChatTransport<SalesUIMessage>;
  onFinish?: (finish: ChatFinish) => void;
}

/** useChat's shape (messages, status, error, sendMessage, setMessages, regenerate, stop, resumeStream) over ChatEngine. */
export function useChat({ id, transport, onFinish }: UseChatOptions) {
  // A new conversation id is a new engine (as useChat does); the transport and callback are the latest render's.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const engine = useMemo(() => new ChatEngine({ id, transport, onFinish }), [id]);
  useEffect(() => engine.configure({ transport, onFinish }));
  const { messages, status, error } = useSyncExternalStore(engine.subscribe, engine.getSnapshot, engine.getSnapshot);
  return {
    messages,
    status,
    error,
    sendMessage: engine.sendMessage,
    setMessages: engine.setMessages,
    regenerate: engine.regenerate,
    stop: engine.stop,
    resumeStream: engine.resumeStream,
  };
}
