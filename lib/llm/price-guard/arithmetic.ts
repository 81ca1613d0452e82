/**
 * The figures the catalogue's arithmetic makes exact, for the price guard (./index.ts): a per-seat rate × seats ×
 * months, for a number of seats the plan sells; a week's or a day's share of that to the cent; a rounded figure only
 * within a tight rounding of one of those.
 */
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';

/** A per-seat monthly amount the arithmetic starts from, and the seat counts it may be multiplied by. */
export interface Rate {
  cents: number;
  minSeats: number;
  maxSeats: number;
  /**
   * What annual billing saves per seat, or the difference between two plans: a small amount many numbers are multiples
   * of, so it counts only where the clause compares ("saving $900 a year", "$17 more than Starter").
   */
  kind: 'price' | 'saving' | 'difference';
  /** The plans (indices in the catalogue) a difference is between: the clause must name both. */
  plans: number[];
}

/**
 * Each plan's per-seat price at each billing, what annual billing saves per seat, and the difference between two plans'
 * prices at the same billing ("Pro is $17 more per seat than Starter"), for the seats both plans sell.
 */
export function catalogueRates(kb: KnowledgeBase): Rate[] {
  const rates: Rate[] = [];
  const cents = (price: number | null) => (price === null ? null : Math.round(price * 100));
  const add = (value: number | null, minSeats: number, maxSeats: number, kind: Rate['kind'] = 'price', between: number[] = []) => {
    if (value === null || value <= 0 || minSeats > maxSeats) return;
    rates.push({ cents: value, minSeats, maxSeats, kind, plans: between });
  };
  const plans = kb.plans.map((plan) => ({ monthly: cents(plan.pricePerSeatMonthly), annual: cents(plan.pricePerSeatMonthlyAnnual), min: plan.minSeats, max: plan.maxSeats ?? Number.POSITIVE_INFINITY }));
  for (const plan of plans) {
    add(plan.monthly, plan.min, plan.max);
    add(plan.annual, plan.min, plan.max);
    if (plan.monthly !== null && plan.annual !== null) add(plan.monthly - plan.annual, plan.min, plan.max, 'saving');
  }
  for (const [index, a] of plans.entries()) {
    for (const [offset, b] of plans.slice(index + 1).entries()) {
      const min = Math.max(a.min, b.min);
      const max = Math.min(a.max, b.max);
      const between = [index, index + 1 + offset];
      if (a.monthly !== null && b.monthly !== null) add(Math.abs(a.monthly - b.monthly), min, max, 'difference', between);
      if (a.annual !== null && b.annual !== null) add(Math.abs(a.annual - b.annual), min, max, 'difference', between);
    }
  }
  return rates;
}

export interface Conversation {
  seats: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** The conversation speaks of weeks or days: a total's share per week or day may be said, to the cent. */
  week: boolean;
  day: boolean;
}

/** A seat count the rate's plan sells (a per-seat figure, one seat, always). */
const fits = (rate: Rate, seats: number, conversation: Conversation) =>
  seats === 1 || (conversation.seats.has(seats) && seats >= rate.minSeats && seats <= rate.maxSeats);

/** The shares of a month (in months) a week's or a day's figure is: a year over 52 weeks or 365 days, a month over 30. */
function shares(conversation: Conversation): number[] {
  return [...(conversation.week ? [12 / 52] : []), ...(conversation.day ? [12 / 365, 1 / 30] : [])];
}

/** The clause an amount is in: whether it compares ("more", "saves"), and the plans it names. */
export interface Clause {
  compares: boolean;
  plans: ReadonlySet<number>;
}

/** A saving counts only in a clause that compares; a difference of two plans only in one that also names both. */
const usable = (rate: Rate, clause: Clause) =>
  rate.kind === 'price' || (clause.compares && (rate.kind === 'saving' || rate.plans.every((plan) => clause.plans.has(plan))));

/**
 * A rate × seats × months the conversation makes exact, or a week's or a day's share of one, to the cent. In a clause
 * that compares, the small rates (a saving, a difference) count too.
 */
export function isArithmetic(value: number, rates: readonly Rate[], conversation: Conversation, clause: Clause): boolean {
  if (value <= 0) return false;
  for (const rate of rates) {
    if (!usable(rate, clause)) continue;
    for (const period of conversation.months) {
      const unit = rate.cents * period;
      if (value % unit === 0 && fits(rate, value / unit, conversation)) return true;
    }
    for (const share of shares(conversation)) {
      const seats = value / (rate.cents * share);
      for (const count of new Set([Math.floor(seats), Math.ceil(seats)])) {
        if (count >= 1 && fits(rate, count, conversation) && Math.abs(rate.cents * count * share - value) <= 1) return true;
      }
    }
  }
  return false;
}

/**
 * A rounded figure ("about $4.3k", "~$350") of a figure that may be said: the written value is that figure rounded to the
 * written precision (its last non-zero digit), and within 2% of it.
 */
export function isRounding(value: number, sayable: Iterable<number>, rates: readonly Rate[], conversation: Conversation, clause: Clause): boolean {
  if (value <= 0) return false;
  let precision = 1;
  while (value % (precision * 10) === 0) precision *= 10;
  if (precision < 100) return false;
  const near = (figure: number) => figure > 0 && figure !== value && Math.round(figure / precision) * precision === value && Math.abs(figure - value) <= figure * 0.02;
  for (const figure of sayable) if (near(figure)) return true;
  for (const rate of rates) {
    if (!usable(rate, clause)) continue;
    for (const seats of [1, ...conversation.seats]) {
      if (!fits(rate, seats, conversation)) continue;
      for (const period of [...conversation.months, ...shares(conversation)]) if (near(Math.round(rate.cents * seats * period))) return true;
    }
  }
  return false;
}
