/**
 * What kind of clause an amount sits in, for the price guard (./index.ts): a price of ours, the prospect's budget or
 * their figure said back, an offer or an agreement, a discount, an approximation; and the quantities (seats, months)
 * a text states, which totals may be worked out from.
 */
import { CONDITIONAL_PROMOTION_PHRASES, NO_COST_PHRASES, PROMOTION_PHRASES, SPACE, asciiDigits, escapeRegExp, wordNumbers } from './reading';

/** `\b` for every script: JavaScript's is ASCII-only, so "sí" or "wäre" would never end a word. */
const B = '(?:(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}]))';
// (An apostrophe may be typographic: "can’t", "n’est pas".)
const unicodeWords = (pattern: RegExp): RegExp =>
  new RegExp(pattern.source.replace(/\\b/g, B).replace(/'/g, "['’]"), pattern.flags.includes('u') ? pattern.flags : `${pattern.flags}u`);

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
export const BUDGET_CONTEXT =
  /budget|presupuesto|ميزاني|afford|spend|gastar|dépenser|ausgeben|permitir|\b(?:would|could|will|can|do)\s+you\s+(?:be\s+willing\s+to\s+)?pay\b|willing\s+to\s+pay|estar[ií]as?\s+dispuest[oa]\s+a\s+pagar|seriez-vous\s+prêts?\s+à\s+payer|würden\s+Sie\s+(?:\S+\s+)?zahlen/iu;
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
    '\\b(?:works|work for us|special|exclusive|just for you|for you)\\b',
    "(?<!\\b(?:whether|if)\\s[^,.;:!?]{0,40})(?:\\bis|\\bare|'s|'re|\\bwould\\s+be|\\bwill\\s+be|\\bshould\\s+be)\\s+(?:(?:totally|definitely|certainly|absolutely|perfectly|entirely)\\s+)?(?:possible|doable|feasible|fine|acceptable|ok|okay|no\\s+problem|on\\s+the\\s+table|yours)\\b",
    "\\bit\\s+is\\s*(?:[.!]|$)|\\b(?:you've\\s+got|you\\s+have)\\s+(?:a\\s+)?deal\\b",
    '(?<!\\bno\\s{1,2})\\b(?:es|sería|será|son|serían)\\s+(?:posible|factible|viable|aceptable)|\\bpodr[ií]amos\\b|\\bte\\s+lo\\s+dejo\\b|\\bse\\s+lo\\s+dejo\\b',
    "\\b(?:est|c'est|serait|sont)\\s+(?:tout\\s+à\\s+fait\\s+)?(?:possible|faisable|envisageable|acceptable|jouable)|\\bnous\\s+pourrions\\b|\\bva\\s+pour\\b",
    '\\b(?:ist|sind|wäre|wären)\\s+(?:durchaus\\s+|absolut\\s+|problemlos\\s+)?(?:möglich|machbar|drin|in\\s+Ordnung|okay|ok)\\b|\\bgeht\\s+klar\\b',
    '(?<!(?:غير|ليس|لا)\\s{1,3})(?:ممكن|مقبول)|لا\\s+مانع',
    '(?<!\\bno\\s{1,2})\\b(?:trato hecho|hecho|podemos|puedo|sería|serían|quedaría|pagarías|pagaría)\\b',
    "\\b(?:marché conclu|nous pouvons|je peux|ce serait|ça fait|ça vous fait|vous paierez|vous payerez)\\b",
    '\\b(?:einverstanden|abgemacht|wir können|ich kann|das wären|das wäre|wäre|Sie zahlen)\\b(?![^.!?;,]*\\b(?:nicht|kein\\w*)\\b)',
    '(?<!لا\\s{1,3})(?:اتفقنا|يمكننا|سيكون|ستدفع)',
  ].join('|'),
  'iu',
));
/**
 * The model declining a figure ("we can't do $7", "$300 isn't possible", "no podemos", "nicht möglich"): the prospect's
 * number said back there stays theirs. Not where the clause turns it round ("we can't go lower than $300", "can't say
 * no to $7"): that is a price of ours.
 */
