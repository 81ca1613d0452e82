import type { OfflineTurn } from '@/lib/llm/offline/context';
import {
  billingIn,
  emailIn,
  findMentionedPlans,
  fitsSeats,
  isContactSales,
  meetingTimesIn,
  mentionsAny,
  recommendPlan,
  seatsIn,
  timeZoneIn,
  type BillingWish,
} from '@/lib/llm/offline/reading';
import { contentWords } from '@/lib/llm/offline/text';
import { alternativeTool, asksAboutCompany, recallQuestion, type RecallField } from '@/lib/llm/offline/understanding';
import { isUnclear } from '@/lib/sales/unclear';
import { statedTools } from '@/lib/sales/memory';
import type { KnowledgeBase, Plan } from '@/lib/sales/knowledge/schema';
import type { Passage } from '@/lib/sales/retrieval';
import type { LeadField } from '@/lib/sales/types';

/**
 * What the offline agent will answer this turn, decided from the sales brain's context (intent, stage, lead state,
 * passages) and the message. Both steps of a turn derive the same topic: the first to choose tool calls, the second to
 * write the reply from their results. Pure and deterministic.
 */
export type Topic =
  | { kind: 'injection' }
  | { kind: 'human' }
  | { kind: 'booking'; email?: string; times: string[]; timezone?: string }
  | { kind: 'price'; plan: Plan; seats: number; seatsGiven: boolean; billing: BillingWish; inferred: boolean; alternative?: Plan }
  | { kind: 'overview' }
  | { kind: 'compare-plans'; plans: [Plan, Plan]; seats?: number; billing: BillingWish }
  | { kind: 'competitor'; passage: Passage }
  | { kind: 'objection'; passage?: Passage; price?: { plan: Plan; seats: number } }
  | { kind: 'plan-features'; plan: Plan }
  | { kind: 'knowledge'; passages: [Passage, ...Passage[]] }
  | { kind: 'recommend' }
  | { kind: 'contact' }
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'small-talk' }
  | { kind: 'off-topic' }
  | { kind: 'unknown'; wasQuestion: boolean }
  | { kind: 'recall'; fields: RecallField[] }
  | { kind: 'about' }
  | { kind: 'unclear' }
  | { kind: 'alongside'; tool: string }
  | { kind: 'tools'; tools: string[] };

const RECOMMEND = [
  'recommend', 'suggest', 'right for', 'which plan', 'what plan', 'best plan', 'best for', 'suit', 'should we', 'should i', 'choose', 'pick', 'que plan', 'cual plan', 'recomienda', 'recomiendas',
  'quelle offre', 'conseillez', 'recommandez', 'recommanderiez', 'choisir', 'welcher tarif', 'welchen tarif', 'empfehlen', 'empfehlung', 'empfiehlt', 'passt am besten', 'أي باقة', 'تنصح', 'تنصحني', 'توصي', 'الأنسب', 'أنسب',
];
const COMPARE_WORDS = ['compare', 'comparison', 'difference', 'different', 'differ', 'vs', 'versus', 'better', 'diferencia', 'comparar', 'différence', 'comparer', 'unterschied', 'vergleich', 'vergleichen', 'الفرق', 'مقارنة', 'قارن'];
const GREETINGS = /^\s*(?:(hi|hello|hey|hiya|howdy|yo|good (morning|afternoon|evening)|hola|buenas|buenos d[ií]as|bonjour|bonsoir|salut|hallo|guten (tag|morgen|abend)|servus|moin)\b|مرحب|أهلا|اهلا|السلام عليكم|صباح الخير|مساء الخير)/iu;
const THANKS = /\b(thanks|thank you|thx|cheers|appreciate|gracias|merci|danke)\b|شكرا|شكرًا|شكراً/iu;
const QUESTION = /[?؟]\s*$|^\s*[¿]|^(how|what|which|who|when|where|why|is|are|do|does|can|could|will|would|should|comment|combien|quel|quelle|quels|quelles|pourquoi|est-ce|wie|was|welche|welcher|wer|wann|warum|gibt es|kann|k[öo]nnen)\b|^\s*(هل|ما|ماذا|كيف|كم|متى|أين|لماذا|من)(?![\p{L}])/iu;

