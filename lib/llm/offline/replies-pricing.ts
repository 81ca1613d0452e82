import { growthSaid, toolsNamed } from '@/lib/sales/memory';
import { z } from 'zod';
import type { OfflineTurn } from '@/lib/llm/offline/context';
import type { Phrases } from '@/lib/llm/offline/phrases';
import { listWith } from '@/lib/llm/offline/phrasebook';
import { MEMORY_PHRASES } from '@/lib/llm/offline/phrases-memory';
import { fitsSeats, INCLUDES_LOWER, isContactSales, recommendPlan } from '@/lib/llm/offline/reading';
import { CAN_HAVE, CAN_HAVE_ELSEWHERE, freshFields, statedBudget, type Topic } from '@/lib/llm/offline/topic';
import { budgetFit } from '@/lib/sales/budget';
import { quote, seatLimitMessage } from '@/lib/sales/pricing';
import { atLeast, requiredPlan } from '@/lib/llm/offline/topic-needs';
import { formatPrice } from '@/lib/sales/knowledge';
import type { Plan } from '@/lib/sales/knowledge/schema';
import { speaksLocale } from '@/lib/sales/knowledge-locale';
import { colon, needLabel } from '@/lib/llm/offline/text';
import type { SalesLocale } from '@/lib/sales/turn-state';
import { FOLLOW_UP_PHRASES } from '@/lib/llm/offline/phrases-followups';
import { FIT_PHRASES } from '@/lib/llm/offline/phrases-fit';

/**
 * Price replies. Every amount is either a get_pricing result or a catalogue price, formatted by formatPrice; nothing
 * here multiplies, discounts or rounds.
 */

const quoteOk = z.object({
  ok: z.literal(true),
  plan: z.object({ id: z.string(), name: z.string() }),
  seats: z.number(),
  billing: z.enum(['monthly', 'annual']),
  perSeatMonthly: z.number(),
  monthlyTotal: z.number(),
  annualTotal: z.number(),
  annualSavings: z.number(),
  currency: z.string(),
});
const quoteError = z.object({ ok: z.literal(false), code: z.string(), message: z.string() });
const pricingInput = z.object({ plan: z.string(), seats: z.number(), billing: z.enum(['monthly', 'annual']).default('monthly') });

type QuoteOk = z.infer<typeof quoteOk>;
interface PriceResult {
  planId: string;
  quote?: QuoteOk;
  error?: z.infer<typeof quoteError>;
}

/** This turn's get_pricing results, in call order. */
export function pricingResults(turn: OfflineTurn): PriceResult[] {
  return turn.exchanges.flatMap((exchange) => {
    if (exchange.toolName !== 'get_pricing') return [];
    const input = pricingInput.safeParse(exchange.input);
    if (!input.success) return [];
    const ok = quoteOk.safeParse(exchange.output);
    const error = quoteError.safeParse(exchange.output);
    return [{ planId: input.data.plan, ...(ok.success ? { quote: ok.data } : {}), ...(error.success ? { error: error.data } : {}) }];
  });
}

/** An amount as the reply's language writes it ("$1,365", "1 365 $US", "1.365 $"). */
export const money = (amount: number, turn: Pick<OfflineTurn, 'kb' | 'locale'>) => formatPrice(amount, turn.kb.company.currency, turn.locale);

/** A plan's catalogue price line, in the reply's language. */
export function cataloguePriceLine(plan: Plan, turn: Pick<OfflineTurn, 'kb' | 'locale'>, ph: Phrases): string {
  if (isContactSales(plan)) return ph.customLine;
  const monthly = plan.pricePerSeatMonthly === null ? undefined : money(plan.pricePerSeatMonthly, turn);
  const annual = plan.pricePerSeatMonthlyAnnual === null ? undefined : money(plan.pricePerSeatMonthlyAnnual, turn);
  return ph.priceLine(monthly, annual);
}