export const REFUSAL = unicodeWords(new RegExp(
  [
    "\\b(?:can(?:no|')t|can\\s+not|won't|will\\s+not|unable\\s+to|not\\s+able\\s+to|(?:aren't|isn't|'re\\s+not|'m\\s+not)\\s+able\\s+to|couldn't|could\\s+not)\\s+(?:\\S+\\s+){0,2}?(?:do|offer|go|accept|match|give|make|agree|approve|honou?r|sell|drop|lower|come)\\b",
    "\\b(?:is|are|'s|'re)(?:\\s+not|n't)\\s+(?:\\S+\\s+)?(?:possible|doable|feasible|an\\s+option|something\\s+we|on\\s+the\\s+table|available)|\\bnot\\s+possible\\b",
    // A policy ("we don't do 20% off", "we never give discounts"), with its subject: "why don't we do 20% off?" is an offer.
    "\\b(?:we|I)\\s+(?:don't|do\\s+not|never)\\s+(?:\\S+\\s+){0,2}?(?:do|offer|give|provide|grant|sell|accept|match|honou?r)\\b",
    '\\bno\\s+(?:ofrecemos|hacemos|damos|concedemos|aplicamos)|\\bnunca\\s+(?:ofrecemos|hacemos|damos)',
    "\\bn(?:e\\s+|')(?:proposons|offrons|faisons|accordons|appliquons|consentons)\\s+(?:pas|jamais)",
    '\\b(?:wir|ich)\\s+(?:bieten|geben|gewähren|machen|gebe|biete|gewähre)\\s+(?:\\S+\\s+){0,3}?(?:nicht|kein(?:e|en|er)?|nie)\\b',
    '\\bno\\s+(?:podemos|puedo|es\\s+posible|sería\\s+posible|es\\s+viable|nos\\s+es\\s+posible)',
    "\\bne\\s+(?:pouvons|peux|pourrons|pourrions)\\s+pas|n'est\\s+pas\\s+(?:possible|envisageable|faisable)|\\bpas\\s+possible",
    '\\b(?:können|kann)\\s+(?:wir|ich)\\s+(?:\\S+\\s+){0,2}?(?:nicht|kein(?:e|en|er)?)\\b|\\b(?:wir|ich)\\s+(?:können|kann)\\s+(?:\\S+\\s+){0,4}?(?:nicht|kein(?:e|en|er)?)\\b|\\bnicht\\s+(?:möglich|machbar|drin)\\b',
    'لا\\s+(?:يمكننا|يمكن|نستطيع|أستطيع|نقدم|نمنح|نعطي)|غير\\s+ممكن|ليس\\s+ممكن',
  ].join('|'),
  'iu',
));
/** What makes a refusal a conditional offer ("we can't do 20% off unless you sign today", "… if you pay monthly"). */
export const REFUSAL_CONDITION = unicodeWords(
  /\b(?:unless|except|but|only\s+if|if|provided|otherwise|a\s+menos\s+que|salvo|excepto|pero|sino|si|à\s+moins|sauf|mais|sinon|es\s+sei\s+denn|außer|aber|sondern|wenn|falls)\b|إلا|لكن|ما\s+لم|إذا|إن\s/iu,
);
/** An exception later in the refusal's sentence ("we can't do 20% off, except on annual"): an offer too. ("…, but" is not.) */
export const REFUSAL_EXCEPTION = unicodeWords(
  /\b(?:unless|except|only\s+(?:if|with|on|for)|provided|a\s+menos\s+que|salvo|excepto|à\s+moins|sauf|es\s+sei\s+denn|außer)\b|إلا|ما\s+لم/iu,
);
export const REFUSAL_TURNED = unicodeWords(
  /\b(?:refuse|decline|say\s+no|turn\s+(?:it\s+|that\s+)?down|resist|pass\s+(?:it\s+)?up|beat|lower\s+than|less\s+than|below|under|cheaper\s+than|more\s+than|above|beyond|not\s+only|menos\s+de|por\s+debajo|más\s+de|rechazar|moins\s+de|en\s+dessous|plus\s+de|refuser|weniger\s+als|unter|mehr\s+als|ablehnen)\b|أقل\s+من|أكثر\s+من|رفض/iu,
);
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
    'هل\\s+يمكن|ممكن|ما\\s+رأيك|عرض|تقبل|مقبول',
    // "Is $300 possible?", "would $300 work?", "¿300 $ es posible?", "300 $, c'est possible ?", "Sind 300 $ möglich?"
    '\\b(?:possible|doable|feasible|acceptable|negotiable|okay|ok|work(?:s)?(?:\\s+for)?)\\b|posible|factible|aceptable|negociable|faisable|envisageable|négociable|möglich|machbar|akzeptabel|verhandelbar|\\bdrin\\b',
  ].join('|'),
  'iu',
));
/** Words that tie an amount to seats (a per-seat price), checked with the plan names. */
export const SEAT_CONTEXT = /seat|user|licen[cs]e|usuario|asiento|puesto|licencia|utilisateur|siège|poste|Nutzer|Platz|Lizenz|مستخدم|مقعد/iu;
/** Words that make a percentage a discount or saving (a price claim). */
export const DISCOUNT_CONTEXT =
  unicodeWords(/\b(?:off|discount\w*|sav(?:e|es|ing|ings)|cheaper|reduc\w*|rebate|markdown|lower)\b|descuento|ahorr\w*|rebaja|más\s+barato|remise|réduction|rabais|économ\w*|moins\s+cher|Rabatt|Nachlass|spar\w*|Ermäßigung|günstiger|خصم|توفير|تخفيض/iu);
