/** @jest-environment node */
// Verbatim transcripts. Under `npm test` this checks that the docs' conversations exist and play back identically (so
// docs/sales-brain.md's last section can be regenerated and a diff there is a change in the agent). Under
// `npm run eval -- --transcripts` (EVAL_TRANSCRIPTS=<ids> or "docs") it prints the transcripts or rewrites that section.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import conversationFile from '@/eval/conversations.json';
import type { LlmConfig } from '@/lib/config';
import { createSalesAgent } from '@/lib/llm';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { conversationFileSchema, type Conversation } from './conversation-checks';
import { evalLlmConfig, playScenario } from './scenario-runner';
import { DOC_HEADING, DOC_TRANSCRIPTS, docsSection, replaceDocsSection, transcriptMarkdown } from './transcripts';

const { now, conversations } = conversationFileSchema.parse(conversationFile);
const kb = getKnowledgeBase();
const clock = Date.parse(now);
const OFFLINE: LlmConfig = { provider: 'offline', model: 'offline-sales-agent', wordDelayMs: 0, contextTokens: 6_000 };
const DOCS = path.join(process.cwd(), 'docs', 'sales-brain.md');

async function play(conversation: Conversation, llm: LlmConfig = OFFLINE) {
  const agent = createSalesAgent(llm, { knowledgeBase: kb, now: () => clock, logError: () => undefined });
  const scenario = { id: conversation.id, behaviour: conversation.title, locale: conversation.locale, turns: conversation.turns, checks: {} as never };
  return { agent, replies: (await playScenario(scenario, { agent, kb, now: clock })).replies };
}

const byId = (id: string) => {
  const conversation = conversations.find((candidate) => candidate.id === id);
  if (!conversation) throw new Error(`no conversation "${id}" in eval/conversations.json; ids: ${conversations.map((c) => c.id).join(', ')}`);
  return conversation;
};

describe('verbatim transcripts', () => {
  it('shows three ten-turn conversations in the docs', () => {
    expect(DOC_TRANSCRIPTS.map((id) => byId(id).turns.length)).toEqual([10, 10, 10]);
  });

  it.each(DOC_TRANSCRIPTS.map((id) => [id]))('%s plays back identically, so the docs can be regenerated', async (id) => {
    const conversation = byId(id);
    const first = await play(conversation);
    const second = await play(conversation);
    expect(second.replies).toEqual(first.replies);
    expect(first.replies).toHaveLength(10);
    expect(first.replies.every((reply) => reply.trim().length > 0)).toBe(true);
  });

  it('quotes every turn and every line of every reply unedited', () => {
    const replies = ['**Pro** costs **$29**.\n\n- one\n- two', '', 'Plain'];
    const markdown = transcriptMarkdown({ id: 'x', title: 'A title', locale: 'en', turns: ['How much?', 'hm', 'ok'] }, replies);
    expect(markdown.split('\n')).toEqual([
      '### A title', '', '`x` · English site · 3 turns', '',
      '**1. Prospect:** How much?', '', '> **Pro** costs **$29**.', '>', '> - one', '> - two', '',
      '**2. Prospect:** hm', '', '> *(no reply)*', '',
      '**3. Prospect:** ok', '', '> Plain',
    ]);
  });

  it('replaces only the last section of the docs, and adds it when missing', () => {
    const section = docsSection(['### t'], { kind: 'offline', model: 'm', now });
    const once = replaceDocsSection('# Doc\n\n## Earlier\n\ntext\n', section);
    expect(once).toBe(`# Doc\n\n## Earlier\n\ntext\n\n${section.trimEnd()}\n`);
    expect(replaceDocsSection(once, docsSection(['### u'], { kind: 'offline', model: 'm', now }))).toBe(once.replace('### t', '### u'));
    // The real document keeps everything above the section.
    const docs = readFileSync(DOCS, 'utf8');
    const head = docs.includes(`\n${DOC_HEADING}\n`) ? docs.slice(0, docs.indexOf(`\n${DOC_HEADING}\n`)).trimEnd() : docs.trimEnd();
    expect(replaceDocsSection(docs, section).startsWith(`${head}\n\n${DOC_HEADING}\n`)).toBe(true);
  });
});

// `npm run eval -- --transcripts [ids…] [--docs]`: what the command prints or writes (stdout is Jest-free: Jest reports on stderr).
const wanted = process.env.EVAL_TRANSCRIPTS;
if (wanted !== undefined) {
  it(`prints the transcripts (EVAL_TRANSCRIPTS=${wanted || 'all'})`, async () => {
    if (wanted === 'docs') {
      const played = await Promise.all(DOC_TRANSCRIPTS.map(async (id) => transcriptMarkdown(byId(id), (await play(byId(id))).replies)));
      const section = docsSection(played, { kind: 'offline', model: OFFLINE.model, now });
      writeFileSync(DOCS, replaceDocsSection(readFileSync(DOCS, 'utf8'), section));
      process.stdout.write(`${section}\nWrote the section "${DOC_HEADING}" at the end of docs/sales-brain.md.\n`);
      return;
    }
    const ids = wanted ? wanted.split(',').filter(Boolean) : conversations.map((conversation) => conversation.id);
    for (const id of ids) {
      const { agent, replies } = await play(byId(id), evalLlmConfig());
      process.stdout.write(`${transcriptMarkdown(byId(id), replies)}\n\n_${agent.kind} agent (${agent.model}), clock ${now}_\n\n`);
    }
  }, 30 * 60_000);
}
