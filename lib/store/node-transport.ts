import 'server-only';
import http from 'node:http';
import https from 'node:https';
import { keepAliveAgents } from '@/lib/node-fetch';
import { StoreTimeoutError, type Post, type PostReply } from './transport';

/**
 * The store's transport on Node (registered by instrumentation.ts; lib/store/transport.ts): `node:http` rather than
 * `fetch`. The runtime's fetch (undici) builds WHATWG `Request`, `Headers` and `Response` objects and a web stream for
 * each body; for these small JSON requests that was ~0.55 ms of CPU each, against ~0.2 ms here, and 1.7 ms against
 * 1.0 ms from a quiet start (a probe of the Upstash bridge, docs/performance.md "session 11"). A chat turn makes six.
 *
 * The agents are the process's (lib/node-fetch.ts `keepAliveAgents`): every bundle's store client shares their
 * connections. Node's agent closes an idle connection a second before the `Keep-Alive: timeout` the server announced,
 * so a reused connection is not one the server is closing. Node-only: never imported by a route handler.
 */

/** POSTs `body` to `url` and reads the whole reply as UTF-8 text, within `timeoutMs` from the call. */
export const nodePost: Post = (url, headers, body, timeoutMs) => {
  const secure = url.protocol === 'https:';
  const send = secure ? https.request : http.request;
  return new Promise<PostReply>((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | undefined, reply?: PostReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(reply as PostReply);
    };
    const request = send(
      url,
      { method: 'POST', agent: secure ? keepAliveAgents().https : keepAliveAgents().http, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => {
          const replyHeaders = response.headers;
          settle(undefined, {
            status: response.statusCode ?? 0,
            body: text,
            header: (name) => {
              const value = replyHeaders[name];
              return Array.isArray(value) ? value.join(', ') : value;
            },
          });
        });
        response.on('error', (error) => settle(error));
        response.on('close', () => {
          if (!response.complete) settle(new Error('The store closed the connection before its reply ended'));
        });
      },
    );
    const timer = setTimeout(() => {
      const error = new StoreTimeoutError(timeoutMs);
      settle(error);
      request.destroy(error);
    }, timeoutMs);
    request.on('error', (error) => settle(error));
    request.end(body);
  });
};