export function priceReply(topic: Extract<Topic, { kind: 'price' }>, turn: OfflineTurn, ph: Phrases): string[] {
  const { kb } = turn;
  const results = pricingResults(turn);
  const lines = planLines(topic.plan, topic, results, turn, ph);
  if (topic.lowest) lines.unshift(ph.alreadyLowest(topic.plan.name, topic.seats));
  // ("Would Business still fit?" for 70: yes, with its seats, before its price for them; a no comes from planLines.)
  // (With what they said they need that it includes too; a no for a need it lacks is said below.)
  if (topic.fitAsked && !topic.fitLacks && fitsSeats(topic.plan, topic.seats)) {
    lines.unshift(ph.planFitsYes(topic.plan.name, topic.seats, ph.seatRange(topic.plan.minSeats, topic.plan.maxSeats)), ...(topic.fitHas ? [FIT_PHRASES[turn.locale].hasNeed(topic.plan.name, topic.fitHas)] : []));
  }
  if (topic.annualTip) {
    // Nothing cheaper to offer but the annual price, whose line may have been said already: said as the saving it is.
    const quotes = results.filter((result) => result.planId === topic.plan.id).flatMap((result) => (result.quote ? [result.quote] : []));
    const monthly = quotes.find((quote) => quote.billing === 'monthly');
    const annual = quotes.find((quote) => quote.billing === 'annual');
    if (monthly && annual && annual.perSeatMonthly < monthly.perSeatMonthly) {
      lines.push(ph.annualPaysLess(money(annual.perSeatMonthly, turn), money(monthly.perSeatMonthly, turn), money(annual.annualSavings, turn)));
    }
  }
  // Sized for the team they'll be ("5 more in January"): still fitting, or outgrown and the plan they grow into.
  const growth = turn.state.growth;
  if (topic.grown && growth && ph.growthFit) {
    const { outgrows } = topic.grown;
    lines.unshift(ph.growthFit(growthSaid(growth, turn.locale), topic.grown.fresh, topic.grown.now, topic.grown.then, topic.plan.name, ph.seatRange(topic.plan.minSeats, topic.plan.maxSeats), outgrows ? { plan: outgrows.name, max: outgrows.maxSeats ?? topic.grown.then } : undefined));
  }
  // "¿Cuánto sería Pro al mes?" with growth on record: today's team priced, and the team they will be beside it.
  if (topic.grownTo !== undefined && growth && ph.grownTotal) {
    const max = topic.plan.maxSeats;
    const grown = results.find((result) => result.planId === topic.plan.id && result.quote?.seats === topic.grownTo && result.quote?.billing === 'monthly')?.quote;
    if (max !== null && topic.grownTo > max) lines.push(ph.planTooSmall(topic.plan.name, max, topic.grownTo));
    else if (grown) lines.push(ph.grownTotal(growthSaid(growth, turn.locale), topic.grownTo, topic.plan.name, money(grown.monthlyTotal, turn)));
  }
  // "Pro is 29 a month for the whole team?": no, per seat (the catalogue's price); their total follows when known.
  if (topic.perSeatClaim && ph.perSeatNotTeam) {
    const claim = ph.perSeatNotTeam(topic.plan.name, cataloguePriceLine(topic.plan, turn, ph), topic.seatsGiven && !topic.alternative ? topic.seats : undefined);
    return topic.seatsGiven ? [claim, ...lines] : [claim];
  }
  if (topic.raisedBy) lines.unshift(ph.needsPlan(topic.raisedBy, topic.plan.name));
  if (topic.raisedBy && topic.unlisted) {
    const unlisted = topic.unlisted;
    lines.splice(1, 0, FOLLOW_UP_PHRASES[turn.locale].unlistedTools(listWith(unlisted, MEMORY_PHRASES[turn.locale].and), unlisted.length > 1, kb.company.salesEmail));
  }
  // ("We use Slack and HubSpot" on Starter: Slack connects already; HubSpot needs Pro.)
  if (topic.raisedBy && topic.connected) {
    const mp = MEMORY_PHRASES[turn.locale];
    lines.unshift(mp.integratesWith(kb.company.name, listWith(topic.connected, mp.and), topic.connected.length > 1));
  }
  // ("And for 12?" past the top of the plan quoted: that top first, then the plan for them.)
  if (topic.outgrew?.maxSeats != null) lines.unshift(FOLLOW_UP_PHRASES[turn.locale].outgrown(topic.outgrew.name, topic.outgrew.maxSeats, topic.seats, topic.plan.name));
  if (topic.minimumFor !== undefined) {
    lines.unshift((topic.alternative ? ph.planAtMinimum : ph.billedAtMinimum)(topic.plan.name, topic.plan.minSeats, topic.minimumFor));
  }
  // ("Would Pro still fit?" from a team that needs SSO: no, first, and the plan that has it, priced.)
  if (topic.fitLacks) lines.unshift(FIT_PHRASES[turn.locale].lacksNeed(topic.fitLacks.plan.name, topic.fitLacks.need, topic.plan.name));
  // A cheaper plan within the budget is introduced by the budget line above; a plan for another team size is suggested.
  // (After "would Pro still fit?", the no has named the plan that fits: not suggested a second time.)
  if (topic.alternative) lines.push(...planLines(topic.alternative, { ...topic, seats: topic.minimumFor ?? topic.seats, inferred: !topic.budgetPick && !topic.fitAsked, budgetPick: false }, results, turn, ph));
  // (Its question asks for an email: not once the email is known, nor in the same words again — asked a second time, the
  // playbook's reworded question does it.)
  const emailAsked = turn.state.lead.fields.email !== undefined || (turn.state.asked?.email ?? 0) >= 1;
  if (isContactSales(topic.plan) && !emailAsked && !/[?؟]$/.test(lines.at(-1) ?? '')) lines.push(ph.quoteOffer);
  // The tools were offered and every call failed: say so rather than quote a price no tool confirmed.
  if (turn.tools.has('get_pricing') && results.length > 0 && results.every((result) => !result.quote && !result.error)) {
    return [ph.pricingUnavailable(kb.company.salesEmail)];
  }
  return lines;
}

