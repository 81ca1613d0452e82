import 'server-only';
import { getServerConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { processSingleton } from '@/lib/process-singleton';
import { getRedisClient, requesterOf } from './redis-client';

/**
 * Raw Redis commands for the admin side (analytics, webhooks, admin accounts, API keys, backups): one interface, two
 * implementations — the Upstash REST pipeline (real Redis through the bridge in tests) and an in-process interpreter
 * of the same commands for the embedded default. Replies have the Upstash REST shapes: strings, integers, arrays
 * (HGETALL and WITHSCORES come back flat), null. Keys are passed whole: build them with `kvKey(kv, …)`.
 *
 * Supported by the in-memory interpreter: GET SET(EX|PX|NX|XX) DEL EXISTS INCR INCRBY EXPIRE PEXPIRE TTL PTTL PERSIST
 * HSET HSETNX HGET HMGET HGETALL HDEL HINCRBY HLEN HKEYS SADD SREM SMEMBERS SISMEMBER SCARD ZADD ZREM ZSCORE ZCARD
 * ZINCRBY ZRANGE(BYSCORE|REV|LIMIT|WITHSCORES) ZREVRANGE ZRANGEBYSCORE ZREVRANGEBYSCORE ZCOUNT ZREMRANGEBYSCORE
 * ZUNIONSTORE(WEIGHTS|AGGREGATE) LPUSH RPUSH LPOP RPOP LRANGE LTRIM LLEN LREM PFADD PFCOUNT SCAN(MATCH|COUNT) TYPE,
 * and EVAL of HSET_IF_UNCHANGED_SCRIPT only. Anything else throws.
 */
export type KvArg = string | number;
export type KvCommand = readonly [string, ...KvArg[]];

export interface Kv {
  /** The app's key prefix, separator included (STORE_KEY_PREFIX, default "sa:"). */
  readonly prefix: string;
  readonly kind: 'upstash' | 'memory';
  /** Runs commands in one request, in order; a failed command rejects the whole call with its error. */
  exec(commands: readonly KvCommand[]): Promise<unknown[]>;
  /** Runs commands as one MULTI/EXEC transaction. */
  atomic(commands: readonly KvCommand[]): Promise<unknown[]>;
}

export class KvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KvError';
  }
}

/** A key under the app's prefix (which ends in its own separator): `kvKey(kv, 'admin', 'users')` → "sa:admin:users". */
export function kvKey(kv: Pick<Kv, 'prefix'>, ...parts: (string | number)[]): string {
  return kv.prefix + parts.join(':');
}

/** One command's reply. */
export async function kvOne<T = unknown>(kv: Kv, command: KvCommand): Promise<T> {
  const [reply] = await kv.exec([command]);
  return reply as T;
}

/** Pairs a flat `[k1, v1, k2, v2]` reply (HGETALL) into an object. */
export function kvHash(reply: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(reply)) return out;
  for (let i = 0; i + 1 < reply.length; i += 2) out[String(reply[i])] = String(reply[i + 1]);
  return out;
}

/**
 * HSET of one field only while it still holds `expected` (compare-and-set), in one step: a read-change-write loses
 * nothing to a write that landed after its read. Replies 1 when it wrote, 0 when the field is gone, -1 when it changed.
 */
export const HSET_IF_UNCHANGED_SCRIPT =
  "local current = redis.call('HGET', KEYS[1], ARGV[1]) if not current then return 0 end if current ~= ARGV[2] then return -1 end redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) return 1";

export const hsetIfUnchanged = (key: string, field: string, expected: string, value: string): KvCommand => ['EVAL', HSET_IF_UNCHANGED_SCRIPT, 1, key, field, expected, value];

// ---------------------------------------------------------------------------------------------------------------- Upstash

