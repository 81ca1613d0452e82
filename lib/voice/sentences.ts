/**
 * Cuts a reply that is still being streamed into speakable sentences, so speech for the first sentence can be requested
 * while the model is still writing the rest. Client-safe (no imports): it runs in the browser beside useChat.
 *
 * A sentence is emitted only once its end is certain (the punctuation is followed by whitespace and, where it matters,
 * by the next word), so "$1,299.00", "3.5", "example.com/pricing", "sales@acme.com", "Mr. Smith" and "e.g. Slack" never
 * split. Emitted sentences are cleaned of markdown (emphasis, list markers, headings, links → their text, code fences),
 * because a voice reading "asterisk asterisk" is worse than no voice.
 */

/** Abbreviations that never end a sentence ("Mr. Smith", "e.g. Slack"). Lower case, without the final period. */
const NEVER_FINAL = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'sra', 'srta', 'jr', 'st', 'vs', 'e.g', 'i.e', 'cf', 'approx', 'no', 'nos', 'fig',
  'p.ej', 'ej', 'ud', 'uds', 'dra', 'lic', 'ing', 'núm', 'pág', 'aprox', 'tel',
]);
/** Abbreviations that may end a sentence: they end one only when the next word starts with a capital ("… etc. Then"). */
const MAYBE_FINAL = new Set(['etc', 'inc', 'ltd', 'llc', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'a.m', 'p.m']);

const TERMINATORS = '.!?…';
// Closing marks that belong to the sentence they follow: `"Great!"`, `(see below.)`, `**Done.**`.
const CLOSERS = new Set(['"', "'", ')', ']', '»', '”', '’', '*', '_', '`']);
const LIST_MARKER = /^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]/;
const HEADING = /^[ \t]*#{1,6}[ \t]/;

/** Pending text longer than this is cut at the next clause boundary, so a run-on sentence does not delay speech. */
export const LONG_SENTENCE_CHARS = 200;
/** With no clause boundary at all, cut at a space once the text is this long. */
const HARD_LIMIT_CHARS = 320;

export interface SentenceSplitter {
  /** Adds streamed text; returns the sentences it completed, in order (possibly none). */
  push(delta: string): string[];
  /** The reply is over: returns whatever is left as a last sentence (or nothing). */
  flush(): string[];
}

type Decision = { at: number } | 'wait' | 'no';

/** The token (non-space run) that ends just before `end`, without leading punctuation and trailing periods. */
function tokenBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1] ?? '')) start -= 1;
  return text
    .slice(start, end)
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .toLowerCase();
}

