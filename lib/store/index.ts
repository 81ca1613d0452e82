import 'server-only';
import { getServerConfig, type ServerConfig } from '@/lib/config';
import { createMemoryAudioCache, createUpstashAudioCache, type AudioCache } from './audio-cache';
import { createMemoryStore } from './memory';
import type { ConversationStore } from './types';
import { createUpstashStore } from './upstash';

export type { AudioCache, AudioCacheStats, CachedAudio } from './audio-cache';
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

let store: ConversationStore | undefined;

/** The process's store, created on first use. */
export function getConversationStore(): ConversationStore {
  store ??= createConversationStore(getServerConfig().store);
  return store;
}

/** The speech cache's storage, on the same Redis (or memory) as the conversations. */
export function createAudioCache(config: ServerConfig['store']): AudioCache {
  if (config.provider === 'upstash') return createUpstashAudioCache({ url: config.url, token: config.token, prefix: config.prefix });
  return createMemoryAudioCache();
}

let audioCache: AudioCache | undefined;

/** The process's speech cache, created on first use. */
export function getAudioCache(): AudioCache {
  audioCache ??= createAudioCache(getServerConfig().store);
  return audioCache;
}
