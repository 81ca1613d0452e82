import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { errorResponse } from '@/lib/http';
import { processSingleton } from '@/lib/process-singleton';

/**
 * Route handlers the Node server answers itself, before Next.js routes the request (docs/performance.md, "Hot path").
 * Next.js's own request path — its router, the route module's wrappers, tracing — costs ~2 ms and ~3 ms of CPU per
 * request on these machines, more than the rest of a chat turn's set-up; the chat's POST (time to first token) and the
 * speech's POST (time to first audio) are the requests where that is on the prospect's critical path, so `next start`
 * serves them from here.
 *
 * The handler is the route module's own exported function (instrumentation.ts registers it), so both paths run the
 * same code: a platform without a Node server of ours (Vercel's functions) gets the route handler through Next.js, and
 * route tests call it directly. Only an exact method and path match (query strings allowed) is taken; anything else —
 * other methods, the unversioned alias, `/api/v1/chat/…` — goes to Next.js as before. The security headers and the
 * peer address are applied by lib/security/http-hooks.ts before this runs, as for every request.
 */
export type WebHandler = (request: Request) => Promise<Response>;

interface FastRoutes {
  handlers: Map<string, WebHandler>;
}

const routes = (): FastRoutes => processSingleton('fast-routes', () => ({ handlers: new Map<string, WebHandler>() }));
const keyOf = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** Serves `method path` with `handler` from the Node server's request hook (once per process; the last one wins). */
export function registerFastRoute(method: string, path: string, handler: WebHandler): void {
  routes().handlers.set(keyOf(method, path), handler);
}

/** The handler for this request, if it is one of the fast routes. */
export function fastRouteFor(request: IncomingMessage): WebHandler | undefined {
  const { handlers } = routes();
  if (handlers.size === 0 || !request.method || !request.url) return undefined;
  const queryAt = request.url.indexOf('?');
  const path = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  return handlers.get(keyOf(request.method, path));
}

const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The Web `Request` a route handler expects, for a Node request (its body streamed, not read ahead). Its `signal`
 * aborts when the client goes away before the answer is finished, as Next.js's does: a handler still waiting (a speech
 * request queued for the provider) lets go of what it holds.
 */
export function toWebRequest(request: IncomingMessage, { https, signal }: { https: boolean; signal?: AbortSignal }): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const method = request.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  // A Host header that is not a host (a client can send anything) must not make the URL unparsable or point elsewhere.
  const host = request.headers.host && HOST.test(request.headers.host) ? request.headers.host : 'localhost';
  return new Request(`${https ? 'https' : 'http'}://${host}${request.url ?? '/'}`, {
    method,
    headers,
    ...(signal ? { signal } : {}),
    ...(hasBody ? { body: Readable.toWeb(request) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * Writes a Web `Response` to a Node response, streaming its body with back-pressure. A client that goes away cancels
 * the body's reader (the chat turn itself keeps running to its end and stores the reply: lib/chat/relay.ts).
 */
export async function writeWebResponse(response: Response, target: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  target.writeHead(response.status, response.statusText || undefined, headers);
  if (!response.body) {
    target.end();
    return;
  }
  const reader = response.body.getReader();
  let gone = false;
  const onClose = () => {
    if (target.writableFinished) return;
    gone = true;
    void reader.cancel().catch(() => undefined);
  };
  target.once('close', onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || gone) break;
      // Flushed at once (an SSE event must not wait in a buffer); waits for 'drain' when the client reads slowly.
      if (!target.write(value)) await new Promise<void>((resolve) => {
        const settle = () => {
          target.off('drain', settle);
          target.off('close', settle);
          resolve();
        };
        target.once('drain', settle);
        target.once('close', settle);
      });
    }
  } catch (error) {
    // The body failed mid-stream (the handler's own errors are already typed events): end the response as Node would.
    console.error('[fast-routes] the response body failed', error);
    target.destroy(error instanceof Error ? error : undefined);
    return;
  } finally {
    target.off('close', onClose);
  }
  if (!gone) target.end();
}

/** Answers a request with a fast route's handler; an unexpected failure becomes the API's typed 500. */
export async function serveFastRoute(handler: WebHandler, request: IncomingMessage, response: ServerResponse, { https }: { https: boolean }): Promise<void> {
  let answer: Response;
  const gone = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) gone.abort(new Error('the client went away'));
  });
  let webRequest: Request | undefined;
  try {
    webRequest = toWebRequest(request, { https, signal: gone.signal });
    answer = await handler(webRequest);
  } catch (error) {
    // Worded in the request's language (Accept-Language, the `lang` cookie), as every other API error is.
    answer = errorResponse(error, webRequest);
  }
  if (response.headersSent) return;
  // Answered before its body was read to the end (refused on its headers, or too large): the rest of the body would
  // stay in the connection and corrupt the next request on it. Close it after this answer, as HTTP allows (Next.js's
  // path drains the body instead, which would let a client make the server read any amount it sends).
  if (!request.readableEnded) response.setHeader('connection', 'close');
  await writeWebResponse(answer, response);
}
