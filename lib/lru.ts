/**
 * A small in-process LRU with a byte budget and a TTL: the speech cache's front (the greeting and the phrases the agent
 * says on every visit, served without a round trip to Redis) and the token counts of prompt blocks
 * (lib/sales/context.ts). Map iteration order is insertion order, so re-inserting on read keeps the least recently
 * used entry first. (Small enough not to be worth a dependency.)
 */
export interface Lru<V> {
  get(key: string): V | undefined;
  set(key: string, value: V, size: number): void;
  clear(): void;
  readonly size: number;
}

export function createLru<V>(options: { maxEntries: number; maxBytes: number; ttlMs: number; clock?: () => number }): Lru<V> {
  const clock = options.clock ?? Date.now;
  const entries = new Map<string, { value: V; size: number; expiresAt: number }>();
  let bytes = 0;

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.size;
    entries.delete(key);
  };

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= clock()) {
        remove(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, size) {
      remove(key);
      if (size > options.maxBytes || options.ttlMs <= 0) return;
      entries.set(key, { value, size, expiresAt: clock() + options.ttlMs });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (entries.size <= options.maxEntries && bytes <= options.maxBytes) break;
        remove(oldest);
      }
    },
    clear() {
      entries.clear();
      bytes = 0;
    },
    get size() {
      return entries.size;
    },
  };
}
