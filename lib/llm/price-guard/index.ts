import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { getLocalizedKnowledgeBase } from '@/lib/sales/knowledge/localized';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import { catalogueRates, isArithmetic, isRounding, type Conversation } from './arithmetic';
import {
  AGREEMENT,
  APPROXIMATELY,
  ASSENT,
  ATTRIBUTION,
  BUDGET_CONTEXT,
  CLAUSE_END,
  CLAUSE_WAIT,
  COMPARES,
  COUNTED,
  FEE_AFTER,
  FEE_BEFORE,
  FEE_BEFORE_WORDS,
  FEE_WORDS,
  HEDGED,
  HEDGED_ALL,
  OFF_AFTER,
  PERIOD_AFTER,
  WORDS_BEFORE_PLUS,
  WORDS_BEFORE_PLUS_TAIL,
  WORDS_BEFORE_PRICED,
  CONDITIONAL_PROMOTION,
  LABEL_BEFORE,
  NO_COST,
  DISCOUNT_CONTEXT,
  FREE,
  FREE_EXCEPT,
  FREE_OFFER_CONTEXT,
  NEGATION,
  OFFER,
  ON_US_VERB,
  PRICE_BEFORE_WORDS,
  PRICE_COMPARISON,
  PROMOTION,
  PROMOTION_CONTEXT,
  REFUSAL,
  REFUSAL_CONDITION,
  REFUSAL_EXCEPTION,
  REFUSAL_TURNED,
  PRICE_BEFORE,
  PRICE_CONTEXT,
  PRICE_FOLLOWER,
  PRICE_WORDS,
  SEAT_CONTEXT,
  UNIT_AFTER,
  WORDS_BEFORE_UNIT,
  clauseAround,
  quantitiesIn,
  unitMayFollow,
} from './context';
import {
  ANY_NUMBER,
  RANGE_END_BEFORE,
  RANGE_START_AFTER,
  BRACKETED_CURRENCY,
  amountCandidates,
  amountSpans,
  asciiDigits,
  centsMayFollow,
  currencyOf,
  escapeRegExp,
  numberWordsAt,
  openTailStart,
  percentSpans,
  plainDigits,
  promotionKey,
  sameCurrency,
  sentenceStopAt,
  wordNumbers,
  widenSpan,
  type Span,
} from './reading';

export { amountCandidates, asciiDigits } from './reading';

/**
 * The price guard on a configured model's reply (docs/sales-brain.md, "Prices"): every amount of money it writes must be
 * one the turn can vouch for —
 * - a catalogue price (per seat per month, or per seat per year, and what annual billing saves per seat);
 * - exact arithmetic on those and the quantities of the conversation: rate × seats × months, where the rate is a plan's
 *   price at either billing, what annual billing saves per seat, or the difference between two plans' prices at the same
 *   billing; the seats a number the prospect wrote, a tool's `seats`, or a number (digits or words) written next to
 *   "seats"/"people"/"×", as a team's size ("a team of 15") or right after "for" ("Pro for 15: $435") in the prompt, the
 *   earlier replies or this reply — and only a number of seats the plan sells (Starter's cap, Business's minimum);
 *   the months 1, 12, a quarter or half-year when the reply says so, or a number of months or years written the same
 *   way ("Pro, $24 × 15 seats × 12 = $4,320"); a week's or a day's share of such a figure, to the cent, when the reply
 *   speaks of weeks or days; the sum or difference of two amounts this reply already said ("$120 + $145 = $265");
 *   a rounded figure announced as one ("about $4.3k", "$4.3k") within 2% of such a figure, rounded to its last digit;
 * - a figure of a tool's answer this turn (get_pricing's totals);
 * - an amount in the system prompt or the earlier replies it was sent (the catalogue, quotes remembered), except the
 *   prospect's own words quoted there (the memory's "they said" lines, the summary's "Prospect said/asked" lines);
 * - a number the prospect wrote, but only as their own figure: not in a clause that reads as a price of ours (a plan's
 *   name, "per seat", "a month", "costs"…) or agrees to it ("yes", "that would be", "deal", "we can do"), unless the
 *   clause says whose it is ("your budget of $600 per month", "you mentioned $7"); and a number they floated as a price
 *   or an offer ("is Pro $7 per seat?", "could you do $7?") only in such a clause. So neither "Yes, $7 per seat" nor
 *   "Yes, that would be $7" is sayable after "could you do $7?".
 * Only the catalogue's currency is a price ("€29" is not when the catalogue is in dollars; "$" is any dollar), except
 * the prospect's own figure in their currency. A number with no currency in a price's place is an amount too: before a
 * per-seat or billing unit ("39 per seat", "24/mo"), after a price verb ("costs 39."), the second end of a range
 * ("$24–39"). A discount in percent ("20% off") must be what annual billing saves or a percentage the prompt states; a
 * paid plan said to be "free" (not a trial, not its guests) is replaced like a made-up price.
 * Any other amount ("Pro is $99 per seat") is replaced, as it streams, by a marker in the reply's language, and the
 * reply is flagged, so a made-up price never reaches the prospect nor the stored conversation. The offline agent writes
 * only the tool's figures and is not guarded.
 *
 * Amounts are read in digits of any script ("٢٩ $", "٢٬٨٨٠ $"), with the grouping and decimal styles in use ("$2,880",
 * "2.880 $", "2 880 $", "2'880 $", "29,00 €", "$4.9k", "2 mil dólares"), with emphasis or invisible characters inside
 * ("$**29**", "$2\u200b9"), and in words before a currency word in English, Spanish, French, German and Arabic
 * ("twenty-nine dollars", "veintinueve dólares", "vingt-neuf dollars", "neunundzwanzig Dollar", "تسعة وعشرون دولارًا"),
 * with cents in words after it ("… dollars and fifty cents"), and after a currency sign or code ("USD twenty", "$ thirty-
 * nine"); superscript digits and look-alike letters after an amount's digits ("$³⁹", "$29O") as digits; other currencies'
 * words ("29 Canadian dollars", "pesos", "ريال") as theirs. A bare number in a Markdown table cell is an amount under a
 * column whose header names a price ("| Plan | Price |") or before a cell with a unit ("| Pro | 39 | per seat |"); so is
 * one after a price label or JSON key ("Monthly: 39", "perSeatMonthly":9) or after a plan and a dash ("Pro — 39").
 * A percentage comparing prices ("41% cheaper", "69% more") must be true of the list prices of the plans named nearby
 * (cheaper: of the dearer price; more: of the cheaper one); what annual billing saves, said of annual billing. A
 * prospect's figure asked about ("is $300 possible?") is floated like an offer; agreeing to it ("$300 is possible",
 * "es posible", "ist möglich", "ممكن") is replaced, declining it ("we can't do $300", "no podemos", "غير ممكن") is not.
 * Offers no catalogue makes are replaced like prices: "half price", "buy one get one", "2-for-1", "on the house", a
 * waived fee, and a period or seats given free or "at no cost" ("your first month is free", "le premier mois offert").
 * Plans are named as in any of the five languages' catalogues ("الباقة الاحترافية", "برو"). Number words before a billing
 * period, a fee or "plus" ("thirty-nine a month", "veintinueve al mes", "ten for setup") are amounts; an amount for a
 * setup fee the vouched texts do not state, or taken "off" a price other than what annual billing saves, is replaced
 * whatever its number. Markdown emphasis inside a figure ("**3**9") and HTML entities ("&#36;39") are read as they
 * render, and the whole figure is replaced. A double negative ("no reason we couldn't", "no es imposible") affirms;
 * a plain refusal of a percentage ("we can't give you 20% off") is none, unless turned round, asked or conditional.
 * Number words after a fee word ("Setup is ten."), single digits split by spaces ("3 9 dollars"), full-width and
 * Japanese forms ("＄３９", "３９ドル", read as NFKC would) and a range's first end before a currency ("39–49 dollars")
 * are amounts.
 *
 * Streaming: text is released as it comes except a tail that could still be part of an amount ("$2," before "673",
 * "twenty" before "-nine dollars", "dollars" before " and fifty cents", "39" before " per seat"), which waits for the
 * next delta or the end of the text; an amount only a prospect's number or the conversation's arithmetic can vouch
 * for also waits for the end of its clause (what follows says whether it is a price: "$5" then " per seat"), at most
 * CLAUSE_WAIT characters.
 */