/** "Does Starter cover 12?": whether a plan holds a team, yes or no. */
const HOLDS_ASK = /\b(?:does|will|would|can|could) (?:the )?\p{L}+(?: plan)? (?:cover|hold|fit|take|support|handle|work for|be enough for)\b/iu;

function planLines(plan: Plan, topic: Extract<Topic, { kind: 'price' }>, all: PriceResult[], turn: OfflineTurn, ph: Phrases): string[] {
  const { kb } = turn;
  if (isContactSales(plan)) {
    // ("That's over our budget of $3000 a month" after a custom-priced plan: no price to set it against.)
    const stated = freshFields(turn).includes('budget') ? statedBudget(turn)?.said : undefined;
    return [ph.customPricing(plan.name, plan.minSeats, inLocale(turn, plan.summary).trim()), ...(stated ? [ph.customBudget(plan.name, stated, kb.company.salesEmail)] : [])];
  }
  const results = all.filter((result) => result.planId === plan.id);
  const quotes = results.flatMap((result) => (result.quote ? [result.quote] : []));
  const seatError = results.find((result) => result.error && result.error.code !== 'contact_sales')?.error;
  const range = ph.seatRange(plan.minSeats, plan.maxSeats);
  if (seatError) {
    // Asked for by name ("¿cuánto sale Starter?" from 12): its catalogue price too, then why it does not hold them.
    const price = topic.inferred ? [] : [ph.planIs(plan.name, cataloguePriceLine(plan, turn, ph))];
    // Quoted at its top too ("actually starter" from 12: Starter for 10, if they cut down; the plan that fits follows).
    const top = quotes.filter((quote) => quote.seats === plan.maxSeats);
    const topMonthly = top.find((quote) => quote.billing === 'monthly');
    const topAnnual = top.find((quote) => quote.billing === 'annual');
    const atTop = [
      ...(topMonthly ? [ph.quoteMonthly(plan.name, topMonthly.seats, money(topMonthly.perSeatMonthly, turn), money(topMonthly.monthlyTotal, turn), money(topMonthly.annualTotal, turn))] : []),
      ...(topAnnual ? [ph.quoteAnnual(plan.name, topAnnual.seats, money(topAnnual.perSeatMonthly, turn), money(topAnnual.annualTotal, turn), money(topAnnual.monthlyTotal, turn), topAnnual.annualSavings > 0 ? money(topAnnual.annualSavings, turn) : undefined)] : []),
    ];
    // "Can I get Starter for 20 people?": no, first (the plan's own limit, from the catalogue), then its price.
    // ("You said starter fits us": no, from the catalogue, with the plan that does.)
    if (turn.locale === 'en' && /\byou (?:said|told me|told us|recommended|suggested|mentioned)\b/i.test(turn.text)) return [`No: ${seatError.message}`];
    // ("Would Starter still fit?": no, with the plan that holds them and has what they need, in their language.)
    // (Not priced: a plan that does not hold them has no price for them; the plan that does follows, priced.)
    if (topic.fitAsked && topic.alternative && plan.maxSeats !== null && topic.seats > plan.maxSeats) return [FIT_PHRASES[turn.locale].seatsNo(plan.name, plan.maxSeats, topic.seats, topic.alternative.name)];
    if (turn.locale === 'en' && (CAN_HAVE.test(turn.text) || HOLDS_ASK.test(turn.text))) return [`No: ${seatError.message}`, ...price, ...atTop];
    // ("¿Puedo tener Starter para 20?", "on peut prendre Starter pour 20 ?": no, first, in their language.)
    if (turn.locale !== 'en' && ph.seatLimitNo && plan.maxSeats !== null && topic.seats > plan.maxSeats && CAN_HAVE_ELSEWHERE.test(turn.text)) return [ph.seatLimitNo(plan.name, plan.maxSeats, topic.seats), ...price, ...atTop];
    // ("¿Cuánto cuesta Starter para nosotros?" from 12: that it stops at 10, and the plan that holds them, as English says.)
    const fits = plan.maxSeats !== null && topic.seats > plan.maxSeats ? recommendPlan(topic.seats, kb.plans) : undefined;
    const limit = fits && plan.maxSeats !== null ? FOLLOW_UP_PHRASES[turn.locale].outgrown(plan.name, plan.maxSeats, topic.seats, fits.name) : `**${plan.name}**${colon(turn.locale)} ${ph.coversSeats(range)}`;
    return [...price, turn.locale === 'en' ? seatError.message : limit, ...atTop];
  }
  // (The team's size first: a grown team's quote, asked for beside it, is said apart.)
  const monthly = quotes.find((quote) => quote.billing === 'monthly' && quote.seats === topic.seats) ?? quotes.find((quote) => quote.billing === 'monthly');
  const annual = quotes.find((quote) => quote.billing === 'annual' && quote.seats === topic.seats) ?? quotes.find((quote) => quote.billing === 'annual');
  if (!topic.seatsGiven || quotes.length === 0) {
    // Per-seat rates: from the tool's answers when it ran, else straight from the catalogue.
    const line =
      quotes.length > 0
        ? ph.priceLine(monthly && money(monthly.perSeatMonthly, turn), annual && money(annual.perSeatMonthly, turn))
        : cataloguePriceLine(plan, turn, ph);
    return [ph.planIs(plan.name, line), `${inLocale(turn, plan.summary)}${ph.coversSeats(range)}`];
  }
  const lines = topic.inferred ? [ph.suggestFor(topic.seats, plan.name, inLocale(turn, plan.summary).trim())] : [];
  if (monthly) {
    lines.push(ph.quoteMonthly(plan.name, monthly.seats, money(monthly.perSeatMonthly, turn), money(monthly.monthlyTotal, turn), money(monthly.annualTotal, turn)));
  }
  if (annual) {
    const saving = annual.annualSavings > 0 ? money(annual.annualSavings, turn) : undefined;
    lines.push(ph.quoteAnnual(plan.name, annual.seats, money(annual.perSeatMonthly, turn), money(annual.annualTotal, turn), money(annual.monthlyTotal, turn), saving));
  }
  // The budget the prospect stated, beside the amounts just quoted (only a budget with an amount and a period).
  const { said: stated, budget } = statedBudget(turn) ?? {};
  const fit = budget ? budgetFit(budget, monthly, annual) : undefined;
  // The amount that fits is named (billed annually, or monthly when a budget check asks again): the price lines may
  // have been said before and left out as repeats, and "that fits" would have nothing to stand for.
  const fitting = fit === 'annual-within' ? annual : fit === 'within' && topic.budgetAsked ? monthly : undefined;
  const annualCost =
    fitting && budget && !budget.perSeat
      ? budget.per === 'month'
        ? `${money(fitting.monthlyTotal, turn)} ${ph.perMonth}`
        : `${money(fitting.annualTotal, turn)} ${ph.perYear}`
      : undefined;
  if (fit === 'above' && stated && topic.budgetPick && topic.alternative) lines.push(ph.budgetAbove(stated, plan.name, topic.alternative.name));
  else if (fit === 'above' && stated && topic.tradeOff && plan === topic.plan) {
    const { feature, plans, cheaper, fewer } = topic.tradeOff;
    lines.push(ph.needOverBudget(stated, plan.name, feature, listWith(plans.map((entry) => `**${entry.name}**`), MEMORY_PHRASES[turn.locale].and), cheaper?.name, fewer));
  }
  else if (fit && stated) {
    lines.push(ph.budgetFit(fit, stated, annualCost));
    // (Above a monthly budget: what annual billing comes to a month, and the plan below that holds the team, or that
    // there is none — all from the catalogue's quotes, never a discount.)
    if (fit === 'above' && budget && budget.per === 'month' && !budget.perSeat) lines.push(...aboveBudgetOptions(plan, topic.seats, monthly, annual, turn, ph));
  }
  return lines;
}

