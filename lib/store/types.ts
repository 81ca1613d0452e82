import type { SalesUIMessage } from '@/lib/chat/messages';
import type { SalesState } from '@/lib/sales/types';

export interface ConversationMeta {
  id: string;
  createdAt: number;
  updatedAt: number;
  messageCount: number;
  /** First user message, shortened: what an admin list shows. */
  title: string;
}

export interface Conversation {
  meta: ConversationMeta;
  /** Oldest first. At most `maxMessages` (older ones are trimmed). */
  messages: SalesUIMessage[];
  /** The sales brain's state (stage, lead with evidence, bookings, summary); null before the first turn stored it. */
  state: SalesState | null;
}

export interface StoreHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/**
 * The one interface every adapter implements. Verb-noun functions with object arguments.
 * Adapters must never lose what is already stored when a call fails: a failed append changes nothing.
 */
export interface ConversationStore {
  readonly kind: 'upstash' | 'memory';
  /** null when the conversation does not exist (or has expired). One round trip. */
  getConversation(args: { id: string }): Promise<Conversation | null>;
  /**
   * Appends messages (oldest first), replaces the sales state when given, and updates meta, TTL and the activity
   * index. One round trip (pipelined).
   */
  appendMessages(args: { id: string; messages: SalesUIMessage[]; state?: SalesState; now?: number }): Promise<ConversationMeta>;
  /** Most recently active first. */
  listConversations(args: { limit: number; offset?: number }): Promise<ConversationMeta[]>;
  ping(): Promise<StoreHealth>;
  /**
   * A secret shared by every instance on this store: the stored one, or `create()`'s value stored first (set-if-absent,
   * so two instances starting at once agree). One round trip.
   */
  getOrCreateSecret(args: { name: string; create: () => string }): Promise<string>;
}

export interface StoreOptions {
  prefix: string;
  conversationTtlSeconds: number;
  maxMessages: number;
}
