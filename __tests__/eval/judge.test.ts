/** @jest-environment node */
// The LLM judge's plumbing (EVAL_JUDGE=1) against the local OpenAI stand-in: the config switch picks the judge, the
// transcript reaches the request body verbatim, the verdict is parsed into the table, and no key means a stated skip.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import conversationFile from '@/eval/conversations.json';
import { createSalesAgent } from '@/lib/llm';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { startOpenAIStandIn } from '@/scripts/standins/openai-server.mjs';
import { conversationFileSchema } from './conversation-checks';
import { formatTranscript, judgeAll, judgeSetup, judgeTable, parseVerdict, type JudgedConversation, type OpenAIConfig } from './judge';
import { playScenario } from './scenario-runner';

type StandIn = Awaited<ReturnType<typeof startOpenAIStandIn>>;

const { now, conversations } = conversationFileSchema.parse(conversationFile);
const kb = getKnowledgeBase();
const VERDICT = { relevance: 4, tone: 5, helpfulness: 3, reason: 'Answers first and remembers the team size, but never proposes a demo.' };

let standIn: StandIn;
let played: JudgedConversation[];

beforeAll(async () => {
  standIn = await startOpenAIStandIn({ port: 0, apiKey: 'sk-judge' });
  // Two real ten-turn transcripts from the offline agent: what the judge is given under `npm run eval`.
  const agent = createSalesAgent({ provider: 'offline', model: 'offline-sales-agent', wordDelayMs: 0, contextTokens: 6_000 }, { knowledgeBase: kb, now: () => Date.parse(now) });
  played = [];
  for (const conversation of conversations.slice(0, 2)) {
    const scenario = { id: conversation.id, behaviour: conversation.title, locale: conversation.locale, turns: conversation.turns, checks: {} as never };
    const transcript = await playScenario(scenario, { agent, kb, now: Date.parse(now) });
    played.push({ id: conversation.id, title: conversation.title, turns: conversation.turns, replies: transcript.replies });
  }
});

afterAll(async () => {
  await standIn?.close();
});

beforeEach(() => standIn.reset());

function judgeLlm(mode: 'responses' | 'chat'): OpenAIConfig {
  const setup = judgeSetup({ OPENAI_API_KEY: 'sk-judge', OPENAI_BASE_URL: standIn.url, OPENAI_MODEL: 'gpt-judge', OPENAI_API_MODE: mode, OPENAI_MAX_RETRIES: '0' });
  if (!setup.ok) throw new Error(setup.reason);
  return setup.llm;
}

/** Everything the model was sent, as one string (instructions, transcript), per model request. */
const sentTexts = () => standIn.requests.filter((request) => request.path.endsWith('/responses') || request.path.endsWith('/completions')).map((request) => JSON.stringify(request.body));

describe.each(['responses', 'chat'] as const)('the judge over the %s API', (mode) => {
  it('sends each transcript verbatim with the rubric to the configured model and tables the verdicts', async () => {
    // The second answer wraps its JSON in a fence and a sentence, as models sometimes do.
    standIn.setBehaviour({ turns: [{ text: JSON.stringify(VERDICT) }, { text: `Here you go:\n\`\`\`json\n${JSON.stringify({ ...VERDICT, tone: 2 })}\n\`\`\`` }] });
    const rows = await judgeAll(played, { llm: judgeLlm(mode), company: kb.company.name, concurrency: 1 });

    const bodies = standIn.requests.map((request) => request.body);
    expect(bodies).toHaveLength(2);
    expect(bodies.map((body) => body.model)).toEqual(['gpt-judge', 'gpt-judge']);
    expect(standIn.requests.every((request) => request.headers.authorization === 'Bearer sk-judge')).toBe(true);
    const sent = sentTexts();
    played.forEach((conversation, index) => {
      const body = sent[index]!;
      expect(body).toContain(JSON.stringify(formatTranscript(conversation)).slice(1, -1));
      for (const [turn, text] of conversation.turns.entries()) {
        expect(body).toContain(JSON.stringify(`Prospect (turn ${turn + 1}): ${text}`).slice(1, -1));
        expect(body).toContain(JSON.stringify(`Sales rep: ${conversation.replies[turn]}`).slice(1, -1));
      }
      expect(body).toMatch(/relevance.*tone.*helpfulness/s);
      expect(body).toContain(kb.company.name);
    });

    expect(rows).toEqual([
      { id: played[0]!.id, verdict: VERDICT },
      { id: played[1]!.id, verdict: { ...VERDICT, tone: 2 } },
    ]);
    const table = judgeTable(rows, 'LLM-judged rubric').split('\n');
    expect(table[0]).toBe('LLM-judged rubric');
    expect(table.find((line) => line.startsWith(`| ${played[0]!.id} `))?.split('|').map((cell) => cell.trim())).toEqual(['', played[0]!.id, '4', '5', '3', VERDICT.reason]);
    expect(table.find((line) => line.startsWith(`| ${played[1]!.id} `))?.split('|').map((cell) => cell.trim())).toEqual(['', played[1]!.id, '4', '2', '3', VERDICT.reason]);
    expect(table.at(-1)?.split('|').map((cell) => cell.trim())).toEqual(['', 'MEAN', '4.00', '3.50', '3.00', '2 of 2 conversations scored']);
  });
});

