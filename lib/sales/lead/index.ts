import { CORRECTION, digitsOf, fold, numbersIn, re } from '@/lib/sales/lead/text';
import { EMAIL, writtenEmails } from '@/lib/sales/lead/patterns';
import type { LeadFacts } from '@/lib/sales/lead/extract';
import { splitSentences } from '@/lib/sales/sentences';
import type { LeadFact, LeadField, LeadRecord, LeadScore } from '@/lib/sales/types';

/**
 * The lead record's rules: merging new facts, scoring, proving a value with the prospect's own sentence, and the
 * one-line summary prompts carry. Extraction lives in extract.ts and is re-exported here so callers import one
 * module. Pure and client-safe.
 */
export { extractLeadFacts, QUESTION_HINT_CONFIDENCE, type ExtractLeadInput, type LeadFacts } from '@/lib/sales/lead/extract';

/** Facts below this confidence (hints inside questions) are kept and shown as unconfirmed, but earn no score. */
export const MIN_SCORING_CONFIDENCE = 0.5;

/**
 * Points per field, summing to 100. Contact details that let sales follow up weigh most (email), then the BANT facts
 * that make a lead worth a rep's time. Team size earns full points when it fits the self-serve team plans.
 */
export const LEAD_SCORE_TABLE = {
  email: { points: 20, reason: 'email given' },
  name: { points: 5, reason: 'name given' },
  phone: { points: 5, reason: 'phone given' },
  company: { points: 5, reason: 'company given' },
  role: { points: 5, reason: 'role given' },
  teamSizeFits: { points: 10, reason: 'team size fits Pro/Business', min: 3, max: 1000 },
  teamSizeOther: { points: 5, reason: 'team size given' },
  budget: { points: 15, reason: 'budget stated' },
  noBudget: { points: 0, reason: 'no budget set yet' },
  decisionMaker: { points: 15, reason: 'decision maker' },
  needsApproval: { points: 5, reason: 'approval path known' },
  need: { points: 10, reason: 'need stated' },
  timelineSoon: { points: 10, reason: 'timeline within 3 months' },
  timelineLater: { points: 5, reason: 'timeline given' },
} as const;

export function scoreLead(lead: Pick<LeadRecord, 'fields'>): LeadScore {
  const reasons: string[] = [];
  let score = 0;
  const add = (entry: { points: number; reason: string }) => {
    score += entry.points;
    reasons.push(`+${entry.points} ${entry.reason}`);
  };
  const fact = (field: LeadField): LeadFact | undefined => {
    const found = lead.fields[field];
    return found && found.confidence >= MIN_SCORING_CONFIDENCE ? found : undefined;
  };
  const table = LEAD_SCORE_TABLE;
  if (fact('email')) add(table.email);
  if (fact('name')) add(table.name);
  if (fact('phone')) add(table.phone);
  if (fact('company')) add(table.company);
  if (fact('role')) add(table.role);
  const seats = Number(fact('teamSize')?.value);
  if (Number.isFinite(seats) && seats > 0) {
    add(seats >= table.teamSizeFits.min && seats <= table.teamSizeFits.max ? table.teamSizeFits : table.teamSizeOther);
  }
  const budget = fact('budget');
  if (budget) add(budget.value === 'no budget set' ? table.noBudget : table.budget);
  const authority = fact('authority');
  if (authority) add(authority.value === 'decision maker' ? table.decisionMaker : table.needsApproval);
  if (fact('need')) add(table.need);
  const timeline = fact('timeline');
  if (timeline) {
    const months = monthsAhead(String(timeline.value), timeline.capturedAt);
    add(months !== undefined && months <= 3 ? table.timelineSoon : table.timelineLater);
  }
  return { score: Math.min(100, score), reasons };
}


/**
 * Folds new facts into the lead. A new value wins when it is at least as confident as the stored one, or when the
 * prospect explicitly corrects themselves ("actually, it's ana@newco.com") even at a lower confidence. `changed`
 * lists fields whose value is new or different (what the UI should confirm), not mere confidence bumps.
 */
