/**
 * What kind of clause an amount sits in, for the price guard (./index.ts): a price of ours, the prospect's budget or
 * their figure said back, an offer or an agreement, a discount, an approximation; and the quantities (seats, months)
 * a text states, which totals may be worked out from.
 */
import { SPACE, asciiDigits, wordNumbers } from './reading';

/** `\b` for every script: JavaScript's is ASCII-only, so "sí" or "wäre" would never end a word. */
const B = '(?:(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}]))';
const unicodeWords = (pattern: RegExp): RegExp => new RegExp(pattern.source.replace(/\\b/g, B), pattern.flags.includes('u') ? pattern.flags : `${pattern.flags}u`);

/** Words that make an amount a price of ours: a unit, a billing period, a price verb or noun. */
export const PRICE_CONTEXT = unicodeWords(new RegExp(
  [
    '\\b(?:per|a|an|each|every)\\s+(?:seat|user|licen[cs]e|month|year|person|member|head|week|day|quarter)',
    '/\\s*(?:seat|user|mo|month|yr|year|wk|week|day)',
    '\\b(?:monthly|annually|yearly|quarterly|weekly|daily|billed|costs?|priced?|prices|pricing|charges?|fees?|plan|tier|list price|each)\\b',
    'por\\s+(?:usuario|asiento|puesto|licencia|persona|mes|año|semana|día)|al\\s+(?:mes|año|día)|mensual|anual|trimestral|cuestan?|precio|coste|costo|tarifa',
    'par\\s+(?:utilisateur|siège|poste|licence|personne|mois|an|semaine|jour)|mensuel|annuel|trimestriel|coûte|prix|tarif|forfait|formule',
    'pro\\s+(?:Nutzer|Benutzer|Platz|Lizenz|Person|Monat|Jahr|Quartal|Woche|Tag)|im\\s+Monat|monatlich|jährlich|kostet|Preis|Tarif',
    'لكل|شهري|سنوي|سعر|يكلف|تكلفة|الخطة|باقة',
  ].join('|'),
  'iu',
));
/** Words that make an amount the prospect's own budget. */
export const BUDGET_CONTEXT = /budget|presupuesto|ميزاني|afford|spend|gastar|dépenser|ausgeben|permitir/iu;
/** Words that say back a figure as the prospect's ("you mentioned $7", "tu oferta de 7 $"). */
export const ATTRIBUTION = unicodeWords(new RegExp(
  [
    "\\byou(?:'ve|\\s+have)?\\s+(?:mentioned|said|asked|wrote|told|suggested|proposed|offered|quoted|floated|named|gave|put)",
    '\\byour\\s+(?:budget|offer|proposal|figure|number|target|counter-?offer|suggestion|question)',
    'mencionaste|mencionó|dijiste|propusiste|ofreciste|\\btu\\s+(?:oferta|propuesta|cifra)|\\bsu\\s+(?:oferta|propuesta|cifra)',
    'vous\\s+avez\\s+(?:mentionné|dit|proposé|indiqué|évoqué)|\\bvotre\\s+(?:offre|proposition|chiffre)',
    '\\bSie\\s+(?:haben|hatten|nannten|erwähnten)|\\bIhr(?:e|en)?\\s+(?:Angebot|Vorschlag|Zahl|Budget)',
    'ذكرت|قلت|اقترحت|عرضك|اقتراحك',
  ].join('|'),
  'iu',
));
/**
 * The model agreeing to a figure or offering it ("that would be $7", "deal", "we can do $7"): a prospect's number in
 * such a clause is a price of ours, not theirs, even when the clause also says whose it was ("$7, as you suggested").
 */