/**
 * A percentage comparing prices ("Business costs 69% more than Pro", "Pro est 41 % moins cher"): like a discount, it
 * must be true of the catalogue. ("50% more runs" is no price.)
 */
export const PRICE_COMPARISON = unicodeWords(
  /\b(?:more|less)\s+expensive\b|\bpricier\b|\bcostlier\b|\bmark-?up\b|\bsurcharge\b|\b(?:costs?|priced|pay|paying|charged?|price\s+is)\b[^.!?;\n]{0,24}?\b(?:more|extra|less|higher|lower)\b|más\s+car[oa]|cuesta[^.!?;\n]{0,24}?\bmás\b|plus\s+cher|coûte[^.!?;\n]{0,24}?\bplus\b|\bteurer|\bAufpreis|kostet[^.!?;\n]{0,24}?\bmehr\b|أغلى|أرخص|تكلف[^.!?;\n]{0,24}?أكثر/iu,
);
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
  /\bno\s+(?:[\p{L}-]+\s+)?(?:free|gratis|gratuit\p{L}*|kostenlos\p{L}*)|trial|prueba|essai|Test(?:phase|zeitraum|version)|testen|تجرب|تجريب|guests?|invitad|invités?|Gäste|Gast\b|ضيوف|ضيف|\btier\b|\bnot\b|n't|\bnever\b|no\s+es|n'est\s+pas|\bnicht\b|\bkein|ليس|لا\s/iu,
);
/** "Free" of a period or seats ("your first month is free", "2 months free", "10 free seats"): an offer, plan or not. */
export const FREE_OFFER_CONTEXT = unicodeWords(
  /\b(?:months?|years?|weeks?|seats?|users?|licen[cs]es?|first|subscriptions?|billing|sign(?:ing)?\s+up)\b|\b(?:mes(?:es)?|años?|semanas?|usuarios?|asientos?|licencias?|primer[oa]?|suscripción)\b|\b(?:mois|ans?|années?|semaines?|utilisateurs?|sièges?|premiers?|première|abonnement)\b|\b(?:Monate?n?|Jahre?n?|Wochen?|Nutzer|Lizenzen|Plätze|erste[nrs]?|Abo)\b|شهر|أشهر|سنة|أسبوع|مستخدم|مقعد|أول|اشتراك/iu,
);

