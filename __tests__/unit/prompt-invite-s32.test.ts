// The OpenAI agent's system prompt says whether a meeting's calendar invite is e-mailed, from the configuration the
// booking tool reads (SalesTurnContext.invitesByEmail), so "will I get an invite?" before booking gets the true answer
// there too (the offline agent answers it from the same value: booking-invite-s32).
import { beginTurn } from '@/lib/sales/brain';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { emptySalesState } from '@/lib/sales/state';
import type { SalesTurnContext } from '@/lib/sales/turn-state';
import type { SalesUIMessage } from '@/lib/sales/ui-message';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const ask: SalesUIMessage = { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Will I get a calendar invite if I book a demo?' }] };

function instructionsFor(invitesByEmail: boolean): string {
  const context: SalesTurnContext = { conversationId: 'c', locale: 'en', kb: getKnowledgeBase(), userMessages: [{ id: 'u1', text: 'Will I get a calendar invite if I book a demo?' }], now: () => NOW, invitesByEmail };
  return beginTurn(emptySalesState(0), context, { history: [], userMessage: ask, tokenBudget: 6_000 }).plan.instructions;
}

test('with invites e-mailed, the prompt says the invite goes to the address they book with', () => {
  const prompt = instructionsFor(true);
  expect(prompt).toContain('whether a calendar invite comes: yes, it is e-mailed to the address they book with');
  expect(prompt).not.toContain('it is not e-mailed');
});

test('without, the prompt says it is not e-mailed and points to the booking card’s .ics link', () => {
  const prompt = instructionsFor(false);
  expect(prompt).toContain('whether a calendar invite comes: it is not e-mailed; they add the meeting with the "Add to calendar (.ics)" link on the booking card');
  expect(prompt).not.toContain('yes, it is e-mailed');
});
