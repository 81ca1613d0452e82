import type { Locale } from '@/lib/i18n/locales';
import type { SalesDataParts } from '@/lib/sales/ui-message';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import type { SalesState } from '@/lib/sales/state';

/**
 * How a turn changes the sales state. The brain's steps and the tools are pure functions `(state, input) → { state,
 * events }`: they return the new state and the data parts to stream, and never change what they were given. One
 * place applies the updates in order — the ledger the agent's stream owns (lib/llm/stream-reply.ts) — and reports
 * them to the chat turn, which stores the last state and publishes the events.
 */

/** The agent answers in every UI locale (lib/i18n/locales.ts is the one list). */
export type SalesLocale = Locale;

/** What a turn reads besides the state, fixed for the whole turn. */
export interface SalesTurnContext {
  readonly conversationId: string;
  readonly locale: SalesLocale;
  readonly kb: KnowledgeBase;
  /** The prospect's messages so far, oldest first, including the new one: the evidence for anything captured. */
  readonly userMessages: readonly { id: string; text: string }[];
  readonly now: () => number;
  /**
   * Whether a booked prospect is e-mailed the invite (lib/config-notify.ts `invitesAreEmailed()`): only then may the
   * agent say one was sent; otherwise the booking card's .ics download is the invite.
   */
  readonly invitesByEmail: boolean;
  /**
   * The prospect's time zone as their browser reports it (an IANA name the server knows), when the client sent one: a
   * meeting is booked in it unless the prospect names another, instead of the knowledge base's default zone.
   */
  readonly visitorTimeZone?: string;
}

type EventName = 'lead' | 'stage' | 'booking' | 'handoff';
/** A business event of the turn, streamed to the browser as a `data-<name>` part. */
export type SalesEvent = { [K in EventName]: { type: `data-${K}`; data: SalesDataParts[K] } }[EventName];

/** A step's result: the new state and the events it produced, oldest first. */
export interface StateUpdate {
  state: SalesState;
  events: SalesEvent[];
}

export const unchanged = (state: SalesState): StateUpdate => ({ state, events: [] });

/** Runs `next` on the state `first` produced, keeping both steps' events in order. */
export function then(first: StateUpdate, next: (state: SalesState) => StateUpdate): StateUpdate {
  const second = next(first.state);
  return { ...second, events: [...first.events, ...second.events] };
}

/** The one place a turn's updates are applied: it holds the current state and hands every update to `sink`. */
export interface StateLedger {
  readonly state: SalesState;
  apply(update: StateUpdate): void;
}

export function createStateLedger(initial: SalesState, sink: (update: StateUpdate) => void): StateLedger {
  let current = initial;
  return {
    get state() {
      return current;
    },
    apply(update) {
      current = update.state;
      sink(update);
    },
  };
}
