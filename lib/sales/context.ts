// gpt-tokenizer: pure TypeScript with the BPE ranks bundled in the package (no WASM, no download at runtime, no
// dependencies), so counting works offline, in Jest and on any runtime; o200k_base is the encoding of current OpenAI
// chat models. (js-tiktoken needs its ranks loaded separately and pulls in base64-js.)
import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { createLru } from '@/lib/lru';
import { extractLeadFacts } from '@/lib/sales/lead/extract';
import { isQuestion } from '@/lib/sales/lead/text';
import { splitSentences } from '@/lib/sales/sentences';
import type { ConversationSummary } from '@/lib/sales/types';

/**
 * Context management: a token budget per request. When system + summary + history would exceed it, the oldest turns
 * are folded into a rolling, extractive summary kept with the conversation, so the prompt is always system (with lead
 * state) + summary + recent turns. Deterministic and pure (no server-only imports).
 */

export interface ContextMessage {
  id: string;
  role: 'user' | 'assistant' | 'system';
  text: string;
}

/** What the chat format adds around each message (role markers), as OpenAI documents for its chat models. */
export const MESSAGE_OVERHEAD_TOKENS = 4;
/** The rolling summary never grows past this (or a quarter of the budget, when that is smaller). */
export const SUMMARY_MAX_TOKENS = 400;
export const DEFAULT_KEEP_RECENT = 6;
/**
 * After a fold, history fills at most this share of the room it has, so folds happen every few turns rather than
 * every turn: fewer summary rewrites keep the prompt prefix stable (and cacheable) for longer.
 */
const LOW_WATER = 0.8;

/**
 * Where a text may be cut so that its blocks' token counts add up to the whole text's exactly: after a line break and
 * before a line starting with "#". o200k's pre-tokenizer never joins a line break to a following non-space character
 * other than "/" (its line-break pieces are `\s*[\r\n]+` and punctuation followed by `[\r\n/]*`), and BPE merges only
 * within a piece; __tests__/unit/context.test.ts checks the equality on prompts and on generated text.
 */
