import 'server-only';
import { getServerConfig, type ServerConfig } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';
import { createMemoryAudioCache, createUpstashAudioCache, type AudioCache } from './audio-cache';
import { createMemoryStore } from './memory';
import type { ConversationStore } from './types';
import { createRedisClient, getRedisClient } from './redis-client';
import { createMemoryReplyStore, createUpstashReplyStore, type ReplyStore } from './replies';
import { createUpstashStore } from './upstash';

export type { AudioCache, AudioCacheStats, CachedAudio } from './audio-cache';
export type { ReplyStore } from './replies';
export type { Conversation, ConversationMeta, ConversationStore, StoreHealth } from './types';

let warnedAboutMemory = false;

/** The one place that picks the store adapter, from validated config. */
export function createConversationStore(config: ServerConfig['store']): ConversationStore {
  const options = { prefix: config.prefix, conversationTtlSeconds: config.conversationTtlSeconds, maxMessages: config.maxMessages };
  if (config.provider === 'upstash') return createUpstashStore({ ...options, url: config.url, token: config.token });
  if (!warnedAboutMemory) {
    warnedAboutMemory = true;
    console.warn(
      '[store] Using the in-memory conversation store: conversations will not survive a restart and are not shared between ' +
        'instances. Set UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN (or run `npm run redis:dev`) to persist them.',
    );
  }
  return createMemoryStore(options);
}

/** The process's store, created on first use (one per process, whichever bundle asks: lib/process-singleton.ts). */
export function getConversationStore(): ConversationStore {
  return processSingleton('conversation-store', () => createConversationStore(getServerConfig().store));
}

/** The speech cache's storage, on the same Redis (or memory) as the conversations. */
export function createAudioCache(config: ServerConfig['store']): AudioCache {
  if (config.provider === 'upstash') return createUpstashAudioCache({ url: config.url, token: config.token, prefix: config.prefix });
  return createMemoryAudioCache();
}

/** The process's speech cache, created on first use. */
export function getAudioCache(): AudioCache {
  return processSingleton('audio-cache', () => createAudioCache(getServerConfig().store));
}

/** A client for @upstash/ratelimit: auto-pipelined, so a visitor's and an address's limits go in one HTTP request. */
export function createRateLimitRedis(config: Extract<ServerConfig['store'], { provider: 'upstash' }>) {
  return createRedisClient({ url: config.url, token: config.token, retries: 0, autoPipeline: true });
}

/** The process's store of replies in flight (turn locks and resume buffers), on the same Redis (or memory). */
export function getReplyStore(): ReplyStore {
  return processSingleton('reply-store', () => {
    const config = getServerConfig().store;
    return config.provider === 'upstash'
      ? createUpstashReplyStore({ redis: getRedisClient({ url: config.url, token: config.token }), prefix: config.prefix })
      : createMemoryReplyStore();
  });
}
