/**
 * Reading amounts of money in a text for the price guard (./index.ts): digits of any script and style, a currency sign
 * or word before or after, number words (English, Spanish, French, German, Arabic) before a currency word, cents in
 * words after it, percentages, and the tail of a streamed text that may still grow into one of these.
 */

export const SPACE = '[\\s\\u00a0\\u202f\\u2009]';
const D = '\\p{Nd}';
/** Characters a model may put inside a number without changing how it looks ("$2\u200b9" reads "$29"). */
const INVISIBLE = '\\u00ad\\u200b-\\u200f\\u061c\\u202a-\\u202e\\u2060\\u2066-\\u2069\\ufeff';
const INVISIBLE_ALL = new RegExp(`[${INVISIBLE}]`, 'gu');
/** Markdown emphasis between a currency sign and its digits ("$**29**"); any run of invisibles (a decoded entity's padding). */
const GAP = `[${INVISIBLE}]*(?:(?:${SPACE}|[*_~\`])[${INVISIBLE}]*){0,4}`;
/**
 * Markdown emphasis inside a number, which the prospect does not see ("**3**9", "3**9**", "*3*9" all read 39): a double
 * or triple run, or a single one closing an emphasis opened just before the digits ("*3*9", not "2*3").
 */
// (A single one opening one that closes after the digits, "3*9*", is one too; "29*15*12" is arithmetic.)
const EMPHASIS_IN = '(?:[*_~]{2,3}|`|(?<=[*_]\\p{Nd}{1,6})[*_](?=\\p{Nd})|[*_](?=\\p{Nd}{1,6}[*_](?![\\p{Nd}*_])))';
/** Which dollar a word before "dollars" names ("twenty US dollars", "39 Canadian dollars"). */
export const DOLLAR_ADJECTIVE = '(?:US|U\\.S\\.?|American|Canadian|Australian)';
const CURRENCY_WORD =
  `(?:(?:${DOLLAR_ADJECTIVE}[\\s-])?dollars?|bucks?|d[oó]lar(?:es)?|euros?|(?:US-)?Dollar|pounds?(?:\\s+sterling)?|libras?|Pfund|yen|rupees?|` +
  // Other currencies: never the catalogue's (a price in them is made up), read so that they are checked at all.
  'pesos?|francs?|francos?|Franken|reais|riyals?|rials?|dirhams?|dinars?|yuan|renminbi|liras?|kronor|kroner|kronen|zlotys?|złotych|złoty|kr|zł|pavos|balles|Öcken|' +
  'دولار[\\p{L}\\p{M}]*|دلار[\\p{L}\\p{M}]*|يورو|جنيه[\\p{L}\\p{M}]*|ريال[\\p{L}\\p{M}]*|درهم[\\p{L}\\p{M}]*|دراهم|دينار[\\p{L}\\p{M}]*|ليرة)';
const CURRENCY_SIGNS = '[$€£¥₹＄﹩￥￡₩₽₺₴₪₫₱₦₡₲₵₸₼₾]';
/**
 * Other currencies' ISO codes, read after an amount ("39 BRL"): any amount in them is checked (and is no price in the
 * catalogue's). Not before one: "BR" being written would have to wait, and so would every two-letter word.
 */
const OTHER_CODES = '(?:NZD|HKD|SGD|CNY|RMB|MXN|BRL|ARS|CLP|COP|SEK|NOK|DKK|PLN|CZK|HUF|RON|TRY|RUB|UAH|ILS|ZAR|AED|SAR|QAR|KWD|EGP|MAD|KRW|TWD|THB|IDR|PHP|VND|MYR)(?!\\p{L})';
/** Japanese and Chinese currency words, written against the digits with no space ("３９ドルです", "39元"). */
const CJK_CURRENCY = '(?:米ドル|ドル|ユーロ|円|美元|欧元|日元|元)';
// ("$US": French for US dollars, "29 $US".)
export const CURRENCY = `(?:(?<!\\p{L})(?:US|CA|C|AU|A|NZ|HK|S|R|MX)\\$|(?<!\\p{L})(?:USD|U\\.S\\.D\\.?|EUR|GBP|JPY|CHF|CAD|AUD|INR)(?!\\p{L})|\\$US(?!\\p{L})|${CURRENCY_SIGNS}|${CJK_CURRENCY}|(?<!\\p{L})${CURRENCY_WORD}(?![\\p{L}]))`;
/** A number as people write it: "29", "5,760", "5.760", "5 760", "5'760", "24.50", "24,50", "٢٬٨٨٠", "٢٤٫٥٠". */
export const NUMBER = `(?:${D}{1,3}(?:[\\u00a0\\u202f\\u2009 ]${D}{3})+(?:[.,\\u066b]${D}{1,2})?|${D}(?:(?:[${D},.'’\\u066b\\u066c${INVISIBLE}]|${EMPHASIS_IN})*${D})?)`;
/**
 * Single digits split by spaces ("3 9", "3\u2009 9", "**3** 9"): one number where a currency is next to it ("3 9 dollars").
 * (Only single digits: "2 880 $" is grouping, and "for 3 $29 seats" has the currency between.)
 */
