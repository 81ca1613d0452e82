import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';

/**
 * The price guard on a configured model's reply (docs/sales-brain.md, "Prices"): every amount of money it writes must be
 * one the turn can vouch for —
 * - a catalogue price (per seat per month, or per seat per year, and what annual billing saves per seat);
 * - exact arithmetic on those and the quantities of the conversation: price × seats × months, where the seats are a
 *   number the prospect wrote, a tool's `seats`, or a number (digits or words) written next to "seats"/"people"/"×" in
 *   the prompt, the earlier replies or this reply, and the months are 1, 12, or a number of months or years written the
 *   same way ("Pro, $24 × 15 seats × 12 = $4,320"); annual billing's saving only by whole years. No other arithmetic:
 *   no other discount (the policy's maximum is the sales team's to grant), no sum of two plans, no difference of plans;
 * - a figure of a tool's answer this turn (get_pricing's totals);
 * - an amount in the system prompt or the earlier replies it was sent (the catalogue, quotes remembered), except the
 *   prospect's own words quoted there (the memory's "they said" lines, the summary's "Prospect said/asked" lines);
 * - a number the prospect wrote, but only as their own figure: not in a clause that reads as a price of ours (a plan's
 *   name, "per seat", "a month", "costs"…), unless the clause names their budget ("your budget of $600 per month"); and
 *   a number they floated as a price ("is Pro $7 per seat?") only in their budget's clause. So "is it $7 per seat?"
 *   makes neither "Yes, $7 per seat" nor "Yes, that would be $7" sayable.
 * Any other amount ("Pro is $99 per seat") is replaced, as it streams, by a marker in the reply's language, and the
 * reply is flagged, so a made-up price never reaches the prospect nor the stored conversation. The offline agent writes
 * only the tool's figures and is not guarded.
 *
 * Amounts are read in digits of any script ("٢٩ $", "٢٬٨٨٠ $"), with the grouping and decimal styles in use ("$2,880",
 * "2.880 $", "2 880 $", "2'880 $", "29,00 €", "$4.9k", "2 mil dólares"), and in words before a currency word in English,
 * Spanish, French and German ("twenty-nine dollars", "veintinueve dólares", "vingt-neuf dollars", "neunundzwanzig
 * Dollar"). Not read: amounts in Arabic words, cents in words ("… and fifty cents"), a currency word before words.
 *
 * Streaming: text is released as it comes except a tail that could still be part of an amount ("$2," before "673",
 * "twenty" before "-nine dollars"), which waits for the next delta or the end of the text; an amount only a prospect's
 * number or the conversation's arithmetic can vouch for also waits for the end of its clause (what follows says whether
 * it is a price: "$5" then " per seat"), at most CLAUSE_WAIT characters.
 */

