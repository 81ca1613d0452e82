import 'server-only';
import { Redis, type Requester, type UpstashRequest, type UpstashResponse } from '@upstash/redis';
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
    // A store that accepts the connection but never answers must not hold a chat turn: every request has a deadline.
    signal: () => AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const holder = redis as unknown as { client: Requester };
  const http = holder.client;
  const checked: Requester = Object.create(http as object) as Requester;
  checked.request = async <TResult>(request: UpstashRequest): Promise<UpstashResponse<TResult>> =>
    checkReply(await http.request<TResult>(request));
  holder.client = checked;
  return redis;
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

/** The process's client for a given database (one per url+token). */
export function getRedisClient(options: { url: string; token: string }): Redis {
  return processSingleton(`redis:${options.url}:${options.token.slice(0, 8)}`, () => createRedisClient(options));
}
