import 'server-only';
import type { Conversation, ConversationMeta, ConversationStore, StoreHealth, StoreOptions, TurnLoad } from './types';
import { decodeMessages, decodeState, titleFromMessages } from './conversation-data';

export interface MemoryStoreOptions extends StoreOptions {
  /** Epoch ms; injectable so tests can move time past the TTL. */
  clock?: () => number;
}

interface Entry {
  /** null while the id is only claimed (nothing stored yet). */
  meta: ConversationMeta | null;
  owner: string | undefined;
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
  /** Today's counters, like the Redis usage keys; dropped when their day is over. */
  const counters = new Map<string, number>();
  const counter = (key: string) => counters.get(key) ?? 0;
  const bump = (key: string, by: number) => {
    const day = key.split(':')[0] ?? '';
    for (const existing of counters.keys()) if (!existing.startsWith(day)) counters.delete(existing);
    counters.set(key, counter(key) + by);
  };

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

    async getConversation({ id, visitorId }): Promise<Conversation | null> {
      const entry = live(id);
      if (!entry?.meta || (visitorId !== undefined && entry.owner !== visitorId)) return null;
      return { meta: { ...entry.meta }, messages: decodeMessages(id, entry.messages), state: decodeState(id, entry.state) };
    },

    async loadTurn({ id, visitorId, day, address }): Promise<TurnLoad> {
      let entry = live(id);
      let claimed = false;
      if (!entry) {
        entry = { meta: null, owner: visitorId, messages: [], state: null, expiresAt: clock() + ttlMs };
        conversations.set(id, entry);
        claimed = true;
      }
      // A stored conversation with no owner (written without a claim) is nobody's to take: it answers as another
      // visitor's would, and is kept as it is (the Upstash script does the same).
      entry.expiresAt = clock() + ttlMs;
      const owner = entry.owner ?? '';
      const usage = {
        visitorTokens: counter(`${day}:tokens:${visitorId}`),
        visitorConversations: counter(`${day}:convs:${visitorId}`),
        spendMicroUsd: counter(`${day}:spend`),
        ...(address === undefined ? {} : { address: { tokens: counter(`${day}:atokens:${address}`), conversations: counter(`${day}:aconvs:${address}`) } }),
      };
      const conversation =
        entry.meta && owner === visitorId
          ? { meta: { ...entry.meta }, messages: decodeMessages(id, entry.messages), state: decodeState(id, entry.state) }
          : null;
      return { conversation, owner, claimed, usage };
    },

    async isOwner({ id, visitorId }): Promise<boolean> {
      return live(id)?.owner === visitorId;
    },

    async releaseClaim({ id, visitorId }): Promise<void> {
      const entry = live(id);
      if (entry && !entry.meta && entry.owner === visitorId) conversations.delete(id);
    },

    async deleteConversation({ id, visitorId }): Promise<boolean> {
      const entry = live(id);
      if (!entry || entry.owner !== visitorId) return false;
      conversations.delete(id);
      index.delete(id);
      return true;
    },

    async appendMessages({ id, messages, state, now, usage }): Promise<ConversationMeta> {
      const at = now ?? clock();
      const previous = live(id);
      const stored = [...(previous?.messages ?? []), ...messages.map((message) => JSON.stringify(message))];
      const owner = previous?.owner;
      const meta: ConversationMeta = {
        id,
        createdAt: previous?.meta?.createdAt ?? at,
        updatedAt: at,
        messageCount: (previous?.meta?.messageCount ?? 0) + messages.length,
        title: previous?.meta?.title || titleFromMessages(messages),
        ...(owner ? { owner } : {}),
      };
      conversations.set(id, {
        meta,
        owner,
        messages: stored.length > options.maxMessages ? stored.slice(-options.maxMessages) : stored,
        state: state ? JSON.stringify(state) : (previous?.state ?? null),
        expiresAt: clock() + ttlMs,
      });
      if (usage) {
        if (usage.tokens > 0) bump(`${usage.day}:tokens:${usage.visitorId}`, usage.tokens);
        if (usage.spendMicroUsd > 0) bump(`${usage.day}:spend`, Math.ceil(usage.spendMicroUsd));
        if (usage.newConversation) bump(`${usage.day}:convs:${usage.visitorId}`, 1);
        if (usage.address !== undefined && usage.tokens > 0) bump(`${usage.day}:atokens:${usage.address}`, usage.tokens);
        if (usage.address !== undefined && usage.newConversation) bump(`${usage.day}:aconvs:${usage.address}`, 1);
      }
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
        if (entry?.meta) metas.push({ ...entry.meta });
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
