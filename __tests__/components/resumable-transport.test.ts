import type { UIMessageChunk } from 'ai';
import { backoffDelay } from '@/components/chat/backoff';
import { ResumableChatTransport, type TransportEvents } from '@/components/chat/resumable-transport';
import type { SalesUIMessage } from '@/lib/chat/messages';

const CHAT = '3f2b8c1e-9d4a-4c7b-8e21-5a6f0d9c2b71';
const USER: SalesUIMessage = { id: 'm-1', role: 'user', parts: [{ type: 'text', text: 'How much is Pro?' }] };
const WORDS = ['Pro ', 'costs ', '$12 ', 'per ', 'seat ', 'a ', 'month.'];

/** The reply as the server numbers it: id n for the n-th event, `start` carrying the turn it answers. */
function replyEvents(turnId = USER.id): Array<[number, UIMessageChunk]> {
  const chunks: UIMessageChunk[] = [
    { type: 'start', messageId: 'reply-1', messageMetadata: { turnId } },
    { type: 'text-start', id: 't1' },
    ...WORDS.map((delta): UIMessageChunk => ({ type: 'text-delta', id: 't1', delta })),
    { type: 'text-end', id: 't1' },
    { type: 'finish' },
  ];
  return chunks.map((chunk, index) => [index + 1, chunk]);
}

const frame = ([id, chunk]: [number, UIMessageChunk]) => `id: ${id}\ndata: ${JSON.stringify(chunk)}\n\n`;

/** A response that sends `frames`, then either ends with [DONE] or breaks like a dropped connection. */
function sse(frames: string[], end: 'done' | 'break' | 'hang' = 'done'): Response {
  const encoder = new TextEncoder();
  // Split frames across reads mid-line, as the network does; a break comes after everything before it was read.
  const text = frames.join('') + (end === 'done' ? 'data: [DONE]\n\n' : '');
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += 37) pieces.push(text.slice(i, i + 37));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces.shift();
      if (piece !== undefined) controller.enqueue(encoder.encode(piece));
      else if (end === 'done') controller.close();
      else if (end === 'break') controller.error(new TypeError('network error'));
      else return new Promise<void>(() => undefined);
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

async function collect(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

const text = (chunks: UIMessageChunk[]) => chunks.map((chunk) => (chunk.type === 'text-delta' ? chunk.delta : '')).join('');

interface Call {
  method: string;
  url: string;
  headers: Headers;
  body?: string;
}

function transportWith(answer: (call: Call, index: number) => Response | Promise<Response>, events: TransportEvents = {}, extra = {}) {
  const calls: Call[] = [];
  const fetch = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { method: init.method ?? 'GET', url: String(input), headers: new Headers(init.headers), body: init.body as string | undefined };
    calls.push(call);
    return answer(call, calls.length - 1);
  }) as unknown as typeof globalThis.fetch;
  const transport = new ResumableChatTransport({
    api: '/api/v1/chat',
    locale: 'en',
    fetch,
    headers: async () => ({ authorization: 'Bearer v1.token' }),
    backoff: { initialMs: 10, maxMs: 80, random: () => 0.5 },
    events,
    ...extra,
  });
  return { transport, calls };
}

const send = (transport: ResumableChatTransport, signal?: AbortSignal) =>
  transport.sendMessages({ chatId: CHAT, messages: [USER], trigger: 'submit-message', messageId: undefined, abortSignal: signal });

