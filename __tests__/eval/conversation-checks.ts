import { z } from 'zod';
import type { SalesAgent } from '@/lib/llm/types';
import { fieldsAskedIn, questionSentences } from '@/lib/sales/asked-questions';
import { classifySalesIntent } from '@/lib/sales/intents';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import { splitSentences } from '@/lib/sales/sentences';
import { LEAD_FIELDS, type LeadField } from '@/lib/sales/types';
import { checkScenario, scenarioSchema, type Transcript } from './scenario-runner';

/**
 * The multi-turn evaluation's checks (eval/conversations.json): each conversation is judged on six named checks, so
 * `npm run eval` can print a pass count per check. No Jest in here; `conversation-eval.test.ts` plays and reports.
 */

const expectation = z
  .object({
    /** 1-based, as a person counts turns. */
    turn: z.number().int().min(1),
    /** A question about what the prospect said earlier: counts towards the recall check. */
    recall: z.boolean().default(false),
    includes: z.array(z.string()).default([]),
    excludes: z.array(z.string()).default([]),
    matches: z.array(z.string()).default([]),
  })
  .strict();

export const conversationSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    locale: z.enum(['en', 'es']),
    turns: z.array(z.string().min(1)).min(8).max(12),
    /** Lead facts the prospect gives somewhere in the conversation, as the lead record should hold them at the end. */
    facts: z.partialRecord(z.enum(LEAD_FIELDS), z.union([z.string(), z.number()])).default({}),
    expect: z.array(expectation).default([]),
  })
  .strict();

export const conversationFileSchema = z.object({ now: z.iso.datetime(), conversations: z.array(conversationSchema).min(12) });
export type Conversation = z.infer<typeof conversationSchema>;

export const CONVERSATION_CHECKS = ['recall', 'no question after its answer', 'no repeated sentence', 'question answered', 'one language', 'grounded prices'] as const;
export type ConversationCheck = (typeof CONVERSATION_CHECKS)[number];
export type CheckResults = Record<ConversationCheck, string[]>;

