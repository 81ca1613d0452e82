// MiniSearch: a small, maintained, dependency-free full-text index (BM25+ ranking, fuzzy and prefix matching, field
// boosts) that runs in-process and in the browser. The knowledge base is a few hundred short passages, so an inverted
// index beats embeddings here: no network, no model download, deterministic ranking a test can pin down.
import MiniSearch from 'minisearch';
import { describePlanPrice, formatPrice, getKnowledgeBase } from '@/lib/sales/knowledge';
import { knowledgeLocale } from '@/lib/sales/knowledge/overlay';
import type { SalesLocale } from '@/lib/sales/turn-state';
import type { KnowledgeBase, Plan } from '@/lib/sales/knowledge/schema';
import { RETRIEVAL_WORDS, type RetrievalWords } from '@/lib/sales/retrieval-words';
import { formatLocalHour } from '@/lib/sales/booking';
import { handoffHoursText } from '@/lib/sales/handoff-hours';
import { compoundHeads, foldTerm, stemTerm, termWords, withCompoundHeads } from '@/lib/sales/text-stem';

/**
 * Knowledge retrieval: the knowledge base cut into passages with stable source ids, searched by MiniSearch.
 * OpenAI mode gets the top passages in its prompt and cites their ids; the offline agent answers from them.
 * Pure and client-safe.
 */

export type PassageKind = 'company' | 'plan' | 'faq' | 'objection' | 'competitor' | 'case' | 'policy';

// A type alias, not an interface: aliases are assignable to the AI SDK's JSONValue, so passages travel as tool results
// and provider metadata unchanged.
export type Passage = {
  /** `<kind>:<entry id>`, e.g. "faq:sso", "plan:pro", "objection:too-expensive", "competitor:asana", "case:acme", "policy:discounts". */
  id: string;
  kind: PassageKind;
  title: string;
  text: string;
  /** Relevance for the query that found it (higher is better; only comparable within one search). 0 from getPassage. */
  score: number;
};

/** An FAQ entry as a passage, for answers chosen by its keywords rather than found by a search. */
export function faqPassage(faq: KnowledgeBase['faqs'][number], score = 0): Passage {
  return { id: `faq:${faq.id}`, kind: 'faq', title: faq.question, text: faq.answer, score };
}

export interface SearchOptions {
  /** How many passages at most (default 5). */
  limit?: number;
  kb?: KnowledgeBase;
}

export interface IndexedPassage extends Omit<Passage, 'score'> {
  /** Words that should find the passage but that it need not say (aliases, other languages). */
  keywords: string;
}

interface KnowledgeIndex {
  search: MiniSearch<IndexedPassage>;
  passages: Map<string, IndexedPassage>;
  order: Map<string, number>;
  /** The keywords a German compound may end with ("Jahresrabatt": "rabatt"), searched for as well. */
  heads: Set<string>;
}

/**
 * A weak match relative to the best one is noise the prompt would pay tokens for ("have" fuzzily matching "hours").
 */
const MIN_RELATIVE_SCORE = 0.15;

// Function words carry no topic; dropping them lets "do you have SSO?" (or "avez-vous le SSO ?") be about "sso".
const STOPWORDS = new Set(
  (
    'a an and are as at be but by can could do does did for from get got have has how i if in into is it its me my of on ' +
    'or our so that the their them there these this to us was we what when where which who why will with would you your ' +
    'about any some just also than then very there here ' +
    'de del el la las lo los un una unos unas y o u que en es son por para con sin se su sus al mi mis nuestro nuestra ' +
    'tienen tiene hay como cual cuales este esta estos estas eso ese usted ustedes nos le les ya ' +
    'le les des du au aux et ou est sont avec pour par sur dans ce cet cette ces qui quoi quel quelle quels quelles ' +
    'comment combien vous nous votre vos notre nos je tu il elle ils elles on pas ne avez etes peut pouvez fait faire ' +
    'der die das den dem des ein eine einen einer eines und oder ist sind mit fur von zu auf aus bei im wie was wer ' +
    'wann warum welche welcher welches ich wir sie ihr ihre ihnen unser unsere es kann konnen haben habt gibt nicht auch ' +
    'في من على الى عن هل ما ماذا وماذا كيف كم متى هذا هذه ذلك تلك التي الذي لدي لديكم لديك انا نحن انتم مع او ثم'
  )
    .split(' ')
    .map(foldTerm),
);

