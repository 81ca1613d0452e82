/**
 * Low-level text helpers shared by lead extraction, evidence lookup and scoring: Unicode-aware regexes, number words,
 * capitalised-run capture. Pure and client-safe.
 */

const WORD_CHAR = '[\\p{L}\\p{N}_]';
/** JS `\b` only knows ASCII, so "Pérez" or "próximo" would break inside a word; this boundary knows every letter. */
const UNICODE_BOUNDARY = `(?:(?<=${WORD_CHAR})(?!${WORD_CHAR})|(?<!${WORD_CHAR})(?=${WORD_CHAR}))`;

/** A regex whose `\b` is Unicode-aware. Case-insensitive by default. */
export function re(source: string, flags = 'iu'): RegExp {
  return new RegExp(source.replaceAll('\\b', UNICODE_BOUNDARY), flags);
}

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100, dozen: 12,
  dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, doce: 12,
  quince: 15, veinte: 20, treinta: 30, cuarenta: 40, cincuenta: 50, cien: 100, ciento: 100,
  deux: 2, trois: 3, quatre: 4, sept: 7, cinq: 5, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, quinze: 15, vingt: 20, trente: 30,
  quarante: 40, cinquante: 50, soixante: 60, septante: 70, huitante: 80, octante: 80, nonante: 90,
  zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12, fünfzehn: 15,
  zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50, hundert: 100,
  thirteen: 13, fourteen: 14, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, seventy: 70, eighty: 80, ninety: 90,
  trece: 13, catorce: 14, dieciséis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90,
  treize: 13, quatorze: 14, seize: 16,
  dreizehn: 13, vierzehn: 14, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
};
export const NUMBER_WORD_PATTERN = Object.keys(NUMBER_WORDS).join('|');
/** A count as people write it: 40, 1,200, 1.200, 2k, 2.5k, "forty", "a dozen". */
export const COUNT = `(?<!\\d[.,])(?:\\d{1,3}(?:[,.]\\d{3})+|\\d+(?:[.,]\\d+)?\\s?[kK]|\\d+|(?:a\\s+)?(?:${NUMBER_WORD_PATTERN}))`;

const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90,
  vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, septante: 70, huitante: 80, octante: 80, nonante: 90,
  zwanzig: 20, dreißig: 30, dreissig: 30, vierzig: 40, fünfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
  عشرون: 20, عشرين: 20, ثلاثون: 30, ثلاثين: 30, أربعون: 40, أربعين: 40, اربعون: 40, اربعين: 40, خمسون: 50, خمسين: 50, ستون: 60, ستين: 60,
};
const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  uno: 1, un: 1, una: 1, ún: 1, dos: 2, dós: 2, tres: 3, trés: 3, cuatro: 4, cinco: 5, seis: 6, séis: 6, siete: 7, ocho: 8, nueve: 9,
  une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9,
  ein: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9,
  واحد: 1, اثنان: 2, اثنين: 2, ثلاثة: 3, ثلاث: 3, أربعة: 4, اربعة: 4, أربع: 4, خمسة: 5, خمس: 5, ستة: 6, ست: 6, سبعة: 7, سبع: 7, ثمانية: 8, ثماني: 8, تسعة: 9, تسع: 9,
};
const words = (table: Record<string, number>, only?: (word: string) => boolean) => Object.keys(table).filter((word) => only?.(word) ?? true).join('|');
const ASCII_OR_LATIN = (word: string) => !/[\u0600-\u06FF]/.test(word);
const ARABIC = (word: string) => /[\u0600-\u06FF]/.test(word);
/**
 * Numbers said in two words, as a voice transcript or a hurried prospect writes them: "twenty five", "thirty-two",
 * "veinticinco", "treinta y dos", "vingt-cinq", "trente et un", "fünfundzwanzig", "خمسة وعشرون".
 */
const COMPOUND_NUMBER = re(
  `\\b(?:(${words(TENS, ASCII_OR_LATIN)})(?:[\\s-]+(?:y|et)[\\s-]+|[\\s-]+)(${words(UNITS, ASCII_OR_LATIN)})|veinti(uno|ún|dós|dos|trés|tres|cuatro|cinco|séis|seis|siete|ocho|nueve)|` +
    `(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und(zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)|(${words(UNITS, ARABIC)})\\s+و\\s?(${words(TENS, ARABIC)}))\\b`,
  'giu',
);

/**
 * French counts from 70 to 99, said as sums: "soixante-dix" (70), "soixante et onze" (71), "quatre-vingts" (80),
 * "quatre-vingt-cinq" (85), "quatre-vingt-dix-neuf" (99), with or without hyphens. (Read before the two-word numbers,
 * which would take "vingt-cinq" out of "quatre-vingt-cinq".)
 */