const BLOCK_BOUNDARY = /(?<=\n)(?=#)/;
/**
 * Counts of blocks seen before, per process: the system prompt's fixed sections (company, plans, policies, rules) and
 * every earlier message of a conversation recur on each turn, and counting them again was ~0.7 ms of a turn's CPU
 * before the model request (docs/performance.md, "Hot path"). Bounded by entries and by the characters kept.
 */
const blockCounts = createLru<number>({ maxEntries: 10_000, maxBytes: 16 * 1024 * 1024, ttlMs: Number.POSITIVE_INFINITY });
// Prospects may type "<|endoftext|>": count it as the text it is instead of throwing.
const NO_SPECIAL_TOKENS = new Set<string>();

export function countTokens(text: string): number {
  let total = 0;
  for (const block of text.split(BLOCK_BOUNDARY)) {
    let count = blockCounts.get(block);
    if (count === undefined) {
      count = countO200k(block, { disallowedSpecial: NO_SPECIAL_TOKENS });
      blockCounts.set(block, count, block.length * 2);
    }
    total += count;
  }
  return total;
}

export interface FitContextInput<M extends ContextMessage> {
  /** Everything besides summary and history: system prompt, lead state, retrieved passages. */
  systemTokens: number;
  /** The whole history, oldest first; the first `summary.coveredMessages` of it are already in the summary. */
  messages: readonly M[];
  summary?: ConversationSummary;
  budget: number;
  /** How many recent messages stay verbatim when folding, budget permitting. */
  keepRecent?: number;
  summaryMaxTokens?: number;
  planNames?: readonly string[];
}

export interface FitContextResult<M extends ContextMessage> {
  recent: M[];
  summary?: ConversationSummary;
  /** How many messages this call folded into the summary. */
  folded: number;
  totalTokens: number;
}

/**
 * Fits the history into the budget. Always keeps the last user message; if that alone cannot fit, totalTokens says so
 * and the caller decides (the turn is still answerable, just over budget).
 */
export function fitContext<M extends ContextMessage>(input: FitContextInput<M>): FitContextResult<M> {
  const { systemTokens, messages, budget } = input;
  const covered = Math.min(Math.max(input.summary?.coveredMessages ?? 0, 0), messages.length);
  const pending = messages.slice(covered);
  const costs = pending.map((message) => countTokens(message.text) + MESSAGE_OVERHEAD_TOKENS);
  const history = costs.reduce((sum, cost) => sum + cost, 0);
  const total = systemTokens + summaryTokens(input.summary) + history;
  if (total <= budget) return { recent: pending, summary: input.summary, folded: 0, totalTokens: total };

  const cap = Math.max(0, Math.min(input.summaryMaxTokens ?? SUMMARY_MAX_TOKENS, Math.floor(budget / 4)));
  // The room history has when the summary is at its cap: staying within it keeps the total within budget.
  const room = budget - systemTokens - cap - MESSAGE_OVERHEAD_TOKENS;
  const target = Math.floor(room * LOW_WATER);
  const keep = input.keepRecent ?? DEFAULT_KEEP_RECENT;
  let lastUser = pending.length - 1;
  while (lastUser > 0 && pending[lastUser]?.role !== 'user') lastUser--;

  let start = 0;
  let remaining = history;
  const foldOne = () => {
    remaining -= costs[start] ?? 0;
    start++;
  };
  while (start < pending.length - keep && start < lastUser && remaining > target) foldOne();
  // Still over: the recent window gives way too, down to the last user message.
  while (start < lastUser && remaining > room) foldOne();
  // Recent turns start with the prospect, never with a reply whose question was folded away.
  while (start < lastUser && start > 0 && pending[start]?.role !== 'user') foldOne();
  if (start === 0) return { recent: pending, summary: input.summary, folded: 0, totalTokens: total };

  const summary: ConversationSummary = {
    text: summarize(pending.slice(0, start), input.summary?.text, { maxTokens: cap, planNames: input.planNames }),
    coveredMessages: covered + start,
  };
  return { recent: pending.slice(start), summary, folded: start, totalTokens: systemTokens + summaryTokens(summary) + remaining };
}

function summaryTokens(summary: ConversationSummary | undefined): number {
  return summary && summary.text !== '' ? countTokens(summary.text) + MESSAGE_OVERHEAD_TOKENS : 0;
}

const HEADER = 'Earlier in this conversation:';
const PLANS = '- Plans discussed: ';
const PRICES = '- Prices quoted: ';
const ASKED = '- Prospect asked: ';
const SAID = '- Prospect said: ';
const LINE_CHARS = 160;
const LIST_ITEMS = 8;

export interface SummarizeOptions {
  maxTokens?: number;
  /** Our plan names, so "Pro is $29…" registers as Pro even without the word "plan". */
  planNames?: readonly string[];
}

/**
 * An extractive summary: the plans and prices discussed (merged lists), then what the prospect asked and told us, one
 * short line each. Merged into `previous` and capped in tokens by dropping the oldest lines first: the lead record
 * keeps the facts that matter most, so old detail is what can go.
 */
export function summarize(messages: readonly Pick<ContextMessage, 'role' | 'text'>[], previous?: string, options: SummarizeOptions = {}): string {
  const maxTokens = options.maxTokens ?? SUMMARY_MAX_TOKENS;
  const plans: string[] = [];
  const prices: string[] = [];
  const events: string[] = [];
  for (const line of (previous ?? '').split('\n')) {
    if (line.startsWith(PLANS)) plans.push(...line.slice(PLANS.length).split('; '));
    else if (line.startsWith(PRICES)) prices.push(...line.slice(PRICES.length).split('; '));
    else if (line.startsWith('- ')) events.push(line);
  }
  // A repeated line moves to the end: it is recent again, so it should be the last to be dropped.
  const addUnique = (list: string[], item: string) => {
    if (item === '') return;
    const existing = list.indexOf(item);
    if (existing >= 0) list.splice(existing, 1);
    list.push(item);
  };
  for (const message of messages) {
    if (message.role === 'user') {
      for (const line of prospectLines(message.text)) addUnique(events, line);
    } else if (message.role === 'assistant') {
      const found = plansAndPrices(message.text, options.planNames ?? []);
      found.plans.forEach((plan) => addUnique(plans, plan));
      found.prices.forEach((price) => addUnique(prices, price));
    }
  }
  const render = () => {
    const lines = [HEADER];
    if (plans.length > 0) lines.push(`${PLANS}${plans.slice(-LIST_ITEMS).join('; ')}`);
    if (prices.length > 0) lines.push(`${PRICES}${prices.slice(-LIST_ITEMS).join('; ')}`);
    return [...lines, ...events].join('\n');
  };
  let text = render();
  while (countTokens(text) > maxTokens && events.length > 0) {
    // Drop the oldest line of whichever kind is more numerous, so a burst of questions cannot push out what the
    // prospect told us (and the other way round).
    const asked = events.filter((line) => line.startsWith(ASKED)).length;
    const kind = asked * 2 > events.length ? ASKED : SAID;
    const index = events.findIndex((line) => line.startsWith(kind));
    events.splice(index >= 0 ? index : 0, 1);
    text = render();
  }
  // Only the lists are left and still too long (a tiny cap): cut at a line boundary, then characters.
  while (countTokens(text) > maxTokens && text.length > 0) {
    const cut = text.lastIndexOf('\n');
    text = cut > 0 ? text.slice(0, cut) : text.slice(0, Math.floor(text.length * 0.8));
  }
  return text;
}

/** At most two lines per prospect message: sentences with lead facts first, then questions. */
function prospectLines(text: string): string[] {
  const told: string[] = [];
  const asked: string[] = [];
  for (const sentence of splitSentences(text)) {
    const question = isQuestion(sentence);
    const facts = Object.keys(extractLeadFacts({ text: sentence, now: 0 })).length;
    if (facts > 0 && !question) told.push(`${SAID}${clip(sentence)}`);
    else if (question && sentence.split(/\s+/).length >= 3) asked.push(`${ASKED}${clip(sentence)}`);
    else if (sentence.split(/\s+/).length >= 6) told.push(`${SAID}${clip(sentence)}`);
  }
  return [...told, ...asked].slice(0, 2);
}

// (Or as another language writes it, the sign after: "1 365 $US", "1.365 $", "29 US$".)
const PRICE = /[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:per|\/|a|an)\s*(?:seat|user|month|mo|year|yr)(?:\s*(?:per|\/|a|an)\s*(?:seat|user|month|mo|year|yr))?)?|(?<![\d.,])(?:\d{1,3}(?:[.,\s]\d{3})+|\d+)(?:[.,]\d{1,2})?\s?(?:US)?[$€£](?:US)?/g;

function plansAndPrices(text: string, planNames: readonly string[]): { plans: string[]; prices: string[] } {
  const plans: string[] = [];
  const prices: string[] = [];
  for (const sentence of splitSentences(text)) {
    const mentions: { name: string; at: number }[] = [];
    for (const match of sentence.matchAll(/\b([A-Z][\w-]+)\s+(?:plan|tier)\b/g)) {
      if (match[1]) mentions.push({ name: match[1], at: match.index });
    }
    for (const name of planNames) {
      for (const match of sentence.matchAll(new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g'))) {
        mentions.push({ name, at: match.index });
      }
    }
    mentions.sort((a, b) => a.at - b.at).forEach(({ name }) => plans.includes(name) || plans.push(name));
    for (const match of sentence.matchAll(PRICE)) {
      // A price belongs to the plan named last before it in the same sentence ("Pro is $29 per seat/month").
      const plan = mentions.filter((mention) => mention.at < match.index).pop()?.name;
      prices.push(plan ? `${plan} ${match[0].trim()}` : match[0].trim());
    }
  }
  return { plans, prices };
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= LINE_CHARS ? flat : `${flat.slice(0, LINE_CHARS - 1).trimEnd()}…`;
}
