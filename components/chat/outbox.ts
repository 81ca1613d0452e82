import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { SalesUIMessage } from '@/lib/chat/messages';

/** A message the prospect wrote that has no finished reply yet. Its id is its idempotency key on the server. */
export interface OutboxEntry {
  conversationId: string;
  messageId: string;
  text: string;
  locale: string;
  createdAt: number;
  /** When the server took it (answered 200): the turn is the server's now, only its reply is awaited. */
  acceptedAt?: number;
}

/** The few calls the outbox needs from IndexedDB; injected in tests (jsdom has no IndexedDB). */
export interface KeyValueStorage {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

export function memoryStorage(): KeyValueStorage {
  const data = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => structuredClone(data.get(key)) as T | undefined,
    set: async (key, value) => void data.set(key, structuredClone(value)),
    del: async (key) => void data.delete(key),
  };
}

let shared: KeyValueStorage | null = null;

/**
 * IndexedDB (so a reload keeps queued messages and the last history), or memory where it is missing or blocked
 * (some private modes, jsdom): the chat then still works, it only forgets on reload.
 */
export function browserStorage(): KeyValueStorage {
  if (shared) return shared;
  if (typeof indexedDB === 'undefined') return (shared = memoryStorage());
  const fallback = memoryStorage();
  let store: UseStore | null = null;
  const db = () => (store ??= createStore('sales-agent-chat', 'kv'));
  // A failing IndexedDB (quota, blocked) must not lose the message: keep it in memory for this page instead.
  const guard = async <T>(run: () => Promise<T>, otherwise: () => Promise<T>) => {
    try {
      return await run();
    } catch {
      return otherwise();
    }
  };
  shared = {
    get: <T>(key: string) => guard(() => get<T>(key, db()), () => fallback.get<T>(key)),
    set: (key, value) => guard(() => set(key, value, db()), () => fallback.set(key, value)),
    del: (key) => guard(() => del(key, db()), () => fallback.del(key)),
  };
  return shared;
}

const outboxKey = (conversationId: string) => `outbox:${conversationId}`;
const historyKey = (conversationId: string) => `history:${conversationId}`;

/**
 * The conversation's outbox, in the order the prospect wrote. Writes are serialised so two quick sends cannot
 * overwrite each other's read-modify-write.
 */
export class Outbox {
  private entries: OutboxEntry[] = [];
  private loaded: Promise<void>;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly conversationId: string,
    private readonly storage: KeyValueStorage = browserStorage(),
  ) {
    this.loaded = storage.get<OutboxEntry[]>(outboxKey(conversationId)).then(
      (stored) => {
        // Entries written while the load was on its way (a very quick first send) come after the stored ones.
        const fresh = this.entries.filter((entry) => !stored?.some((s) => s.messageId === entry.messageId));
        this.entries = [...(Array.isArray(stored) ? stored : []), ...fresh];
        this.emit();
      },
      () => undefined,
    );
  }

  ready(): Promise<void> {
    return this.loaded;
  }

  getSnapshot = (): readonly OutboxEntry[] => this.entries;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  add(entry: Omit<OutboxEntry, 'conversationId'>): Promise<void> {
    return this.change((entries) => (entries.some((e) => e.messageId === entry.messageId) ? entries : [...entries, { ...entry, conversationId: this.conversationId }]));
  }

  markAccepted(messageId: string, at = Date.now()): Promise<void> {
    return this.change((entries) => entries.map((entry) => (entry.messageId === messageId && !entry.acceptedAt ? { ...entry, acceptedAt: at } : entry)));
  }

  remove(messageIds: string | readonly string[]): Promise<void> {
    const ids = new Set(typeof messageIds === 'string' ? [messageIds] : messageIds);
    return this.change((entries) => entries.filter((entry) => !ids.has(entry.messageId)));
  }

  private change(update: (entries: OutboxEntry[]) => OutboxEntry[]): Promise<void> {
    const before = this.entries;
    const after = update(before);
    if (after === before || (after.length === before.length && after.every((entry, i) => entry === before[i]))) return this.chain.then(() => undefined);
    this.entries = after;
    this.emit();
    const write = this.chain
      .then(() => this.loaded)
      .then(() => (this.entries.length ? this.storage.set(outboxKey(this.conversationId), this.entries) : this.storage.del(outboxKey(this.conversationId))));
    this.chain = write.catch(() => undefined);
    return write;
  }

  private emit() {
    for (const listener of [...this.listeners]) listener();
  }
}

/** The last history seen for a conversation, shown when the history request fails (offline, server away). */
export async function readHistorySnapshot(conversationId: string, storage = browserStorage()): Promise<SalesUIMessage[] | null> {
  const stored = await storage.get<SalesUIMessage[]>(historyKey(conversationId)).catch(() => undefined);
  return Array.isArray(stored) ? stored : null;
}

export function saveHistorySnapshot(conversationId: string, messages: readonly SalesUIMessage[], storage = browserStorage()): Promise<void> {
  return storage.set(historyKey(conversationId), messages).catch(() => undefined);
}

export function forgetConversationLocally(conversationId: string, storage = browserStorage()): Promise<void> {
  return Promise.all([storage.del(outboxKey(conversationId)), storage.del(historyKey(conversationId))]).then(() => undefined);
}
