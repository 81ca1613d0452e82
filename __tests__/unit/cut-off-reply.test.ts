// A reply that broke off ("El", stored as it stood, status "incomplete") or that the prospect stopped is sent to the
// model next turn marked as cut off, so it does not take the fragment for what the prospect was told; a whole reply is
// sent as it was, and what the prospect sees is never changed.
import { beginTurn, CUT_OFF } from '@/lib/sales/brain';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { emptySalesState } from '@/lib/sales/state';
import type { SalesTurnContext } from '@/lib/sales/turn-state';
import type { SalesUIMessage } from '@/lib/sales/ui-message';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const text = (message: SalesUIMessage) => message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
const user = (id: string, said: string): SalesUIMessage => ({ id, role: 'user', parts: [{ type: 'text', text: said }] });
const reply = (id: string, said: string, status?: 'stopped' | 'incomplete'): SalesUIMessage => ({ id, role: 'assistant', parts: [{ type: 'text', text: said }], ...(status ? { metadata: { status } } : {}) });

function recentFor(history: SalesUIMessage[]) {
  const next = user('u9', '¿Y el precio anual?');
  const context: SalesTurnContext = { conversationId: 'c', locale: 'es', kb: getKnowledgeBase(), userMessages: [...history, next].filter((m) => m.role === 'user').map((m) => ({ id: m.id, text: text(m) })), now: () => NOW, invitesByEmail: true };
  return beginTurn(emptySalesState(0), context, { history, userMessage: next, tokenBudget: 6_000 }).plan.recent;
}

test.each(['incomplete', 'stopped'] as const)('a %s reply reaches the model marked as cut off after its text', (status) => {
  const history = [user('u1', '¿Cuánto cuesta Pro?'), reply('a1', 'El', status)];
  const sent = recentFor(history).find((message) => message.id === 'a1');
  expect(sent && text(sent)).toBe(`El${CUT_OFF}`);
  // The stored message itself is left as it was.
  expect(text(history[1]!)).toBe('El');
});

test('a whole reply reaches the model as it was', () => {
  const sent = recentFor([user('u1', '¿Cuánto cuesta Pro?'), reply('a1', 'Pro cuesta $29 por usuario al mes.')]).find((message) => message.id === 'a1');
  expect(sent && text(sent)).toBe('Pro cuesta $29 por usuario al mes.');
});
