import { DECLINES_TO_SAY, fold } from '@/lib/sales/lead/text';
import { questionFor } from '@/lib/sales/playbook';
import { splitSentences } from '@/lib/sales/sentences';
import type { SalesLocale } from '@/lib/sales/turn-state';
import { LEAD_FIELDS, type LeadField, type SalesState } from '@/lib/sales/types';
import { LOCALES } from '@/lib/i18n/locales';

/**
 * Which lead fields a reply asks the prospect for, read from its questions. The brain records them after each reply
 * (from either agent's words), so a field is asked at most twice and never after it was answered; the evaluation
 * uses the same reading to check that. Pure and client-safe.
 *
 * Two readings: the playbook's own questions (questionFor, first and reworded ask, in every locale) recognised by
 * their words, so a reply in French, German or Arabic counts exactly as the playbook wrote it; and, for the wordings
 * an OpenAI agent writes itself, the English and Spanish phrases below.
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

/** Share of a playbook question's distinctive words a reply's question must hold to be that question. */
const MATCH_SHARE = 0.6;

interface PlaybookQuestion {
  field: LeadField;
  /** The question sentence's words that no other field's question in its locale uses: what tells it apart. */
  words: Set<string>;
}

let playbookQuestions: PlaybookQuestion[] | undefined;

/** Every playbook question sentence (each field, first and reworded ask, each locale) by its distinctive words. */
function playbook(): PlaybookQuestion[] {
  if (playbookQuestions) return playbookQuestions;
  const built: PlaybookQuestion[] = [];
  for (const locale of LOCALES as readonly SalesLocale[]) {
    // Sentence by sentence: "Would you like a call? If so, what number suits you?" reaches a reply as two questions.
    const asked = LEAD_FIELDS.flatMap((field) =>
      [0, 1].flatMap((times) => splitSentences(questionFor(field, locale, times)).map((sentence) => ({ field, words: wordsOf(sentence) }))),
    );
    for (const question of asked) {
      const elsewhere = new Set(asked.filter((other) => other.field !== question.field).flatMap((other) => [...other.words]));
      built.push({ field: question.field, words: new Set([...question.words].filter((word) => !elsewhere.has(word))) });
    }
  }
  playbookQuestions = built.filter((question) => question.words.size > 0);
  return playbookQuestions;
}

/** Folded words of a text (accents, hamza seats and punctuation off), short function words left out. */
function wordsOf(text: string): Set<string> {
  return new Set(fold(text).split(' ').filter((word) => word.length >= 3 && !/^\d+$/.test(word)));
}

function playbookFields(question: string): LeadField[] {
  const words = wordsOf(question);
  const fields: LeadField[] = [];
  for (const entry of playbook()) {
    const held = [...entry.words].filter((word) => words.has(word)).length;
    if (held >= Math.min(2, entry.words.size) && held / entry.words.size >= MATCH_SHARE && !fields.includes(entry.field)) fields.push(entry.field);
  }
  return fields;
}

/** The question sentences of a reply: ending in "?" (or the Arabic "؟") or opening with "¿". */
export function questionSentences(reply: string): string[] {
  return reply
    .split('\n')
    .flatMap((line) => splitSentences(line.replace(/^\s*[-*]\s+/, '')))
    .filter((sentence) => /[?؟]\s*\**\s*$/u.test(sentence) || /^\s*¿/.test(sentence));
}

/** The lead fields the reply's questions ask for, in the order asked. */
export function fieldsAskedIn(reply: string): LeadField[] {
  const asked: LeadField[] = [];
  for (const question of questionSentences(reply)) {
    const found = [...FIELD_QUESTIONS.filter(([, pattern]) => pattern.test(question)).map(([field]) => field), ...playbookFields(question)];
    for (const field of found) if (!asked.includes(field)) asked.push(field);
  }
  return asked;
}

/** Declining to answer the question just asked ("i'd rather not say"): the field is then dropped, never asked again. */
export function declinesToSay(text: string): boolean {
  return DECLINES_TO_SAY.test(text.trim());
}