export function createUpstashKv(options: { url: string; token: string; prefix: string }): Kv {
  const redis = getRedisClient({ url: options.url, token: options.token });
  const requester = requesterOf(redis);
  const send = async (path: 'pipeline' | 'multi-exec', commands: readonly KvCommand[]) => {
    if (commands.length === 0) return [];
    let replies: unknown;
    try {
      replies = (await requester.request<unknown>({ path: [path], body: commands })) as unknown;
    } catch (error) {
      // The store (or its REST bridge) not answering is a typed 503 for every admin route, not an "internal" 500.
      throw new AppError('upstream_unavailable:store', 'The store is not answering.', { cause: error });
    }
    if (!Array.isArray(replies)) {
      const error = (replies as { error?: unknown } | null)?.error;
      throw new KvError(typeof error === 'string' && error ? error : 'ERR the store sent no replies');
    }
    return replies.map((entry: { result?: unknown; error?: unknown }) => {
      if (entry && typeof entry === 'object' && 'error' in entry && entry.error !== undefined && entry.error !== null) {
        throw new KvError(String(entry.error) || 'ERR the store sent an empty error reply');
      }
      return entry?.result ?? null;
    });
  };
  return {
    prefix: options.prefix,
    kind: 'upstash',
    exec: (commands) => send('pipeline', commands),
    atomic: (commands) => send('multi-exec', commands),
  };
}

// ----------------------------------------------------------------------------------------------------------------- Memory

type Value =
  | { type: 'string'; value: string }
  | { type: 'hash'; value: Map<string, string> }
  | { type: 'set'; value: Set<string> }
  | { type: 'zset'; value: Map<string, number> }
  | { type: 'list'; value: string[] };

interface Entry {
  data: Value;
  expiresAt?: number;
}

const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';

