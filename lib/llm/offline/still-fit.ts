import type { OfflineTurn } from '@/lib/llm/offline/context';
import { fitsSeats, isContactSales, recommendPlan } from '@/lib/llm/offline/reading';
import { listWith } from '@/lib/llm/offline/phrasebook';
import { MEMORY_PHRASES } from '@/lib/llm/offline/phrases-memory';
import { needLabel } from '@/lib/llm/offline/text';
import { grownTeam } from '@/lib/sales/memory';
import type { Plan } from '@/lib/sales/knowledge/schema';
import type { PriceTopic } from '@/lib/llm/offline/topic-types';
import { QUESTION } from '@/lib/llm/offline/topic-words';
import { BUDGET_CHECK, priceTopic, seatsFor } from '@/lib/llm/offline/topic-pricing';
import { atLeast, coverTopic, requiredPlan } from '@/lib/llm/offline/topic-needs';

/**
 * "Would Business still fit?", "¿nos seguiría sirviendo Pro?", "Business conviendrait-il encore ?", "Passt Pro dann
 * noch?", "هل تناسبنا Pro؟": whether a plan holds them, yes or no, from the catalogue: its seats against the team on
 * record (the team they will be, when they told us of growth), and what they said they need against its features.
 */
const STILL_FIT_ASK = [
  /^\s*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)*(?:would|will|does|do|can|could|is)\b[^?.!]{0,30}\bstill (?:fit|work|do|hold us|cover us|be (?:enough|ok(?:ay)?|fine|big enough))\b/iu,
  /(?<!\p{L})(?:seguir[ií]an?|sigue[n]?|continuar[ií]an?)\s+(?:sirvi[eé]ndo(?:nos|les)?|valiendo|funcionando|siendo (?:suficiente|v[aá]lid[oa]|adecuad[oa]))(?!\p{L})|(?<!\p{L})nos (?:servir[ií]a|valdr[ií]a)(?!\p{L})|(?<!\p{L})(?:todav[ií]a|a[uú]n) (?:nos )?(?:sirve|servir[ií]a|vale|alcanza|es suficiente)(?!\p{L})/iu,
  /(?<!\p{L})(?:convien(?:drait|t|dra)|suffi(?:rait|ra|t)|ferait)(?:-t)?(?:-(?:il|elle))?\s+(?:encore|toujours)(?!\p{L})|(?<!\p{L})(?:nous|vous) conviendrait(?!\p{L})|(?<!\p{L})(?:encore|toujours) (?:adapt[ée]e?|suffisante?|l['’]affaire)(?!\p{L})/iu,
  /(?<!\p{L})(?:w[üu]rde|wird|w[äa]re)(?!\p{L})[^?.!]{0,40}(?<!\p{L})noch(?!\p{L})[^?.!]{0,20}(?<!\p{L})(?:passen|reichen|gen[üu]gen|ausreichen|passend|ausreichend|das richtige)(?!\p{L})|(?<!\p{L})(?:passt|reicht|gen[üu]gt)(?!\p{L})[^?.!]{0,30}(?<!\p{L})noch(?!\p{L})/iu,
  /(?:ما زال|مازال|لا يزال|لا تزال|لازال|ستظل|سيظل|ستبقى|سيبقى)\S*[^؟?]{0,40}(?:مناسب|تناسب|يناسب|تكفي|يكفي|تنفع|ينفع)|(?<!\p{L})(?:تناسبنا|يناسبنا|تنفعنا|ينفعنا|تكفينا|يكفينا|مناسبة لنا|مناسب لنا|تناسب فريقنا)(?!\p{L})/u,
];

/** Whether `text` asks if a plan (still) holds them, in any of the five languages. */
export function asksStillFit(text: string): boolean {
  return STILL_FIT_ASK.some((pattern) => pattern.test(text)) && !BUDGET_CHECK.test(text) && (QUESTION.test(text) || /[?؟]/.test(text));
}

/**
 * The answer's topic: a yes (`plan` asked about, priced for the team, with the needs it has in `fitHas`); a no for its
 * seats (`plan` asked about, `alternative` the plan that holds them and has what they need); or a no for a need it
 * lacks (`fitLacks`, their words), priced as the plan that has it. Undefined when no team size is known, or the plan
 * is one the sales team prices, or the team is below the plan's minimum (its price at the minimum answers that).
 */
export function stillFitTopic(turn: OfflineTurn, asked: Plan | undefined): PriceTopic | undefined {
  if (!asked || isContactSales(asked) || !asksStillFit(turn.text)) return undefined;
  const team = grownTeam(turn.state) ?? seatsFor(turn);
  if (team === undefined || team < asked.minSeats) return undefined;
  const sized = { ...turn, text: `${team} people` };
  const fitting = atLeast(recommendPlan(team, turn.kb.plans), requiredPlan(turn), turn.kb);
  if (!fitsSeats(asked, team)) return fitting ? { ...priceTopic(sized, asked, false), alternative: fitting, fitAsked: true } : undefined;
  // Each need they stated, checked against the plan as "does that cover what we need?" checks it (its seats aside).
  // (The first check is their team's seats, decided above; a security standard is the company's, not the plan's.)
  const covers = coverTopic(sized, [asked], true);
  const checks = covers?.kind === 'covers' ? covers.checks.slice(1).filter((check) => !check.company) : [];
  const words = (covered: boolean) => listWith(checks.filter((check) => check.covered === covered).map((check) => `**${needLabel(check.need)}**`), MEMORY_PHRASES[turn.locale].and);
  const lacks = words(false);
  if (lacks && fitting && fitting !== asked) return { ...priceTopic(sized, fitting, true), fitAsked: true, fitLacks: { plan: asked, need: lacks } };
  const has = words(true);
  return { ...priceTopic(sized, asked, false), fitAsked: true, ...(has ? { fitHas: has } : {}) };
}