export function mergeLead(lead: LeadRecord, facts: LeadFacts, now: number): { lead: LeadRecord; changed: LeadField[] } {
  const fields = { ...lead.fields };
  const changed: LeadField[] = [];
  let touched = false;
  for (const [field, fact] of Object.entries(facts) as [LeadField, LeadFact | undefined][]) {
    if (!fact) continue;
    const current = fields[field];
    if (current && sameValue(current.value, fact.value)) {
      if (fact.confidence > current.confidence) {
        fields[field] = fact;
        touched = true;
      }
      continue;
    }
    const correction = current !== undefined && CORRECTION.test(fact.evidence) && fact.capturedAt >= current.capturedAt;
    if (!current || fact.confidence >= current.confidence || correction) {
      fields[field] = fact;
      changed.push(field);
      touched = true;
    }
  }
  const { score, reasons } = scoreLead({ fields });
  return { lead: { fields, score, reasons, updatedAt: touched ? now : lead.updatedAt }, changed };
}

function sameValue(a: string | number, b: string | number): boolean {
  return fold(String(a)) === fold(String(b));
}

/** Words that carry no identity in a value ("$5k a month" is proven by its number, not by "a month"). */
const FILLER = new Set(
  (
    'the and for our with per month monthly year yearly annual annually seat seats user users dollars dollar usd eur euro euros about around roughly approximately budget people team mes año ' +
    'par mois ans personnes utilisateurs environ pro monat jahr personen nutzer etwa شهر سنة شخص اشخاص مستخدم حوالي'
  ).split(' '),
);

/**
 * The prospect's sentence that states `value`, newest first; null when the prospect never said it. Used to refuse
 * values an LLM passes to capture_lead that the prospect did not give. Emails and phones compare by their characters
 * and digits, numbers by value ("1,200" = "1200", "5k" = "5000"), words ignoring case, accents and punctuation.
 */
export function findEvidence(
  value: string,
  userMessages: readonly { id: string; text: string }[],
): { sentence: string; messageId: string } | null {
  const needle = value.trim();
  if (needle === '') return null;
  const matches = evidenceMatcher(needle);
  for (let i = userMessages.length - 1; i >= 0; i--) {
    const message = userMessages[i];
    if (!message) continue;
    const sentences = splitSentences(message.text);
    for (let j = sentences.length - 1; j >= 0; j--) {
      const sentence = sentences[j];
      if (sentence !== undefined && matches(sentence)) return { sentence, messageId: message.id };
    }
  }
  return null;
}

function evidenceMatcher(value: string): (sentence: string) => boolean {
  if (new RegExp(`^${EMAIL.source}$`).test(value)) {
    const email = value.toLowerCase();
    return (sentence) => (writtenEmails(sentence).match(new RegExp(EMAIL.source, 'g')) ?? []).some((found) => found.toLowerCase() === email);
  }
  const digits = digitsOf(value);
  if (digits.length >= 7 && /^[\d\s+().-]+$/.test(value)) return (sentence) => digitsOf(sentence).includes(digits);
  const folded = fold(value);
  const numbers = numbersIn(value);
  const words = folded.split(' ').filter((word) => word.length > 2 && !FILLER.has(word) && !/^\d/.test(word));
  return (sentence) => {
    const haystack = fold(sentence);
    if (` ${haystack} `.includes(` ${folded} `)) return true;
    const sentenceWords = haystack.split(' ');
    const present = (word: string) => sentenceWords.some((candidate) => sharesStem(candidate, word));
    if (numbers.length > 0) {
      const said = numbersIn(sentence);
      return numbers.every((number) => said.includes(number)) && words.every(present);
    }
    // A paraphrased need ("automate onboarding" for "we need to automate our onboarding") still has its words.
    return words.length >= 3 && words.filter(present).length / words.length >= 0.75;
  };
}

/** Loose stemming: "onboarding" and "onboard", "projects" and "project" share their first five letters. */
function sharesStem(a: string, b: string): boolean {
  const length = Math.min(5, a.length, b.length);
  return length >= 3 && a.slice(0, length) === b.slice(0, length) && Math.abs(a.length - b.length) <= 4;
}