it('reports a conversation the judge could not score as a row with the reason, not as a score', async () => {
  standIn.setBehaviour({ turns: [{ text: 'I think it went well overall.' }, { text: JSON.stringify({ ...VERDICT, relevance: 9 }) }] });
  const rows = await judgeAll(played, { llm: judgeLlm('chat'), company: kb.company.name, concurrency: 1 });
  expect(rows.map((row) => ('error' in row ? row.error : 'scored'))).toEqual([
    expect.stringContaining('without a JSON object'),
    expect.stringContaining('relevance'),
  ]);
  expect(judgeTable(rows, 'x').split('\n').at(-1)).toContain('0 of 2 conversations scored');
});

it('reports an HTTP failure of the judge as a row (an invalid key)', async () => {
  const rows = await judgeAll(played.slice(0, 1), { llm: { ...judgeLlm('chat'), apiKey: 'sk-wrong' }, company: kb.company.name });
  expect(rows).toEqual([{ id: played[0]!.id, error: expect.stringMatching(/api key/i) }]);
});

it('uses EVAL_JUDGE_MODEL when it is set, else OPENAI_MODEL', () => {
  const base = { OPENAI_API_KEY: 'sk-judge', OPENAI_BASE_URL: standIn.url, OPENAI_MODEL: 'gpt-agent' };
  expect(judgeSetup(base)).toMatchObject({ ok: true, llm: { model: 'gpt-agent', baseURL: standIn.url, apiKey: 'sk-judge' } });
  expect(judgeSetup({ ...base, EVAL_JUDGE_MODEL: 'gpt-judge-large' })).toMatchObject({ ok: true, llm: { model: 'gpt-judge-large' } });
});

describe('parseVerdict', () => {
  it('takes scores given as strings and folds the reason onto one line', () => {
    expect(parseVerdict('{"relevance":"5","tone":4,"helpfulness":3,"reason":"Clear.\\nShort."}')).toEqual({ relevance: 5, tone: 4, helpfulness: 3, reason: 'Clear. Short.' });
  });

  it('refuses scores outside 1–5, a missing reason and broken JSON', () => {
    expect(() => parseVerdict('{"relevance":0,"tone":4,"helpfulness":3,"reason":"x"}')).toThrow(/relevance/);
    expect(() => parseVerdict('{"relevance":3,"tone":4,"helpfulness":3}')).toThrow(/reason/);
    expect(() => parseVerdict('{"relevance":3,')).toThrow(/without a JSON object|does not parse/);
  });
});

describe('without an OpenAI key', () => {
  it('says the judge needs one instead of judging', () => {
    expect(judgeSetup({})).toEqual({ ok: false, reason: expect.stringContaining('EVAL_JUDGE=1 needs an OpenAI key: set OPENAI_API_KEY') });
  });

  it('prints the reason and reports the rubric as skipped, not passed, in the multi-turn evaluation', () => {
    const root = process.cwd();
    const run = spawnSync(path.join(root, 'node_modules', '.bin', 'jest'), ['__tests__/eval/conversation-eval.test.ts', '--verbose', '-t', 'has at least 12|LLM-judged'], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', EVAL_JUDGE: '1' },
      timeout: 120_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status).toBe(0);
    expect(output).toContain('LLM-judged rubric skipped: EVAL_JUDGE=1 needs an OpenAI key');
    expect(output).toMatch(/○ skipped LLM-judged rubric \(EVAL_JUDGE=1\): EVAL_JUDGE=1 needs an OpenAI key/);
  });
});
