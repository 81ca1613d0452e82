/**
 * How a word is compared, in one place: the knowledge-base search (lib/sales/retrieval.ts, both when it indexes the
 * passages and when it reads a query) and the offline agent's matching (lib/llm/offline/text.ts) cut text into the
 * same words and reduce each word to the same stem, so what one finds ("والسعر", "بالأمان", "integrations") the other
 * finds too. Stop words are not here: each caller keeps its own list. Pure and client-safe.
 */

/** Lower-cased, without accents or vowel marks: "Sesión" → "sesion", "أسعار" → "اسعار", "شهريًا" → "شهريا". */
export function foldTerm(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, '');
}

/**
 * Folded words in any script; anything that is not a letter or digit splits words ("soc-2" → "soc 2", "¿Tienen" →
 * "tienen"). Marks are folded away before the split, so a vowel mark inside an Arabic word ("تُخزَّن") or a combining
 * accent does not cut it in pieces.
 */
export function termWords(text: string): string[] {
  return foldTerm(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The stem of a folded word (see foldTerm). Crude plural stripping, good enough to line up "plans"/"plan",
 * "discounts"/"discount", "nonprofits"/"nonprofit", "companies"/"company"; Arabic words lose what is glued to them
 * (arabicStem).
 */
export function stemTerm(word: string): string {
  if (/^[\u0600-\u06FF]/u.test(word)) return arabicStem(word);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** A word as it is compared: folded, then stemmed ("Integrations" → "integration", "والأسعار" → "اسعار"). */
export function normalizeTerm(word: string): string {
  return stemTerm(foldTerm(word));
}

/**
 * An Arabic word without what is glued to it: the article with a conjunction or preposition in front ("والأمان",
 * "بالأسعار", "وللإلغاء" → "امان", "اسعار", "الغاء"), a possessive ending on a long word ("بياناتنا" → "بيانات") and
 * the feminine ending ("آمنة" → "امن", "مجانية" → "مجاني"), so "هل بياناتنا آمنة؟" finds the keyword "آمن" and
 * "نسخة مجانية" the keyword "مجاني". At least two letters are left of the word. (Hamza seats are already gone: foldTerm.)
 */
function arabicStem(word: string): string {
  let bare = word.replace(/ى$/u, 'ي').replace(/^(?:[وف]?[بكل]?ال|[وف]?لل)(?=\p{L}{2})/u, '');
  if (bare.length >= 6) bare = bare.replace(/(?:نا|كم|ها|هم)$/u, '');
  if (bare.length >= 3) bare = bare.replace(/[ةه]$/u, '');
  return bare;
}

/**
 * The text with the last part of each compound word said again when it is one of `heads` (folded words of five letters
 * or more): "Gibt es einen Jahresrabatt?" also says "rabatt", "Sicherheitszertifikate" "zertifikate", so a keyword
 * finds the German compound it ends. The part before it is three letters or more ("insecurity" is not "security").
 */
export function withCompoundHeads(text: string, heads: ReadonlySet<string>): string {
  const found = termWords(text).flatMap((word) =>
    /^\p{Script=Latin}+$/u.test(word) && word.length >= 8 ? [...heads].filter((head) => word.length - head.length >= 3 && word.endsWith(head)) : [],
  );
  return found.length > 0 ? `${text} ${found.join(' ')}` : text;
}

/** The single-word keywords long enough to end a compound word (withCompoundHeads), folded. */
export function compoundHeads(keywords: readonly string[]): Set<string> {
  return new Set(keywords.map(foldTerm).filter((word) => /^\p{Script=Latin}{5,}$/u.test(word)));
}