export function analyse(turn: OfflineTurn): Topic {
  const { kb, text, intent } = turn;
  const plans = findMentionedPlans(text, kb.plans);

  if (intent === 'injection') return { kind: 'injection' };
  if (intent === 'human') return { kind: 'human' };
  // What they told us is answered from the sales state, whatever else the question's words resemble.
  const recall = recallQuestion(text);
  if (recall) return { kind: 'recall', fields: recall };
  const booking = bookingTopic(turn);
  if (booking) return booking;
  const fresh = freshFields(turn);
  if (fresh.length === 0 && (intent === 'other' || intent === 'small_talk') && mashed(text)) return { kind: 'unclear' };
  const alternative = alternativeTool(text, kb);
  if (alternative) return { kind: 'alongside', tool: alternative };
  if (plans.length === 0 && intent !== 'pricing' && asksAboutCompany(text, kb)) return { kind: 'about' };
  if (intent === 'objection') return objectionTopic(turn, turn.passages.find((passage) => passage.kind === 'objection'));
  // "We use Jira heavily" states a fact about their stack: acknowledge it and say how we fit, not list every integration.
  const tools = statedTools(text, kb).map((tool) => tool.name).filter((name) => !kb.competitors.some((competitor) => competitor.name === name));
  if (tools.length > 0 && !QUESTION.test(text)) return { kind: 'tools', tools };
  if (intent === 'comparison') {
    const compared = comparisonTopic(turn, plans);
    if (compared) return compared;
  }
  if (intent === 'pricing' || (plans.length > 0 && seatsIn(text) !== undefined)) {
    const first = plans[0];
    const second = plans[1];
    if (first && second) return { kind: 'compare-plans', plans: [first, second], seats: seatsFor(turn), billing: billingIn(text) };
    if (first) return priceTopic(turn, first, false);
    const requote = requoteTopic(turn);
    if (requote) return requote;
    // "Do you offer discounts?" and "how does billing work?" are answered by the knowledge base, not a price list.
    const grounded = seatsIn(text) === undefined ? knowledgeTopic(turn) : undefined;
    if (grounded) return grounded;
    const inferred = inferredPriceTopic(turn);
    return inferred ?? { kind: 'overview' };
  }
  if (plans.length > 0 && (intent === 'features' || intent === 'other' || intent === 'comparison')) {
    const [first, second] = plans;
    if (first && second) return { kind: 'compare-plans', plans: [first, second], seats: seatsFor(turn), billing: billingIn(text) };
    if (first && mentionsAny(text, COMPARE_WORDS)) {
      const neighbour = kb.plans[kb.plans.indexOf(first) + 1] ?? kb.plans[kb.plans.indexOf(first) - 1];
      if (neighbour) return { kind: 'compare-plans', plans: [first, neighbour], seats: seatsFor(turn), billing: billingIn(text) };
    }
    // "Does Pro include SSO?" is about SSO, which the FAQ answers per plan; "what does Pro include?" wants the list.
    const topical = knowledgeTopic(turn, ['faq']);
    if (first) return topical ?? { kind: 'plan-features', plan: first };
  }
  const aboutProduct = intent === 'features' || intent === 'comparison';
  const grounded = aboutProduct ? knowledgeTopic(turn) : undefined;
  if (grounded) return grounded;
  if (mentionsAny(text, RECOMMEND)) return inferredPriceTopic(turn) ?? { kind: 'recommend' };
  // A team size just stated is the cue to recommend a plan, priced for that team.
  if (freshFields(turn).includes('teamSize') && intent !== 'small_talk') {
    const inferred = inferredPriceTopic(turn);
    if (inferred) return inferred;
  }
  const nearest = aboutProduct ? knowledgeTopic(turn, ['faq', 'company'], false) : undefined;
  if (nearest) return nearest;
  if (intent === 'contact' || (freshFields(turn).length > 0 && intent !== 'small_talk')) return { kind: 'contact' };
  if (intent === 'small_talk') {
    if (THANKS.test(text)) return { kind: 'thanks' };
    return GREETINGS.test(text) ? { kind: 'greeting' } : { kind: 'small-talk' };
  }
  if (intent === 'off_topic') return { kind: 'off-topic' };
  return knowledgeTopic(turn) ?? { kind: 'unknown', wasQuestion: QUESTION.test(text) };
}

