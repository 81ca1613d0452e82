import type { Faq, KnowledgeBase, Plan } from '@/lib/sales/knowledge/schema';
import { containsAnyPhrase, containsPhrase, contentWords, wordTokens } from '@/lib/llm/offline/text';

/**
 * What the prospect's latest message is asking for. Detection only: replies are composed in replies.ts, so the
 * playbook (issue 3) can reuse the detection and change what is said.
 */
export type OfflineIntent =
  | { kind: 'plan-price'; plan: Plan }
  | { kind: 'plan-features'; plan: Plan }
  | { kind: 'plan-compare'; plans: [Plan, Plan] }
  | { kind: 'pricing-overview' }
  | { kind: 'faq'; faqs: [Faq, ...Faq[]] }
  | { kind: 'recommend' }
  | { kind: 'contact' }
  | { kind: 'contact-details'; email: string }
  | { kind: 'team-size'; seats: number }
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'qualify'; wasQuestion: boolean };

const PRICE_PHRASES = ['price', 'pricing', 'priced', 'cost', 'how much', 'expensive', 'cheap', 'fee', 'charge', 'per seat', 'per user', 'rate', 'budget'];
const FEATURE_PHRASES = ['feature', 'include', 'included', 'come with', 'what do i get', 'what do we get', 'offer', 'limit', 'capability', 'contain', 'tell me about', 'what is in', 'what s in'];
const COMPARE_PHRASES = ['compare', 'comparison', 'difference', 'different', 'differ', 'vs', 'versus', 'better'];
const OVERVIEW_PHRASES = ['plan', 'tier', 'package', 'option', 'edition', 'subscription'];
const CONTACT_PHRASES = [
  'demo', 'talk to sale', 'talk to someone', 'talk to a human', 'speak to', 'speak with', 'contact', 'call me', 'meeting',
  'book', 'schedule', 'human', 'representative', 'sign up', 'get started', 'buy', 'purchase', 'reach out', 'get in touch', 'quote',
];
const RECOMMEND_PHRASES = ['best', 'recommend', 'suggest', 'right for', 'which plan', 'what plan', 'fit', 'suit', 'should i', 'should we', 'choose', 'pick'];
const GREETING_PHRASES = ['hi', 'hello', 'hey', 'hiya', 'howdy', 'greeting', 'good morning', 'good afternoon', 'good evening', 'yo'];
const THANKS_PHRASES = ['thank', 'thanks', 'thx', 'cheer', 'appreciate', 'great help', 'that help'];
/** Plan names that are also everyday words need "plan"/"tier" beside them or a capital letter to count as a plan. */
const COMMON_WORD_NAMES = new Set(['business', 'enterprise', 'team', 'basic', 'standard', 'plus', 'premium', 'growth', 'free']);
const PLAN_NOUN = /^\s*(plan|tier|edition|package|subscription|seat)/i;
const PLAN_LEAD = /\b(the|about|on|upgrade to|switch to|vs\.?|versus|or|and)\s+$/i;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const TEAM_SIZE = [
  /\b(\d{1,6})\s*(?:-\s*)?(?:people|persons?|users?|seats?|employees?|staff|members?|engineers?|developers?|agents?|folks|heads|licen[cs]es?|person)\b/i,
  /\bteam of\s+(\d{1,6})\b/i,
  /\b(?:we are|we're|we have|there are)\s+(?:about\s+|around\s+|roughly\s+)?(\d{1,6})\b/i,
];

export function detectIntent(text: string, knowledgeBase: KnowledgeBase): OfflineIntent {
  const tokens = wordTokens(text);
  const wasQuestion = /\?\s*$/.test(text) || /^(how|what|which|who|when|where|why|is|are|do|does|can|could|will|would|should)\b/i.test(text.trim());
  if (tokens.length === 0) return { kind: 'qualify', wasQuestion: false };

  const email = text.match(EMAIL)?.[0];
  if (email) return { kind: 'contact-details', email };

  const plans = findMentionedPlans(text, knowledgeBase.plans);
  const asksPrice = containsAnyPhrase(tokens, PRICE_PHRASES);
  const [first, second] = plans;
  if (first && second) return { kind: 'plan-compare', plans: [first, second] };
  if (first) {
    if (containsAnyPhrase(tokens, COMPARE_PHRASES)) {
      const neighbour = neighbourPlan(first, knowledgeBase.plans);
      if (neighbour) return { kind: 'plan-compare', plans: [first, neighbour] };
    }
    if (asksPrice) return { kind: 'plan-price', plan: first };
    // "Does Pro include SSO?" is about SSO, which the FAQ answers per plan; "what does Pro include?" wants the list.
    const [topic] = rankFaqs(text, knowledgeBase.faqs);
    if (topic && topic.score >= 2 && !containsAnyPhrase(tokens, FEATURE_PHRASES.filter((phrase) => phrase !== 'include'))) {
      return { kind: 'faq', faqs: [topic.faq] };
    }
    return { kind: 'plan-features', plan: first };
  }

  // A price word with only a weak FAQ hit is a pricing question ("how much does it cost per seat?").
  const [faq, ...otherFaqs] = rankFaqs(text, knowledgeBase.faqs).filter((entry) => entry.score >= (asksPrice ? 3 : 2));
  if (faq) {
    // "Do you support SSO and SOC 2?" asks two things: answer a second topic when it matched as clearly as the first.
    const second = otherFaqs.find((entry) => entry.score >= 3);
    return { kind: 'faq', faqs: second ? [faq.faq, second.faq] : [faq.faq] };
  }
  // A stated team size answers "which plan?" better than the whole price list does.
  const seats = extractTeamSize(text);
  if (seats !== undefined && !containsAnyPhrase(tokens, CONTACT_PHRASES)) return { kind: 'team-size', seats };
  if (!asksPrice && containsAnyPhrase(tokens, RECOMMEND_PHRASES)) return { kind: 'recommend' };
  if (asksPrice || (containsAnyPhrase(tokens, OVERVIEW_PHRASES) && wasQuestion)) return { kind: 'pricing-overview' };
  if (containsAnyPhrase(tokens, CONTACT_PHRASES)) return { kind: 'contact' };
  if (tokens.length <= 6 && GREETING_PHRASES.some((phrase) => containsPhrase(tokens.slice(0, 2), phrase))) return { kind: 'greeting' };
  if (containsAnyPhrase(tokens, THANKS_PHRASES)) return { kind: 'thanks' };
  return { kind: 'qualify', wasQuestion };
}

/** Plans named in the text, in the order they are mentioned. */
export function findMentionedPlans(text: string, plans: readonly Plan[]): Plan[] {
  const found: { plan: Plan; at: number }[] = [];
  for (const plan of plans) {
    for (const name of new Set([plan.name, plan.id])) {
      const pattern = new RegExp(`\\b${escapeRegExp(name)}\\b`, 'gi');
      let match: RegExpExecArray | null;
      let at = -1;
      while ((match = pattern.exec(text)) !== null) {
        const capitalised = /^[A-Z]/.test(match[0]);
        const followedByNoun = PLAN_NOUN.test(text.slice(match.index + match[0].length));
        const ledIn = PLAN_LEAD.test(text.slice(0, match.index));
        if (!COMMON_WORD_NAMES.has(name.toLowerCase()) || capitalised || followedByNoun || ledIn) {
          at = match.index;
          break;
        }
      }
      if (at >= 0) {
        found.push({ plan, at });
        break;
      }
    }
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.plan);
}

/** The next plan up the catalogue (or down, for the top plan): what "compare Pro" is most likely weighed against. */
function neighbourPlan(plan: Plan, plans: readonly Plan[]): Plan | undefined {
  const index = plans.indexOf(plan);
  return plans[index + 1] ?? plans[index - 1];
}

/**
 * Keyword overlap scoring: a keyword phrase found in the text scores 2 (3 when it is several words, which is rarely
 * accidental); a content word shared with the FAQ's question scores 1.
 */
export function scoreFaq(text: string, faq: Faq): number {
  const tokens = wordTokens(text);
  let score = 0;
  for (const keyword of faq.keywords) {
    if (containsPhrase(tokens, keyword)) score += wordTokens(keyword).length > 1 ? 3 : 2;
  }
  const questionWords = new Set(contentWords(faq.question));
  for (const word of new Set(contentWords(text))) {
    if (questionWords.has(word)) score += 1;
  }
  return score;
}

/** FAQs that share anything with the text, best first (ties keep catalogue order, so ranking is deterministic). */
export function rankFaqs(text: string, faqs: readonly Faq[]): { faq: Faq; score: number }[] {
  return faqs
    .map((faq) => ({ faq, score: scoreFaq(text, faq) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
}

export function extractTeamSize(text: string): number | undefined {
  for (const pattern of TEAM_SIZE) {
    const value = Number(text.match(pattern)?.[1]);
    if (Number.isInteger(value) && value > 0) return value;
  }
  return undefined;
}

export function extractEmail(text: string): string | undefined {
  return text.match(EMAIL)?.[0];
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What the prospect has told us so far, across the whole conversation (latest statement wins). */
export interface ConversationFacts {
  teamSize?: number;
  email?: string;
  /** Whether they have said what they want Northwind for (projects, workflows, reporting…). */
  useCaseKnown: boolean;
}

const USE_CASE =
  /\b(projects?|workflows?|automat\w*|reporting|reports?|dashboards?|track\w*|manag\w*|marketing|engineering|operations|ops|agency|clients?|customers?|hiring|recruit\w*|finance|it team|support team|sales team|use it for|using it for|we need|we want|looking for)\b/i;

export function readConversationFacts(userTexts: readonly string[]): ConversationFacts {
  const facts: ConversationFacts = { useCaseKnown: false };
  for (const text of userTexts) {
    facts.teamSize = extractTeamSize(text) ?? facts.teamSize;
    facts.email = extractEmail(text) ?? facts.email;
    facts.useCaseKnown ||= USE_CASE.test(text);
  }
  return facts;
}
