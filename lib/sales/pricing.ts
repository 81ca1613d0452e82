import { formatPrice, getKnowledgeBase } from '@/lib/sales/knowledge';
import type { KnowledgeBase, Plan } from '@/lib/sales/knowledge/schema';

/**
 * Price quotes computed from the catalogue: the ONLY source of any number the agent says about price (the get_pricing
 * tool and the offline agent both call quote()). Arithmetic runs in integer cents so 7 seats × $12.10 is $84.70 exactly,
 * never $84.69999. Pure and client-safe.
 */

export type Billing = 'monthly' | 'annual';

/** The most seats get_pricing quotes for: beyond it every deployment is a custom quote from the sales team. */
export const MAX_QUOTE_SEATS = 100_000;

export interface QuoteRequest {
  /** A plan id, name or alias, case-insensitive ("pro", "Pro plan", "profesional"). */
  planId: string;
  seats: number;
  billing: Billing;
}

export type QuoteErrorCode = 'unknown_plan' | 'contact_sales' | 'below_min_seats' | 'above_max_seats' | 'invalid_seats';

export interface QuoteOk {
  ok: true;
  plan: Plan;
  seats: number;
  billing: Billing;
  /** Per seat per month at this billing period, in currency units (e.g. 24 = $24). */
  perSeatMonthly: number;
  /** What the seats cost per month at this billing period. */
  monthlyTotal: number;
  /** What the seats cost over twelve months at this billing period (charged once when annual). */
  annualTotal: number;
  /** Over a year, how much annual billing saves against monthly billing (0 when billing monthly or no monthly price). */
  annualSavings: number;
  currency: string;
  /** One sentence with the formatted amounts, safe for the agent to say verbatim. */
  text: string;
}

export interface QuoteError {
  ok: false;
  code: QuoteErrorCode;
  message: string;
}

export type QuoteResult = QuoteOk | QuoteError;

export function quote(request: QuoteRequest, kb: KnowledgeBase = getKnowledgeBase()): QuoteResult {
  const plan = findPlan(request.planId, kb);
  const { currency } = kb.company;
  if (!plan) {
    const names = kb.plans.map((entry) => entry.name).join(', ');
    return { ok: false, code: 'unknown_plan', message: `There is no plan called "${request.planId}". The plans are ${names}.` };
  }
  const { seats, billing } = request;
  if (!Number.isSafeInteger(seats) || seats < 1) {
    return { ok: false, code: 'invalid_seats', message: 'The number of seats must be a whole number of at least 1.' };
  }
  const price = billing === 'annual' ? plan.pricePerSeatMonthlyAnnual : plan.pricePerSeatMonthly;
  if (price === null) {
    const other = billing === 'annual' ? plan.pricePerSeatMonthly : plan.pricePerSeatMonthlyAnnual;
    const message =
      other === null
        ? `${plan.name} is priced individually: the sales team prepares a quote (${kb.policies.handoff.email}).`
        : `${plan.name} is only available with ${billing === 'annual' ? 'monthly' : 'annual'} billing.`;
    return { ok: false, code: 'contact_sales', message };
  }
  if (seats < plan.minSeats) return { ok: false, code: 'below_min_seats', message: seatLimitMessage(plan, seats, kb) };
  if (plan.maxSeats !== null && seats > plan.maxSeats) return { ok: false, code: 'above_max_seats', message: seatLimitMessage(plan, seats, kb) };

  const perSeatCents = toCents(price);
  const monthlyCents = perSeatCents * seats;
  const annualCents = monthlyCents * 12;
  const monthlyPriceCents = plan.pricePerSeatMonthly === null ? null : toCents(plan.pricePerSeatMonthly);
  const savingsCents = billing === 'annual' && monthlyPriceCents !== null ? Math.max(0, (monthlyPriceCents * seats * 12) - annualCents) : 0;
  const money = (cents: number) => formatPrice(cents / 100, currency);
  const seatWord = seats === 1 ? 'seat' : 'seats';

  const text =
    billing === 'annual'
      ? `${plan.name} for ${seats} ${seatWord} billed annually is ${money(perSeatCents)} per seat per month: ${money(annualCents)} a year ` +
        `(${money(monthlyCents)} a month)${savingsCents > 0 ? `, saving ${money(savingsCents)} a year against monthly billing` : ''}.`
      : `${plan.name} for ${seats} ${seatWord} billed monthly is ${money(perSeatCents)} per seat per month: ${money(monthlyCents)} a month ` +
        `(${money(annualCents)} over a year).`;

  return {
    ok: true,
    plan,
    seats,
    billing,
    perSeatMonthly: perSeatCents / 100,
    monthlyTotal: monthlyCents / 100,
    annualTotal: annualCents / 100,
    annualSavings: savingsCents / 100,
    currency,
    text,
  };
}

/** Catalogue prices are validated to whole cents, so rounding here only removes floating-point noise (12.1 * 100). */
function toCents(amount: number): number {
  return Math.round(amount * 100);
}

/**
 * Why `plan` does not take `seats` (its minimum or its maximum), and the plan that does. `floor`: the first plan with
 * what the prospect said they need; a plan below it is never said to fit ("for 6 seats Starter fits" to a team that
 * needs SSO), and with none at or above it that holds them, no plan is named.
 */
export function seatLimitMessage(plan: Plan, seats: number, kb: KnowledgeBase, floor?: Plan): string {
  const from = floor ? Math.max(0, kb.plans.indexOf(floor)) : 0;
  if (seats < plan.minSeats) {
    const fit = kb.plans.slice(from).find((other) => other !== plan && other.pricePerSeatMonthly !== null && fits(other, seats));
    return `${plan.name} starts at ${plan.minSeats} seats${fit ? `; for ${seats} ${seats === 1 ? 'seat' : 'seats'} ${fit.name} fits` : ''}.`;
  }
  const fit = kb.plans.slice(Math.max(kb.plans.indexOf(plan) + 1, from)).find((other) => fits(other, seats));
  return `${plan.name} goes up to ${plan.maxSeats ?? seats} seats${fit ? `; for ${seats} seats ${fit.name} fits` : ''}.`;
}

function fits(plan: Plan, seats: number): boolean {
  return seats >= plan.minSeats && (plan.maxSeats === null || seats <= plan.maxSeats);
}

/**
 * The plan a text or id names: an exact id, name or alias first ("pro", "Business"), then the earliest plan whose
 * name or alias appears as whole words in a longer text ("the Pro plan for 10 people"). Case and accents are ignored.
 */
export function findPlan(textOrId: string, kb: KnowledgeBase = getKnowledgeBase()): Plan | undefined {
  const text = normalise(textOrId);
  if (!text) return undefined;
  const exact = kb.plans.find((plan) => planNames(plan).includes(text));
  if (exact) return exact;
  const padded = ` ${text} `;
  let best: { plan: Plan; at: number; length: number } | undefined;
  for (const plan of kb.plans) {
    for (const name of planNames(plan)) {
      const at = padded.indexOf(` ${name} `);
      // Earliest mention wins; at the same position the longer name does ("business plan" over "business").
      if (at >= 0 && (!best || at < best.at || (at === best.at && name.length > best.length))) {
        best = { plan, at, length: name.length };
      }
    }
  }
  return best?.plan;
}

function planNames(plan: Plan): string[] {
  return [plan.id, plan.name, ...plan.aliases].map(normalise);
}

/** Lower-case, accents stripped, punctuation to single spaces: "Básico!" and "basico" compare equal. */
function normalise(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