const FRENCH_TEENS: Record<string, number> = { dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, 'dix-sept': 17, 'dix-huit': 18, 'dix-neuf': 19 };
const FRENCH_SUMS = re(
  `\\b(soixante|quatre[\\s-]+vingts?)(?:[\\s-]+(?:et[\\s-]+)?(dix[\\s-]+(?:sept|huit|neuf)|${Object.keys(FRENCH_TEENS).filter((word) => !word.includes('-')).join('|')}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf))?\\b`,
  'giu',
);

function frenchSums(text: string): string {
  return text.replace(FRENCH_SUMS, (whole, base: string, rest?: string) => {
    const sixty = base.toLowerCase() === 'soixante';
    // "Soixante" alone, or with a unit ("soixante-cinq"), is the tens-and-units reading's.
    if (sixty && (rest === undefined || !/^(?:dix|onze|douze|treize|quatorze|quinze|seize)/iu.test(rest))) return whole;
    const added = rest === undefined ? 0 : (FRENCH_TEENS[rest.toLowerCase().replace(/[\s-]+/g, '-')] ?? UNITS[rest.toLowerCase()] ?? 0);
    return String((sixty ? 60 : 80) + added);
  });
}

/** "Une vingtaine de personnes", "una veintena": about that many (the number, "de" and all, read as "20 "). */
const ABOUT_SO_MANY: Record<string, number> = {
  dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50, soixantaine: 60, centaine: 100,
  decena: 10, docena: 12, veintena: 20, treintena: 30, centena: 100,
};
const ABOUT_SO_MANY_PATTERN = re(`\\b(?:une |una |la )?(${Object.keys(ABOUT_SO_MANY).join('|')})(?:\\s+(?:de|d['’])\\s*)?`, 'giu');

/** The text with its two-word numbers in digits ("we are twenty five people" → "we are 25 people"); one-word numbers
 *  stay as written (COUNT reads them where a count is expected: "sept" may be September). */
export function spokenNumbers(text: string): string {
  return frenchSums(text).replace(ABOUT_SO_MANY_PATTERN, (whole, word: string) => `${ABOUT_SO_MANY[word.toLowerCase()] ?? whole} `).replace(COMPOUND_NUMBER, (whole, tens?: string, units?: string, veinti?: string, deUnits?: string, deTens?: string, arUnits?: string, arTens?: string) => {
    const at = (table: Record<string, number>, word: string | undefined) => (word === undefined ? undefined : table[word.toLowerCase()]);
    const value =
      tens !== undefined ? (at(TENS, tens) ?? 0) + (at(UNITS, units) ?? 0)
      : veinti !== undefined ? 20 + (at(UNITS, veinti) ?? 0)
      : deUnits !== undefined ? (at(TENS, deTens) ?? 0) + (at(UNITS, deUnits) ?? 0)
      : (at(TENS, arTens) ?? 0) + (at(UNITS, arUnits) ?? 0);
    return value > 0 ? String(value) : whole;
  });
}

/** Arabic-Indic and Persian digits ("١٢", "۱۲") as the Western digits every pattern here reads; same length. */
export function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String((digit.charCodeAt(0) & 0xf) % 10));
}

