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
  DISCOUNT_CONTEXT,
  FREE,
  FREE_EXCEPT,
  OFFER,
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
import { ANY_NUMBER, RANGE_END_BEFORE, amountCandidates, amountSpans, asciiDigits, wordNumbers, centsMayFollow, escapeRegExp, openTailStart, percentSpans, sameCurrency, type Span } from './reading';

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
 * with cents in words after it ("… dollars and fifty cents"). Not read: a currency word before words ("USD twenty").
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
  };
  FREE.lastIndex = 0;
  if (LINE_FACTS.size >= LINE_FACTS_MAX) LINE_FACTS.clear();
  LINE_FACTS.set(line, facts);
  return facts;
}

/** Cheap tests before the scans they spare (most deltas have no "free" and no per-seat unit). */
const MAY_BE_FREE = /fre|grat|kosten|umsonst|مجان/iu;
const MAY_HAVE_UNIT = /p[aeor]r?|لكل/iu;

/** A number in a price's place with no currency, or one still waiting for what follows it. */
type Candidate = Span & { pending?: boolean };

export function createPriceGuard(sources: PriceGuardSources, marker: string): PriceGuard {
  const catalogue = sources.kb.company.currency;
  /** Amounts in the catalogue's currency that may be said anywhere. */
  const allowed = new Set<number>();
  /** Amounts in another currency a vouched text states ("EUR:2900"). */
  const allowedForeign = new Set<string>();
  /** Percentages (hundredths) that may be said as a discount: what annual billing saves, those the prompt states. */
  const percents = new Set<number>();
  for (const plan of sources.kb.plans) {
    const { pricePerSeatMonthly: monthly, pricePerSeatMonthlyAnnual: annual } = plan;
    const prices = [monthly, annual];
    if (monthly !== null && annual !== null) {
      prices.push(monthly - annual);
      const saving = ((monthly - annual) / monthly) * 100;
      for (const value of [Math.floor(saving), Math.round(saving), Math.ceil(saving)]) percents.add(value * 100);
      percents.add(Math.round(saving * 10) * 10);
    }
    for (const price of prices) {
      if (price === null || price <= 0) continue;
      allowed.add(Math.round(price * 100));
      allowed.add(Math.round(price * 12 * 100));
    }
  }
  const rates = catalogueRates(sources.kb);
  const prospectTexts = [...sources.prospect];
  const vouchedLines: string[] = [];
  for (const text of sources.vouched) {
    for (const line of text.split('\n')) (PROSPECT_LINE.test(line) ? prospectTexts : vouchedLines).push(line);
  }
  // A plan's name as written in the catalogue ("Pro", not German "pro Nutzer"); its lower-case aliases in any case.
  const plansByIndex = sources.kb.plans.map((plan) =>
    [plan.name, ...plan.aliases].filter((name) => name.length >= 3).map((name) => new RegExp(`(?<!\\p{L})${escapeRegExp(name)}(?!\\p{L})`, name === name.toLowerCase() ? 'iu' : 'u')),
  );
  const planPatterns = plansByIndex.flat();
  const namesPlan = (clause: string) => planPatterns.some((pattern) => pattern.test(clause));
  const plansIn = (clause: string) => new Set(plansByIndex.flatMap((patterns, index) => (patterns.some((pattern) => pattern.test(clause)) ? [index] : [])));
  // "Pro: 39", "**Business** = 49": a plan's name and a colon right before a number.
  const planColon = new RegExp(
    `(?:${sources.kb.plans.map((plan) => escapeRegExp(plan.name)).join('|')})[*_]*[\\s\\u00a0]*[:=][\\s\\u00a0]*[*_]*$`,
    'u',
  );

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
    else if (PRICE_CONTEXT.test(clause) || namesPlan(clause) || OFFER.test(clause)) values.forEach((value) => floatedValues.add(value));
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
  for (const line of vouchedLines) {
    const facts = lineFacts(line);
    facts.seats.forEach((value) => conversation.seats.add(value));
    facts.months.forEach((value) => conversation.months.add(value));
    facts.percents.forEach((value) => percents.add(value));
    if (facts.free) freeLines.push(line);
    // An earlier reply's amount that is only the prospect's figure stays theirs (it was said back as theirs).
    for (const { code, value } of facts.amounts) {
      if (prospectValues.has(value)) continue;
      if (sameCurrency(code, catalogue)) allowed.add(value);
      else allowedForeign.add(`${code}:${value}`);
    }
  }

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
  const prospectsOwn = (span: Span, clause: string, foreign: boolean): boolean => {
    const values = span.values.filter((value) => (foreign ? prospectForeign.has(`${span.code}:${value}`) : prospectValues.has(value)));
    if (values.length === 0 || AGREEMENT.test(clause)) return false;
    const plan = namesPlan(clause);
    const budgetLike = BUDGET_CONTEXT.test(clause);
    if ((budgetLike || ATTRIBUTION.test(clause)) && !plan) return true;
    if (budgetLike && values.some((value) => budgetValues.has(value))) return true;
    if (ASSENT.test(clause)) return false;
    const priceLike = plan || PRICE_CONTEXT.test(clause);
    if (!priceLike && values.some((value) => !floatedValues.has(value))) return true;
    // Their budget, said back without the word, where no plan nor seat is named ("noted: $600 a month").
    return values.some((value) => budgetValues.has(value)) && !plan && !SEAT_CONTEXT.test(clause);
  };

  /** "Pro is free" (not its trial, not its guests, not "not free"), unless a vouched line says so of that plan. */
  const freeClaim = (clause: string): boolean => {
    if (!namesPlan(clause) || FREE_EXCEPT.test(clause)) return false;
    return !freeLines.some((line) => planPatterns.some((pattern) => pattern.test(line) && pattern.test(clause)));
  };

  /** 'ok', 'bad', or 'wait' (its clause or its cents are not complete yet and only they can say). */
  const decide = (span: Span, text: string, final: boolean): 'ok' | 'bad' | 'wait' => {
    const foreign = span.kind === 'money' && span.code !== '' && !sameCurrency(span.code, catalogue);
    if (span.wordCurrency && !final && centsMayFollow(text.slice(span.end, span.end + 61))) return 'wait';
    const free = span.kind === 'free' || (span.kind === 'money' && span.values.includes(0));
    if (!free && span.kind === 'money' && (foreign ? span.values.some((value) => allowedForeign.has(`${span.code}:${value}`)) : span.values.some((value) => allowed.has(value)))) return 'ok';
    if (span.kind === 'percent' && span.values.some((value) => percents.has(value))) return 'ok';
    const after = text.slice(span.end, span.end + CLAUSE_WAIT);
    const end = CLAUSE_END.exec(after);
    if (!end && !final && after.length < CLAUSE_WAIT) return 'wait';
    const clauseEnd = span.end + (end ? end.index : after.length);
    const whole = released + text.slice(0, clauseEnd);
    const offset = released.length;
    const clause = clauseAround(whole, offset + span.start, offset + span.end);
    if (free) return freeClaim(clause) ? 'bad' : 'ok';
    // A number with no currency is a price only in a sentence about prices ("integrations: 5 per user" is not).
    if (span.kind === 'money' && span.code === '') {
      const sentence = sentenceBefore(whole, offset + span.start) + clause;
      if (!namesPlan(sentence) && !PRICE_WORDS.test(sentence)) return 'ok';
    }
    if (span.kind === 'percent') return !DISCOUNT_CONTEXT.test(clause) || prospectsOwn(span, clause, false) ? 'ok' : 'bad';
    if (!foreign) {
      // The reply's quantities so far ("for your 20 seats … $580"): its last few sentences are enough.
      learnQuantities(whole.slice(-QUANTITY_WINDOW), true);
      const kind = { compares: COMPARES.test(clause), plans: plansIn(clause) };
      if (span.values.some((value) => isArithmetic(value, rates, conversation, kind) || isPair(value))) return 'ok';
      const rounded = span.scaled || APPROXIMATELY.test(whole.slice(Math.max(0, offset + span.start - 30), offset + span.start));
      if (rounded && span.values.some((value) => isRounding(value, [...allowed, ...said], rates, conversation, kind))) return 'ok';
    }
    return prospectsOwn(span, clause, foreign) ? 'ok' : 'bad';
  };

  /** Numbers in a price's place with no currency, percentages and "free" in what may be decided (`text` up to `cut`). */
  const candidates = (cut: number, final: boolean): Candidate[] => {
    const text = held.slice(0, cut);
    const spans: Candidate[] = [...amountSpans(text), ...percentSpans(text)];
    const taken = (start: number, end: number) => spans.some((span) => start < span.end && span.start < end);
    for (const match of MAY_BE_FREE.test(text) ? text.matchAll(FREE) : []) {
      if (!taken(match.index, match.index + match[0].length)) spans.push({ start: match.index, end: match.index + match[0].length, values: [0], kind: 'free', code: '' });
    }
    // Number words before a per-seat or billing unit ("twenty-nine per seat").
    for (const words of MAY_HAVE_UNIT.test(text) ? wordNumbers(text, WORDS_BEFORE_UNIT) : []) {
      const end = words.end - words.after.length;
      if (!taken(words.start, end)) spans.push({ start: words.start, end, values: words.values.map((value) => value * 100), kind: 'money', code: '' });
    }
    if (/\p{Nd}/u.test(text)) {
      for (const match of text.matchAll(ANY_NUMBER)) {
        const start = match.index;
        const end = start + match[0].length;
        if (taken(start, end)) continue;
        const before = (start < 60 ? released.slice(-60) : '') + text.slice(Math.max(0, start - 60), start);
        const after = held.slice(end, end + 30);
        const range = RANGE_END_BEFORE.exec(before);
        const previous = before.at(-1) ?? '';
        if (!range && /[\p{L}\p{N}.,:/#@_\-–—+×*]/u.test(previous) && !/[*_]/u.test(previous)) continue;
        if (/^(?:[:.,]\p{Nd}|[%٪\p{L}])/u.test(after) && !/^[*_]/u.test(after)) continue;
        const span: Candidate = { start, end, values: amountCandidates(match[0]), kind: 'money', code: range ? rangeCode(range[0]) : '' };
        if (UNIT_AFTER.test(after)) spans.push(span);
        else if (!final && end + 30 > held.length && unitMayFollow(after)) spans.push({ ...span, pending: true });
        else if (range || PRICE_BEFORE.test(before) || planColon.test(before)) {
          if (range || PRICE_FOLLOWER.test(after)) spans.push(span);
          else if (!final && /^[*_\s\u00a0]*\p{L}*$/u.test(after)) spans.push({ ...span, pending: true });
        }
      }
    }
    return spans.sort((a, b) => a.start - b.start);
  };

  /** Releases what of `held` can be decided; keeps the rest. */
  const drain = (final: boolean): string => {
    const cut = final ? held.length : openTailStart(held);
    let out = '';
    let at = 0;
    let stop = cut;
    for (const span of candidates(cut, final)) {
      if (span.start < at) continue;
      const verdict = span.pending ? 'wait' : decide(span, held, final);
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
