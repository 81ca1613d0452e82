import 'server-only';
import { Redis, errors, type Requester, type UpstashRequest, type UpstashResponse } from '@upstash/redis';
import { processSingleton } from '@/lib/process-singleton';
import { storeTransport, StoreTimeoutError, type PostReply } from './transport';

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

export function createRedisClient(options: { url: string; token: string; retries?: number; autoPipeline?: boolean; timeoutMs?: number }): Redis {
  const redis = new Redis({
    url: options.url,
    token: options.token,
    // Fail fast: a chat turn should report an outage in ~100 ms, not after the client's default 5 backoff retries.
    retry: { retries: options.retries ?? 2, backoff: () => 50 },
    // We parse stored JSON ourselves, so titles like "123" stay strings and corrupt entries can be skipped.
    automaticDeserialization: false,
    enableTelemetry: false,
    // Not yet: the auto-pipeline's proxy is built around a batch made with the library's own HTTP transport.
    enableAutoPipelining: false,
  });
  const requester = createRequester({ url: options.url, token: options.token, retries: options.retries ?? 2, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  (redis as unknown as { client: Requester }).client = requester;
  Object.defineProperty(redis, REQUESTER, { value: requester });
  // Now that every pipeline is made with our transport: the proxy that batches a tick's commands into one request.
  return options.autoPipeline ? (redis as unknown as { autoPipeline(): Redis }).autoPipeline() : redis;
}

const REQUESTER = Symbol.for('ai-sales-agent.store-requester');

/**
 * The transport of a client made by createRedisClient, for raw pipelines (lib/store/kv.ts). Not `redis.client`: through
 * the auto-pipeline's proxy that name reads the pending batch's client, which need not be this one.
 */
export function requesterOf(redis: Redis): Requester {
  const requester = (redis as unknown as { [REQUESTER]?: Requester })[REQUESTER];
  if (!requester) throw new Error('requesterOf: not a client made by createRedisClient');
  return requester;
}

/**
 * The Upstash REST transport, in place of @upstash/redis's own HTTP client: the same requests, retries, deadline and
 * read-your-writes token, but on the process's transport (lib/store/transport.ts: `node:http` on Node, else the
 * runtime's own fetch rather than Next.js's patched one), and without base64 replies (the client's default `Upstash-Encoding: base64` has
 * every string of every reply — a whole conversation on each turn — decoded character by character in JavaScript;
 * the app stores only UTF-8 text).
 */
function createRequester(options: { url: string; token: string; retries: number; timeoutMs?: number }): Requester {
  const base = options.url.replace(/\/$/, '');
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const headers = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };
  const requester: Requester = {
    readYourWrites: true,
    upstashSyncToken: '',
    request: async <TResult>(request: UpstashRequest): Promise<UpstashResponse<TResult>> => {
      const url = new URL(request.path && request.path.length > 0 ? `${base}/${request.path.join('/')}` : base);
      const body = JSON.stringify(request.body);
      let response: PostReply | undefined;
      let failure: unknown;
      for (let attempt = 0; attempt <= options.retries; attempt++) {
        const sent: Record<string, string> = { ...headers, ...request.headers };
        if (requester.readYourWrites && requester.upstashSyncToken) sent['upstash-sync-token'] = requester.upstashSyncToken;
        try {
          response = await storeTransport()(url, sent, body, timeoutMs);
          break;
        } catch (error) {
          // Past the deadline: no retry (a store that never answers must not hold the turn three times as long).
          if (error instanceof StoreTimeoutError) throw error;
          failure = error;
          if (attempt < options.retries) await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      if (!response) throw failure ?? new Error('Exhausted all retries');
      const raw = response.body;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch (error) {
        throw new errors.UpstashJSONParseError(raw, { cause: error });
      }
      if (response.status < 200 || response.status > 299) throw new errors.UpstashError(`${(parsed as { error?: unknown } | null)?.error}, command was: ${body}`);
      if (requester.readYourWrites) requester.upstashSyncToken = response.header('upstash-sync-token') ?? '';
      return checkReply(parsed as UpstashResponse<TResult>);
    },
  };
  return requester;
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
