/**
 * Requests to the public API (/api/v1, not admin) for route handlers called directly, as a visitor with a signed
 * session sends them (see visitor.ts), and the typed error or SSE frames read back from their responses.
 */
import { getConversationStore } from '@/lib/store';
import { readSseFrames } from '@/lib/voice/sse-frames';
import { visitorHeaders } from './visitor';

export const API_ORIGIN = 'http://localhost';

/**
 * The public API's route modules, imported when called: after the test has set its environment (the config is read
 * once, on first use). `({ chat, history } = await publicRoutes())` in a `beforeAll`.
 */
export async function publicRoutes() {
  const [chat, history, stream, stop, feedback, session, identify, transcribe, tts] = await Promise.all([
    import('@/app/api/v1/chat/route'),
    import('@/app/api/v1/chat/[id]/route'),
    import('@/app/api/v1/chat/[id]/stream/route'),
    import('@/app/api/v1/chat/[id]/stop/route'),
    import('@/app/api/v1/chat/[id]/feedback/route'),
    import('@/app/api/v1/session/route'),
    import('@/app/api/v1/identify/route'),
    import('@/app/api/v1/transcribe/route'),
    import('@/app/api/v1/tts/route'),
  ]);
  return { chat, history, stream, stop, feedback, session, identify, transcribe, tts };
}
export type PublicRoutes = Awaited<ReturnType<typeof publicRoutes>>;

/** Who sends a request: the visitor's `authorization` header (visitorHeaders() gives it). */
export type Sender = { authorization: string };

/** The context Next passes to the handlers of /api/v1/chat/[id]/…. */
export type IdContext = { params: Promise<{ id: string }> };
export const at = (id: string): IdContext => ({ params: Promise.resolve({ id }) });

/** A user message as the chat client sends it (the AI SDK's UI message). */
export const userMessage = (text: string, id = `m-${Math.random().toString(36).slice(2)}`) => ({ id, role: 'user', parts: [{ type: 'text', text }] });

export type TypedError = { code: string; message: string; details?: Record<string, unknown> };
/** The `error` of a typed error response. */
export const errorOf = async (response: Response): Promise<TypedError> => ((await response.json()) as { error: TypedError }).error;

/**
 * A JSON body as sent: strings, bytes and streams as they are (to send malformed or trickled bodies), anything else as
 * JSON; a stream is sent half-duplex, as fetch requires.
 */
const bodyOf = (body: unknown): RequestInit =>
  body instanceof ReadableStream
    ? ({ body, duplex: 'half' } as RequestInit)
    : { body: typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body) };

/** POST /api/v1/chat. */
export function chatRequest(as: Sender, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${API_ORIGIN}/api/v1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: as.authorization, ...headers },
    ...bodyOf(body),
  });
}

/** POST /api/v1/identify (`SalesAgent.identify()` relayed by the embed). */
export function identifyRequest(as: Sender, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${API_ORIGIN}/api/v1/identify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: as.authorization, ...headers },
    ...bodyOf(body),
  });
}

/** POST /api/v1/session, with no body unless one is given (then as JSON unless the headers say otherwise). */
export function sessionRequest(body?: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${API_ORIGIN}/api/v1/session`, {
    method: 'POST',
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : bodyOf(body)),
  });
}

/** GET (or DELETE) /api/v1/chat/:id. */
export function historyRequest(id: string, as: Sender, method: 'GET' | 'DELETE' = 'GET', headers: Record<string, string> = {}): Request {
  return new Request(`${API_ORIGIN}/api/v1/chat/${id}`, { method, headers: { authorization: as.authorization, ...headers } });
}

/** GET /api/v1/chat/:id/stream, a reconnect after the event `lastEventId`. */
export function resumeRequest(id: string, as: Sender, lastEventId = '0', headers: Record<string, string> = {}): Request {
  return new Request(`${API_ORIGIN}/api/v1/chat/${id}/stream`, { headers: { authorization: as.authorization, 'last-event-id': lastEventId, ...headers } });
}

/** POST /api/v1/transcribe with a recording (bytes or a stream) of the declared type. */
export function transcribeRequest(as: Sender, body: BodyInit, type = 'audio/webm;codecs=opus', headers: Record<string, string> = {}, path = '/api/v1/transcribe?language=en'): Request {
  return new Request(`${API_ORIGIN}${path}`, {
    method: 'POST',
    headers: { authorization: as.authorization, 'content-type': type, ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

/** POST /api/v1/tts. */
export function ttsRequest(as: Sender, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${API_ORIGIN}/api/v1/tts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: as.authorization, ...headers },
    ...bodyOf(body),
  });
}

export type SseFrame = { event: string; data: Record<string, unknown> };

/** The named SSE frames of a 200 event-stream response (the speech route's), their data parsed as JSON. */
export async function sseFrames(response: Response): Promise<SseFrame[]> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const out: SseFrame[] = [];
  for await (const frame of readSseFrames(response.body!)) out.push({ event: frame.event, data: JSON.parse(frame.data) as Record<string, unknown> });
  return out;
}

/** A sliding window lets a little more through just after a new one starts: a burst is kept inside one window. */
export async function stayInsideOneWindow(needMs = 10_000): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 60_000 - needMs) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 200));
}

/**
 * A new visitor takes conversation `id` as their first message would on another instance that has not written a batch
 * yet (the store's claim): they own it now, and a resume of it is theirs to make.
 */
export async function strangerTakingOver(id: string): Promise<{ authorization: string; visitorId: string }> {
  const stranger = await visitorHeaders();
  const load = await getConversationStore().loadTurn({ id, visitorId: stranger.visitorId, day: new Date().toISOString().slice(0, 10) });
  expect(load.owner).toBe(stranger.visitorId);
  return stranger;
}
