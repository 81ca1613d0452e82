import type { SalesUIMessage } from '@/lib/chat/messages';
import { forgetVisitorSession, visitorHeaders } from '@/lib/client/visitor-session';
import { readHistorySnapshot, saveHistorySnapshot, type OutboxEntry } from './outbox';

// A hung history request must not keep the suggestions disabled for ever.
const HISTORY_TIMEOUT_MS = 8000;

export interface LoadedHistory {
  messages: SalesUIMessage[];
  /** The server could not be asked: this is the copy saved on this device. */
  cached: boolean;
}

function isStoredMessage(value: unknown): value is SalesUIMessage {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Partial<SalesUIMessage>;
  return (
    typeof candidate.id === 'string' &&
    (candidate.role === 'user' || candidate.role === 'assistant') &&
    Array.isArray(candidate.parts)
  );
}

/** GET {api}/{id} → the stored messages; an unknown conversation (404) is simply an empty one. */
async function fetchHistory(url: string): Promise<SalesUIMessage[]> {
  const request = async () =>
    fetch(url, { headers: { accept: 'application/json', ...(await visitorHeaders()) }, signal: AbortSignal.timeout(HISTORY_TIMEOUT_MS) });
  let response = await request();
  if (response.status === 401) {
    // The session was refused (expired, or the server's secret changed): start a new one and ask once more.
    forgetVisitorSession();
    response = await request();
  }
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`History request failed with status ${response.status}`);
  const body = (await response.json()) as { messages?: unknown };
  return Array.isArray(body.messages) ? body.messages.filter(isStoredMessage) : [];
}

/** The stored history, saved on this device as it arrives; when the server cannot be asked, the last saved copy. */
export async function loadHistory([url, conversationId]: readonly [string, string]): Promise<LoadedHistory> {
  try {
    const messages = await fetchHistory(url);
    void saveHistorySnapshot(conversationId, messages);
    return { messages, cached: false };
  } catch (error) {
    const snapshot = await readHistorySnapshot(conversationId);
    if (snapshot) return { messages: snapshot, cached: true };
    throw error;
  }
}

export function entryMessage(entry: OutboxEntry): SalesUIMessage {
  return { id: entry.messageId, role: 'user', parts: [{ type: 'text', text: entry.text }], metadata: { createdAt: entry.createdAt } };
}

/**
 * The stored history joined with what only this page has. The first time, everything local is kept after the stored
 * turns (someone quick sent before the history arrived), plus the messages the server took but has not stored with a
 * reply yet, so a resumed reply lands after its question. Later (a refresh after a reply ended while we were away),
 * the stored copy replaces local partial replies; local messages are kept only while the outbox still holds them or
 * while a reply streams.
 */
export function mergeHistory({
  stored,
  current,
  entries,
  first,
  streaming,
}: {
  stored: readonly SalesUIMessage[];
  current: readonly SalesUIMessage[];
  entries: readonly OutboxEntry[];
  first: boolean;
  streaming: boolean;
}): SalesUIMessage[] {
  const storedIds = new Set(stored.map((message) => message.id));
  const outboxIds = new Set(entries.map((entry) => entry.messageId));
  const last = current.at(-1);
  const kept = current.filter(
    (message) => !storedIds.has(message.id) && (first || outboxIds.has(message.id) || (streaming && message === last)),
  );
  const accepted = first
    ? entries.filter((entry) => entry.acceptedAt && !storedIds.has(entry.messageId) && !current.some((m) => m.id === entry.messageId)).map(entryMessage)
    : [];
  return [...stored, ...accepted, ...kept];
}

/** True when the page already shows an assistant reply after the user message `turnId`. */
export function isTurnAnswered(messages: readonly SalesUIMessage[], turnId: string): boolean {
  const index = messages.findIndex((message) => message.id === turnId);
  return index !== -1 && messages.slice(index + 1).some((message) => message.role === 'assistant');
}
