import { splitSentences } from '@/lib/sales/sentences';
import type { LeadField } from '@/lib/sales/types';

/**
 * Which lead fields a reply asks the prospect for, read from its questions. The brain records them after each reply
 * (from either agent's words), so a field is asked at most twice and never after it was answered; the evaluation
 * uses the same reading to check that. English and Spanish. Pure and client-safe.
 */

const FIELD_QUESTIONS: [LeadField, RegExp][] = [
  ['need', /\b(hoping to (solve|fix|improve)|main problem|off your plate|principal problema|quitarse de encima|solve or improve|what (problem|challenge)s?|main (problem|challenge|goal)|biggest headache|what brings you|looking to (solve|fix|improve)|resolver|mejorar con|qu[eé] problema|principal reto)\b/i],
  ['teamSize', /\b(how many (people|users|seats|of you|colleagues)|team size|how big is (your|the) team|how large is (your|the) team|cu[aá]ntas personas|cu[aá]ntos usuarios|tama[nñ]o del? equipo)\b/i],
  ['timeline', /\b(when are you hoping|date you need|working by|alguna fecha|when (would|do|will) you (like|want|need|plan)|timeline|time ?frame|how soon|para cu[aá]ndo|cu[aá]ndo (le gustar[ií]a|quieren|quiere|necesitan)|plazo)\b/i],
  ['authority', /\b(making the decision|weigh in on the decision|make the decision|who (else )?(decides|signs off|approves)|decision.?maker|la decisi[oó]n|qui[eé]n decide|qui[eé]n m[aá]s participa)\b/i],
  ['budget', /\b(budget|presupuesto|spending range|rango de gasto)\b/i],
  ['email', /\b(e-?mail|correo)\b/i],
  ['name', /\b(who am i (speaking|talking|chatting) (with|to)|your name|con qui[eé]n tengo|su nombre|c[oó]mo se llama)\b/i],
  ['company', /\b(which company|what company|company are you|your company called|qu[eé] empresa|en qu[eé] empresa)\b/i],
  ['role', /\b(your role|a qu[eé] se dedica|what do you do there|su cargo|cu[aá]l es su cargo)\b/i],
  ['phone', /\b(phone|tel[eé]fono|what number|qu[eé] n[uú]mero)\b/i],
];

/** The question sentences of a reply: ending in "?" or opening with "¿". */
export function questionSentences(reply: string): string[] {
  return reply
    .split('\n')
    .flatMap((line) => splitSentences(line.replace(/^\s*[-*]\s+/, '')))
    .filter((sentence) => /\?\s*\**\s*$/.test(sentence) || /^\s*¿/.test(sentence));
}

/** The lead fields the reply's questions ask for, in the order asked. */
export function fieldsAskedIn(reply: string): LeadField[] {
  const asked: LeadField[] = [];
  for (const question of questionSentences(reply)) {
    for (const [field, pattern] of FIELD_QUESTIONS) if (pattern.test(question) && !asked.includes(field)) asked.push(field);
  }
  return asked;
}
