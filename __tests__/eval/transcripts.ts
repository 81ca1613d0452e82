import type { Conversation } from './conversation-checks';

/**
 * Verbatim transcripts of eval/conversations.json (`npm run eval -- --transcripts`), and the docs section built from
 * three of them. Markdown: each reply is quoted as the chat shows it, unedited. No Jest in here.
 */

/** The ten-turn conversations shown in docs/sales-brain.md's last section, in this order. */
export const DOC_TRANSCRIPTS = ['conv-discovery-spread', 'conv-recall-everything', 'conv-spanish-ten-turns'] as const;

export const DOC_HEADING = '## Three conversations, verbatim';

export function transcriptMarkdown(conversation: Pick<Conversation, 'id' | 'title' | 'locale' | 'turns'>, replies: readonly string[]): string {
  const lines = [`### ${conversation.title}`, '', `\`${conversation.id}\` · ${conversation.locale === 'es' ? 'Spanish site' : 'English site'} · ${conversation.turns.length} turns`, ''];
  conversation.turns.forEach((turn, index) => {
    lines.push(`**${index + 1}. Prospect:** ${turn}`, '');
    const reply = replies[index] ?? '';
    // A blockquote keeps the reply's own Markdown (bold prices, lists, the sources line) as the chat renders it.
    lines.push(...(reply.trim() === '' ? ['> *(no reply)*'] : reply.split('\n').map((line) => (line.trim() === '' ? '>' : `> ${line}`))), '');
  });
  return lines.join('\n').trimEnd();
}

/** The docs section: an introduction, how to regenerate it, then the transcripts. */
export function docsSection(transcripts: readonly string[], agent: { kind: string; model: string; now: string }): string {
  return [
    DOC_HEADING,
    '',
    'Three ten-turn conversations from [`eval/conversations.json`](../eval/conversations.json), played through real chat',
    `turns against the ${agent.kind} agent (\`${agent.model}\`) at the evaluation's clock (${agent.now}) and pasted`,
    'as they came out, unedited. The prospect typed the bold lines; each quote is the whole reply as the chat shows it.',
    'After changing the agent, regenerate this section with `npm run eval -- --transcripts --docs`; print any',
    'conversation with `npm run eval -- --transcripts <id> [<id>…]` (no id: all of them).',
    '',
    ...transcripts.flatMap((transcript) => [transcript, '']),
  ].join('\n');
}

/** The document with its last section replaced (or added when it is not there yet). */
export function replaceDocsSection(document: string, section: string): string {
  const at = document.indexOf(`\n${DOC_HEADING}\n`);
  const before = at < 0 ? document.trimEnd() : document.slice(0, at).trimEnd();
  return `${before}\n\n${section.trimEnd()}\n`;
}
