import 'server-only';
import type { Redis } from '@upstash/redis';
import { AppError } from '@/lib/errors';
import { replyKeys } from './keys';

/**
 * Storage for replies in flight: the per-conversation turn lock and the resume buffer (batches of SSE events).
 * Upstash or process memory, same semantics. The producing and replaying logic is in lib/stream.
 */
export interface ReplyStore {
  readonly kind: 'upstash' | 'memory';
  /** Takes the conversation's turn lock if it is free; returns who holds it afterwards. One round trip. */
  tryLock(args: { id: string; value: string; ttlMs: number }): Promise<{ acquired: boolean; holder: string | null }>;
  /** Takes the lock from a holder known to be dead. */
  forceLock(args: { id: string; value: string; ttlMs: number }): Promise<void>;
  /** Frees the lock if `value` still holds it. */
  unlock(args: { id: string; value: string }): Promise<void>;
  /**
   * The first batch of a reply: points the conversation at it, starts its buffer afresh (a retried message reuses the
   * key) and gives it a TTL for a producer that dies.
   */
  begin(args: { id: string; turnId: string; batch: string; ttlSeconds: number }): Promise<number>;
  /** Appends a batch; returns the buffer's length (more than the producer pushed means a Stop was requested). */
  push(args: { id: string; turnId: string; batch: string }): Promise<number>;
  /** The last batch: the buffer (and pointer) now live `ttlSeconds` more; frees the lock `unlock` in the same trip. */
  end(args: { id: string; turnId: string; batch: string; ttlSeconds: number; unlock?: string }): Promise<void>;
  /** The reply in flight or last finished, or null. */
  current(args: { id: string }): Promise<string | null>;
  /** Batches from index `from` on. */
  read(args: { id: string; turnId: string; from: number }): Promise<string[]>;
  /**
   * Forgets the conversation's reply buffer (the pointer and the events of its last reply), leaving the turn lock as it
   * is: for an erasure, made while holding that lock, after which nothing of the conversation may be replayed.
   */
  erase(args: { id: string }): Promise<void>;
}

const run = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    throw new AppError('upstream_unavailable:store', 'The conversation store is not answering.', { cause: error });
  }
};

/** Points the conversation at the reply, starts its buffer afresh with the first batch, gives both a TTL. */
const BEGIN_SCRIPT = `
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
redis.call('DEL', KEYS[2])
local length = redis.call('RPUSH', KEYS[2], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return length`;

/** The last batch, the buffer's and pointer's final TTL, and the turn lock freed if still ours: one command. */
const END_SCRIPT = `
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
if ARGV[3] ~= '' and redis.call('GET', KEYS[3]) == ARGV[3] then
  redis.call('DEL', KEYS[3])
end
return 1`;

const UNLOCK_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

export function createUpstashReplyStore(options: { redis: Redis; prefix: string }): ReplyStore {
  const { redis, prefix } = options;
  return {
    kind: 'upstash',
    async tryLock({ id, value, ttlMs }) {
      // SET NX GET (Redis 7): one command that both tries the lock and names who held it.
      const previous = await run(() => redis.set(replyKeys(prefix, id).lock, value, { nx: true, px: ttlMs, get: true }));
      return typeof previous === 'string' ? { acquired: false, holder: previous } : { acquired: true, holder: value };
    },
    async forceLock({ id, value, ttlMs }) {
      await run(() => redis.set(replyKeys(prefix, id).lock, value, { px: ttlMs }));
    },
    async unlock({ id, value }) {
      await run(() => redis.eval(UNLOCK_SCRIPT, [replyKeys(prefix, id).lock], [value]));
    },
    async begin({ id, turnId, batch, ttlSeconds }) {
      const keys = replyKeys(prefix, id);
      // A retry of the same message (after its producer died) starts a fresh buffer under the same key. One command.
      return Number(await run(() => redis.eval(BEGIN_SCRIPT, [keys.current, keys.events(turnId)], [turnId, batch, ttlSeconds])));
    },
    async push({ id, turnId, batch }) {
      return Number(await run(() => redis.rpush(replyKeys(prefix, id).events(turnId), batch)));
    },
    async end({ id, turnId, batch, ttlSeconds, unlock }) {
      const keys = replyKeys(prefix, id);
      await run(() => redis.eval(END_SCRIPT, [keys.events(turnId), keys.current, keys.lock], [batch, ttlSeconds, unlock ?? '']));
    },
    async current({ id }) {
      const value = await run(() => redis.get<string>(replyKeys(prefix, id).current));
      return typeof value === 'string' && value ? value : null;
    },
    async read({ id, turnId, from }) {
      const list = await run(() => redis.lrange<string>(replyKeys(prefix, id).events(turnId), from, -1));
      return list.map(String);
    },
    async erase({ id }) {
      const keys = replyKeys(prefix, id);
      // String(): the client parses values that look like JSON (a turn id "123" comes back as a number).
      const turnId = await run(() => redis.get<unknown>(keys.current));
      await run(() => redis.del(keys.current, ...(turnId !== null && turnId !== undefined && turnId !== '' ? [keys.events(String(turnId))] : [])));
    },
  };
}

