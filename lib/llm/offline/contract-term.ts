import type { OfflineTurn } from '@/lib/llm/offline/context';
import { getPassage, type Passage } from '@/lib/sales/retrieval';
import { DIRECT_PHRASES } from '@/lib/llm/offline/phrases-direct';

/**
 * "Is there a minimum contract?", "do we have to sign an annual contract?", "¿hay permanencia?", "y a-t-il un engagement
 * minimum ?", "gibt es eine Mindestlaufzeit?", "هل يوجد عقد سنوي ملزم؟": no first, then the cancellation terms (monthly
 * plans cancel any time; annual plans run for the year paid). Never the annual price its word "annual" resembles, nor
 * "no confirmed answer" for a compound word ("Mindestlaufzeit") the FAQ's keywords do not list.
 */
const LOCK_IN =
  /\b(?:minimum (?:contract|term|commitment|period)|lock[- ]?in|locked in(?:to)?|(?:sign|signing|commit to|tied (?:in)?to|bound (?:by|to)) (?:an? |the )?(?:annual |yearly |long[- ]term |12[- ]month |multi[- ]year )?(?:contract|commitment)|(?:annual|yearly|long[- ]term|12[- ]month|multi[- ]year) (?:contract|commitment)|contract (?:term|length|period|duration)|how long (?:is|are) (?:the|your) contracts?|permanencia(?: m[ií]nima)?|contrato (?:anual|m[ií]nimo|obligatorio)|(?:firmar|firmamos) (?:un )?contrato|compromiso (?:m[ií]nimo|anual)|plazo m[ií]nimo|engagement(?: minimum| annuel| d['’]un an)?|contrat (?:annuel|minimum|d['’]un an)|dur[ée]e (?:minimale|d['’]engagement)|signer un contrat|mindestlaufzeit|mindestvertragslaufzeit|vertragslaufzeit|vertragsbindung|jahresvertrag|laufzeitvertrag|(?:vertraglich )?gebunden)\b|عقد (?:سنوي|ملزم)|(?:مدة|مده) (?:ال)?(?:عقد|التزام)|حد أدنى لمدة|التزام (?:سنوي|لمدة)/iu;
/** The ask answered yes rather than no: "without commitment?", "month to month?" (the FAQ's answer is then a yes). */
const WITHOUT = /\b(?:sin|sans|ohne|without|no) (?:permanencia|engagement|vertragsbindung|mindestlaufzeit|contract|commitment|lock[- ]?in)\b|\bmonth[- ]to[- ]month\b|بدون (?:عقد|التزام)/iu;
const ASKED = /[?؟]|^\s*(?:¿|is|are|do|does|can|will|would|hay|tenemos|y a-t-il|faut-il|est-ce|gibt|m[üu]ssen|ist|هل)(?!\p{L})/iu;
/** Asking how long or what the term is ("how long is the contract?", "quelle est la durée d'engagement ?"): no yes-or-no question. */
const OPEN_ASK = /\b(?:how long|what(?:['’]s| is| are)|which|cu[aá]nto|cu[aá]l|qu[eé]|combien|quelle?s?|wie lange?|welche[rs]?|was ist)(?!\p{L})|(?:ما|كم) (?:مدة|مده)/iu;
/** A question that opens as a yes-or-no one ("is there a minimum term? what is it?"): its answer keeps the "No". */
const YES_NO_OPENING = /^\s*(?:¿\s*)?(?:is|are|do|does|can|will|would|must|hay|tenemos|y a-t-il|faut-il|est-ce|gibt|ist|m[üu]ssen|هل)(?!\p{L})/iu;
/** A contract sent, or a clause in it: ready to buy, or another question ("send me the contract", "uptime in the contract"). */
const OTHER = /\b(?:send|sign(?:ed)? the|env[ií]e|envoy|schick|mid-contract|uptime|sla|dpa|avv)\b/iu;

export function contractTermPassage(turn: OfflineTurn): Passage | undefined {
  const { text } = turn;
  if (text.length > 160 || !LOCK_IN.test(text) || WITHOUT.test(text) || !ASKED.test(text) || OTHER.test(text)) return undefined;
  return getPassage('faq:cancellation', turn.kb);
}

export function contractTermReply(passage: Passage, turn: OfflineTurn): string[] {
  const said = passage.text;
  // (After "Nein, …:" a German sentence keeps its capital; the other languages go on in lower case.)
  const rest = turn.locale === 'de' || turn.locale === 'ar' ? said : said.charAt(0).toLowerCase() + said.slice(1);
  const phrases = DIRECT_PHRASES[turn.locale];
  return [`${OPEN_ASK.test(turn.text) && !YES_NO_OPENING.test(turn.text) ? phrases.noMinimumTerm : phrases.noLockIn} ${rest}`];
}
