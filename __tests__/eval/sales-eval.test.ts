/** @jest-environment node */
// The sales evaluation: every scenario in eval/scenarios.json played through real chat turns (startChatTurn, the
// agent, its tools, the memory store), checked deterministically, with a per-behaviour table at the end.
// By default it evaluates the offline agent, so `npm test` stays deterministic even with a key in .env;
// `npm run eval` (EVAL_AGENT=config) evaluates whatever the environment configures — OpenAI when OPENAI_API_KEY is set.
import scenarioFile from '@/eval/scenarios.json';
import { createSalesAgent } from '@/lib/llm';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { checkScenario, evalLlmConfig, playScenario, scenarioFileSchema } from './scenario-runner';

const { now, scenarios } = scenarioFileSchema.parse(scenarioFile);
const kb = getKnowledgeBase();
const clock = Date.parse(now);


const llm = evalLlmConfig();
const agent = createSalesAgent(llm, { knowledgeBase: kb, now: () => clock, logError: () => undefined });
const results: { behaviour: string; passed: boolean }[] = [];

describe(`sales evaluation (${agent.kind} agent: ${agent.model})`, () => {
  it('has at least 30 scenarios with unique ids', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(30);
    expect(new Set(scenarios.map((scenario) => scenario.id)).size).toBe(scenarios.length);
  });

  it.each(scenarios.map((scenario) => [scenario.id, scenario] as const))(
    '%s',
    async (_id, scenario) => {
      const transcript = await playScenario(scenario, { agent, kb, now: clock });
      const failures = checkScenario(scenario, transcript, { kb, agentKind: agent.kind });
      results.push({ behaviour: scenario.behaviour, passed: failures.length === 0 });
      // The transcript makes a failure readable without re-running anything.
      expect({ failures, transcript: failures.length > 0 ? transcript.replies : [] }).toEqual({ failures: [], transcript: [] });
    },
    // A real model answers in seconds per turn; the offline agent in milliseconds.
    agent.kind === 'openai' ? 180_000 : 20_000,
  );

  afterAll(() => {
    process.stdout.write(`\n${passRateTable(results)}\n`);
  });
});

/** "behaviour | scenarios | passed | rate", one row per behaviour and a total. */
function passRateTable(rows: readonly { behaviour: string; passed: boolean }[]): string {
  const byBehaviour = new Map<string, { total: number; passed: number }>();
  for (const row of rows) {
    const entry = byBehaviour.get(row.behaviour) ?? { total: 0, passed: 0 };
    entry.total++;
    if (row.passed) entry.passed++;
    byBehaviour.set(row.behaviour, entry);
  }
  const total = { total: rows.length, passed: rows.filter((row) => row.passed).length };
  const lines = [...byBehaviour.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([behaviour, entry]) => [behaviour, entry] as const);
  lines.push(['TOTAL', total]);
  const rate = (entry: { total: number; passed: number }) => `${entry.total === 0 ? 0 : Math.round((entry.passed / entry.total) * 100)}%`;
  const width = Math.max(9, ...lines.map(([behaviour]) => behaviour.length));
  const row = (cells: string[]) => `| ${cells[0]?.padEnd(width)} | ${cells[1]?.padStart(9)} | ${cells[2]?.padStart(6)} | ${cells[3]?.padStart(5)} |`;
  return [
    `Sales evaluation — ${agent.kind} agent (${agent.model})`,
    row(['behaviour', 'scenarios', 'passed', 'rate']),
    `|${'-'.repeat(width + 2)}|${'-'.repeat(11)}|${'-'.repeat(8)}|${'-'.repeat(7)}|`,
    ...lines.map(([behaviour, entry]) => row([behaviour, String(entry.total), String(entry.passed), rate(entry)])),
  ].join('\n');
}
