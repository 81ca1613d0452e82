import type { RateLimitRule } from '@/lib/config';

export interface LimitResult {
  success: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms when the window that decided this ends. */
  reset: number;
}

/**
 * An in-process sliding window with the same arithmetic as @upstash/ratelimit's slidingWindow (current window's count
 * plus the previous window's, weighted by how much of it still overlaps). Used by the in-memory mode, and as the
 * backstop when Redis is unreachable, so an outage never means "no limit at all".
 */
export function createLocalLimiter({ maxKeys = 50_000 }: { maxKeys?: number } = {}) {
  const counts = new Map<string, { window: number; current: number; previous: number }>();

  return {
    limit(key: string, rule: RateLimitRule, now = Date.now()): LimitResult {
      const window = Math.floor(now / rule.windowMs);
      let entry = counts.get(key);
      if (!entry || entry.window < window - 1) entry = { window, current: 0, previous: 0 };
      else if (entry.window === window - 1) entry = { window, current: 0, previous: entry.current };
      const overlap = 1 - (now % rule.windowMs) / rule.windowMs;
      const weighted = Math.floor(overlap * entry.previous);
      const reset = (window + 1) * rule.windowMs;
      if (weighted + entry.current >= rule.count) {
        counts.set(key, entry);
        return { success: false, limit: rule.count, remaining: 0, reset };
      }
      entry.current += 1;
      // Re-inserting keeps the Map in recency order, so the oldest keys go first when it is full.
      counts.delete(key);
      counts.set(key, entry);
      if (counts.size > maxKeys) {
        const oldest = counts.keys().next().value;
        if (oldest !== undefined) counts.delete(oldest);
      }
      return { success: true, limit: rule.count, remaining: Math.max(0, rule.count - weighted - entry.current), reset };
    },
    /** Takes back one request counted by `limit` (the request was refused elsewhere, so it does not use the window). */
    release(key: string, rule: RateLimitRule, now = Date.now()): void {
      const entry = counts.get(key);
      if (entry && entry.window === Math.floor(now / rule.windowMs) && entry.current > 0) entry.current -= 1;
    },
  };
}

export type LocalLimiter = ReturnType<typeof createLocalLimiter>;