/**
 * A term as the index stores it and a query looks for it: folded and stemmed by lib/sales/text-stem, like the offline
 * agent's matching ("Integrations" → "integration", "sesión" → "sesion", "والأسعار" → "اسعار", "بياناتنا" →
 * "بيانات"), or null for a stop word. MiniSearch runs it on the passages when it builds the index and on every query.
 * Exported for tests.
 */
export function processTerm(term: string): string | null {
  const folded = foldTerm(term);
  if (!folded || STOPWORDS.has(folded)) return null;
  return stemTerm(folded);
}

const indexes = new WeakMap<KnowledgeBase, KnowledgeIndex>();

function indexFor(kb: KnowledgeBase): KnowledgeIndex {
  let index = indexes.get(kb);
  if (!index) {
    const passages = buildPassages(kb);
    const search = new MiniSearch<IndexedPassage>({
      fields: ['title', 'keywords', 'text'],
      storeFields: [],
      processTerm,
      // The offline agent's words: anything that is not a letter or digit in any script splits ("¿Tienen", "SOC-2"),
      // a vowel mark or accent does not ("تُخزَّن").
      tokenize: termWords,
      searchOptions: {
        boost: { title: 2, keywords: 3, text: 1 },
        // Typos in longer words only: fuzzy-matching "sso" or "pro" would hit unrelated short words.
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
        prefix: (term) => term.length >= 4,
        combineWith: 'OR',
      },
    });
    search.addAll(passages);
    index = {
      search,
      passages: new Map(passages.map((passage) => [passage.id, passage])),
      order: new Map(passages.map((passage, position) => [passage.id, position])),
      heads: compoundHeads(passages.flatMap((passage) => passage.keywords.split(/\s+/))),
    };
    indexes.set(kb, index);
  }
  return index;
}

/** The passages of a knowledge base, best first for its query; ties keep catalogue order so ranking is deterministic. */
export function searchKnowledge(query: string, options: SearchOptions = {}): Passage[] {
  const { limit = 5, kb = getKnowledgeBase() } = options;
  if (limit <= 0 || !query.trim()) return [];
  const index = indexFor(kb);
  const results = index.search
    .search(withCompoundHeads(query, index.heads))
    .sort((a, b) => b.score - a.score || (index.order.get(a.id) ?? 0) - (index.order.get(b.id) ?? 0));
  const top = results[0]?.score ?? 0;
  const passages: Passage[] = [];
  for (const result of results) {
    if (passages.length >= limit || result.score < top * MIN_RELATIVE_SCORE) break;
    const passage = index.passages.get(String(result.id));
    if (passage) passages.push(toPassage(passage, result.score));
  }
  return passages;
}

/** A passage by its id ("faq:sso"), e.g. to expand a citation; undefined when the knowledge base has no such entry. */
export function getPassage(id: string, kb: KnowledgeBase = getKnowledgeBase()): Passage | undefined {
  const passage = indexFor(kb).passages.get(id);
  return passage ? toPassage(passage, 0) : undefined;
}

/** Every passage of the knowledge base, in catalogue order. */
export function listPassages(kb: KnowledgeBase = getKnowledgeBase()): Passage[] {
  return [...indexFor(kb).passages.values()].map((passage) => toPassage(passage, 0));
}

function toPassage({ id, kind, title, text }: IndexedPassage, score: number): Passage {
  return { id, kind, title, text, score };
}

