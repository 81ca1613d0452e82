import type { OfflineTurn } from '@/lib/llm/offline/context';
import type { Plan } from '@/lib/sales/knowledge/schema';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { integrationNames, toolsNamed } from '@/lib/sales/memory';
import { listWith } from '@/lib/llm/offline/phrasebook';
import { MEMORY_PHRASES } from '@/lib/llm/offline/phrases-memory';
import { DIRECT_PHRASES } from '@/lib/llm/offline/phrases-direct';
import { OUR_KIND } from '@/lib/llm/offline/asides';

/**
 * "¿Se integra con nuestro CRM?", "vous vous intégrez avec HubSpot ?", "lässt sich das mit unserem CRM verbinden?",
 * "هل يتكامل مع نظام CRM الخاص بنا؟": a yes first, with the first plan that has the tool (from the plans' own integration
 * lines), never the whole integrations list in its place. With no CRM on record, the CRMs the catalogue names, and
 * which one is theirs asked. No plan named: a plan named is answered for that plan (toolOnPlanTopic in topic.ts).
 */
export interface IntegrationAnswer {
  tools: string[];
  /** The first plan that includes every tool asked about (the reply's language's plan). */
  from: Plan;
  first: boolean;
  only: boolean;
  /** That plan's integration line, in the reply's language. */
  line: string;
  /** "Our CRM" with none on record: the CRMs the catalogue names. */
  crm: boolean;
}

/** A question about connecting to something: "integrate", "se integra", "s'intègre", "verbinden", "يتكامل". */
const INTEGRATES =
  /(?<!\p{L})(?:integrat\p{L}*|connect\p{L}*|sync\p{L}*|plug\p{L}* in(?:to)?|work(?:s)? (?:well )?with|integra\p{L}*|conect\p{L}*|sincroniz\p{L}*|int[éeè]gr\p{L}*|synchronis\p{L}*|integrier\p{L}*|verbind\p{L}*|verkn[üu]pf\p{L}*|anbind\p{L}*|schnittstelle\p{L}*|anbindung|compatib\p{L}*|kompatib\p{L}*)(?!\p{L})|(?:ي|ت|ن)?تكامل|التكامل|(?:ي|ن)?ربط|يرتبط|يتصل/iu;
const ASKS = /[?؟]|^\s*(?:¿|does|do|can|could|will|would|is|are|se |est-ce|peut|pouvez|kann|k[öo]nn|l[äa]sst|gibt|hat|habt|funktioniert|هل)/iu;
/** "CRM" said as a kind of tool. */
const CRM = /(?<!\p{L})(?:crm|سي ?آر ?إم)(?!\p{L})/iu;

export function integrationAnswer(turn: OfflineTurn, plansNamed: readonly Plan[]): IntegrationAnswer | undefined {
  const { text } = turn;
  if (plansNamed.length > 0 || text.length > 160 || !INTEGRATES.test(text) || !ASKS.test(text)) return undefined;
  // (A plan named in lower case, "does pro connect to hubspot?", is that plan's question.)
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  if (turn.kb.plans.some((plan) => [plan.name, plan.id].some((name) => words.includes(name.toLowerCase())))) return undefined;
  const base = getKnowledgeBase().plans;
  const firstWith = new Map<string, number>();
  base.forEach((plan, index) => {
    for (const name of plan.features.flatMap(integrationNames)) if (!firstWith.has(name)) firstWith.set(name, index);
  });
  const named = toolsNamed(text, getKnowledgeBase()).filter((name) => !turn.kb.competitors.some((entry) => entry.name === name));
  // (A tool only the FAQ lists, or none we list: the answers that know about those.)
  if (named.some((name) => !firstWith.has(name))) return undefined;
  const crmTools = OUR_KIND.find((kind) => kind.tools.includes('HubSpot'))?.tools ?? [];
  const crm = named.length === 0 && CRM.test(text);
  // (English names the tool on the plan in focus, or the FAQ with the plans after it: toolOnPlanTopic.)
  if (turn.locale === 'en' && !crm) return undefined;
  const tools = crm ? crmTools.filter((name) => firstWith.has(name)) : named;
  if (tools.length === 0 || tools.length > 3) return undefined;
  const index = Math.max(...tools.map((name) => firstWith.get(name) ?? 0));
  const from = turn.kb.plans.find((plan) => plan.id === base[index]?.id);
  const baseLine = base[index]?.features.findIndex((line) => tools.some((name) => integrationNames(line).includes(name))) ?? -1;
  const own = from?.features[baseLine];
  if (!from || own === undefined) return undefined;
  // ("10 core integrations (Slack, …)" inside the parentheses: "10 core integrations: Slack, …"; a French colon is spaced.)
  const line = own.replace(/\s*\((.*)\)$/u, `${turn.locale === 'fr' ? ' :' : ':'} $1`).replace(/[.…]+$/u, '…');
  // (A German noun keeps its capital inside the parentheses, "alle" does not; "SAML…" keeps its capitals.)
  const lower = turn.locale === 'de' ? /^Alle(?!\p{L})/u.test(line) : !/^\p{Lu}{2}/u.test(line);
  return { tools, from, first: index === 0, only: index === base.length - 1, line: lower ? line.charAt(0).toLowerCase() + line.slice(1) : line, crm };
}

export function integrationReply(answer: IntegrationAnswer, turn: OfflineTurn): string[] {
  const ph = DIRECT_PHRASES[turn.locale];
  const tools = listWith(answer.tools, MEMORY_PHRASES[turn.locale].and);
  const plural = answer.tools.length > 1;
  return [answer.crm ? ph.crmYes(tools, plural, answer.from.name, answer.only) : ph.toolYes(tools, plural, answer.from.name, answer.first, answer.only, answer.line)];
}