const SPACE = '[\\s\\u00a0\\u202f\\u2009]';
const D = '\\p{Nd}';
const CURRENCY_WORD = '(?:(?:US[\\s-]|U\\.S\\.\\s)?dollars?|d[oó]lar(?:es)?|euros?|(?:US-)?Dollar|دولار\\p{L}*)';
const CURRENCY = `(?:US\\$|USD(?![\\p{L}\\p{N}])|EUR(?![\\p{L}\\p{N}])|GBP(?![\\p{L}\\p{N}])|[$€£]|(?<!\\p{L})${CURRENCY_WORD}(?!\\p{L}))`;
/** A number as people write it: "29", "5,760", "5.760", "5 760", "5'760", "24.50", "24,50", "٢٬٨٨٠", "٢٤٫٥٠". */
const NUMBER = `(?:${D}{1,3}(?:[\\u00a0\\u202f\\u2009 ]${D}{3})+(?:[.,\\u066b]${D}{1,2})?|${D}(?:[${D},.'’\\u066b\\u066c]*${D})?)`;
const SCALE_WORDS = "k|K|thousand|mil|mille|tausend|Tsd\\.?|millions?|mill[oó]n(?:es)?|Millionen|Mio\\.?|M|mn";
const SCALE = `(?:${SPACE}?(?:${SCALE_WORDS})(?![\\p{L}\\p{N}]))?`;
/** An amount with its currency before ("$2,673", "USD 29") or after ("2 673 $", "29 dólares", "5 thousand dollars"). */
const AMOUNT = new RegExp(`${CURRENCY}${SPACE}?(${NUMBER})${SCALE}|(${NUMBER})${SCALE}${SPACE}?${CURRENCY}`, 'giu');
const ANY_NUMBER = new RegExp(NUMBER, 'gu');
/** A tail that may still grow into an amount: digits, then a currency sign or the start of a word ("29 dól…"). */
const RUN = `${D}[${D},.'’\\u066b\\u066c\\u00a0\\u202f\\u2009 ]*`;
// (A currency sign before the digits is held with them, so that the two are always checked together.)
const PREFIX = `(?:${CURRENCY}${SPACE}*)?`;
const OPEN_TAIL = new RegExp(`${PREFIX}${RUN}$|${PREFIX}(?:${RUN})?(?:${CURRENCY}|(?<!\\p{L})(?:US|U\\.S\\.?|U\\.?))${SPACE}*$|${PREFIX}${RUN}\\p{L}{1,10}\\.?$`, 'iu');
/** How long an amount waits for the end of its clause before it is decided on what came. */
const CLAUSE_WAIT = 120;
/** How far back in the reply an amount looks for the seats or months it was worked out from. */
const QUANTITY_WINDOW = 600;

/** An ASCII copy of the digits of any script ("٢٩" → "29"): Unicode digits come in runs of ten, zero first. */
export function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    if (digit >= '0' && digit <= '9') return digit;
    const code = digit.codePointAt(0) ?? 48;
    let start = code;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
    return String((code - start) % 10);
  });
}

/** The values (in cents) a written number may mean: "5.760" is 5760, "24,50" is 24.50, "1.5" (with a scale) is 1.5. */
export function amountCandidates(written: string, scale = ''): number[] {
  const text = asciiDigits(written).replace(/[\s\u00a0\u202f\u2009]/g, ' ');
  const factors = scaleFactors(scale.trim());
  const values = new Set<number>();
  for (const value of numberReadings(text, factors[0] !== 1)) {
    for (const factor of factors) values.add(Math.round(value * factor * 100));
  }
  return [...values];
}

function scaleFactors(scale: string): number[] {
  if (scale === '') return [1];
  if (/^(?:k|thousand|mille|tausend|tsd\.?)$/i.test(scale)) return [1_000];
  // "mil" is a thousand in Spanish ("2 mil dólares") and a million in English slang ("$2 mil").
  if (/^mil$/i.test(scale)) return [1_000, 1_000_000];
  return [1_000_000];
}

/**
 * The readings of a number's separators: each is grouping (the groups after the first have three digits, or two then
 * three in the Indian style) unless it is the last one and has one or two digits after it (any number with a scale:
 * "4.25k"), when it is the decimal point. "٬" only groups, "٫" only marks decimals.
 */
