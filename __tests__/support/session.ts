import { getKnowledgeBase } from '@/lib/sales/knowledge';
import type { SalesSession } from '@/lib/sales/session';
import { emptySalesState } from '@/lib/sales/types';

/** A fresh sales session for calling an agent directly, as the chat turn would build it. */
export function testSession(overrides: Partial<SalesSession> = {}): SalesSession {
  return {
    conversationId: 'test-conversation',
    locale: 'en',
    kb: getKnowledgeBase(),
    state: emptySalesState(0),
    userMessages: [],
    now: () => Date.parse('2026-11-24T12:00:00Z'),
    emit: () => undefined,
    ...overrides,
  };
}
