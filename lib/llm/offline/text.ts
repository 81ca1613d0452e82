/**
 * Text helpers for the offline agent's matching. Matching works on stemmed word tokens so "integrations" finds the
 * keyword "integration" and "sso" never matches inside "lesson".
 */

const STOPWORDS = new Set(
  (
    'a an and are as at be but by can could do does did for from get got have has how i if in into is it its me my ' +
    'of on or our so that the their them there these this to us was we what when where which who why will with would ' +
    'you your yours about any some just also than then too very'
  ).split(' '),
);

/** Crude plural stripping: good enough to line up "plans"/"plan", "discounts"/"discount", "nonprofits"/"nonprofit". */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** Lower-cased, stemmed word tokens; punctuation splits words ("soc-2" → "soc 2"). */
export function wordTokens(text: string): string[] {
  return rawWords(text).map(stem);
}

/** Stemmed tokens without stopwords and very short words: what a question is about. */
export function contentWords(text: string): string[] {
  return rawWords(text)
    .filter((word) => word.length > 2 && !STOPWORDS.has(word))
    .map(stem);
}

function rawWords(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').match(/[a-z0-9]+/g) ?? [];
}

/** Whether the tokens contain the phrase's tokens consecutively. */
export function containsPhrase(tokens: readonly string[], phrase: string): boolean {
  const needle = wordTokens(phrase);
  if (needle.length === 0) return false;
  return ` ${tokens.join(' ')} `.includes(` ${needle.join(' ')} `);
}

/** Word-ish chunks that keep their leading whitespace, so joining them restores the text exactly. */
export function splitIntoWords(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? [];
}
