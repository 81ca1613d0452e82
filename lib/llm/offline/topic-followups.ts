import type { OfflineTurn } from '@/lib/llm/offline/context';
import type { Plan } from '@/lib/sales/knowledge/schema';
import type { Passage } from '@/lib/sales/retrieval';
import { searchKnowledge } from '@/lib/sales/retrieval';
import { splitSentences } from '@/lib/sales/sentences';
import { billingIn, editDistance, findMentionedPlans, isContactSales, mentionsAny, westernDigits } from '@/lib/llm/offline/reading';
import type { Topic } from '@/lib/llm/offline/topic-types';
import { freshFields, QUESTION, RECOMMEND } from '@/lib/llm/offline/topic-words';
import { inferredPriceTopic, lastQuotedPlan, priceTopic, seatsFor } from '@/lib/llm/offline/topic-pricing';
import { knowledgeTopic } from '@/lib/llm/offline/topic-knowledge';
import { NEED_PLAN_ASK, REQUIREMENTS } from '@/lib/llm/offline/topic-needs';

/**
 * Follow-ups on what was said before: a plan asked about again ("y el pro?" twice), a message of two questions each
 * with its own answer ("is my data safe? where is it stored"), and a what-if on fewer seats ("what if we only put 10
 * people on it").
 */

/**
 * "Y el pro?" after that plan's page was shown: for a team on record, its price for them (what the page did not say);
 * else its price in short — never the page again, word for word.
 */
export function planAskedAgain(turn: OfflineTurn, plan: Plan): Topic | undefined {
  if (turn.text.trim().split(/\s+/).length > 4) return undefined;
  if (!turn.previousReplies.some((reply) => reply.startsWith(`**${plan.name}** — `))) return undefined;
  if (seatsFor(turn) !== undefined && !isContactSales(plan)) return priceTopic(turn, plan, false);
  return { kind: 'plan-again', plan };
}

/** The plain answers a question can get from the knowledge base (no caveat, no price match, no discount rider). */
function plainPassage(topic: Topic | undefined): Passage | undefined {
  if (topic?.kind !== 'knowledge' || topic.passages.length !== 1) return undefined;
  const { unstated, unconfirmed, unlistedTool, discountAsked, priceMatch, onPlans, selfHosting, securityPack } = topic;
  return [unstated, unconfirmed, unlistedTool, discountAsked, priceMatch, onPlans, selfHosting, securityPack].every((flag) => flag === undefined) ? topic.passages[0] : undefined;
}

/**
 * "Is my data safe? Where is it stored?": two questions, each answered by its own FAQ — both answers, in the order
 * asked (a passage search over the whole message finds the one its words weigh most).
 */
export function eachQuestionTopic(turn: OfflineTurn): Topic | undefined {
  // (A message that also tells us who they are, or asks for advice, has its own answer: the plan for them.)
  if (turn.text.length > 200 || freshFields(turn).length > 0 || mentionsAny(turn.text, RECOMMEND)) return undefined;
  const questions = splitSentences(turn.text).filter((sentence) => QUESTION.test(sentence.trim()));
  if (questions.length < 2 || questions.length > 3) return undefined;
  const passages: Passage[] = [];
  for (const question of questions) {
    const passage = plainPassage(knowledgeTopic({ ...turn, text: question, passages: searchKnowledge(question, { limit: 4, kb: turn.kb }) }, ['faq']));
    if (!passage) return undefined;
    if (!passages.some((entry) => entry.id === passage.id)) passages.push(passage);
  }
  const [first, ...rest] = passages;
  return first && rest.length > 0 ? { kind: 'knowledge', passages: [first, ...rest] } : undefined;
}

