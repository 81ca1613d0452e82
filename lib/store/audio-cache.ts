import 'server-only';
import { AppError } from '@/lib/errors';
import { audioCacheKeys } from './keys';
import { createRedisClient } from './redis-client';

/** Synthesised speech as cached: the PCM chunks as they were streamed, base64, with their format. */
export interface CachedAudio {
  provider: string;
  format: { encoding: 'pcm_s16le'; sampleRate: number; channels: 1 };
  chunks: string[];
}

export interface AudioCacheStats {
  hits: number;
  misses: number;
}

/** The speech cache's storage. `id` is already a hash of everything that changes the audio (lib/voice/cache-key.ts). */
export interface AudioCache {
  readonly kind: 'upstash' | 'memory';
  getAudio(args: { id: string }): Promise<CachedAudio | null>;
  setAudio(args: { id: string; audio: CachedAudio; ttlSeconds: number }): Promise<void>;
  countAudioLookup(args: { hit: boolean }): Promise<void>;
  getAudioStats(): Promise<AudioCacheStats>;
}

const STATS_TTL_SECONDS = 60 * 60 * 24 * 90;

export function createUpstashAudioCache(options: { url: string; token: string; prefix: string }): AudioCache {
  const keys = audioCacheKeys(options.prefix);
  // A cache that is slow to fail only delays the speech it was meant to speed up: one quick retry, then synthesise.
  const redis = createRedisClient({ url: options.url, token: options.token, retries: 1 });
  return {
    kind: 'upstash',
    async getAudio({ id }) {
      const raw = await run(() => redis.get<string>(keys.entry(id)));
      return decode(raw);
    },
    async setAudio({ id, audio, ttlSeconds }) {
      if (ttlSeconds <= 0) return;
      await run(() => redis.set(keys.entry(id), JSON.stringify(audio), { ex: ttlSeconds }));
    },
    async countAudioLookup({ hit }) {
      await run(() => redis.pipeline().hincrby(keys.stats, hit ? 'hits' : 'misses', 1).expire(keys.stats, STATS_TTL_SECONDS).exec());
    },
    async getAudioStats() {
      const [hits, misses] = await run(() => redis.hmget<Record<string, string | null>>(keys.stats, 'hits', 'misses').then(toPair));
      return { hits, misses };
    },
  };
}

/** Process-local, for demos and tests; bounded so a long demo cannot fill memory. */
export function createMemoryAudioCache(options: { maxEntries?: number; clock?: () => number } = {}): AudioCache {
  const maxEntries = options.maxEntries ?? 500;
  const clock = options.clock ?? Date.now;
  const entries = new Map<string, { json: string; expiresAt: number }>();
  const stats: AudioCacheStats = { hits: 0, misses: 0 };
  return {
    kind: 'memory',
    async getAudio({ id }) {
      const entry = entries.get(id);
      if (!entry) return null;
      if (entry.expiresAt <= clock()) {
        entries.delete(id);
        return null;
      }
      return decode(entry.json);
    },
    async setAudio({ id, audio, ttlSeconds }) {
      if (ttlSeconds <= 0) return;
      entries.delete(id);
      entries.set(id, { json: JSON.stringify(audio), expiresAt: clock() + ttlSeconds * 1000 });
      // Map keeps insertion order: the first key is the oldest write.
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    async countAudioLookup({ hit }) {
      if (hit) stats.hits++;
      else stats.misses++;
    },
    getAudioStats: async () => ({ ...stats }),
  };
}

/** A corrupt or foreign entry reads as a miss (it is then overwritten), never as an error. */
function decode(raw: unknown): CachedAudio | null {
  if (typeof raw !== 'string') return null;
  try {
    const value = JSON.parse(raw) as Partial<CachedAudio>;
    if (!value || !Array.isArray(value.chunks) || typeof value.provider !== 'string' || typeof value.format?.sampleRate !== 'number') return null;
    if (!value.chunks.every((chunk) => typeof chunk === 'string')) return null;
    return value as CachedAudio;
  } catch {
    return null;
  }
}

function toPair(raw: unknown): [number, number] {
  const read = (value: unknown) => (Number.isFinite(Number(value)) ? Number(value) : 0);
  if (Array.isArray(raw)) return [read(raw[0]), read(raw[1])];
  if (raw && typeof raw === 'object') {
    const record = raw as Record<string, unknown>;
    return [read(record.hits), read(record.misses)];
  }
  return [0, 0];
}

async function run<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new AppError('upstream_unavailable:store', 'The speech cache is not answering.', { cause: error });
  }
}
