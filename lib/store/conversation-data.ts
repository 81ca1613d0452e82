import 'server-only';
import { messageText, type SalesUIMessage } from '@/lib/sales/ui-message';
import { parseSalesState, type SalesState } from '@/lib/sales/state';

/** Admin lists show this much of the first user message. */
export const TITLE_MAX_CHARS = 80;

/** The title a batch of messages would give a new conversation: its first user message, shortened ('' if none). */
export function titleFromMessages(messages: SalesUIMessage[]): string {
  for (const message of messages) {
    if (message.role !== 'user') continue;
    const text = messageText(message).replace(/\s+/g, ' ');
    if (!text) continue;
    return text.length <= TITLE_MAX_CHARS ? text : `${text.slice(0, TITLE_MAX_CHARS - 1).trimEnd()}…`;
  }
  return '';
}

/**
 * Decodes the stored sales state with the state's one schema (lib/sales/state.ts); a corrupt value is logged and read
 * as absent (the next turn rebuilds it), never a failed turn.
 */
export function decodeState(conversationId: string, raw: unknown): SalesState | null {
  if (raw === null || raw === undefined) return null;
  try {
    const state = parseSalesState(typeof raw === 'string' ? JSON.parse(raw) : raw);
    if (state) return state;
  } catch {
    // fall through
  }
  console.warn(`[store] ignored a corrupt sales state in conversation ${conversationId}`);
  return null;
}

function isMessage(value: unknown): value is SalesUIMessage {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<SalesUIMessage>;
  return typeof candidate.id === 'string' && typeof candidate.role === 'string' && Array.isArray(candidate.parts);
}

/**
 * Decodes stored messages. A corrupt entry (bad JSON, wrong shape) is skipped and logged: one bad write must not
 * make a whole conversation unreadable.
 */
export function decodeMessages(conversationId: string, raw: readonly unknown[]): SalesUIMessage[] {
  const messages: SalesUIMessage[] = [];
  let skipped = 0;
  for (const entry of raw) {
    try {
      const value: unknown = typeof entry === 'string' ? JSON.parse(entry) : entry;
      if (isMessage(value)) messages.push(value);
      else skipped += 1;
    } catch {
      skipped += 1;
    }
  }
  if (skipped > 0) console.warn(`[store] skipped ${skipped} corrupt message(s) in conversation ${conversationId}`);
  return messages;
}
