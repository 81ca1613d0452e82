import 'server-only';
import type { Conversation, ConversationMeta, ConversationStore, StoreHealth, StoreOptions } from './types';
import { decodeMessages, decodeState, titleFromMessages } from './conversation-data';

export interface MemoryStoreOptions extends StoreOptions {
  /** Epoch ms; injectable so tests can move time past the TTL. */
  clock?: () => number;
}

interface Entry {
  meta: ConversationMeta;
  /** Stored as JSON, like Redis, so callers never share objects with the store. */
  messages: string[];
  state: string | null;
  expiresAt: number;
}

/**
 * Process-local store for demos and tests. Same semantics as the Upstash adapter — TTL refreshed on every append,
 * list trimmed to maxMessages, index pruned of entries older than the TTL — so the two are interchangeable.
 */
export function createMemoryStore(options: MemoryStoreOptions): ConversationStore {
  const clock = options.clock ?? Date.now;
  const ttlMs = options.conversationTtlSeconds * 1000;
  const conversations = new Map<string, Entry>();
  /** id → updatedAt, like the Redis sorted set. */
  const index = new Map<string, number>();
  const secrets = new Map<string, string>();

  const live = (id: string): Entry | undefined => {
    const entry = conversations.get(id);
    if (entry && entry.expiresAt <= clock()) {
      conversations.delete(id);
      return undefined;
    }
    return entry;
  };

  return {
    kind: 'memory',

    async getConversation({ id }): Promise<Conversation | null> {
      const entry = live(id);
      if (!entry) return null;
      return { meta: { ...entry.meta }, messages: decodeMessages(id, entry.messages), state: decodeState(id, entry.state) };
    },

    async appendMessages({ id, messages, state, now }): Promise<ConversationMeta> {
      const at = now ?? clock();
      const previous = live(id);
      const stored = [...(previous?.messages ?? []), ...messages.map((message) => JSON.stringify(message))];
      const meta: ConversationMeta = {
        id,
        createdAt: previous?.meta.createdAt ?? at,
        updatedAt: at,
        messageCount: (previous?.meta.messageCount ?? 0) + messages.length,
        title: previous?.meta.title || titleFromMessages(messages),
      };
      conversations.set(id, {
        meta,
        messages: stored.length > options.maxMessages ? stored.slice(-options.maxMessages) : stored,
        state: state ? JSON.stringify(state) : (previous?.state ?? null),
        expiresAt: clock() + ttlMs,
      });
      index.set(id, at);
      const cutoff = at - ttlMs;
      for (const [otherId, score] of index) if (score <= cutoff) index.delete(otherId);
      return { ...meta };
    },

    async listConversations({ limit, offset = 0 }): Promise<ConversationMeta[]> {
      const cutoff = clock() - ttlMs;
      const ids = [...index.entries()]
        .filter(([, score]) => score > cutoff)
        .sort((a, b) => b[1] - a[1])
        .map(([id]) => id);
      const metas: ConversationMeta[] = [];
      for (const id of ids.slice(offset, offset + limit)) {
        const entry = live(id);
        if (entry) metas.push({ ...entry.meta });
      }
      return metas;
    },

    async ping(): Promise<StoreHealth> {
      return { ok: true, latencyMs: 0 };
    },

    async getOrCreateSecret({ name, create }): Promise<string> {
      const existing = secrets.get(name);
      if (existing) return existing;
      const created = create();
      secrets.set(name, created);
      return created;
    },
  };
}
