/**
 * Text helpers for the offline agent's matching. Matching works on stemmed word tokens so "integrations" finds the
 * keyword "integration" and "sso" never matches inside "lesson".
 */

const STOPWORDS = new Set(
  (
    'a an and are as at be but by can could do does did for from get got have has how i if in into is it its me my ' +
    'of on or our so that the their them there these this to us was we what when where which who why will with would ' +
    'you your yours about any some just also than then too very ' +
    // Spanish, French, German and Arabic function words: two shared ones ("comment … vous", "¿cómo … los …?") do not make
    // two questions the same, and one ("los") ties no statement to an answer.
    'los las del una unos unas por para con sin como pero mas muy este esta estos estas ese esa eso esos esas sus nos ' +
    'hay tiene tienen usted ustedes nuestro nuestra nuestros nuestras cual cuales donde cuando ' +
    'les des une est sont avec pour pas par sur dans que qui quoi quel quelle quels quelles comment combien vous nous ' +
    'votre vos notre nos ces cet cette aux leur leurs est-ce peut pouvez avez etes fait faire ' +
    'der die das den dem des ein eine einen einer und ist sind mit fur von auf aus bei wie was wer wann warum welche ' +
    'welcher welches ich wir sie ihr ihre ihnen unser unsere kann konnen haben gibt nicht auch noch ' +
    'في من على الى إلى عن هل ما ماذا كيف كم متى هذا هذه ذلك التي الذي لدي لديكم لديك انا أنا نحن انتم أنتم مع او أو'
  ).split(' ').map(fold),
);

function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** Crude plural stripping: good enough to line up "plans"/"plan", "discounts"/"discount", "nonprofits"/"nonprofit". */
export function stem(word: string): string {
  if (/^[\u0600-\u06FF]/u.test(word)) return arabicStem(word);
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

/** Words in any script, lower-cased and without accents ("sesión" → "sesion", "أسعار" → "اسعار"). */
function rawWords(text: string): string[] {
  return fold(text.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? [];
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

/** The colon of a label in the reply's language: French sets it off with a (no-break) space ("nom : **Marie**"). */
export function colon(locale: string): string {
  return locale === 'fr' ? '\u00a0:' : ':';
}

/**
 * An Arabic word without what is glued to it: the article with a conjunction or preposition in front ("والأمان",
 * "بالأسعار" → "امان", "اسعار"), a possessive ending on a long word ("بياناتنا" → "بيانات") and the feminine ending
 * ("آمنة" → "امن", "مجانية" → "مجاني"), so "هل بياناتنا آمنة؟" finds the keyword "آمن" and "نسخة مجانية" the keyword
 * "مجاني". (Hamza seats are already gone: fold.)
 */
function arabicStem(word: string): string {
  let bare = word.replace(/ى$/u, 'ي').replace(/^(?:[وف]?[بكل]?ال|[وف]?لل)(?=\p{L}{2})/u, '');
  if (bare.length >= 6) bare = bare.replace(/(?:نا|كم|ها|هم)$/u, '');
  if (bare.length >= 3) bare = bare.replace(/[ةه]$/u, '');
  return bare;
}
