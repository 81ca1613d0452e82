import 'server-only';

/** Every Redis key the conversation store uses, in one place, so the layout in ARCHITECTURE.md stays true. */
export function conversationKeys(prefix: string, id: string) {
  return {
    /** Hash: createdAt, updatedAt, messageCount, title. */
    meta: `${prefix}conv:${id}`,
    /** List of JSON-encoded messages, oldest first, capped at maxMessages. */
    messages: `${prefix}conv:${id}:msgs`,
    /** JSON of the sales state (stage, lead, bookings, summary). */
    state: `${prefix}conv:${id}:state`,
  };
}

/** Sorted set of conversation ids scored by updatedAt (epoch ms). */
export function conversationIndexKey(prefix: string): string {
  return `${prefix}conv:index`;
}

/** Every key of the speech cache: one string per cached utterance, and one hash of hit/miss counters. */
export function audioCacheKeys(prefix: string) {
  return {
    /** JSON `{ format, provider, chunks: base64[] }`, expiring after TTS_CACHE_TTL_SECONDS. `id` is a SHA-256 hex. */
    entry: (id: string) => `${prefix}tts:${id}`,
    /** Hash: hits, misses. Refreshed to a 90-day TTL on every count. */
    stats: `${prefix}tts:stats`,
  };
}

/** A generated secret shared by every instance (the visitor-session key when SESSION_SECRET is not set). No TTL. */
export function secretKey(prefix: string, name: string): string {
  return `${prefix}secret:${name}`;
}

/** Today's counters for budgets and caps (UTC day). Each expires two days after it is last written. */
export function usageKeys(prefix: string, day: string, visitorId: string, address = '') {
  return {
    /** Integer: LLM tokens the visitor used today. */
    visitorTokens: `${prefix}usage:${day}:tokens:${visitorId}`,
    /** Integer: conversations the visitor started today. */
    visitorConversations: `${prefix}usage:${day}:convs:${visitorId}`,
    /** Integer: micro-USD the app spent on the LLM today. */
    spend: `${prefix}usage:${day}:spend`,
    /** Integer: LLM tokens all visitors of the address (IPv4, or IPv6 /64) used today. */
    addressTokens: `${prefix}usage:${day}:atokens:${address}`,
    /** Integer: conversations all visitors of the address started today. */
    addressConversations: `${prefix}usage:${day}:aconvs:${address}`,
  };
}

export const USAGE_TTL_SECONDS = 2 * 24 * 60 * 60;

/** The resume buffer of replies and the turn lock (docs/streaming.md). */
export function replyKeys(prefix: string, conversationId: string) {
  return {
    /** String: the user message id of the reply in flight (or last finished) in this conversation. */
    current: `${prefix}stream:${conversationId}`,
    /** List of JSON batches of one reply's events, oldest first. */
    events: (turnId: string) => `${prefix}stream:${conversationId}:${turnId}`,
    /** String: `<turnId>|<acquiredAt>` while a turn holds the conversation. */
    lock: `${prefix}lock:${conversationId}`,
  };
}