export const AGREEMENT = unicodeWords(new RegExp(
  [
    "\\b(?:agreed|deal|done)\\b",
    "\\b(?:that|it|this|which)(?:\\s+would\\s+be|'d\\s+be|\\s+will\\s+be|'ll\\s+be|\\s+comes\\s+to)\\b",
    "\\b(?:we|I)(?:\\s+can|\\s+could|'ll|\\s+will|'d|\\s+would)\\s+(?:do|offer|give|go|make|accept|match|honou?r|lock)",
    "\\byou(?:'ll|\\s+will|'d|\\s+would|\\s+can)\\s+(?:pay|get|have)",
    '\\b(?:works|special|exclusive|just for you|for you)\\b',
    '\\b(?:trato hecho|hecho|podemos|puedo|sería|serían|quedaría|pagarías|pagaría)\\b',
    "\\b(?:marché conclu|nous pouvons|je peux|ce serait|ça fait|ça vous fait|vous paierez|vous payerez)\\b",
    '\\b(?:einverstanden|abgemacht|wir können|ich kann|das wären|das wäre|wäre|Sie zahlen)\\b',
    'اتفقنا|يمكننا|سيكون|ستدفع',
  ].join('|'),
  'iu',
));
/** A plain yes ("Yes, $7", "that's $7"): with no word of whose the figure is, it confirms it as a price. */
export const ASSENT = unicodeWords(/\b(?:(?:that|it|this)(?:'s|\s+is)|yes|yeah|yep|sure|certainly|absolutely|okay|ok|of course|sí|claro|por supuesto|de acuerdo|vale|oui|bien sûr|d'accord|entendu|ja|klar|gerne|genau)\b|نعم|بالتأكيد|موافق/iu);
/** A prospect floating a figure as an offer ("could you do $7?", "how about 300 dollars?", "¿lo dejas en 7 $?"). */
export const OFFER = unicodeWords(new RegExp(
  [
    '\\b(?:could|can|would|will)\\s+you\\s+(?:do|go|make|offer|give|match|accept|take|consider|lower|drop|come)',
    '\\b(?:how|what)\\s+about\\b|\\bwhat\\s+if\\b|\\bdown\\s+to\\b|\\blower\\s+(?:it\\s+)?to\\b|\\bmake\\s+it\\b|\\bdeal\\b|\\boffer\\b|\\bfor\\s+only\\b|\\bmatch\\b|\\bcounter',
    'podr[ií]as?|puedes|pueden|puede\\s+(?:dejar|hacer|bajar)|qu[eé]\\s+tal|dej(?:as|arlo|arla)\\s+en|bajar\\s+a|oferta|trato|por\\s+solo',
    'pourriez|pourrais|pouvez|peux-tu|et\\s+si|que\\s+diriez|descendre\\s+à|ramener\\s+à|offre|marché|pour\\s+seulement',
    'könnt|können\\s+Sie|wie\\s+wäre|was\\s+wäre|runter\\s+auf|Angebot|\\bDeal\\b|für\\s+nur',
    'هل\\s+يمكن|ممكن|ما\\s+رأيك|عرض|تقبل',
  ].join('|'),
  'iu',
));
/** Words that tie an amount to seats (a per-seat price), checked with the plan names. */
export const SEAT_CONTEXT = /seat|user|licen[cs]e|usuario|asiento|puesto|licencia|utilisateur|siège|poste|Nutzer|Platz|Lizenz|مستخدم|مقعد/iu;
/** Words that make a percentage a discount or saving (a price claim). */
export const DISCOUNT_CONTEXT =
  unicodeWords(/\b(?:off|discount\w*|sav(?:e|es|ing|ings)|cheaper|reduc\w*|rebate|markdown|lower)\b|descuento|ahorr\w*|rebaja|más\s+barato|remise|réduction|rabais|économ\w*|moins\s+cher|Rabatt|Nachlass|spar\w*|Ermäßigung|günstiger|خصم|توفير|تخفيض/iu);
/** A clause comparing two figures: a saving, a difference between plans. */
export const COMPARES = /more|add(?:s|ed|ing)?\b|less|differ|than|sav(?:e|es|ed|ing)|extra|cheaper|upgrad|gap|más|menos|diferencia|ahorr|plus|moins|différence|économ|mehr|weniger|Unterschied|spar|günstiger|teurer|أكثر|أقل|فرق|توفير|توفر/iu;
/** A rounded figure announced as one, just before it ("about $4.3k"). */
export const APPROXIMATELY =
  unicodeWords(/(?:\b(?:about|around|roughly|approximately|approx\.?|nearly|almost|just\s+(?:under|over)|some|circa|ca\.)|~|≈|\b(?:unos|alrededor\s+de|aproximadamente|casi|cerca\s+de|environ|près\s+de|presque|quelque|etwa|ungefähr|rund|knapp|zirka)|حوالي|تقريبا|نحو)[\s\u00a0]*[*_]*[\s\u00a0]*$/iu);
/** A free trial: "free" there is not a price of a plan. */
/** "Free" as a plan's price ("Pro is free"), not "feel free", "free to", "toll-free". */
export const FREE = /(?<![\p{L}-])(?<!feel\s)(?:free|gratis|gratuit[oae]?s?|kostenlos|umsonst|مجان[\p{L}\p{M}]*)(?![\p{L}-])(?!\s+to\s)/giu;
/** What makes "free" no price of a plan: its trial, its guests, a free tier elsewhere, "not free". */
export const FREE_EXCEPT = unicodeWords(
  /trial|prueba|essai|Test(?:phase|zeitraum|version)|testen|تجرب|تجريب|guests?|invitad|invités?|Gäste|Gast\b|ضيوف|ضيف|\btier\b|\bnot\b|n't|\bnever\b|no\s+es|n'est\s+pas|\bnicht\b|\bkein|ليس|لا\s/iu,
);
/** A price said without a currency: a number right before a per-seat or billing unit ("39 per seat", "24/mo"). */
const UNIT_BODY =
  '(?:per\\s+(?:seat|user|licen[cs]e|person|head|month|year|week|day|quarter)\\b|/\\s*(?:seat|user|licen[cs]e|mo|month|yr|year|wk|week|day)\\b|a\\s+(?:seat|user|head|month|year|week|day)\\b|' +
    'monthly\\b|por\\s+(?:usuario|asiento|puesto|licencia|persona|mes|año|semana|día)|al\\s+(?:mes|año|día)|par\\s+(?:utilisateur|siège|poste|licence|personne|mois|an|semaine|jour)(?!\\p{L})|' +
    'pro\\s+(?:Nutzer|Benutzer|Platz|Lizenz|Person|Monat|Jahr|Woche|Tag)|im\\s+Monat|monatlich|لكل\\s+(?:مستخدم|مقعد|شهر)|شهري)';
export const UNIT_AFTER = unicodeWords(new RegExp(`^[*_\\s\\u00a0]*${UNIT_BODY}`, 'iu'));
/**
 * Number words before a per-seat unit ("twenty-nine per seat"): the gap after the words. (Not before a period: "once a
 * month" is English, and "once" is eleven in Spanish.)
 */
const SEAT_UNIT_BODY =
  '(?:per\\s+(?:seat|user|licen[cs]e|person|head)\\b|por\\s+(?:usuario|asiento|puesto|licencia|persona)|par\\s+(?:utilisateur|siège|poste|licence|personne)(?!\\p{L})|pro\\s+(?:Nutzer|Benutzer|Platz|Lizenz|Person)|لكل\\s+(?:مستخدم|مقعد))';
export const WORDS_BEFORE_UNIT = unicodeWords(new RegExp(`(?<=[\\p{L}\\p{M}])[*_\\s\\u00a0]+(?=${SEAT_UNIT_BODY})`, 'giu'));
export { unitMayFollow } from './reading';
/**
 * A clause about prices: a number with no currency before a per-seat unit is an amount only there ("Pro is 39 per
 * seat", not "integrations: 5 per user"). The plan's name is checked with the catalogue's names.
 */
export const PRICE_WORDS = /cost|pric|pay|bill|charg|fee|plan|tier|[$€£¥₹]|dollar|d[oó]lar|euro|\bUSD\b|\bEUR\b|cuest|precio|cobr|coût|prix|tarif|kost|Preis|سعر|يكلف|تكلفة|خطة|دولار/iu;
/** A price verb or noun right before a number ("costs 39", "priced at 24", "kostet 29"). */
export const PRICE_BEFORE =
  unicodeWords(/(?:\b(?:costs?|cost\s+of|priced\s+at|price\s+(?:is|of)|pays?|paying|charges?|fee\s+of|rate\s+of)|\b(?:cuestan?|precio\s+(?:es|de)|cobra(?:mos)?|coûtent?|prix\s+(?:est|de)|kostet|kosten|Preis\s+(?:ist|von|liegt\s+bei))|يكلف|سعره?ا?)[\s\u00a0]*(?:[:=][\s\u00a0]*)?[*_]*$/iu);
/** What may follow a number that a price word came before: the end of a clause, a unit, a joining word. */
export const PRICE_FOLLOWER = unicodeWords(/^[*_\s\u00a0]*(?:$|[.,;:!?)\]\n]|(?:and|or|for|y|o|para|et|ou|pour|und|oder|für|و)\b)/iu);

