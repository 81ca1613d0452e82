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
  quarante: 40, cinquante: 50, soixante: 60,
  zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12, fünfzehn: 15,
  zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50, hundert: 100,
};
export const NUMBER_WORD_PATTERN = Object.keys(NUMBER_WORDS).join('|');
/** A count as people write it: 40, 1,200, 1.200, 2k, 2.5k, "forty", "a dozen". */
export const COUNT = `(?<!\\d[.,])(?:\\d{1,3}(?:[,.]\\d{3})+|\\d+(?:[.,]\\d+)?\\s?[kK]|\\d+|(?:a\\s+)?(?:${NUMBER_WORD_PATTERN}))`;

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
  '^(?:(?:so|and|but|also|ok|okay|hi|hello|hey|y|pero|hola|et|mais|bonjour|und|aber|hallo|و)[,!]?\\s+)?(?:how|what|which|who|when|where|why|whats|hows|whos|wheres|whens|wat|do|does|did|can|could|is|are|will|would|should|may|' +
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

/** Words that correct something said before ("actually", "I meant", "quise decir", "ich meinte"): a later value wins. */
export const CORRECTION = re(
  '\\b(?:actually|sorry|correction|i meant|i mean|make that|rather|instead|my new|updated?|changed|en realidad|perdón|perdon|perdona|perdone|al final|corrijo|mejor dicho|quise decir|' +
    'en fait|plutôt|pardon|je voulais dire|rectification|eigentlich|korrektur|ich meinte|vielmehr|عفوا|عفوًا|أقصد|اقصد|تصحيح|في الواقع|في الحقيقة|بالأحرى)\\b',
);
