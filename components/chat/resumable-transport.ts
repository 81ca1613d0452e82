import type { ChatTransport, UIMessageChunk } from 'ai';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { SalesUIMessage } from '@/lib/chat/messages';
import { backoffDelay, sleep, type BackoffOptions } from './backoff';
import type { ConnectionReporter } from './connection';
import { visitSource, type VisitSource } from './visit-source';

/** A refused request, shaped like the AI SDK's APICallError so the error banner reads it the same way. */
export class ChatRequestError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
    readonly responseBody: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ChatRequestError';
  }
}

export type ReplyOutcome = 'finished' | 'stopped' | 'error' | 'gone';

/** What the conversation learns from the transport, to keep its outbox and history true. */
export interface TransportEvents {
  /** The server took the message (200): it is no longer only in the outbox. */
  accepted?(chatId: string, messageId: string): void;
  /** A reply ended; `gone` = it ended while we were away and its buffer expired (reload the history). */
  replyEnded?(chatId: string, turnId: string | undefined, outcome: ReplyOutcome): void;
  /** 409 duplicate: the message and its reply are stored already. */
  duplicate?(chatId: string, messageId: string): void;
  /** Another reply (another tab) ended while ours waited: the history has grown. */
  historyChanged?(chatId: string): void;
  /** After a reload: does the page already show the stored reply to this turn? Then a replay would duplicate it. */
  isTurnAnswered?(turnId: string): boolean;
}

export interface ResumableTransportOptions {
  api: string;
  locale?: string;
  /** Bearer headers of the visitor session. */
  headers?: () => Promise<Record<string, string>>;
  /** A 401: forget the session; the request is then made once more with a fresh one. */
  onSessionRefused?: () => void;
  /** Called before a message goes out (the conversation now exists on the server). */
  onSend?: (chatId: string) => void;
  fetch?: typeof fetch;
  connection?: ConnectionReporter;
  backoff?: BackoffOptions;
  /** No byte for this long on a live reply: the connection is treated as dead and resumed. */
  stallMs?: number;
  events?: TransportEvents;
  /** The page and the visit's utm sent with each message (default: this window's; components/chat/visit-source.ts). */
  source?: () => VisitSource;
}

const TERMINAL: Partial<Record<UIMessageChunk['type'], ReplyOutcome>> = { finish: 'finished', abort: 'stopped', error: 'error' };

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';
/** How many 5xx answers (a store outage) a resume takes, with backoff between them, before the reply fails. */
const MAX_RESUME_SERVER_FAILURES = 5;

/** A proxy in front of a restarting server answers 502/504: that is "unreachable", not the app refusing. */
const isGatewayFailure = (status: number) => status === 502 || status === 504;

async function readError(response: Response): Promise<ChatRequestError> {
  const text = await response.text().catch(() => '');
  let reason: string | undefined;
  let message = `Request failed with status ${response.status}`;
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown; details?: { reason?: unknown } } };
    if (typeof body.error?.message === 'string') message = body.error.message;
    if (typeof body.error?.details?.reason === 'string') reason = body.error.details.reason;
  } catch {
    // Not our JSON (a proxy's page): the banner shows a generic sentence.
  }
  return new ChatRequestError(message, response.status, text, reason);
}

function onBrowserOffline(callback: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  window.addEventListener('offline', callback);
  return () => window.removeEventListener('offline', callback);
}

/**
 * The chat's transport: POSTs `{ id, message, locale, source }` like before, but reads the SSE itself to remember the last
 * event id, and when the connection breaks mid-reply (not a Stop) resumes with `GET {api}/{id}/stream` +
 * `Last-Event-ID`, backing off with jitter, splicing the replayed events into the same stream: useChat sees one
 * uninterrupted reply, each word once. A message the server never received is sent again with the same id, which
 * the server accepts once.
 */
