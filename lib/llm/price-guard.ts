import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';

/**
 * The price guard on a configured model's reply (docs/sales-brain.md, "Prices"): every amount of money it writes must be
 * one the turn can vouch for — a catalogue price (per seat per month, or per seat per year), a figure of a tool's answer
 * this turn (get_pricing's totals), an amount next to a currency sign in the system prompt or the earlier replies it was
 * sent (quotes remembered from earlier turns, the budget on record), or a number the prospect wrote. Any other amount
 * ("Pro is $99 per seat") is replaced, as it streams, by a marker in the reply's language, and the reply is flagged, so
 * a made-up price never reaches the prospect nor the stored conversation. The offline agent writes only the tool's
 * figures and is not guarded.
 *
 * Streaming: text is released as it comes except a tail that could still be part of an amount ("$2," before "673"),
 * which waits for the next delta (a few characters at most) or the end of the text.
 */

const SPACE = '[\\s\\u00a0\\u202f]';
const CURRENCY = '(?:US-Dollar\\b|US\\$|USD\\b|EUR\\b|GBP\\b|[$€£]|\\b(?:dollars?|d[oó]lar(?:es)?|euros?|Dollar)\\b|دولار)';
/** A number as people write it: "29", "5,760", "5.760", "5 760", "24.50", "24,50". */
const NUMBER = `(?:\\d{1,3}(?:[\\u00a0\\u202f ]\\d{3})+(?:[.,]\\d{1,2})?|\\d(?:[\\d,.']*\\d)?)`;
const SCALE = `(?:${SPACE}?(?:k|K)\\b|${SPACE}?(?:million|mil)\\b)?`;
/** An amount with its currency before ("$2,673", "USD 29") or after ("2 673 $", "29 dólares"). */
const AMOUNT = new RegExp(`${CURRENCY}${SPACE}?(${NUMBER})${SCALE}|(${NUMBER})${SCALE}${SPACE}?${CURRENCY}`, 'giu');
const ANY_NUMBER = new RegExp(NUMBER, 'g');
/** A tail that may still grow into an amount: digits, then a currency sign or the start of a word ("29 dól…"). */
const RUN = "\\d[\\d,.'\\u00a0\\u202f ]*";
// (A currency sign before the digits is held with them, so that the two are always checked together.)
const PREFIX = `(?:${CURRENCY}${SPACE}*)?`;
const OPEN_TAIL = new RegExp(`${PREFIX}${RUN}$|${PREFIX}(?:${RUN})?${CURRENCY}${SPACE}*$|${PREFIX}${RUN}\\p{L}{1,8}$`, 'iu');

/** The values (in cents) a written number may mean: "5.760" is 5760 or 5.76; "24,50" is 24.50 or 2450. */
export function amountCandidates(written: string, scale = ''): number[] {
  const digits = written.replace(/[\s\u00a0\u202f']/g, '');
  const factor = /^k$/i.test(scale.trim()) ? 1_000 : /^mil/i.test(scale.trim()) ? 1_000_000 : 1;
  const values = new Set<number>();
  const add = (text: string) => {
    const value = Number(text);
    if (Number.isFinite(value)) values.add(Math.round(value * factor * 100));
  };
  const commas = (digits.match(/,/g) ?? []).length;
  const dots = (digits.match(/\./g) ?? []).length;
  if (commas > 0 && dots > 0) {
    const decimal = digits.lastIndexOf(',') > digits.lastIndexOf('.') ? ',' : '.';
    const other = decimal === ',' ? /\./g : /,/g;
    add(digits.replace(other, '').replace(decimal, '.'));
  } else {
    add(digits.replace(/[.,]/g, ''));
    if (commas + dots === 1) add(digits.replace(',', '.'));
  }
  return [...values];
}

export interface PriceGuardSources {
  kb: KnowledgeBase;
  /** Texts whose currency amounts are vouched for: the system prompt, the earlier replies sent to the model. */
  vouched: readonly string[];
  /** Texts every number of which may be repeated: what the prospect wrote. */
  prospect: readonly string[];
}

export interface PriceGuard {
  /** A tool's answer this turn: its numbers become sayable. */
  allowTool(output: unknown): void;
  /** Text to release now (possibly empty) for this delta. */
  push(delta: string): string;
  /** Releases what is held back (the text ended, or something else is written next). */
  flush(): string;
  /** The amounts replaced so far, as written. */
  readonly replaced: readonly string[];
}

export function createPriceGuard(sources: PriceGuardSources, marker: string): PriceGuard {
  const allowed = new Set<number>();
  const allowNumbers = (text: string) => {
    for (const match of text.matchAll(ANY_NUMBER)) amountCandidates(match[0]).forEach((value) => allowed.add(value));
  };
  // Nothing ("guests are $0"), and each plan's prices per seat per month and per year, and what annual billing saves.
  allowed.add(0);
  for (const plan of sources.kb.plans) {
    const { pricePerSeatMonthly: monthly, pricePerSeatMonthlyAnnual: annual } = plan;
    const perSeat = [monthly, annual, monthly !== null && annual !== null ? monthly - annual : null];
    for (const price of perSeat) {
      if (price === null) continue;
      allowed.add(Math.round(price * 100));
      allowed.add(Math.round(price * 12 * 100));
    }
  }
  for (const text of sources.vouched) {
    for (const match of text.matchAll(AMOUNT)) {
      const written = match[1] ?? match[2];
      if (written) amountCandidates(written, scaleOf(match[0])).forEach((value) => allowed.add(value));
    }
  }
  sources.prospect.forEach(allowNumbers);

  let held = '';
  const replaced: string[] = [];
  const check = (text: string) =>
    text.replace(AMOUNT, (whole: string, before?: string, after?: string) => {
      const written = before ?? after ?? '';
      if (amountCandidates(written, scaleOf(whole)).some((value) => allowed.has(value))) return whole;
      replaced.push(whole);
      return marker;
    });
  return {
    allowTool(output) {
      allowNumbers(typeof output === 'string' ? output : JSON.stringify(output ?? null));
    },
    push(delta) {
      held += delta;
      const tail = OPEN_TAIL.exec(held);
      const cut = tail && tail[0].length > 0 ? tail.index : held.length;
      const ready = held.slice(0, cut);
      held = held.slice(cut);
      return ready ? check(ready) : '';
    },
    flush() {
      const rest = held;
      held = '';
      return rest ? check(rest) : '';
    },
    get replaced() {
      return replaced;
    },
  };
}

function scaleOf(whole: string): string {
  return /\d[\s\u00a0\u202f]?(k|mil(?:lion)?)\b/iu.exec(whole)?.[1] ?? '';
}
