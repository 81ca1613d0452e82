import type { Passage } from '@/lib/sales/retrieval';

/**
 * The sources a reply shows: only the passages its text actually used, and never the internal playbook (how to
 * handle an objection, what the assistant must not promise), whose titles are notes to ourselves. Pure.
 */

const INTERNAL_KINDS = new Set<Passage['kind']>(['objection', 'policy']);
/** A run of this many words shared with the passage means the reply drew on it. */
const SHINGLE = 5;

export function sourcesForReply(reply: string, passages: readonly Passage[], limit = 3): Passage[] {
  const words = tokens(reply);
  const text = ` ${words.join(' ')} `;
  return passages.filter((passage) => !INTERNAL_KINDS.has(passage.kind) && used(passage, text, words)).slice(0, limit);
}

function used(passage: Passage, reply: string, replyWords: string[]): boolean {
  // A plan or competitor counts when the reply names it; the rest when it repeats the passage's wording.
  const named = passage.kind === 'plan' ? passage.title.replace(/\s+plan$/i, '') : passage.kind === 'competitor' ? passage.title.split(/\s+vs\.?\s+/i)[1] : undefined;
  if (named) return reply.includes(` ${tokens(named).join(' ')} `);
  const source = tokens(passage.text);
  for (let start = 0; start + SHINGLE <= source.length; start++) {
    if (reply.includes(` ${source.slice(start, start + SHINGLE).join(' ')} `)) return true;
  }
  const distinct = new Set(source.filter((word) => word.length > 3));
  const shared = replyWords.filter((word, index) => word.length > 3 && distinct.has(word) && replyWords.indexOf(word) === index).length;
  return distinct.size > 0 && shared / distinct.size >= 0.5;
}

function tokens(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}
