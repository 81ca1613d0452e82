import type { OfflineTurn } from '@/lib/llm/offline/context';
import { MEMORY_PHRASES, YOUR_WORDS } from '@/lib/llm/offline/phrases-memory';
import { bullets } from '@/lib/llm/offline/replies-pricing';
import type { RecallField } from '@/lib/llm/offline/understanding';
import { pickFresh } from '@/lib/llm/offline/variety';
import { speaksLocale } from '@/lib/sales/knowledge-locale';
import { LEAD_FIELDS, type LeadField } from '@/lib/sales/types';
import { listWith } from '@/lib/llm/offline/phrasebook';
import { colon } from '@/lib/llm/offline/text';
import { grownTeam, growthSaid, growthWords } from '@/lib/sales/memory';
import { detectLanguage } from '@/lib/llm/offline/language';
import type { StatedGrowth } from '@/lib/sales/types';
import type { SalesLocale } from '@/lib/sales/turn-state';
import { toolsOnPlan } from '@/lib/llm/offline/tools-on-plan';

/**
 * Replies about the conversation and the company: what the prospect told us (read from the sales state, the agent's
 * memory), what the company does, "I didn't follow", and tools we work alongside.
 */

export function recallReply(fields: readonly RecallField[], turn: OfflineTurn): string[] {
  const mp = MEMORY_PHRASES[turn.locale];
  const tools = (turn.state.tools ?? []).map((tool) => tool.name);
  const growth = turn.state.growth;
  const sentence = (field: RecallField): string => {
    if (field === 'tools') return tools.length > 0 ? mp.recallTools(list(tools, mp.and)) : mp.recallMissing(mp.labels.tools ?? field);
    if (field === 'growth') return growth && mp.recallGrowth ? mp.recallGrowth(growthWords(growth, turn.locale), grownTeam(turn.state)) : mp.recallMissing(mp.labels.growth ?? field);
    const authority = field === 'authority' ? turn.state.lead.fields.authority?.value : undefined;
    if (authority === 'decision maker' || authority === 'needs approval') return mp.recallAuthority(authority === 'decision maker');
    const value = valueOf(field, turn);
    if (field === 'need' && value !== undefined && mp.recallNeed) return mp.recallNeed(value);
    // (With growth on record, the team they will be too: "40 now, 300 next year" — unless the growth is asked beside it.)
    const then = field === 'teamSize' && !fields.includes('growth') ? grownTeam(turn.state) : undefined;
    if (value !== undefined && then !== undefined && growth) return mp.recallTeamGrowing(value, then, growthWhen(growth, turn.locale));
    if (field === 'teamSize' && value !== undefined && mp.recallTeam) return mp.recallTeam(value);
    return value === undefined ? mp.recallMissing(mp.labels[field] ?? field) : mp.recallFact(mp.labels[field] ?? field, value);
  };
  const known = LEAD_FIELDS.filter((field) => turn.state.lead.fields[field] !== undefined);
  // The need in the list as in the sentence: in their words, said back to them ("vous avez besoin du SSO").
  const listed = (field: LeadField) => (field === 'need' ? YOUR_WORDS[turn.locale](String(valueOf(field, turn))) : valueOf(field, turn));
  const items = known.map((field) => `${mp.labels[field] ?? field}${colon(turn.locale)} **${listed(field)}**`);
  if (tools.length > 0) items.push(`${mp.labels.tools}${colon(turn.locale)} **${list(tools, mp.and)}**`);
  if (growth && mp.labels.growth) items.push(`${mp.labels.growth}${colon(turn.locale)} **${growthWords(growth, turn.locale)}**`);
  if (fields.length > 0) {
    const answer = fields.map(sentence).join(' ');
    // "What did I tell you about my company?" with no company on record: what they did tell us, not only "nothing".
    const noneKnown = fields.every((field) => (field === 'tools' ? tools.length === 0 : field === 'growth' ? growth === undefined : turn.state.lead.fields[field] === undefined));
    return noneKnown && items.length > 0 ? [answer, mp.recallAll, bullets(items)] : [answer];
  }
  // "What did I tell you about SSO?": no fact on record is about it, but something they said was; their words, quoted.
  const said = mp.recallSaid ? saidAbout(turn) : undefined;
  if (said && mp.recallSaid) return [mp.recallSaid(said)];
  if (items.length === 0) return [mp.recallNothing];
  return [mp.recallAll, bullets(items)];
}