/** "What if we only put 10 people on it?", "y si solo somos 10?", "et si on n'en prend que 10 ?", "und wenn nur 10?". */
const WHAT_IF_FEWER =
  /\bwhat if (?:we |i )?(?:only|just) (?:put|have|get|buy|add|take|give|use|had|got|went with)?\s*(?:the )?(\d{1,4})\b|\b(?:y )?si (?:solo|s[oó]lo|solamente) (?:somos|fu[eé]ramos|ponemos|usamos|lo usan|lo usamos|tomamos|compramos)?\s*(\d{1,4})\b|\bet si (?:on|nous) (?:n['’]en )?(?:met|mettons|prend|prenons|est|sommes|[ée]tait|[ée]tions)? ?(?:que|seulement|juste) (\d{1,4})\b|\bund wenn (?:wir )?(?:nur|blo(?:ß|ss)) (\d{1,4})\b|\bwas(?: (?:ist|w[äa]re))?,? wenn (?:wir )?(?:nur|blo(?:ß|ss)) (\d{1,4})\b/iu;
/** The plan quoted is the one meant: "on it", "on that", "con él", "dessus", "damit". */
const ON_IT = /\b(?:on (?:it|that|this|the plan)|con (?:él|eso|ese plan)|dessus|sur (?:cette|l['’])offre|damit|darauf)\b/iu;

/**
 * "What if we only put 10 people on it?" after a quote: that many seats priced — the plan quoted when they say "on it"
 * and it holds them, else the plan for that many (the team on record stays as it is).
 */
export function fewerSeatsTopic(turn: OfflineTurn): Topic | undefined {
  const text = westernDigits(turn.text);
  const match = WHAT_IF_FEWER.exec(text);
  const fewer = match?.slice(1).find((group) => group !== undefined);
  if (!fewer || findMentionedPlans(text, turn.kb.plans).length > 0) return undefined;
  const sized = { ...turn, text: `${fewer} people` };
  const quoted = ON_IT.test(text) ? lastQuotedPlan(turn) : undefined;
  const seats = Number(fewer);
  const onQuoted = quoted && !isContactSales(quoted) && seats >= quoted.minSeats && (quoted.maxSeats === null || seats <= quoted.maxSeats) ? priceTopic(sized, quoted, false) : undefined;
  const priced = onQuoted ?? inferredPriceTopic(sized);
  return priced ? { ...priced, billing: billingIn(turn.text) } : undefined;
}

/** "Pouvez-vous me rappeler ?", "pourriez-vous m'appeler ?", "können Sie mich zurückrufen?": a call asked for. */
const CALL_BACK = /(?<!\p{L})(?:pouvez|pourriez|peux|pourrais)[- ](?:vous|tu) me (?:rappeler|appeler|t[ée]l[ée]phoner)(?!\p{L})(?!\s*[,:]?\s*(?:quel|quels|quelle|quelles|mon|ma|mes|notre|nos|votre|vos|ce que|ce qu|combien|qui|quand|o[uù]|comment|pourquoi|le|la|les|l['’]|de quoi|si)\b)|(?<!\p{L})(?:k[öo]nnen|k[öo]nnten) sie mich (?:zur[üu]ck)?(?:rufen|anrufen)(?!\p{L})/iu;

export function asksCallBack(text: string): boolean {
  return CALL_BACK.test(text);
}

/** The words prices are asked with (a typo of one, "pricng", "precoi", asks the same). */
const PRICE_ASK_WORDS = ['pricing', 'prices', 'price', 'precio', 'precios', 'tarifs', 'tarif', 'preise', 'kosten'];

/** "Whats the pricng?", "cual es el precoi?": a price word mistyped (one edit), none spelt right. */
export function misspeltPriceAsk(text: string): boolean {
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter((word) => word.length >= 5);
  if (words.some((word) => PRICE_ASK_WORDS.includes(word))) return false;
  return words.some((word) => PRICE_ASK_WORDS.some((price) => Math.abs(price.length - word.length) <= 1 && editDistance(word, price) === 1));
}

/**
 * "Brauchen wir Enterprise?", "do we need Business?" with no need named that a plan's line or FAQ answers: what that
 * plan adds over the one below it (from the catalogue), rather than "no confirmed answer".
 */
export function needsPlanTopic(turn: OfflineTurn, plans: readonly Plan[]): Topic | undefined {
  // (In lower case, "brauchen wir enterprise?", the plan is the word itself.)
  const words = turn.text.toLowerCase().split(/[^\p{L}]+/u);
  const named = plans.length > 0 ? plans : turn.kb.plans.filter((plan) => [plan.name, plan.id].some((name) => words.includes(name.toLowerCase())));
  const [asked] = named;
  if (named.length !== 1 || !asked || !NEED_PLAN_ASK.test(turn.text) || !QUESTION.test(turn.text.trim())) return undefined;
  if (REQUIREMENTS.some(({ asked: need }) => need.test(turn.text))) return undefined;
  const below = turn.kb.plans[turn.kb.plans.indexOf(asked) - 1];
  return below ? { kind: 'plan-gap', plan: below, above: asked, seats: seatsFor(turn) } : undefined;
}
