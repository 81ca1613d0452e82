import {
  BARE_COUNT,
  CANCEL_WORDS,
  KEPT_TEAM,
  extractAuthority,
  extractBudget,
  extractCasualIntroduction,
  extractCompany,
  extractCompanyBeforeRole,
  extractNameBeforeRole,
  extractEmail,
  extractName,
  extractNeed,
  extractPhone,
  mentionsPhone,
  extractRole,
  extractSoloTeam,
  extractSpokenIntroduction,
  extractTeamSize,
  grownTeam,
  extractTimeline,
  MEETING_WORDS,
  PLAN_CHOICE,
  SHARED_DECISION,
  tidy,
  type Extracted,
  type PatternContext,
} from '@/lib/sales/lead/patterns';
import { CORRECTION, DECLINES_TO_SAY, fold, isQuestion, numbersIn, parseCount, re, spokenNumbers, statementPrefix, westernDigits } from '@/lib/sales/lead/text';
import { sentenceSpans } from '@/lib/sales/sentences';
import { FIRST_NAMES } from '@/lib/sales/lead/first-names';
import { classifySalesIntent, FRUSTRATED, isOffTopicRemark, STOP_QUESTIONS, withoutTypedTurns, type SalesIntent } from '@/lib/sales/intents';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import type { LeadFact, LeadField } from '@/lib/sales/types';
import { growthIn, SETTLED } from '@/lib/sales/memory';

/**
 * Deterministic lead extraction from what the prospect writes. Every fact carries the prospect's own sentence
 * verbatim as evidence, so a human (and the eval) can check where each value came from. Pure and client-safe.
 */

export type LeadFacts = Partial<Record<LeadField, LeadFact>>;

export interface ExtractLeadInput {
  text: string;
  messageId?: string;
  /** The field the agent asked for just before this message: a bare answer ("Ana", "about 40") counts for it. */
  askedField?: LeadField;
  now: number;
  /** Our own names (company, product, plan names): never taken as the prospect's name or company. */
  ownNames?: readonly string[];
  /** The team size on record: "sorry, I meant 300, not 30" corrects it with a number and no people word. */
  knownTeamSize?: number;
  /** The knowledge base in the prospect's language: its objection phrases ("je vais réfléchir") are never a need. */
  kb?: KnowledgeBase;
  /** The name on record: "my last name is Becker" after "I'm Jonas" makes it "Jonas Becker". */
  knownName?: string;
  /** The company on record: "the company is Acme Labs, not Acme Corp" corrects it. */
  knownCompany?: string;
}

/** "My last name is Becker", "surname: Whitfield", "mi apellido es Ruiz", "mon nom de famille est Martin", "mein
 *  Nachname ist Becker", "اسم عائلتي …": the surname alone, never a need or a company. */
const SURNAME =
  /\b(?:(?:my|the)\s+)?(?:last name|surname|family name)(?:'s|\s+is|:)?\s+([\p{L}][\p{L}'’-]+)|\b(?:mi )?apellido(?: es|:)?\s+([\p{L}][\p{L}'’-]+)|\b(?:mon )?nom de famille(?: est| c['’]est|\s*:)?\s+([\p{L}][\p{L}'’-]+)|\b(?:mein )?nachname(?: ist|:)?\s+([\p{L}][\p{L}'’-]+)|اسم (?:عائلتي|العائلة)(?: هو)?\s+([\p{L}]+)/iu;

/**
 * A name on record corrected: "sorry, it's Joan, not Jon", "not Jon — Joan", "es Lucía, no Lucia", "c'est Marc, pas
 * Mark", "Jana, nicht Jane", "اسمي ليلى وليس ليلا". `known` is the name on record; the one set aside must be it (its first
 * word or the whole), and the new one a name (one or two words, no common word).
 */