/** When the growth happens, in their words, if those are the reply's language ("nächstes Jahr" stays out of English). */
function growthWhen(growth: StatedGrowth, locale: SalesLocale): string | undefined {
  const written = detectLanguage(growth.evidence);
  return written === undefined || written === locale ? growthSaid(growth, locale).when : undefined;
}

/** The subject of "what did I tell you about X?", and the last earlier message of theirs that names it (whole words). */
function saidAbout(turn: OfflineTurn): string | undefined {
  const subject = /\b(?:told|tell|said|say|mention(?:ed)?)\b.*\babout (?:my |our |the )?([\p{L}\d][\p{L}\d -]{1,30}?)\s*(?:again)?\s*[?!.]*$/iu.exec(turn.text)?.[1]?.trim();
  if (!subject) return undefined;
  const words = subject.toLowerCase().split(/\s+/).filter((word) => word.length >= 3 || /\d/.test(word));
  if (words.length === 0) return undefined;
  const earlier = turn.userTexts.slice(0, -1).reverse();
  return earlier.find((text) => words.every((word) => new RegExp(`(?<![\\p{L}\\d])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu').test(text)))?.trim();
}

function valueOf(field: LeadField, turn: OfflineTurn): string | undefined {
  const value = turn.state.lead.fields[field]?.value;
  if (value === undefined) return undefined;
  const mp = MEMORY_PHRASES[turn.locale];
  if (field === 'authority') return value === 'decision maker' ? mp.decisionMaker : value === 'needs approval' ? mp.needsApproval : String(value);
  return String(value);
}

export function aboutReply(turn: OfflineTurn): string[] {
  const { company } = turn.kb;
  const description = companyDescription(turn);
  const mp = MEMORY_PHRASES[turn.locale];
  return [description ?? mp.englishOnly(undefined, company.salesEmail)];
}

export function unclearReply(turn: OfflineTurn): string[] {
  const mp = MEMORY_PHRASES[turn.locale];
  return [`${pickFresh(mp.unclear, turn.previousReplies)} ${pickFresh(mp.unclearPrompt, turn.previousReplies)}`];
}

export function alongsideReply(tool: string, turn: OfflineTurn): string[] {
  const mp = MEMORY_PHRASES[turn.locale];
  const description = companyDescription(turn);
  return [mp.alongside(tool, turn.kb.company.name), ...(description ? [description] : [])];
}

/** What the company does, in the reply's language: the knowledge base's own words, or its `localized` entry. */
function companyDescription(turn: OfflineTurn): string | undefined {
  const { company, localized } = turn.kb;
  if (speaksLocale(turn.kb, turn.locale)) return company.description;
  return localized[turn.locale]?.description ?? localized[turn.locale]?.tagline;
}

/** How we fit the tools they use; and, for a tool they would leave that our importers read, that their work comes over. */
export function toolsReply(tools: readonly string[], turn: OfflineTurn, from?: string): string[] {
  const mp = MEMORY_PHRASES[turn.locale];
  // (Per the plan in view: "we use Slack and HubSpot" on Starter connects Slack, and HubSpot comes with Pro.)
  const fits = toolsOnPlan(tools, turn).join(' ');
  const onboarding = turn.kb.faqs.find((faq) => faq.id === 'onboarding')?.answer ?? '';
  return [from && onboarding.includes(from) ? `${fits} ${mp.importsFrom(from)}` : fits];
}

/** "Do you integrate with Asana?": a tool like ours, not one we connect to; coming from it, their projects come over. */
export function rivalIntegrationReply(tool: string, turn: OfflineTurn): string[] {
  const mp = MEMORY_PHRASES[turn.locale];
  const onboarding = turn.kb.faqs.find((faq) => faq.id === 'onboarding')?.answer ?? '';
  return [onboarding.includes(tool) ? `${mp.rivalNotIntegration(tool)} ${mp.importsFrom(tool)}` : mp.rivalNotIntegration(tool)];
}

export function list(items: readonly string[], and: string): string {
  return listWith(items, and);
}
