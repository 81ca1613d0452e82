/** @jest-environment node */
// The multi-turn evaluation: every conversation in eval/conversations.json played through real chat turns, judged on
// six named checks, with a pass count per check at the end. Like the single-turn suite it evaluates the offline agent
// under `npm test`, and whatever the environment configures under `npm run eval` (EVAL_AGENT=config).
import conversationFile from '@/eval/conversations.json';
import { createSalesAgent } from '@/lib/llm';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { CONVERSATION_CHECKS, checkConversation, conversationFileSchema, type CheckResults } from './conversation-checks';
import { evalLlmConfig, playScenario } from './scenario-runner';

const { now, conversations } = conversationFileSchema.parse(conversationFile);
const kb = getKnowledgeBase();
const clock = Date.parse(now);


const agent = createSalesAgent(evalLlmConfig(), { knowledgeBase: kb, now: () => clock, logError: () => undefined });
const results: CheckResults[] = [];

describe(`multi-turn evaluation (${agent.kind} agent: ${agent.model})`, () => {
  it('has at least 12 conversations of 8–12 turns with unique ids', () => {
    expect(conversations.length).toBeGreaterThanOrEqual(12);
    expect(new Set(conversations.map((conversation) => conversation.id)).size).toBe(conversations.length);
  });

  it.each(conversations.map((conversation) => [conversation.id, conversation] as const))(
    '%s',
    async (_id, conversation) => {
      const scenario = { id: conversation.id, behaviour: conversation.title, locale: conversation.locale, turns: conversation.turns, checks: {} as never };
      const transcript = await playScenario(scenario, { agent, kb, now: clock });
      const checked = checkConversation(conversation, transcript, { kb, agentKind: agent.kind });
      results.push(checked);
      const failures = Object.fromEntries(Object.entries(checked).filter(([, list]) => list.length > 0));
      // The transcript makes a failure readable without re-running anything.
      expect({ failures, transcript: Object.keys(failures).length > 0 ? transcript.replies : [] }).toEqual({ failures: {}, transcript: [] });
    },
    agent.kind === 'openai' ? 600_000 : 30_000,
  );

  afterAll(() => {
    const width = Math.max(...CONVERSATION_CHECKS.map((check) => check.length));
    const row = (cells: string[]) => `| ${cells[0]?.padEnd(width)} | ${cells[1]?.padStart(13)} | ${cells[2]?.padStart(6)} |`;
    const lines = CONVERSATION_CHECKS.map((check) => row([check, String(results.length), String(results.filter((result) => result[check].length === 0).length)]));
    const all = results.filter((result) => CONVERSATION_CHECKS.every((check) => result[check].length === 0)).length;
    process.stdout.write(
      [
        `\nMulti-turn evaluation — ${agent.kind} agent (${agent.model})`,
        row(['check', 'conversations', 'passed']),
        `|${'-'.repeat(width + 2)}|${'-'.repeat(15)}|${'-'.repeat(8)}|`,
        ...lines,
        row(['ALL CHECKS', String(results.length), String(all)]),
        '',
      ].join('\n'),
    );
  });
});