function lineStartBefore(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

/** Is `index` inside the text of a markdown link that has not been closed yet (`[see the docs. Here`)? */
function insideLinkText(text: string, index: number): boolean {
  const open = text.lastIndexOf('[', index);
  return open !== -1 && text.lastIndexOf(']', index) < open;
}

/**
 * Decides whether the terminator run ending at `end` (exclusive, closers included) ends a sentence.
 * `runStart` is where the terminator run begins.
 */
function decideTerminator(text: string, runStart: number, end: number, final: boolean): Decision {
  const rest = text.slice(end);
  const next = rest.match(/^\s+(\S?)/);
  if (!next) {
    if (rest.length > 0) return 'no'; // "3.5", "acme.com/x", "a@b.co": the period is inside a token.
    return final ? { at: end } : 'wait';
  }
  const followedByWord = next[1] ?? '';
  // Only ellipses and abbreviations need to see the next word; anything else ends at the whitespace.
  const needsNextWord = () => !followedByWord && !final;
  const run = text.slice(runStart, end);
  if (insideLinkText(text, runStart)) return 'no';
  if (run.startsWith('...') || run.startsWith('…')) {
    // An ellipsis is a pause, not an end ("Well… let me check"), unless a paragraph or the reply ends there.
    if (/\n[ \t]*\n/.test(rest)) return { at: end };
    if (needsNextWord()) return 'wait';
    return !followedByWord ? { at: end } : 'no';
  }
  if (run.startsWith('.')) {
    const token = tokenBefore(text, runStart);
    // "1." at the start of a line is a list marker.
    if (/^\d{1,3}$/.test(token) && text.slice(lineStartBefore(text, runStart), runStart).trim() === token) return 'no';
    if (NEVER_FINAL.has(token)) return 'no';
    // Single initials ("J. Smith") and initialisms ("U.S.", "a.m.") end a sentence only before a capital.
    if (MAYBE_FINAL.has(token) || /^\p{L}$/u.test(token) || /^(?:\p{L}\.)+\p{L}$/u.test(token)) {
      if (needsNextWord()) return 'wait';
      if (!followedByWord) return { at: end };
      return /^[\p{Lu}¿¡]/u.test(followedByWord) ? { at: end } : 'no';
    }
  }
  return { at: end };
}

/** Where the first certain sentence end in `text` is, or 'wait' if the text might still end a sentence later. */
function findBoundary(text: string, final: boolean): { at: number } | null {
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (TERMINATORS.includes(char)) {
      const runStart = i;
      let end = i + 1;
      while (end < text.length && TERMINATORS.includes(text[end] ?? '')) end += 1;
      while (end < text.length && CLOSERS.has(text[end] ?? '')) end += 1;
      const decision = decideTerminator(text, runStart, end, final);
      if (decision === 'wait') return null;
      if (decision !== 'no') return decision;
      i = end - 1;
      continue;
    }
    if (char === '\n') {
      const rest = text.slice(i + 1);
      // A paragraph break always ends a sentence.
      if (/^[ \t]*\n/.test(rest)) return { at: i };
      const line = text.slice(lineStartBefore(text, i), i);
      // A list item or a heading ends at its line's end, punctuated or not.
      if (LIST_MARKER.test(line) || HEADING.test(line)) return { at: i };
      if (LIST_MARKER.test(rest) || HEADING.test(rest)) return { at: i };
      // Not enough of the next line yet to know whether it starts a list item ("1" of "10. ", "-").
      if (!final && /^[ \t]*(?:[-*+•#]|\d{1,3}[.)]?)?$/.test(rest)) return null;
    }
  }
  return null;
}

/** A clause boundary at or after LONG_SENTENCE_CHARS (", ", "; ", ": ", " — "), else a space past the hard limit. */
function findLongCut(text: string): number | null {
  if (text.length < LONG_SENTENCE_CHARS) return null;
  const clause = /[,;:](?=\s)|\s[—–-](?=\s)/g;
  clause.lastIndex = LONG_SENTENCE_CHARS;
  const match = clause.exec(text);
  if (match && !insideLinkText(text, match.index)) return match.index + match[0].length;
  if (text.length < HARD_LIMIT_CHARS) return null;
  const space = text.lastIndexOf(' ', HARD_LIMIT_CHARS);
  return space > 0 ? space : HARD_LIMIT_CHARS;
}

/** Markdown → what a voice should say. Also used on whole texts (e.g. the speechSynthesis fallback). */
export function toSpeakableText(markdown: string): string {
  return (
    markdown
      // Fenced code blocks are not read aloud.
      .replace(/```[\s\S]*?(?:```|$)/g, ' ')
      // Images: nothing; links: their text.
      .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      // Autolinks and bare URLs: the site's host reads better than a path spelled out.
      .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
      .replace(/\bhttps?:\/\/(?:www\.)?([^\s/?#)]+)[^\s)]*/g, '$1')
      .replace(/^[ \t]*(?:#{1,6}|>|[-*+•]|\d{1,3}[.)])[ \t]+/gm, '')
      .replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/(^|[\s(])[*_](?=\S)([^*_]*?\S)[*_](?=$|[\s).,!?;:])/g, '$1$2')
      .replace(/`([^`]*)`/g, '$1')
      // Leftover markup from a sentence that was cut inside an emphasis run.
      .replace(/\*\*|__|~~|`/g, '')
      .replace(/^[-*_=]{3,}$/gm, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Nothing speakable (a lone "**", a horizontal rule, a code block)? */
function isSpeakable(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

export function createSentenceSplitter(): SentenceSplitter {
  let buffer = '';

  function take(final: boolean): string[] {
    const sentences: string[] = [];
    for (;;) {
      const boundary = findBoundary(buffer, final);
      const cut = boundary ? boundary.at : findLongCut(buffer);
      if (cut === null) break;
      const sentence = toSpeakableText(buffer.slice(0, cut));
      buffer = buffer.slice(cut).replace(/^\s+/, '');
      if (isSpeakable(sentence)) sentences.push(sentence);
    }
    return sentences;
  }

  return {
    push(delta) {
      buffer += delta;
      return take(false);
    },
    flush() {
      const sentences = take(true);
      const rest = toSpeakableText(buffer);
      buffer = '';
      if (isSpeakable(rest)) sentences.push(rest);
      return sentences;
    },
  };
}

/** Splits a complete text into sentences (the same rules as streaming it). */
export function splitSentences(text: string): string[] {
  const splitter = createSentenceSplitter();
  return [...splitter.push(text), ...splitter.flush()];
}
