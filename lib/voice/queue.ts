import 'server-only';
import { AppError } from '@/lib/errors';
import { createConcurrencyGate, type ConcurrencyGate, type Release } from '@/lib/security/concurrency';

export interface KeyedQueue {
  /**
   * Waits for the key's single slot and returns its release function (call it exactly once, when the work is done).
   * Throws `rate_limited:voice` when `maxWaiting` callers already wait for the key, or `maxWaitingPerVisitor` of the
   * same visitor do; the signal's reason when aborted while waiting (the waiter leaves the queue).
   */
  acquire(key: string, options?: { signal?: AbortSignal; visitor?: string }): Promise<Release>;
  /** Callers waiting (not counting the one holding the slot). */
  waiting(key: string): number;
}

/**
 * One at a time per key, with a bounded wait list served round-robin across visitors. Smallest.ai allows one request in
 * flight per account and answers a second with 429: queueing here turns a burst of sentences into back-to-back calls
 * instead of a storm of retries; the visitor rotation keeps one prospect's long reply from holding everyone else's
 * first sentence; the bounds turn an overload into a prompt typed error instead of an ever-growing wait.
 */
export function createKeyedQueue({ maxWaiting, maxWaitingPerVisitor = maxWaiting }: { maxWaiting: number; maxWaitingPerVisitor?: number }): KeyedQueue {
  const gates = new Map<string, ConcurrencyGate>();
  const refusal = () => new AppError('rate_limited:voice', 'Speech is busy right now; try again in a moment.', { headers: { 'retry-after': '1' } });

  const gateFor = (key: string) => {
    let gate = gates.get(key);
    if (!gate) {
      gate = createConcurrencyGate({ name: 'speech-provider', max: 1, queueMax: maxWaiting, queuePerKey: maxWaitingPerVisitor, queueTimeoutMs: 0, surface: 'voice', refusal });
      gates.set(key, gate);
    }
    return gate;
  };

  return {
    acquire: (key, { signal, visitor } = {}) => gateFor(key).acquire({ key: visitor, signal }),
    waiting: (key) => gates.get(key)?.stats().waiting ?? 0,
  };
}