const SPLIT = `[${INVISIBLE}*_~\`]{0,4}[\\u00a0\\u202f\\u2009 ][${INVISIBLE}*_~\`]{0,4}`;
const SPACED = `(?<!\\p{Nd})${D}(?:${SPLIT}${D})+(?:[.,]${D}{1,2})?(?!\\p{Nd}|[.,'’\\u066b\\u066c]\\p{Nd})`;
const SCALE_WORDS = "k|K|thousand|mil|mille|tausend|Tsd\\.?|millions?|mill[oó]n(?:es)?|Millionen|Mio\\.?|M|mn";
const SCALE = `(?:${SPACE}?(?:${SCALE_WORDS})(?![\\p{L}\\p{N}]))?`;
/** An amount with its currency before ("$2,673", "USD 29") or after ("2 673 $", "29 dólares", "5 thousand dollars"). */
// ("39,- €": a German whole amount.)
const AMOUNT = new RegExp(`(${CURRENCY})${GAP}(${SPACED}|${NUMBER})(?:[.,][-–](?![\\p{Nd}\\-–]))?${SCALE}|(${SPACED}|${NUMBER})(?:[.,][-–])?${SCALE}(?:${GAP}|-)(${CURRENCY}|${OTHER_CODES})`, 'giu');
export const ANY_NUMBER = new RegExp(`${SPACED}|${NUMBER}`, 'gu');
/** A range's first end, before its second ("$24–" before "39"): the second is an amount in the same currency. */
export const RANGE_END_BEFORE = new RegExp(`(?:${CURRENCY}${GAP}${NUMBER}${SCALE}|${NUMBER}${SCALE}${GAP}${CURRENCY})${SPACE}*(?:[–—‐‑‒−-]|to|bis|à|a|hasta|إلى)${SPACE}*$`, 'iu');
/** What follows a range's first end when its second has the currency ("39" before "–49 dollars"): that currency. */
const RANGE_JOIN = `(?:${SPACE}*[–—‐‑‒−-]|${SPACE}+(?:to|bis|à|a|hasta|إلى))${SPACE}*`;
/** ("Between 39 and 49 dollars": only a first end with no currency of its own waits for its second.) */
const RANGE_AND = `${SPACE}+(?:and|y|und|et|و)${SPACE}*`;
export const RANGE_START_AFTER = new RegExp(`^(?:${RANGE_JOIN}|${RANGE_AND})(?:${SPACED}|${NUMBER})${SCALE}${GAP}(${CURRENCY})`, 'iu');
/** A currency in brackets after a number ("39 (US dollars)", "39 (USD)"). */
export const BRACKETED_CURRENCY = new RegExp(`^${SPACE}*\\(${SPACE}*(${CURRENCY})${SPACE}*\\)`, 'iu');
/** A tail that may still grow into an amount: digits, then a currency sign or the start of a word ("29 dól…"). */
// (Emphasis inside a number is held with it: "**3**" before "9".)
const RUN = `${D}[${D},.'’\\u066b\\u066c\\u00a0\\u202f\\u2009 ${INVISIBLE}*_~\`]*`;
// (A currency sign before the digits is held with them, so that the two are always checked together.)
const PREFIX = `(?:${CURRENCY}${GAP})?`;
// "C" before "$29" (Canadian dollars), "EU" before "R": a currency being written is held too.
export const OPEN_TAIL = new RegExp(
  `(?<![\\p{L}\\p{N}*_~])[*_~]+$|${RUN}\\([^)\\n]{0,20}$|[*_~]*${PREFIX}${RUN}${RANGE_JOIN}(?:${RUN}(?:-?\\p{L}{0,10}\\.?)?)?$|(?<![\\p{Nd}]|${CURRENCY_SIGNS}${SPACE}?)${RUN}${RANGE_AND}(?:${RUN}(?:-?\\p{L}{0,10}\\.?)?)?$|[*_~]*${PREFIX}${RUN}(?:[-–]${SPACE}*)?[*_~]*$|${PREFIX}(?:${RUN}(?:[-–]${SPACE}*)?)?${CURRENCY}${GAP}$|${PREFIX}${RUN}\\$U$|${PREFIX}${RUN}[Oo]+${GAP}\\p{L}{0,10}$|${PREFIX}${RUN}${DOLLAR_ADJECTIVE}(?:${SPACE}+|-)?\\p{L}{0,10}$|(?<!\\p{L})(?:US|U\\.S\\.?|U\\.?|CA|C|AU|A|NZ|HK|S|R|MX?|EU|GB|JP|CH|IN)$|${PREFIX}${RUN}-?\\p{L}{1,10}\\.?$`,
  'iu',
);

