import 'server-only';
import type { SalesUIMessage } from '@/lib/sales/ui-message';
import type { SalesState } from '@/lib/sales/state';
import { isStoreTimeout } from '@/lib/store/transport';
import type { ConversationStore, TurnUsage } from '@/lib/store/types';

const DEFAULT_WRITE_RETRIES_MS = [200, 800] as const;

/**
 * Writes the turn, retrying with backoff (not after a request that timed out: the store is then hung, and each attempt
 * would keep the prospect's reply open for the store's whole deadline). After a failed read the conversation's owner is checked again first, and the
 * stored sales state is only replaced if there was none: what was stored before is never overwritten by a state built
 * without it.
 */
export async function persistTurn(args: {
  conversationId: string;
  visitorId: string;
  store: ConversationStore;
  now: () => number;
  day: string;
  messages: SalesUIMessage[];
  state: SalesState;
  readFailed: boolean;
  usage: () => TurnUsage;
  writeRetryDelaysMs?: readonly number[];
}): Promise<boolean> {
  const delays = [0, ...(args.writeRetryDelaysMs ?? DEFAULT_WRITE_RETRIES_MS)];
  for (const [attempt, delay] of delays.entries()) {
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      let state: SalesState | undefined = args.state;
      let usage = args.usage();
      if (args.readFailed) {
        const check = await args.store.loadTurn({ id: args.conversationId, visitorId: args.visitorId, day: args.day });
        if (check.owner !== args.visitorId) return false;
        if (check.conversation?.state) state = undefined;
        usage = { ...usage, newConversation: check.conversation === null };
      }
      await args.store.appendMessages({ id: args.conversationId, messages: args.messages, state, now: args.now(), usage });
      return true;
    } catch (error) {
      // A store past its deadline is hung, not flaky: another attempt would hold the reply's end for as long again.
      const timedOut = isStoreTimeout(error);
      console.error(`[chat] storing a turn of ${args.conversationId} failed (attempt ${attempt + 1} of ${delays.length}${timedOut ? ', timed out: not retried' : ''})`, error);
      if (timedOut) return false;
    }
  }
  return false;
}