/**
 * Declining to give an e-mail at all, whatever was asked: "no email please", "I don't want to give my email", "sin
 * correo, por favor", "pas d'e-mail", "keine E-Mail", "بدون بريد إلكتروني". The general ask for it is then dropped.
 */
const DECLINES_EMAIL =
  /\b(?:no e-?mails?\b(?! (?:yet|address yet))|(?:i )?(?:don['’]?t|do not|won['’]?t|will not|(?:would|'d) rather not|prefer not to) (?:want to |wanna )?(?:give|share|leave|provide|send)(?: you)? (?:my|an|any) e-?mail|not (?:giving|sharing) (?:you )?(?:my|an|any) e-?mail|(?:not|n['’]t) (?:ready|comfortable|willing) (?:yet )?to (?:give|share|leave|provide|hand over)(?: you)? (?:my|an|any|the) e-?mail|no estoy list[oa] para (?:dar(?:le)?|compartir|dejar(?:le)?) (?:mi|el|un) (?:correo|e-?mail)|todav[ií]a no (?:quiero )?(?:dar(?:le)?|compartir|dejar(?:le)?) (?:mi|el) (?:correo|e-?mail)|je ne suis pas pr[êe]te? [àa] (?:vous )?(?:donner|communiquer|laisser|partager) (?:mon |mon adresse |une adresse )?(?:e-?mail|mail|courriel)|(?:leave|keep) (?:my )?e-?mail out|sin (?:correo|e-?mail)|nada de (?:correos?|e-?mails?)|no (?:quiero|voy a|puedo|deseo) (?:dar(?:le|te)?|compartir|dejar(?:le|te)?) (?:mi|un|el|ning[uú]n) (?:correo|e-?mail)|prefiero no (?:dar(?:le)?|compartir|dejar(?:le)?) (?:mi|el) (?:correo|e-?mail)|pas d['’]e-?mails?|pas de (?:mail|courriel|e-?mail|adresse e-?mail)s?|sans (?:e-?mail|mail|courriel)|je (?:ne (?:veux|souhaite) pas|pr[ée]f[èe]re ne pas) (?:vous )?(?:donner|communiquer|laisser|partager) (?:mon|d['’]|un|une) ?(?:e-?mail|mail|courriel|adresse)|keine (?:e-?mail|mail)|ohne (?:e-?mail|mail)|(?:meine )?e-?mail(?:-adresse)? (?:m[öo]chte|will|gebe) ich (?:lieber |noch |jetzt )?nicht|(?:ich )?(?:m[öo]chte|will) (?:meine |eine )?e-?mail(?:-adresse)? (?:lieber |noch |jetzt )?nicht (?:angeben|geben|nennen|teilen))|لست مستعد(?:ًا|ا|ة)? (?:ل|لأن |لان )(?:إعطاء|اعطاء|مشاركة|أعطي|اعطي|أشارك|اشارك) ?(?:بريدي|البريد|ايميلي|إيميلي)|بدون بريد|بلا بريد|من دون بريد|لا بريد|لا (?:أريد|اريد|أحب|احب|أفضل|افضل) (?:أن |ان )?(?:أعطي|اعطي|أعطيك|اعطيك|أشارك|اشارك|أترك|اترك|أرسل|ارسل|تراسلني)?\s?(?:بريدي|البريد|ايميلي|إيميلي|الايميل|الإيميل)/iu;

export function declinesEmail(text: string): boolean {
  return DECLINES_EMAIL.test(text);
}

/**
 * Whether a reply may ask for the e-mail where it is needed (where the team should reach them): not once they declined
 * it or left it unanswered twice, and not right after `lastReply` asked for it.
 */
export function mayAskEmail(state: Pick<SalesState, 'asked' | 'noEmail'>, lastReply: string | undefined): boolean {
  return !state.noEmail && (state.asked?.email ?? 0) < 2 && !emailAskedIn(lastReply);
}

/** Whether a reply asked for the e-mail. */
export function emailAskedIn(reply: string | undefined): boolean {
  return reply !== undefined && fieldsAskedIn(reply).includes('email');
}