/** The same in process memory (the embedded default). Expiry is checked on read. */
export function createMemoryReplyStore(options: { clock?: () => number } = {}): ReplyStore {
  const clock = options.clock ?? Date.now;
  const values = new Map<string, { value: string; expiresAt: number }>();
  const lists = new Map<string, { items: string[]; expiresAt: number }>();
  const live = <T extends { expiresAt: number }>(map: Map<string, T>, key: string): T | undefined => {
    const entry = map.get(key);
    if (entry && entry.expiresAt <= clock()) {
      map.delete(key);
      return undefined;
    }
    return entry;
  };
  const listOf = (key: string, ttlMs?: number) => {
    let entry = live(lists, key);
    if (!entry) {
      entry = { items: [], expiresAt: clock() + (ttlMs ?? 3_600_000) };
      lists.set(key, entry);
    }
    if (ttlMs !== undefined) entry.expiresAt = clock() + ttlMs;
    return entry;
  };
  return {
    kind: 'memory',
    async tryLock({ id, value, ttlMs }) {
      const key = `lock:${id}`;
      const held = live(values, key);
      if (held) return { acquired: false, holder: held.value };
      values.set(key, { value, expiresAt: clock() + ttlMs });
      return { acquired: true, holder: value };
    },
    async forceLock({ id, value, ttlMs }) {
      values.set(`lock:${id}`, { value, expiresAt: clock() + ttlMs });
    },
    async unlock({ id, value }) {
      if (live(values, `lock:${id}`)?.value === value) values.delete(`lock:${id}`);
    },
    async begin({ id, turnId, batch, ttlSeconds }) {
      values.set(`current:${id}`, { value: turnId, expiresAt: clock() + ttlSeconds * 1000 });
      lists.delete(`events:${id}:${turnId}`);
      const list = listOf(`events:${id}:${turnId}`, ttlSeconds * 1000);
      list.items.push(batch);
      return list.items.length;
    },
    async push({ id, turnId, batch }) {
      const list = listOf(`events:${id}:${turnId}`);
      list.items.push(batch);
      return list.items.length;
    },
    async end({ id, turnId, batch, ttlSeconds, unlock }) {
      listOf(`events:${id}:${turnId}`, ttlSeconds * 1000).items.push(batch);
      if (unlock && live(values, `lock:${id}`)?.value === unlock) values.delete(`lock:${id}`);
      const current = live(values, `current:${id}`);
      if (current) current.expiresAt = clock() + ttlSeconds * 1000;
      // Finished buffers of other conversations are dropped as they expire; this keeps the maps bounded meanwhile.
      for (const key of lists.keys()) live(lists, key);
    },
    async current({ id }) {
      return live(values, `current:${id}`)?.value ?? null;
    },
    async read({ id, turnId, from }) {
      return (live(lists, `events:${id}:${turnId}`)?.items ?? []).slice(from);
    },
    async erase({ id }) {
      values.delete(`current:${id}`);
      for (const key of [...lists.keys()]) if (key.startsWith(`events:${id}:`)) lists.delete(key);
    },
  };
}