/** How far back in the reply an amount looks for the seats or months it was worked out from. */
const QUANTITY_WINDOW = 600;
/** How much of the released reply is kept as the context of what comes next. */
const RELEASED_TAIL = 1_500;
/** How many of the reply's accepted amounts sums and differences are taken from. */
const SAID_MAX = 16;
/** Lines of the system prompt that are the prospect's words (lib/sales/memory.ts, lib/sales/context.ts). */
const PROSPECT_LINE = /\(they said: "|^- Prospect (?:said|asked): /;

export interface PriceGuardSources {
  kb: KnowledgeBase;
  /** Texts whose currency amounts are vouched for: the system prompt, the earlier replies sent to the model. */
  vouched: readonly string[];
  /** What the prospect wrote: its numbers may be repeated as their own figures, and count as quantities. */
  prospect: readonly string[];
}

export interface PriceGuard {
  /** A tool's answer this turn: its numbers become sayable, its `seats` a quantity. */
  allowTool(output: unknown): void;
  /** Text to release now (possibly empty) for this delta. */
  push(delta: string): string;
  /** Releases what is held back (the text ended, or something else is written next). */
  flush(): string;
  /** The amounts replaced so far, as written. */
  readonly replaced: readonly string[];
}

/** A vouched line's amounts (as currency:cents) and quantities. Most lines (the plans, the rules) recur every turn. */
interface LineFacts {
  amounts: { code: string; value: number }[];
  percents: number[];
  seats: number[];
  months: number[];
  free: boolean;
  /** The offers it states (PROMOTION, CONDITIONAL_PROMOTION), as promotionKey()s. */
  promotions: string[];
}
const LINE_FACTS = new Map<string, LineFacts>();
const LINE_FACTS_MAX = 5_000;
function lineFacts(line: string): LineFacts {
  const known = LINE_FACTS.get(line);
  if (known) return known;
  const { seats, months } = quantitiesIn(line);
  FREE.lastIndex = 0;
  const facts: LineFacts = {
    amounts: amountSpans(line).flatMap((span) => span.values.map((value) => ({ code: span.code, value }))),
    percents: percentSpans(line).flatMap((span) => span.values),
    seats,
    months,
    free: FREE.test(line),
    promotions: [PROMOTION, CONDITIONAL_PROMOTION, NO_COST].flatMap((pattern) => [...line.matchAll(pattern)].map((match) => promotionKey(match[0]))),
  };
  FREE.lastIndex = 0;
  if (LINE_FACTS.size >= LINE_FACTS_MAX) LINE_FACTS.clear();
  LINE_FACTS.set(line, facts);
  return facts;
}

/** Cheap tests before the scans they spare (most deltas have no "free" and no per-seat unit). */
const MAY_BE_FREE = /fre|grat|kosten|umsonst|مجان/iu;
const MAY_HAVE_UNIT = /p[aeor]r?|لكل|(?<!\p{L})a\s|each|every|je\s/iu;
const MAY_BE_PRICED =
  /p[aeor]r?|each|every|month|year|quarter|ann|mes|mens|año|mois|an\b|Monat|Jahr|jähr|\/|setup|set-up|onboard|implement|instal|activ|alta|mise|configur|Einricht|für|off|descuento|réduction|remise|Rabatt|Nachlass|شهر|سنوي|للإعداد|للتفعيل|رسوم|خصم/iu;
const MAY_REFUSE = /n['’]t|not|never|unable|no\s|nunca|ne\s|n['’]|pas|nicht|kein|nie|لا|غير|ليس/iu;
const MAY_BE_FEE = /setup|set-up|onboard|implement|instal|activ|alta|configura|mise\s|Einricht|Aktivier|رسوم|الإعداد|التفعيل/iu;
const MAY_HAVE_PLUS = /plus|más|zuzüglich|zzgl|زائد|\+/iu;

/** A number in a price's place with no currency, or one still waiting for what follows it. */
type Candidate = Span & {
  pending?: boolean;
  /** A table cell's column header (what the cell is). */
  column?: string;
  /**
   * An offer that is one only where its clause speaks of a price or a period ("on us", "we waive the fee"), or of a
   * period or seats ("the first month at no cost").
   */
  condition?: 'price' | 'period';
  /** Before a billing period or a fee, or "plus" and a price ("thirty-nine a month", "ten for setup"): a price unless its sentence counts something else. */
  priced?: boolean;
};

export function createPriceGuard(sources: PriceGuardSources, marker: string): PriceGuard {
  const catalogue = sources.kb.company.currency;
  /** Amounts in the catalogue's currency that may be said anywhere. */
  const allowed = new Set<number>();
  /** Amounts in another currency a vouched text states ("EUR:2900"). */
  const allowedForeign = new Set<string>();
  /** Percentages (hundredths) that may be said as a discount: those the prompt states. */
  const percents = new Set<number>();
  /** What annual billing saves, in percent: said of annual billing only ("I can give you 17% off" is no such thing). */
  const savingPercents = new Set<number>();
  for (const plan of sources.kb.plans) {
    const { pricePerSeatMonthly: monthly, pricePerSeatMonthlyAnnual: annual } = plan;
    const prices = [monthly, annual];
    if (monthly !== null && annual !== null) {
      prices.push(monthly - annual);
      const saving = ((monthly - annual) / monthly) * 100;
      for (const value of [Math.floor(saving), Math.round(saving), Math.ceil(saving)]) savingPercents.add(value * 100);
      savingPercents.add(Math.round(saving * 10) * 10);
      savingPercents.add(Math.round(saving * 100));
    }
    for (const price of prices) {
      if (price === null || price <= 0) continue;
      allowed.add(Math.round(price * 100));
      allowed.add(Math.round(price * 12 * 100));
    }
  }
  const rates = catalogueRates(sources.kb);
  const pairPercents = comparisonPercents(sources.kb);
  /** A percentage that compares the prices of the plans a clause names ("Pro is 41% cheaper than Business"). */
  const comparesTruly = (values: readonly number[], clause: string, before: string): boolean => {
    // (The plans compared may be named in the sentence before: "Pro is $29, Business $49. That is 41% cheaper.")
    const named = [...new Set([...plansIn(clause), ...plansIn(before)])];
    // "Cheaper", "saves": of the dearer price; "more", "pricier": of the cheaper one; either when the clause says both.
    const down = CHEAPER.test(clause);
    const up = DEARER.test(clause);
    const ways = down === up ? (['down', 'up'] as const) : down ? (['down'] as const) : (['up'] as const);
    // A plan against itself is its two billings: said of them ("annual billing on Pro is 17% cheaper").
    const billings = ANNUAL.test(clause) || ANNUAL.test(before) || MONTHLY.test(clause);
    for (const a of named) {
      for (const b of named) {
        if (a < b || (a === b && billings)) if (ways.some((way) => values.some((value) => pairPercents.get(`${a},${b}`)?.[way].has(value)))) return true;
      }
    }
    return false;
  };
  const prospectTexts = [...sources.prospect];
  const vouchedLines: string[] = [];
  for (const text of sources.vouched) {
    for (const line of text.split('\n')) (PROSPECT_LINE.test(line) ? prospectTexts : vouchedLines).push(line);
  }
  const { plansByIndex, planColon, planColonWords } = planPatternsOf(sources.kb);
  const planPatterns = plansByIndex.flat();
  const namesPlan = (clause: string) => planPatterns.some((pattern) => pattern.test(clause));
  const plansIn = (clause: string) => new Set(plansByIndex.flatMap((patterns, index) => (patterns.some((pattern) => pattern.test(clause)) ? [index] : [])));

  /**
   * The prospect's figures (and those in a currency, as "EUR:50000"); those of them that are their budget; and those
   * they floated as a price of ours or as an offer ("is Pro $7 per seat?", "could you do $7?"), which only a clause
   * that says they are theirs may repeat.
   */
  const prospectValues = new Set<number>();
  const prospectForeign = new Set<string>();
  const budgetValues = new Set<number>();
  const floatedValues = new Set<number>();
  const noteProspectFigure = (text: string, start: number, end: number, values: readonly number[]) => {
    values.forEach((value) => prospectValues.add(value));
    const clause = clauseAround(text, start, end);
    if (BUDGET_CONTEXT.test(clause)) values.forEach((value) => budgetValues.add(value));
    else if (PRICE_CONTEXT.test(clause) || namesPlan(clause) || OFFER.test(clause) || bareQuestion(text, start, end)) values.forEach((value) => floatedValues.add(value));
  };
  const conversation: Conversation & { seats: Set<number>; months: Set<number> } = { seats: new Set<number>([1]), months: new Set<number>([1, 12]), week: false, day: false };
  const learnQuantities = (text: string, periods: boolean) => {
    const found = quantitiesIn(text);
    found.seats.forEach((value) => conversation.seats.add(value));
    found.months.forEach((value) => conversation.months.add(value));
    if (periods) {
      conversation.week ||= found.week;
      conversation.day ||= found.day;
    }
  };
  for (const text of prospectTexts) {
    learnQuantities(text, true);
    const amounts = amountSpans(text);
    for (const match of text.matchAll(ANY_NUMBER)) {
      noteProspectFigure(text, match.index, match.index + match[0].length, amountCandidates(match[0]));
      // Any whole number the prospect wrote may be their team size, unless it is an amount of money ("$300").
      const money = amounts.some((span) => span.start <= match.index && match.index < span.end);
      if (!money && /^\p{Nd}+$/u.test(match[0])) conversation.seats.add(Number(asciiDigits(match[0])));
    }
    for (const span of amounts) {
      noteProspectFigure(text, span.start, span.end, span.values);
      span.values.forEach((value) => prospectForeign.add(`${span.code}:${value}`));
    }
  }
  /** Plans a vouched line calls free (its guests, a trial): saying so again is no made-up price. */
  const freeLines: string[] = [];
  /** Offers a vouched line states ("half price", "on us"): saying them again is no made-up offer. */
  const promotionKeys = new Set<string>();
  for (const line of vouchedLines) {
    const facts = lineFacts(line);
    facts.seats.forEach((value) => conversation.seats.add(value));
    facts.months.forEach((value) => conversation.months.add(value));
    facts.percents.forEach((value) => percents.add(value));
    if (facts.free) freeLines.push(line);
    facts.promotions.forEach((key) => promotionKeys.add(key));
    // An earlier reply's amount that is only the prospect's figure stays theirs (it was said back as theirs).
    for (const { code, value } of facts.amounts) {
      if (prospectValues.has(value)) continue;
      if (sameCurrency(code, catalogue)) allowed.add(value);
      else allowedForeign.add(`${code}:${value}`);
    }
  }

  /** What annual billing saves per seat and month on a plan, times seats and months of the conversation (cents). */
  const isSaving = (value: number): boolean =>
    sources.kb.plans.some((plan) => {
      const { pricePerSeatMonthly: monthly, pricePerSeatMonthlyAnnual: annual } = plan;
      if (monthly === null || annual === null || monthly <= annual) return false;
      const saving = Math.round((monthly - annual) * 100);
      for (const seats of conversation.seats) for (const months of conversation.months) if (saving * seats * months === value) return true;
      return false;
    });
  /** Whether a vouched text speaks of a setup or onboarding fee: if none does, an amount said to be one is made up. */
  const feesVouched = vouchedLines.some((line) => FEE_WORDS.test(line) || /\bsetup\s+fee|onboarding\s+fee/iu.test(line));

  let held = '';
  /** The end of what was released (its quantities count, and its last clause is the context of what comes next). */
  let released = '';
  const replaced: string[] = [];
  /** Amounts this reply said that were vouched for: their sums and differences may follow. */
  const said: number[] = [];

  /** The sum or difference of two amounts the reply said, or the sum of its last few ("$12, $29, $49 — $90 for all"). */
  const isPair = (value: number): boolean => {
    for (const a of said) for (const b of said) if (a + b === value || a - b === value) return true;
    let sum = 0;
    for (let index = said.length - 1; index >= 0; index--) {
      sum += said[index] ?? 0;
      if (sum === value) return true;
    }
    return false;
  };

  /** A prospect's own figure said back as theirs (see above). */
  const prospectsOwn = (span: Span, clause: string, foreign: boolean, lead = ''): boolean => {
    const values = span.values.filter((value) => (foreign ? prospectForeign.has(`${span.code}:${value}`) : prospectValues.has(value)));
    if (values.length === 0 || AGREEMENT.test(clause) || HEDGED.test(clause)) return false;
    // Declined ("we can't do $7", "$300 isn't possible"): theirs, whatever the clause names.
    if (REFUSAL.test(clause) && !REFUSAL_TURNED.test(clause)) return true;
    const plan = namesPlan(clause);
    const budgetLike = BUDGET_CONTEXT.test(clause);
    if ((budgetLike || ATTRIBUTION.test(clause)) && !plan) return true;
    // Said as theirs right before it ("You mentioned $300: that is below Pro…", "your offer of $7 for Pro").
    if (ATTRIBUTED_BEFORE.test(lead)) return true;
    if (budgetLike && values.some((value) => budgetValues.has(value))) return true;
    if (ASSENT.test(clause)) return false;
    const priceLike = plan || PRICE_CONTEXT.test(clause);
    if (!priceLike && values.some((value) => !floatedValues.has(value))) return true;
    // Their budget, said back without the word, where no plan nor seat is named ("noted: $600 a month").
    return values.some((value) => budgetValues.has(value)) && !plan && !SEAT_CONTEXT.test(clause);
  };

  /**
   * A plain refusal ("we can't give you 20% off", "wir können keine 20 % Rabatt geben"): not a double negative ("no
   * reason we couldn't"), not turned round ("can't go lower than"), not with a condition ("unless you sign today").
   */
  let refusalClause = '';
  let refusal = false;
  /** REFUSAL, tested once per clause (a refusal's percentage is decided again on every delta until its sentence ends). */
  const refuses = (clause: string): boolean => {
    if (clause !== refusalClause) {
      refusalClause = clause;
      refusal = MAY_REFUSE.test(clause) && REFUSAL.test(clause);
    }
    return refusal;
  };
  const declined = (clause: string, rest: string): boolean =>
    !REFUSAL_CONDITION.test(clause) && !REFUSAL_EXCEPTION.test(rest) && !REFUSAL_TURNED.test(clause) && !HEDGED.test(clause);

  /**
   * A percentage offered in a clause of its own after a discount in its sentence ("We can't do 20% off, but we can do
   * 15%.", "…; what we can do is 15%.", "…, only 15%."): a discount, though its clause has no word for one. (What is
   * read for the offer is what comes after the discount: "we can't do 20% off" is no offer of 15%.)
   */
  const counterOffer = (clause: string, whole: string, start: number): boolean => {
    const sentence = sentenceBefore(whole, start);
    let from = -1;
    for (const match of sentence.matchAll(DISCOUNTS)) from = match.index + match[0].length;
    if (from < 0) return false;
    const bridge = `${sentence.slice(from)} ${clause}`;
    return AGREEMENT.test(bridge) || COUNTER.test(bridge);
  };

  /** "Pro is free" (not its trial, not its guests, not "not free"), unless a vouched line says so of that plan. */
  const freeClaim = (clause: string): boolean => {
    if (FREE_EXCEPT.test(clause.replace(HEDGED_ALL, ' '))) return false;
    // A period or seats for free ("your first month is free", "10 free seats") is an offer whether or not a plan is named.
    if (!namesPlan(clause)) return FREE_OFFER_CONTEXT.test(clause);
    return !freeLines.some((line) => planPatterns.some((pattern) => pattern.test(line) && pattern.test(clause)));
  };
  /** "Half price", "buy one get one", "the first month is on us": an offer, unless denied or stated by a vouched text. */
  const offerClaim = (clause: string, written: string, condition: Candidate['condition']): boolean => {
    // ("At no cost" is no denial of itself.)
    if (NEGATION.test(clause.replace(written, ' ').replace(HEDGED_ALL, ' ')) || promotionKeys.has(promotionKey(written))) return false;
    if (condition === 'period') return !FREE_EXCEPT.test(clause) && FREE_OFFER_CONTEXT.test(clause);
    return condition === undefined || PROMOTION_CONTEXT.test(clause) || namesPlan(clause);
  };

  /** 'ok', 'bad', or 'wait' (its clause or its cents are not complete yet and only they can say). */
  const decide = (span: Candidate, text: string, final: boolean): 'ok' | 'bad' | 'wait' => {
    const foreign = span.kind === 'money' && span.code !== '' && !sameCurrency(span.code, catalogue);
    if (span.wordCurrency && !final && centsMayFollow(text.slice(span.end, span.end + 61))) return 'wait';
    const free = span.kind === 'free' || (span.kind === 'money' && span.values.includes(0));
    // An amount for a fee no catalogue has ("plus $10 for setup") is made up, whatever the number; "$10 for s…" waits.
    let fee = false;
    // (A number right after a fee word is an amount, whatever else its sentence says: "Setup is ten.")
    const feeLead = span.kind === 'money' && FEE_BEFORE.test((released + text.slice(0, span.start)).slice(-60));
    if (span.kind === 'money' && !feesVouched) {
      const next = text.slice(span.end, span.end + 40);
      if (!final && span.end + 40 > text.length && unitMayFollow(next) && !FEE_AFTER.test(next)) return 'wait';
      fee = FEE_AFTER.test(next) || feeLead;
    }
    // An amount off a price ("ten bucks off per seat") is what annual billing saves, for the seats and months, or nothing.
    if (span.kind === 'money' && !foreign && !free && OFF_AFTER.test(text.slice(span.end, span.end + 40))) {
      learnQuantities((released + text.slice(0, span.end)).slice(-QUANTITY_WINDOW), true);
      if (span.values.some((value) => isSaving(value))) return 'ok';
      fee = true;
    }
    if (!free && !fee && span.kind === 'money' && (foreign ? span.values.some((value) => allowedForeign.has(`${span.code}:${value}`)) : span.values.some((value) => allowed.has(value)))) return 'ok';
    if (span.kind === 'percent' && span.values.some((value) => percents.has(value))) return 'ok';
    const after = text.slice(span.end, span.end + CLAUSE_WAIT);
    const end = CLAUSE_END.exec(after);
    if (!end && !final && after.length < CLAUSE_WAIT) return 'wait';
    const clauseEnd = span.end + (end ? end.index : after.length);
    const whole = released + text.slice(0, clauseEnd);
    const offset = released.length;
    // A table cell's clause is its row, read with its column's header ("| Plan | Price |").
    const clause = (span.column === undefined ? '' : `${span.column} | `) + clauseAround(whole, offset + span.start, offset + span.end);
    if (span.kind === 'offer') return offerClaim(clause, text.slice(span.start, span.end), span.condition) ? 'bad' : 'ok';
    if (free) return freeClaim(clause) ? 'bad' : 'ok';
    // A number with no currency is a price only in a sentence about prices ("integrations: 5 per user" is not).
    if (span.kind === 'money' && span.code === '') {
      const sentence = sentenceBefore(whole, offset + span.start) + clause;
      if (!feeLead && !namesPlan(sentence) && !PRICE_WORDS.test(sentence) && !FEE_WORDS.test(sentence) && (!span.priced || COUNTED.test(sentence))) return 'ok';
    }
    if (span.kind === 'percent') {
      // A discount, or a comparison of prices: what annual billing saves, a percentage the prompt states (above), or
      // one true of the prices of the plans the clause names ("Pro is 41% cheaper than Business").
      if (!DISCOUNT_CONTEXT.test(clause) && !PRICE_COMPARISON.test(clause) && !counterOffer(clause, whole, offset + span.start)) return 'ok';
      const before = whole.slice(Math.max(0, offset + span.start - CLAUSE_WAIT * 2), offset + span.start);
      if (span.values.some((value) => savingPercents.has(value)) && (ANNUAL.test(clause) || ANNUAL.test(before))) return 'ok';
      if (comparesTruly(span.values, clause, before)) return 'ok';
      if (refuses(clause)) {
        // (A refusal waits for the end of its sentence, which may make it an offer: "…, except on annual billing".)
        const stop = /[.!?\n]/u.exec(after);
        if (!stop && !final && after.length < CLAUSE_WAIT) return 'wait';
        if (declined(clause, after.slice(0, stop?.index))) return 'ok';
      }
      return prospectsOwn(span, clause, false) ? 'ok' : 'bad';
    }
    if (!foreign && !fee) {
      // The reply's quantities so far ("for your 20 seats … $580"): its last few sentences are enough.
      learnQuantities(whole.slice(-QUANTITY_WINDOW), true);
      const kind = { compares: COMPARES.test(clause), plans: plansIn(clause) };
      if (span.values.some((value) => isArithmetic(value, rates, conversation, kind) || isPair(value))) return 'ok';
      const rounded = span.scaled || APPROXIMATELY.test(whole.slice(Math.max(0, offset + span.start - 30), offset + span.start));
      if (rounded && span.values.some((value) => isRounding(value, [...allowed, ...said], rates, conversation, kind))) return 'ok';
    }
    return prospectsOwn(span, clause, foreign, clauseLead(whole, offset + span.start)) ? 'ok' : 'bad';
  };

  /** `held` with superscript digits read as digits ("$³⁹"), character for character: what is read and decided. */
  let plain = '';
  /** The header of the Markdown table being written, once seen (its rows may outlast the released tail). */
  let tableHeader: string | undefined;

  /** A number alone in a Markdown table cell ("| Pro | 39 |"): its column's header, or 'wait' while its row decides. */
  const tableCell = (start: number, end: number, final: boolean): { column: string } | 'wait' | undefined => {
    const whole = released + plain;
    const from = released.length + start;
    const to = released.length + end;
    const rowStart = whole.lastIndexOf('\n', from - 1) + 1;
    const rowEnd = whole.indexOf('\n', to);
    const row = whole.slice(rowStart, rowEnd < 0 ? whole.length : rowEnd);
    const at = from - rowStart;
    if (!CELL_BEFORE.test(row.slice(0, at))) return undefined;
    const open = rowEnd < 0 && !final;
    const rest = row.slice(to - rowStart);
    const close = CELL_CLOSE.exec(rest);
    if (!close) return open && /^[*_\s\u00a0]*$/u.test(rest) ? 'wait' : undefined;
    const header = headerOf(whole.slice(0, rowStart));
    if (header !== undefined) tableHeader = header;
    const column = cellsOf(header ?? tableHeader ?? '')[pipesBefore(row, at)] ?? '';
    if (PERCENT_COLUMN.test(column) || priceColumn(column)) return { column };
    // No header that says so: a unit in the next cell ("| Starter | 12 | per seat |").
    const next = rest.slice(close[0].length);
    const nextEnd = next.indexOf('|');
    const cell = nextEnd < 0 ? next : next.slice(0, nextEnd);
    if (UNIT_AFTER.test(cell)) return { column: `${column} ${cell}` };
    return nextEnd < 0 && open && unitMayFollow(cell) ? 'wait' : undefined;
  };

  /** An amount whose dot ends its sentence too ("It costs 39 U.S.D."), without it; one that cannot tell yet, waiting. */
  const sentenceStopped = (span: Span, final: boolean): Candidate => {
    const stop = sentenceStopAt(plain, span.end, final);
    return stop === 'wait' ? { ...span, pending: true } : stop ? { ...span, end: span.end - 1 } : span;
  };

  /** Numbers in a price's place with no currency, percentages, "free" and offers in what may be decided (up to `cut`). */
  const candidates = (cut: number, final: boolean): Candidate[] => {
    const text = plain.slice(0, cut);
    const spans: Candidate[] = [...amountSpans(text).map((span) => sentenceStopped(span, final)), ...percentSpans(text)];
    const taken = (start: number, end: number) => spans.some((span) => start < span.end && span.start < end);
    for (const match of MAY_BE_FREE.test(text) ? text.matchAll(FREE) : []) {
      if (!taken(match.index, match.index + match[0].length)) spans.push({ start: match.index, end: match.index + match[0].length, values: [0], kind: 'free', code: '' });
    }
    if (MAY_BE_OFFER.test(text)) {
      for (const [pattern, condition] of [[PROMOTION, undefined], [CONDITIONAL_PROMOTION, 'price'], [NO_COST, 'period']] as const) {
        for (const match of text.matchAll(pattern)) {
          const end = match.index + match[0].length;
          if (taken(match.index, end)) continue;
          // "Count on us", "rely on us": no offer.
          if (condition && /^on/iu.test(match[0]) && ON_US_VERB.test((released + text.slice(0, match.index)).slice(-24))) continue;
          spans.push({ start: match.index, end, values: [0], kind: 'offer', code: '', ...(condition ? { condition } : {}) });
        }
      }
    }
    // Number words before a per-seat or billing unit ("twenty-nine per seat").
    for (const words of MAY_HAVE_UNIT.test(text) ? wordNumbers(text, WORDS_BEFORE_UNIT) : []) {
      const end = words.end - words.after.length;
      if (!taken(words.start, end)) spans.push({ start: words.start, end, values: words.values.map((value) => value * 100), kind: 'money', code: '' });
    }
    // Number words before a billing period or a fee ("thirty-nine a month", "ten for setup"); "once a month" is no eleven.
    // (Read in all that is held: the unit may be in a held tail, "a quarter" before " off".)
    for (const words of MAY_BE_PRICED.test(plain) ? wordNumbers(plain, WORDS_BEFORE_PRICED) : []) {
      const end = words.end - words.after.length;
      if (end > cut || taken(words.start, end) || words.values.every((value) => value < 2)) continue;
      if (/^once$/iu.test(text.slice(words.start, end)) && !/^[*_\s\u00a0]*(?:al|por)\s/iu.test(plain.slice(end, end + 8))) continue;
      spans.push({ start: words.start, end, values: words.values.map((value) => value * 100), kind: 'money', code: '', priced: true });
    }
    // Number words before "plus" and a price or a fee in the rest of the sentence ("It's thirty-nine, plus ten for setup").
    // (Read in all that is held: "plus" may be in the held tail, or still being written.)
    const pluses = MAY_HAVE_PLUS.test(plain) ? wordNumbers(plain, WORDS_BEFORE_PLUS) : [];
    const plusTail = final ? [] : wordNumbers(plain, WORDS_BEFORE_PLUS_TAIL);
    for (const words of [...pluses, ...plusTail]) {
      if (words.start >= cut) continue;
      const end = words.end - words.after.length;
      if (taken(words.start, end) || words.values.every((value) => value < 2)) continue;
      const span: Candidate = { start: words.start, end, values: words.values.map((value) => value * 100), kind: 'money', code: '' };
      const rest = plain.slice(end, end + CLAUSE_WAIT);
      const stop = /[.!?\n]/u.exec(rest);
      if (words.end === plain.length || (!stop && !final && rest.length < CLAUSE_WAIT)) spans.push({ ...span, pending: true });
      else if (PRICE_WORDS.test(rest.slice(0, stop?.index)) || FEE_WORDS.test(rest.slice(0, stop?.index))) spans.push({ ...span, priced: true });
    }
    // Number words after a price verb or a plan's colon ("costs thirty-nine.", "Pro: thirty-nine"), which may have
    // been released already.
    const lead = released.slice(-40);
    const scan = lead + text;
    planColonWords.lastIndex = 0;
    planColonWords.lastIndex = 0;
    const leads = MAY_HAVE_PRICE_VERB.test(scan) || planColonWords.test(scan) ? [PRICE_BEFORE_WORDS, planColonWords] : [];
    for (const pattern of MAY_BE_FEE.test(scan) ? [...leads, FEE_BEFORE_WORDS] : leads) {
      pattern.lastIndex = 0;
      for (const match of scan.matchAll(pattern)) {
        const from = match.index + match[0].length - lead.length;
        if (from < 0) continue;
        const words = numberWordsAt(text, from);
        if (!words || taken(from, words.end)) continue;
        if (PRICE_FOLLOWER.test(plain.slice(words.end, words.end + 30)) && (final || words.end < text.length)) {
          spans.push({ start: from, end: words.end, values: [words.value * 100], kind: 'money', code: '' });
        }
      }
    }
    // Number words alone in a table cell ("| Pro | thirty-nine |").
    if (text.includes('|') || /\|[*_\s\u00a0]*$/u.test(released)) {
      const cellLead = released.slice(-8);
      for (const match of (cellLead + text).matchAll(CELL_OPEN)) {
        const from = match.index + match[0].length - cellLead.length;
        const words = from < 0 ? undefined : numberWordsAt(text, from);
        if (!words || taken(from, words.end)) continue;
        const cell = tableCell(from, words.end, final);
        const span: Candidate = { start: from, end: words.end, values: [words.value * 100], kind: 'money', code: '' };
        if (cell === 'wait') spans.push({ ...span, pending: true });
        else if (cell) spans.push(PERCENT_COLUMN.test(cell.column) ? { ...span, kind: 'percent', column: cell.column } : { ...span, column: cell.column });
      }
    }
    if (/\p{Nd}/u.test(text)) {
      for (const match of text.matchAll(ANY_NUMBER)) {
        const start = match.index;
        let end = start + match[0].length;
        if (taken(start, end)) continue;
        const before = (start < 60 ? released.slice(-60) : '') + text.slice(Math.max(0, start - 60), start);
        let after = plain.slice(end, end + 30);
        const range = RANGE_END_BEFORE.exec(before);
        const previous = before.at(-1) ?? '';
        const label = LABEL_BEFORE.test(before);
        if (!range && !label && /[\p{L}\p{N}.,:/#@_\-–—+×*]/u.test(previous) && !/[*_]/u.test(previous)) continue;
        // "39,- im Monat": a whole amount, the dash with it.
        const whole = /^[.,][-–](?![\p{Nd}\-–])/u.exec(plain.slice(end, end + 3));
        if (whole) {
          end += 2;
          after = plain.slice(end, end + 30);
        }
        // "39k a year": a thousand of it.
        const scale = /^[kK](?![\p{L}\p{N}])/u.test(after) ? 'k' : '';
        if (scale) {
          end += 1;
          after = plain.slice(end, end + 30);
        }
        if (/^(?:[:.,]\p{Nd}|[%٪\p{L}])/u.test(after) && !/^[*_]/u.test(after)) continue;
        // "(39) per seat": the brackets are no part of what follows.
        if (/[([]/u.test(previous) && /^[)\]]/u.test(after)) after = after.slice(1);
        // ("39–49 dollars": the first end is in the second's currency; "39 (US dollars)": in that one.)
        const rangeStart = range ? null : (RANGE_START_AFTER.exec(plain.slice(end, end + 40)) ?? BRACKETED_CURRENCY.exec(after));
        const code = range ? rangeCode(range[0]) : rangeStart ? currencyOf(rangeStart[1] ?? '') : '';
        const span: Candidate = { start, end, values: amountCandidates(match[0], scale), kind: 'money', code, ...(scale ? { scaled: true } : {}) };
        if (rangeStart) {
          spans.push(span);
          continue;
        }
        const cell = UNIT_AFTER.test(after) || !CELL_BEFORE.test(before) ? undefined : tableCell(start, end, final);
        if (UNIT_AFTER.test(after)) spans.push(PERIOD_AFTER.test(after) || FEE_AFTER.test(after) ? { ...span, priced: true } : span);
        else if (FEE_AFTER.test(after) || OFF_AFTER.test(after)) spans.push({ ...span, priced: true });
        else if (cell === 'wait') spans.push({ ...span, pending: true });
        else if (cell) spans.push(PERCENT_COLUMN.test(cell.column) ? { ...span, kind: 'percent', column: cell.column } : { ...span, column: cell.column });
        else if (!final && end + 30 > plain.length && unitMayFollow(after)) spans.push({ ...span, pending: true });
        else if (range || label || PRICE_BEFORE.test(before) || planColon.test(before) || FEE_BEFORE.test(before)) {
          if (range || PRICE_FOLLOWER.test(after)) spans.push(span);
          else if (!final && /^[*_\s\u00a0]*\p{L}*$/u.test(after)) spans.push({ ...span, pending: true });
        }
      }
    }
    return spans.sort((a, b) => a.start - b.start);
  };

  /** Releases what of `held` can be decided; keeps the rest. */
  const drain = (final: boolean): string => {
    plain = plainDigits(held);
    const cut = final ? held.length : percentStart(plain, offerStart(plain, openTailStart(plain)));
    let out = '';
    let at = 0;
    let stop = cut;
    for (const span of candidates(cut, final)) {
      [span.start, span.end] = widenSpan(plain, span.start, span.end, at, cut);
      if (span.start < at) continue;
      const verdict = span.pending ? 'wait' : decide(span, plain, final);
      if (verdict === 'wait') {
        stop = span.start;
        break;
      }
      out += held.slice(at, span.start);
      if (verdict === 'ok') {
        out += held.slice(span.start, span.end);
        if (span.kind === 'money' && (span.code === '' || sameCurrency(span.code, catalogue))) {
          said.push(...span.values);
          said.splice(0, Math.max(0, said.length - SAID_MAX));
        }
      } else {
        replaced.push(held.slice(span.start, span.end));
        out += marker;
      }
      at = span.end;
    }
    // Up to the first amount still waiting for its clause (or the open tail).
    out += held.slice(at, stop);
    held = held.slice(stop);
    released = (released + out).slice(-RELEASED_TAIL);
    return out;
  };

  return {
    allowTool(output) {
      const text = typeof output === 'string' ? output : JSON.stringify(output ?? null);
      for (const match of text.matchAll(ANY_NUMBER)) amountCandidates(match[0]).forEach((value) => allowed.add(value));
      for (const match of text.matchAll(/"seats":(\d+)/g)) conversation.seats.add(Number(match[1]));
    },
    push(delta) {
      held += delta;
      return drain(false);
    },
    flush() {
      return drain(true);
    },
    get replaced() {
      return replaced;
    },
  };
}

/** Where the text may be cut: not inside a percentage ("vingt pour " before "cent", which alone is a number). */
function percentStart(text: string, cut: number): number {
  if (cut >= text.length) return cut;
  for (const span of percentSpans(text.slice(Math.max(0, cut - 80)))) {
    const start = Math.max(0, cut - 80) + span.start;
    if (start < cut && cut < Math.max(0, cut - 80) + span.end) return start;
  }
  return cut;
}

/** Where the text may be cut: not inside an offer ("buy one get one": "one" waits for a currency word). */
function offerStart(text: string, cut: number): number {
  if (cut >= text.length || !MAY_BE_OFFER.test(text.slice(Math.max(0, cut - 40), cut + 40))) return cut;
  const from = Math.max(0, cut - 40);
  const window = text.slice(from, cut + 40);
  for (const pattern of [PROMOTION, CONDITIONAL_PROMOTION]) {
    for (const match of window.matchAll(pattern)) if (from + match.index < cut && cut < from + match.index + match[0].length) return from + match.index;
  }
  return cut;
}

/** Cheap tests before the scans they spare. */
const MAY_BE_OFFER = /half|buy|bogo|price\s+of|third|quarter|fifth|tenth|no\s+(?:extra\s+|additional\s+)?(?:cost|charge)|free\s+of|sin\s+c|sans\s+frais|offert|gratuitement|kostenfrei|ohne|geschenkt|تكلفة|مقابل|\d[\s-]*(?:for|x|pour|für)|two|deux|dos\s+por|zwei|on\s+(?:us|the)|mitad|moiti|demi|achet|halb|نصف|بسعر|اشتر|waiv|nuestra|nos\s+frais|unsere|حساب/iu;
const MAY_HAVE_PRICE_VERB = /cost|pric|pay|charg|fee|rate|cuest|precio|cobra|coût|prix|kost|Preis|يكلف|سعر/iu;

// Markdown tables ("| Plan | Price |\n|---|---|\n| Pro | 29 |").
const CELL_BEFORE = /\|[*_\s\u00a0]*$/u;
const CELL_CLOSE = /^[*_\s\u00a0]*\|/u;
const CELL_OPEN = /\|[*_\s\u00a0]*(?=\p{L})/gu;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/u;
/** A column of prices: its header names a price, a billing period or a currency, and not only a limit ("Seats", "Runs"). */
const COLUMN_PRICE =
  /pric|cost|[$€£]|\bUSD\b|\bEUR\b|\bfee|\brate\b|monthly|annual|yearly|per\s+(?:seat|user)|\/\s*(?:seat|user|mo|yr)|total|amount|saving|precio|coste|costo|mensual|anual|importe|tarifa|ahorro|prix|coût|mensuel|annuel|montant|économie|Preis|Kosten|monatlich|jährlich|Betrag|Gesamt|Ersparnis|سعر|تكلف|شهري|سنوي|المبلغ|الإجمالي|توفير|dollar|d[oó]lar|دولار/iu;
const COLUMN_STRONG = /pric|cost|[$€£]|\bUSD\b|\bEUR\b|\bfee|precio|coste|costo|prix|coût|Preis|Kosten|سعر|تكلف|dollar|d[oó]lar|دولار/iu;
const COLUMN_LIMIT =
  /seat|user|run|storage|\bGB\b|integration|limit|\bmin|\bmax|usuario|asiento|ejecuci|almacenamiento|utilisateur|siège|exécution|stockage|Nutzer|Plätze|Ausführung|Speicher|مستخدم|مقاعد|تشغيل|تخزين/iu;
const PERCENT_COLUMN = /%|٪|percent|per\s*cent|por\s+ciento|pour\s*cent|Prozent|بالمئة|نسبة|discount|descuento|remise|réduction|Rabatt|خصم/iu;
const priceColumn = (header: string) => COLUMN_PRICE.test(header) && (COLUMN_STRONG.test(header) || !COLUMN_LIMIT.test(header));

/** The header row of the table that the text before a row ends in (the line before its |---| line), if it is in it. */
function headerOf(before: string): string | undefined {
  const lines = before.split('\n');
  lines.pop();
  for (let index = lines.length - 1; index >= 1 && index >= lines.length - 80; index--) {
    const line = lines[index] ?? '';
    if (!line.includes('|')) return undefined;
    if (TABLE_SEPARATOR.test(line)) return lines[index - 1];
  }
  return undefined;
}
const cellsOf = (row: string) => row.trim().replace(/^\|/u, '').split('|');
/** The index of the cell `at` is in (the cells of cellsOf()). */
const pipesBefore = (row: string, at: number) => (row.slice(0, at).match(/\|/gu)?.length ?? 0) - (row.trimStart().startsWith('|') ? 1 : 0);

const LOCALES = ['en', 'es', 'fr', 'de', 'ar'] as const;
interface PlanPatterns {
  plansByIndex: RegExp[][];
  /** A plan's name and a colon or a dash right before a number ("Pro: 39", "**Business** = 49", "Pro — 39"). */
  planColon: RegExp;
  /** The same before number words ("Pro: thirty-nine"), global. */
  planColonWords: RegExp;
}
const PLAN_PATTERNS = new WeakMap<KnowledgeBase, PlanPatterns>();
/**
 * Each plan's names in the five languages (the catalogue's "Pro", "plan profesional", "الباقة الاحترافية", "برو"): a
 * name as written ("Pro", not German "pro Nutzer"), a lower-case alias in any case. An Arabic name that is an ordinary
 * word with its article ("الأعمال", business; "الاحترافية", professionalism) counts only after "باقة" (plan).
 */
function planPatternsOf(kb: KnowledgeBase): PlanPatterns {
  const known = PLAN_PATTERNS.get(kb);
  if (known) return known;
  const localized = [getKnowledgeBase(), ...LOCALES.map((locale) => getLocalizedKnowledgeBase(locale))];
  const namesByIndex = kb.plans.map((plan) => {
    const names = new Set([plan.name, ...plan.aliases]);
    for (const other of localized) {
      const same = other.plans.find((entry) => entry.id === plan.id && entry.pricePerSeatMonthly === plan.pricePerSeatMonthly && entry.pricePerSeatMonthlyAnnual === plan.pricePerSeatMonthlyAnnual);
      for (const name of same ? [same.name, ...same.aliases] : []) names.add(name);
    }
    return [...names].filter((name) => name.length >= 3);
  });
  const plansByIndex = namesByIndex.map((names) =>
    names.map((name) => {
      const word = /^ال\p{L}+$/u.test(name) && !names.includes(name.slice(2));
      const pattern = `${word ? '(?:ال)?باقة[\\s\\u00a0]+' : ''}${escapeRegExp(name)}`;
      return new RegExp(`(?<!\\p{L})${pattern}(?!\\p{L})`, name === name.toLowerCase() ? 'iu' : 'u');
    }),
  );
  const names = [...new Set(namesByIndex.flat())].filter((name) => name !== name.toLowerCase() || /\p{Script=Arabic}/u.test(name)).map(escapeRegExp);
  const colon = `(?<!\\p{L})(?:${names.join('|')})[*_]*[\\s\\u00a0]*(?:[:=]|[\\s\\u00a0][—–-])[\\s\\u00a0]*[*_]*`;
  const patterns = { plansByIndex, planColon: new RegExp(`${colon}$`, 'u'), planColonWords: new RegExp(`${colon}(?=\\p{L})`, 'gu') };
  PLAN_PATTERNS.set(kb, patterns);
  return patterns;
}

/**
 * The percentages that compare two prices of the plans (indices "a,b", a ≤ b; a plan with itself is its two billings):
 * how much cheaper one is than the other (`down`, of the dearer price) or dearer (`up`, of the cheaper one), rounded
 * down, up, to the nearest, to a tenth and to a hundredth ("Pro is 41% cheaper than Business": (49 − 29) / 49 is 40.8%;
 * "Business costs 69% more than Pro": (49 − 29) / 29 is 68.97%).
 */
function comparisonPercents(kb: KnowledgeBase): Map<string, { down: Set<number>; up: Set<number> }> {
  const known = COMPARISON_PERCENTS.get(kb);
  if (known) return known;
  const prices = kb.plans.map((plan) => [plan.pricePerSeatMonthly, plan.pricePerSeatMonthlyAnnual].filter((price): price is number => price !== null && price > 0));
  const readings = (percent: number) => [Math.floor(percent) * 100, Math.ceil(percent) * 100, Math.round(percent) * 100, Math.round(percent * 10) * 10, Math.round(percent * 100)];
  const percents = new Map<string, { down: Set<number>; up: Set<number> }>();
  for (const [a, left] of prices.entries()) {
    for (const [b, right] of prices.entries()) {
      if (b < a) continue;
      const down = new Set<number>();
      const up = new Set<number>();
      for (const p of left) {
        for (const q of right) {
          if (p === q) continue;
          const difference = Math.abs(p - q);
          readings((difference / Math.max(p, q)) * 100).forEach((value) => down.add(value));
          readings((difference / Math.min(p, q)) * 100).forEach((value) => up.add(value));
        }
      }
      percents.set(`${a},${b}`, { down, up });
    }
  }
  COMPARISON_PERCENTS.set(kb, percents);
  return percents;
}
const COMPARISON_PERCENTS = new WeakMap<KnowledgeBase, Map<string, { down: Set<number>; up: Set<number> }>>();
/** Annual billing, which what annual billing saves is said of. */
const MONTHLY = /monthly|a\s+month|per\s+month|\/\s*mo|mensual|al\s+mes|mensuel|par\s+mois|monatlich|Monat|شهري/iu;
const ANNUAL = /annual|yearly|a\s+year|per\s+year|\/\s*yr|anual|al\s+año|annuel|par\s+an|jährlich|Jahr|سنوي|السنة|سنة/iu;
/** Which way a comparison goes: cheaper (a share of the dearer price) or dearer (a share of the cheaper one). */
const CHEAPER =
  /cheaper|less|lower|sav(?:e|es|ing)|discount|off\b|barat|menos|ahorr|descuento|moins|économ|remise|günstiger|billiger|weniger|spar|Rabatt|أرخص|أقل|توفير|توفر|خصم/iu;
const DEARER = /more|dearer|pricier|costlier|expensive|higher|extra|mark-?up|surcharge|más|caro|plus|cher\b|mehr|teurer|Aufpreis|أكثر|أغلى/iu;

/** A figure offered instead of another ("only 15%", "solo un 15 %", "plutôt 15 %", "stattdessen 15 %"). */
const COUNTER = /(?<!\p{L})(?:only|just|instead|solo|sólo|en\s+cambio|seulement|plutôt|nur|stattdessen|dafür|können)(?!\p{L})|فقط|بدلا|بدلًا/iu;
const DISCOUNTS = new RegExp(DISCOUNT_CONTEXT.source, 'giu');
/** "You mentioned", "your offer of" right before an amount (at most three words between). */
const ATTRIBUTED_BEFORE = new RegExp(`(?:${ATTRIBUTION.source})(?:[\\s\\u00a0]+[\\p{L}\\p{M}'’-]+){0,3}[\\s\\u00a0]*[*_]*$`, 'iu');
const CLAUSE_ENDS = new RegExp(CLAUSE_END.source, 'gu');
/** The clause up to an amount (what comes before it in its clause). */
function clauseLead(text: string, start: number): string {
  const lead = text.slice(Math.max(0, start - 60), start);
  let from = 0;
  for (const match of lead.matchAll(CLAUSE_ENDS)) from = match.index + match[0].length;
  return lead.slice(from);
}

/** A figure asked about on its own ("$300?", "And $300?"): floated as a price, like "could you do $300?". */
function bareQuestion(text: string, start: number, end: number): boolean {
  const question = /^[^.!?;\n]{0,30}\?/u.exec(text.slice(end, end + 40));
  if (!question) return false;
  const lead = text.slice(Math.max(0, start - 40), start).split(/[.!?;\n]/u).at(-1) ?? '';
  return ((lead + question[0]).match(/\p{L}+/gu)?.length ?? 0) <= 1;
}

const SENTENCE_ENDS = /[.!?](?=\s)|\n/gu;
/** The sentence up to an amount (at most CLAUSE_WAIT × 2 characters back). */
function sentenceBefore(text: string, start: number): string {
  const window = Math.max(0, start - CLAUSE_WAIT * 2);
  let from = window;
  for (const match of text.slice(window, start).matchAll(SENTENCE_ENDS)) from = window + match.index + match[0].length;
  return text.slice(from, start);
}

/** The currency of a range's first end ("$24–" → "$"). */
function rangeCode(first: string): string {
  const spans = amountSpans(first);
  return spans[0]?.code ?? '';
}