/**
 * Keyboard mashing, judged on the Latin-script words only: isUnclear's letter pairs are English and Spanish ones, and
 * an Arabic word has no Latin vowels to find.
 */
function mashed(text: string): boolean {
  const latin = text.replace(/[\u0600-\u06FF]+/g, ' ');
  return latin === text ? isUnclear(text) : /\p{L}/u.test(latin) && isUnclear(latin);
}

/** Lead fields the latest message gave (their evidence is a sentence of it). */
export function freshFields(turn: OfflineTurn): LeadField[] {
  return (Object.entries(turn.state.lead.fields) as [LeadField, { evidence: string } | undefined][])
    .filter(([, fact]) => fact !== undefined && fact.evidence !== '' && turn.text.includes(fact.evidence))
    .map(([field]) => field);
}

export function knownEmail(turn: OfflineTurn): string | undefined {
  const value = turn.state.lead.fields.email?.value;
  return typeof value === 'string' ? value : emailIn(turn.text);
}

/** The seat count for quoting: what this message says, else the team size the lead record holds. */
const PRICE_OBJECTION = /\b(caro|cara|caros|caras|carísimo|costoso|costosa|presupuesto|expensive|pricey|costly|budget|cher|ch[eè]re|chers|co[uû]teux|teuer|zu teuer|kostspielig)\b|مكلف|غال|باهظ|الميزانية/iu;

/**
 * "Nos parece caro" outside English: the objection's passage is English only, but the prices are numbers. The plan to
 * speak of is the last one quoted, else the one that fits the team, for the seats known (else the plan's minimum).
 */
function objectionTopic(turn: OfflineTurn, passage: Passage | undefined): Topic {
  const price = priceObjection(turn);
  return { kind: 'objection', passage, ...(price ? { price } : {}) };
}

function priceObjection(turn: OfflineTurn): { plan: Plan; seats: number } | undefined {
  if (turn.locale === 'en' || !PRICE_OBJECTION.test(turn.text)) return undefined;
  const last = turn.state.quoted?.at(-1);
  const seats = seatsFor(turn) ?? last?.seats;
  const plan = (last ? turn.kb.plans.find((entry) => entry.id === last.planId) : undefined) ?? (seats === undefined ? turn.kb.plans.find((entry) => entry.highlight) : recommendPlan(seats, turn.kb.plans));
  if (!plan || isContactSales(plan)) return undefined;
  return { plan, seats: Math.max(plan.minSeats, seats ?? plan.minSeats) };
}

function seatsFor(turn: OfflineTurn): number | undefined {
  const stated = seatsIn(turn.text);
  if (stated !== undefined) return stated;
  const known = Number(turn.state.lead.fields.teamSize?.value);
  return Number.isSafeInteger(known) && known > 0 ? known : undefined;
}

function priceTopic(turn: OfflineTurn, plan: Plan, inferred: boolean): Topic {
  const seats = seatsFor(turn);
  const billing = billingIn(turn.text);
  if (seats === undefined || isContactSales(plan)) {
    return { kind: 'price', plan, seats: Math.max(plan.minSeats, seats ?? 1), seatsGiven: seats !== undefined, billing, inferred };
  }
  const alternative = fitsSeats(plan, seats) ? undefined : recommendPlan(seats, turn.kb.plans);
  return { kind: 'price', plan, seats, seatsGiven: true, billing, inferred, ...(alternative && alternative !== plan ? { alternative } : {}) };
}

/** "Make that annual": the last quote again, for the billing period now asked for. */
function requoteTopic(turn: OfflineTurn): Topic | undefined {
  const billing = billingIn(turn.text);
  const last = turn.state.quoted?.at(-1);
  const plan = last && turn.kb.plans.find((entry) => entry.id === last.planId);
  if (billing === 'both' || !plan || /\b(how|what|explain|c[oó]mo|qu[eé]|comment|quoi|wie|was)\b|كيف|ماذا|اشرح/iu.test(turn.text)) return undefined;
  return priceTopic(turn, plan, false);
}

function inferredPriceTopic(turn: OfflineTurn): Topic | undefined {
  const seats = seatsFor(turn);
  const plan = seats === undefined ? undefined : recommendPlan(seats, turn.kb.plans);
  return plan ? priceTopic(turn, plan, true) : undefined;
}

