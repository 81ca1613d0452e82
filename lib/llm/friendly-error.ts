import 'server-only';
import { APICallError } from 'ai';

/**
 * What a prospect reads when the model fails. Upstream messages can carry account details, request ids or stack
 * fragments, so none of their text is ever passed through: only the kind of failure picks the sentence.
 */
export type LlmFailureKind = 'busy' | 'unavailable' | 'timeout' | 'interrupted' | 'unknown';

export function classifyLlmError(error: unknown): LlmFailureKind {
  const apiError = findApiCallError(error);
  if (apiError) {
    const status = apiError.statusCode;
    if (/insufficient_quota/.test(apiError.responseBody ?? '')) return 'unavailable';
    if (status === 401 || status === 403 || status === 404) return 'unavailable';
    if (status === 429) return 'busy';
    if (status === 408) return 'timeout';
    // Other 4xx mean we sent something the API rejected; anything else (5xx, no status, a 200 whose body broke off) is the connection.
    if (status !== undefined && status >= 400 && status < 500) return 'unknown';
    return 'interrupted';
  }
  // By name, not instanceof: DOMException and errors from other realms (fetch, workers) fail instanceof Error checks.
  const name = typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string' ? (error as { name: string }).name : '';
  if (name === 'TimeoutError') return 'timeout';
  if (error instanceof TypeError || /terminated|socket|ECONNRESET|ECONNREFUSED|fetch failed|network/i.test(String(error))) {
    return 'interrupted';
  }
  return 'unknown';
}

export function friendlyErrorText(error: unknown, contactEmail: string): string {
  switch (classifyLlmError(error)) {
    case 'busy':
      return 'Our assistant is very busy right now. Please try again in a minute.';
    case 'unavailable':
      return `Our assistant is unavailable at the moment. Please try again later, or email us at ${contactEmail}.`;
    case 'timeout':
      return 'Our assistant took too long to answer. Please try again.';
    case 'interrupted':
      return 'Our assistant lost its connection while answering. Please try again.';
    case 'unknown':
      return `Sorry, something went wrong while answering. Please try again, or email us at ${contactEmail}.`;
  }
}

/** The AI SDK wraps exhausted retries (RetryError) and stream failures; the HTTP error is somewhere in the chain. */
function findApiCallError(error: unknown): APICallError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (APICallError.isInstance(current)) return current;
    const lastError = (current as { lastError?: unknown }).lastError;
    current = lastError ?? (current as { cause?: unknown }).cause;
  }
  return undefined;
}
