import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import { splitSentences } from '@/lib/sales/sentences';
import { LEAD_FIELDS, type LeadField, type QuotedPrice, type SalesState, type StatedTool } from '@/lib/sales/types';

/**
 * The conversation's memory beyond the lead record: tools the prospect uses, what was quoted, what was asked and
 * which objections came up. The state is what both agents remember, so a prospect's "what did I say…" is answered
 * from here rather than from whichever turns still fit in the prompt. Pure and client-safe.
 */

/** Tools we can name: the competitors and the integrations the knowledge base lists, with their own capitalisation. */
export function knownTools(kb: KnowledgeBase): string[] {
  const names = kb.competitors.map((competitor) => competitor.name);
  const add = (name: string) => {
    if (!names.some((known) => known.toLowerCase() === name.toLowerCase())) names.push(name);
  };
  const integrations = kb.faqs.filter((faq) => /integrat/i.test(`${faq.id} ${faq.question}`));
  for (const faq of integrations) {
    for (const keyword of faq.keywords) {
      const found = new RegExp(`\\b${keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').exec(faq.answer)?.[0];
      if (found && /^\p{Lu}/u.test(found)) add(found);
    }
    // The list the answer gives ("including Slack, Microsoft Teams, Google Workspace…"), not only its keywords.
    integrationNames(faq.answer).forEach(add);
  }
  kb.plans.flatMap((plan) => plan.features.flatMap(integrationNames)).forEach(add);
  return names;
}

/**
 * The tools a line lists after its word for integrations, up to the end of that sentence or a "plus": "10 core
 * integrations (Slack, Google Workspace, Microsoft 365…)" → Slack, Google Workspace, Microsoft 365; "All 60+
 * integrations, including Salesforce, HubSpot and Jira" → Salesforce, HubSpot, Jira (proper names, as written).
 */
export function integrationNames(line: string): string[] {
  const at = line.search(/integra|intégra|تكامل/iu);
  if (at < 0) return [];
  const list = line.slice(at).split(/[.;]\s|\s(?:plus|además de|ainsi que|sowie)\s/u)[0] ?? '';
  return [...list.matchAll(/(?<![\p{L}\d])\p{Lu}[\p{L}\d]*(?: [\p{Lu}\d][\p{L}\d]*)*/gu)].map((match) => match[0]);
}

const QUESTION = /\?\s*$|^\s*¿|^\s*(why|how|what|which|should|could|would|can|do|does|is|are)\b/i;
const USE =
  /\b(use|using|used|run|running|on|live in|work in|rely on|usamos|utilizamos|trabajamos con|tenemos|estamos en|utilisons|utilise|on utilise|travaillons (?:avec|sur|dans)|sommes sur|nutzen|nutze|verwenden|verwende|arbeiten mit|arbeite mit|setzen \S+ ein)\b|نستخدم|نعمل على|نعتمد على/iu;

/** Whether `text` names `name` as a word of its own ("Jira", not "Jirafa"), in any case. */
export function mentionsName(text: string, name: string): boolean {
  return new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu').test(text);
}

/** The known tools `text` names, by their name or a competitor's alias ("monday" for Monday.com), in catalogue order. */
export function toolsNamed(text: string, kb: KnowledgeBase): string[] {
  return knownTools(kb).filter((name) => [name, ...(kb.competitors.find((competitor) => competitor.name === name)?.aliases ?? [])].some((alias) => mentionsName(text, alias)));
}

/** Tools the message says the prospect uses; a question about a tool ("why not HubSpot?") is not a statement. */
export function statedTools(text: string, kb: KnowledgeBase): StatedTool[] {
  const tools: StatedTool[] = [];
  for (const sentence of splitSentences(text)) {
    if (QUESTION.test(sentence) || !USE.test(sentence)) continue;
    for (const name of toolsNamed(sentence, kb)) tools.push({ name, evidence: sentence });
  }
  return tools;
}

export function rememberTools(state: SalesState, tools: readonly StatedTool[]): SalesState {
  if (tools.length === 0) return state;
  const kept = (state.tools ?? []).filter((tool) => !tools.some((fresh) => fresh.name === tool.name));
  return { ...state, tools: [...kept, ...tools] };
}

export function rememberQuote(state: SalesState, quote: QuotedPrice): SalesState {
  const same = (entry: QuotedPrice) => entry.planId === quote.planId && entry.seats === quote.seats && entry.billing === quote.billing;
  return { ...state, quoted: [...(state.quoted ?? []).filter((entry) => !same(entry)), quote] };
}

export function rememberObjection(state: SalesState, id: string | undefined): SalesState {
  if (!id || state.objections?.includes(id)) return state;
  return { ...state, objections: [...(state.objections ?? []), id] };
}

export function rememberAsked(state: SalesState, fields: readonly LeadField[]): SalesState {
  if (fields.length === 0) return state;
  const asked = { ...state.asked };
  for (const field of fields) asked[field] = (asked[field] ?? 0) + 1;
  return { ...state, asked };
}

const LABELS: Record<LeadField, string> = {
  name: 'name', email: 'email', company: 'company', role: 'role', phone: 'phone', teamSize: 'team size',
  budget: 'budget', authority: 'decision', need: 'need', timeline: 'timeline',
};

/**
 * The memory as compact prompt lines: each fact with the prospect's own words, the tools, the prices quoted, the
 * objections raised and the questions already asked. Evidence is clipped so a long message cannot crowd the budget.
 */
export function memoryLines(state: SalesState, kb: KnowledgeBase): string[] {
  const lines: string[] = [];
  for (const field of LEAD_FIELDS) {
    const fact = state.lead.fields[field];
    if (fact) lines.push(`- ${LABELS[field]}: ${clip(String(fact.value), 80)} (they said: "${clip(fact.evidence, 100)}")`);
  }
  for (const tool of state.tools ?? []) lines.push(`- uses ${tool.name} (they said: "${clip(tool.evidence, 100)}")`);
  if (lines.length === 0) lines.push('- nothing yet');
  const plan = (id: string) => kb.plans.find((entry) => entry.id === id)?.name ?? id;
  const quoted = (state.quoted ?? []).map((entry) => `${plan(entry.planId)} for ${entry.seats} seats, ${entry.billing}`);
  if (quoted.length > 0) lines.push(`- already quoted: ${quoted.join('; ')}`);
  const objections = state.objections ?? [];
  if (objections.length > 0) lines.push(`- objections raised: ${objections.map((id) => kb.objections.find((entry) => entry.id === id)?.title ?? id).join('; ')}`);
  const asked = Object.entries(state.asked ?? {}).map(([field, times]) => `${LABELS[field as LeadField]} (${times}×)`);
  if (asked.length > 0) lines.push(`- you already asked about: ${asked.join(', ')}`);
  if (state.quiet) lines.push('- they asked you to stop asking questions: ask none');
  return lines;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