/** Parses a COUNT match; undefined when it is not a positive number. */
export function parseCount(raw: string): number | undefined {
  const text = westernDigits(raw).trim().toLowerCase().replace(/^a\s+/, '');
  if (text in NUMBER_WORDS) return NUMBER_WORDS[text];
  const thousands = /^(\d+(?:[.,]\d+)?)\s?k$/.exec(text);
  if (thousands?.[1]) return Math.round(Number(thousands[1].replace(',', '.')) * 1000);
  if (/^\d{1,3}(?:[,.]\d{3})+$/.test(text)) return Number(text.replace(/[,.]/g, ''));
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Every number written in the text, with thousands separators and "k" resolved ("$5,000" → 5000, "5k" → 5000). */
export function numbersIn(text: string): number[] {
  const found: number[] = [];
  for (const match of westernDigits(text).matchAll(/\d{1,3}(?:[,.]\d{3})+(?!\d)|\d+(?:[.,]\d+)?(?:\s?[kK](?![\p{L}]))?/gu)) {
    const value = parseCount(match[0]);
    if (value !== undefined) found.push(value);
  }
  return found;
}

/**
 * Lower-case, accents and marks removed, punctuation to spaces, in every script: "Pérez," and "perez" compare equal,
 * and so do "أكمي" and "اكمي" (hamza seats and vowel marks are marks), "١٢" and "12". Letters of another script stay
 * what they are, so a look-alike ("Асme" in Cyrillic) never equals "Acme"; invisible format characters (zero-width
 * spaces, bidi overrides) are dropped so they can neither split a word nor hide one.
 */
export function fold(text: string): string {
  return westernDigits(text)
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}\u0640]/gu, '')
    .toLowerCase()
    .replace(/ى/g, 'ي')
    .replace(/[^\p{L}\p{N}@.+]+/gu, ' ')
    .replace(/(?<![\p{L}\p{N}])\.|\.(?![\p{L}\p{N}])/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function digitsOf(text: string): string {
  return westernDigits(text).replace(/\D/g, '');
}

export interface CapitalisedRunOptions {
  maxWords: number;
  /** Words that end the run even when capitalised ("I'm Ana From …" is still just Ana). */
  stopWords?: ReadonlySet<string>;
  /** Let lower-case connectors join capitalised words ("Bank of Spain", "Smith & Co"). */
  connectors?: ReadonlySet<string>;
}

/**
 * The leading run of capitalised words in `rest` ("Ana Pérez from Acme" → "Ana Pérez"). Trailing punctuation is
 * dropped, except the dot of a company suffix ("Acme Inc.").
 */
export function leadingCapitalised(rest: string, options: CapitalisedRunOptions): string | undefined {
  const words: string[] = [];
  for (const token of rest.trim().split(/\s+/)) {
    const parts = /^(.*?)([.,;:!?)"”’]*)$/u.exec(token);
    let core = parts?.[1] ?? token;
    let trailing = parts?.[2] ?? '';
    if (trailing.startsWith('.') && COMPANY_SUFFIX.test(`${core}.`)) {
      core = `${core}.`;
      trailing = trailing.slice(1);
    }
    const lower = core.toLowerCase();
    if (core === '' || options.stopWords?.has(lower)) break;
    const capitalised = /^[\p{Lu}\p{N}]/u.test(core) && /\p{L}/u.test(core);
    if (!capitalised && !(options.connectors?.has(lower) && words.length > 0)) break;
    words.push(core);
    // Punctuation after a word ends the name: "Ana, the CTO" is Ana.
    if (trailing !== '' || words.length >= options.maxWords) break;
  }
  while (words.length > 0 && options.connectors?.has(words[words.length - 1]?.toLowerCase() ?? '')) words.pop();
  return words.length > 0 ? words.join(' ') : undefined;
}

const COMPANY_SUFFIX = /^(?:inc|corp|ltd|co|s\.a|s\.l)\.$/i;

/** Whether a sentence asks something (of us) rather than states something. */
export function isQuestion(sentence: string): boolean {
  return /[?؟]\s*["”’)»]*$/u.test(sentence) || /^[¿]/u.test(sentence.trim()) || QUESTION_START.test(sentence.trim());
}

export const QUESTION_START = re(
  // ("actually one question, do you have a mobile app": the lead-ins before the question, more than one at times.)
  '^(?:(?:so|and|but|also|ok|okay|hi|hello|hey|actually|btw|oh|(?:one|a|another) (?:more |last |quick |other )?question|quick question|one more thing|y|pero|hola|et|mais|bonjour|und|aber|hallo|و)[,:!]?\\s+){0,3}(?:how|what|which|who|when|where|why|whats|hows|whos|wheres|whens|wat|do|does|did|can|could|is|are|will|would|should|may|' +
    'qué|cuánto|cuánta|cuántos|cuántas|cuál|cómo|cuándo|dónde|puedo|pueden|podéis|tienen|tenéis|' +
    'combien|quel|quelle|quels|quelles|comment|pourquoi|quand|où|est-ce que|est-ce qu|pouvez-vous|avez-vous|proposez-vous|' +
    'wie|was|wer|wann|warum|wieso|welche|welcher|welches|wo|können sie|haben sie|bieten sie|gibt es|' +
    'هل|كم|ماذا|متى|كيف|لماذا|أين|اين|أي|اي)\\b',
);

/** Clauses of a question sentence that come before the question itself: "We're 20 people, how much is Pro?" */
export function statementPrefix(sentence: string): string {
  const clauses = sentence.split(/(?<=[,;:—–،؛])\s+|\s+-\s+/);
  const kept: string[] = [];
  for (const clause of clauses) {
    if (/[?¿؟]/u.test(clause) || QUESTION_START.test(clause.trim())) break;
    kept.push(clause);
  }
  return kept.join(' ');
}

/**
 * Words people trail off with, in the five languages ("head of operations so", "the Acme team um", "next month yeah",
 * "responsable des ventes genre", "bessere Berichte halt", "أتمتة التقارير يعني"): never part of a value they give.
 */
const TRAILING_FILLER = re(
  "(?:^|[\\s,;:…–—-])(so|well|like|um+|u+m+|uh+|erm*|er|hmm+|yeah|yep|you know|i guess|i think|i suppose|basically|or something|" +
    'pues|bueno|o sea|eh+|ehm+|em+|digamos|vale|sabes|euh+|bah|genre|quoi|voilà|voila|bref|hein|ou quoi|' +
    'äh+m*|öh+m*|halt|sozusagen|quasi|naja|na ja|oder so|irgendwie|يعني|طيب|والله|خلاص|ا?مم+)[\\s\\p{P}]*$',
);
/** "A month or so", "I think so", "CTO as well", "it works well", "what we'd like": there the word says something. */
const FILLER_KEPT_AFTER = re(
  "\\b(?:or|as|and|o|ou|oder|y|et|und|not|even|ever|more|less|much|pretty|very|quite|just|really|too|fairly|i|we|you|they|would|could|should|'d|do|does|did|" +
    'think|hope|guess|believe|say|feel|feels|look|looks|seem|seems|go|goes|going|went|work|works|working|worked|run|runs|running|done)$',
);

/** The value without the fillers it trails off with; a value that is nothing but a filler ("yeah") stays as it is. */
export function withoutFillers(value: string): string {
  let text = value.trim();
  for (;;) {
    const match = TRAILING_FILLER.exec(text);
    if (!match) return text;
    const before = text.slice(0, match.index).replace(/[\s,;:…–—-]+$/u, '');
    if (!/[\p{L}\p{N}]/u.test(before) || FILLER_KEPT_AFTER.test(before)) return text;
    text = before;
  }
}

/** Words that correct something said before ("actually", "I meant", "quise decir", "ich meinte"): a later value wins. */
export const CORRECTION = re(
  // ("We're 18 now", "ahora somos 18", "jetzt sind wir 18": an update, which wins as a correction does; so does a change
  // of mind, "finalement on sera 12", "غيرت رأيي، سنبدأ بـ 20".)
  '\\b(?:changed my mind|chang[ée] d[\'’]avis|cambi[ée] de (?:opini[oó]n|idea)|anders [üu]berlegt|غيرت رأيي|غيّرت رأيي|finalement|au final|in the end|letztendlich|في النهاية|بالنهاية|actually|sorry|correction|no wait|wait no|oops|typo|i meant|i mean|make that|rather|instead|my new|updated?|changed|now|moved|ahora|maintenant|désormais|jetzt|inzwischen|mittlerweile|الآن|صارت|صار|أصبحت|اصبحت|أصبح|اصبح|تغيرت|تأجل|en realidad|perdón|perdon|perdona|perdone|al final|corrijo|mejor dicho|quise decir|' +
    'en fait|plutôt|pardon|je voulais dire|rectification|eigentlich|korrektur|ich meinte|vielmehr|عفوا|عفوًا|أقصد|اقصد|تصحيح|في الواقع|في الحقيقة|بالأحرى)\\b',
);

/** Each word with a capital first letter: a name said in lower case ("brightwater plumbing" → "Brightwater Plumbing"). */
export function titleCase(words: string): string {
  return words.split(/\s+/).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/**
 * Declining to answer: "i'd rather not say", "prefer not to", "prefiero no decirlo", "je préfère ne pas le dire", "lieber
 * nicht", "أفضل عدم الإفصاح". Never a value, and the question it answers is not asked again.
 */
export const DECLINES_TO_SAY =
  /^\s*(?:(?:no|nah|sorry|ok|um+|hmm+|lo siento|perd[oó]n|d[ée]sol[ée]e?|non|nein|sorry)[,.!]?\s+)?(?:i['’]?d rather not(?: say| share| tell| disclose)?|i would rather not(?: say| share)?|(?:i )?prefer not to(?: say| share| tell| disclose)?|rather not(?: say)?|not telling|none of your business|no comment|(?:i )?can['’]?t (?:say|share|disclose) (?:that|it)|prefiero no (?:decirlo|decir|compartirlo|compartir|contestar|responder)|mejor no(?: lo digo)?|no (?:quiero|puedo) (?:decirlo|compartirlo|decir)|je pr[ée]f[èe]re ne pas (?:le )?(?:dire|pr[ée]ciser|r[ée]pondre|partager)|pas envie de (?:le )?dire|je ne (?:peux|souhaite) pas (?:le )?(?:dire|partager)|lieber nicht|m[öo]chte ich (?:lieber )?nicht sagen|das (?:m[öo]chte|will) ich (?:lieber )?nicht sagen|kein kommentar|(?:أفضل|افضل) (?:عدم|ألا|الا|ما)|لا (?:أريد|اريد|أحب|احب) (?:أن |ان )?(?:أقول|اقول|أذكر|اذكر|أفصح|افصح))(?![\p{L}])/iu;