function aboveBudgetOptions(plan: Plan, seats: number, monthly: { monthlyTotal: number } | undefined, annual: { monthlyTotal: number } | undefined, turn: OfflineTurn, ph: Phrases): string[] {
  const lines = annual && monthly && annual.monthlyTotal < monthly.monthlyTotal ? [ph.aboveEvenAnnual(money(annual.monthlyTotal, turn))] : [];
  const perSeat = (entry: Plan) => entry.pricePerSeatMonthly ?? Number.POSITIVE_INFINITY;
  const holding = turn.kb.plans.filter((entry) => entry !== plan && !isContactSales(entry) && fitsSeats(entry, seats) && perSeat(entry) < perSeat(plan));
  // (Never a plan without what they said they need: "Pro also holds your team" to a team that needs SSO.)
  const floor = requiredPlan(turn);
  const cheaper = holding.filter((entry) => atLeast(entry, floor, turn.kb) === entry).sort((a, b) => perSeat(a) - perSeat(b))[0];
  // Whether that plan is within the budget, from the catalogue's quotes: "above it too" only when it is.
  const stated = statedBudget(turn)?.budget;
  const priced = (billing: 'monthly' | 'annual') => {
    const result = cheaper ? quote({ planId: cheaper.id, seats, billing }, turn.kb) : undefined;
    return result?.ok ? result : undefined;
  };
  const fit = cheaper && stated ? budgetFit(stated, priced('monthly'), priced('annual')) : undefined;
  const within = fit === 'within' ? cheaper?.pricePerSeatMonthly : fit === 'annual-within' ? cheaper?.pricePerSeatMonthlyAnnual : undefined;
  const rate = cheaper?.pricePerSeatMonthlyAnnual ?? cheaper?.pricePerSeatMonthly;
  if (cheaper && typeof within === 'number') lines.push(ph.cheaperWithin(cheaper.name, money(within, turn), fit === 'annual-within'));
  else if (cheaper && typeof rate === 'number') lines.push(ph.cheaperStillAbove(cheaper.name, money(rate, turn)));
  else if (holding.length === 0) lines.push(ph.alreadyLowest(plan.name, seats));
  return lines;
}

