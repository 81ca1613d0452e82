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
