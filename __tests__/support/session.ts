import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { emptySalesState, type SalesState } from '@/lib/sales/state';
import type { SalesEvent, SalesTurnContext } from '@/lib/sales/turn-state';

/**
 * A fresh sales turn for calling an agent directly, as the chat turn would build it: spread `input` into
 * `streamReply({...})`; `state` and `events` then hold what the turn's updates made (as the chat turn keeps them).
 */
export function testSession(overrides: Partial<SalesTurnContext> & { state?: SalesState } = {}) {
  const { state: initial = emptySalesState(0), ...context } = overrides;
  const session = {
    state: initial,
    events: [] as SalesEvent[],
    input: {
      context: {
        conversationId: 'test-conversation',
        locale: 'en' as const,
        kb: getKnowledgeBase(),
        userMessages: [],
        now: () => Date.parse('2026-11-24T12:00:00Z'),
        // As the app runs without SMTP: the invite is the booking card's .ics download, not an e-mail.
        invitesByEmail: false,
        ...context,
      } satisfies SalesTurnContext,
      state: initial,
      onUpdate: (update: { state: SalesState; events: SalesEvent[] }) => {
        session.state = update.state;
        session.events.push(...update.events);
      },
    },
  };
  return session;
}
