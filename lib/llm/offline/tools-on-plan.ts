import type { OfflineTurn } from '@/lib/llm/offline/context';
import type { Plan } from '@/lib/sales/knowledge/schema';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { integrationNames, mentionsName } from '@/lib/sales/memory';
import { recommendPlan } from '@/lib/llm/offline/reading';
import { listWith } from '@/lib/llm/offline/phrasebook';
import { MEMORY_PHRASES } from '@/lib/llm/offline/phrases-memory';

/**
 * Their tools on the plan they are on or were quoted: "we use Slack and HubSpot" with Starter in view connects Slack
 * and says HubSpot comes with Pro, from the plans' own integration lines (never an integration a plan lacks).
 */

/** The plan the catalogue first names `tool` on (the plan with "all integrations" for one only the FAQ names). */
export function firstPlanWith(tool: string, turn: OfflineTurn): Plan | undefined {
  const base = getKnowledgeBase().plans;
  const index = base.findIndex((plan) => plan.features.flatMap(integrationNames).some((name) => name.toLowerCase() === tool.toLowerCase()));
  const all = base.findIndex((plan) => plan.features.some((line) => /\ball\b[^,]*\bintegrations\b/i.test(line)));
  const faq = turn.kb.faqs.find((entry) => entry.id === 'integrations');
  const at = index >= 0 ? index : faq && mentionsName(faq.answer, tool) ? all : -1;
  return at < 0 ? undefined : turn.kb.plans[at];
}

/** The plan in view: the one last quoted, else the one their team size fits. */
function planInView(turn: OfflineTurn): Plan | undefined {
  const last = turn.state.quoted?.at(-1);
  const quoted = last && turn.kb.plans.find((plan) => plan.id === last.planId);
  if (quoted) return quoted;
  const seats = Number(turn.state.lead.fields.teamSize?.value);
  return Number.isSafeInteger(seats) && seats > 0 ? recommendPlan(seats, turn.kb.plans) : undefined;
}

/**
 * How we fit `tools`: those the plan in view connects to, in one sentence, and for each later plan the tools that
 * first come with it. With no plan in view, or every tool on it, the one sentence for all of them.
 */
export function toolsOnPlan(tools: readonly string[], turn: OfflineTurn): string[] {
  const mp = MEMORY_PHRASES[turn.locale];
  const { plans } = turn.kb;
  const inView = planInView(turn);
  const later = new Map<Plan, string[]>();
  for (const tool of tools) {
    const from = inView ? firstPlanWith(tool, turn) : undefined;
    if (from && plans.indexOf(from) > plans.indexOf(inView as Plan)) later.set(from, [...(later.get(from) ?? []), tool]);
  }
  const lacking = [...later.values()].flat();
  const connected = tools.filter((tool) => !lacking.includes(tool));
  const lines = connected.length > 0 ? [mp.integratesWith(turn.kb.company.name, listWith(connected, mp.and), connected.length > 1)] : [];
  for (const [from, named] of later) lines.push(mp.notOnPlan(listWith(named, mp.and), named.length > 1, inView?.name ?? '', from.name, plans.indexOf(from) === plans.length - 1));
  return lines;
}