/** Offers no catalogue makes (see PROMOTION_PHRASES in ./reading). */
const phrasePattern = (phrase: string) => phrase.split(/[\s,-]+/u).map(escapeRegExp).join('[\\s\\u00a0,-]+');
const phrases = (list: readonly string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.map(phrasePattern).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
export const PROMOTION = phrases(PROMOTION_PHRASES);
export const CONDITIONAL_PROMOTION = phrases(CONDITIONAL_PROMOTION_PHRASES);
/** What a conditional offer ("on us", "waive") must speak of to be one: a price, a fee, a period, seats. */
/** Offers of a period or seats at no cost ("the first month at no cost", "le premier mois offert"): like "free". */
export const NO_COST = phrases(NO_COST_PHRASES);
export const PROMOTION_CONTEXT = unicodeWords(
  /\b(?:months?|years?|seats?|users?|licen[cs]es?|fees?|costs?|prices?|charges?|billing|subscriptions?|setup|set-up|first)\b|\b(?:mes|año|usuarios?|cuota|coste|costo|precio|suscripción|primer)\b|\b(?:mois|an|année|utilisateurs?|frais|coût|prix|abonnement|premier)\b|\b(?:Monat|Jahr|Nutzer|Gebühr|Kosten|Preis|Abo|erste[nrs]?)\b|شهر|سنة|مستخدم|رسوم|تكلفة|سعر|اشتراك|أول/iu,
);
/** "Count on us", "rely on us": no offer. */
export const ON_US_VERB = /(?:count|rely|relying|depend|depending|trust|lean|call|focus|based|wait|reach|bet|up\s+to)(?:s|ed|ing)?\s+$/iu;
/**
 * A negation that affirms ("there's no reason we couldn't do half price", "I can't not give you 20% off", "it wouldn't be
 * impossible", "no es imposible", "pas impossible", "nicht ausgeschlossen", "لا مانع"): an offer, not a refusal. Removed
 * from a clause before it is read for a denial, and an agreement of its own.
 */
export const HEDGED = unicodeWords(new RegExp(
  [
    "\\bno\\s+reason\\s+(?:why\\s+)?(?:\\S+\\s+){1,4}?(?:can(?:no|')t|can\\s+not|couldn't|could\\s+not|wouldn't|shouldn't|won't)",
    "\\b(?:can(?:no|')t|can\\s+not|couldn't|could\\s+not|won't|wouldn't)\\s+(?:\\S+\\s+)?not\\b",
    "\\b(?:is|are|'s|'re|was|be|seem|seems)(?:\\s+not|n't)\\s+(?:\\S+\\s+)?(?:impossible|out\\s+of\\s+the\\s+question|off\\s+the\\s+table|unthinkable|excluded|ruled\\s+out)",
    "\\b(?:wouldn't|would\\s+not|won't|will\\s+not|isn't|is\\s+not|not)\\s+(?:\\S+\\s+){0,2}?(?:impossible|out\\s+of\\s+the\\s+question|off\\s+the\\s+table|unthinkable|rule\\s+(?:it\\s+|that\\s+)?out|say\\s+no)",
    "\\b(?:I|we)\\s+(?:don't|do\\s+not)\\s+see\\s+why\\s+(?:not|(?:we|I)\\s+(?:can(?:no|')t|couldn't|wouldn't))|\\bnothing\\s+(?:stops|prevents|stopping|preventing)\\s+us",
    '\\bno\\s+(?:es|sería|está|estaría)\\s+(?:\\S+\\s+)?(?:imposible|descartad[oa])|\\bno\\s+hay\\s+(?:ninguna\\s+)?(?:razón|motivo|problema)\\s+(?:para|por\\s+la\\s+que|en)\\s+no|\\bno\\s+lo\\s+descarto|\\bnada\\s+(?:nos\\s+|me\\s+)?impide',
    "\\b(?:n'est|ne\\s+serait|n'était)?\\s*pas\\s+(?:\\S+\\s+)?(?:impossible|exclu|hors\\s+de\\s+question)|\\brien\\s+ne\\s+(?:nous\\s+|m')empêche|\\bje\\s+ne\\s+dis\\s+pas\\s+non",
    '\\bnicht\\s+(?:\\S+\\s+)?(?:unmöglich|ausgeschlossen|undenkbar)|\\b(?:spricht\\s+nichts\\s+dagegen|nichts\\s+spricht\\s+dagegen)|\\bkein\\s+Problem\\b',
    '(?:ليس|ليست|غير)\\s+(?:من\\s+)?(?:ال)?مستحيل[\\p{L}\\p{M}]*|لا\\s+مانع|ما\\s+المانع|لا\\s+(?:شيء|يوجد\\s+ما)\\s+يمنع',
  ].join('|'),
  'iu',
));
export const HEDGED_ALL = new RegExp(HEDGED.source, 'giu');
/** A denial ("we don't do half-price deals"), not "not only". */
export const NEGATION = unicodeWords(
  /\b(?:not|never|no|nunca|jamás|pas|jamais|nicht|kein\w*|nie)\b(?!\s+(?:only|just|problem|doubt|sólo|solo|seulement|nur))|n't\b|ليس|لا\s|لن\s/iu,
);

/** A price said without a currency: a number right before a per-seat or billing unit ("39 per seat", "24/mo"). */
const UNIT_BODY =
  '(?:p[usp]pm\\b|(?:per|for\\s+each|for\\s+every)\\s+(?:seat|user|licen[cs]e|person|head|member|employee|agent|teammate|month|year|week|day|quarter)\\b|' +
    '/\\s*(?:seat|user|licen[cs]e|mo|month|yr|year|wk|week|day)\\b|a\\s+(?:seat|user|head|member|month|year|week|day|quarter)\\b|' +
    'monthly\\b|por\\s+(?:usuario|asiento|puesto|licencia|persona|empleado|miembro|agente|mes|año|semana|día)|al\\s+(?:mes|año|día)|' +
    'par\\s+(?:utilisateur|siège|poste|licence|personne|employé|membre|agent|mois|an|semaine|jour)(?!\\p{L})|' +
    'pro\\s+(?:Nutzer|Benutzer|Platz|Lizenz|Person|Mitarbeiter|Mitglied|Agent|Monat|Jahr|Woche|Tag)|im\\s+Monat|monatlich|je\\s+(?:Nutzer|Platz|Lizenz|Monat)|' +
    'لكل\\s+(?:مستخدم|مقعد|موظف|عضو|شهر)|لل(?:مستخدم|مقعد)(?!\\p{L})|شهري)';
export const UNIT_AFTER = unicodeWords(new RegExp(`^[*_\\s\\u00a0]*${UNIT_BODY}`, 'iu'));
/**
 * Number words before a per-seat unit ("twenty-nine per seat"): the gap after the words. (Not before a period: "once a
 * month" is English, and "once" is eleven in Spanish.)
 */
const SEAT_UNIT_BODY =
  '(?:(?:per|for\\s+each|for\\s+every|a)\\s+(?:seat|user|licen[cs]e|person|head|member|employee|agent)\\b|por\\s+(?:usuario|asiento|puesto|licencia|persona|empleado|miembro)|' +
  'par\\s+(?:utilisateur|siège|poste|licence|personne|employé|membre)(?!\\p{L})|pro\\s+(?:Nutzer|Benutzer|Platz|Lizenz|Person|Mitarbeiter)|je\\s+(?:Nutzer|Platz)|لكل\\s+(?:مستخدم|مقعد|موظف)|لل(?:مستخدم|مقعد)(?!\\p{L}))';
export const WORDS_BEFORE_UNIT = unicodeWords(new RegExp(`(?<=[\\p{L}\\p{M}])[*_\\s\\u00a0]+(?=${SEAT_UNIT_BODY})`, 'giu'));
export { unitMayFollow } from './reading';
/** A billing period right after a number ("thirty-nine a month", "veintinueve al mes", "neunundzwanzig pro Monat"). */
const PERIOD_BODY =
  '(?:(?:per|a|an|every|each)\\s+(?:month|year|quarter)\\b|/\\s*(?:mo|month|yr|year)\\b|(?:monthly|annually|yearly)(?![\\s\\u00a0]*\\p{L})|(?:al|por)\\s+(?:mes|año)(?!\\p{L})|' +
  'mensual(?:es)?(?![\\s\\u00a0]*\\p{L})|par\\s+(?:mois|an)(?!\\p{L})|(?:pro|im)\\s+(?:Monat|Jahr)(?!\\p{L})|(?:monatlich|jährlich)(?!\\p{L})|لكل\\s+شهر|في\\s+الشهر|شهري|سنوي)';
/** A one-off fee right after a number ("ten for setup", "diez de alta"): no catalogue here has one. */
const FEE_BODY =
  "(?:for\\s+(?:the\\s+)?(?:setup|set-up|onboarding|implementation|installation|activation)\\b|(?:one-time\\s+)?(?:setup|set-up|onboarding|implementation|installation|activation)\\s+fees?\\b|" +
  'de\\s+(?:configuración|instalación|alta|implementación)(?!\\p{L})|por\\s+la\\s+(?:configuración|instalación|implementación)|pour\\s+(?:la\\s+mise\\s+en\\s+(?:place|service)|l\'installation|la\\s+configuration)|' +
  "de\\s+frais\\s+d'(?:installation|activation|inscription)|für\\s+(?:die\\s+)?(?:Einrichtung|Installation|Aktivierung)|Einrichtungsgebühr|للإعداد|للتفعيل|رسوم\\s+(?:الإعداد|التفعيل))";
export const PERIOD_AFTER = unicodeWords(new RegExp(`^[*_\\s\\u00a0]*${PERIOD_BODY}`, 'iu'));
export const FEE_AFTER = unicodeWords(new RegExp(`^[*_\\s\\u00a0]*${FEE_BODY}`, 'iu'));
/** A setup or onboarding fee named anywhere in a sentence: a figure there is a price (there is none in the catalogue). */
export const FEE_WORDS = unicodeWords(new RegExp(FEE_BODY, 'iu'));
/** A fee right before an amount ("a setup fee of $10", "setup is ten dollars", "Einrichtungsgebühr: 10 $"). */
const FEE_LEAD =
  `(?:(?:one-time\\s+)?(?:setup|set-up|onboarding|implementation|installation|activation)(?:\\s+(?:fees?|charges?|costs?))?|(?:la\\s+)?(?:configuración|instalación|implementación)|(?:cuota|tarifa)\\s+de\\s+alta|` +
  `(?:la\\s+)?mise\\s+en\\s+(?:place|service)|frais\\s+de\\s+(?:mise\\s+en\\s+(?:place|service)|configuration)|(?:die\\s+)?(?:Einrichtung|Aktivierung)|` +
  `${FEE_BODY}|frais\\s+d'(?:installation|activation)|gastos\\s+de\\s+(?:alta|instalación)|رسوم\\s+(?:الإعداد|التفعيل))(?!\\p{L})` +
  '[\\s\\u00a0]*(?:(?:of|is|are|runs?|[—–]|costs?|comes\\s+to|would\\s+be|will\\s+be|(?:es|son|est|sont)\\s+de|de|es|son|cuesta|est|sont|coûte|ist|beträgt|kostet|liegt\\s+bei|von|[:=])(?!\\p{L}))?[\\s\\u00a0]*(?:(?:only|just|solo|sólo|seulement|nur)[\\s\\u00a0]+)?[*_]*';
export const FEE_BEFORE = unicodeWords(new RegExp(`${FEE_LEAD}$`, 'iu'));
/** The same before number words ("Setup is ten.", "la cuota de alta es de cincuenta"): where the words start. */
export const FEE_BEFORE_WORDS = unicodeWords(new RegExp(`${FEE_LEAD}(?=\\p{L})`, 'giu'));
/** An amount taken off a price ("knock 10 off per seat", "ten bucks off"): only what annual billing saves is one. */
const OFF_BODY = "(?:off(?![\\p{L}\\p{N}-])|de\\s+(?:descuento|réduction|remise)|Rabatt|Nachlass|خصم)";
export const OFF_AFTER = unicodeWords(new RegExp(`^[*_\\s\\u00a0]*${OFF_BODY}`, 'iu'));
/** Number words before a billing period, a fee or "off": the gap after the words. */
export const WORDS_BEFORE_PRICED = unicodeWords(new RegExp(`(?<=[\\p{L}\\p{M}])[*_\\s\\u00a0]+(?=${PERIOD_BODY}|${FEE_BODY}|${OFF_BODY})`, 'giu'));
/** Number words before "plus" ("It's thirty-nine, plus ten for setup"): the gap after the words; and the same being written. */
export const WORDS_BEFORE_PLUS = /(?<=[\p{L}\p{M}])[*_\s\u00a0]*,?[\s\u00a0]+(?=(?:plus|más|zuzüglich|zzgl\.|زائد)(?!\p{L})|\+)/giu;
export const WORDS_BEFORE_PLUS_TAIL = /(?<=[\p{L}\p{M}])[*_\s\u00a0]*,?[\s\u00a0]*(?:p|pl|plu|m|má|z|zu|zz|zzg|zzgl)?$/giu;
/** What a sentence may count that is no price ("Runs: 1,000 a month"): a number before a period there is no price. */
export const COUNTED = unicodeWords(
  /\b(?:runs?|integrations?|storage|GB|TB|messages?|e-?mails?|calls?|reports?|meetings?|check-?ins?|workflows?|executions?|requests?|tickets?|contacts?|records?|automations?|tasks?|times|releases?|updates?)\b|ejecuci|integraci|almacenamiento|mensajes|reuniones|veces|exécutions?|intégrations?|stockage|réunions|fois|Ausführung|Integration|Speicher|Nachrichten|Meetings|Mal\b|تشغيل|تكامل|تخزين|رسائل|مرات/iu,
);
/**
 * A clause about prices: a number with no currency before a per-seat unit is an amount only there ("Pro is 39 per
 * seat", not "integrations: 5 per user"). The plan's name is checked with the catalogue's names.
 */
export const PRICE_WORDS = /cost|pric|pay|bill|charg|fee|plan|tier|monthly|annual|yearly|mensual|anual|mensuel|annuel|monatlich|jährlich|شهري|سنوي|[$€£¥₹]|dollar|d[oó]lar|euro|\bUSD\b|\bEUR\b|cuest|precio|cobr|coût|prix|tarif|kost|Preis|سعر|يكلف|تكلفة|خطة|باقة|دولار/iu;
/** A price verb or noun right before a number ("costs 39", "priced at 24", "kostet 29"). */
const PRICE_VERB =
  /(?:\b(?:costs?|cost\s+of|priced\s+at|price\s+(?:is|of)|pays?|paying|charges?|fee\s+of|rate\s+of)|\b(?:cuestan?|precio\s+(?:es|de)|cobra(?:mos)?|coûtent?|prix\s+(?:est|de)|kostet|kosten|Preis\s+(?:ist|von|liegt\s+bei))|يكلف|سعره?ا?)[\s\u00a0]*(?:[:=][\s\u00a0]*)?[*_]*/iu;
export const PRICE_BEFORE = unicodeWords(new RegExp(`${PRICE_VERB.source}$`, 'iu'));
/** The same before number words ("costs thirty-nine."): where the words start. */
export const PRICE_BEFORE_WORDS = unicodeWords(new RegExp(`${PRICE_VERB.source}(?=\\p{L})`, 'giu'));
/** A label or a JSON key of a price right before a number ("perSeatMonthly":9, "Total: 435", "- Monthly: 39"). */
export const LABEL_BEFORE =
  /(?:^|[\s"'{,(\-*])"?[\p{L}_]*(?:price|total|cost|monthly|annual|amount|fee|rate|precio|importe|prix|montant|Preis|Kosten|Betrag)[\p{L}_]*"?[*_]*[\s\u00a0]*[:=][\s\u00a0]*[*_]*$/iu;
/** What may follow a number that a price word came before: the end of a clause, a unit, a joining word. */
export const PRICE_FOLLOWER = unicodeWords(/^[*_\s\u00a0]*(?:$|[.,;:!?)\]\n}"\x27’|]|(?:and|or|for|y|o|para|et|ou|pour|und|oder|für|و)\b)/iu);

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