function comparisonTopic(turn: OfflineTurn, plans: Plan[]): Topic | undefined {
  const [first, second] = plans;
  if (first && second) return { kind: 'compare-plans', plans: [first, second], seats: seatsFor(turn), billing: billingIn(turn.text) };
  const competitors = turn.passages.filter((passage) => passage.kind === 'competitor');
  const named = competitors.find((passage) => matchesEntry(passage, turn.text, turn.kb));
  const passage = named ?? competitors[0];
  if (passage) return { kind: 'competitor', passage };
  return undefined;
}

function bookingTopic(turn: OfflineTurn): Topic | undefined {
  const times = meetingTimesIn(turn.text, turn.now, turn.locale);
  // After asking for a meeting (stage closing, nothing booked yet), a reply with a time is the answer to "when?".
  const pending = turn.stage === 'closing' && turn.state.bookings.length === 0 && (times.length > 0 || emailIn(turn.text) !== undefined);
  if (turn.intent !== 'booking' && !pending) return undefined;
  // The time and zone may have come with the first ask, before the email: look back over the last few messages.
  const recent = turn.userTexts.slice(-3).reverse();
  const earlierTimes = recent.map((text) => meetingTimesIn(text, turn.now, turn.locale)).find((found) => found.length > 0) ?? [];
  const timezone = recent.map(timeZoneIn).find((zone) => zone !== undefined);
  return { kind: 'booking', email: knownEmail(turn), times: times.length > 0 ? times : earlierTimes, ...(timezone ? { timezone } : {}) };
}

/**
 * The passages of the given kinds that the message really asks about: one, or two when the message asks about two
 * topics clearly ("SSO and SOC 2"). `strict` requires the message to use the entry's own keywords; without it the
 * best passage is trusted because the intent already says the message is about the product.
 */
function knowledgeTopic(turn: OfflineTurn, kinds: Passage['kind'][] = ['faq', 'objection', 'competitor', 'case', 'company'], strict = true): Topic | undefined {
  const candidates = turn.passages.filter((passage) => kinds.includes(passage.kind));
  const matching = strict ? candidates.filter((passage) => matchesEntry(passage, turn.text, turn.kb)) : candidates.slice(0, 1);
  const [first, second] = matching;
  if (!first) return undefined;
  if (first.kind === 'competitor') return { kind: 'competitor', passage: first };
  if (first.kind === 'objection') return objectionTopic(turn, first);
  const both = second && second.kind === 'faq' && first.kind === 'faq' && second.score >= first.score * 0.5 && /\b(and|y|&|plus|et|und)\b|[,،]|(?<![\p{L}])و/u.test(turn.text);
  return { kind: 'knowledge', passages: both ? [first, second] : [first] };
}

const CASE_CUE = ['case study', 'customer story', 'customers like', 'example', 'reference', 'who uses', 'caso de exito', 'clientes', 'etude de cas', 'temoignage', 'clients', 'referenz', 'kundenbeispiel', 'fallstudie', 'kunden', 'دراسة حالة', 'عملاء', 'مثال'];
const COMPANY_CUE = ['what is northwind', 'what do you do', 'what does northwind do', 'about you', 'about northwind', 'que es', 'que hacen', 'que faites vous', 'qu est ce que', 'was macht', 'was ist', 'ماذا تفعل', 'ما هي', 'ما هو'];

/** Whether the message uses the knowledge entry's own words: a keyword, a name, or two words of an FAQ question. */
export function matchesEntry(passage: Passage, text: string, kb: KnowledgeBase): boolean {
  const [kind, id] = passage.id.split(':');
  switch (kind) {
    case 'faq': {
      const faq = kb.faqs.find((entry) => entry.id === id);
      if (!faq) return false;
      const asked = new Set(contentWords(text));
      return mentionsAny(text, faq.keywords) || contentWords(faq.question).filter((word) => asked.has(word)).length >= 2;
    }
    case 'objection':
      return mentionsAny(text, kb.objections.find((entry) => entry.id === id)?.keywords ?? []);
    case 'competitor': {
      const competitor = kb.competitors.find((entry) => entry.id === id);
      return competitor !== undefined && mentionsAny(text, [competitor.name, ...competitor.aliases]);
    }
    case 'case':
      return mentionsAny(text, CASE_CUE);
    case 'company':
      return mentionsAny(text, COMPANY_CUE);
    default:
      return false;
  }
}