describe('ResumableChatTransport', () => {
  it('splices the resumed events into the same stream after a break: every word once, in order', async () => {
    const events = replyEvents();
    const replyEnded = jest.fn();
    const { transport, calls } = transportWith(
      (call, index) => {
        if (index === 0) return sse(events.slice(0, 4).map(frame), 'break');
        // The replay overlaps what already arrived (events 3 and 4): the client drops them.
        return sse(events.slice(2).map(frame));
      },
      { replyEnded },
    );

    const chunks = await collect(await send(transport));

    expect(text(chunks)).toBe(WORDS.join(''));
    expect(chunks.filter((chunk) => chunk.type === 'start')).toHaveLength(1);
    expect(chunks.map((chunk) => chunk.type)).toEqual(events.map(([, chunk]) => chunk.type));
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual(['POST /api/v1/chat', `GET /api/v1/chat/${CHAT}/stream`]);
    expect(calls[1]!.headers.get('last-event-id')).toBe('4');
    expect(calls[1]!.headers.get('authorization')).toBe('Bearer v1.token');
    // The conversation's one message so far: sent as its first (the server may start the reply before its store answers).
    // With the browser's time zone, so that a demo booked for "Thursday at 2pm" is at 2pm where the prospect is.
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(timeZone).toEqual(expect.any(String));
    expect(JSON.parse(calls[0]!.body!)).toEqual({ id: CHAT, message: USER, locale: 'en', timeZone, source: { page: '/' }, first: true });
    expect(replyEnded).toHaveBeenCalledWith(CHAT, USER.id, 'finished');
  });

  it('resumes through several breaks, each from the last event it saw', async () => {
    const events = replyEvents();
    const { transport, calls } = transportWith((_call, index) => {
      if (index === 0) return sse(events.slice(0, 2).map(frame), 'break');
      if (index === 1) return Promise.reject(new TypeError('Failed to fetch'));
      if (index === 2) return sse(events.slice(2, 6).map(frame), 'break');
      return sse(events.slice(6).map(frame));
    });
    const chunks = await collect(await send(transport));
    expect(text(chunks)).toBe(WORDS.join(''));
    expect(calls.slice(1).map((call) => call.headers.get('last-event-id'))).toEqual(['2', '2', '6']);
  });

  it('ends the stream and reports "gone" when the reply ended while away (204)', async () => {
    const replyEnded = jest.fn();
    const events = replyEvents();
    const { transport } = transportWith((_call, index) => (index === 0 ? sse(events.slice(0, 3).map(frame), 'break') : new Response(null, { status: 204 })), {
      replyEnded,
    });
    const chunks = await collect(await send(transport));
    expect(text(chunks)).toBe(WORDS[0]);
    expect(replyEnded).toHaveBeenCalledWith(CHAT, USER.id, 'gone');
  });

  it('waits out a store outage while resuming (503): the rest of the reply once it answers, never "gone" with the reply cut short', async () => {
    const replyEnded = jest.fn();
    const events = replyEvents();
    const outage = () => Response.json({ error: { code: 'upstream_unavailable:store', message: 'The conversation store is unreachable.' } }, { status: 503 });
    const { transport, calls } = transportWith((_call, index) => (index === 0 ? sse(events.slice(0, 3).map(frame), 'break') : index < 3 ? outage() : sse(events.slice(3).map(frame))), { replyEnded });
    const chunks = await collect(await send(transport));
    expect(text(chunks)).toBe(WORDS.join(''));
    expect(calls.slice(1).map((call) => call.headers.get('last-event-id'))).toEqual(['3', '3', '3']);
    expect(replyEnded).toHaveBeenCalledWith(CHAT, USER.id, 'finished');
    expect(replyEnded).not.toHaveBeenCalledWith(CHAT, USER.id, 'gone');
  });

  it('fails the reply with the server\'s error when the outage outlasts the retries, and asks for the locale\'s notices', async () => {
    const replyEnded = jest.fn();
    const events = replyEvents();
    const { transport, calls } = transportWith(
      (_call, index) => (index === 0 ? sse(events.slice(0, 3).map(frame), 'break') : Response.json({ error: { code: 'upstream_unavailable:store', message: 'The conversation store is unreachable.' } }, { status: 503 })),
      { replyEnded },
      { locale: 'fr' },
    );
    await expect(collect(await send(transport))).rejects.toThrow('The conversation store is unreachable.');
    expect(calls).toHaveLength(7);
    expect(calls[1]?.url).toBe(`/api/v1/chat/${CHAT}/stream?locale=fr`);
    expect(replyEnded).not.toHaveBeenCalledWith(CHAT, USER.id, 'gone');
  });

  it('says `first` only for the conversation\'s first message, and never on a Retry', async () => {
    const { transport, calls } = transportWith(() => sse(replyEvents().map(frame)));
    const earlier: SalesUIMessage[] = [USER, { id: 'a-1', role: 'assistant', parts: [{ type: 'text', text: 'Pro costs $12.' }] }];
    const next: SalesUIMessage = { id: 'm-2', role: 'user', parts: [{ type: 'text', text: 'And Business?' }] };
    await collect(await transport.sendMessages({ chatId: CHAT, messages: [...earlier, next], trigger: 'submit-message', messageId: undefined, abortSignal: undefined }));
    await collect(await transport.sendMessages({ chatId: CHAT, messages: [USER], trigger: 'regenerate-message', messageId: USER.id, abortSignal: undefined }));
    const bodies = calls.filter((call) => call.method === 'POST').map((call) => JSON.parse(call.body!) as Record<string, unknown>);
    expect(bodies.map((body) => (body.message as { id: string }).id)).toEqual(['m-2', 'm-1']);
    expect(bodies.map((body) => body.first)).toEqual([undefined, undefined]);
    expect(bodies[1]?.trigger).toBe('regenerate-message');
  });

  it('sends a message the server never received again under the same id, backing off with jitter', async () => {
    jest.useFakeTimers();
    try {
      const times: number[] = [];
      const unreachable = jest.fn();
      const { transport, calls } = transportWith(
        (_call, index) => {
          times.push(Date.now());
          if (index < 3) return Promise.reject(new TypeError('Failed to fetch'));
          return sse(replyEvents().map(frame));
        },
        {},
        { connection: { reachable: jest.fn(), unreachable, onWake: () => () => undefined } },
      );
      const start = Date.now();
      const pending = send(transport);
      await jest.advanceTimersByTimeAsync(1_000);
      const chunks = await collect(await pending);
      expect(text(chunks)).toBe(WORDS.join(''));
      // random() = 0.5 → three quarters of 10, 20, 40 ms.
      const expected = [0, 1, 2].map((attempt) => backoffDelay(attempt, { initialMs: 10, maxMs: 80, random: () => 0.5 }));
      expect(expected).toEqual([8, 15, 30]);
      expect(times.map((t) => t - start)).toEqual([0, 8, 23, 53]);
      expect(new Set(calls.map((call) => JSON.parse(call.body!).message.id))).toEqual(new Set([USER.id]));
      expect(unreachable).toHaveBeenCalledTimes(3);
    } finally {
      jest.useRealTimers();
    }
  });

  it('caps the backoff and spreads it with jitter', () => {
    expect(backoffDelay(0, { random: () => 0 })).toBe(250);
    expect(backoffDelay(0, { random: () => 1 })).toBe(500);
    expect(backoffDelay(10, { random: () => 0 })).toBe(4_000);
    expect(backoffDelay(10, { random: () => 1 })).toBe(8_000);
  });

  it('does not resume after a Stop (abort), and the Stop reaches the server with the bearer header', async () => {
    const controller = new AbortController();
    const events = replyEvents();
    const { transport, calls } = transportWith((call) => (call.url.endsWith('/stop') ? new Response(null, { status: 204 }) : sse(events.slice(0, 3).map(frame), 'hang')));
    const stream = await send(transport, controller.signal);
    const reader = stream.getReader();
    await reader.read();
    controller.abort();
    await transport.stopReply(CHAT);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual(['POST /api/v1/chat', `POST /api/v1/chat/${CHAT}/stop`]);
    expect(calls[1]!.headers.get('authorization')).toBe('Bearer v1.token');
  });

  it('drops a duplicate (409 duplicate) and reports it; waits out a busy conversation (409 busy) and sends again', async () => {
    const duplicate = jest.fn();
    const historyChanged = jest.fn();
    const refusal = (reason: string) => Response.json({ error: { code: 'conflict:chat', message: 'Busy.', details: { reason } } }, { status: 409 });
    const first = transportWith(() => refusal('duplicate'), { duplicate });
    expect(await collect(await send(first.transport))).toEqual([]);
    expect(duplicate).toHaveBeenCalledWith(CHAT, USER.id);

    const second = transportWith(
      (call, index) => {
        if (index === 0) return refusal('busy');
        if (call.method === 'GET') return sse(replyEvents('someone-else').map(frame));
        return sse(replyEvents().map(frame));
      },
      { historyChanged },
    );
    const chunks = await collect(await send(second.transport));
    expect(text(chunks)).toBe(WORDS.join(''));
    expect(second.calls.map((call) => call.method)).toEqual(['POST', 'GET', 'POST']);
    expect(historyChanged).toHaveBeenCalledTimes(1);
  });

  it('throws other refusals as typed errors the banner can read', async () => {
    const { transport } = transportWith(() => Response.json({ error: { code: 'rate_limited:chat', message: 'Slow down.', details: { retryAfterSeconds: 4 } } }, { status: 429 }));
    await expect(send(transport)).rejects.toMatchObject({ statusCode: 429, message: 'Slow down.' });
  });

  it('renews a refused session once (401)', async () => {
    const onSessionRefused = jest.fn();
    const { transport, calls } = transportWith((_call, index) => (index === 0 ? new Response(null, { status: 401 }) : sse(replyEvents().map(frame))), {}, { onSessionRefused });
    expect(text(await collect(await send(transport)))).toBe(WORDS.join(''));
    expect(onSessionRefused).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(2);
  });

  it('after a reload replays the reply in flight from its start, or answers null (204, or already on the page)', async () => {
    const answered = new Set<string>();
    const events: TransportEvents = { isTurnAnswered: (turnId) => answered.has(turnId) };
    const live = transportWith(() => sse(replyEvents().map(frame)), events);
    const replay = await live.transport.reconnectToStream({ chatId: CHAT });
    expect(text(await collect(replay!))).toBe(WORDS.join(''));
    expect(live.calls[0]!.headers.get('last-event-id')).toBeNull();

    answered.add(USER.id);
    expect(await live.transport.reconnectToStream({ chatId: CHAT })).toBeNull();

    const none = transportWith(() => new Response(null, { status: 204 }));
    expect(await none.transport.reconnectToStream({ chatId: CHAT })).toBeNull();
  });
});
