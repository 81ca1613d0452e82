import 'server-only';
import { Ratelimit } from '@upstash/ratelimit';
import { getServerConfig, type RateLimitRule, type ServerConfig } from '@/lib/config';
import { AppError, type Surface } from '@/lib/errors';
import { publishEvent } from '@/lib/events/bus';
import { processSingleton } from '@/lib/process-singleton';
import { createRateLimitRedis } from '@/lib/store';
import { createLocalLimiter, type LimitResult, type LocalLimiter } from './local-limiter';

export type LimitName = 'chat' | 'tts' | 'transcribe' | 'session' | 'feedback' | 'read';

/** Who a limit is counted for: the visitor's session and the client's address, each with its own window. */
export interface LimitSubject {
  visitorId?: string;
  ip: string;
}

export interface LimitOutcome {
  /** Headers for the response (the IETF RateLimit-Policy / RateLimit fields), on success and on refusal. */
  headers: Record<string, string>;
  /** Set when the store could not be asked and the in-process backstop decided. */
  degraded: boolean;
}

interface Verdicts {
  results: LimitResult[];
  degraded: boolean;
}

interface Limiter {
  /**
   * Counts the request: `local` is this instance's own window, decided at once; `settled` is the full verdict (Redis
   * and the local window both), which is `local` itself when the local window refused or in the in-memory mode.
   */
  check(name: LimitName, rule: RateLimitRule, keys: string[]): { local: Verdicts; settled: Promise<Verdicts>; servedOnLocal(): void };
}

/**
 * Sliding-window limits per visitor and per address: @upstash/ratelimit on Redis (both keys in one auto-pipelined
 * HTTP request, running beside the conversation load), or in process in the in-memory mode. With Redis, the same
 * windows are also kept in process and a request must pass both: when Redis does not answer in time the in-process
 * count decides alone (fail open, but never more than the limit per instance).
 */
