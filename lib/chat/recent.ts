import 'server-only';
import type { SalesUIMessage } from '@/lib/sales/ui-message';
import { processSingleton } from '@/lib/process-singleton';
import type { SalesState } from '@/lib/sales/types';

/** What this instance last knew of a conversation: used only when the store cannot be read. */
export interface RecentConversation {
  owner: string;
  messages: SalesUIMessage[];
  state: SalesState | null;
  messageCount: number;
  /**
   * How many messages this instance knows the store holds (its `meta.messageCount`). The ones after them (up to
   * `messageCount`) were answered while the store could not be written, and are written with the next turn.
   */
  savedCount: number;
}

/**
 * The turns this instance remembers after the store's last stored message: those it answered while the store could not
 * be written. Empty unless what it remembers of the conversation (the visitor's) continues exactly what the store holds
 * (counted by the store's `meta.messageCount`); when another instance stored turns meanwhile, the store wins.
 */
export function unsavedTail(storedCount: number, remembered: RecentConversation | undefined, visitorId: string): SalesUIMessage[] {
  if (!remembered || remembered.owner !== visitorId) return [];
  // The store must hold exactly what this instance last saw it hold: not a turn another instance stored since, and not
  // nothing where there was something (an erased or expired conversation is not brought back from memory).
  if (storedCount !== remembered.savedCount) return [];
  const count = remembered.messageCount - remembered.savedCount;
  return count > 0 ? remembered.messages.slice(-count) : [];
}

const MAX_ENTRIES = 2_000;
const MAX_MESSAGES = 60;

/**
 * A small per-process memory of recent conversations. When Redis fails mid-conversation, the agent answers from here
 * instead of treating the turn as the start of a new conversation. Bounded by entries and by messages per entry.
 */
function createRecentConversations() {
  const entries = new Map<string, RecentConversation>();
  return {
    get(id: string): RecentConversation | undefined {
      return entries.get(id);
    },
    remember(id: string, entry: RecentConversation): void {
      entries.delete(id);
      entries.set(id, { ...entry, messages: entry.messages.slice(-MAX_MESSAGES) });
      if (entries.size > MAX_ENTRIES) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    forget(id: string): void {
      entries.delete(id);
    },
  };
}

export type RecentConversations = ReturnType<typeof createRecentConversations>;

export function getRecentConversations(): RecentConversations {
  return processSingleton('recent-conversations', createRecentConversations);
}
