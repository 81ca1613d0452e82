/**
 * Sentence splitting for evidence. A lead fact's evidence must be the prospect's own sentence verbatim, so sentences
 * are exact substrings of the text (trimmed), never rebuilt. Pure and client-safe.
 */

/** Abbreviations that precede a name or number: a dot after them never ends a sentence ("Dr. Ruiz", "approx. 20"). */
const ALWAYS_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'sra', 'srta', 'jr', 'st', 'vs', 'e.g', 'i.e', 'eg', 'ie', 'approx', 'aprox',
  'no', 'nr', 'núm', 'dept', 'fig', 'p.ej', 'ej', 'ud', 'uds', 'ca', 'cf', 'mt',
  // "EE. UU." (the United States in Spanish): the first half never ends a sentence.
  'ee', 'bzw', 'vgl',
]);
/** Abbreviations that also end sentences ("… Acme Inc. We need …"): a boundary only before a capital letter. */
const TRAILING_ABBREVIATIONS = new Set(['etc', 'inc', 'corp', 'ltd', 'co', 'llc', 'gmbh', 's.a', 's.l', 'uu', 'usw', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec']);

const GERMAN_MONTH = /^(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/u;

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Sentences of the text as trimmed, verbatim substrings with their offsets. */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (/[\p{L}\p{N}@]/u.test(trimmed)) spans.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '\n') {
      // "Thanks,\nAna": a line ending in a comma runs on into the next (sign-offs stay one sentence with the name).
      if (/,\s*$/.test(text.slice(start, i))) continue;
      push(i);
      continue;
    }
    if (!/[.!?…؟]/.test(char)) continue;
    let end = i + 1;
    while (end < text.length && /[.!?…؟"'”’)\]]/.test(text[end] ?? '')) end++;
    const next = text[end];
    // A dot inside a token (emails, decimals, domains, "v2.5") is never a boundary: only punctuation before a space is.
    if (next !== undefined && !/\s/.test(next)) {
      i = end - 1;
      continue;
    }
    if (char === '.' && end === i + 1 && !isBoundaryAfterDot(text, i, end)) continue;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return spans;
}

export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((span) => span.text);
}

function isBoundaryAfterDot(text: string, dotIndex: number, after: number): boolean {
  const word = (/(\S+)$/u.exec(text.slice(0, dotIndex))?.[1] ?? '').replace(/^[("“'‘¿¡]+/u, '').toLowerCase();
  if (word === '') return true;
  const nextWord = text.slice(after).trimStart();
  // A single letter is an initial ("J. Smith") or part of "U.S." — not an ending, unless the text ends there.
  if (/^\p{L}$/u.test(word) || ALWAYS_ABBREVIATIONS.has(word)) return nextWord === '';
  if (TRAILING_ABBREVIATIONS.has(word)) return nextWord === '' || /^\p{Lu}/u.test(nextWord);
  // A German date ("Freitag, 27. November") writes the day as an ordinal with a dot.
  if (/^\d{1,2}$/.test(word) && GERMAN_MONTH.test(nextWord)) return false;
  return true;
}