function createLimiter(config: ServerConfig): Limiter {
  const local = createLocalLimiter();
  if (config.store.provider === 'memory') {
    return {
      check: (name, rule, keys) => {
        const verdicts = { results: keys.map((key) => local.limit(`${name}:${key}`, rule)), degraded: false };
        return { local: verdicts, settled: Promise.resolve(verdicts), servedOnLocal: () => undefined };
      },
    };
  }
  const redis = createRateLimitRedis(config.store);
  const limiters = new Map<string, Ratelimit>();
  // Blocks exhausted identifiers in process until their window ends, without a Redis call (shared by all limiters).
  const ephemeralCache = new Map<string, number>();
  const limiterFor = (name: LimitName, rule: RateLimitRule) => {
    const id = `${name}:${rule.count}:${rule.windowMs}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new Ratelimit({
        redis,
        limiter: Ratelimit.slidingWindow(rule.count, `${rule.windowMs} ms`),
        prefix: `${config.store.prefix}rl:${name}`,
        ephemeralCache,
        analytics: false,
        // A slow store must not hold a turn: after this long the backstop decides (see below).
        timeout: 0,
      });
      limiters.set(id, limiter);
    }
    return limiter;
  };
  return {
    check(name, rule, keys) {
      const limiter = limiterFor(name, rule);
      // Every request is also counted in process, and must pass there too: this instance never lets more than the
      // limit through in a window, whatever Redis does. Under load a Redis answer can miss its deadline after Redis
      // has already counted the request, so deciding the late ones in process alone let twice the limit through.
      const localKeys = keys.map((key) => `${name}:${key}`);
      const localResults = localKeys.map((key) => local.limit(key, rule));
      const localVerdicts = { results: localResults, degraded: false };
      // A request served on the local verdict keeps its local count even when Redis refuses it (Redis does not count
      // what it refuses): otherwise such requests would be counted nowhere.
      let served = false;
      let released = false;
      const releaseLocal = () => {
        if (served) return;
        released = true;
        localKeys.forEach((key, index) => localResults[index]?.success && local.release(key, rule));
      };
      const servedOnLocal = () => {
        served = true;
        // Redis's refusal came first and gave the count back: it is taken again.
        if (released) localKeys.forEach((key) => local.limit(key, rule));
      };
      if (localResults.some((result) => !result.success)) {
        releaseLocal();
        return { local: localVerdicts, settled: Promise.resolve(localVerdicts), servedOnLocal };
      }
      // Asked in the next task, not this one: a chat turn that starts early sends its model request in the task that
      // reads the body (lib/chat/turn.ts, the speculative start), and building this request ahead of it delayed it by
      // ~1 ms (decompose.mjs: 8.7/8.9 → 7.5/7.0 ms from the client's send to the model request's arrival). A turn that
      // waits for the store waits for the conversation load too, which leaves only once the body is read.
      const ask = () => withTimeout(Promise.all(keys.map((key) => limiter.limit(key))), 1_500);
      const settled = new Promise<void>((resolve) => setImmediate(resolve)).then(ask).then(
        (results) => {
          if (results.some((result) => !result.success)) releaseLocal();
          return { results, degraded: false };
        },
        (error: unknown) => {
          logOnce(error);
          return { results: localResults, degraded: true };
        },
      );
      return { local: localVerdicts, settled, servedOnLocal };
    },
  };
}

let lastLogged = 0;
function logOnce(error: unknown): void {
  if (Date.now() - lastLogged < 30_000) return;
  lastLogged = Date.now();
  console.warn('[limits] Redis is not answering; limits are enforced in process until it is back:', error instanceof Error ? error.message : String(error));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function getLimiter(): Limiter {
  return processSingleton('rate-limiter', () => createLimiter(getServerConfig()));
}

const SURFACE: Record<LimitName, Surface> = { chat: 'chat', tts: 'voice', transcribe: 'transcribe', session: 'session', feedback: 'chat', read: 'history' };

/**
 * Counts a request against the named limit for its visitor and its address. Returns the headers to send; throws a
 * typed 429 with Retry-After when either window is full.
 */
export async function enforceRateLimit(name: LimitName, subject: LimitSubject, config: ServerConfig = getServerConfig()): Promise<LimitOutcome> {
  return beginRateLimit(name, subject, config).settled;
}

export interface PendingLimit {
  /** The full verdict (Redis and this instance's window): the headers, or a typed 429. */
  settled: Promise<LimitOutcome>;
  /**
   * This instance's window alone, decided when the request was counted: the headers, or throws the typed 429. For a
   * request that costs nothing upstream (a cached phrase), so that it need not wait for Redis; Redis still counts it,
   * so the visitor's next request that does cost is decided with it. Across N instances, up to N × the limit of such
   * requests can pass in a window.
   */
  local(): LimitOutcome;
}

/**
 * Counts a request now (in Redis too) and returns both verdicts (see PendingLimit). A caller uses one of them; the
 * other is never turned into an outcome (nor a refusal counted for the dashboard).
 */
export function beginRateLimit(name: LimitName, subject: LimitSubject, config: ServerConfig = getServerConfig()): PendingLimit {
  const rule = config.security.rateLimits[name];
  if (!rule) {
    const none = { headers: {}, degraded: false };
    return { settled: Promise.resolve(none), local: () => none };
  }
  const scopes: Array<{ label: string; key: string }> = [];
  if (subject.visitorId) scopes.push({ label: `${name}-visitor`, key: `v:${subject.visitorId}` });
  scopes.push({ label: `${name}-ip`, key: `ip:${subject.ip}` });
  const { local, settled, servedOnLocal } = getLimiter().check(name, rule, scopes.map((scope) => scope.key));
  const outcome = (verdicts: Verdicts) => limitOutcome(name, rule, scopes, subject, verdicts);
  // Made into an outcome only when asked for, so that the verdict a caller did not use is not counted as a refusal.
  let full: Promise<LimitOutcome> | undefined;
  return {
    get settled() {
      full ??= settled.then(outcome);
      return full;
    },
    local: () => {
      const decided = outcome(local);
      servedOnLocal();
      return decided;
    },
  };
}

/** The headers of a verdict, or the typed 429 it amounts to (counted for the dashboard). */
function limitOutcome(name: LimitName, rule: RateLimitRule, scopes: Array<{ label: string; key: string }>, subject: LimitSubject, { results, degraded }: Verdicts): LimitOutcome {
  const now = Date.now();
  const windowSeconds = Math.round(rule.windowMs / 1000);
  const headers = {
    'ratelimit-policy': scopes.map((scope) => `"${scope.label}";q=${rule.count};w=${windowSeconds}`).join(', '),
    'ratelimit': scopes
      .map((scope, i) => {
        const result = results[i];
        return `"${scope.label}";r=${Math.max(0, result?.remaining ?? 0)};t=${secondsUntil(result?.reset ?? now, now)}`;
      })
      .join(', '),
  };
  const refused = results.map((result, i) => ({ result, scope: scopes[i] })).filter(({ result }) => !result.success);
  if (refused.length > 0) {
    const retryAfter = Math.max(1, ...refused.map(({ result }) => secondsUntil(result.reset, now)));
    // Counted for the dashboard (which window refused: "chat-visitor", "tts-ip"…); the bus delivers after this task.
    if (name !== 'session') {
      publishEvent({ type: 'rate_limited', at: now, limit: refused[0]?.scope?.label ?? name, ...(subject.visitorId ? { visitorId: subject.visitorId } : {}) });
    }
    throw new AppError(`rate_limited:${SURFACE[name]}`, `Too many requests. You can continue in ${formatWait(retryAfter)}.`, {
      headers: { ...headers, 'retry-after': String(retryAfter) },
      details: { retryAfterSeconds: retryAfter, limit: rule.source },
    });
  }
  return { headers, degraded };
}

function secondsUntil(reset: number, now: number): number {
  return Math.max(0, Math.ceil((reset - now) / 1000));
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

export type { LocalLimiter };
