import { teamStatedIn } from '@/lib/llm/offline/reading';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import { splitSentences } from '@/lib/sales/sentences';
import { growthIn } from '@/lib/sales/memory';
import type { SalesLocale } from '@/lib/sales/turn-state';
import type { LeadField, SalesState } from '@/lib/sales/types';

/**
 * The introductions the sales brain's lead extraction (English and Spanish) does not read: "je m'appelle Marie, je
 * travaille chez Acme, nous sommes 12", "ich heiße Jonas … 12 Personen", "اسمي ليلى … فريق من 12". The offline agent
 * records them with capture_lead, as the OpenAI agent records what it reads, so they reach the lead record with the
 * prospect's sentence as evidence. Pure.
 */

export type ReadFacts = Partial<Record<Extract<LeadField, 'name' | 'company' | 'teamSize'>, string | number>>;

const WORD = "\\p{Lu}[\\p{L}'’.-]*";
const NAME: Partial<Record<SalesLocale, RegExp>> = {
  // Case-sensitive on purpose: a name starts with a capital, which an `i` flag would stop checking.
  fr: new RegExp(`(?:[Jj]e m['’]appelle|[Mm]on nom est|[Mm]oi c['’]est|[Jj]e suis)\\s+(${WORD}(?:\\s+${WORD})?)`, 'u'),
  // (A title before the name is not part of it: "mein Name ist Dr. Katharina Weiß".)
  // ("Guten Tag, hier Frau Dr. Vogel": "hier" with a title after it, and the title before the degree.)
  de: new RegExp(`(?:[Ii]ch hei(?:ß|ss)e|[Mm]ein [Nn]ame ist|[Hh]ier (?:ist|spricht)|[Hh]ier(?=\\s+(?:Herr|Frau|Dr\\.|Prof\\.)\\s))\\s+(?:(?:Herr|Frau)\\s+)?(?:(?:Dr|Prof)\\.\\s+)*(${WORD}(?:\\s+${WORD})?)`, 'u'),
  ar: /(?:اسمي|معك)\s+([\p{L}]+(?:\s+(?!من|في|لدى|مع|و)[\p{L}]+)?)/u,
};
const COMPANY_WORD = "[\\p{Lu}\\p{N}][\\p{L}\\p{N}&'’.-]*";
/** Further words of a company's name, "&" between them included: "Pixel & Co". */
const MORE_WORDS = `(?:\\s+(?:&\\s+)?${COMPANY_WORD}){0,3}`;
const ACRONYM = /^\p{Lu}{2,5}$/u;
const COMPANY: Partial<Record<SalesLocale, RegExp>> = {
  fr: new RegExp(`(?:[Jj]e travaille (?:chez|pour)|[Jj]e suis chez|de la (?:soci[ée]t[ée]|boîte)|de l['’]entreprise|chez)\\s+(${COMPANY_WORD}${MORE_WORDS})`, 'u'),
  de: new RegExp(`(?:[Ii]ch arbeite (?:bei|für)|(?:von|bei) der (?:Firma|Agentur)|(?:von|bei) (?:der |dem )?(?=(?:\\S+\\s+){1,3}(?:GmbH|AG|KG|SE|UG)\\b))\\s*(${COMPANY_WORD}${MORE_WORDS})`, 'u'),
  // ("في شركة صغيرة اسمها بيت التصميم": what the small company is called.)
  ar: /(?:أعمل (?:في|لدى|مع)|من|في|لدى)\s+شركة\s+(?:(?:[\p{L}]+\s+){0,2}?(?:اسمها|تسمى|تدعى)\s+)?([\p{L}\p{N}]+(?:\s+(?!و|في|من|ونحن|نحن)[\p{L}\p{N}]+)?)|شركتي (?:هي )?([\p{L}\p{N}]+)/u,
};

/** The name, company and team size the message states in French, German or Arabic, where the brain did not take them. */
export function readIntroduction(text: string, locale: SalesLocale, state: SalesState, kb: KnowledgeBase): ReadFacts {
  if (locale === 'en' || locale === 'es') return {};
  const own = new Set([kb.company.name, ...kb.plans.flatMap((plan) => [plan.name, ...plan.aliases])].map((name) => name.toLowerCase()));
  const sentences = splitSentences(text).filter((sentence) => !/[?؟]\s*$/.test(sentence));
  const statements = sentences.join(' ');
  // Sentence by sentence: "… chez Atelier Bleu. On est 40." is Atelier Bleu, not "Atelier Bleu. On".
  const first = (pattern: RegExp | undefined) => (pattern ? sentences.map((sentence) => pattern.exec(sentence)).find((match) => match !== null) : undefined);
  const facts: ReadFacts = {};
  const known = state.lead.fields;
  // ("Mein Name ist Katrin Vogel.": the sentence's full stop is no part of the name.)
  const name = first(NAME[locale])?.[1]?.replace(/[.,،!]+$/u, '').trim();
  // "Je suis DSI chez …": a role's initials (DSI, CTO, PDG), not a name.
  if (name && !ACRONYM.test(name) && !own.has(name.toLowerCase()) && known.name?.value !== name) facts.name = name;
  const company = first(COMPANY[locale]);
  const companyName = (company?.[1] ?? company?.[2])?.replace(/[.,،]+$/, '').trim();
  if (companyName && !own.has(companyName.toLowerCase()) && known.company?.value !== companyName) facts.company = companyName;
  const team = teamStatedIn(statements);
  // ("4 personnes de plus en janvier": the people they add, not the team; "l'an prochain on sera 40" with 30 on record:
  // the team they will be, today's stays.)
  const growth = growthIn(text);
  const later = growth?.when !== undefined && growth.to === team && known.teamSize !== undefined;
  if (team !== undefined && known.teamSize?.value !== team && team !== growth?.added && !later) facts.teamSize = team;
  return facts;
}

/** The state with the facts read, each evidenced by the sentence that states it (what capture_lead will store). */
export function withFacts(state: SalesState, facts: ReadFacts, text: string, now: number): SalesState {
  const entries = Object.entries(facts) as [LeadField, string | number][];
  if (entries.length === 0) return state;
  const fields = { ...state.lead.fields };
  for (const [field, value] of entries) {
    const evidence = splitSentences(text).find((sentence) => sentence.includes(String(value))) ?? text;
    fields[field] = { value, evidence, confidence: 0.8, asked: state.lastAskedField === field, capturedAt: now };
  }
  return { ...state, lead: { ...state.lead, fields } };
}
