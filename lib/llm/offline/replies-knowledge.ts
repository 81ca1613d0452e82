import type { OfflineTurn } from '@/lib/llm/offline/context';
import type { Phrases } from '@/lib/llm/offline/phrases';
import { bullets, pricingResults } from '@/lib/llm/offline/replies-pricing';
import { formatPrice, getKnowledgeBase } from '@/lib/sales/knowledge';
import type { Topic } from '@/lib/llm/offline/topic';
import type { Passage } from '@/lib/sales/retrieval';
import { MEMORY_PHRASES } from '@/lib/llm/offline/phrases-memory';
import { mentionsAny } from '@/lib/llm/offline/reading';
import { pickFresh } from '@/lib/llm/offline/variety';
import { speaksLocale } from '@/lib/sales/knowledge-locale';
import { splitSentences } from '@/lib/sales/sentences';
import type { SalesLocale } from '@/lib/sales/turn-state';

/**
 * Answers read from the retrieved passages: FAQ topics, objections and competitor comparisons. The passage text is
 * the knowledge base's own wording, so the offline agent says exactly what the deployer wrote.
 */

export function knowledgeReply(passages: readonly Passage[], turn: OfflineTurn): string[] {
  if (!speaksLocale(turn.kb, turn.locale)) return [inOtherLanguage(passages, turn)];
  if (passages.length === 1) return [passages[0]?.text ?? ''];
  return passages.map((passage) => `**${passage.title}** ${passage.text}`);
}

/**
 * A knowledge base without words in the reply's language (a deployer's own, in English only): rather than mix two
 * languages in one reply, the agent says in the prospect's language what the question was about and who can answer it.
 */
