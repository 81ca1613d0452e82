/** @jest-environment node */
// The multi-turn evaluation: every conversation in eval/conversations.json played through real chat turns, judged on
// six named checks, with a pass count per check at the end. Like the single-turn suite it evaluates the offline agent
// under `npm test`, and whatever the environment configures under `npm run eval` (EVAL_AGENT=config). With EVAL_JUDGE=1
// the configured OpenAI model also scores each transcript on a rubric (judge.ts); without a key that says it was skipped.
import conversationFile from '@/eval/conversations.json';
import { createSalesAgent } from '@/lib/llm';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { CONVERSATION_CHECKS, checkConversation, conversationFileSchema, type CheckResults } from './conversation-checks';
import { judgeAll, judgeSetup, judgeTable, type JudgedConversation } from './judge';
import { evalLlmConfig, playScenario } from './scenario-runner';

const { now, conversations } = conversationFileSchema.parse(conversationFile);
const kb = getKnowledgeBase();
const clock = Date.parse(now);


const agent = createSalesAgent(evalLlmConfig(), { knowledgeBase: kb, now: () => clock, logError: () => undefined });
const results: CheckResults[] = [];
const judging = process.env.EVAL_JUDGE === '1';
const judge = judging ? judgeSetup(process.env) : undefined;
const transcripts: JudgedConversation[] = [];

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
      transcripts.push({ id: conversation.id, title: conversation.title, turns: conversation.turns, replies: transcript.replies });
      const failures = Object.fromEntries(Object.entries(checked).filter(([, list]) => list.length > 0));
      // The transcript makes a failure readable without re-running anything.
      expect({ failures, transcript: Object.keys(failures).length > 0 ? transcript.replies : [] }).toEqual({ failures: {}, transcript: [] });
    },
    agent.kind === 'openai' ? 600_000 : 30_000,
  );

  if (judge?.ok) {
    const { llm } = judge;
    it(`LLM-judged rubric (EVAL_JUDGE=1, judge: ${llm.model})`, async () => {
      const rows = await judgeAll(transcripts, { llm, company: kb.company.name });
      process.stdout.write(`\n${judgeTable(rows, `LLM-judged rubric — ${agent.kind} agent (${agent.model}), judged by ${llm.model}; scores 1–5`)}\n`);
      // Scores are reported, not failed; a judge that could not score a conversation is a broken rubric.
      expect(rows.flatMap((row) => ('error' in row ? [`${row.id}: ${row.error}`] : []))).toEqual([]);
      expect(rows).toHaveLength(conversations.length);
    }, 30 * 60_000);
  } else if (judge) {
    // Skipped with its reason in the test's name and in the output, so a missing key never reads as a passed rubric.
    it.skip(`LLM-judged rubric (EVAL_JUDGE=1): ${judge.reason}`, () => undefined);
  }

  afterAll(() => {
    if (judge && !judge.ok) process.stdout.write(`\nLLM-judged rubric skipped: ${judge.reason}\n`);
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
