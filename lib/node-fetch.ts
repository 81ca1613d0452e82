import 'server-only';
import http from 'node:http';
import https from 'node:https';
import { processSingleton } from '@/lib/process-singleton';
import { runtimeFetch } from '@/lib/store/runtime-fetch';

/**
 * A `fetch` for the model's and the speech service's requests on `node:http` (registered by instrumentation.ts;
 * lib/outbound-fetch.ts): the request goes out from the call without undici's WHATWG `Request` and fetch controller,
 * on a kept-alive agent per process. Only what the OpenAI provider and the Smallest.ai client send is handled here — a
 * string or URL, a method, plain headers, a string body, a signal; anything else (a `Request`, a form body) goes to
 * the runtime's fetch.
 *
 * It answers as undici does where callers look: a failure before the response is a `TypeError('fetch failed')` with
 * the socket's error as its cause (the AI SDK makes it a retryable `APICallError`), an abort rejects or errors the
 * body with the signal's reason, and a connection lost mid-body errors it with `TypeError('terminated')`. No
 * `accept-encoding` is sent, so replies come uncompressed (undici would decompress them).
 */

/** The process's kept-alive agents, shared by the store's transport (lib/store/node-transport.ts) and this fetch. */
export const keepAliveAgents = () =>
  processSingleton('node-http-agents', () => ({
    http: new http.Agent({ keepAlive: true, scheduling: 'lifo' }),
    https: new https.Agent({ keepAlive: true, scheduling: 'lifo' }),
  }));

const NO_BODY_STATUS = new Set([101, 204, 205, 304]);

function plainHeaders(headers: RequestInit['headers']): Record<string, string> | undefined {
  if (headers === undefined) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = String(value);
  return out;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

export const nodeFetch: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : undefined;
  const headers = plainHeaders(init?.headers);
  const body = init?.body;
  if (!url || !headers || (body !== undefined && body !== null && typeof body !== 'string') || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return runtimeFetch(input, init);
  }
  const signal = init?.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  const secure = url.protocol === 'https:';
  const send = secure ? https.request : http.request;
  if (typeof body === 'string') headers['content-length'] = String(Buffer.byteLength(body));

  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    let fail: ((error: unknown) => void) | undefined;
    const request = send(url, { method: init?.method ?? 'GET', headers, agent: secure ? keepAliveAgents().https : keepAliveAgents().http }, (incoming) => {
      settled = true;
      const status = incoming.statusCode ?? 0;
      const replyHeaders = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (Array.isArray(value)) for (const one of value) replyHeaders.append(name, one);
        else if (value !== undefined) replyHeaders.set(name, value);
      }
      if (NO_BODY_STATUS.has(status)) {
        incoming.resume();
        resolve(new Response(null, { status, statusText: incoming.statusMessage ?? '', headers: replyHeaders }));
        return;
      }
      let ended = false;
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          fail = (error) => {
            if (ended) return;
            ended = true;
            controller.error(error);
            incoming.destroy();
          };
          incoming.on('data', (chunk: Buffer) => {
            if (ended) return;
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            if ((controller.desiredSize ?? 1) <= 0) incoming.pause();
          });
          incoming.on('end', () => {
            if (ended) return;
            ended = true;
            controller.close();
          });
          incoming.on('error', (error) => fail?.(new TypeError('terminated', { cause: error })));
          incoming.on('close', () => {
            if (!incoming.complete) fail?.(new TypeError('terminated', { cause: new Error('The connection closed before the body ended') }));
          });
        },
        pull() {
          incoming.resume();
        },
        cancel() {
          ended = true;
          incoming.destroy();
        },
      });
      resolve(new Response(stream, { status, statusText: incoming.statusMessage ?? '', headers: replyHeaders }));
    });
    const onAbort = () => {
      const reason = abortReason(signal as AbortSignal);
      if (!settled) {
        settled = true;
        reject(reason);
      } else fail?.(reason);
      request.destroy();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const forget = () => signal?.removeEventListener('abort', onAbort);
    request.on('response', (incoming) => incoming.on('close', forget));
    request.on('error', (error) => {
      forget();
      if (settled) return;
      settled = true;
      reject(new TypeError('fetch failed', { cause: error }));
    });
    request.end(typeof body === 'string' ? body : undefined);
  });
};