/** Where a clause ends: a sentence's end, a semicolon, a comma or dash between words, a line break. */
export const CLAUSE_END = /[.!?](?=\s|$)|[;\n。؟،]|,(?=\s)|\s[—–]\s/u;
const CLAUSE_ENDS = new RegExp(CLAUSE_END.source, 'gu');
/** How long an amount waits for the end of its clause before it is decided on what came. */
export const CLAUSE_WAIT = 120;

/** The clause around [start, end) of a text (looking back at most CLAUSE_WAIT × 2 characters). */
export function clauseAround(text: string, start: number, end: number): string {
  const window = Math.max(0, start - CLAUSE_WAIT * 2);
  let from = window;
  for (const match of text.slice(window, start).matchAll(CLAUSE_ENDS)) from = window + match.index + match[0].length;
  const next = CLAUSE_END.exec(text.slice(end, end + CLAUSE_WAIT * 2));
  const to = next ? end + next.index : Math.min(text.length, end + CLAUSE_WAIT * 2);
  return text.slice(from, to);
}

const D = '\\p{Nd}';
const UNIT_SEATS = 'seats?|users?|people|persons?|members?|employees?|licen[cs]es?|personas?|usuarios?|asientos?|puestos?|licencias?|empleados?|personnes?|utilisateurs?|sièges?|postes?|licences?|salariés?|Nutzer\\p{L}*|Benutzer\\p{L}*|Pl[aä]tze?|Lizenz\\p{L}*|Mitarbeite\\p{L}*|Personen|مستخدم\\p{L}*|مقعد\\p{L}*|موظف\\p{L}*|شخص\\p{L}*';
const TEAM = '(?:team|group|company|staff|headcount|equipo|grupo|empresa|plantilla|équipe|groupe|entreprise|effectif|Team|Gruppe|Firma|Belegschaft|فريق)';
/**
 * Seat counts: a number next to a seat word or "×", a team's size ("a team of 15", "équipe de 15"), and a number right
 * after "for" that no other word follows ("Pro for 15: $435"), which reads as the seats being priced.
 */
