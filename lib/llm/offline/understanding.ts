import { knownTools } from '@/lib/sales/memory';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import type { LeadField } from '@/lib/sales/types';

/**
 * Readings of a message that come before any knowledge lookup: a question about what the prospect said earlier, a
 * question about what the company does (in any wording), and a tool we work alongside
 * named as an alternative. English and Spanish. Pure.
 */

export type RecallField = LeadField | 'tools';

const RECALL = [
  /\b(what|which|who|when|how many|how much|where)\b.{0,50}\b(did i|i (said|told|mentioned|gave|say))\b/i,
  /\bwhat('s| is| was) my\b/i,
  /\b(do you remember|remind me)\b/i,
  /\bwhat (company|team|email|name)\b.{0,20}\b(am i|do i)\b/i,
  /\b(qu[eé]|cu[aá]l|cu[aá]nt[oa]s?|cu[aá]ndo|qui[eé]n)\b.{0,50}\b(dije|te dije|le dije|mencion[eé]|coment[eé])\b/i,
  /\bcu[aá]l (es|era) (mi|nuestro|nuestra)\b/i,
  /\b(recuerdas?|recuerda usted)\b/i,
];

const RECALL_FIELDS: [RecallField, RegExp][] = [
  ['email', /\b(e-?mail|correo)\b/i],
  ['name', /\b(name|nombre|who am i|me llamo)\b/i],
  ['company', /\b(company|empresa|work (at|for)|organi[sz]ation|employer)\b/i],
  ['teamSize', /\b(team size|how many|people|seats|users|size|cu[aá]nt[oa]s|personas|usuarios|tama[nñ]o)\b/i],
  ['timeline', /\b(timeline|when|start|go live|be live|deadline|cu[aá]ndo|plazo|empezar)\b/i],
  ['budget', /\b(budget|presupuesto)\b/i],
  ['authority', /\b(decision|decides?|decisi[oó]n|decide)\b/i],
  ['need', /\b(need|problem|solve|goal|necesit\w*|problema|resolver)\b/i],
  ['role', /\b(role|job title|cargo|puesto)\b/i],
  ['phone', /\b(phone|tel[eé]fono)\b/i],
  ['tools', /\b(tools?|software|use|using|herramientas?|usamos|usan)\b/i],
];

/** The facts a "what did I say…" question asks about: none named means everything we know. Undefined: not a recall. */
export function recallQuestion(text: string): RecallField[] | undefined {
  if (!RECALL.some((pattern) => pattern.test(text))) return undefined;
  const fields = RECALL_FIELDS.filter(([, pattern]) => pattern.test(text)).map(([field]) => field);
  // "How many people did I say we use it for" is about the team, not tools.
  return fields.includes('teamSize') ? fields.filter((field) => field !== 'tools') : fields;
}

/** "What does Northwind Cloud do?", "what do you guys do?", "tell me about your product", "¿qué hace Northwind?". */
export function asksAboutCompany(text: string, kb: KnowledgeBase): boolean {
  const name = kb.company.name.toLowerCase();
  const first = name.split(/\s+/)[0] ?? name;
  const us = `(you|you guys|y'?all|your (company|team|product|platform|tool|app|software)|the (product|platform|tool)|${escape(name)}|${escape(first)})`;
  const folded = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return [
    new RegExp(`\\bwhat (exactly )?(do|does) ${us}( guys)? (actually |exactly )?(do|offer|sell|make|provide)\\b`),
    new RegExp(`\\bwhat (is|'s|are) ${us}\\b`),
    new RegExp(`\\btell me (a bit |more |a little )?(more )?about ${us}\\b`),
    /\bwhat('s| is) (this|it) (all )?about\b/,
    new RegExp(`\\bque (hace|hacen|haceis|ofrece|ofrecen|ofreceis|es) (${escape(first)}|ustedes|su (empresa|producto|plataforma))`),
    /\ba que se dedica/,
    new RegExp(`\\bhableme (mas )?de (ustedes|su (empresa|producto)|${escape(first)})`),
  ].some((pattern) => pattern.test(folded));
}

const ALTERNATIVE = /\b(why not|instead of|rather than|vs\.?|versus|better than|compared? (to|with)|just use|stick with|en vez de|por qu[eé] no|mejor que)\b/i;

/** A tool we integrate with, named as an alternative to us ("why not just use HubSpot?"). */
export function alternativeTool(text: string, kb: KnowledgeBase): string | undefined {
  if (!ALTERNATIVE.test(text)) return undefined;
  const competitors = new Set(kb.competitors.map((competitor) => competitor.name));
  return knownTools(kb).find((tool) => !competitors.has(tool) && new RegExp(`\\b${escape(tool)}\\b`, 'i').test(text));
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