function numberReadings(text: string, scaled: boolean): number[] {
  const parts = text.split(/([,.'’ \u066b\u066c])/);
  const groups = parts.filter((_, index) => index % 2 === 0);
  const seps = parts.filter((_, index) => index % 2 === 1);
  if (seps.length === 0) return [Number(text)];
  const readings: number[] = [];
  const grouped = (gs: string[], ss: string[]) => {
    if (ss.length === 0) return true;
    if (ss.some((sep) => sep === '\u066b') || new Set(ss.map((sep) => (sep === ' ' ? ' ' : sep))).size > 1) return false;
    const [first = '', ...rest] = gs;
    if (first.length < 1 || first.length > 3 || rest.at(-1)?.length !== 3) return false;
    const middle = rest.slice(0, -1);
    return middle.every((group) => group.length === 3) || middle.every((group) => group.length === 2);
  };
  if (grouped(groups, seps)) readings.push(Number(groups.join('')));
  const last = seps.at(-1) ?? '';
  const decimals = groups.at(-1) ?? '';
  if (/[.,\u066b]/.test(last) && (scaled ? decimals.length >= 1 : decimals.length <= 2) && grouped(groups.slice(0, -1), seps.slice(0, -1)) && !seps.slice(0, -1).includes(last)) {
    readings.push(Number(`${groups.slice(0, -1).join('')}.${decimals}`));
  }
  return readings.filter(Number.isFinite);
}

// ---------------------------------------------------------------------------------------------------------------------
// Amounts in words

type Morpheme = { value: number; kind: 'add' | 'hundred' | 'thousand' | 'million' };
const WORD_VALUES: Record<string, number> = {
  // English
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  // Spanish (accents removed before lookup)
  cero: 0, un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9,
  diez: 10, once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieci: 10, veinte: 20, veinti: 20, treinta: 30,
  cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90, doscientos: 200, doscientas: 200,
  trescientos: 300, trescientas: 300, cuatrocientos: 400, cuatrocientas: 400, quinientos: 500, quinientas: 500,
  seiscientos: 600, seiscientas: 600, setecientos: 700, setecientas: 700, ochocientos: 800, ochocientas: 800,
  novecientos: 900, novecientas: 900,
  // French
  une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13,
  quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  // German (ß as ss, umlauts without their dots)
  null: 0, ein: 1, eins: 1, eine: 1, einen: 1, zwei: 2, drei: 3, vier: 4, funf: 5, sechs: 6, sech: 6, sieben: 7, sieb: 7,
  acht: 8, neun: 9, zehn: 10, elf: 11, zwolf: 12, zwanzig: 20, dreissig: 30, vierzig: 40, funfzig: 50, sechzig: 60,
  siebzig: 70, achtzig: 80, neunzig: 90,
};
const MULTIPLIERS: Record<string, Morpheme['kind']> = {
  hundred: 'hundred', cien: 'hundred', ciento: 'hundred', cent: 'hundred', cents: 'hundred', hundert: 'hundred',
  thousand: 'thousand', mil: 'thousand', mille: 'thousand', tausend: 'thousand',
  million: 'million', millions: 'million', millon: 'million', millones: 'million', millionen: 'million',
};
/** Joining words inside a number ("one hundred and twenty", "treinta y nueve", "vingt et un", "neunundzwanzig"). */
const CONNECTORS = new Set(['and', 'y', 'et', 'und']);
/** "One" that is an article before a currency word. */
const ARTICLES = new Set(['un', 'una', 'une', 'ein', 'eine', 'einen']);
const MORPHEMES: [string, Morpheme | null][] = [
  ...Object.entries(WORD_VALUES).map(([word, value]): [string, Morpheme] => [word, { value, kind: 'add' }]),
  ...Object.entries(MULTIPLIERS).map(([word, kind]): [string, Morpheme] => [word, { value: 0, kind }]),
  ['und', null] as [string, Morpheme | null],
].sort((a, b) => b[0].length - a[0].length);
const MORPHEMES_BY_LETTER = new Map<string, [string, Morpheme | null][]>();
for (const entry of MORPHEMES) MORPHEMES_BY_LETTER.set(entry[0][0] ?? '', [...(MORPHEMES_BY_LETTER.get(entry[0][0] ?? '') ?? []), entry]);

const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');

/** A word's number morphemes ("neunundzwanzig" → 9, 20; "veintinueve" → 20, 9), or undefined if it is not a number. */
function segment(word: string, partial = false): (Morpheme | null)[] | undefined {
  const text = fold(word);
  const memo = new Map<number, (Morpheme | null)[] | undefined>();
  const from = (at: number): (Morpheme | null)[] | undefined => {
    if (at === text.length) return [];
    if (memo.has(at)) return memo.get(at);
    let found: (Morpheme | null)[] | undefined;
    for (const [morph, meaning] of MORPHEMES_BY_LETTER.get(text[at] ?? '') ?? []) {
      if (text.startsWith(morph, at)) {
        const rest = from(at + morph.length);
        if (rest) {
          found = [meaning, ...rest];
          break;
        }
      } else if (partial && morph.startsWith(text.slice(at))) {
        found = [];
        break;
      }
    }
    memo.set(at, found);
    return found;
  };
  const parts = from(0);
  // A lone joining word is not a number.
  return parts && (partial || parts.some((part) => part !== null)) ? parts : undefined;
}

/** The value of number morphemes in order: "two hundred and forty" → 240, "quatre vingt dix neuf" → 99. */
function wordValue(parts: (Morpheme | null)[]): number | undefined {
  let total = 0;
  let current = 0;
  const list = parts.filter((part): part is Morpheme => part !== null);
  for (let index = 0; index < list.length; index++) {
    const part = list[index] as Morpheme;
    const next = list[index + 1];
    // French "quatre-vingt(s)": four twenties.
    if (part.kind === 'add' && part.value === 4 && next?.kind === 'add' && next.value === 20) {
      current += 80;
      index += 1;
      continue;
    }
    if (part.kind === 'add') current += part.value;
    else if (part.kind === 'hundred') current = (current % 100 || 1) * 100 + (current - (current % 100));
    else {
      total += (current || 1) * (part.kind === 'thousand' ? 1_000 : 1_000_000);
      current = 0;
    }
  }
  return list.length > 0 ? total + current : undefined;
}

interface Span {
  start: number;
  end: number;
  /** Cents. */
  values: number[];
}

const CURRENCY_AFTER_WORD = new RegExp(`(?<=\\p{L})(?:${SPACE}+|-)(${CURRENCY_WORD})(?!\\p{L})`, 'giu');

/** Amounts in words just before a currency word: "twenty-nine dollars", "doscientos cuarenta dólares". */
function wordAmounts(text: string): Span[] {
  return wordNumbers(text, CURRENCY_AFTER_WORD).map((span) => ({ ...span, values: span.values.map((value) => value * 100) }));
}

/** Numbers in words just before what `after` matches (a currency word, "seats", "years"), as spans up to its end. */
function wordNumbers(text: string, after: RegExp): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(after)) {
    const words: { start: number; parts: (Morpheme | null)[] }[] = [];
    let at = match.index;
    for (;;) {
      const before = /(\p{L}+)$/u.exec(text.slice(0, at));
      if (!before) break;
      const parts = CONNECTORS.has(fold(before[1] ?? '')) ? [null] : segment(before[1] ?? '');
      if (!parts) break;
      words.unshift({ start: before.index, parts });
      const gap = /(?:[\s\u00a0]+|-)$/u.exec(text.slice(0, before.index));
      if (!gap || words.length >= 12) break;
      at = gap.index;
    }
    while (words.length > 0 && words[0]?.parts.every((part) => part === null)) words.shift();
    // "ni un dólar más", "pas un euro de plus": an article, not an amount.
    if (words.length === 1 && ARTICLES.has(fold(text.slice(words[0]?.start ?? 0, match.index)))) continue;
    const value = wordValue(words.flatMap((word) => word.parts));
    if (words[0] && value !== undefined) spans.push({ start: words[0].start, end: match.index + match[0].length, values: [value] });
  }
  return spans;
}

/** Digits (and a currency sign) just before a tail of words, which may be their scale ("5 " + "thousand dollars"). */
const DIGITS_BEFORE = new RegExp(`${PREFIX}${RUN}$`, 'iu');
/** Currency words being written ("dól", "US"), which a number in words may still be waiting for. */
const CURRENCY_STARTS = ['dollar', 'dollars', 'dolar', 'dolares', 'euro', 'euros', 'us', 'u.s.'];

/** Where a tail of number words (and a word still being written) starts, so that it waits for a currency word. */
function wordTailStart(text: string): number | undefined {
  let at = text.length;
  let start: number | undefined;
  const last = /(\p{L}+)$/u.exec(text);
  if (last) {
    const word = fold(last[1] ?? '');
    const growing = segment(word, true) !== undefined || [...CONNECTORS, ...CURRENCY_STARTS].some((whole) => whole.startsWith(word));
    if (!growing) return undefined;
    start = last.index;
    at = last.index;
  }
  for (;;) {
    const gap = /(?:[\s\u00a0]+|-)$/u.exec(text.slice(0, at));
    if (!gap) break;
    const before = /(\p{L}+)$/u.exec(text.slice(0, gap.index));
    if (!before) break;
    const word = before[1] ?? '';
    if (!CONNECTORS.has(fold(word))) {
      if (!segment(word)) break;
      start = before.index;
    }
    at = before.index;
  }
  return start;
}

// ---------------------------------------------------------------------------------------------------------------------
// Context: what kind of clause an amount sits in

/** Words that make an amount a price of ours: a unit, a billing period, a price verb or noun. */
const PRICE_CONTEXT = new RegExp(
  [
    '\\b(?:per|a|an|each|every)\\s+(?:seat|user|licen[cs]e|month|year|person|member|head)',
    '/\\s*(?:seat|user|mo|month|yr|year)',
    '\\b(?:monthly|annually|yearly|billed|costs?|priced?|prices|pricing|charges?|fees?|plan|tier|list price|each)\\b',
    'por\\s+(?:usuario|asiento|puesto|licencia|persona|mes|año)|al\\s+(?:mes|año)|mensual|anual|cuestan?|precio|coste|costo|tarifa',
    'par\\s+(?:utilisateur|siège|poste|licence|personne|mois|an)|mensuel|annuel|coûte|prix|tarif|forfait|formule',
    'pro\\s+(?:Nutzer|Benutzer|Platz|Lizenz|Person|Monat|Jahr)|im\\s+Monat|monatlich|jährlich|kostet|Preis|Tarif',
    'لكل|شهري|سنوي|سعر|يكلف|تكلفة|الخطة|باقة',
  ].join('|'),
  'iu',
);
/** Words that make an amount the prospect's own budget. */
const BUDGET_CONTEXT = /budget|presupuesto|ميزاني|afford|spend|gastar|dépenser|ausgeben|permitir/iu;
/** Words that tie an amount to seats (a per-seat price), checked with the plan names. */
const SEAT_CONTEXT = /seat|user|licen[cs]e|usuario|asiento|puesto|licencia|utilisateur|siège|poste|Nutzer|Platz|Lizenz|مستخدم|مقعد/iu;
/** Where a clause ends: a sentence's end, a semicolon, a comma or dash between words, a line break. */
const CLAUSE_END = /[.!?](?=\s|$)|[;\n。؟،]|,(?=\s)|\s[—–]\s/u;
const CLAUSE_ENDS = new RegExp(CLAUSE_END.source, 'gu');

const UNIT_SEATS = 'seats?|users?|people|persons?|members?|employees?|licen[cs]es?|personas?|usuarios?|asientos?|puestos?|licencias?|empleados?|personnes?|utilisateurs?|sièges?|postes?|licences?|salariés?|Nutzer\\p{L}*|Benutzer\\p{L}*|Pl[aä]tze?|Lizenz\\p{L}*|Mitarbeite\\p{L}*|Personen|مستخدم\\p{L}*|مقعد\\p{L}*|موظف\\p{L}*|شخص\\p{L}*';
const SEAT_NUMBER = new RegExp(`(${D}+)${SPACE}?-?${SPACE}?(?:${UNIT_SEATS})(?!\\p{L})|(?:(?:[×*]|(?<!\\p{L})x)${SPACE}?(${D}+)(?![${D}.,]${D}))|(?<![${D}.,])(${D}+)${SPACE}?(?:[×*]|x(?!\\p{L}))`, 'giu');
const UNIT_MONTHS = 'months?|meses|mois|Monate?n?|شهر\\p{L}*|أشهر';
const UNIT_YEARS = 'years?|años?|ans?|années?|Jahre?n?|سن\\p{L}*|عام\\p{L}*';
const MONTHS_NUMBER = new RegExp(`(${D}+)${SPACE}?-?${SPACE}?(?:${UNIT_MONTHS})(?!\\p{L})`, 'giu');
const YEARS_NUMBER = new RegExp(`(${D}+)${SPACE}?-?${SPACE}?(?:${UNIT_YEARS})(?!\\p{L})`, 'giu');
/** The same in words: "twenty seats", "two years", "zwölf Monate". */
const wordsBefore = (units: string) => new RegExp(`(?<=\\p{L})(?:${SPACE}+|-)(?:${units})(?!\\p{L})`, 'giu');
const SEATS_AFTER_WORD = wordsBefore(UNIT_SEATS);
const MONTHS_AFTER_WORD = wordsBefore(UNIT_MONTHS);
const YEARS_AFTER_WORD = wordsBefore(UNIT_YEARS);

/** The seat counts and numbers of months (years × 12) a text states, in digits or in words. */
function quantitiesIn(text: string): { seats: number[]; months: number[] } {
  const words = (after: RegExp) => wordNumbers(text, after).flatMap((span) => span.values);
  return {
    seats: [...integersIn(text, SEAT_NUMBER), ...words(SEATS_AFTER_WORD)],
    months: [...integersIn(text, MONTHS_NUMBER), ...words(MONTHS_AFTER_WORD), ...[...integersIn(text, YEARS_NUMBER), ...words(YEARS_AFTER_WORD)].map((years) => years * 12)],
  };
}
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

const HAS_DIGIT = /\p{Nd}/u;
const HAS_CURRENCY_WORD = /d[oó]ll?ar|euro|دولار/iu;

/** Every amount of money in a text, in order: digits (any script, any style) and words before a currency word. */
function amountSpans(text: string): Span[] {
  const spans: Span[] = [];
  // (Cheap tests first: most deltas have no digit and no currency word.)
  if (!HAS_DIGIT.test(text) && !HAS_CURRENCY_WORD.test(text)) return spans;
  for (const match of text.matchAll(AMOUNT)) {
    const written = match[1] ?? match[2] ?? '';
    spans.push({ start: match.index, end: match.index + match[0].length, values: amountCandidates(written, scaleOf(match[0])) });
  }
  for (const span of HAS_CURRENCY_WORD.test(text) ? wordAmounts(text) : []) {
    if (!spans.some((other) => span.start < other.end && other.start < span.end)) spans.push(span);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** A vouched line's amounts and quantities. Most lines (the plans, the rules, earlier replies) recur every turn. */
interface LineFacts {
  amounts: number[];
  seats: number[];
  months: number[];
}
const LINE_FACTS = new Map<string, LineFacts>();
const LINE_FACTS_MAX = 5_000;
function lineFacts(line: string): LineFacts {
  const known = LINE_FACTS.get(line);
  if (known) return known;
  const facts: LineFacts = { amounts: amountSpans(line).flatMap((span) => span.values), ...quantitiesIn(line) };
  if (LINE_FACTS.size >= LINE_FACTS_MAX) LINE_FACTS.clear();
  LINE_FACTS.set(line, facts);
  return facts;
}

const integersIn = (text: string, pattern: RegExp): number[] =>
  [...text.matchAll(pattern)].flatMap((match) => match.slice(1).filter((group): group is string => group !== undefined).map((group) => Number(asciiDigits(group))));

export function createPriceGuard(sources: PriceGuardSources, marker: string): PriceGuard {
  /** Amounts that may be said anywhere. */
  const allowed = new Set<number>([0]);
  /** Per-seat prices the arithmetic starts from: each plan's, at each billing, and what annual billing saves. */
  // (What annual billing saves per seat is only multiplied by whole years: "$900 a year for 15 seats", never by any
  // number of months or seats alone, where its small value would make too many numbers "exact".)
  const perSeat: { cents: number; yearly: boolean }[] = [];
  for (const plan of sources.kb.plans) {
    const { pricePerSeatMonthly: monthly, pricePerSeatMonthlyAnnual: annual } = plan;
    const prices = [monthly, annual].map((price) => ({ price, yearly: false }));
    if (monthly !== null && annual !== null) prices.push({ price: monthly - annual, yearly: true });
    for (const { price, yearly } of prices) {
      if (price === null || price <= 0) continue;
      perSeat.push({ cents: Math.round(price * 100), yearly });
      allowed.add(Math.round(price * 100));
      allowed.add(Math.round(price * 12 * 100));
    }
  }
  const prospectTexts = [...sources.prospect];
  const vouchedLines: string[] = [];
  for (const text of sources.vouched) {
    for (const line of text.split('\n')) (PROSPECT_LINE.test(line) ? prospectTexts : vouchedLines).push(line);
  }
  // A plan's name as written in the catalogue ("Pro", not German "pro Nutzer"); its lower-case aliases in any case.
  const planPatterns = sources.kb.plans
    .flatMap((plan) => [plan.name, ...plan.aliases])
    .filter((name) => name.length >= 3)
    .map((name) => new RegExp(`(?<!\\p{L})${escapeRegExp(name)}(?!\\p{L})`, name === name.toLowerCase() ? 'iu' : 'u'));
  const namesPlan = (clause: string) => planPatterns.some((pattern) => pattern.test(clause));
  /**
   * The prospect's figures; those of them that are their budget; and those they floated as a price of ours ("is Pro $7
   * per seat?"), which only their budget's clause may repeat.
   */
  const prospectValues = new Set<number>();
  const budgetValues = new Set<number>();
  const floatedValues = new Set<number>();
  const noteProspectFigure = (text: string, start: number, end: number, values: readonly number[]) => {
    values.forEach((value) => prospectValues.add(value));
    const clause = clauseAround(text, start, end);
    if (BUDGET_CONTEXT.test(clause)) values.forEach((value) => budgetValues.add(value));
    else if (PRICE_CONTEXT.test(clause) || namesPlan(clause)) values.forEach((value) => floatedValues.add(value));
  };
  const seats = new Set<number>([1]);
  const months = new Set<number>([1, 12]);
  const learnQuantities = (text: string) => {
    const found = quantitiesIn(text);
    found.seats.forEach((value) => seats.add(value));
    found.months.forEach((value) => months.add(value));
  };
  for (const text of prospectTexts) {
    learnQuantities(text);
    const amounts = amountSpans(text);
    for (const match of text.matchAll(ANY_NUMBER)) {
      noteProspectFigure(text, match.index, match.index + match[0].length, amountCandidates(match[0]));
      // Any whole number the prospect wrote may be their team size, unless it is an amount of money ("$300").
      const money = amounts.some((span) => span.start <= match.index && match.index < span.end);
      if (!money && /^\p{Nd}+$/u.test(match[0])) seats.add(Number(asciiDigits(match[0])));
    }
    for (const span of amounts) noteProspectFigure(text, span.start, span.end, span.values);
  }
  for (const line of vouchedLines) {
    const facts = lineFacts(line);
    facts.seats.forEach((value) => seats.add(value));
    facts.months.forEach((value) => months.add(value));
    // An earlier reply's amount that is only the prospect's figure stays theirs (it was said back as theirs).
    facts.amounts.filter((value) => !prospectValues.has(value)).forEach((value) => allowed.add(value));
  }

  /** A price × seats × months the conversation makes exact. */
  const isArithmetic = (value: number): boolean => {
    for (const price of perSeat) {
      for (const period of months) {
        if (price.yearly && period % 12 !== 0) continue;
        const unit = price.cents * period;
        if (unit > 0 && value % unit === 0 && seats.has(value / unit)) return true;
      }
    }
    return false;
  };

  let held = '';
  /** What was released so far (its quantities count, and its last clause is the context of what comes next). */
  let released = '';
  const replaced: string[] = [];

  /** 'ok', 'bad', or 'wait' (its clause is not complete yet and only the clause can say). */
  const decide = (span: Span, text: string, final: boolean): 'ok' | 'bad' | 'wait' => {
    if (span.values.some((value) => allowed.has(value))) return 'ok';
    const after = text.slice(span.end);
    const end = CLAUSE_END.exec(after);
    if (!end && !final && after.length < CLAUSE_WAIT) return 'wait';
    const clauseEnd = span.end + (end ? end.index : after.length);
    const whole = released + text.slice(0, clauseEnd);
    const offset = released.length;
    // The reply's quantities so far ("for your 20 seats … $580"): its last few sentences are enough.
    learnQuantities(whole.slice(-QUANTITY_WINDOW));
    if (span.values.some(isArithmetic)) return 'ok';
    const clause = clauseAround(whole, offset + span.start, offset + span.end);
    const priceLike = PRICE_CONTEXT.test(clause) || namesPlan(clause);
    const budgetLike = BUDGET_CONTEXT.test(clause);
    const ownFigure =
      (!priceLike && span.values.some((value) => prospectValues.has(value) && !floatedValues.has(value))) ||
      (budgetLike && !namesPlan(clause) && span.values.some((value) => prospectValues.has(value)));
    const ownBudget = span.values.some((value) => budgetValues.has(value)) && (budgetLike || (!namesPlan(clause) && !SEAT_CONTEXT.test(clause)));
    return ownFigure || ownBudget ? 'ok' : 'bad';
  };

  /** Releases what of `held` can be decided; keeps the rest. */
  const drain = (final: boolean): string => {
    const cut = final ? held.length : openTailStart(held);
    let out = '';
    let at = 0;
    let stop = cut;
    for (const span of amountSpans(held.slice(0, cut))) {
      if (span.start < at) continue;
      const verdict = decide(span, held, final);
      if (verdict === 'wait') {
        stop = span.start;
        break;
      }
      out += held.slice(at, span.start);
      if (verdict === 'ok') out += held.slice(span.start, span.end);
      else {
        replaced.push(held.slice(span.start, span.end));
        out += marker;
      }
      at = span.end;
    }
    // Up to the first amount still waiting for its clause (or the open tail).
    out += held.slice(at, stop);
    held = held.slice(stop);
    released += out;
    return out;
  };

  return {
    allowTool(output) {
      const text = typeof output === 'string' ? output : JSON.stringify(output ?? null);
      for (const match of text.matchAll(ANY_NUMBER)) amountCandidates(match[0]).forEach((value) => allowed.add(value));
      for (const match of text.matchAll(/"seats":(\d+)/g)) seats.add(Number(match[1]));
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

/** Where the held text stops being safe to release: an amount (digits or words) that may still be growing. */
function openTailStart(text: string): number {
  const tail = OPEN_TAIL.exec(text);
  const digits = tail && tail[0].length > 0 ? tail.index : text.length;
  // Number words wait for a currency word still coming, and for one held in the digits' tail ("twenty " + "dollars").
  const words = withDigitsBefore(text, wordTailStart(text) ?? text.length);
  const before = digits < text.length ? withDigitsBefore(text, wordTailStart(text.slice(0, digits)) ?? digits) : digits;
  return Math.min(digits, words, before);
}

/** A word tail's start moved back over the digits it may scale ("5 " before "thousand dollars"). */
function withDigitsBefore(text: string, start: number): number {
  if (start >= text.length) return start;
  const digits = DIGITS_BEFORE.exec(text.slice(0, start));
  return digits && digits[0].length > 0 ? digits.index : start;
}

/** The clause around [start, end) of a text (looking back at most CLAUSE_WAIT × 2 characters). */
function clauseAround(text: string, start: number, end: number): string {
  const window = Math.max(0, start - CLAUSE_WAIT * 2);
  let from = window;
  for (const match of text.slice(window, start).matchAll(CLAUSE_ENDS)) from = window + match.index + match[0].length;
  const next = CLAUSE_END.exec(text.slice(end));
  const to = next ? end + next.index : text.length;
  return text.slice(from, to);
}

const SCALE_OF = new RegExp(`\\p{Nd}${SPACE}?(${SCALE_WORDS})(?![\\p{L}\\p{N}])`, 'u');
function scaleOf(whole: string): string {
  return SCALE_OF.exec(whole)?.[1] ?? '';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