const SEAT_NUMBER = new RegExp(
  `(${D}+)${SPACE}?-?${SPACE}?(?:${UNIT_SEATS})(?!\\p{L})|(?:(?:[×*]|(?<!\\p{L})x)${SPACE}?(${D}+)(?![${D}.,]${D}))|(?<![${D}.,])(${D}+)${SPACE}?(?:[×*]|x(?!\\p{L}))` +
    `|${TEAM}${SPACE}+(?:of${SPACE}+|de${SPACE}+|von${SPACE}+|mit${SPACE}+|من${SPACE}+)?(${D}+)(?![${D}%]|[.,:]${D})` +
    `|(?<!\\p{L})(?:for|para|pour|für)${SPACE}+(?:your${SPACE}+|tus${SPACE}+|vos${SPACE}+|Ihre${SPACE}+)?(${D}+)(?=${SPACE}*(?:[,:;)=—–]|\\.(?!${D})|$|(?:on|at|is|comes|would|will|that|it|en|à|sur|auf|bei)(?!\\p{L})))`,
  'giu',
);
const UNIT_MONTHS = 'months?|meses|mois|Monate?n?|شهر\\p{L}*|أشهر';
const UNIT_YEARS = 'years?|años?|ans?|années?|Jahre?n?|سن\\p{L}*|عام\\p{L}*';
const MONTHS_NUMBER = new RegExp(`(${D}+)${SPACE}?-?${SPACE}?(?:${UNIT_MONTHS})(?!\\p{L})`, 'giu');
const YEARS_NUMBER = new RegExp(`(${D}+)${SPACE}?-?${SPACE}?(?:${UNIT_YEARS})(?!\\p{L})`, 'giu');
/** The same in words: "twenty seats", "two years", "zwölf Monate". */
const wordsBefore = (units: string) => new RegExp(`(?<=[\\p{L}\\p{M}])(?:${SPACE}+|-)(?:${units})(?!\\p{L})`, 'giu');
const SEATS_AFTER_WORD = wordsBefore(UNIT_SEATS);
const MONTHS_AFTER_WORD = wordsBefore(UNIT_MONTHS);
const YEARS_AFTER_WORD = wordsBefore(UNIT_YEARS);
/** Billing periods other than the month and the year, which totals may be worked out for. */
const QUARTER = /quarter|trimest|Quartal|vierteljähr|ربع/iu;
const HALF_YEAR = /half[\s-]?year|semi-?annual|semestr|Halbjahr|halbjähr|نصف\s+سن/iu;
const WEEK = /week|semana|semaine|Woche|wöchentlich|أسبوع|اسبوع/iu;
const DAY = unicodeWords(/\bday\b|\bdaily\b|\bdía|diari|\bjour|quotidien|\bTag\b|täglich|يوم/iu);

export interface Quantities {
  seats: number[];
  months: number[];
  week: boolean;
  day: boolean;
}

const integersIn = (text: string, pattern: RegExp): number[] =>
  [...text.matchAll(pattern)].flatMap((match) => match.slice(1).filter((group): group is string => group !== undefined).map((group) => Number(asciiDigits(group))));

/** The seat counts, numbers of months (years × 12, a quarter 3) and shorter periods a text states. */
export function quantitiesIn(text: string): Quantities {
  const words = (after: RegExp) => wordNumbers(text, after).flatMap((span) => span.values);
  const months = [...integersIn(text, MONTHS_NUMBER), ...words(MONTHS_AFTER_WORD), ...[...integersIn(text, YEARS_NUMBER), ...words(YEARS_AFTER_WORD)].map((years) => years * 12)];
  if (QUARTER.test(text)) months.push(3);
  if (HALF_YEAR.test(text)) months.push(6);
  return { seats: [...integersIn(text, SEAT_NUMBER), ...words(SEATS_AFTER_WORD)], months, week: WEEK.test(text), day: DAY.test(text) };
}