const OPEN_TAIL_NO_DIGIT = new RegExp(
  `(?<![\\p{L}\\p{N}*_~])[*_~]+$|${PREFIX}${CURRENCY}${GAP}$|(?<!\\p{L})(?:US|U\\.S\\.?|U\\.?|CA|C|AU|A|NZ|HK|S|R|MX?|EU|GB|JP|CH|IN)$`,
  'iu',
);

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
  const text = asciiDigits(written.replace(INVISIBLE_ALL, '').replace(/[*_~`]/g, '')).replace(/[\s\u00a0\u202f\u2009]/g, ' ');
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
  // Single digits split by spaces ("3 9 dollars", "3 9.99 $"): one number.
  const spaced = /^(\d(?: \d)+)(?:[.,](\d{1,2}))?$/u.exec(text);
  if (spaced) readings.push(Number(`${(spaced[1] ?? '').replace(/ /g, '')}.${spaced[2] ?? '0'}`));
  const last = seps.at(-1) ?? '';
  const decimals = groups.at(-1) ?? '';
  if (/[.,\u066b]/.test(last) && (scaled ? decimals.length >= 1 : decimals.length <= 2) && grouped(groups.slice(0, -1), seps.slice(0, -1)) && !seps.slice(0, -1).includes(last)) {
    readings.push(Number(`${groups.slice(0, -1).join('')}.${decimals}`));
  }
  return readings.filter(Number.isFinite);
}

/**
 * The currency a marker names: an ISO code, or "$" for a dollar sign or the word "dollar" alone (whichever dollar the
 * catalogue is in).
 */
export function currencyOf(marker: string): string {
  const text = marker.trim();
  if (/^(?:US\$|\$US|USD|U\.S\.D\.?|(?:U\.?S\.?|American)[\s-]?dollars?|US-Dollar|米ドル|美元)$/iu.test(text)) return 'USD';
  if (/^Canadian[\s-]dollars?$/iu.test(text)) return 'CAD';
  if (/^Australian[\s-]dollars?$/iu.test(text)) return 'AUD';
  const prefixed = /^(CA|C|AU|A|NZ|HK|S)\$$/u.exec(text);
  if (prefixed) return { CA: 'CAD', C: 'CAD', AU: 'AUD', A: 'AUD', NZ: 'NZD', HK: 'HKD', S: 'SGD' }[prefixed[1] ?? ''] ?? '$';
  if (/^(?:[$＄﹩]|bucks?|d[oó]ll?ar\p{L}*|دولار[\p{L}\p{M}]*|دلار[\p{L}\p{M}]*|ドル)$/iu.test(text)) return '$';
  if (/^(?:€|EUR|euros?|يورو|ユーロ|欧元)$/iu.test(text)) return 'EUR';
  if (/^(?:[£￡]|GBP|pounds?(?:\s+sterling)?|libras?|Pfund|جنيه[\p{L}\p{M}]*)$/iu.test(text)) return 'GBP';
  if (/^(?:[¥￥]|JPY|yen|円|日元)$/iu.test(text)) return 'JPY';
  if (text === '元') return 'CNY';
  if (/^(?:₹|INR|rupees?)$/iu.test(text)) return 'INR';
  return text.toUpperCase();
}

const DOLLARS = new Set(['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD']);
/** Whether an amount's currency is the catalogue's ("$" is any dollar). */
export function sameCurrency(code: string, catalogue: string): boolean {
  return code === catalogue || (code === '$' && DOLLARS.has(catalogue));
}

// ---------------------------------------------------------------------------------------------------------------------
// Numbers in words

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
  // Arabic (hamza and short vowels removed before lookup; units come before tens: "تسعة وعشرون" is 9 and 20)
  صفر: 0, واحد: 1, واحدة: 1, أحد: 1, إحدى: 1, اثنان: 2, اثنين: 2, اثنا: 2, اثنتا: 2, اثنتان: 2, اثنتين: 2,
  ثلاثة: 3, ثلاث: 3, أربعة: 4, أربع: 4, خمسة: 5, خمس: 5, ستة: 6, ست: 6, سبعة: 7, سبع: 7, ثمانية: 8, ثماني: 8, ثمان: 8,
  تسعة: 9, تسع: 9, عشرة: 10, عشر: 10, عشرون: 20, عشرين: 20, ثلاثون: 30, ثلاثين: 30, أربعون: 40, أربعين: 40,
  خمسون: 50, خمسين: 50, ستون: 60, ستين: 60, سبعون: 70, سبعين: 70, ثمانون: 80, ثمانين: 80, تسعون: 90, تسعين: 90,
  مئتان: 200, مئتين: 200, مئتا: 200, مائتان: 200, مائتين: 200, مائتا: 200,
};
const MULTIPLIERS: Record<string, Morpheme> = {
  hundred: { value: 0, kind: 'hundred' }, cien: { value: 0, kind: 'hundred' }, ciento: { value: 0, kind: 'hundred' },
  cent: { value: 0, kind: 'hundred' }, cents: { value: 0, kind: 'hundred' }, hundert: { value: 0, kind: 'hundred' },
  thousand: { value: 0, kind: 'thousand' }, mil: { value: 0, kind: 'thousand' }, mille: { value: 0, kind: 'thousand' },
  tausend: { value: 0, kind: 'thousand' }, million: { value: 0, kind: 'million' }, millions: { value: 0, kind: 'million' },
  millon: { value: 0, kind: 'million' }, millones: { value: 0, kind: 'million' }, millionen: { value: 0, kind: 'million' },
  مئة: { value: 0, kind: 'hundred' }, مائة: { value: 0, kind: 'hundred' }, ألف: { value: 0, kind: 'thousand' },
  آلاف: { value: 0, kind: 'thousand' }, ألفا: { value: 2, kind: 'thousand' }, ألفان: { value: 2, kind: 'thousand' },
  ألفين: { value: 2, kind: 'thousand' }, مليون: { value: 0, kind: 'million' }, ملايين: { value: 0, kind: 'million' },
};
/** Joining words inside a number ("one hundred and twenty", "treinta y nueve", "vingt et un", "neunundzwanzig"). */
const CONNECTORS = new Set(['and', 'y', 'et', 'und', 'و']);
/** "One" that is an article before a currency word. */
const ARTICLES = new Set(['un', 'una', 'une', 'ein', 'eine', 'einen']);

export const fold = (word: string) => (/^[a-z]*$/.test(word) ? word : word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss'));

const MORPHEMES: [string, Morpheme | null][] = [
  ...Object.entries(WORD_VALUES).map(([word, value]): [string, Morpheme] => [fold(word), { value, kind: 'add' }]),
  ...Object.entries(MULTIPLIERS).map(([word, morpheme]): [string, Morpheme] => [fold(word), morpheme]),
  // German "und" inside a word ("neunundzwanzig"), Arabic "و" (and) and "ب" (for) before a word ("وعشرون", "بأربعة").
  ['und', null] as [string, Morpheme | null],
  ['و', null] as [string, Morpheme | null],
  ['ب', null] as [string, Morpheme | null],
].sort((a, b) => b[0].length - a[0].length);
const MORPHEMES_BY_LETTER = new Map<string, [string, Morpheme | null][]>();
for (const entry of MORPHEMES) MORPHEMES_BY_LETTER.set(entry[0][0] ?? '', [...(MORPHEMES_BY_LETTER.get(entry[0][0] ?? '') ?? []), entry]);

/** A word's number morphemes ("neunundzwanzig" → 9, 20; "veintinueve" → 20, 9), or undefined if it is not a number. */
const SEGMENTS = new Map<string, (Morpheme | null)[] | undefined>();
const SEGMENTS_MAX = 10_000;
export function segment(word: string, partial = false): (Morpheme | null)[] | undefined {
  // Words recur (every reply is made of the same few thousand): each is read once.
  const key = partial ? `~${word}` : word;
  if (SEGMENTS.has(key)) return SEGMENTS.get(key);
  const parts = segmentOnce(word, partial);
  if (SEGMENTS.size >= SEGMENTS_MAX) SEGMENTS.clear();
  SEGMENTS.set(key, parts);
  return parts;
}

function segmentOnce(word: string, partial: boolean): (Morpheme | null)[] | undefined {
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
export function wordValue(parts: readonly (Morpheme | null)[]): number | undefined {
  let total = 0;
  let current = 0;
  let any = false;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (!part) continue;
    any = true;
    const next = parts[index + 1];
    // French "quatre-vingt(s)": four twenties (written together, with no joining word between).
    if (part.kind === 'add' && part.value === 4 && next?.kind === 'add' && next.value === 20) {
      current += 80;
      index += 1;
      continue;
    }
    if (part.kind === 'add') current += part.value;
    else if (part.kind === 'hundred') current = (current % 100 || 1) * 100 + (current - (current % 100));
    else {
      total += (current || part.value || 1) * (part.kind === 'thousand' ? 1_000 : 1_000_000);
      current = 0;
    }
  }
  return any ? total + current : undefined;
}

export interface Span {
  start: number;
  end: number;
  /** Cents (a percentage: hundredths of a percent). */
  values: number[];
  kind: 'money' | 'percent' | 'free' | 'offer';
  /** The currency named ("$" any dollar), or '' when none is (a number in a price's place). */
  code: string;
  /** Ends with a currency word, after which cents in words may still come ("… dollars and fifty cents"). */
  wordCurrency?: boolean;
  /** Written with a scale ("$4.3k"): a rounded figure. */
  scaled?: boolean;
}

const LETTERS = '[\\p{L}\\p{M}]';
// (Emphasis may close between the words and the currency: "thirty-**nine** dollars".)
const CURRENCY_AFTER_WORD = new RegExp(`(?<=${LETTERS})[*_~]{0,3}(?:${SPACE}+|-)[*_~]{0,3}(${CURRENCY_WORD}|USD|EUR|GBP|JPY|CHF|CAD|AUD|INR)(?!\\p{L})`, 'giu');
const WORD_BEFORE = /([\p{L}\p{M}]+)$/u;
// (A soft hyphen or a zero-width character between number words is a gap too: "thirty\u00adnine".)
const WORD_GAP = new RegExp(`(?:[*_~\\s\\u00a0${INVISIBLE}]+|[*_~]{0,3}-[*_~]{0,3})$`, 'u');

/** Amounts in words just before a currency word: "twenty-nine dollars", "doscientos cuarenta dólares". */
function wordAmounts(text: string): Span[] {
  return wordNumbers(text, CURRENCY_AFTER_WORD).map((span) => ({
    ...span,
    values: span.values.map((value) => value * 100),
    kind: 'money' as const,
    code: currencyOf(span.after),
    wordCurrency: true,
  }));
}

/** Numbers in words just before what `after` matches (a currency word, "seats", "years"), as spans up to its end. */
export function wordNumbers(text: string, after: RegExp): { start: number; end: number; values: number[]; after: string }[] {
  const spans: { start: number; end: number; values: number[]; after: string }[] = [];
  for (const match of text.matchAll(after)) {
    const words: { start: number; parts: (Morpheme | null)[] }[] = [];
    let at = match.index;
    for (;;) {
      const before = WORD_BEFORE.exec(text.slice(Math.max(0, at - 60), at));
      if (!before) break;
      const start = Math.max(0, at - 60) + before.index;
      const parts = CONNECTORS.has(fold(before[1] ?? '')) ? [null] : segment(before[1] ?? '');
      if (!parts) break;
      words.unshift({ start, parts });
      const gap = WORD_GAP.exec(text.slice(Math.max(0, start - 8), start));
      if (!gap || words.length >= 12) break;
      at = Math.max(0, start - 8) + gap.index;
    }
    while (words.length > 0 && words[0]?.parts.every((part) => part === null)) words.shift();
    // Arabic "و" (and) or "ب" (for) written onto the first number word is not part of the amount ("ومئتا دولار").
    const first = words[0];
    if (first && first.parts[0] === null && /^[وب]/u.test(text.slice(first.start, first.start + 1))) {
      first.start += 1;
      first.parts = first.parts.slice(1);
    }
    // "ni un dólar más", "pas un euro de plus": an article, not an amount.
    if (words.length === 1 && ARTICLES.has(fold(text.slice(words[0]?.start ?? 0, match.index)))) continue;
    const value = wordValue(words.flatMap((word) => word.parts));
    if (words[0] && value !== undefined) spans.push({ start: words[0].start, end: match.index + match[0].length, values: [value], after: match[1] ?? match[0] });
  }
  return spans;
}

const WORD_AT = /[\p{L}\p{M}]+/uy;
const WORD_AT_START = /^[\p{L}\p{M}]+/u;
const GAP_AT = new RegExp(`(?:[*_~\\s\\u00a0${INVISIBLE}]+|[*_~]{0,3}-[*_~]{0,3})`, 'uy');

/**
 * Number words starting at `from` ("twenty-nine" in "USD twenty-nine per seat", "thirty-nine" in "costs thirty-nine."):
 * their end and value, or undefined. A joining word is part of the number only where it joins one ("one hundred and
 * twenty", "treinta y nueve", "vingt et un"), so "twenty-nine and fifty cents" stops at "nine".
 */
export function numberWordsAt(text: string, from: number): { end: number; value: number } | undefined {
  const parts: (Morpheme | null)[] = [];
  let at = from;
  let end = -1;
  let pendingJoin = false;
  for (let words = 0; words < 12; words++) {
    WORD_AT.lastIndex = at;
    const match = WORD_AT.exec(text);
    if (!match) break;
    const word = match[0];
    if (CONNECTORS.has(fold(word))) {
      const previous = parts.at(-1);
      if (pendingJoin || !previous) break;
      const joins = previous.kind !== 'add' || (previous.value >= 20 && previous.value < 100 && previous.value % 10 === 0);
      if (!joins) break;
      pendingJoin = true;
    } else {
      const segmented = segment(word);
      if (!segmented) break;
      const first = segmented.find((part) => part !== null);
      // After "thirty and", only a unit ("treinta y nueve"); after "hundred and", anything smaller.
      if (pendingJoin && first && parts.at(-1)?.kind === 'add' && !(first.kind === 'add' && first.value < 10)) break;
      parts.push(...segmented.filter((part): part is Morpheme => part !== null));
      end = match.index + word.length;
      pendingJoin = false;
    }
    GAP_AT.lastIndex = match.index + word.length;
    const gap = GAP_AT.exec(text);
    if (!gap) break;
    at = GAP_AT.lastIndex;
  }
  if (end < 0 || parts.length === 0) return undefined;
  // "USD un", "€ une", "in USD one way or another": an article or a pronoun, not an amount.
  if (parts.length === 1 && parts[0]?.value === 1 && parts[0].kind === 'add') return undefined;
  const value = wordValue(parts);
  return value === undefined ? undefined : { end, value };
}

/** A currency sign or code before number words: "USD twenty-nine", "$ thirty-nine", "US$ veintinueve". */
const SIGN_OR_CODE = `(?:(?<!\\p{L})(?:US|CA|C|AU|A|NZ|HK|S)\\$|(?<!\\p{L})(?:USD|EUR|GBP|JPY|CHF|CAD|AUD|INR|(?:[Dd]ollars?|[Dd][oó]lar(?:es)?|[Ee]uros?)(?=${SPACE}))(?!\\p{L})|${CURRENCY_SIGNS})`;
const CURRENCY_BEFORE_WORDS = new RegExp(`${SIGN_OR_CODE}${GAP}(?=[\\p{L}])`, 'gu');
const HAS_SIGN = /[$€£¥₹＄﹩￥￡]|USD|EUR|GBP|JPY|CHF|CAD|AUD|INR|dollar|d[oó]lar|euro/iu;

/** Amounts in words after a currency sign or code. */
function signedWordAmounts(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(CURRENCY_BEFORE_WORDS)) {
    const words = numberWordsAt(text, match.index + match[0].length);
    if (!words) continue;
    const marker = match[0].replace(new RegExp(GAP + '$', 'u'), '');
    // (Cents may follow: "USD twenty-nine and fifty cents".)
    spans.push({ start: match.index, end: words.end, values: [words.value * 100], kind: 'money', code: currencyOf(marker), wordCurrency: true });
  }
  return spans;
}

/**
 * Letters that look like digits where they can only be read as digits: "O" and "l" right after an amount's digits
 * ("$29O" reads $290) or between digits ("$2O9").
 */
const LOOKALIKES_AFTER = new RegExp(`(?<=${CURRENCY_SIGNS}${GAP}\\p{Nd}[\\p{Nd},.'’]*)[OoIl]+(?![\\p{L}\\p{N}])`, 'gu');
// (And "O" between digits and a currency after them: "4O dollars", "3O €".)
const LOOKALIKES_BEFORE = new RegExp(`(?<=\\p{Nd})[Oo]+(?=${GAP}${CURRENCY})`, 'giu');
function lookalikeDigits(text: string): string {
  return text
    .replace(LOOKALIKES_AFTER, (letters) => letters.replace(/[Oo]/g, '0').replace(/[Il]/g, '1'))
    .replace(LOOKALIKES_BEFORE, (letters) => letters.replace(/[Oo]/g, '0'))
    .replace(/(?<=\p{Nd})[Oo](?=\p{Nd})/gu, '0');
}

/**
 * Compatibility forms that NFKC folds to one character ("＄３９", "ＵＳＤ", "US＄", "２０％", "①", "﹩"): read as that
 * character, one for one, so that the text keeps its length.
 */
const COMPATIBLE_CLASS = '[\\u2460-\\u2468\\u2776-\\u277e\\u2780-\\u2788\\u278a-\\u2792\\u3000\\ufe50-\\ufe6b\\uff01-\\uff5e\\uffe0-\\uffe6]';
const COMPATIBLE = new RegExp(COMPATIBLE_CLASS, 'u');
const COMPATIBLE_ALL = new RegExp(COMPATIBLE_CLASS, 'gu');
function compatible(char: string): string {
  // (Dingbat digits, "❸❾", have no NFKC form: read as the digits they show.)
  const code = char.charCodeAt(0);
  for (const first of [0x2776, 0x2780, 0x278a]) if (code >= first && code <= first + 8) return String(code - first + 1);
  const folded = char.normalize('NFKC');
  return folded.length === char.length ? folded : char;
}

/** Superscript and subscript digits ("$³⁹"), which are no decimal digits to Unicode, as ASCII (one for one). */
const SUPERSCRIPTS: Record<string, string> = { '¹': '1', '²': '2', '³': '3' };
export function plainDigits(text: string): string {
  const entities = text.includes('&') ? text.replace(ENTITY, decodeEntity) : text;
  const decoded = COMPATIBLE.test(entities) ? entities.replace(COMPATIBLE_ALL, compatible) : entities;
  const spoofed = /\p{Nd}[OoIl]/u.test(decoded) ? lookalikeDigits(decoded) : decoded;
  if (!/[\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089]/u.test(spoofed)) return spoofed;
  return spoofed.replace(/[\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089]/gu, (char) => {
    const code = char.charCodeAt(0);
    return SUPERSCRIPTS[char] ?? String(code >= 0x2080 ? code - 0x2080 : code - 0x2070);
  });
}

/**
 * HTML entities a renderer or an e-mail client may show as the character ("&#36;39", "&dollar;39", "39&nbsp;$"): read as
 * that character after invisible padding, so that the text keeps its length and an amount's span covers the entity.
 */
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/gu;
const NAMED_ENTITIES: Record<string, string> = {
  dollar: '$', euro: '€', pound: '£', yen: '¥', cent: '¢', nbsp: '\u00a0', thinsp: '\u2009', ensp: ' ', emsp: ' ', nnbsp: '\u202f',
  shy: '\u00ad', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f', nobreak: '\u2060', percnt: '%', comma: ',', period: '.', ast: '*', lowbar: '_', num: '#', amp: '&', ndash: '–', mdash: '—', minus: '-',
};
function decodeEntity(entity: string): string {
  const body = entity.slice(1, -1);
  const code = body.startsWith('#') ? Number.parseInt(body.slice(/^#[xX]/u.test(body) ? 2 : 1), /^#[xX]/u.test(body) ? 16 : 10) : undefined;
  const char = code === undefined ? NAMED_ENTITIES[body.toLowerCase()] : code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : undefined;
  // (A character outside the BMP is two code units: it fits all the same, every entity for one being longer.)
  return char === undefined || char.length >= entity.length ? entity : '\u200b'.repeat(entity.length - char.length) + char;
}

/** Cents after an amount: "… dollars and fifty cents", "… dólares con cincuenta centavos", "… Dollar und 50 Cent". */
const CENTS_TAIL = new RegExp(
  `^(?:,?${SPACE}+(?:and|y|con|et|und)${SPACE}+|${SPACE}+و${SPACE}*)((?:${LETTERS}+(?:${SPACE}+|-))*?${LETTERS}+|${D}{1,2})${SPACE}+(?:cents?|centavos?|c[eé]ntimos?|centimes?|Cent|سنت${LETTERS}*)(?!\\p{L})`,
  'iu',
);
const CONNECTOR_STARTS = ['and', 'y', 'con', 'et', 'und'];
const CENTS_WORDS = ['cent', 'cents', 'centavo', 'centavos', 'centimo', 'centimos', 'centime', 'centimes', 'سنت'];

function centsOf(written: string): number | undefined {
  if (/^\p{Nd}+$/u.test(written)) return Number(asciiDigits(written));
  const parts: (Morpheme | null)[] = [];
  for (const word of written.split(/[\s\u00a0\u202f\u2009-]+/u)) {
    const segmented = CONNECTORS.has(fold(word)) ? [null] : segment(word);
    if (!segmented) return undefined;
    parts.push(...segmented);
  }
  return wordValue(parts);
}

/** Whether what follows an amount ending with a currency word may still become its cents ("… dollars and fif"). */
export function centsMayFollow(after: string): boolean {
  // (Cents already written, beyond what may be decided yet: the amount waits until they are.)
  if (CENTS_TAIL.test(after)) return true;
  if (after.length > 60) return false;
  if (/^[\s\u00a0,]*$/u.test(after)) return true;
  const connector = /^,?[\s\u00a0]+(\p{L}*)$/u.exec(after);
  if (connector) return CONNECTOR_STARTS.some((word) => word.startsWith(fold(connector[1] ?? ''))) || (connector[1] ?? '').startsWith('و');
  const rest = /^(?:,?[\s\u00a0]+(?:and|y|con|et|und)[\s\u00a0]+|[\s\u00a0]+و)(.*)$/isu.exec(after);
  if (!rest) return false;
  const words = (rest[1] ?? '').split(/[\s\u00a0-]+/u);
  return words.every((word, index) => {
    if (word === '' || /^\p{Nd}{1,2}$/u.test(word)) return true;
    const last = index === words.length - 1;
    return segment(word, last) !== undefined || CONNECTORS.has(fold(word)) || (last && CENTS_WORDS.some((cents) => cents.startsWith(fold(word))));
  });
}

const PERCENT = new RegExp(`(${SPACED}|${NUMBER})(?:${GAP}|-)(?:%|٪|percent(?!\\p{L})|pct\\.?(?!\\p{L})|per${SPACE}cent(?!\\p{L})|por${SPACE}ciento|pour${SPACE}cent(?!\\p{L})|Prozent|بالمئة|بالمائة|في${SPACE}الم[ئا]ئ?ة)`, 'giu');
const PERCENT_AFTER_WORD = new RegExp(`(?<=${LETTERS})(?:${SPACE}+|-)(percent|per${SPACE}cent|por${SPACE}ciento|pour${SPACE}cent|Prozent|بالمئة|بالمائة|في${SPACE}المئة)(?!\\p{L})`, 'giu');

const HAS_DIGIT = /\p{Nd}/u;
const HAS_CURRENCY_WORD =
  /USD|EUR|GBP|JPY|CHF|CAD|AUD|INR|d[oó]ll?ar|buck|euro|pound|libra|pfund|yen|rupee|peso|franc|franken|reais|rial|riyal|dirham|dinar|yuan|renminbi|lira|kron|zlot|złot|دولار|دلار|يورو|جنيه|ريال|درهم|دراهم|دينار|ليرة/iu;
const HAS_PERCENT = /%|٪|cent|ciento|prozent|pct|المئة|المائة/iu;

/** Every amount of money in a text, in order: digits (any script, any style) and words before a currency word. */
export function amountSpans(text: string): Span[] {
  const spans: Span[] = [];
  // (Cheap tests first: most deltas have no digit and no currency word.)
  const words = HAS_CURRENCY_WORD.test(text);
  const signs = HAS_SIGN.test(text);
  if (!HAS_DIGIT.test(text) && !words && !signs) return spans;
  for (const match of text.matchAll(AMOUNT)) {
    const written = match[2] ?? match[3] ?? '';
    const marker = match[1] ?? match[4] ?? '';
    const scale = scaleOf(match[0]);
    spans.push({
      start: match.index,
      end: match.index + match[0].length,
      values: amountCandidates(written, scale),
      kind: 'money',
      code: currencyOf(marker),
      ...(match[4] !== undefined && /\p{L}/u.test(marker) && marker.length > 3 ? { wordCurrency: true } : {}),
      ...(scale ? { scaled: true } : {}),
    });
  }
  for (const span of [...(words ? wordAmounts(text) : []), ...(signs ? signedWordAmounts(text) : [])]) {
    if (!spans.some((other) => span.start < other.end && other.start < span.end)) spans.push(span);
  }
  for (const span of spans) {
    if (!span.wordCurrency) continue;
    const tail = CENTS_TAIL.exec(text.slice(span.end, span.end + 80));
    const cents = tail ? centsOf(tail[1] ?? '') : undefined;
    if (tail && cents !== undefined && cents > 0 && cents < 100 && span.values.every((value) => value % 100 === 0)) {
      span.end += tail[0].length;
      span.values = span.values.map((value) => value + cents);
      delete span.wordCurrency;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * Whether an amount's last dot ("39 U.S.D.", "5 Mio.") is also its sentence's full stop, left to the sentence then: what
 * follows (in `text`, from the amount's end) is the end of the text, a line break or the next sentence. 'wait' while
 * only blanks follow and more may come.
 */
export function sentenceStopAt(text: string, end: number, final: boolean): boolean | 'wait' {
  if (text[end - 1] !== '.') return false;
  const rest = text.slice(end, end + 3);
  if (!final && end + 3 > text.length && /^\s*$/u.test(rest)) return 'wait';
  return SENTENCE_STOP_AFTER.test(rest);
}
const SENTENCE_STOP_AFTER = /^(?:[ \t\u00a0]*(?:$|\n)|\s+[^\p{Ll}\p{Nd}\s(),;:/&+=-])/u;

/** Percentages ("20%", "20 percent", "twenty percent"), as spans whose values are hundredths of a percent. */
export function percentSpans(text: string): Span[] {
  if (!HAS_PERCENT.test(text)) return [];
  const spans: Span[] = [];
  for (const match of text.matchAll(PERCENT)) {
    spans.push({ start: match.index, end: match.index + match[0].length, values: amountCandidates(match[1] ?? ''), kind: 'percent', code: '' });
  }
  for (const span of wordNumbers(text, PERCENT_AFTER_WORD)) {
    if (!spans.some((other) => span.start < other.end && other.start < span.end)) spans.push({ start: span.start, end: span.end, values: span.values.map((value) => value * 100), kind: 'percent', code: '' });
  }
  return spans;
}

/** Percentages in a text (hundredths of a percent), for the ones a vouched text states. */
export function percentValues(text: string): number[] {
  return percentSpans(text).flatMap((span) => span.values);
}

/** The starts of those units, so that a number waits while one may still be coming ("39 p" + "er seat"). */
const UNIT_PHRASES = [
  'per seat', 'per user', 'per licence', 'per license', 'per person', 'per head', 'per month', 'per year', 'per week', 'per day',
  'per quarter', 'per cent', 'percent', 'pupm', 'pspm', 'pppm', 'per member', 'per employee', 'per agent', 'per teammate', 'for each', 'for every',
  'por empleado', 'por miembro', 'por agente', 'par employé', 'par membre', 'par agent', 'pro mitarbeiter',
  'pro mitglied', 'pro agent', 'je nutzer', 'je platz', 'je lizenz', 'je monat', 'لكل موظف', 'لكل عضو', '/seat', '/user', '/mo', '/month', '/yr', '/year', '/wk', '/week', '/day', 'a seat', 'a user',
  'a head', 'a month', 'a year', 'a week', 'a day', 'monthly', 'por usuario', 'por asiento', 'por puesto', 'por licencia', 'por persona',
  'por mes', 'por año', 'por semana', 'por día', 'por ciento', 'al mes', 'al año', 'al día', 'par utilisateur', 'par siège', 'par poste',
  'par licence', 'par personne', 'par mois', 'par an', 'par semaine', 'par jour', 'pour cent', 'pro nutzer', 'pro benutzer', 'pro platz',
  'pro lizenz', 'pro person', 'pro monat', 'pro jahr', 'pro woche', 'pro tag', 'prozent', 'im monat', 'monatlich', 'لكل مستخدم', 'لكل مقعد',
  'لكل شهر', 'شهري',
  // A one-off fee ("ten for setup"): no catalogue has one.
  'for setup', 'for set-up', 'for the setup', 'for the set-up', 'for the onboarding', 'for the implementation', 'for the installation',
  'for the activation', 'for onboarding', 'for implementation', 'for installation', 'for activation', 'setup fee', 'onboarding fee',
  'de configuración', 'de instalación', 'de alta', 'por la configuración', 'por la instalación', 'pour la mise en place', 'pour la mise en service',
  'pour l’installation', "pour l'installation", 'de frais d’installation', "de frais d'installation", 'für die einrichtung', 'für einrichtung', 'einrichtungsgebühr', 'للإعداد', 'للتفعيل',
  'رسوم الإعداد', 'رسوم التفعيل', 'implementation fee', 'installation fee', 'activation fee', 'set-up fee', 'de implementación', 'por la implementación',
  'pour la configuration', 'für installation', 'für die installation', 'für aktivierung', 'für die aktivierung', 'every month', 'every year', 'every quarter',
  'each month', 'each year', 'each quarter', 'a quarter', 'mensual', 'mensuales', 'off', 'de descuento', 'de réduction', 'de remise', 'rabatt',
  'nachlass', 'خصم', 'im jahr', 'jährlich', 'annually', 'yearly', 'سنوي', 'في الشهر', 'في المئة', 'في المائة', 'بالمئة', 'بالمائة', 'pct',
];
for (const each of ['for each', 'for every']) {
  for (const unit of ['seat', 'user', 'licence', 'license', 'person', 'head', 'member', 'employee', 'agent', 'teammate', 'month', 'year']) UNIT_PHRASES.push(`${each} ${unit}`);
}
/** Every start of those units (a set: looked up on every delta). */
const UNIT_PREFIXES = new Set(UNIT_PHRASES.flatMap((phrase) => [...phrase].map((_, index) => phrase.slice(0, index + 1))));
export function unitMayFollow(after: string): boolean {
  if (after.length > 40) return false;
  const text = after.replace(/^[*_\s\u00a0]+/u, '').replace(/[\s\u00a0]+/gu, ' ').toLowerCase();
  return text === '' || UNIT_PREFIXES.has(text);
}

const UNIT_FIRSTS = new Set(UNIT_PHRASES.map((phrase) => phrase[0] ?? ''));
/** Where a unit still being written ends the text (" per se"), for number words before it to wait. */
function unitTailStart(text: string): number | undefined {
  const tail = text.slice(-22);
  for (let index = 0; index < tail.length; index++) {
    const char = tail[index];
    if ((char !== ' ' && char !== '\u00a0' && char !== '\n') || !UNIT_FIRSTS.has((tail[index + 1] ?? '').toLowerCase())) continue;
    const rest = tail.slice(index);
    if (/[^\s\u00a0]/u.test(rest) && unitMayFollow(rest)) return text.length - tail.length + index + 1;
  }
  return undefined;
}

/** Digits (and a currency sign) just before a tail of words, which may be their scale ("5 " + "thousand dollars"). */
const DIGITS_BEFORE = new RegExp(`${PREFIX}${RUN}$`, 'iu');
/** Currency words being written ("dól", "US"), which a number in words may still be waiting for. */
const CURRENCY_STARTS = [
  'dollar', 'dollars', 'dolar', 'dolares', 'euro', 'euros', 'us', 'u.s.', 'american', 'canadian', 'australian', 'buck', 'bucks', 'pound', 'pounds',
  'libra', 'libras', 'pfund', 'yen', 'rupee', 'rupees', 'peso', 'pesos', 'franc', 'francs', 'francos', 'franken', 'reais', 'riyal', 'riyals', 'rial',
  'rials', 'dirham', 'dirhams', 'dinar', 'dinars', 'yuan', 'renminbi', 'lira', 'liras', 'kronor', 'kroner', 'kronen', 'zloty', 'zlotys', 'percent',
  'prozent', 'دولار', 'دلار', 'يورو', 'جنيه', 'ريال', 'درهم', 'دراهم', 'دينار', 'ليرة',
];
/** A dollar's adjective ending the text ("twenty US ", "39 U.S"), with "dollars" still to come. */
const ADJECTIVE_BEFORE = /(?<![\p{L}.])(?:U\.S\.?|US|[Aa]merican|[Cc]anadian|[Aa]ustralian)$/u;
const ADJECTIVE_TAIL = /(?<![\p{L}.])(?:U\.S\.?|U\.?|US|[Aa]merican|[Cc]anadian|[Aa]ustralian)(?:[\s\u00a0]+|-)?$/u;

const WORD_STARTS = [...CONNECTORS, ...CURRENCY_STARTS];

/** Where a tail of number words (and a word still being written) starts, so that it waits for a currency word. */
export function wordTailStart(text: string): number | undefined {
  // "twenty US " before "dollars": the words before the adjective wait with it.
  const adjective = ADJECTIVE_TAIL.exec(text);
  if (adjective) return wordTailStart(text.slice(0, adjective.index));
  let at = text.length;
  let start: number | undefined;
  const unit = unitTailStart(text);
  const last = unit === undefined ? WORD_BEFORE.exec(text) : null;
  if (unit !== undefined) at = unit;
  else if (last) {
    const word = fold(last[1] ?? '');
    const growing = segment(word, true) !== undefined || WORD_STARTS.some((whole) => whole.startsWith(word));
    if (!growing) return undefined;
    start = last.index;
    at = last.index;
  }
  for (let words = 0; words < 12; words++) {
    const gap = WORD_GAP.exec(text.slice(Math.max(0, at - 8), at));
    if (!gap) break;
    const gapAt = Math.max(0, at - 8) + gap.index;
    // "twenty US d…", "thirty-nine U.S. d…": the dollar's adjective is no number, and no end of one either.
    const adjective = ADJECTIVE_BEFORE.exec(text.slice(Math.max(0, gapAt - 12), gapAt));
    if (adjective) {
      at = Math.max(0, gapAt - 12) + adjective.index;
      continue;
    }
    const before = WORD_BEFORE.exec(text.slice(Math.max(0, gapAt - 60), gapAt));
    if (!before) break;
    const word = before[1] ?? '';
    const wordAt = Math.max(0, gapAt - 60) + before.index;
    if (!CONNECTORS.has(fold(word))) {
      if (!segment(word)) break;
      start = wordAt;
    }
    at = wordAt;
  }
  return start;
}

/** Words that may be a price claim of their own ("Pro is free"): held while being written. */
const FREE_STARTS = ['free', 'gratis', 'gratuit', 'gratuite', 'gratuits', 'gratuites', 'gratuito', 'gratuita', 'kostenlos', 'umsonst', 'مجان', 'مجانا', 'مجاني', 'مجانية'];

/**
 * Offers no catalogue makes, whatever the price: "half price", "buy one get one", "2-for-1", "on the house" (always a
 * claim unless denied), and "on us", "waive" (a claim where the clause speaks of a price, a fee or a period).
 */
export const PROMOTION_PHRASES = [
  'half price', 'half off', 'half the price', 'half-price', 'buy one get one', 'buy one, get one', 'buy 1 get 1', 'bogo', 'two for one', 'two-for-one',
  '2 for 1', '2-for-1', '3 for 2', '3-for-2', 'on the house', 'mitad de precio', 'la mitad del precio', 'dos por uno', '2x1', '2 x 1', '3x2',
  'moitié prix', 'demi-tarif', 'deux pour un', '2 pour 1', 'un acheté un offert', '1 acheté 1 offert', 'halben Preis', 'halber Preis',
  'halbe Preis', 'zwei für eins', '2 für 1', 'zwei zum Preis von einem', 'نصف السعر', 'بنصف السعر', 'اثنين بسعر واحد', 'اشتر واحدة واحصل على', 'اشتر واحدا واحصل على',
  'for the price of', 'a quarter off', 'a third off', 'a fifth off', 'a tenth off',
  'one third off', 'one quarter off',
];
export const CONDITIONAL_PROMOTION_PHRASES = ['on us', 'waive', 'waived', 'waives', 'waiving', 'por nuestra cuenta', 'à nos frais', 'auf unsere Kosten', 'على حسابنا'];
/** "At no cost" and its kin: like "free", an offer where the clause gives a period or seats ("the first month at no cost"). */
export const NO_COST_PHRASES = [
  'at no cost', 'at no extra cost', 'at no additional cost', 'at no charge', 'at no extra charge', 'at no additional charge', 'free of charge', 'no charge',
  'sin coste', 'sin costo', 'sin cargo', 'sans frais', 'offert', 'offerte', 'offerts', 'offertes', 'gratuitement', 'kostenfrei', 'ohne Kosten',
  'ohne Aufpreis', 'geschenkt', 'بدون تكلفة', 'دون مقابل', 'بلا مقابل',
];
export const promotionKey = (text: string) => text.toLowerCase().replace(/,/g, '').replace(/[\s\u00a0-]+/gu, ' ');
const PROMOTION_PREFIXES = new Set(
  [...PROMOTION_PHRASES, ...CONDITIONAL_PROMOTION_PHRASES, ...NO_COST_PHRASES].flatMap((phrase) => {
    const key = promotionKey(phrase);
    return [...key].map((_, index) => key.slice(0, index + 1));
  }),
);
/** Where an offer still being written ends the text ("half" before " price"), for it to wait. */
export function promotionTailStart(text: string): number {
  const from = Math.max(0, text.length - 40);
  for (let index = from; index < text.length; index++) {
    if (index > 0 && /[\p{L}\p{N}]/u.test(text[index - 1] ?? '')) continue;
    if (!/[\p{L}\p{N}]/u.test(text[index] ?? '')) continue;
    if (PROMOTION_PREFIXES.has(promotionKey(text.slice(index)))) return index;
  }
  return text.length;
}

/** Where the held text stops being safe to release: an amount (digits or words) that may still be growing. */
export function openTailStart(text: string): number {
  // Half a character (a surrogate pair split between two deltas: "𝟑" is two) waits for its other half, and what it
  // may belong to with it ("$" before it).
  const lastCode = text.charCodeAt(text.length - 1);
  if (lastCode >= 0xd800 && lastCode <= 0xdbff) return Math.min(text.length - 1, openTailStart(text.slice(0, -1)));
  // So does an HTML entity being written ("&#3" before "6;39"), and what it may belong to.
  const entity = PARTIAL_ENTITY.exec(text.slice(-10));
  if (entity) return Math.min(Math.max(0, text.length - 10) + entity.index, openTailStart(text.slice(0, text.length - entity[0].length)));
  // (No amount is longer than this: a run of digits and spaces with no end is not held, and not rescanned, forever.)
  const base = Math.max(0, text.length - 64);
  const window = text.slice(base);
  // (Every alternative but these few needs a digit: most windows of prose have none.)
  const tail = (HAS_DIGIT.test(window) ? OPEN_TAIL : OPEN_TAIL_NO_DIGIT).exec(window);
  let digits = tail && tail[0].length > 0 ? base + tail.index : text.length;
  // With the emphasis or an entity's padding right before it ("**" before "3**9", "&#36;" before "39").
  while (digits < text.length && digits > 0 && EMPHASIS_OR_INVISIBLE.test(text[digits - 1] ?? '')) digits -= 1;
  // Number words wait for a currency word still coming, and for one held in the digits' tail ("twenty " + "dollars").
  let words = withDigitsBefore(text, withCurrencyBefore(text, wordTailStart(text) ?? text.length));
  // (With the emphasis before them too: "**" before "thirty**-nine dollars".)
  while (words < text.length && words > 0 && EMPHASIS_OR_INVISIBLE.test(text[words - 1] ?? '')) words -= 1;
  const before = digits < text.length ? withDigitsBefore(text, wordTailStart(text.slice(0, digits)) ?? digits) : digits;
  const end = text.slice(-12);
  const last = WORD_BEFORE.exec(end);
  const free = last && FREE_STARTS.some((word) => word.startsWith(fold(last[1] ?? ''))) ? text.length - end.length + last.index : text.length;
  return Math.max(0, Math.min(digits, words, before, free, promotionTailStart(text)));
}

const EMPHASIS_OR_INVISIBLE = new RegExp(`[*_~\`${INVISIBLE}]`, 'u');
const PARTIAL_ENTITY = /&(?:#(?:[0-9]{0,7}|[xX][0-9a-fA-F]{0,6})|[a-zA-Z]{0,8})$/u;

/** A tail of number words' start moved back over a currency sign or code before it ("USD " before "twenty-nine"). */
const SIGN_BEFORE = new RegExp(`${SIGN_OR_CODE}${GAP}$`, 'u');
function withCurrencyBefore(text: string, start: number): number {
  if (start >= text.length) return start;
  const word = WORD_AT_START.exec(text.slice(start, start + 40))?.[0] ?? '';
  if (CONNECTORS.has(fold(word)) || segment(word, true) === undefined) return start;
  const currency = SIGN_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
  if (!currency) return start;
  let at = Math.max(0, start - 24) + currency.index;
  const adjective = ADJECTIVE_TAIL.exec(text.slice(Math.max(0, at - 12), at));
  if (adjective) at = Math.max(0, at - 12) + adjective.index;
  // An amount the currency ends ("twenty-nine dollars " before "t…", "29 USD " before "one…") is held with it.
  return withDigitsBefore(text, Math.min(at, wordTailStart(text.slice(0, at)) ?? at));
}

/** A word tail's start moved back over the digits it may scale ("5 " before "thousand dollars"). */
function withDigitsBefore(text: string, start: number): number {
  if (start >= text.length) return start;
  const digits = DIGITS_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  return digits && digits[0].length > 0 ? Math.max(0, start - 40) + digits.index : start;
}

const SCALE_OF = new RegExp(`\\p{Nd}${SPACE}?(${SCALE_WORDS})(?![\\p{L}\\p{N}])`, 'u');
function scaleOf(whole: string): string {
  return SCALE_OF.exec(whole)?.[1] ?? '';
}

/**
 * An amount's span widened to what renders as its figure: the padding of an entity before it ("&#36;39"), and the
 * emphasis around it when emphasis runs inside it ("**3**9", "$**39**": no lone "**" or "3" is left to show).
 */
export function widenSpan(text: string, start: number, end: number, from: number, to: number): [number, number] {
  let first = start;
  while (first > from && INVISIBLE_CHAR.test(text[first - 1] ?? '')) first -= 1;
  let last = end;
  if (/[*_~`]/u.test(text.slice(start, end))) {
    while (first > from && /[*_~`]/u.test(text[first - 1] ?? '')) first -= 1;
    while (last < to && /[*_~`]/u.test(text[last] ?? '')) last += 1;
  }
  return [first, last];
}
const INVISIBLE_CHAR = new RegExp(`[${INVISIBLE}]`, 'u');

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
