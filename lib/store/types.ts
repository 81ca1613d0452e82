import type { SalesUIMessage } from '@/lib/sales/ui-message';
import type { SalesState } from '@/lib/sales/types';

export interface ConversationMeta {
  id: string;
  createdAt: number;
  updatedAt: number;
  messageCount: number;
  /** First user message, shortened: what an admin list shows. */
  title: string;
  /** The visitor who created the conversation; nobody else may read, write or delete it. */
  owner?: string;
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

/** What a chat turn reads before it answers, in one round trip. */
export interface TurnLoad {
  /** null when nothing has been stored yet (a new conversation). */
  conversation: Conversation | null;
  /** The conversation's owner after this call: the caller when it was free. */
  owner: string;
  /** This call bound a new conversation id to the caller. */
  claimed: boolean;
  usage: UsageToday;
}

/** Today's (UTC) counters that budgets and caps are checked against. */
export interface UsageToday {
  visitorTokens: number;
  visitorConversations: number;
  /** What the whole app spent on the LLM today, in micro-USD. */
  spendMicroUsd: number;
  /** The client address's counters (all its visitors together): present when the load was given an address. */
  address?: { tokens: number; conversations: number };
}

/** What a stored turn adds to today's counters (written in the same pipeline as the messages). */
export interface TurnUsage {
  visitorId: string;
  /** The client's address as the rate limits key it (IPv4, or IPv6 /64): counted beside the visitor when given. */
  address?: string;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  tokens: number;
  spendMicroUsd: number;
  /** The turn started a conversation: counts towards the visitor's conversations today. */
  newConversation: boolean;
}

/**
 * The one interface every adapter implements. Verb-noun functions with object arguments.
 * Adapters must never lose what is already stored when a call fails: a failed append changes nothing.
 */
export interface ConversationStore {
  readonly kind: 'upstash' | 'memory';
  /**
   * null when the conversation does not exist (or has expired) — and, when `visitorId` is given, when it belongs to
   * someone else: the caller cannot tell the two apart. One round trip.
   */
  getConversation(args: { id: string; visitorId?: string }): Promise<Conversation | null>;
  /**
   * Binds the id to the visitor when it is free, then reads the conversation and today's usage counters (the address's
   * too, when given). One round trip.
   */
  loadTurn(args: { id: string; visitorId: string; day: string; address?: string }): Promise<TurnLoad>;
  /** Whether the conversation (stored, or only claimed by its first turn in flight) is the visitor's. One round trip. */
  isOwner(args: { id: string; visitorId: string }): Promise<boolean>;
  /** Undoes a claim that `loadTurn` just made on an empty id, when the turn is refused before anything is stored. */
  releaseClaim(args: { id: string; visitorId: string }): Promise<void>;
  /** Erases the conversation (messages, sales state with the lead record) if it is the visitor's. false if not found. */
  deleteConversation(args: { id: string; visitorId: string }): Promise<boolean>;
  /**
   * Appends messages (oldest first), replaces the sales state when given, and updates meta, TTL and the activity
   * index. One round trip (pipelined).
   */
  appendMessages(args: { id: string; messages: SalesUIMessage[]; state?: SalesState; now?: number; usage?: TurnUsage }): Promise<ConversationMeta>;
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
