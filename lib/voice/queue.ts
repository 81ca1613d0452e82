import 'server-only';
import { AppError } from '@/lib/errors';

export interface KeyedQueue {
  /**
   * Waits for the key's single slot and returns its release function (call it exactly once, when the work is done).
   * Throws `rate_limited:voice` when `maxWaiting` callers already wait for the key, or the signal's reason when aborted
   * while waiting (the waiter leaves the queue).
   */
  acquire(key: string, signal?: AbortSignal): Promise<() => void>;
  /** Callers waiting (not counting the one holding the slot). */
  waiting(key: string): number;
}

interface Waiter {
  grant: () => void;
}

/**
 * One-at-a-time per key, first come first served, with a bounded wait list. Smallest.ai allows one request in flight
 * per account and answers a second with 429: queueing here turns a burst of sentences into back-to-back calls instead
 * of a storm of retries, and the bound turns an overload into a prompt typed error instead of an ever-growing wait.
 */
export function createKeyedQueue({ maxWaiting }: { maxWaiting: number }): KeyedQueue {
  const busy = new Set<string>();
  const queues = new Map<string, Waiter[]>();

  const releaseFor = (key: string) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queues.get(key)?.shift();
      if (queues.get(key)?.length === 0) queues.delete(key);
      if (next) next.grant();
      else busy.delete(key);
    };
  };

  return {
    acquire(key, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (!busy.has(key)) {
        busy.add(key);
        return Promise.resolve(releaseFor(key));
      }
      const list = queues.get(key) ?? [];
      if (list.length >= maxWaiting) {
        return Promise.reject(new AppError('rate_limited:voice', 'Speech is busy right now; try again in a moment.'));
      }
      queues.set(key, list);
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          const index = list.indexOf(waiter);
          if (index !== -1) list.splice(index, 1);
          if (list.length === 0 && queues.get(key) === list) queues.delete(key);
          reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
        };
        const waiter: Waiter = {
          grant: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve(releaseFor(key));
          },
        };
        list.push(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    waiting: (key) => queues.get(key)?.length ?? 0,
  };
}
