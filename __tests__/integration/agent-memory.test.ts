/** @jest-environment node */
// The sales state is the OpenAI agent's memory too: facts given turns earlier, and the questions it already asked,
// reach the system prompt of later requests (read from the stand-in's recorded request bodies).
import { createSalesAgent } from '@/lib/llm';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { playScenario } from '../eval/scenario-runner';
import { withOpenAIStandIn } from '../support/openai-standin';

const openai = withOpenAIStandIn();
const config = () => openai.config();

it('carries facts from two turns earlier and the questions already asked into the prompt', async () => {
  openai.standIn.setBehaviour({
    turns: [
      { text: 'Nice to meet you, Maria. How many people are on your team?' },
      { text: 'Twenty-five — noted. Pro fits teams of that size.' },
      { text: 'You told me you are 25 people at Acme Logistics.' },
    ],
  });
  const kb = getKnowledgeBase();
  const agent = createSalesAgent(config(), { knowledgeBase: kb, logError: () => undefined });
  const transcript = await playScenario(
    { id: 'memory', behaviour: 'memory', locale: 'en', turns: ["I'm Maria from Acme Logistics", 'We are 25 people, and we use Jira', 'What did I say my team size was?'], checks: {} as never },
    { agent, kb, now: Date.parse('2026-11-24T12:00:00Z') },
  );
  expect(transcript.replies).toHaveLength(3);

  const calls = openai.standIn.requests.filter((entry: { path: string }) => entry.path.startsWith('/v1/'));
  expect(calls).toHaveLength(3);
  const last = JSON.stringify(calls[2]?.body);
  expect(last).toContain('company: Acme Logistics (they said:');
  expect(last).toContain('team size: 25 (they said:');
  expect(last).toContain('uses Jira (they said:');
  // The first reply asked for the team size; the state remembers it was asked.
  expect(last).toContain('you already asked about: team size (1×)');
  expect(transcript.state?.asked).toEqual({ teamSize: 1 });
});
