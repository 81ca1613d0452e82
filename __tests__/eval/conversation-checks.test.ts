/** @jest-environment node */
// Each multi-turn check is fed a transcript that breaks it, so a check that stops failing is caught.
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { emptySalesState } from '@/lib/sales/types';
import { checkConversation, conversationSchema } from './conversation-checks';
import type { Transcript } from './scenario-runner';

const kb = getKnowledgeBase();
const turns = ['Hi', 'We are 25 people', 'How much is Pro?', 'ok', 'What did I say my team size was?', 'thanks', 'bye', 'hm'];
const conversation = conversationSchema.parse({
  id: 'broken',
  title: 'broken',
  locale: 'en',
  turns,
  facts: { teamSize: 25 },
  expect: [{ turn: 5, recall: true, includes: ['25'] }, { turn: 3, includes: ['$29'] }],
});

function transcript(replies: string[]): Transcript {
  const state = emptySalesState(0);
  state.lead.fields.teamSize = { value: 25, evidence: 'We are 25 people', confidence: 0.85, asked: false, capturedAt: 0 };
  return { replies, chunks: [], state, toolCalls: [] };
}

const good = [
  'Hello! What brings you here today?',
  'A team of 25 — noted. Pro fits teams of that size well.',
  '**Pro** is **$29 per seat per month** billed monthly.',
  'Great. Anything else I can help you with now?',
  'You told me your team size is **25**.',
  'You are welcome, happy to help any time.',
  'Goodbye and have a lovely day.',
  'Is there anything else on your mind?',
];
const failing = (replies: string[]) => Object.entries(checkConversation(conversation, transcript(replies), { kb, agentKind: 'offline' })).filter(([, list]) => list.length > 0).map(([check]) => check);

it('passes a good transcript', () => expect(failing(good)).toEqual([]));

it.each([
  ['recall', 5, 'I do not have a confirmed answer to that question.'],
  ['question answered', 3, 'Pro is a great plan for growing teams like yours.'],
  ['grounded prices', 3, '**Pro** is **$19 per seat per month** billed monthly.'],
  ['no question after its answer', 4, 'How many people on your team would be using it?'],
  ['no repeated sentence', 4, 'A team of 25 — noted. Pro fits teams of that size well.'],
  ['one language', 6, 'De nada, estamos para lo que necesite con su equipo.'],
])('fails %s', (check, turn, reply) => {
  const replies = [...good];
  replies[turn - 1] = reply;
  expect(failing(replies)).toContain(check);
});