export class ResumableChatTransport implements ChatTransport<SalesUIMessage> {
  readonly resumeStreamIsReplay = true;
  private readonly fetch: typeof fetch;
  private readonly source: () => VisitSource;

  constructor(private readonly options: ResumableTransportOptions) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.source = options.source ?? (() => visitSource());
    // Read once now: the visit's utm is remembered before a client-side navigation drops it from the address.
    this.source();
  }

  sendMessages: ChatTransport<SalesUIMessage>['sendMessages'] = async ({ chatId, messages, abortSignal, trigger }) => {
    const message = messages.at(-1);
    if (!message) throw new Error('There is no message to send.');
    this.options.onSend?.(chatId);
    // A Retry says so: the server may then answer an id whose stored reply was cut off, instead of calling it a duplicate.
    const retry = trigger === 'regenerate-message' ? { trigger } : {};
    const source = this.source();
    // The conversation's first message says so: the server can start the reply before its store has answered.
    const first = messages.length === 1 && trigger !== 'regenerate-message' ? { first: true } : {};
    // The browser's time zone: a demo booked for "Thursday at 2pm" is at 2pm where the prospect is.
    const timeZone = browserTimeZone();
    const body = JSON.stringify({ id: chatId, message, locale: this.options.locale, ...(timeZone ? { timeZone } : {}), ...(source.page || source.utm ? { source } : {}), ...retry, ...first });
    for (let attempt = 0; ; ) {
      let response: Response;
      try {
        response = await this.request(this.options.api, { method: 'POST', body, headers: { 'content-type': 'application/json' } }, abortSignal);
      } catch (error) {
        if (isAbort(error) || abortSignal?.aborted) throw error;
        // The server never answered: send the same message again later. Its id makes a second arrival harmless.
        await this.waitBeforeRetry(attempt++, abortSignal);
        continue;
      }
      if (isGatewayFailure(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        await this.waitBeforeRetry(attempt++, abortSignal);
        continue;
      }
      this.options.connection?.reachable();
      if (response.status === 409) {
        const refused = await readError(response);
        if (refused.reason === 'duplicate') {
          this.options.events?.duplicate?.(chatId, message.id);
          return new ReadableStream<UIMessageChunk>({ start: (controller) => controller.close() });
        }
        if (refused.reason === 'busy') {
          // Another reply is being produced (another tab): wait for it to end, then send again.
          await this.waitForCurrentReply(chatId, attempt++, abortSignal);
          continue;
        }
        throw refused;
      }
      if (!response.ok) throw await readError(response);
      this.options.events?.accepted?.(chatId, message.id);
      return this.follow(chatId, response, message.id, abortSignal);
    }
  };

  /** After a reload: the reply in flight replayed from its first event, or null when there is none (204). */
  reconnectToStream: ChatTransport<SalesUIMessage>['reconnectToStream'] = async ({ chatId, abortSignal }) => {
    let response: Response;
    try {
      response = await this.request(this.streamUrl(chatId), {}, abortSignal);
    } catch (error) {
      if (isAbort(error) || abortSignal?.aborted) throw error;
      // Unreachable: nothing to show now; a message still waiting for its reply is sent again from the outbox.
      this.options.connection?.unreachable(Date.now() + backoffDelay(0, this.options.backoff));
      return null;
    }
    if (response.status !== 200 || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      if (!isGatewayFailure(response.status)) this.options.connection?.reachable();
      return null;
    }
    this.options.connection?.reachable();
    const stream = this.follow(chatId, response, undefined, abortSignal);
    const reader = stream.getReader();
    const first = await reader.read();
    if (first.done) return null;
    const turnId = first.value.type === 'start' ? turnIdOf(first.value) : undefined;
    if (turnId && this.options.events?.isTurnAnswered?.(turnId)) {
      // The reply finished moments ago and is already on the page from the history.
      await reader.cancel().catch(() => undefined);
      return null;
    }
    return new ReadableStream<UIMessageChunk>({
      start: (controller) => controller.enqueue(first.value),
      pull: async (controller) => {
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
  };

  /** Stop: the server ends the reply (and stores it as stopped). A mere disconnect never calls this. */
  async stopReply(chatId: string): Promise<void> {
    try {
      const response = await this.request(`${this.options.api}/${encodeURIComponent(chatId)}/stop`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
        keepalive: true,
      });
      await response.body?.cancel().catch(() => undefined);
    } catch {
      // Unreachable: the local stream is ended anyway; the server finishes the reply and stores it.
    }
  }

  private streamUrl(chatId: string) {
    // The locale: a notice the server adds (a reply interrupted by a restart) is in the prospect's language.
    const locale = this.options.locale && this.options.locale !== 'en' ? `?locale=${encodeURIComponent(this.options.locale)}` : '';
    return `${this.options.api}/${encodeURIComponent(chatId)}/stream${locale}`;
  }

  /** fetch with the visitor's bearer header; a refused session (401) is renewed and the request made once more. */
  private async request(url: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    const send = async () => {
      const auth = (await this.options.headers?.()) ?? {};
      return this.fetch(url, { ...init, signal, headers: { ...(init.headers as Record<string, string> | undefined), ...auth } });
    };
    const response = await send();
    if (response.status !== 401 || !this.options.onSessionRefused) return response;
    await response.body?.cancel().catch(() => undefined);
    this.options.onSessionRefused();
    return send();
  }

  private async waitBeforeRetry(attempt: number, signal?: AbortSignal): Promise<void> {
    const delay = backoffDelay(attempt, this.options.backoff);
    this.options.connection?.unreachable(Date.now() + delay);
    const wake = this.options.connection ? (resume: () => void) => this.options.connection!.onWake(resume) : undefined;
    // Offline, no timer is worth burning: wait for the network (the monitor wakes us), checking now and then.
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    await sleep(offline ? Math.max(delay, 5_000) : delay, signal, wake);
  }

  /** 409 busy: follow the reply that holds the conversation to its end (204: none any more), then try again. */
  private async waitForCurrentReply(chatId: string, attempt: number, signal?: AbortSignal): Promise<void> {
    try {
      const response = await this.request(this.streamUrl(chatId), {}, signal);
      if (response.status === 200 && response.body) {
        const reader = response.body.getReader();
        while (!(await reader.read()).done) {
          // Drained: the other turn is the history's, not this reply's.
        }
        this.options.events?.historyChanged?.(chatId);
      } else {
        await response.body?.cancel().catch(() => undefined);
      }
    } catch (error) {
      if (isAbort(error) || signal?.aborted) throw error;
    }
    await sleep(backoffDelay(attempt, this.options.backoff), signal);
  }

  /** The reply as one stream of chunks, resumed after every break until it ends. */
  private follow(chatId: string, first: Response, turnId: string | undefined, signal?: AbortSignal): ReadableStream<UIMessageChunk> {
    const { connection, events, stallMs = 30_000 } = this.options;
    const stopped = new AbortController();
    const onAbort = () => stopped.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let lastEventId = 0;
    let outcome: ReplyOutcome | undefined;

    /** Reads one response; resolves true when the reply ended, false when the connection broke first. */
    const read = async (response: Response, controller: ReadableStreamDefaultController<UIMessageChunk>): Promise<boolean> => {
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let ended = false;
      const pending: EventSourceMessage[] = [];
      const parser = createParser({ onEvent: (event) => pending.push(event) });
      let stall: ReturnType<typeof setTimeout> | undefined;
      const breakOff = () => void reader.cancel().catch(() => undefined);
      const armStall = () => {
        clearTimeout(stall);
        stall = setTimeout(breakOff, stallMs);
      };
      // A browser that lost its network may leave the socket hanging: give up on it at once and resume later.
      const unlisten = onBrowserOffline(breakOff);
      stopped.signal.addEventListener('abort', breakOff, { once: true });
      try {
        armStall();
        while (!ended) {
          const { done, value } = await reader.read();
          if (done) break;
          armStall();
          parser.feed(decoder.decode(value, { stream: true }));
          for (const event of pending.splice(0)) {
            if (event.data === '[DONE]') {
              ended = true;
              break;
            }
            const id = Number(event.id);
            if (event.id !== undefined && Number.isInteger(id)) {
              // A replay may overlap what already arrived: every event is passed on once.
              if (id <= lastEventId) continue;
              lastEventId = id;
            }
            const chunk = JSON.parse(event.data) as UIMessageChunk;
            if (chunk.type === 'start') turnId ??= turnIdOf(chunk);
            outcome = TERMINAL[chunk.type] ?? outcome;
            controller.enqueue(chunk);
          }
        }
      } catch (error) {
        if (error instanceof SyntaxError) throw error;
        // A network error mid-body: resumed below.
      } finally {
        clearTimeout(stall);
        unlisten();
        stopped.signal.removeEventListener('abort', breakOff);
      }
      // A terminal chunk without [DONE] still ends the reply: resuming it would only replay the end.
      return ended || outcome !== undefined;
    };

    const run = async (controller: ReadableStreamDefaultController<UIMessageChunk>) => {
      let response: Response | null = first;
      let serverFailures = 0;
      for (let attempt = 0; !stopped.signal.aborted; ) {
        if (response) {
          if (await read(response, controller)) {
            events?.replyEnded?.(chatId, turnId, outcome ?? 'finished');
            controller.close();
            return;
          }
          response = null;
          if (stopped.signal.aborted) return;
          await this.waitBeforeRetry(attempt++, stopped.signal);
          continue;
        }
        try {
          response = await this.request(this.streamUrl(chatId), { headers: lastEventId ? { 'last-event-id': String(lastEventId) } : {} }, stopped.signal);
        } catch (error) {
          if (isAbort(error) || stopped.signal.aborted) return;
          await this.waitBeforeRetry(attempt++, stopped.signal);
          continue;
        }
        // A server that cannot reach its store (503) may still be producing the reply, or the store may come back:
        // try again a few times before saying the reply is lost (never "it ended", which would leave it cut short).
        const serverFailure = response.status >= 500 && !isGatewayFailure(response.status);
        if (isGatewayFailure(response.status) || (serverFailure && serverFailures++ < MAX_RESUME_SERVER_FAILURES)) {
          await response.body?.cancel().catch(() => undefined);
          response = null;
          await this.waitBeforeRetry(attempt++, stopped.signal);
          continue;
        }
        connection?.reachable();
        attempt = 0;
        if (serverFailure) {
          controller.error(await readError(response));
          return;
        }
        if (response.status !== 200 || !response.body) {
          // 204: the reply ended while we were away and its buffer is gone; the history has it.
          await response.body?.cancel().catch(() => undefined);
          events?.replyEnded?.(chatId, turnId, 'gone');
          controller.close();
          return;
        }
      }
    };

    return new ReadableStream<UIMessageChunk>({
      start: (controller) => {
        run(controller)
          .catch((error: unknown) => {
            if (!stopped.signal.aborted && !isAbort(error)) controller.error(error);
          })
          .finally(() => signal?.removeEventListener('abort', onAbort));
      },
      cancel: () => stopped.abort(),
    });
  }
}

function turnIdOf(chunk: UIMessageChunk): string | undefined {
  if (chunk.type !== 'start') return undefined;
  const metadata = chunk.messageMetadata as { turnId?: unknown } | undefined;
  return typeof metadata?.turnId === 'string' ? metadata.turnId : undefined;
}

/** The zone the browser reports, read when a message is sent (never while the page loads: the first Intl object is slow). */
function browserTimeZone(): string | undefined {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return typeof zone === 'string' && zone.length > 0 && zone.length <= 64 ? zone : undefined;
  } catch {
    return undefined;
  }
}