function correctedName(statement: string, known: string | undefined, context: PatternContext): Extracted | undefined {
  if (!known) return undefined;
  const NAME = "(\\p{L}[\\p{L}'’-]+(?:\\s+\\p{L}[\\p{L}'’-]+)?)";
  const LEAD = "(?:(?:sorry|no|nope|actually|oops|wait|perd[oó]n|perdona|non|pardon|en fait|nein|entschuldigung|eigentlich|عفوا|عفوًا|لا)[,.!\\s]+)*(?:it['’]?s|it is|i['’]?m|i am|my name is|my name['’]s|name['’]s|call me|es|soy|me llamo|mi nombre es|c['’]est|je suis|je m['’]appelle|mon nom est|ich bin|ich hei(?:ß|ss)e|mein name ist|es ist|اسمي|أنا|انا)?\\s*";
  const NOT = "(?:not|no|pas|nicht|وليس|مش|لا|ليس)";
  const forms = [new RegExp(`^${LEAD}${NAME}\\s*[,;—–-]?\\s*(?:and |y |et |und )?${NOT}\\s+${NAME}[\\s.!]*$`, 'iu'), new RegExp(`^${LEAD}${NOT}\\s+${NAME}\\s*[,;:—–-]\\s*(?:but |sino |mais |sondern |بل )?${LEAD}${NAME}[\\s.!]*$`, 'iu')];
  const knownWords = fold(known).split(/\s+/);
  // ("No, it's Marc with a c", "c'est Anaïs avec un tréma": the name on record misspelt, one or two letters apart.)
  const spelt = SPELT_NAME.exec(statement.trim())?.[1];
  if (spelt && CORRECTION_LEAD.test(statement) && nearlySame(fold(spelt), knownWords[0] ?? '') && !context.ownNames.has(spelt.toLowerCase())) {
    const value = spelt.charAt(0).toUpperCase() + spelt.slice(1);
    return { value: knownWords.length > 1 ? `${value} ${known.split(/\s+/).slice(1).join(' ')}` : value, confidence: 0.95 };
  }
  for (const [index, form] of forms.entries()) {
    const match = form.exec(statement.trim());
    if (!match) continue;
    const [said, setAside] = index === 0 ? [match[1], match[2]] : [match[2], match[1]];
    if (!said || !setAside) continue;
    const aside = fold(setAside);
    // ("It's Marc Dupont, not Dupond": the surname on record set aside.)
    const surname = knownWords.length > 1 && aside === knownWords.at(-1);
    if (aside !== knownWords[0] && aside !== knownWords.join(' ') && !surname) continue;
    const words = said.split(/\s+/);
    if (words.some((word) => NOT_A_NAME_WORD.has(fold(word)) || context.ownNames.has(word.toLowerCase()))) continue;
    // (Only the first name corrected: the surname on record stays.)
    const value = words.map((word) => (/^\p{Ll}/u.test(word) ? word.charAt(0).toUpperCase() + word.slice(1) : word)).join(' ');
    if (surname) return { value: words.length === 1 ? `${known.split(/\s+/).slice(0, -1).join(' ')} ${value}` : value, confidence: 0.95 };
    return { value: words.length === 1 && knownWords.length > 1 ? `${value} ${known.split(/\s+/).slice(1).join(' ')}` : value, confidence: 0.95 };
  }
  return undefined;
}
/** "It's Marc with a c", "es Inés con tilde", "c'est Anaïs avec un tréma", "Jana mit J", "spelled Kaitlyn": a name spelt out. */
const SPELT_NAME =
  /^(?:(?:sorry|no|nope|actually|oops|perd[oó]n|perdona|non|pardon|en fait|nein|entschuldigung|eigentlich)[,.!\s]+)*(?:it['’]?s|it is|my name is|i['’]?m|es|me llamo|c['’]est|je m['’]appelle|ich hei(?:ß|ss)e|es ist)?\s*(\p{L}[\p{L}'’-]+)\s*,?\s*(?:with an?|spelt|spelled|con (?:una? )?|avec (?:un |une )?|mit (?:einem |einer )?)\s*\p{L}+(?:\s+\p{L}+)?[\s.!]*$/iu;
/** A correction said first ("no,", "sorry", "actually", "perdón", "non", "nein"): the spelling is set right, not said. */
const CORRECTION_LEAD = /^\s*(?:sorry|no|nope|actually|oops|perd[oó]n|perdona|non|pardon|en fait|nein|entschuldigung|eigentlich)(?!\p{L})/iu;
/** Two folded words one or two letters apart ("marc" and "mark", "jon" and "joan"), but not the same word. */
function nearlySame(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 2 || a.length < 2) return false;
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return (row[b.length] ?? 3) <= 2;
}

/**
 * The company on record corrected: "sorry, the company is Acme Labs, not Acme Corp", "it's Acme Labs, not Acme",
 * "not Acme Corp, Acme Labs", "la empresa es Hexa Labs, no Hexa", "c'est Optima Conseil, pas Optima", "die Firma heißt
 * Kraftwerk AG, nicht Kraftwerk GmbH". The one set aside must be the company on record.
 */
function correctedCompany(statement: string, known: string | undefined, context: PatternContext): Extracted | undefined {
  if (!known) return undefined;
  const COMPANY = "(\\p{L}[\\p{L}\\p{N}&.'’-]*(?:\\s+[\\p{L}\\p{N}&.'’-]+){0,3}?)";
  const LEAD =
    "(?:(?:sorry|no|nope|actually|oops|wait|perd[oó]n|perdona|non|pardon|en fait|nein|entschuldigung|eigentlich|عفوا|عفوًا|لا)[,.!\\s]+)*" +
    "(?:(?:the|my|our) (?:company|employer)(?: name)?(?:['’]s| is| is called)|it['’]?s|it is|i work (?:at|for)|we(?:['’]re| are)|(?:la|mi|nuestra) empresa (?:es|se llama)|es|trabajo (?:en|para)|" +
    "(?:l['’]entreprise|ma société|notre société|la société|mon entreprise|notre entreprise) (?:s['’]appelle|est|c['’]est)|c['’]est|je travaille chez|" +
    "(?:die|unsere|meine) firma (?:hei(?:ß|ss)t|ist)|das unternehmen (?:hei(?:ß|ss)t|ist)|es ist|ich arbeite bei|(?:اسم )?(?:الشركة|شركتي|شركتنا)(?: هي| اسمها)?)?\\s*";
  const NOT = '(?:not|no|pas|nicht|وليس|مش|ليس)';
  const forms = [new RegExp(`^${LEAD}${COMPANY}\\s*[,;—–-]?\\s*${NOT}\\s+${COMPANY}[\\s.!]*$`, 'iu'), new RegExp(`^${LEAD}${NOT}\\s+${COMPANY}\\s*[,;:—–-]\\s*(?:but |sino |mais |sondern |بل )?${LEAD}${COMPANY}[\\s.!]*$`, 'iu')];
  for (const [index, form] of forms.entries()) {
    const match = form.exec(statement.trim());
    const [said, setAside] = index === 0 ? [match?.[1], match?.[2]] : [match?.[2], match?.[1]];
    if (!said || !setAside || fold(setAside) !== fold(known) || fold(said) === fold(known)) continue;
    if (context.ownNames.has(said.toLowerCase()) || NOT_A_NAME_WORD.has(fold(said))) continue;
    return { value: /\p{Lu}/u.test(said) ? said : said.replace(/(?<!\p{L})\p{Ll}/gu, (letter) => letter.toUpperCase()), confidence: 0.95 };
  }
  return undefined;
}

/** Words that are no name where a corrected name would be ("not that", "no problem"). */
const NOT_A_NAME_WORD = new Set('that this it me you him her we us the a an problem worries way one him sure really ese eso esta este ce cela ça lui das die der es ihn sie ذلك هذا'.split(' '));

/** "Not 30", "no 30", "pas 30", "nicht 30": the number on record named and set aside. */
const NOT_THAT_NUMBER = /(?:\b(?:not|no|pas|nicht)|وليس|ليس)\s+\d/iu;

/**
 * "Sorry, I meant 300, not 30" after a team size of 30: the one number that is not the size on record is the size.
 * Only with a team size on record and a correction cue, so any other number in passing is left alone.
 */
function correctedTeamSize(sentence: string, known: number | undefined): Extracted | undefined {
  // ("Finalement on sera 25" settles the size: a correction, though it speaks of the future.)
  if (known === undefined || (!CORRECTION.test(sentence) && !NOT_THAT_NUMBER.test(sentence) && !SETTLED.test(sentence)) || (FUTURE_TEAM.test(sentence) && !(SETTLED.test(sentence) && growthIn(sentence) === undefined))) return undefined;
  // ("Actually book it again for the 3rd at 11am" corrects the meeting's day, not the team; "actually can we do friday
  // at 10 instead", "perdón, mejor el viernes a las 10", "عفواً، الأفضل الخميس الساعة ٢" move the meeting.)
  // ("Make it 10 instead", "move it to 3": a booked meeting's new hour, not the team.)
  if (MEETING_WORDS.test(sentence) || SAYS_WHEN.test(sentence) || CLOCK_HOUR.test(sentence) || /\b(?:make|move|change|push|switch) it\b/i.test(sentence)) return undefined;
  const numbers = [...sentence.matchAll(/(?<![\d.,$€£])\d{1,6}(?![\d%]|[.,]\d|st\b|nd\b|rd\b|th\b|\.\s*\p{L}|\s*(?:am|pm|h\b|:|%|\$|€|£|dollars|euros|usd|uhr))/giu)].map((match) => Number(match[0]));
  const others = [...new Set(numbers.filter((value) => value !== known && value > 0))];
  return others.length === 1 && others[0] !== undefined ? { value: others[0], confidence: 0.8 } : undefined;
}

/** A charge questioned ("I have to pay for 3 seats?", "we must buy 5 licences?"): its count is the rule's, not the team's. */
const OBLIGED_TO_PAY = /\b(?:have to|has to|must|got to|gotta)\s+(?:pay|buy|purchase)\b/i;

/** Single sign-on named, asked about or wanted, in five languages. */
const SSO_ASKED = /(?<!\p{L})(?:sso|saml|single[- ]sign[- ]?on|inicio de sesi[oó]n [uú]nico|authentification unique|einmalanmeldung)(?!\p{L})|تسجيل (?:ال)?دخول (?:ال)?موحد/iu;
/** A question typed without its mark: "unterstützt ihr SSO", "do you support sso". */
const ASKS_WITHOUT_MARK = /^\s*(?:do|does|can|is there|are there|unterst[üu]tzt|unterst[üu]tzen|habt|gibt es|bietet|bieten|tienen|ofrecen|soportan|avez-vous|proposez|est-ce que)(?!\p{L})|^\s*هل(?!\p{L})/iu;
/** An interest asked about: it counts as their need (scored) until they state one. */
const SSO_INTEREST_CONFIDENCE = 0.55;

/** What they do without ("we don't need SSO", "no need for sso", "no necesitamos SSO"): never their need. */
const NO_NEED =
  /\b(?:(?:don['’]?t|do not|doesn['’]?t|does not|won['’]?t)\s+(?:really\s+)?need|no need|no (?:necesitamos|necesito|hace falta)|pas besoin|(?:brauchen|brauche) (?:wir |ich )?(?:kein|nicht))\b|(?<![\p{L}])(?:لا نحتاج|لسنا بحاجة)/iu;

/** How much of something they use in a period ("about 3000 runs a month", "500 Ausführungen im Monat"): usage, neither a
 *  head count nor a need. */
const USAGE = re('\\d[\\d,.]*\\s*k?\\s+(?:[\\p{L}-]+\\s+){1,2}(?:a|per|each|every|al|por|cada|par|pro|im|je)\\s+(?:day|week|month|year|d[ií]a|semana|mes|a[ñn]o|jour|semaine|mois|an|tag|woche|monat|jahr)\\b');

/**
 * Facts told beside the need, never the need itself when no wish or problem comes with them: the tools in use today
 * ("usamos Trello y Slack", "wir nutzen Asana": the state keeps those as its tools), how much they use ("we do about
 * 3000 runs a month") and how we compare ("your competitors are cheaper": a price objection).
 */
const BESIDE_THE_NEED = re(
  "^(?:(?:right now|currently|today|at the moment|for now|actualmente|ahora(?: mismo)?|hoy(?: en d[ií]a)?|de momento|actuellement|aujourd['’]hui|en ce moment|pour l['’]instant|derzeit|aktuell|momentan|im moment|zurzeit|gerade)[,]?\\s+)?" +
    "(?:(?:we|i|nosotros|nous|on|wir|ich)\\s+)?(?:(?:currently|still|mostly|mainly|already|actualmente|todav[ií]a|ya|actuellement|d[ée]j[àa]|aktuell|derzeit|noch|schon)\\s+)?" +
    "(?:use|are using|(?:we|i)['’](?:re|m) using|work (?:with|in)|run on|rely on|usamos|utilizamos|trabajamos con|estamos usando|utilisons|utilise|on utilise|travaillons (?:avec|sur)|nutzen|nutze|verwenden|verwende|arbeiten mit|arbeite mit)\\b|" +
    // ("Our stack is Notion, Slack and Figma", "نستخدم Figma و Slack": the tools they use, no need.)
    "^(?:our|my) (?:current )?(?:stack|tools|tool stack|toolset|tech stack) (?:is|are|includes?)\\b|^(?:نحن\\s+)?(?:نستخدم|نعمل على|نعتمد على|بنستخدم|نشتغل على)(?!\\p{L})|" +
    `${USAGE.source}|` +
    "\\b(?:competitors?|competition|competencia|competidores|concurrents?|concurrence|konkurrenz|wettbewerber|mitbewerber)\\b|\\b(?:cheaper|less expensive|m[aá]s barat[oa]s?|moins cher(?:e|s|es)?|g[üu]nstiger|billiger)\\b",
);

/** People still to hire ("I might hire 2 people next year"): the team's growth, neither its size nor a need. */
const FUTURE_HIRES = re("\\b(?:might|may|will|['’]ll|plan(?:ning)? to|going to|hope to|want to|could)\\s+(?:hire|recruit|add|bring on)\\s+(?:another\\s+|about\\s+|maybe\\s+)?(?:\\d+|a few|a couple|some|one|two|three|four|five)\\b");
/** The team as it will be ("grow to 40 by March", "will be 50 next year", "we plan to double"): not its size now, nor a need. */
const FUTURE_TEAM = re("\\b(?:grow|growing|scale|scaling|expand|expanding|double|doubling|triple|will be|['’]ll (?:probably |likely |soon )?be|going to be|crecer|seremos|duplicar|doubler|on sera|nous serons|wachsen|verdoppeln|wir werden)\\b");

/** Hiring or adding people now or later ("we're hiring 30 next year", "adding 5 more in january"). */
const TEAM_GROWING = re("\\b(?:hiring|recruiting|onboarding|adding \\d+|add \\d+ (?:more|new|extra)|bringing on \\d+|grow(?:ing)? to \\d+)\\b");
/** Confidence of a hint found inside a question ("how much for 20 seats?"): worth keeping, never worth trusting. */
export const QUESTION_HINT_CONFIDENCE = 0.4;

interface Candidate extends Extracted {
  evidence: string;
}

export function extractLeadFacts(input: ExtractLeadInput): LeadFacts {
  const context: PatternContext = { ownNames: new Set((input.ownNames ?? []).map((name) => name.toLowerCase())) };
  const spans = sentenceSpans(withoutTypedTurns(input.text));
  const found: Partial<Record<LeadField, Candidate>> = {};
  const offer = (field: LeadField, extracted: Extracted | undefined, evidence: string) => {
    if (!extracted) return;
    const current = found[field];
    // Equal confidence: the later sentence wins, so "we're 20… actually 25" ends on 25.
    if (!current || extracted.confidence >= current.confidence) found[field] = { ...extracted, evidence };
  };

  // ("Can you call me back? 0171 2345678": the number, a sentence of its own, is the phone the question speaks of.)
  const callWords = mentionsPhone(westernDigits(input.text));
  spans.forEach((span, index) => {
    // Read with Western digits ("نحن ١٢" is 12); the evidence stays the prospect's sentence as written.
    const evidence = span.text;
    // (And with two-word numbers in digits: "we're twenty five" is 25, not 5.)
    const sentence = spokenNumbers(westernDigits(evidence));
    // Contact details are the prospect's own even inside a question ("can you send it to ana@acme.com?").
    offer('email', extractEmail(sentence), evidence);
    offer('phone', extractPhone(sentence, callWords), evidence);
    const question = isQuestion(sentence);
    const statement = question ? statementPrefix(sentence) : sentence;
    if (question) {
      // A question about us is never a statement of budget, need or timeline; a seat count in it is only a hint.
      const hint = extractTeamSize(sentence.slice(statement.length));
      // ("Wait, I have to pay for 3 seats?" checks the plan's minimum: a rule questioned, not the team.)
      if (hint && !OBLIGED_TO_PAY.test(sentence)) offer('teamSize', { value: hint.value, confidence: QUESTION_HINT_CONFIDENCE }, evidence);
    }
    // ("Do you support SSO?", "¿tienen SSO?", "unterstützt ihr SSO": an interest in it, the need a plan is chosen for,
    // below any need they state.)
    if ((question || ASKS_WITHOUT_MARK.test(sentence)) && SSO_ASKED.test(sentence) && !NO_NEED.test(sentence)) offer('need', { value: 'SSO', confidence: SSO_INTEREST_CONFIDENCE }, evidence);
    if (statement.trim() === '') return;
    // "Sorry, it's Joan, not Jon": the name on record corrected, before anything else reads the sentence.
    const renamed = correctedName(statement, input.knownName, context);
    if (renamed) {
      offer('name', renamed, evidence);
      return;
    }
    const moved = correctedCompany(statement, input.knownCompany, context);
    if (moved) {
      offer('company', moved, evidence);
      return;
    }
    const surname = SURNAME.exec(statement)?.slice(1).find((group) => group !== undefined);
    if (surname) {
      const family = surname.charAt(0).toUpperCase() + surname.slice(1);
      const first = input.knownName?.split(/\s+/)[0];
      offer('name', { value: first && first.toLowerCase() !== family.toLowerCase() ? `${first} ${family}` : family, confidence: 0.9 }, evidence);
      return;
    }
    // "im dave from brightwater plumbing": a spoken introduction, offered first so a clearer reading wins over it.
    const spoken = extractSpokenIntroduction(statement, context);
    if (spoken) {
      offer('name', { value: spoken.name, confidence: 0.7 }, evidence);
      offer('company', { value: spoken.company, confidence: 0.7 }, evidence);
    }
    // "im sam, ops lead at brightwave logistics", "i'm mike": a lower-case introduction, the name before a comma.
    const casual = extractCasualIntroduction(statement, context);
    if (casual) {
      offer('name', { value: casual.name, confidence: 0.7 }, evidence);
      if (casual.company) offer('company', { value: casual.company, confidence: 0.7 }, evidence);
      if (casual.role) offer('role', { value: casual.role, confidence: 0.7 }, evidence);
    }
    offer('name', extractName(statement, context, index === spans.length - 1), evidence);
    offer('name', nameBeforeEmail(statement, context), evidence);
    offer('company', extractCompany(statement, context), evidence);
    // ("Globex, I'm head of IT": the company first, then the role; unless we had asked for their name.)
    if (input.askedField !== 'name') offer('company', extractCompanyBeforeRole(statement, context), evidence);
    offer('name', extractNameBeforeRole(statement, context), evidence);
    const role = extractRole(statement);
    offer('role', role, evidence);
    // ("On aura 4 personnes de plus en janvier", "en enero entran 4 más": the people added and when, the team's growth;
    // neither the team's size nor the rollout's date.)
    const growth = growthIn(statement);
    const team = (growth?.when ? undefined : grownTeam(statement, input.knownTeamSize)) ?? extractTeamSize(statement) ?? correctedTeamSize(statement, input.knownTeamSize) ?? extractSoloTeam(statement);
    // ("We'll be 40 next year" with 30 on record: their growth, today's team stays 30; "actually we're 40" replaces it.)
    const later = growth?.to !== undefined && growth.when !== undefined && input.knownTeamSize !== undefined && team?.value === growth.to;
    offer('teamSize', (growth?.added !== undefined && team?.value === growth.added) || later ? undefined : team, evidence);
    offer('budget', extractBudget(statement), evidence);
    offer('authority', extractAuthority(statement, role?.value), evidence);
    if (!notANeed(statement, input.kb, NOT_A_NEED_STATEMENT)) offer('need', extractNeed(statement), evidence);
    const timeline = extractTimeline(statement);
    offer('timeline', growth?.when && typeof timeline?.value === 'string' && (fold(timeline.value).includes(fold(growth.when)) || fold(growth.when).includes(fold(timeline.value))) ? undefined : timeline, evidence);
  });

  const asked = input.askedField;
  // A message that states other facts ("my email is ana@acme.com") is answering something else, not our question.
  // ("Andrés Pérez, de FintechCo" to "who am I speaking with?": the company beside it does not make the name another answer.)
  const nameThenCompany = asked === 'name' && /^\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}\s*,\s*(?:de|del|from|von|bei|chez|at|en)\s+\S/u.test(input.text);
  const otherFacts = Object.keys(found).some((field) => field !== asked && !(nameThenCompany && field === 'company'));
  // ("We're hiring 30 next year" to "is there a date you need this by?": when the team grows, not when they start.)
  // ("Nächstes Jahr werden wir 40 sein" to "what would you like to solve?": their growth, no need.)
  const growthNotTimeline = (asked === 'timeline' && (FUTURE_HIRES.test(input.text) || TEAM_GROWING.test(input.text) || growthIn(input.text) !== undefined)) || (asked === 'need' && growthIn(input.text)?.to !== undefined);
  if (asked && !otherFacts && !growthNotTimeline && (!found[asked] || (found[asked]?.confidence ?? 0) < 0.5)) {
    const answer = bareAnswer(asked, spokenNumbers(westernDigits(input.text)), context, input.kb);
    const evidence = spans[0]?.text;
    if (answer && evidence) found[asked] = { ...answer, evidence };
  }

  const facts: LeadFacts = {};
  for (const [field, candidate] of Object.entries(found) as [LeadField, Candidate][]) {
    facts[field] = {
      value: candidate.value,
      evidence: candidate.evidence,
      ...(input.messageId === undefined ? {} : { messageId: input.messageId }),
      confidence: candidate.confidence,
      asked: asked === field,
      capturedAt: input.now,
    };
  }
  return facts;
}

/**
 * "Sarah Kim, sarah.kim@brightpath.co.uk", "tom becker - tom@acme.com": a name and an address said together, the name
 * first. Read when the first word is a known first name or the address's own local part begins with it.
 */
const NAME_THEN_EMAIL = /^\s*([\p{L}][\p{L}'’-]+(?:\s+[\p{L}][\p{L}'’-]+)?)\s*(?:[,;:–—-]|\s)\s*(?:email:?\s*|e-mail:?\s*)?[^\s@]+@[^\s@]+\.[^\s@]+?\s*[.!]?\s*$/u;

function nameBeforeEmail(sentence: string, context: PatternContext): Extracted | undefined {
  const match = NAME_THEN_EMAIL.exec(sentence);
  const words = match?.[1]?.split(/\s+/);
  const first = words?.[0]?.toLowerCase();
  const local = /([^\s@]+)@/.exec(sentence)?.[1]?.toLowerCase() ?? '';
  if (!words || !first || words.some((word) => context.ownNames.has(word.toLowerCase()))) return undefined;
  if (!FIRST_NAMES.has(first) && !(first.length >= 3 && local.startsWith(first))) return undefined;
  return { value: words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' '), confidence: 0.8 };
}

/** Replies that answer nothing: never stored as a value. */
const NON_ANSWER = re(
  "^(?:not sure|unsure|no idea|i don'?t know|don'?t know|dunno|maybe|perhaps|it depends|depends|n/a|none|nothing|skip|" +
    "rather not say|prefer not to say|no sé|no lo sé|ni idea|quizás|quizá|tal vez|depende|ok|okay|sure|thanks|thank you|gracias|hmm+|hm+|" +
    "(?:i'?m |i’m |we'?re |we’re )?just (?:looking|browsing)|solo (?:estoy )?mirando|je (?:regarde|jette un œil) (?:juste|seulement)|je ne fais que regarder|" +
    'ich schaue (?:nur|mich nur um)|wir schauen (?:nur|uns nur um)|أتصفح فقط|اتصفح فقط|أتفرج فقط|اتفرج فقط|' +
    "je ne sais pas|je sais pas|aucune idée|peut-être|ça dépend|pas sûr|pas sûre|d['’]accord|merci|" +
    'weiß nicht|weiss nicht|keine ahnung|vielleicht|kommt drauf an|danke|' +
    'لا أعرف|لا اعرف|لست متأكد|لست متأكدة|ربما|يعتمد|شكرا|شكرًا|حسنا|حسنًا|' +
    // A question of their own, however it is spelt ("wat about buisness", "and how about Pro").
    '(?:and |so )?(?:what|wat|wut|how) about|(?:y )?qu[eé] tal|et (?:pour|quid de)|und was ist mit|وماذا عن|ماذا عن)\\b',
);
/** "Great, see you then", "Perfect!", "bye": an acknowledgement or a goodbye, never the answer to a question asked. */
const ACK_OR_GOODBYE = re(
  "^(?:great|cool|perfect|awesome|nice|super|sounds good|got it|vale|genial|perfecto|estupendo|parfait|génial|prima|alles klar|klasse)(?:\\s*[,!.]|\\s*$)|" +
    "\\b(?:bye|goodbye|see you|see ya|talk soon|adiós|adios|hasta luego|hasta pronto|nos vemos|au revoir|à bientôt|a bientôt|tschüss|tschüs|bis dann|bis bald|auf wiedersehen|auf wiederhören|wiederhören|ciao|chao|chau|servus|bonne journée|bonne soirée)\\b|" +
    // "a plus", "à plus tard", "à+": a French goodbye, never a company's name.
    "^\\s*(?:(?:ok|merci|bon|allez)[,\\s]+)*[àa] (?:plus(?: tard)?|\\+)\\s*[!.]*\\s*$|" +
    // "تمام", "مع السلامة", "تسلم": an Arabic okay or goodbye, never a company's name.
    "^\\s*(?:تمام|طيب|ممتاز|حلو|زين|اوكي|أوكي|ماشي|تمام التمام)\\s*[!.،]*\\s*$|مع السلامة|في أمان الله|الله يعطيك العافية|يعطيك العافية|إلى اللقاء|الى اللقاء",
);
/** A thank-you anywhere in a short reply ("cool cheers", "va, gracias carnal"): politeness, never a name or company. */
const THANKS = re("\\b(?:cheers|thanks|thank you|thx|tysm|ty|gracias|merci|danke|dank|grazie)\\b|شكرا|شكرًا|مشكور|تسلم|يعطيك العافية");
const MONEY = re(
  '[$€£]\\s?\\d|\\d\\s?(?:[$€£]|dollars?|usd|euros?|eur|bucks|dólares|dolares)\\b|' +
    // "ca. 500 im Monat", "500 a month": an amount per period, a budget.
    '\\d\\s*(?:k\\s*)?(?:(?:a|per|/|im|pro|al|por|par)\\s*(?:month|mo|year|yr|monat|jahr|mes|año|mois|an)|monthly|yearly|monatlich|jährlich|mensuales?|anuales?|mensuels?|annuels?)\\b',
);
/**
 * "Bitte absagen", "please cancel", "book it": a request of ours, not the answer to the question asked (cancelling, in
 * all its forms, is `CANCEL_WORDS`, checked beside this).
 */
const REQUEST = re(
  "\\b(?:please|pls|bitte|por favor|s['’]il (?:vous|te) pla[iî]t|reschedule|verschieben|reprogramar|d[ée]placer|repeat after me|say that|pretend|ignore)\\b|" +
    // Moving the meeting, said as a command ("Déplacez-la à vendredi 10h" is no company name).
    "\\b(?:move it|push it|d[ée]placez|d[ée]place[- ]la|d[ée]calez|d[ée]cale[- ]la|reportez|mettez[- ]la|mu[eé]vel[ao]|c[aá]mbiala|p[aá]sala|moverla|cambiarla|verschieb(?:e|en sie)|verleg(?:e|en sie))\\b|" +
    // Asking for the paperwork or to sign up is a request, not a goal ("send me the contract").
    "\\b(?:send (?:me|us)|sign (?:me|us) up|the contract|el contrato|le contrat|den vertrag)\\b|" +
    // "Send me a brochure", "give me 30% off", "call me tomorrow", "make that Thursday": requests, in five languages.
    "\\b(?:give (?:me|us)|knock|call (?:me|us)|make (?:it|that)|env[ií]e(?:me|nos)|m[aá]nd(?:e|a)me|d[ée]me|envoyez-(?:moi|nous)|envoie-moi|donnez-(?:moi|nous)|appelez-moi|schicken sie (?:mir|uns)|schick mir|geben sie (?:mir|uns)|rufen sie (?:mich|uns))\\b|\\d+\\s?%|" +
    '(?:أرسل|ارسل|ابعث|ابعتلي|اعطني|أعطني|اتصل)(?:\\s|لي|وا)|' +
    // A message about an e-mail address (even a malformed one) or with markup answers no other question.
    "@|<|>|\\b(?:my )?(?:e-?mail|correo|courriel)\\b",
);
const NAME_PREFIX = re(
  "^(?:it'?s|it’s|i'?m|i’m|i am|my name is|name's|soy|me llamo|mi nombre es|this is|je m['’]appelle|je suis|moi c['’]est|c['’]est|mon nom est|" +
    'ich heiße|ich heisse|ich bin|mein name ist|hier ist|اسمي|إسمي|أنا|انا)\\s+',
);
const COMPANY_PREFIX = re(
  "^(?:it'?s|it’s|we'?re|we’re|we are|at|i work (?:at|for)|the company is|company is|somos|es|en|trabajo en|c['’]est|chez|je travaille (?:chez|pour)|" +
    'nous sommes|ich arbeite (?:bei|für)|bei|wir sind|das ist|أعمل في|اعمل في|أعمل لدى|اعمل لدى|في|لدى|من شركة|شركة)\\s+',
);
/** "Actually I'm in London" after "which company?" speaks of the prospect, not a company's name. */
const NOT_A_COMPANY = re(
  "(?:^|\\s)(?:i|i'm|i’m|im|i am|me|my|we|we'?re|we’re|our|us|actually|sorry|yo|estoy|estamos|soy|mi|je|j['’]|suis|nous|ich|bin|wir|mein|meine)(?=\\s|$)|^(?:in|based in|located in|à|aus)\\s",
);
const ROLE_PREFIX = re("^(?:i'?m|i’m|i am|soy|je suis|ich bin|أنا|انا)\\s+(?:the |a |an |el |la |un |una |le |l['’]|une |der |die |ein |eine )?");
const NOT_A_NAME = new Set(
  ['yes', 'no', 'nope', 'yeah', 'sí', 'si', 'hello', 'hi', 'hey', 'hola', 'why', 'what', 'later', 'oui', 'non', 'bonjour', 'salut', 'merci', 'ja', 'nein', 'hallo', 'danke', 'نعم', 'لا', 'مرحبا', 'شكرا', 'أهلا', 'اهلا'],
);
const YES_ME = re(
  // ("Me parece caro…", "si pagamos anual…", "yo creo que…": "me", "si", "yo" and "ich" only alone or with a word of deciding.)
  "^(?:(?:me|si|yo|ich)(?=\\s*(?:[.!,;]|$)|\\s+(?:and|y|und|et|too|también|mismo|misma|selbst|allein|decido|entscheide)\\b)|yes|yeah|yep|yup|correct|i do|i am|i will|that'?s me|that’s me|that would be me|that'd be me|myself|sí|soy yo|claro|" +
    "oui|moi|c['’]est moi|moi-même|ja|das bin ich|ich selbst|نعم|أنا|انا|أنا من يقرر|" +
    // "Who else would weigh in?" — "nobody", "just me": the decision is theirs.
    "(?:just|only) me|nobody(?: else)?|no ?one(?: else)?|no-one(?: else)?|nadie(?: más)?|solo yo|sólo yo|personne(?: d['’]autre)?|moi seul|juste moi|niemand(?: sonst)?|nur ich|ich allein|لا أحد|أنا فقط)\\b",
);
/** "No" alone to "will you be the one deciding, or is someone else involved?" means someone else; to "who else would
 *  weigh in?", nobody: it is not read either way (the question comes back in other words). */
const BARE_NO = re('^(?:no|nope|non|nein|لا)[\\s.!]*$');
const SOMEONE_ELSE = re(
  "^(?:nope|not me|not really|my (?:boss|manager|ceo|cfo|cto|director|team|founder|partner)|someone else|the (?:ceo|cfo|cto|board|founder|owner)|" +
    "mi jefe|mi jefa|otra persona|el director|la dirección|non|mon (?:patron|chef|directeur|manager)|ma (?:patronne|cheffe|directrice|direction)|quelqu['’]un d['’]autre|" +
    'nein|mein (?:chef|vorgesetzter|geschäftsführer)|meine (?:chefin|vorgesetzte|geschäftsführerin|geschäftsführung)|jemand anderes|jemand anders|' +
    'لا|مديري|رئيسي|شخص آخر|الإدارة|الادارة)\\b',
);

/** A short reply to the question we just asked, taken at a lower confidence than an explicit statement. */

const TIME_CUE = re(
  '\\d|\\b(?:asap|soon|now|today|tomorrow|week|weeks|month|months|quarter|year|q[1-4]|spring|summer|autumn|fall|winter|end of|next|this|by|within|before|after|immediately|urgent|later|' +
    'january|february|march|april|may|june|july|august|september|october|november|december|mes|meses|semana|semanas|a[nñ]o|trimestre|pronto|ya|ahora|antes|despu[eé]s|pr[oó]xim[oa]|' +
    'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|' +
    "mois|semaines?|année|années|bientôt|maintenant|aujourd['’]hui|demain|prochaine?|fin|avant|après|dès|d['’]ici|vite|" +
    'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|' +
    'monat|monate[n]?|woche[n]?|jahr|jahres|quartal|bald|jetzt|heute|morgen|nächste[nmsr]?|ende|bis|vor|nach|sofort|später|' +
    'januar|februar|märz|juni|juli|oktober|dezember|' +
    'شهر|أشهر|اشهر|شهور|أسبوع|اسبوع|أسابيع|سنة|العام|الربع|القادم|المقبل|قريبا|قريبًا|الآن|الان|اليوم|غدا|غدًا|قبل|بعد|خلال|نهاية|فورا|فورًا)\\b',
);

const NOT_A_NEED_ANSWER = new Set<SalesIntent>(['objection', 'human', 'booking', 'injection', 'off_topic', 'small_talk']);
/** A need said outright may come with an objection or a meeting ("we need reporting but it's pricey"); not with these. */
const NOT_A_NEED_STATEMENT = new Set<SalesIntent>(['human', 'injection', 'off_topic', 'small_talk']);
/** Wanting "information" says nothing of what they need: "quiero información", "I'd like more info". */
const JUST_INFORMATION = re(
  "^(?:(?:i|we)(?:'d| would)? (?:like|want|need)|quiero|queremos|necesito|je veux|je voudrais|nous voulons|ich möchte|ich will|wir möchten|أريد|نريد) (?:some |more |más |plus d['’] ?|mehr |)(?:info|infos|information|informations|información|informaciones|informationen|details|detalles|détails|معلومات)[\\s.!]*$",
);

/**
 * A sentence that cannot be their need, whatever its words: a complaint about the chat ("you're useless"), a request
 * for a person ("Ich möchte mit einem Menschen sprechen") or to stop asking, small talk, an injection, an objection.
 */
function notANeed(sentence: string, kb: KnowledgeBase | undefined, intents: ReadonlySet<SalesIntent> = NOT_A_NEED_ANSWER): boolean {
  const length = sentence.trim().split(/\s+/).length;
  const onlyWhen = SAYS_WHEN.test(sentence) && (length <= 5 || (length <= 9 && TIME_ACCEPTED.test(sentence) && !WANTS.test(sentence)));
  return onlyWhen || ASKS_US.test(sentence.trim()) || ABOUT_THE_REPLY.test(sentence.trim()) || ONLY_A_CORRECTION.test(sentence.trim()) || KEPT_TEAM.test(sentence.trim()) || ABOUT_THIS_CHAT.test(sentence) || NOT_A_GOAL.test(sentence.trim()) || PLAN_CHOICE.test(sentence.trim()) || intents.has(classifySalesIntent(sentence, kb)) || FRUSTRATED.test(sentence) || STOP_QUESTIONS.test(sentence) || JUST_INFORMATION.test(sentence.trim());
}

/** About how we answer, not their business: "too long, shorter", "tl;dr", "one line please", "you said starter fits us". */
const ABOUT_THE_REPLY =
  /^(?:(?:but|well|hm+|wait)[,\s]+)?you (?:said|told me|mentioned|recommended|suggested|quoted)\b|^(?:(?:ok(?:ay)?|so|and)[,\s]+)?what(?:'s| is|s) the catch\b|^(?:(?:ok(?:ay)?|please|pls|no|ugh)[,!\s]+)?(?:too long|(?:way )?too much (?:text|info)|shorter|tl;?dr|keep it short|be brief|less text|(?:just|only) (?:the|a) (?:number|price|total|figure)|(?:(?:monthly|annual|yearly) )?(?:total|price|number|figure)s? only|(?:in )?one line)\b[\s\S]{0,30}$/i;
/** A number corrected and nothing else: "no wait, 16", "sorry, 25", "oops 18 not 16". */
const ONLY_A_CORRECTION = /^(?:(?:no|wait|sorry|oops|actually|i meant|i mean|make (?:it|that)|not|rather|typo|my bad)[\s,.!:-]*)+\d[\d\s,.!]*(?:(?:not|no)\s+\d+[\s.!]*)?(?:people|seats|users|of us)?[\s.!]*$/i;

/**
 * A question to us, typed where their need was asked: "any case studies in logistics", "tell me about enterprise",
 * "do you have an API?", "what does pro include". A question is never the need ("we need …" said in it is, below).
 */
const ASKS_US =
  /^(?:(?:and|so|ok(?:ay)?|hi|hey|also|but)[,!\s]+)?(?:any|got any|do you (?:have|offer|support|do)|have you got|are there|is there|tell me (?:about|more)|what(?:'s| is| are| about| does| do)|which|how (?:much|many|long|does|do you|is)|does|can you (?:tell|show|send|explain)|show me|where|who)\b(?![^.?!]*\b(?:we|our|us|i)\s+(?:need|want|struggle|lose|waste|spend|are (?:trying|looking)|have (?:a|an) (?:problem|issue)))/i;

/**
 * A choice, a request or a question about the record, however it is typed: "let's go with Business", "we'll take Pro",
 * "thats for how many people", "remind me what you know", "rappelle-moi combien on est", "ذكرني بما تعرفه عني",
 * "I'd like to know the prices", "ابي اعرف الاسعار". Never the need they came with.
 */
const NOT_A_GOAL = re(
    // ("sorry cat on keyboard", "oops wrong window", "ignore that": an apology for a message, no goal.)
    "^(?:sorry|oops|whoops|my bad|ignore (?:that|this|me)|never ?mind|nvm)\\b(?:[\\s,!.]+(?:cat|dog|kid|kids|typo|wrong|window|tab|chat|ignore|my|bad|that|about|the|on|keyboard|mistake|fat|fingers?|sent|pressed|too|early|by|accident|accidentally)){0,6}[\\s!.]*$|" +
    // (At the start: "we need a tool to remind me of deadlines" is a need.)
    "^(?:(?:ok(?:ay)?|so|and|please|pls|et|y|und|bitte|por favor)[,!]?\\s+)?(?:can you |could you |pouvez-vous |puedes |k[öo]nnen sie )?(?:remind me|rappelle[- ]moi|rappelez[- ]moi|recu[eé]rda(?:me|nos)|recu[eé]rde(?:me|nos)|erinnern sie mich|erinnere? mich)\\b|^\\s*(?:و\\s?)?(?:ذكرني|ذكّرني|فكرني)|" +
    "^(?:and |so )?(?:that['’]?s|thats|is that|is this|c['’]est|eso es|das ist|ist das) (?:for|pour|para|für) (?:how many|combien|cu[aá]nt[oa]s|wie viele)\\b|" +
    "\\b(?:(?:i|we)(?:['’]d| would)? (?:like|want|need) to (?:know|see|get) (?:the |your )?(?:price|prices|pricing|cost|costs)|quiero saber (?:el precio|los precios|cu[aá]nto cuesta)|(?:quiero|quisiera|necesito|busco) (?:m[aá]s )?(?:info|informaci[oó]n)(?: de| sobre)? (?:(?:los |el )?precios?|(?:los |sus )?planes|tarifas)|(?:je (?:veux|voudrais|cherche) (?:des |plus d['’])?(?:infos?|informations?) (?:sur |de )?(?:les |vos )?(?:prix|tarifs|offres))|(?:ich (?:m[öo]chte|h[äa]tte gerne?|suche) (?:infos?|informationen) (?:zu |über )?(?:den |ihren )?(?:preisen|tarifen))|" +
    "je (?:veux|voudrais) (?:conna[iî]tre|savoir) (?:le prix|les prix|les tarifs)|ich (?:m[öo]chte|will) (?:die )?preise (?:wissen|kennen))\\b|" +
    '(?:ابي|ابغى|أبغى|ابغي|أبي|أريد|اريد|بدي|عايز|عاوز|نبي|نبغى)\\s+(?:اعرف|أعرف|معرفة|نعرف)\\s+(?:ال)?(?:اسعار|أسعار|سعر)|' +
    // ("I want a quote", "quiero una cotización", "je voudrais un devis", "ich möchte ein Angebot", "أريد عرض سعر": a price asked for.)
    "^(?:(?:i|we)(?:['’]d| would)? (?:like|want|need)|(?:can|could) (?:i|we) (?:get|have)|quiero|quisiera|necesito|queremos|je (?:veux|voudrais)|nous (?:voulons|voudrions)|ich (?:m[öo]chte|will|h[äa]tte gern)|wir (?:m[öo]chten|wollen|h[äa]tten gern))\\s+(?:a |an |the |some |una |un |le |ein |das )?(?:quote|quotation|proposal|price quote|cotizaci[oó]n|presupuesto|devis|angebot)\\b[\\s.!?]*$|" +
    '^(?:أريد|اريد|ابي|أبي|ابغى|أبغى|بدي|عايز|عاوز|نريد|نبي)\\s+عرض(?:ًا|ا)?\\s+(?:ال)?(?:سعر|أسعار|اسعار)[\\s.!؟]*$',
);

/**
 * A word about the conversation itself, not their business: "I just want to get this right the first time rather than
 * going back and forth by email", "sorry for the wall of text", "let me give you some background".
 */
const ABOUT_THIS_CHAT = re(
  "\\b(?:get (?:this|it|things) right|wall of text|long message|give you (?:some )?(?:background|context)|make sure you understand|before we go (?:any )?further|" +
    // "Prefiero hablar en español", "can we speak English?": the language of the chat.
    "(?:prefer|prefiero|préfère|preferiría|lieber)\\b.{0,20}\\b(?:english|spanish|french|german|arabic|español|inglés|francés|alemán|árabe|anglais|espagnol|français|allemand|arabe|englisch|spanisch|französisch|deutsch|arabisch)|" +
    "(?:speak|talk|write|hablar|escribir|parler|écrire|sprechen|schreiben) (?:in |en |auf )(?:english|spanish|french|german|arabic|español|inglés|francés|alemán|árabe|anglais|espagnol|français|allemand|arabe|englisch|spanisch|französisch|deutsch|arabisch)|" +
    "sorry for the|pardon the|excuse the|perdón por el (?:mensaje|texto)|disculpe? (?:el|la) (?:mensaje|texto)|désolée? pour (?:le|ce) (?:long )?(?:message|pavé)|entschuldig\\w* (?:die|den|das) (?:lange|langen) (?:nachricht|text))",
);

/** A price asked about one of our plans, by name: "and Business annually?", "y el business anual", "was kostet Pro". */
function asksPlanPrice(text: string, kb: KnowledgeBase | undefined): boolean {
  if (!kb || classifySalesIntent(text, kb) !== 'pricing') return false;
  const folded = ` ${fold(text)} `;
  return kb.plans.some((plan) => [plan.name, plan.id, ...plan.aliases].some((name) => folded.includes(` ${fold(name)} `)));
}

/** "Tomorrow at 9:30am", "lundi 10h", "afternoon": a time, answering when (a meeting), never a name or a company. */
const SAYS_WHEN = re(
  "\\b(?:today|tomorrow|tonight|morning|afternoon|evening|noon|midday|tarde|noche|mediod[ií]a|matin|apr[eè]s-midi|soir|morgens|vormittags?|nachmittags?|abends|mittags?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|next week|hoy|mañana|lunes|martes|miércoles|jueves|viernes|sábado|domingo|" +
    "aujourd['’]hui|demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|heute|morgen|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\\b|" +
    "\\b\\d{1,2}(?::\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|h|uhr)(?!\\p{L})|\\b\\d{1,2}:\\d{2}\\b|غدا|غدًا|اليوم|" +
    'ال(?:أحد|احد|إثنين|اثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|سبت)(?=\\s|$|[،؟?!.])|الساعة',
);
/** An hour said with its preposition ("a las 10", "um 10"): a time, not a head count. */

const CLOCK_HOUR = re('\\b(?:a las|a la|um)\\s+\\d{1,2}\\b');
/** A clock time ("3pm", "15:00", "a las 15", "um 15 Uhr", "16h"): the hour of a meeting, never a head count. */
const CLOCK_TIME = re('\\b\\d{1,2}(?::\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|h|uhr)(?!\\p{L})|\\b\\d{1,2}:\\d{2}\\b|\\b(?:a las|a la|um)\\s+\\d{1,2}\\b', 'giu');
/** "We need something that works by Monday" still says what they need. */
const WANTS = re('\\b(?:need|needs|want|looking for|necesit\\w*|buscamos|brauchen|ben[öo]tigen|besoin)\\b');
/** "Tomorrow 3pm works for me", "mañana a las 15:00 me va bien": a time accepted, never the need they came with. */
const TIME_ACCEPTED = re("\\b(?:works?|suits?|is fine|is good|sounds good|fine|good|ok(?:ay)?|me va bien|me viene bien|me sirve|me va|me vale|me conviene|est[aá] bien|me convient|(?:ça|ca) (?:me )?va|c['’]est (?:bon|parfait)|passt|geht|ist gut|klappt)\\b");

function bareAnswer(field: LeadField, text: string, context: PatternContext, kb: KnowledgeBase | undefined): Extracted | undefined {
  const answer = tidy(text.trim());
  const words = answer.split(/\s+/).filter(Boolean);
  if (answer === '' || isQuestion(text.trim()) || DECLINES_TO_SAY.test(answer) || NON_ANSWER.test(answer) || ACK_OR_GOODBYE.test(answer) || REQUEST.test(answer) || CANCEL_WORDS.test(answer)) return undefined;
  const short = words.length <= 8;
  // ("Es demasiado caro para nosotros" to "which company are you with?": an objection, never a name or company.)
  if ((field === 'name' || field === 'company' || field === 'role') && (THANKS.test(answer) || classifySalesIntent(answer, kb) === 'objection')) return undefined;
  switch (field) {
    case 'name': {
      // "Thursday" after "what day and time suit you?" answers that question, even where a name was asked before.
      if (SAYS_WHEN.test(answer)) return undefined;
      // ("Andrés Pérez, de FintechCo", "Tim Berger, von Pixelwerk": the name is what comes before where they work.)
      const name = tidy(answer.replace(NAME_PREFIX, '').replace(re('\\s+(?:here|aquí|ici|hier)$'), '').replace(re('\\s*,\\s*(?:de|del|from|von|bei|chez|at|en)\\s+\\S.*$'), ''));

      const parts = name.split(/\s+/);
      if (parts.length > 3 || !parts.every((part) => /^[\p{L}][\p{L}'’.-]*$/u.test(part))) return undefined;
      if (NOT_A_NAME.has(parts[0]?.toLowerCase() ?? '') || context.ownNames.has(name.toLowerCase())) return undefined;
      return { value: parts.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join(' '), confidence: 0.6 };
    }
    case 'company': {
      const company = tidy(answer.replace(COMPANY_PREFIX, ''));
      // ("رقم جوالي ٠٥٠١٢٣٤٥٦٧", "Telefon 0171 2345678": a phone number, never the company's name.)
      if (!short || SAYS_WHEN.test(company) || CLOCK_HOUR.test(company) || company.split(/\s+/).length > 4 || context.ownNames.has(company.toLowerCase()) || NOT_A_COMPANY.test(company) || /\d(?:[\s.-]?\d){6,}/.test(company)) return undefined;
      return /\p{L}/u.test(company) ? { value: company, confidence: 0.6 } : undefined;
    }
    case 'teamSize': {
      // "Your website says Pro is $19": an amount of money is never a head count.
      if (MONEY.test(answer) || USAGE.test(answer)) return undefined;
      // ("Tomorrow 3pm works for me" names the hour of a meeting: the 3 is no head count.)
      const counted = answer.replace(CLOCK_TIME, ' ');
      const first = numbersIn(counted)[0] ?? parseCount(counted.split(/\s+/).find((word) => parseCount(word) !== undefined) ?? '');
      return short && first !== undefined && Number.isInteger(first) ? { value: first, confidence: 0.65 } : undefined;
    }
    case 'budget':
      return short && numbersIn(answer).length > 0 ? { value: answer, confidence: 0.6 } : undefined;
    case 'role': {
      const role = tidy(answer.replace(ROLE_PREFIX, ''));
      return words.length <= 6 && /\p{L}/u.test(role) ? { value: role, confidence: 0.55 } : undefined;
    }
    case 'timeline':
      // "We use Jira heavily" after "when?" changes the subject: an answer about time has a word about time.
      // ("15" alone is no time: 15 days, the 15th, 15 people? Only a year, "2027", says when on its own.)
      if (BARE_COUNT.test(answer) && !/^\s*(?:19|20)\d{2}\s*$/.test(answer)) return undefined;
      // (Nor a plan's price asked for a period: "cuanto seria business para 25 anual" asks, it says no date; nor small
      // talk with a day in it, "the weather is nice today".)
      return words.length <= 6 && TIME_CUE.test(answer) && !asksPlanPrice(answer, kb) && !isOffTopicRemark(answer) ? { value: answer, confidence: 0.55 } : undefined;
    case 'need': {
      // "hay app movil? el equipo esta siempre en la calle": the question they ask is no part of the need; what they
      // tell us is (and a message that only asks states none).
      const told = answer.split(/(?<=[?؟])\s+|\s+(?=¿)/u).filter((part) => !/[?؟]\s*$/u.test(part) && !/^\s*¿/u.test(part)).join(' ').trim();
      if (told !== answer) return told === '' ? undefined : bareAnswer(field, told, context, kb);
      // "Je m'appelle Marie…" after "what are you hoping to solve?" introduces the prospect; it is not their need. Nor
      // is an objection ("too expensive, Trello is free") or a request for a person or a demo.
      // Nor a price asked about a plan ("y el business anual", "und business jährlich").
      // ("Reporting", "berichte automatisieren": a word or two of substance answers the question it was asked.)
      return (words.length >= 3 || (/^[\p{L}-]{3,}(?:\s+[\p{L}-]{3,})?$/u.test(answer) && answer.length >= 8)) && !NAME_PREFIX.test(answer) && !COMPANY_PREFIX.test(answer) && !notANeed(answer, kb) && !asksPlanPrice(answer, kb) && !FUTURE_HIRES.test(answer) && !FUTURE_TEAM.test(answer) && !NO_NEED.test(answer) && !(BESIDE_THE_NEED.test(answer) && !extractNeed(answer))
        ? { value: answer, confidence: 0.55 }
        : undefined;
    }
    case 'authority':
      if (BARE_NO.test(answer)) return undefined;
      if (SOMEONE_ELSE.test(answer) || SHARED_DECISION.test(answer)) return { value: 'needs approval', confidence: 0.6 };
      if (YES_ME.test(answer)) return { value: 'decision maker', confidence: 0.6 };
      return undefined;
    case 'email':
    case 'phone':
      // Only the patterns can vouch for contact details: a bare "yes" is not an email address.
      return undefined;
  }
}
