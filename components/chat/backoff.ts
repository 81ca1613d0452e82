export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  /** Injected in tests; Math.random otherwise. */
  random?: () => number;
}

/**
 * The wait before retry number `attempt` (0-based): doubling from `initialMs` up to `maxMs`, with "equal jitter" — half
 * of it fixed, half random — so a thousand pages that lost the same server do not come back in the same millisecond,
 * and no page retries in a tight loop.
 */
export function backoffDelay(attempt: number, { initialMs = 500, maxMs = 8000, random = Math.random }: BackoffOptions = {}): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Waits `ms`, ending early (resolving) when `wake` fires — the network came back, the prospect pressed "Try now" —
 * and rejecting with an AbortError when `signal` aborts.
 */
export function sleep(ms: number, signal?: AbortSignal, wake?: (resume: () => void) => () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
      return;
    }
    let unsubscribe: () => void = () => undefined;
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      unsubscribe();
    };
    const onAbort = () => {
      done();
      reject(signal?.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (wake) {
      unsubscribe = wake(() => {
        done();
        resolve();
      });
    }
  });
}