/** One line for prompts: "Ana (CTO) at Acme, ana@acme.com, 40 seats; need: …; budget unknown; timeline: Q1". */
export function leadSummary(lead: Pick<LeadRecord, 'fields' | 'score'>): string {
  const { fields } = lead;
  if (Object.keys(fields).length === 0) return 'Nothing known about the prospect yet.';
  const show = (field: LeadField, format: (value: string) => string = (value) => value): string | undefined => {
    const fact = fields[field];
    if (!fact) return undefined;
    const text = format(clip(String(fact.value), 100));
    return fact.confidence < MIN_SCORING_CONFIDENCE ? `${text} (unconfirmed)` : text;
  };
  const name = show('name') ?? 'Prospect';
  const role = show('role');
  const company = show('company');
  const who = `${name}${role ? ` (${role})` : ''}${company ? ` at ${company}` : ''}`;
  const contact = [who, show('email'), show('phone'), show('teamSize', (value) => `${value} seats`)].filter(Boolean);
  const bant = [
    `need: ${show('need') ?? 'unknown'}`,
    show('budget', (value) => `budget: ${value}`) ?? 'budget unknown',
    show('authority', (value) => `authority: ${value}`) ?? 'authority unknown',
    show('timeline', (value) => `timeline: ${value}`) ?? 'timeline unknown',
  ];
  return `${contact.join(', ')}; ${bant.join('; ')}; score ${lead.score}/100`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const MONTH_INDEX: Record<string, number> = {
  jan: 0, january: 0, enero: 0, feb: 1, february: 1, febrero: 1, mar: 2, march: 2, marzo: 2, apr: 3, april: 3, abril: 3,
  may: 4, mayo: 4, jun: 5, june: 5, junio: 5, jul: 6, july: 6, julio: 6, aug: 7, august: 7, agosto: 7, sep: 8, sept: 8,
  september: 8, septiembre: 8, setiembre: 8, oct: 9, october: 9, octubre: 9, nov: 10, november: 10, noviembre: 10,
  dec: 11, december: 11, diciembre: 11,
  // Arabic, folded (no hamza): the Egyptian and Gulf names, then the Levantine ones.
  يناير: 0, فبراير: 1, مارس: 2, ابريل: 3, مايو: 4, يونيو: 5, يونيه: 5, يوليو: 6, يوليه: 6, اغسطس: 7, سبتمبر: 8, اكتوبر: 9, نوفمبر: 10, ديسمبر: 11,
  شباط: 1, اذار: 2, نيسان: 3, ايار: 4, حزيران: 5, تموز: 6, ايلول: 8,

  janvier: 0, januar: 0, fevrier: 1, februar: 1, mars: 2, marz: 2, maerz: 2, avril: 3, mai: 4, juin: 5, juni: 5,
  juillet: 6, juli: 6, aout: 7, septembre: 8, octobre: 9, oktober: 9, novembre: 10, decembre: 11, dezember: 11,
};
/** The first month name in a folded text, longest spelling first ("september" before "sep"). */
const MONTH_NAMES = re(`\\b(${Object.keys(MONTH_INDEX).sort((a, b) => b.length - a.length).join('|')})\\b`);
const AMOUNT_WORDS: Record<string, number> = {
  'a couple of': 2, 'a few': 3, 'unos pocos': 3, 'ein paar': 3, quelques: 3, a: 1, an: 1, one: 1, un: 1, una: 1, une: 1, einem: 1, einer: 1,
  two: 2, dos: 2, deux: 2, zwei: 2, three: 3, tres: 3, trois: 3, drei: 3, four: 4, cuatro: 4, quatre: 4, vier: 4, six: 6, seis: 6, sechs: 6,
  unos: 3, unas: 3,
};
/** Months per unit, in the folded spelling monthsAhead reads ("días" → "dias", "أشهر" → "اشهر"). */
const UNIT_MONTHS: Record<string, number> = {
  days: 0, day: 0, dias: 0, dia: 0, jours: 0, jour: 0, tagen: 0, tage: 0, tag: 0, ايام: 0, يوم: 0,
  weeks: 1 / 4.35, week: 1 / 4.35, semanas: 1 / 4.35, semana: 1 / 4.35, semaines: 1 / 4.35, semaine: 1 / 4.35, wochen: 1 / 4.35, woche: 1 / 4.35,
  اسابيع: 1 / 4.35, اسبوع: 1 / 4.35,
  months: 1, month: 1, meses: 1, mes: 1, mois: 1, monaten: 1, monate: 1, monat: 1, اشهر: 1, شهور: 1, شهر: 1,
  quarters: 3, quarter: 3, trimestres: 3, trimestre: 3, quartale: 3, quartal: 3,
};
/** Timeline phrases by how soon they are, folded as fold() leaves them (no accents, no hamza seats), in five languages. */
const SOON_PHRASES = {
  now:
    'asap|a\\.s\\.a\\.p|soon as possible|right away|immediately|urgent\\w*|cuanto antes|antes posible|ya mismo|de inmediato|this (?:week|month)|esta semana|este mes|' +
    'end of (?:the |this )?month|fin(?:ales)? de mes|des que possible|au plus vite|le plus (?:vite|tot) possible|tout de suite|immediatement|cette semaine|ce mois(?: ci)?|' +
    'fin du mois|so schnell wie moglich|schnellstmoglich|moglichst bald|sofort|umgehend|diese[nmsr]? (?:monat|woche)|ende des monats|' +
    'اقرب وقت|اسرع وقت|باسرع وقت|فورا|حالا|هذا الشهر|هذا الاسبوع|نهاية الشهر',
  oneMonth:
    'next (?:week|month|few weeks)|(?:mes|semana) que viene|proxim[oa] (?:mes|semana)|(?:mois|semaine) prochaine?|prochaine? (?:mois|semaine)|' +
    'nachste[nmsr]? (?:monat|woche)|(?:الشهر|الاسبوع) (?:القادم|المقبل)',
  thisQuarter: 'this quarter|este trimestre|end of (?:the |this )?quarter|next few months|ce trimestre|fin du trimestre|diese[nmsr]? quartal|هذا الربع',
  nextQuarter: 'next quarter|trimestre que viene|proximo trimestre|trimestre prochain|prochain trimestre|nachste[nmsr]? quartal|الربع (?:القادم|المقبل)',
  endOfYear:
    'end of (?:the |this )?year|this year|este ano|fin(?:ales)? de ano|fin de l annee|fin d annee|cette annee|ende des jahres|jahresende|dieses jahr|' +
    'نهاية (?:العام|السنة)|هذا العام|هذه السنة',
  nextYear: 'next year|ano que viene|proximo ano|annee prochaine|an prochain|prochaine annee|nachste[nmsr]? jahr|(?:العام|السنة) (?:القادم|المقبل|القادمة|المقبلة)',
};
const SOON = Object.fromEntries(Object.entries(SOON_PHRASES).map(([key, phrases]) => [key, re(`\\b(?:${phrases})\\b`)])) as Record<keyof typeof SOON_PHRASES, RegExp>;
const SPAN = re(`\\b(\\d+|${Object.keys(AMOUNT_WORDS).join('|')}) (${Object.keys(UNIT_MONTHS).join('|')})\\b`);

/** How many months away a stated timeline is, counted from when it was said; undefined when it cannot be told. */
export function monthsAhead(timeline: string, saidAt: number): number | undefined {
  const text = fold(timeline);
  const month = new Date(saidAt).getUTCMonth();
  if (SOON.now.test(text)) return 0;
  if (SOON.oneMonth.test(text)) return 1;
  if (SOON.thisQuarter.test(text)) return 3;
  if (SOON.nextQuarter.test(text)) return 4;
  if (SOON.endOfYear.test(text)) return 11 - month;
  if (SOON.nextYear.test(text)) return 12;
  const span = SPAN.exec(text);
  if (span?.[1] && span[2]) {
    const amount = Number(span[1]) || AMOUNT_WORDS[span[1]] || 1;
    return Math.floor(amount * (UNIT_MONTHS[span[2]] ?? 1));
  }
  const quarter = /q([1-4])/.exec(text)?.[1];
  if (quarter) {
    const start = (Number(quarter) - 1) * 3;
    return month >= start && month < start + 3 ? 0 : (start - month + 12) % 12;
  }
  const named = MONTH_NAMES.exec(text)?.[1];
  if (named !== undefined) return ((MONTH_INDEX[named] ?? month) - month + 12) % 12;
  return undefined;
}