export function overviewReply(turn: OfflineTurn, ph: Phrases, unknownPlan?: string): string[] {
  const { kb } = turn;
  return [
    `${unknownPlan ? `${ph.noSuchPlan(unknownPlan)} ` : ''}${ph.overviewIntro(kb.company.name)}`,
    bullets(kb.plans.map((plan) => `**${plan.name}**${plan.highlight ? ph.mostPopular : ''}${colon(turn.locale)} ${cataloguePriceLine(plan, turn, ph)}. ${inLocale(turn, plan.summary)}`.trim())),
  ];
}

/** "Everything in Pro" in each language: the line that says the plan includes the one below, not a feature of its own. */

export function comparePlansReply(topic: Extract<Topic, { kind: 'compare-plans' }>, turn: OfflineTurn, ph: Phrases): string[] {
  const { kb } = turn;
  const [first, second] = topic.plans;
  const [lower, higher] = kb.plans.indexOf(first) <= kb.plans.indexOf(second) ? [first, second] : [second, first];
  const added = higher.features.filter((feature) => !INCLUDES_LOWER.test(feature));
  const row = (plan: Plan) =>
    `**${plan.name}**${colon(turn.locale)} ${cataloguePriceLine(plan, turn, ph)}. ${inLocale(turn, plan.summary)}(${ph.seatRange(plan.minSeats, plan.maxSeats)})`;
  const lines = [ph.compareIntro(lower.name, higher.name), bullets([row(lower), row(higher)])];
  // Feature lists the knowledge base has only in another language are left out rather than mixed into the reply.
  if (speaks(turn)) lines.push(ph.compareAdds(lower.name, higher.name), bullets(added));
  const results = pricingResults(turn);
  if (topic.seats !== undefined && results.length > 0) {
    const seats = topic.seats;
    // (The plan said to fit them has what they said they need: SSO for 6 is Business at its minimum, never Starter.)
    const floor = requiredPlan(turn);
    const costs = [lower, higher].map((plan) => {
      const result = results.find((entry) => entry.planId === plan.id);
      if (result?.quote) return `**${plan.name}**${colon(turn.locale)} **${money(result.quote.monthlyTotal, turn)} ${ph.perMonth}** (${money(result.quote.perSeatMonthly, turn)} × ${result.quote.seats})`;
      // A plan the team is too big or too small for says so (never "custom pricing": it has a list price, just not for them).
      const outside = topic.seats !== undefined && !fitsSeats(plan, topic.seats);
      if (isContactSales(plan) || !outside) return `**${plan.name}**${colon(turn.locale)} ${ph.customLine}`;
      return `**${plan.name}**${colon(turn.locale)} ${turn.locale === 'en' && result?.error ? seatLimitMessage(plan, seats, kb, floor) : ph.notForTeam(seats, ph.seatRange(plan.minSeats, plan.maxSeats))}`;
    });
    lines.push(ph.compareCost(topic.seats), bullets(costs));
    if (floor && (floor === lower || floor === higher) && seats < floor.minSeats && !isContactSales(floor)) lines.push(ph.billedAtMinimum(floor.name, floor.minSeats, seats));
  }
  return lines;
}

