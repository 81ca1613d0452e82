import { createOpenAI } from '@ai-sdk/openai';
import { generateText } from 'ai';
import { z } from 'zod';
import { parseServerConfig, type LlmConfig } from '@/lib/config';

/**
 * The multi-turn evaluation's LLM-judged rubric (EVAL_JUDGE=1): each conversation's transcript goes to the configured
 * OpenAI model (OPENAI_API_KEY / OPENAI_BASE_URL / OPENAI_MODEL / OPENAI_API_MODE, the app's own switch), which scores
 * relevance, tone and helpfulness 1–5 with a one-line reason. The automatic checks decide pass or fail; the rubric is
 * the judgement they cannot make (is this a good rep?), so low scores are reported, not failed. No Jest in here.
 */

export type OpenAIConfig = Extract<LlmConfig, { provider: 'openai' }>;

export const RUBRIC = ['relevance', 'tone', 'helpfulness'] as const;

const score = z.coerce.number().int().min(1).max(5);
export const verdictSchema = z.object({ relevance: score, tone: score, helpfulness: score, reason: z.string().trim().min(1) });
export type Verdict = z.infer<typeof verdictSchema>;

export interface JudgedConversation {
  id: string;
  title: string;
  turns: readonly string[];
  replies: readonly string[];
}

export type JudgeRow = { id: string; verdict: Verdict } | { id: string; error: string };

/**
 * The judge's model, or why there is none: without an OpenAI key the rubric is skipped, and says so. EVAL_JUDGE_MODEL
 * picks another model than OPENAI_MODEL, so the agent is not graded by itself.
 */
export function judgeSetup(env: Record<string, string | undefined>): { ok: true; llm: OpenAIConfig } | { ok: false; reason: string } {
  const { llm } = parseServerConfig(env);
  if (llm.provider === 'openai') return { ok: true, llm: { ...llm, model: env.EVAL_JUDGE_MODEL?.trim() || llm.model } };
  return {
    ok: false,
    reason:
      'EVAL_JUDGE=1 needs an OpenAI key: set OPENAI_API_KEY (and OPENAI_BASE_URL for another OpenAI-compatible server). ' +
      'The LLM-judged rubric (relevance, tone, helpfulness) was not run.',
  };
}

export function judgeInstructions(company: string): string {
  return [
    `You grade transcripts of a website chat between a prospect and ${company}'s AI sales rep.`,
    'Score the rep (not the prospect) from 1 (poor) to 5 (excellent) on:',
    '- relevance: each reply answers what the prospect just asked or said, first, and remembers what they said earlier;',
    '- tone: friendly, concise and professional, in the prospect\'s language, never pushy or robotic, no repeated sentences;',
    '- helpfulness: the prospect learns what they need (prices, fit, next step) and can move forward (trial, demo, a person).',
    'Answer with only a JSON object, no prose and no code fence:',
    '{"relevance": <1-5>, "tone": <1-5>, "helpfulness": <1-5>, "reason": "<one line: the main strength or weakness>"}',
  ].join('\n');
}

/** The transcript as the judge reads it, every turn and reply verbatim. */
export function formatTranscript(conversation: Pick<JudgedConversation, 'title' | 'turns' | 'replies'>): string {
  const lines = [`Scenario: ${conversation.title}`, ''];
  conversation.turns.forEach((turn, index) => {
    lines.push(`Prospect (turn ${index + 1}): ${turn}`, `Sales rep: ${conversation.replies[index] ?? '(no reply)'}`, '');
  });
  return lines.join('\n').trimEnd();
}

/** The verdict in the model's answer: the first JSON object in it (models wrap it in a fence or a sentence now and then). */
export function parseVerdict(text: string): Verdict {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error(`the judge answered without a JSON object: ${JSON.stringify(text.slice(0, 200))}`);
  let json: unknown;
  try {
    json = JSON.parse(text.slice(start, end + 1));
  } catch {
    throw new Error(`the judge's JSON does not parse: ${JSON.stringify(text.slice(start, start + 200))}`);
  }
  const parsed = verdictSchema.safeParse(json);
  if (!parsed.success) throw new Error(`the judge's verdict is not {relevance, tone, helpfulness: 1–5, reason}: ${z.prettifyError(parsed.error)}`);
  // One line, as asked: a reason spread over lines would break the table.
  return { ...parsed.data, reason: parsed.data.reason.replace(/\s+/g, ' ') };
}

/** Asks the judge about one conversation. */
export async function judgeConversation(conversation: JudgedConversation, options: { llm: OpenAIConfig; company: string }): Promise<Verdict> {
  const { llm } = options;
  const provider = createOpenAI({ apiKey: llm.apiKey, baseURL: llm.baseURL });
  const { text } = await generateText({
    model: llm.apiMode === 'chat' ? provider.chat(llm.model) : provider(llm.model),
    instructions: judgeInstructions(options.company),
    prompt: formatTranscript(conversation),
    temperature: 0,
    maxRetries: llm.maxRetries,
    abortSignal: AbortSignal.timeout(llm.timeoutMs),
  });
  return parseVerdict(text);
}

/** Judges every conversation, two at a time; a conversation the judge could not score becomes an error row. */
export async function judgeAll(conversations: readonly JudgedConversation[], options: { llm: OpenAIConfig; company: string; concurrency?: number }): Promise<JudgeRow[]> {
  const rows: JudgeRow[] = new Array(conversations.length);
  let next = 0;
  const worker = async () => {
    while (next < conversations.length) {
      const index = next++;
      const conversation = conversations[index]!;
      try {
        rows[index] = { id: conversation.id, verdict: await judgeConversation(conversation, options) };
      } catch (error) {
        rows[index] = { id: conversation.id, error: error instanceof Error ? error.message : String(error) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 2, conversations.length) }, worker));
  return rows;
}

/** "conversation | relevance | tone | helpfulness | reason", one row per conversation and the mean of each score. */
export function judgeTable(rows: readonly JudgeRow[], heading: string): string {
  const width = Math.max('conversation'.length, 'MEAN'.length, ...rows.map((row) => row.id.length));
  const line = (cells: readonly string[]) => `| ${cells[0]!.padEnd(width)} | ${cells[1]!.padStart(9)} | ${cells[2]!.padStart(4)} | ${cells[3]!.padStart(11)} | ${cells[4]}`;
  const scored = rows.flatMap((row) => ('verdict' in row ? [row.verdict] : []));
  const mean = (key: (typeof RUBRIC)[number]) => (scored.length === 0 ? '–' : (scored.reduce((sum, verdict) => sum + verdict[key], 0) / scored.length).toFixed(2));
  return [
    heading,
    line(['conversation', 'relevance', 'tone', 'helpfulness', 'reason']),
    `|${'-'.repeat(width + 2)}|${'-'.repeat(11)}|${'-'.repeat(6)}|${'-'.repeat(13)}|${'-'.repeat(8)}`,
    ...rows.map((row) =>
      'verdict' in row
        ? line([row.id, String(row.verdict.relevance), String(row.verdict.tone), String(row.verdict.helpfulness), row.verdict.reason])
        : line([row.id, '–', '–', '–', `no verdict: ${row.error}`]),
    ),
    line(['MEAN', mean('relevance'), mean('tone'), mean('helpfulness'), `${scored.length} of ${rows.length} conversations scored`]),
  ].join('\n');
}