export function checkConversation(
  conversation: Conversation,
  transcript: Transcript,
  context: { kb: KnowledgeBase; agentKind: SalesAgent['kind'] },
): CheckResults {
  const { replies, state } = transcript;
  const results: CheckResults = {
    recall: [],
    'no question after its answer': [],
    'no repeated sentence': [],
    'question answered': [],
    'one language': [],
    'grounded prices': [],
  };

  // The single-turn suite's invariants: amounts are catalogue or get_pricing figures; the rest (empty replies, leaks,
  // evidence) are basics every answer needs, counted under "question answered".
  const base = scenarioSchema.parse({ id: conversation.id, behaviour: 'conversation', locale: conversation.locale, turns: conversation.turns, checks: {} });
  for (const failure of checkScenario(base, transcript, context)) {
    (failure.startsWith('amount ') ? results['grounded prices'] : results['question answered']).push(failure);
  }

  for (const [field, expected] of Object.entries(conversation.facts)) {
    const actual = state?.lead.fields[field as LeadField]?.value;
    const same = typeof expected === 'number' ? actual === expected : String(actual ?? '').toLowerCase() === expected.toLowerCase();
    if (!same) results.recall.push(`lead ${field} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
  for (const entry of conversation.expect) {
    const reply = replies[entry.turn - 1] ?? '';
    const failures = [
      ...entry.includes.filter((text) => !reply.includes(text)).map((text) => `lacks "${text}"`),
      ...entry.excludes.filter((text) => reply.includes(text)).map((text) => `contains "${text}"`),
      ...entry.matches.filter((pattern) => !new RegExp(pattern, 'iu').test(reply)).map((pattern) => `does not match /${pattern}/`),
    ].map((failure) => `turn ${entry.turn} ${failure}: ${JSON.stringify(reply.slice(0, 300))}`);
    (entry.recall ? results.recall : results['question answered']).push(...failures);
  }

  results['no question after its answer'].push(...reaskFailures(conversation, transcript));
  results['no repeated sentence'].push(...repeatFailures(replies));
  results['one language'].push(...languageFailures(conversation, replies));
  return results;
}

/**
 * A field answered at turn i is never asked in reply i or later; an unanswered one at most twice, reworded. The email
 * a demo asked for needs ("I'd like to book a demo" → "what's the best email for the invite?") is the booking's own
 * question, not the playbook asking again: it is not counted against the two.
 */
function reaskFailures(conversation: Conversation, { replies, state }: Transcript): string[] {
  const failures: string[] = [];
  const answeredAt = new Map<LeadField, number>();
  for (const [field, fact] of Object.entries(state?.lead.fields ?? {})) {
    const turn = conversation.turns.findIndex((text) => fact && text.includes(fact.evidence));
    if (turn >= 0) answeredAt.set(field as LeadField, turn);
  }
  const asks = new Map<LeadField, string[]>();
  replies.forEach((reply, index) => {
    const forBooking = classifySalesIntent(conversation.turns[index] ?? '') === 'booking';
    for (const field of fieldsAskedIn(reply)) {
      const answered = answeredAt.get(field);
      if (forBooking && field === 'email' && (answered === undefined || index < answered)) continue;
      if (answered !== undefined && index >= answered) failures.push(`reply ${index + 1} asks for ${field}, given at turn ${answered + 1}`);
      const wording = questionSentences(reply).join(' ');
      asks.set(field, [...(asks.get(field) ?? []), wording]);
    }
  });
  for (const [field, wordings] of asks) {
    if (wordings.length > 2) failures.push(`${field} was asked ${wordings.length} times`);
    if (wordings.length === 2 && normalise(wordings[0] ?? '') === normalise(wordings[1] ?? '')) failures.push(`${field} was asked twice in the same words`);
  }
  return failures;
}

/** No sentence of four words or more appears again within the next three replies. */
function repeatFailures(replies: readonly string[]): string[] {
  const failures: string[] = [];
  const sentencesOf = (reply: string) => new Set(sentencesIn(reply).map(normalise).filter((sentence) => sentence.split(' ').length >= 4));
  replies.forEach((reply, index) => {
    const earlier = new Set(replies.slice(Math.max(0, index - 3), index).flatMap((previous) => [...sentencesOf(previous)]));
    for (const sentence of sentencesOf(reply)) if (earlier.has(sentence)) failures.push(`reply ${index + 1} repeats "${sentence}"`);
  });
  return failures;
}

const EN_WORDS = new Set('the and is are you your for with to of we our it that this what how can on in be would will have has do does which when'.split(' '));
const ES_WORDS = new Set('el la los las de del que y para con por su sus un una lo se le al más cómo qué cuál está están puede tiene usted ustedes nuestro nuestra'.split(' '));

function language(text: string): 'en' | 'es' | undefined {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const en = words.filter((word) => EN_WORDS.has(word)).length;
  const es = words.filter((word) => ES_WORDS.has(word)).length + (/[¿¡ñ]/.test(text) ? 2 : 0);
  if (en >= 2 && en > es * 2) return 'en';
  if (es >= 2 && es > en * 2) return 'es';
  return undefined;
}

/** Each reply is in the prospect's language (the site's on the Spanish site): no sentence in the other one. */
function languageFailures(conversation: Conversation, replies: readonly string[]): string[] {
  const failures: string[] = [];
  let expected: 'en' | 'es' = conversation.locale;
  replies.forEach((reply, index) => {
    const written = language(conversation.turns[index] ?? '');
    if (conversation.locale === 'en' && written) expected = written;
    for (const sentence of sentencesIn(reply)) {
      const found = language(sentence);
      if (found && found !== expected) failures.push(`reply ${index + 1} (${expected}) has a sentence in ${found}: "${sentence.slice(0, 120)}"`);
    }
  });
  return failures;
}

function sentencesIn(reply: string): string[] {
  return reply.split('\n').flatMap((line) => splitSentences(line.replace(/^\s*[-*]\s+/, '')));
}

function normalise(sentence: string): string {
  return sentence.toLowerCase().replace(/[*_`]/g, '').replace(/[^\p{L}\p{N}$@.,]+/gu, ' ').replace(/[.,]+(\s|$)/g, ' ').trim();
}