/** "What do I lose with Starter?": what the plan above it adds, in one sentence, and whether it holds their team. */
export function planGapReply(topic: Extract<Topic, { kind: 'plan-gap' }>, turn: OfflineTurn, ph: Phrases): string[] {
  const { plan, above, seats } = topic;
  const added = above.features.filter((feature) => !INCLUDES_LOWER.test(feature));
  const tooSmall = seats !== undefined && plan.maxSeats !== null && seats > plan.maxSeats ? ph.planTooSmall(plan.name, plan.maxSeats, seats) : '';
  // Feature lists the knowledge base has only in another language: the plan's page instead of a mixed-language list.
  if (!speaks(turn) || added.length === 0) return [...planFeaturesReply(above, turn, ph), tooSmall];
  return [ph.planGap(plan.name, above.name, added.join('; ')), tooSmall];
}

/** "Does Pro have time tracking?": yes with the plan's line, or the plan it comes with. */
export function planHasReply(topic: Extract<Topic, { kind: 'plan-has' }>, turn: OfflineTurn, ph: Phrases): string[] {
  const { plan, feature, from } = topic;
  // "Dashboards, time tracking…" reads on inside a sentence in lower case; "SAML single sign-on" keeps its capitals.
  // (A tool's name keeps its capital: "Salesforce".)
  const said = turn.locale === 'de' || /^\p{Lu}{2}/u.test(feature) || toolsNamed(feature, turn.kb).some((name) => feature.toLowerCase().startsWith(name.toLowerCase())) ? feature : lowerFirst(feature);
  // "How many workflow runs on Starter?" is no yes-or-no question: the line, without a "Yes".
  const yesNo = !/^\s*[¿¡]?\s*(?:how|what|which|cu[aá]nt|qu[eé]|combien|quel|wie|was|welche|كم|ما|ماذا)/iu.test(turn.text);
  // (The top plan has no plan "above" it: "only Enterprise includes …", never "Enterprise and above".)
  const only = turn.kb.plans.indexOf(from) === turn.kb.plans.length - 1;
  // "Which plan has Salesforce?": the first plan with it, and above, in the plan's own words.
  if (topic.line !== undefined && ph.toolFrom) return [ph.toolFrom(said, from.name, turn.kb.plans.indexOf(from) === 0, only, topic.line.replace(/\s*\((.*)\)$/u, ': $1').replace(/[.…]+$/u, '…'))];
  return turn.kb.plans.indexOf(from) <= turn.kb.plans.indexOf(plan) ? [ph.planHas(plan.name, said, yesNo)] : [ph.planLacks(plan.name, said, from.name, only)];
}