export function createMemoryKv(options: { prefix: string; now?: () => number }): Kv {
  const now = options.now ?? Date.now;
  const keys = new Map<string, Entry>();

  const live = (key: string): Entry | undefined => {
    const entry = keys.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= now()) {
      keys.delete(key);
      return undefined;
    }
    return entry;
  };
  function read<T extends Value['type']>(key: string, type: T): Extract<Value, { type: T }> | undefined {
    const entry = live(key);
    if (!entry) return undefined;
    if (entry.data.type !== type) throw new KvError(WRONGTYPE);
    return entry.data as Extract<Value, { type: T }>;
  }
  type ValueOf<T extends Value['type']> = Extract<Value, { type: T }>['value'];
  function write<T extends Value['type']>(key: string, type: T, create: () => ValueOf<T>): ValueOf<T> {
    const existing = read(key, type);
    if (existing) return existing.value as ValueOf<T>;
    const value = create();
    keys.set(key, { data: { type, value } as unknown as Value });
    return value;
  }
  const dropIfEmpty = (key: string) => {
    const entry = keys.get(key);
    if (!entry) return;
    const value = entry.data.value;
    const size = typeof value === 'string' ? 1 : Array.isArray(value) ? value.length : value.size;
    if (size === 0) keys.delete(key);
  };
  const int = (arg: KvArg | undefined): number => {
    const n = Number(arg);
    if (arg === undefined || !Number.isInteger(n)) throw new KvError('ERR value is not an integer or out of range');
    return n;
  };
  const float = (arg: KvArg | undefined): number => {
    if (arg === '+inf') return Infinity;
    if (arg === '-inf') return -Infinity;
    const text = String(arg);
    const exclusive = text.startsWith('(');
    const n = Number(exclusive ? text.slice(1) : text);
    if (arg === undefined || Number.isNaN(n)) throw new KvError('ERR value is not a valid float');
    return n;
  };
  const scoreText = (n: number) => (n === Infinity ? 'inf' : n === -Infinity ? '-inf' : String(n));
  const glob = (pattern: string) =>
    new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  const listIndex = (length: number, index: number) => (index < 0 ? length + index : index);
  const sortedZ = (z: Map<string, number>) =>
    [...z.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

  function zrange(key: string, args: KvArg[], forceRev = false, forceByScore = false): unknown {
    const z = read(key, 'zset')?.value;
    const flags = args.slice(2).map((a) => String(a).toUpperCase());
    const byScore = forceByScore || flags.includes('BYSCORE');
    const rev = forceRev || flags.includes('REV');
    const withScores = flags.includes('WITHSCORES');
    const limitAt = flags.indexOf('LIMIT');
    let items = z ? sortedZ(z) : [];
    if (rev) items = items.reverse();
    if (byScore) {
      let [minArg, maxArg] = [args[0], args[1]];
      if (rev) [minArg, maxArg] = [maxArg, minArg];
      const min = float(minArg);
      const max = float(maxArg);
      const minEx = String(minArg).startsWith('(');
      const maxEx = String(maxArg).startsWith('(');
      items = items.filter(([, s]) => (minEx ? s > min : s >= min) && (maxEx ? s < max : s <= max));
    } else {
      const start = listIndex(items.length, int(args[0]));
      const stop = listIndex(items.length, int(args[1]));
      items = items.slice(Math.max(0, start), stop + 1);
    }
    if (limitAt >= 0) {
      const offset = int(args[2 + limitAt + 1]);
      const count = int(args[2 + limitAt + 2]);
      items = items.slice(offset, count < 0 ? undefined : offset + count);
    }
    return withScores ? items.flatMap(([m, s]) => [m, scoreText(s)]) : items.map(([m]) => m);
  }

  function run(command: KvCommand): unknown {
    const name = command[0].toUpperCase();
    const args = command.slice(1) as KvArg[];
    const key = String(args[0] ?? '');
    switch (name) {
      case 'PING':
        return 'PONG';
      case 'GET':
        return read(key, 'string')?.value ?? null;
      case 'SET': {
        const flags = args.slice(2).map((a) => String(a).toUpperCase());
        const exists = live(key) !== undefined;
        if ((flags.includes('NX') && exists) || (flags.includes('XX') && !exists)) return null;
        const entry: Entry = { data: { type: 'string', value: String(args[1]) } };
        const ex = flags.indexOf('EX');
        const px = flags.indexOf('PX');
        if (ex >= 0) entry.expiresAt = now() + int(args[2 + ex + 1]) * 1000;
        if (px >= 0) entry.expiresAt = now() + int(args[2 + px + 1]);
        if (flags.includes('KEEPTTL')) entry.expiresAt = keys.get(key)?.expiresAt;
        keys.set(key, entry);
        return 'OK';
      }
      case 'DEL':
      case 'UNLINK':
        return args.reduce<number>((n, k) => (live(String(k)) && keys.delete(String(k)) ? n + 1 : n), 0);
      case 'EXISTS':
        return args.filter((k) => live(String(k))).length;
      case 'TYPE':
        return live(key)?.data.type ?? 'none';
      case 'INCR':
      case 'INCRBY': {
        const current = read(key, 'string');
        const next = int(current?.value ?? 0) + (name === 'INCR' ? 1 : int(args[1]));
        const expiresAt = live(key)?.expiresAt;
        keys.set(key, { data: { type: 'string', value: String(next) }, expiresAt });
        return next;
      }
      case 'EXPIRE':
      case 'PEXPIRE': {
        const entry = live(key);
        if (!entry) return 0;
        entry.expiresAt = now() + int(args[1]) * (name === 'EXPIRE' ? 1000 : 1);
        return 1;
      }
      case 'PERSIST': {
        const entry = live(key);
        if (!entry || entry.expiresAt === undefined) return 0;
        delete entry.expiresAt;
        return 1;
      }
      case 'TTL':
      case 'PTTL': {
        const entry = live(key);
        if (!entry) return -2;
        if (entry.expiresAt === undefined) return -1;
        const ms = entry.expiresAt - now();
        return name === 'TTL' ? Math.round(ms / 1000) : ms;
      }
      case 'HSET':
      case 'HSETNX': {
        const hash = write(key, 'hash', () => new Map<string, string>());
        let added = 0;
        for (let i = 1; i + 1 < args.length; i += 2) {
          const field = String(args[i]);
          if (name === 'HSETNX' && hash.has(field)) return 0;
          if (!hash.has(field)) added += 1;
          hash.set(field, String(args[i + 1]));
        }
        return added;
      }
      case 'EVAL': {
        // Lua is not interpreted here: only the one script above, by its exact text, as the same check.
        if (args[0] !== HSET_IF_UNCHANGED_SCRIPT || Number(args[1]) !== 1) throw new KvError('ERR the in-memory store runs no script but HSET_IF_UNCHANGED_SCRIPT');
        const hash = read(String(args[2]), 'hash')?.value;
        const field = String(args[3]);
        if (!hash?.has(field)) return 0;
        if (hash.get(field) !== String(args[4])) return -1;
        hash.set(field, String(args[5]));
        return 1;
      }
      case 'HGET':
        return read(key, 'hash')?.value.get(String(args[1])) ?? null;
      case 'HMGET': {
        const hash = read(key, 'hash')?.value;
        return args.slice(1).map((f) => hash?.get(String(f)) ?? null);
      }
      case 'HGETALL':
        return [...(read(key, 'hash')?.value ?? new Map<string, string>()).entries()].flat();
      case 'HKEYS':
        return [...(read(key, 'hash')?.value.keys() ?? [])];
      case 'HLEN':
        return read(key, 'hash')?.value.size ?? 0;
      case 'HDEL': {
        const hash = read(key, 'hash')?.value;
        const n = args.slice(1).filter((f) => hash?.delete(String(f))).length;
        dropIfEmpty(key);
        return n;
      }
      case 'HINCRBY': {
        const hash = write(key, 'hash', () => new Map<string, string>());
        const next = int(hash.get(String(args[1])) ?? 0) + int(args[2]);
        hash.set(String(args[1]), String(next));
        return next;
      }
      case 'SADD': {
        const set = write(key, 'set', () => new Set<string>());
        return args.slice(1).filter((m) => !set.has(String(m)) && set.add(String(m))).length;
      }
      case 'SREM': {
        const set = read(key, 'set')?.value;
        const n = args.slice(1).filter((m) => set?.delete(String(m))).length;
        dropIfEmpty(key);
        return n;
      }
      case 'SMEMBERS':
        return [...(read(key, 'set')?.value ?? [])];
      case 'SISMEMBER':
        return read(key, 'set')?.value.has(String(args[1])) ? 1 : 0;
      case 'SCARD':
        return read(key, 'set')?.value.size ?? 0;
      case 'PFADD': {
        // Exact rather than HyperLogLog: the in-memory store serves one small instance.
        const set = write(key, 'set', () => new Set<string>());
        const before = set.size;
        args.slice(1).forEach((m) => set.add(String(m)));
        return set.size > before ? 1 : 0;
      }
      case 'PFCOUNT': {
        const union = new Set<string>();
        for (const k of args) read(String(k), 'set')?.value.forEach((m) => union.add(m));
        return union.size;
      }
      case 'ZADD': {
        const z = write(key, 'zset', () => new Map<string, number>());
        let i = 1;
        const flags = new Set<string>();
        while (i < args.length && ['NX', 'XX', 'GT', 'LT', 'CH'].includes(String(args[i]).toUpperCase())) {
          flags.add(String(args[i]).toUpperCase());
          i += 1;
        }
        let changed = 0;
        for (; i + 1 < args.length; i += 2) {
          const score = float(args[i]);
          const member = String(args[i + 1]);
          const old = z.get(member);
          if (flags.has('NX') && old !== undefined) continue;
          if (flags.has('XX') && old === undefined) continue;
          if (old !== undefined && flags.has('GT') && !(score > old)) continue;
          if (old !== undefined && flags.has('LT') && !(score < old)) continue;
          if (old === undefined || (flags.has('CH') && old !== score)) changed += 1;
          z.set(member, score);
        }
        dropIfEmpty(key);
        return changed;
      }
      case 'ZINCRBY': {
        const z = write(key, 'zset', () => new Map<string, number>());
        const next = (z.get(String(args[2])) ?? 0) + float(args[1]);
        z.set(String(args[2]), next);
        return scoreText(next);
      }
      case 'ZREM': {
        const z = read(key, 'zset')?.value;
        const n = args.slice(1).filter((m) => z?.delete(String(m))).length;
        dropIfEmpty(key);
        return n;
      }
      case 'ZSCORE': {
        const score = read(key, 'zset')?.value.get(String(args[1]));
        return score === undefined ? null : scoreText(score);
      }
      case 'ZCARD':
        return read(key, 'zset')?.value.size ?? 0;
      case 'ZCOUNT': {
        const all = zrange(key, [args[1] ?? '-inf', args[2] ?? '+inf'], false, true) as string[];
        return all.length;
      }
      case 'ZRANGE':
        return zrange(key, args.slice(1));
      case 'ZREVRANGE':
        return zrange(key, args.slice(1), true);
      case 'ZRANGEBYSCORE':
        return zrange(key, args.slice(1), false, true);
      case 'ZREVRANGEBYSCORE':
        return zrange(key, args.slice(1), true, true);
      case 'ZREMRANGEBYSCORE': {
        const z = read(key, 'zset')?.value;
        const doomed = zrange(key, [args[1] ?? '-inf', args[2] ?? '+inf'], false, true) as string[];
        doomed.forEach((m) => z?.delete(m));
        dropIfEmpty(key);
        return doomed.length;
      }
      case 'ZUNIONSTORE': {
        // ZUNIONSTORE dest numkeys key… [WEIGHTS w…] [AGGREGATE SUM|MIN|MAX]; plain sets count as score 1.
        const count = int(args[1]);
        const sources = args.slice(2, 2 + count).map(String);
        const options = args.slice(2 + count);
        const upper = options.map((a) => String(a).toUpperCase());
        const weightsAt = upper.indexOf('WEIGHTS');
        const weights = weightsAt >= 0 ? options.slice(weightsAt + 1, weightsAt + 1 + count).map(float) : [];
        const aggregate = upper[upper.indexOf('AGGREGATE') + 1] ?? 'SUM';
        const union = new Map<string, number>();
        sources.forEach((source, index) => {
          const entry = live(source);
          if (entry && entry.data.type !== 'zset' && entry.data.type !== 'set') throw new KvError(WRONGTYPE);
          const members: [string, number][] =
            entry?.data.type === 'zset' ? [...entry.data.value] : entry?.data.type === 'set' ? [...entry.data.value].map((m) => [m, 1]) : [];
          for (const [member, raw] of members) {
            const score = raw * (weights[index] ?? 1);
            const old = union.get(member);
            union.set(member, old === undefined ? score : aggregate === 'MAX' ? Math.max(old, score) : aggregate === 'MIN' ? Math.min(old, score) : old + score);
          }
        });
        keys.delete(key);
        if (union.size > 0) keys.set(key, { data: { type: 'zset', value: union } });
        return union.size;
      }
      case 'LPUSH':
      case 'RPUSH': {
        const list = write(key, 'list', () => [] as string[]);
        for (const v of args.slice(1)) (name === 'LPUSH' ? list.unshift : list.push).call(list, String(v));
        return list.length;
      }
      case 'LPOP':
      case 'RPOP': {
        const list = read(key, 'list')?.value;
        const count = args[1] === undefined ? undefined : int(args[1]);
        if (!list) return null;
        const take = () => (name === 'LPOP' ? list.shift() : list.pop()) ?? null;
        const result = count === undefined ? take() : Array.from({ length: Math.min(count, list.length) }, take);
        dropIfEmpty(key);
        return result;
      }
      case 'LRANGE': {
        const list = read(key, 'list')?.value ?? [];
        const start = Math.max(0, listIndex(list.length, int(args[1])));
        return list.slice(start, listIndex(list.length, int(args[2])) + 1);
      }
      case 'LTRIM': {
        const entry = read(key, 'list');
        if (entry) {
          const start = Math.max(0, listIndex(entry.value.length, int(args[1])));
          entry.value = entry.value.slice(start, listIndex(entry.value.length, int(args[2])) + 1);
          dropIfEmpty(key);
        }
        return 'OK';
      }
      case 'LLEN':
        return read(key, 'list')?.value.length ?? 0;
      case 'LREM': {
        const entry = read(key, 'list');
        if (!entry) return 0;
        const count = int(args[1]);
        const value = String(args[2]);
        let removed = 0;
        const order = count < 0 ? [...entry.value].reverse() : [...entry.value];
        const kept = order.filter((v) => {
          if (v === value && (count === 0 || removed < Math.abs(count))) {
            removed += 1;
            return false;
          }
          return true;
        });
        entry.value = count < 0 ? kept.reverse() : kept;
        dropIfEmpty(key);
        return removed;
      }
      case 'SCAN': {
        const flags = args.map((a) => String(a).toUpperCase());
        const matchAt = flags.indexOf('MATCH');
        const pattern = matchAt >= 0 ? glob(String(args[matchAt + 1])) : null;
        const all = [...keys.keys()].filter((k) => live(k) && (!pattern || pattern.test(k)));
        return ['0', all];
      }
      default:
        throw new KvError(`ERR the in-memory store does not support ${name}`);
    }
  }

  return {
    prefix: options.prefix,
    kind: 'memory',
    async exec(commands) {
      return commands.map(run);
    },
    async atomic(commands) {
      return commands.map(run);
    },
  };
}

/** The process's admin-side store, on the same Redis (or memory) as the conversations. */
export function getKv(): Kv {
  return processSingleton('kv', () => {
    const config = getServerConfig().store;
    return config.provider === 'upstash'
      ? createUpstashKv({ url: config.url, token: config.token, prefix: config.prefix })
      : createMemoryKv({ prefix: config.prefix });
  });
}
