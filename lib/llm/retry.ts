import 'server-only';
import { APICallError, type LanguageModelMiddleware } from 'ai';

/**
 * Retries for the OpenAI boundary. The AI SDK's own retry treats every 429 alike, but `insufficient_quota` will not
 * clear by waiting (CONTRACTS.md): retrying it only delays the error the prospect sees. So the reply's tool loop
 * (lib/llm/step-loop.ts) never retries and this middleware decides.
 */
export interface RetryPolicy {
  maxRetries: number;
  /** First backoff when the server gives no retry-after; doubles per attempt. */
  initialDelayMs?: number;
  /** A retry-after longer than this is not worth holding a chat turn open for: fail instead. */
  maxDelayMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function isQuotaError(error: APICallError): boolean {
  return /insufficient_quota/.test(error.responseBody ?? '');
}

export function isRetryable(error: unknown): error is APICallError {
  return APICallError.isInstance(error) && error.isRetryable && !isQuotaError(error);
}

/** retry-after-ms, then retry-after (seconds or an HTTP date), else exponential backoff. */
export function retryDelayMs(error: APICallError, attempt: number, initialDelayMs: number): number {
  const headers = error.responseHeaders ?? {};
  const milliseconds = Number.parseFloat(headers['retry-after-ms'] ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const retryAfter = headers['retry-after'];
  if (retryAfter) {
    const seconds = Number.parseFloat(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  return initialDelayMs * 2 ** attempt;
}

export async function withRetries<T>(call: () => PromiseLike<T>, policy: RetryPolicy, signal?: AbortSignal): Promise<T> {
  const { maxRetries, initialDelayMs = 500, maxDelayMs = 20_000, sleep = abortableSleep } = policy;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= maxRetries || !isRetryable(error) || signal?.aborted) throw error;
      const delay = retryDelayMs(error, attempt, initialDelayMs);
      if (delay > maxDelayMs) throw error;
      await sleep(delay, signal);
    }
  }
}

export function retryMiddleware(policy: RetryPolicy): LanguageModelMiddleware {
  return {
    specificationVersion: 'v4',
    wrapStream: ({ doStream, params }) => withRetries(doStream, policy, params.abortSignal),
    wrapGenerate: ({ doGenerate, params }) => withRetries(doGenerate, policy, params.abortSignal),
  };
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