export function recommendReply(turn: OfflineTurn, ph: Phrases): string[] {
  return [
    ph.recommendIntro,
    bullets(turn.kb.plans.map((plan) => `**${plan.name}** (${ph.seatRange(plan.minSeats, plan.maxSeats)})${speaks(turn) ? `: ${lowerFirst(plan.summary)}` : ''}`)),
  ];
}

export function planFeaturesReply(plan: Plan, turn: OfflineTurn, ph: Phrases): string[] {
  if (!speaks(turn)) return [`**${plan.name}** — ${ph.featuresPrice}${colon(turn.locale)} ${cataloguePriceLine(plan, turn, ph)}.`];
  return [`**${plan.name}** — ${plan.summary}`, bullets(plan.features), `${ph.featuresPrice}${colon(turn.locale)} ${cataloguePriceLine(plan, turn, ph)}.`];
}

const speaks = (turn: OfflineTurn) => speaksLocale(turn.kb, turn.locale);

/** A plan text, when the knowledge base has it in the reply's language; otherwise left out rather than mixed in. */
function inLocale(turn: OfflineTurn, text: string): string {
  return speaks(turn) ? `${text} ` : '';
}

export function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * "Does that cover what we need?" (English): each need they stated, covered or not on the plan, in the catalogue's own
 * words; a need the catalogue does not state is said to be unconfirmed; and the plan that has them all, if another.
 */
/** "¿Business es suficiente?", "Reicht Business?", "Business suffit ?": the need-by-need check, in their language. */
const COVERS_IN: Partial<Record<SalesLocale, { yes: string; above: string; notOn: (plan: string, from: string) => string; unknown: (email: string) => string; company: (name: string) => string; covered: (plan: string) => string; measured: (plan: string) => string; all: (plan: string, price: string) => string }>> = {
  es: {
    yes: 'sí',
    above: ' y superiores',
    notOn: (plan, from) => `no está en ${plan}; viene con ${from}`,
    unknown: (email) => `no puedo confirmarlo con lo que tengo, y prefiero no adivinar; el equipo en ${email} puede decírselo`,
    company: (name) => `sí, para ${name} en su conjunto, sea cual sea el plan`,
    covered: (plan) => `Sí: ${plan} cubre todo lo que me ha dicho que necesitan.`,
    measured: (plan) => `Así responde ${plan} a lo que me ha dicho que necesitan:`,
    all: (plan, price) => `${plan} lo cubre todo: ${price}.`,
  },
  fr: {
    yes: 'oui',
    above: ' et au-dessus',
    notOn: (plan, from) => `pas dans ${plan} ; c'est inclus à partir de ${from}`,
    unknown: (email) => `je ne peux pas le confirmer avec ce dont je dispose, et je préfère ne pas deviner ; l'équipe à ${email} pourra vous répondre`,
    company: (name) => `oui, pour ${name} dans son ensemble, quel que soit le plan`,
    covered: (plan) => `Oui : ${plan} couvre tout ce dont vous m'avez dit avoir besoin.`,
    measured: (plan) => `Voici ce que ${plan} couvre de ce dont vous m'avez dit avoir besoin :`,
    all: (plan, price) => `${plan} couvre tout : ${price}.`,
  },
  de: {
    yes: 'ja',
    above: ' und höher',
    notOn: (plan, from) => `nicht in ${plan}; das gibt es ab ${from}`,
    unknown: (email) => `das kann ich mit meinen Angaben nicht bestätigen, und ich rate lieber nicht; das Team unter ${email} kann es Ihnen sagen`,
    company: (name) => `ja, für ${name} insgesamt, unabhängig vom Plan`,
    covered: (plan) => `Ja: ${plan} deckt alles ab, was Sie mir als Bedarf genannt haben.`,
    measured: (plan) => `So deckt ${plan} ab, was Sie mir als Bedarf genannt haben:`,
    all: (plan, price) => `${plan} deckt alles ab: ${price}.`,
  },
};

