import { foldTerm, stemTerm, termWords } from '@/lib/sales/text-stem';

/**
 * Text helpers for the offline agent's matching. Matching works on stemmed word tokens so "integrations" finds the
 * keyword "integration" and "sso" never matches inside "lesson". Words and stems come from lib/sales/text-stem, the
 * same the knowledge-base search indexes and reads queries with, so both find the same things.
 */

export { stemTerm as stem } from '@/lib/sales/text-stem';

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
    'في من على الى إلى عن هل ما ماذا وماذا كيف كم متى هذا هذه ذلك التي الذي لدي لديكم لديك انا أنا نحن انتم أنتم مع او أو'
  ).split(' ').map(foldTerm),
);

/** Lower-cased, stemmed word tokens; punctuation splits words ("soc-2" → "soc 2"). */
export function wordTokens(text: string): string[] {
  return termWords(text).map(stemTerm);
}

/** Stemmed tokens without stopwords and very short words: what a question is about. */
export function contentWords(text: string): string[] {
  return termWords(text)
    .filter((word) => word.length > 2 && !STOPWORDS.has(word))
    .map(stemTerm);
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

/** A need in the prospect's words as a label: capitalised, and acronyms typed in lower case in capitals ("scim" → "SCIM",
 *  "eu data" → "EU data"). */
export function needLabel(need: string): string {
  const shouted = need.replace(/(?<![\p{L}])(?:eu|us|sso|scim|saml|ai|api|sla|gdpr|soc)(?![\p{L}])/giu, (word) => word.toUpperCase());
  return `${shouted.charAt(0).toUpperCase()}${shouted.slice(1)}`;
}