function inOtherLanguage(passages: readonly Passage[], turn: OfflineTurn): string {
  const { kb } = turn;
  const description = kb.localized[turn.locale]?.description;
  if (passages[0]?.kind === 'company' && description) return description;
  const keywords = passages.flatMap((passage) => kb.faqs.find((faq) => `faq:${faq.id}` === passage.id)?.keywords ?? []);
  const topic = keywords
    .map((keyword) => new RegExp(`(?<![\\p{L}])${keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu').exec(turn.text)?.[0])
    .find((found) => found !== undefined);
  return MEMORY_PHRASES[turn.locale].englishOnly(topic, kb.company.salesEmail);
}

export function objectionReply(topic: Extract<Topic, { kind: 'objection' }>, turn: OfflineTurn, ph: Phrases): string[] {
  // Without a matching entry the concern is still acknowledged, and the sales team is the honest next step.
  // The same in all five languages: a price objection gets the annual price first (from get_pricing), the value and
  // the way to a smaller first bill, then that any further discount is the sales team's call.
  const mp = MEMORY_PHRASES[turn.locale];
  const { kb } = turn;
  const localized = speaksLocale(kb, turn.locale);
  const quotes = topic.price ? pricingResults(turn).flatMap((result) => (result.quote ? [result.quote] : [])) : [];
  const monthly = quotes.find((quote) => quote.billing === 'monthly');
  const annual = quotes.find((quote) => quote.billing === 'annual');
  if (monthly && annual && annual.annualSavings > 0) {
    const money = (amount: number) => formatPrice(amount, kb.company.currency, turn.locale);
    const plan = kb.plans.find((entry) => entry.id === annual.plan.id)?.name ?? annual.plan.name;
    const answer = `${mp.objectionHeard} ${ph.priceObjection(plan, annual.seats, money(annual.perSeatMonthly), money(annual.annualTotal), money(monthly.annualTotal), money(annual.annualSavings))}`;
    // Priced at the plan's minimum for want of a team size: said, with the way to a price for their team.
    const minimum = topic.price?.atMinimum ? ph.priceAtMinimum(plan, annual.seats) : '';
    // Then the locale's own words for the price objection (the value, annual billing, a smaller plan), without the
    // acknowledgement it opens with ("Es una preocupación razonable: …"), which the figures' line has already made.
    // (Arabic's "هذا قلق مفهوم، والمقارنة …" goes on after a comma, with "و" joined to the next word.)
    const said = localized && topic.passage && isPriceObjection(topic.passage.id) ? forTheTeam(topic.passage.text.replace(/^[^:–—.]{0,60}?\s*[:–—]\s*|^[^:–—.،]{0,40}?،\s*و?(?=ال)/u, ''), topic, turn, ph) : '';
    const value = said ? said.charAt(0).toUpperCase() + said.slice(1) : '';
    return [minimum ? `${answer} ${minimum}` : answer, value, ph.furtherDiscount(kb.company.salesEmail), ...edgeOver(turn, ph), pickFresh(mp.objectionCheck, [...turn.previousReplies, answer])];
  }
  if (turn.locale !== 'en' && !(localized && topic.passage)) return [`${mp.objectionHeard} ${mp.englishOnly(undefined, kb.company.salesEmail)}`];
  // The locale's own words for the objection, when its knowledge base has them.
  const answer = topic.passage ? forTheTeam(topic.passage.text, topic, turn, ph) : ph.unknownQuestion(kb.company.salesEmail);
  // (No smaller plan holds them: the sales team is the way to anything beyond annual billing, never a discount of ours.)
  const beyond = topic.team && !topic.team.cheaper && answer !== topic.passage?.text ? [ph.furtherDiscount(kb.company.salesEmail)] : [];
  return [answer, ...beyond, ...edgeOver(turn, ph), pickFresh(mp.objectionCheck, [...turn.previousReplies, answer])];
}

/** The knowledge base's advice to start "on a smaller plan", as each language's objection text words it. */
const SMALLER_PLAN: Record<SalesLocale, RegExp> = {
  en: /\b(?:smaller|cheaper|lower(?:-priced)?|less expensive)\s+(?:plan|tier)\b/iu,
  es: /\bplan\s+más\s+(?:pequeño|barato|económico|básico)|\bplan\s+menor\b/iu,
  fr: /\b(?:offre|formule|plan)\s+(?:plus\s+(?:petite?|économique|abordable)|moins\s+chère?)|\bplus\s+petite?\s+(?:offre|formule)/iu,
  de: /\b(?:kleiner|günstiger|billiger)\w*\s+(?:Tarif|Plan|Paket)/iu,
  ar: /باقة\s+(?:أصغر|أرخص|أقل)/u,
};

/**
 * The price objection's text for a team of known size: its "start on a smaller plan" names the cheaper plan that holds
 * them, or, when none does (25 people: Starter stops at 10), gives way to what does lower the first bill.
 */
function forTheTeam(text: string, topic: Extract<Topic, { kind: 'objection' }>, turn: OfflineTurn, ph: Phrases): string {
  const { team } = topic;
  if (!team) return text;
  const sentences = splitSentences(text);
  const smaller = sentences.filter((sentence) => SMALLER_PLAN[turn.locale].test(sentence));
  if (smaller.length === 0) return text;
  const instead = team.cheaper ? ph.smallerPlanHolds(team.cheaper.name, team.seats, team.plan.name) : `${ph.alreadyLowest(team.plan.name, team.seats)} ${ph.startSmall}`;
  const kept = sentences.filter((sentence) => !smaller.includes(sentence));
  return [...kept, instead].join(' ');
}

/** The catalogue's price objection ("too expensive"), by the English keywords every locale's entry shares by id. */
function isPriceObjection(id: string): boolean {
  return getKnowledgeBase().objections.some((entry) => `objection:${entry.id}` === id && entry.keywords.some((word) => /\bexpensive\b/i.test(word)));
}

/** "Too expensive compared to Asana": the objection's answer, then what we do better than the competitor named. */
function edgeOver(turn: OfflineTurn, ph: Phrases): string[] {
  const { kb } = turn;
  const competitor = kb.competitors.find((entry) => mentionsAny(turn.text, [entry.name, ...entry.aliases]));
  if (!competitor || competitor.ourAdvantages.length === 0 || !speaksLocale(kb, turn.locale)) return [];
  return [ph.competitorEdge(kb.company.name, competitor.name), bullets(competitor.ourAdvantages)];
}

export function competitorReply(passage: Passage, turn: OfflineTurn, ph: Phrases): string[] {
  const { kb } = turn;
  const id = passage.id.slice('competitor:'.length);
  const competitor = kb.competitors.find((entry) => entry.id === id);
  if (!competitor) return [`**${passage.title}** ${passage.text}`];
  if (!speaksLocale(kb, turn.locale)) {
    return [ph.competitorIntro(kb.company.name, competitor.name), MEMORY_PHRASES[turn.locale].englishOnly(competitor.name, kb.company.salesEmail)];
  }
  return [
    `${ph.competitorIntro(kb.company.name, competitor.name)} ${competitor.summary}`,
    ph.competitorOurs(kb.company.name),
    bullets(competitor.ourAdvantages),
    ph.competitorTheirs(competitor.name),
    bullets(competitor.theirStrengths),
  ];
}
