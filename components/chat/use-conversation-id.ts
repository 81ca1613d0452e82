import { startTransition, useCallback, useEffect, useState } from 'react';
import { isStrongConversationId } from '@/lib/chat/messages';

export const CONVERSATION_ID_KEY = 'sales-agent:conversation-id';
/** The id of a conversation created here and not yet sent: the server has nothing for it, so no history is asked. */
const FRESH_KEY = 'sales-agent:conversation-fresh';

const listeners = new Set<() => void>();
// Used when storage is unavailable (blocked third-party storage in an embed, some private modes): the id then lives
// as long as the page does, which is the best we can do.
let memoryId: string | null = null;

function read(): string | null {
  try {
    return window.localStorage.getItem(CONVERSATION_ID_KEY);
  } catch {
    return memoryId;
  }
}

let memoryFresh: string | null = null;

function write(id: string) {
  memoryId = id;
  memoryFresh = id;
  try {
    window.localStorage.setItem(CONVERSATION_ID_KEY, id);
    window.localStorage.setItem(FRESH_KEY, id);
  } catch {
    // Storage blocked: memoryId above keeps the conversation for this page view.
  }
}

/** True while the conversation has never been sent to the server (its history would be a 404). */
export function isFreshConversation(id: string): boolean {
  try {
    return window.localStorage.getItem(FRESH_KEY) === id;
  } catch {
    return memoryFresh === id;
  }
}

/** The first message is on its way: from now on the server knows the conversation. */
export function markConversationSent(id: string): void {
  if (memoryFresh === id) memoryFresh = null;
  try {
    if (window.localStorage.getItem(FRESH_KEY) === id) window.localStorage.removeItem(FRESH_KEY);
  } catch {
    // Storage blocked: memoryFresh above.
  }
}

/** Reads the stored id, creating and storing one if it is absent or was tampered with. Idempotent once stored. */
function getSnapshot(): string {
  const stored = read();
  if (stored && isStrongConversationId(stored)) return stored;
  const created = crypto.randomUUID();
  write(created);
  return created;
}

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  // Another tab starting a new conversation changes ours too, so both tabs show the same thread.
  const onStorage = (event: StorageEvent) => {
    if (event.key === CONVERSATION_ID_KEY) onChange();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onStorage);
  };
}

/** The stored id, created and stored if absent: for the panel's own decisions outside rendering. */
export function readConversationId(): string {
  return getSnapshot();
}

/**
 * The conversation id persisted in localStorage; `load` puts it in state (the engine needs it); `startNew` starts a
 * fresh conversation. null on the server and while hydrating (no id exists there). A conversation with a history has
 * its id in state right after hydration (as a transition: the panel shows its buttons enabled); a fresh one only once
 * `load` is called, so a first visit's panel renders once, at hydration, and not again until the engine is wanted.
 * Not useSyncExternalStore: its server snapshot (null) differs from the browser's, which makes React re-render the
 * whole panel synchronously once hydrated — one long task on every page load.
 */
export function useConversationId(): { id: string | null; load: () => void; startNew: () => void } {
  const [id, setId] = useState<string | null>(null);
  const load = useCallback(() => setId(getSnapshot()), []);
  useEffect(() => {
    if (!isFreshConversation(getSnapshot())) startTransition(load);
    return subscribe(load);
  }, [load]);
  const startNew = useCallback(() => {
    write(crypto.randomUUID());
    listeners.forEach((listener) => listener());
  }, []);
  return { id, load, startNew };
}