/** Cuts the knowledge base into passages, worded in its own language. Exported for the docs and tests; search through searchKnowledge. */
export function buildPassages(kb: KnowledgeBase): IndexedPassage[] {
  const { company, policies } = kb;
  const currency = company.currency;
  const locale: SalesLocale = knowledgeLocale(kb);
  const words = RETRIEVAL_WORDS[locale];
  const keywords = words.keywords;
  const passages: IndexedPassage[] = [
    {
      id: 'company:profile',
      kind: 'company',
      title: words.about(company.name),
      text: `${company.name}: ${company.tagline} ${company.description}`,
      keywords: `${company.name} ${keywords.company}`,
    },
  ];
  for (const plan of kb.plans) {
    passages.push({
      id: `plan:${plan.id}`,
      kind: 'plan',
      title: words.planTitle(plan.name),
      text: `${plan.summary} ${words.price}: ${planPrice(plan, currency, words, locale)}. ${words.seats(plan.minSeats, plan.maxSeats)} ${words.includes}: ${plan.features.join('; ')}.`,
      keywords: [plan.name, ...plan.aliases, 'plan', keywords.price].join(' '),
    });
  }
  for (const faq of kb.faqs) {
    passages.push({ id: `faq:${faq.id}`, kind: 'faq', title: faq.question, text: faq.answer, keywords: faq.keywords.join(' ') });
  }
  for (const objection of kb.objections) {
    passages.push({
      id: `objection:${objection.id}`,
      kind: 'objection',
      title: objection.title ?? sentenceFromId(objection.id),
      text: objection.answer,
      keywords: objection.keywords.join(' '),
    });
  }
  for (const competitor of kb.competitors) {
    passages.push({
      id: `competitor:${competitor.id}`,
      kind: 'competitor',
      title: `${company.name} vs ${competitor.name}`,
      text:
        `${competitor.summary} ${words.stronger(company.name)}: ${competitor.ourAdvantages.join('; ')}. ` +
        `${words.strong(competitor.name)}: ${competitor.theirStrengths.join('; ')}.`,
      keywords: [competitor.name, ...competitor.aliases, keywords.compare].join(' '),
    });
  }
  for (const study of kb.caseStudies) {
    const plan = study.plan ? kb.plans.find((entry) => entry.id === study.plan) : undefined;
    passages.push({
      id: `case:${study.id}`,
      kind: 'case',
      title: words.caseTitle(study.customer, study.industry, study.teamSize, plan?.name),
      text: `${study.summary} ${words.results}: ${study.results.join('; ')}.`,
      keywords: [study.industry, ...study.keywords, keywords.cases].join(' '),
    });
  }
  // Policy passages tell the prospect what the agent may say. The maximum discount stays out on purpose: it is for
  // the sales team's negotiation (and the system prompt's limits), not a number to read out to a prospect.
  const { meetings } = policies;
  passages.push(
    {
      id: 'policy:discounts',
      kind: 'policy',
      title: words.discountTitle,
      text: [policies.annualDiscountNote, words.discountText].filter(Boolean).join(' '),
      keywords: keywords.discount,
    },
    {
      id: 'policy:commitments',
      kind: 'policy',
      title: words.commitmentsTitle,
      text: words.commitments(policies.mustNotPromise.join('; ')),
      keywords: keywords.commitments,
    },
    {
      id: 'policy:handoff',
      kind: 'policy',
      title: words.handoffTitle,
      text: words.handoff(policies.handoff.email, handoffHoursText(policies.handoff.hours, locale)),
      keywords: keywords.handoff,
    },
    {
      id: 'policy:meetings',
      kind: 'policy',
      title: words.meetingsTitle,
      text: words.meetings(meetings.durationMinutes, formatLocalHour(meetings.workingHours.start, locale), formatLocalHour(meetings.workingHours.end, locale), describeDays(meetings.workingDays, words)),
      keywords: keywords.meetings,
    },
  );
  return passages;
}

function planPrice(plan: Plan, currency: string, words: RetrievalWords, locale: SalesLocale): string {
  if (locale === 'en') return describePlanPrice(plan, currency);
  const parts = [
    plan.pricePerSeatMonthly === null ? undefined : words.perSeatMonthly(formatPrice(plan.pricePerSeatMonthly, currency, locale)),
    plan.pricePerSeatMonthlyAnnual === null ? undefined : words.perSeatAnnual(formatPrice(plan.pricePerSeatMonthlyAnnual, currency, locale)),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : words.customPrice;
}

function sentenceFromId(id: string): string {
  const text = id.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describeDays(days: readonly number[], words: RetrievalWords): string {
  const sorted = [...days].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted.at(-1);
  const name = (day: number) => words.dayNames[day - 1] ?? String(day);
  const consecutive = sorted.every((day, i) => i === 0 || day === (sorted[i - 1] ?? 0) + 1);
  if (first !== undefined && last !== undefined && consecutive && sorted.length > 2) return words.daySpan(name(first), name(last));
  return sorted.map(name).join(', ');
}
