import { useCallback, useSyncExternalStore } from 'react';
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

// No id exists during server rendering: the panel renders its shell until the browser supplies one.
const getServerSnapshot = () => null;

/** The conversation id persisted in localStorage, and a function that starts a fresh conversation. */
export function useConversationId(): { id: string | null; startNew: () => void } {
  const id = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  const startNew = useCallback(() => {
    write(crypto.randomUUID());
    listeners.forEach((listener) => listener());
  }, []);
  return { id, startNew };
}