export function coversReply(topic: Extract<Topic, { kind: 'covers' }>, turn: OfflineTurn, ph: Phrases): string[] {
  const { kb } = turn;
  const local = topic.single ? undefined : COVERS_IN[turn.locale];
  if (local) {
    const named = `**${topic.plan.name}**`;
    const within = (line: string | undefined) => (line ? ` (${line.replace(/[.…]+$/u, '')})` : '');
    const from = (plan: Plan) => `**${plan.name}**${kb.plans.at(-1)?.id === plan.id ? '' : local.above}`;
    const rows = topic.checks.map((check) => {
      const need = `**${needLabel(check.need)}**`;
      if (check.covered === undefined) return `${need}: ${local.unknown(kb.company.salesEmail)}.`;
      if (check.company) return `${need}: ${local.company(kb.company.name)}${within(check.line)}.`;
      if (check.covered) return `${need}: ${local.yes}${within(check.line)}.`;
      return `${need}: ${local.notOn(named, from(check.from ?? topic.plan))}${within(check.line)}.`;
    });
    const everything = topic.checks.every((check) => check.covered === true);
    return [everything ? local.covered(named) : local.measured(named), bullets(rows), topic.all ? local.all(`**${topic.all.name}**`, cataloguePriceLine(topic.all, turn, ph)) : ''];
  }
  const plan = `**${topic.plan.name}**`;
  const said = (line: string | undefined) => (line ? ` (${line.replace(/[.…]+$/u, '')})` : '');
  const above = (from: Plan) => `**${from.name}**${kb.plans.at(-1)?.id === from.id ? '' : ' and above'}`;
  const items = topic.checks.map((check) => {
    const need = `**${needLabel(check.need)}**`;
    if (check.listed && check.from) {
      const among = `it's among the integrations we list, and ${above(check.from)} include all of them`;
      const set = check.line ? `${plan}'s ${check.line.replace(/\s*\(.*$/u, '')}` : plan;
      return check.covered ? `${need}: yes (${among}).` : `${need}: ${among}; whether ${set} include it isn't stated, and I'd rather not guess: the team at ${kb.company.salesEmail} can tell you.`;
    }
    if (check.covered === undefined && check.from) return `${need}: ${above(check.from)} include it${said(check.line)}; whether ${plan} does isn't stated, and I'd rather not guess.`;
    if (check.covered === undefined) return `${need}: not something I can confirm from what I have, and I'd rather not guess; the team at ${kb.company.salesEmail} can tell you.`;
    if (check.company) return `${need}: yes, for ${kb.company.name} as a whole, whichever plan you choose${said(check.line)}.`;
    if (check.covered) return `${need}: yes${said(check.line)}.`;
    return `${need}: not on ${plan}; it comes with ${above(check.from ?? topic.plan)}${said(check.line)}.`;
  });
  // Their usage told ("we do about 3000 runs a month"): noted, and set beside the plan.
  const [usage] = topic.checks;
  if (topic.single && usage?.runs !== undefined) {
    const noted = `Noted: about **${usage.need}** a month.`;
    if (usage.covered === undefined) return [`${noted} That's more than any plan's listed workflow runs state, so the team at ${kb.company.salesEmail} is best placed to size it.`];
    if (usage.covered) return [`${noted} ${plan} includes ${(usage.line ?? '').replace(/^\p{Lu}/u, (letter) => letter.toLowerCase())}, so that fits.`];
    return [`${noted} ${plan} includes ${(usage.line ?? '').replace(/^\p{Lu}/u, (letter) => letter.toLowerCase())}, so you'd need ${usage.from ? `**${usage.from.name}**` : 'a larger plan'}${usage.runs ? ` (${usage.runs.replace(/^\p{Lu}/u, (letter) => letter.toLowerCase())})` : ''}.`];
  }
  // Asked about one tool on one plan: the answer as a sentence ("Yes: **GitHub** is among …", "**GitHub** is among …").
  if (topic.single) return items.map((item) => item.replace(/^(\*\*[^*]+\*\*): yes \((?:it's|it is) (.*)\)\.$/u, 'Yes: $1 is $2.').replace(/^(\*\*[^*]+\*\*): (?:it's|it is) /u, '$1 is '))
  const covered = topic.checks.every((check) => check.covered === true);
  const intro = covered ? `Yes: ${plan} covers everything you've told me you need.` : `Here's how ${plan} measures up against what you've told me you need:`;
  const all = topic.all ? `**${topic.all.name}** covers all of it: ${cataloguePriceLine(topic.all, turn, ph)}.` : '';
  return [intro, bullets(items), all];
}
