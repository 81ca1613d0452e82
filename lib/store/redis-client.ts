import 'server-only';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { Redis, errors, type Requester, type UpstashRequest, type UpstashResponse } from '@upstash/redis';
import { processSingleton } from '@/lib/process-singleton';

/**
 * The one Upstash client of the process, shared by the conversation store, the speech cache and the rate limiters,
 * so their commands can share HTTP connections (and auto-pipelined batches).
 *
 * Every reply is checked: an `error` field — even an empty one, which a proxy in front of a dead redis-server can
 * send — is an error. @upstash/redis only throws on a truthy error and would otherwise hand back `undefined` as if it
 * were a result (a missing conversation, a passed rate limit).
 */
/** Deadline of one HTTP request to the store (a pipeline is one request). */
const REQUEST_TIMEOUT_MS = 2_500;

export function createRedisClient(options: { url: string; token: string; retries?: number; autoPipeline?: boolean }): Redis {
  const redis = new Redis({
    url: options.url,
    token: options.token,
    // Fail fast: a chat turn should report an outage in ~100 ms, not after the client's default 5 backoff retries.
    retry: { retries: options.retries ?? 2, backoff: () => 50 },
    // We parse stored JSON ourselves, so titles like "123" stay strings and corrupt entries can be skipped.
    automaticDeserialization: false,
    enableTelemetry: false,
    enableAutoPipelining: options.autoPipeline ?? false,
  });
  (redis as unknown as { client: Requester }).client = createRequester({ url: options.url, token: options.token, retries: options.retries ?? 2 });
  return redis;
}

/**
 * The Upstash REST transport, in place of @upstash/redis's own HTTP client: the same requests, retries, deadline and
 * read-your-writes token, but over `node:http`/`node:https` with a keep-alive agent rather than `fetch`, and without
 * base64 replies (the client's default `Upstash-Encoding: base64` has every string of every reply — a whole
 * conversation on each turn — decoded character by character in JavaScript; the app stores only UTF-8 text).
 * Why not `fetch`: each call builds a WHATWG Request, Headers, Response and a body stream, ~0.2 ms of CPU per request
 * more than `node:http` on the 2-core machine (measured side by side, docs/performance.md), and a chat turn makes six;
 * Next.js's patched `fetch` cost more again. The store is only used on the Node.js runtime.
 */
function createRequester(options: { url: string; token: string; retries: number }): Requester {
  const base = options.url.replace(/\/$/, '');
  const headers = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };
  const requester: Requester = {
    readYourWrites: true,
    upstashSyncToken: '',
    request: async <TResult>(request: UpstashRequest): Promise<UpstashResponse<TResult>> => {
      const url = new URL(request.path && request.path.length > 0 ? `${base}/${request.path.join('/')}` : base);
      const body = JSON.stringify(request.body);
      let response: StoreResponse | undefined;
      let failure: unknown;
      for (let attempt = 0; attempt <= options.retries; attempt++) {
        const sent: Record<string, string> = { ...headers, ...request.headers };
        if (requester.readYourWrites && requester.upstashSyncToken) sent['upstash-sync-token'] = requester.upstashSyncToken;
        try {
          response = await post(url, sent, body, REQUEST_TIMEOUT_MS);
          break;
        } catch (error) {
          // Past the deadline: no retry (a store that never answers must not hold the turn three times as long).
          if (error instanceof StoreTimeoutError) throw error;
          failure = error;
          if (attempt < options.retries) await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      if (!response) throw failure ?? new Error('Exhausted all retries');
      let parsed: unknown;
      try {
        parsed = JSON.parse(response.text);
      } catch (error) {
        throw new errors.UpstashJSONParseError(response.text, { cause: error });
      }
      if (response.status < 200 || response.status >= 300) throw new errors.UpstashError(`${(parsed as { error?: unknown } | null)?.error}, command was: ${body}`);
      if (requester.readYourWrites) requester.upstashSyncToken = headerValue(response.headers['upstash-sync-token']);
      return checkReply(parsed as UpstashResponse<TResult>);
    },
  };
  return requester;
}

interface StoreResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

class StoreTimeoutError extends Error {
  constructor(ms: number) {
    super(`The store did not answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

const headerValue = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

/**
 * Keep-alive agents, one per protocol for the process. Idle sockets are closed after 4 s, before a server's usual 5 s
 * keep-alive ends, so a request is not written to a socket the other side is closing (as undici's fetch does).
 */
const agents = processSingleton('store-http-agents', () => ({
  http: new http.Agent({ keepAlive: true, timeout: 4_000 }),
  https: new https.Agent({ keepAlive: true, timeout: 4_000 }),
}));

/** One POST, its whole reply read as UTF-8; rejects with StoreTimeoutError past `timeoutMs`. */
function post(url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<StoreResponse> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const request = (secure ? https : http).request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      agent: secure ? agents.https : agents.http,
    });
    const timer = setTimeout(() => request.destroy(new StoreTimeoutError(timeoutMs)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    request.on('error', fail);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', fail);
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.end(body);
  });
}

/** Turns an empty error (single reply or any pipeline entry) into a non-empty one, so the client throws on it. */
export function checkReply<T>(reply: T): T {
  const fix = (entry: unknown) => {
    if (entry && typeof entry === 'object' && 'error' in entry) {
      const error = (entry as { error: unknown }).error;
      if (error !== undefined && error !== null && (typeof error !== 'string' || error.trim() === '')) {
        (entry as { error: unknown }).error = 'ERR the store sent an empty error reply';
      }
    }
  };
  if (Array.isArray(reply)) reply.forEach(fix);
  else if (reply && typeof reply === 'object' && 'error' in reply && (reply as { error: unknown }).error !== undefined) {
    fix(reply);
  } else if (reply === null || reply === undefined || typeof reply !== 'object') {
    throw new Error('ERR the store sent an empty reply');
  }
  return reply;
}

/**
 * The process's client for a given database (one per url+token). Auto-pipelined: the commands a turn issues in the
 * same tick (the conversation load and the turn lock) share one HTTP request, each still answered on its own.
 */
export function getRedisClient(options: { url: string; token: string }): Redis {
  return processSingleton(`redis:${options.url}:${options.token.slice(0, 8)}`, () => createRedisClient({ ...options, autoPipeline: true }));
}
