/**
 * A stated budget read as a number: "around 1000 dollars a month", "$12k a year", "20 € par utilisateur et par mois".
 * Only what the prospect said is read; nothing is assumed. A budget without a period ("$5,000"), in another currency
 * than the catalogue's, or "no budget set" reads as undefined, and no reply compares a price with it.
 */
export interface StatedBudget {
  amount: number;
  per: 'month' | 'year';
  perSeat: boolean;
}

const CURRENCY_WORDS: Record<string, RegExp> = {
  USD: /\$|\b(?:usd|dollars?|bucks|dólares|dolares)\b|دولار/iu,
  EUR: /€|\b(?:eur|euros?)\b|يورو/iu,
  GBP: /£|\b(?:gbp|pounds?)\b/iu,
  CHF: /\b(?:chf|franken|francs?)\b/iu,
};
const MONTH = /\b(?:a|per|each|every|al|por|cada|par|pro|im)\s*(?:month|mo|mes|mois|monat)\b|\/\s*(?:month|mo)\b|\b(?:monthly|mensuales?|mensuels?|monatlich)\b|شهري|(?:بال|في ال|كل )شهر/iu;
const YEAR = /\b(?:a|per|each|every|al|por|cada|par|pro|im)\s*(?:year|yr|annum|año|an|jahr)\b|\/\s*(?:year|yr)\b|\b(?:annually|yearly|anuales?|annuels?|jährlich)\b|سنوي|(?:بال|في ال|كل )سنة/iu;
const SEAT = /\b(?:seat|user|usuario|puesto|utilisateur|nutzer|person|head)\b|مستخدم/iu;
const NUMBER = /(\d+(?:[,.\s]\d{3})*(?:[.,]\d{1,2})?)\s*(k|m|thousand|grand|mil|ألف|الف|آلاف|الاف)?(?![\p{L}\p{N}])/iu;

export function parseBudget(value: string, currency: string): StatedBudget | undefined {
  const number = NUMBER.exec(value);
  if (!number?.[1]) return undefined;
  // A currency named must be the catalogue's; none named is taken as the catalogue's.
  const named = Object.entries(CURRENCY_WORDS).filter(([, pattern]) => pattern.test(value)).map(([code]) => code);
  if (named.length > 0 && !named.includes(currency.toUpperCase())) return undefined;
  // ("$40/seat max": a price per seat is always a month's, as the catalogue lists it.)
  const per = MONTH.test(value) ? 'month' : YEAR.test(value) ? 'year' : SEAT.test(value) ? 'month' : undefined;
  if (!per) return undefined;
  const digits = number[1].replace(/[,.\s](?=\d{3}(?!\d))/g, '').replace(',', '.');
  const scale = ({ k: 1_000, thousand: 1_000, grand: 1_000, m: 1_000_000, mil: 1_000, ألف: 1_000, الف: 1_000, آلاف: 1_000, الاف: 1_000 } as Record<string, number>)[number[2]?.toLowerCase() ?? ''] ?? 1;
  const amount = Number(digits) * scale;
  if (!Number.isFinite(amount) || amount <= 0) return undefined;
  return { amount, per, perSeat: SEAT.test(value) };
}

/** How a quote sits against the budget: billed monthly within it, only billed annually within it, or above it. */
export type BudgetFit = 'within' | 'annual-within' | 'above';

export interface QuoteAmounts {
  perSeatMonthly: number;
  monthlyTotal: number;
  annualTotal: number;
}

export function budgetFit(budget: StatedBudget, monthly: QuoteAmounts | undefined, annual: QuoteAmounts | undefined): BudgetFit | undefined {
  const cost = (quote: QuoteAmounts): number | undefined => {
    if (budget.perSeat) return budget.per === 'month' ? quote.perSeatMonthly : undefined;
    return budget.per === 'month' ? quote.monthlyTotal : quote.annualTotal;
  };
  const monthlyCost = monthly ? cost(monthly) : undefined;
  const annualCost = annual ? cost(annual) : undefined;
  if (monthlyCost === undefined && annualCost === undefined) return undefined;
  if (monthlyCost !== undefined && monthlyCost <= budget.amount) return 'within';
  if (annualCost !== undefined && annualCost <= budget.amount) return 'annual-within';
  return 'above';
}
