// chrono-node finds the time phrase inside a longer message ("book it for Tuesday at 10am, I'm in Madrid"), so the
// booking tool receives the prospect's own words for the time, as the OpenAI agent would pass them.
import { containsPhrase, wordTokens } from '@/lib/llm/offline/text';
import type { KnowledgeBase, Plan } from '@/lib/sales/knowledge/schema';
import { EMAIL, extractTeamSize, writtenEmails } from '@/lib/sales/lead/patterns';
import { spokenNumbers, westernDigits } from '@/lib/sales/lead/text';
import { apartFromNextWeek, DAY_NAME, NEXT_WEEK, parseMeetingPhrases, readableTimes } from '@/lib/sales/booking';
import { canonicalTimeZone } from '@/lib/sales/time-zone';
import type { SalesLocale } from '@/lib/sales/turn-state';

/**
 * What the offline agent reads out of the prospect's message besides the lead facts the sales brain already took:
 * plans named, a seat count, the billing period, a meeting time and time zone, and the language. Pure.
 */

/** Plan names that are also everyday words need "plan"/"tier" beside them or a capital letter to count as a plan. */
const COMMON_WORD_NAMES = new Set(['business', 'enterprise', 'team', 'basic', 'standard', 'plus', 'premium', 'growth', 'free', 'starter', 'professional', 'profesional', 'professionnel', 'professionnelle', 'professionell', 'profi']);
const PLAN_NOUN = /^\s*-?(plan|tier|edition|package|subscription|seats?|price|prices|pricing|cost|costs|quote|yearly|annually|annual|monthly|offre|formule|abonnement|tarif|prix|paket|abo|preis|precio|precios|includes?|comes? with|anual|anualmente|mensual|annuel(?:le)?|mensuel(?:le)?|j(?:ä|a)hrlich|monatlich)(?![\p{L}])/iu;
const PLAN_TRAIL = /^\s+(?:(?:cheaper|more expensive|pricier|dearer|better|worse) )?(?:vs\.?|versus|or|and|n|&|\+|than|that|which|over|compared (?:to|with)|o|y|ou|et|oder|und)\s+(?:the\s+|el\s+|le\s+|la\s+)?(\p{L}+)/iu;
const PLAN_LEAD = /(?:(?<=\s)[&+]|\b(?:n|the|about|on|upgrade to|switch to|pick|choose|go with|stay on|stick with|downgrade to|vs\.?|versus|or|and|plan|how much is|how much for|price of|pricing (?:of|for)|cost of|(?:total|price|cost|quote) for|(?:minimum|maximum|min|max|limit|seats|users) (?:for|on|in)|el plan|l['’]offre|offre|formule|le|la|der|die|das|tarif|den|what about|how about|what['’]?s|what is|(?:can|could) (?:i|we) (?:just |still |only )?(?:get|buy|use|have|take|go with|stay on)|el|y|para|y para|und|et|für|à|was kostet|wie viel kostet|kostet|cuanto cuesta|cuánto cuesta|cuesta|cu[aá]nto sale|(?:nos |me )?(?:sale|saldr[ií]a|costar[ií]a|costar[aá]|cobrar[ií]an|pagar[ií]amos(?: por)?)|combien co[uû]te|co[uû]te|co[uû]terait|kosten w[üu]rde|w[üu]rde|lieber|eher|plut[oô]t|mejor|rather))\s+$/i;

/**
 * A plan the prospect names that the catalogue does not have ("the Ultra plan", "el plan Premium", "l'offre Gold"): a
 * capitalised word beside a plan noun that is no plan's name, id or alias, nor the company's or a competitor's name.
 * Not read in German (every noun has a capital) nor Arabic (no capitals).
 */
const NAMED_PLAN = [
  // ("an Ultra or Premium plan": the first of the two)
  /\b(?:the|a|an|your)\s+([\p{Lu}][\p{L}\p{N}+-]*)(?:\s+(?:or|and)\s+[\p{Lu}][\p{L}\p{N}+-]*)?\s+(?:plan|tier|package|edition|subscription)s?\b/u,
  /\b(?:plan|paquete)\s+([\p{Lu}][\p{L}\p{N}+-]*)/u,
  /\b(?:l['’]offre|le forfait|la formule|l['’]abonnement)\s+([\p{Lu}][\p{L}\p{N}+-]*)/u,
];

/** "The Annual plan" is a way to pay, not a plan's name. */
const BILLING_WORDS = ['monthly', 'annual', 'yearly', 'mensual', 'anual', 'mensuel', 'annuel', 'annuelle', 'mensuelle', 'paid', 'current', 'same'];

export function unknownPlanIn(text: string, kb: KnowledgeBase): string | undefined {
  const known = new Set(
    [...BILLING_WORDS, ...kb.plans.flatMap((plan) => [plan.name, plan.id, ...plan.aliases]), kb.company.name, ...kb.competitors.flatMap((entry) => [entry.name, ...entry.aliases])]
      .flatMap((name) => name.toLowerCase().split(/\s+/)),
  );
  for (const pattern of NAMED_PLAN) {
    const name = pattern.exec(text)?.[1];
    if (name && !known.has(name.toLowerCase())) return name;
  }
  return undefined;
}

/** Plans named in the text (by name, id or alias), in the order they are mentioned. */
/**
 * A plan name misspelt in a short message ("wat about buisness", "how much is enterprize?"): a word one edit away from a
 * plan name of 6–7 letters, or two from a longer one (a swap of two letters is one edit), in a message of at most six
 * words that names no plan otherwise. Only names of six letters or more: "pro" is one edit from too many words.
 */
export function misspeltPlansIn(text: string, plans: readonly Plan[], maxWords = 6): Plan[] {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length > maxWords) return [];
  return plans.filter((plan) =>
    [plan.name, ...plan.aliases].some((name) => {
      const target = name.toLowerCase();
      if (target.length < 6 || !/^\p{L}+$/u.test(target)) return false;
      const allowed = target.length >= 8 ? 2 : 1;
      return words.some(
        (word) =>
          word !== target &&
          !REAL_WORDS_NEAR_PLANS.has(word) &&
          !word.startsWith(target) &&
          Math.abs(word.length - target.length) <= allowed &&
          editDistance(word, target) <= allowed,
      );
    }),
  );
}

/** Words a plan name is one or two edits from that mean something else ("we started", "une entreprise"). */
const REAL_WORDS_NEAR_PLANS = new Set(['started', 'starting', 'startup', 'startet', 'starten', 'startled', 'busyness', 'businessman', 'entreprise', 'enterprises', 'entreprises', 'empresas', 'empresa']);

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours, one edit each. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = rows[i]!;
      row[j] = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}

export function findMentionedPlans(text: string, plans: readonly Plan[]): Plan[] {
  const found: { plan: Plan; at: number }[] = [];
  const planWords = new Set(plans.flatMap((plan) => [plan.name, plan.id, ...plan.aliases]).map((name) => name.toLowerCase()));
  // "business that pro doesn't have", "enterprise vs pro": a common word set against another plan's name is a plan.
  const setAgainstPlan = (after: string) => {
    const other = PLAN_TRAIL.exec(after)?.[1]?.toLowerCase();
    return other !== undefined && planWords.has(other);
  };
  for (const plan of plans) {
    let at = -1;
    for (const name of new Set([plan.name, plan.id, ...plan.aliases])) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu');
      for (const match of text.matchAll(pattern)) {
        const capitalised = /^\p{Lu}/u.test(match[0]);
        const followedByNoun = PLAN_NOUN.test(text.slice(match.index + match[0].length));
        // ("Et pour l'enterprise ?": the article elided onto the name.)
        const ledIn = PLAN_LEAD.test(text.slice(0, match.index)) || /(?:^|\s)[ld]['’]$/i.test(text.slice(0, match.index));
        const distinctive = !COMMON_WORD_NAMES.has(name.toLowerCase());
        // ("does business have SCIM?": the plan asked about, between "does" and "have"; "does starter have …?" still
        // compares every plan's line.)
        const askedOf = name.toLowerCase() !== 'starter' && /\b(?:does|do|will|would|can)\s+(?:the\s+)?$/i.test(text.slice(0, match.index)) && /^\s+(?:plan\s+|tier\s+)?(?:have|include|come with|get|offer|support)\b/i.test(text.slice(match.index + match[0].length));
        if (distinctive || capitalised || followedByNoun || ledIn || askedOf || setAgainstPlan(text.slice(match.index + match[0].length))) {
          if (at < 0 || match.index < at) at = match.index;
          break;
        }
      }
    }
    if (at >= 0) found.push({ plan, at });
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.plan);
}

/** A plan's first feature line that says it builds on the plan below ("Everything in Starter"). */
export const INCLUDES_LOWER = /^(everything in|todo lo de|tout ce que comprend|alles aus|كل ما في)\s/iu;

export function fitsSeats(plan: Plan, seats: number): boolean {
  return seats >= plan.minSeats && (plan.maxSeats === null || seats <= plan.maxSeats);
}

/**
 * The plan we would suggest for a team size: the first (cheapest) in the catalogue that holds it, as the OpenAI prompt
 * says. What the prospect said they need can raise it (requiredPlan in topic.ts); the "most popular" badge does not.
 */
export function recommendPlan(seats: number, plans: readonly Plan[]): Plan | undefined {
  const fitting = plans.filter((plan) => fitsSeats(plan, seats));
  return fitting[0];
}

export const isContactSales = (plan: Plan): boolean => plan.pricePerSeatMonthly === null && plan.pricePerSeatMonthlyAnnual === null;

/** "Pro for 25" has no people word; a clock time ("for 10am") or a percentage is not a seat count. */
/** "For the 25 one", "the 25-person one": a team priced before, named by its size (an agency's clients). */
const THE_COUNT_ONE = /\bthe\s+(\d{1,6})(?:[- ](?:person|people|seat|user)s?)?\s+(?:one|team|client)\b/i;
const FOR_COUNT = /\bfor\s+(\d{1,6})\b(?!\s*(?:am|pm|%|:|h\b|o'clock|minutes|mins|hours|days|weeks|months|years|dollars|usd|\$))/i;
const PARA_COUNT = /\bpara\s+(\d{1,6})\b(?!\s*(?:%|:|h\b|minutos|horas|d[ií]as|semanas|meses|a[nñ]os|d[oó]lares|euros))/i;
const POUR_COUNT = /\bpour\s+(\d{1,6})\b(?!\s*(?:%|:|h\b|heures?|minutes|jours|semaines|mois|ans|dollars|euros))/i;
const FUR_COUNT = /\bf(?:ü|u)r\s+(\d{1,6})\b(?!\s*(?:%|:|uhr|h\b|minuten|stunden|tage[n]?|wochen|monate[n]?|jahre[n]?|dollar|euro))/i;
const LI_COUNT = /(?:^|\s)(?:لـ\s?|ل\s)(\d{1,6})(?!\s*(?:%|:|ساع|دقيق|يوم|أيام|أسبوع|شهر|أشهر|سنة|دولار))/u;
/** A team stated in French, German or Arabic ("nous sommes 12", "12 Personen", "فريق من 12 شخصًا"). */
const TEAM_STATED = [
  /\b(\d{1,6})\s*(?:personnes|utilisateurs|salari(?:é|e)s|employ(?:é|e)s|collaborateurs|membres|licences|postes)\b/i,
  /\b(?:nous sommes|on est|(?:é|e)quipe de)\s+(\d{1,6})\b/i,
  /\b(\d{1,6})\s*(?:personen|nutzer\w*|benutzer\w*|mitarbeiter\w*|lizenzen|leute|kollegen)\b/i,
  /\b(?:wir sind|team (?:von|mit|aus))\s+(\d{1,6})\b/i,
  /(\d{1,6})\s*(?:شخص|أشخاص|اشخاص|مستخدم|موظف|عضو|أعضاء|رخص)/u,
  /(?:نحن|فريق من|فريقنا)\s+(\d{1,6})/u,
];

/** A team size stated in French, German or Arabic ("nous sommes 12", "12 Personen", "فريق من 12 شخصًا"). */
export function teamStatedIn(message: string): number | undefined {
  const text = spokenNumbers(westernDigits(message));
  // What the lead reader finds first ("wir sind 25 Leute, eigentlich 28" is 28, not the 25 "wir sind" starts with).
  const stated = extractTeamSize(text)?.value;
  if (typeof stated === 'number') return stated;
  const found = Number(TEAM_STATED.map((pattern) => pattern.exec(text)?.[1]).find((value) => value !== undefined));
  return Number.isSafeInteger(found) && found > 0 ? found : undefined;
}

/** Arabic-Indic digits ("١٢") read as the Western digits the rest of the reading expects (the lead reader's helper). */
export { westernDigits };

/** The seat count the message asks about or states, if any. */
/**
 * A future or supposed team size: "grow to 30", "if we hire up to 50", "crecer a 30", "passer à 30", "auf 30 wachsen",
 * "what if we're 45?", "et si on est 45 au lieu de 60 ?": priced at that size, the team on record unchanged.
 */
export const GROWTH =
  /\b(?:grow|growing|scale|scaling|expand|expanding|hire|hiring|double)(?: up)? to (\d+)|\bwe(?:'ll| will|'re going to| are going to)(?: probably| likely| soon| easily)? be (?:at |around |about |over )?(\d+)(?! ?(?:minutes?|mins?|hours?|days?|weeks?|months?|%|am|pm|o'clock)\b)|\b(?:crecer|crecemos|llegar|pasar) a (\d+)|\bseremos (?:unos |unas )?(\d+)|\b(?:passer|passons|grandir|monter) à (\d+)|\b(?:nous serons|on sera) (?:environ )?(\d+)|\bauf (\d+) (?:wachsen|anwachsen|steigen)|\bwir werden (?:bald |wohl |etwa )?(\d+) (?:sein|personen|leute|mitarbeiter)|\bwhat if we(?:'re| are| were| had| have) (?:only |just |about )?(\d+)|\by si (?:(?:en|para|a partir de|desde) (?:el |la )?\p{L}+ (?:que viene )?|(?:el|para el) (?:otro|pr[oó]ximo) (?:a[nñ]o|mes|trimestre) |el a[nñ]o que viene )?(?:somos|fu[eé]ramos|tenemos|llegamos a|pasamos a|crecemos a) (?:solo |unos |unas )?(\d+)|\bet si (?:(?:en|d['’]ici|à partir de) \p{L}+ )?(?:on est|on [ée]tait|nous sommes|nous [ée]tions|on passe à|on passait à|nous passons à) (?:seulement |environ )?(\d+)|\b(?:und|was w[äa]re,?|was ist,?) wenn wir (?:(?:im|ab|bis) \p{L}+ |n[äa]chstes jahr )?(?:nur |etwa )?(\d+) (?:sind|wären|waren|werden)|(?<!\p{L})(?:لو|إذا|اذا|وإذا|ولو) (?:صرنا|أصبحنا|اصبحنا|بقينا|كنا|صار عددنا|أصبح عددنا|اصبح عددنا) (\d+)/iu;

export function seatsIn(message: string): number | undefined {
  const text = spokenNumbers(westernDigits(message));
  const stated = extractTeamSize(text)?.value;
  if (typeof stated === 'number') return stated;
  const growth = GROWTH.exec(text);
  const grown = growth?.slice(1).find((found) => found !== undefined);
  const team = grown ?? TEAM_STATED.map((pattern) => pattern.exec(text)?.[1]).find((found) => found !== undefined);
  const bare = Number(team ?? [FOR_COUNT, THE_COUNT_ONE, PARA_COUNT, POUR_COUNT, FUR_COUNT, LI_COUNT].map((pattern) => pattern.exec(text)?.[1]).find((found) => found !== undefined));
  // ("Let's talk about pricing for 2026": a year near ours, not 2026 seats; "for 2026 users" is read above.)
  if (team === undefined && bare >= 2024 && bare <= 2035) return undefined;
  return Number.isSafeInteger(bare) && bare > 0 ? bare : undefined;
}

export type BillingWish = 'monthly' | 'annual' | 'both';

const ANNUAL = /\b(annual|annually|yearly|per year|a year|each year|every year|12 months|twelve months|anual|anualmente|al a[nñ]o|por a[nñ]o|annuel(?:le)?|annuellement|par an|j(?:ä|a|ae)hrlich(?:e[rnms]?)?|pro jahr|im jahr)\b|(?<!\p{L})[àa] l['’]ann[ée]e(?!\p{L})|سنوي|سنويًا|بالسنة|في السنة|للسنة/iu;
const MONTHLY = /\b(monthly|month to month|month-to-month|mensual|mensualmente|mensuel(?:le)?|mensuellement|monatlich(?:e[rnms]?)?)\b|شهري|شهريًا|بالشهر|للشهر/iu;

/** Which billing period the prospect asked about; "both" when they did not say (we show the saving). */
export function billingIn(message: string): BillingWish {
  // A budget's period ("ميزانيتنا ٧٠٠ دولار شهرياً", "700 dollars monthly") says how they count money, not how they want
  // to be billed.
  const text = westernDigits(message).replace(/\d[\d.,]*\s*(?:k\b)?\s*(?:\$|usd|dollars?|d[oó]lares|euros?|€|دولار|يورو)\s*\S+/giu, ' ');
  const annual = ANNUAL.test(text);
  const monthly = MONTHLY.test(text);
  if (annual && !monthly) return 'annual';
  if (monthly && !annual) return 'monthly';
  return 'both';
}

export function emailIn(text: string): string | undefined {
  return EMAIL.exec(writtenEmails(text))?.[0]?.toLowerCase();
}

/** Common ways prospects name a zone without its IANA name. Upper-case abbreviations only, so "pt" in prose is safe. */
const ZONE_ABBREVIATIONS: Record<string, string> = {
  ET: 'America/New_York', EST: 'America/New_York', EDT: 'America/New_York',
  CT: 'America/Chicago', CST: 'America/Chicago', CDT: 'America/Chicago',
  MT: 'America/Denver', MST: 'America/Denver', MDT: 'America/Denver',
  PT: 'America/Los_Angeles', PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles',
  GMT: 'Europe/London', BST: 'Europe/London', UTC: 'UTC',
  CET: 'Europe/Paris', CEST: 'Europe/Paris', JST: 'Asia/Tokyo', AEST: 'Australia/Sydney', AEDT: 'Australia/Sydney',
};
const ZONE_PLACES: [RegExp, string][] = [
  [/\b(eastern time|new york|nueva york|nyc|boston|miami|atlanta|toronto)\b|نيويورك|تورونتو/iu, 'America/New_York'],
  [/\b(central time|chicago|dallas|houston|austin)\b/i, 'America/Chicago'],
  [/\b(mountain time|denver)\b/i, 'America/Denver'],
  [/\b(pacific time|san francisco|los angeles|seattle|vancouver|silicon valley)\b/i, 'America/Los_Angeles'],
  [/\b(london|uk time|dublin|lisbon|lisboa|londres)\b|(?<!\p{L})لندن(?!\p{L})/iu, 'Europe/London'],
  [/\b(madrid|barcelona|valencia|sevilla|seville|spain|espa[nñ]a|espagne|spanien)\b/i, 'Europe/Madrid'],
  [/\b(paris|par[ií]s|france|frankreich|brussels|bruselas|bruxelles|lyon|marseille|toulouse|lille|bordeaux|nantes)\b|(?<!\p{L})(?:باريس|فرنسا)(?!\p{L})/iu, 'Europe/Paris'],
  [/\b(deutsche[rn]? zeit|berlin|munich|m(?:ü|u)nchen|frankfurt|hamburg|k(?:ö|o)ln|cologne|stuttgart|d(?:ü|u)sseldorf|deutschland|germany|allemagne|amsterdam|vienna|wien|zurich|z(?:ü|u)rich|rome|roma|milan)\b|(?<!\p{L})(?:برلين|ألمانيا)(?!\p{L})/iu, 'Europe/Berlin'],
  [/\b(mexico city|ciudad de m[eé]xico|cdmx|guadalajara|monterrey)\b|(?<!new )\bm(?:[eé]xico|exique|exiko)(?![\p{L}])/iu, 'America/Mexico_City'],
  [/\b(bogot[aá]|colombia)\b/i, 'America/Bogota'],
  [/\b(lima|per[uú])(?!\p{L})/iu, 'America/Lima'],
  [/\b(buenos aires|argentina)\b/i, 'America/Argentina/Buenos_Aires'],
  [/\b(santiago de chile|chile)\b/i, 'America/Santiago'],
  [/\b(s[aã]o paulo|brazil|brasil)\b/i, 'America/Sao_Paulo'],
  [/\b(tokyo|tokio|japan)\b/i, 'Asia/Tokyo'],
  [/\b(singapore|singapur)\b/i, 'Asia/Singapore'],
  [/\b(sydney|melbourne)\b/i, 'Australia/Sydney'],
  [/\b(riyadh|jeddah|saudi)\b|(?<!\p{L})(?:الرياض|جدة|جدّة|السعودية)(?!\p{L})/iu, 'Asia/Riyadh'],
  [/\b(dubai|abu dhabi|uae)\b|(?<!\p{L})(?:دبي|أبوظبي|أبو ظبي|الإمارات)(?!\p{L})/iu, 'Asia/Dubai'],
  [/\b(cairo|egypt)\b|(?<!\p{L})(?:القاهرة|مصر)(?!\p{L})/iu, 'Africa/Cairo'],
  [/\b(casablanca|rabat|morocco|maroc)\b|(?<!\p{L})(?:الدار البيضاء|الرباط)(?!\p{L})/iu, 'Africa/Casablanca'],
  [/\b(amman|jordan)\b|(?<!\p{L})(?:عمّان|عمان|الأردن)(?!\p{L})/iu, 'Asia/Amman'],
  [/\b(beirut|lebanon)\b|(?<!\p{L})(?:بيروت|لبنان)(?!\p{L})/iu, 'Asia/Beirut'],
  [/\b(doha|qatar)\b|(?<!\p{L})(?:الدوحة|قطر)(?!\p{L})/iu, 'Asia/Qatar'],
];
const IANA_ZONE = /\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Za-z_]+(?:\/[A-Za-z_]+)?\b/i;

/** The IANA time zone the prospect named: an IANA name, a common abbreviation, or a city we know. */
export function timeZoneIn(text: string): string | undefined {
  const iana = IANA_ZONE.exec(text)?.[0];
  const named = iana ? canonicalTimeZone(iana) : undefined;
  if (named) return named;
  for (const match of text.matchAll(/\b[A-Z]{2,4}\b/g)) {
    const zone = ZONE_ABBREVIATIONS[match[0]];
    if (zone) return zone;
  }
  // Typed in lower case, an abbreviation counts right after a clock time ("thurs 3pm est", "10:30 cet"): alone, "est"
  // is French for "is".
  for (const match of text.matchAll(/\d(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s+([a-z]{2,4})\b/giu)) {
    const zone = ZONE_ABBREVIATIONS[match[1]?.toUpperCase() ?? ''];
    if (zone) return zone;
  }
  // A place read from the words, never from an address ("jordan@brightline.io"), and a place that is also a first name
  // ("I'm Jordan", "Sydney here") only where it is said as a place ("in Jordan", "Sydney time").
  const words = text.replace(/\S+@\S+|https?:\/\/\S+/g, ' ');
  for (const [pattern, zone] of ZONE_PLACES) {
    const match = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
    for (const found of words.matchAll(match)) {
      if (!PLACES_THAT_ARE_NAMES.has(found[0].toLowerCase())) return zone;
      const before = words.slice(0, found.index);
      const after = words.slice((found.index ?? 0) + found[0].length);
      // (Or alone: "Paris." answering "which time zone?")
      if (PLACE_CUE_BEFORE.test(before) || PLACE_CUE_AFTER.test(after) || /^[\s\p{P}]*$/u.test(before + after)) return zone;
    }
  }
  return undefined;
}

/** Places that are also people's first names: a zone only with a cue that they are a place. */
const PLACES_THAT_ARE_NAMES = new Set(['jordan', 'austin', 'dallas', 'houston', 'denver', 'sydney', 'paris', 'milan', 'lima', 'valencia', 'chile', 'roma', 'rome', 'lyon']);
const PLACE_CUE_BEFORE = /\b(?:in|from|near|based in|out of|around|to|en|desde|de|à|a|au|aus|im|in der|nach|bei)\s+(?:the\s+)?$/i;
const PLACE_CUE_AFTER = /^\s*(?:time|timezone|time zone|hours?|office|hora|heure|zeit|uhrzeit)\b/i;

/**
 * The prospect's words for when they want to meet ("Tuesday at 10am", "el martes a las 10"), read relative to
 * `now`. Only phrases with a day or a clock time count: "next month" is a timeline, not a meeting slot.
 */
const TRAILING_DAYPART = /^\s*,?\s*(?:de la (?:tarde|noche|ma[nñ]ana)|por la (?:tarde|noche|ma[nñ]ana)|in the (?:afternoon|evening|morning)|de l['’]apr[eè]s-midi|du (?:soir|matin)|(?:am )?(?:nachmittags?|abends|morgens|vormittags?)|p\.?m\.?|a\.?m\.?)(?![\p{L}])/iu;

/** A zone said in words after a time: "hora de Madrid", "horario peninsular", "heure de Paris", "deutscher Zeit". */
const ZONE_WORDS = /\b(?:hora|horario)\s+(?:(?:de|del|en)\s+(?:la\s+)?\p{L}+|peninsular|local|espa[nñ]ola)|\bheure\s+(?:de|d['’])\s*\p{L}+|\b(?:deutsche[rn]?|mitteleurop[äa]ische[rn]?)\s+zeit\b/giu;
/** "At 15:30 Madrid time on Thursday": a place's time, capitalised (so never "some time", "lunch time"). */
const PLACE_TIME = /(?<![\p{L}])\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?\s+time\b/gu;

/** "At like two", "around um 3": spoken fillers between the preposition and the time, which the date reader trips on. */
const TIME_FILLER = /\b(at|around|by|for|about)\s+(?:(?:like|um+|uh+|erm|maybe|say|roughly|approximately|about)\s+)+(?=\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon)/giu;

/** "At two", "around eleven": an hour in words after a time preposition, which the date reader does not read. */
const HOUR_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const HOUR_IN_WORDS = new RegExp(`\\b(at|around|by|about)\\s+(${HOUR_WORDS.join('|')})\\b`, 'giu');

export function meetingTimesIn(message: string, now: number, locale: SalesLocale = 'en'): string[] {
  const today = new Date(now);
  // "El miércoles de la semana que viene a las 10": the day and the hour read together, the week added to them after.
  const { rest, week: weekBesideDay } = apartFromNextWeek(westernDigits(message));
  const text = readableTimes(rest, { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() })
    // "a las 12 hora de Madrid": the zone is read on its own (timeZoneIn); left in, "12 hora" read as another phrase.
    .replace(ZONE_WORDS, ' ')
    .replace(PLACE_TIME, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(TIME_FILLER, '$1 ')
    .replace(HOUR_IN_WORDS, (_, preposition: string, hour: string) => `${preposition} ${HOUR_WORDS.indexOf(hour.toLowerCase()) + 1}`);
  const found = parseMeetingPhrases(text, new Date(now), { forwardDate: true }, locale)
    .filter(({ start }) => start.isCertain('hour') || start.isCertain('weekday') || start.isCertain('day'))
    // "Grow to 15 next year", "in 2027": a year is a plan, not a slot, unless a clock time comes with it.
    .filter(({ start, text: phrase }) => start.isCertain('hour') || !YEAR_WORD.test(phrase))
    // "Please not at 9am", "pas à 9h", "nicht um 9": a time ruled out, not asked for.
    .filter(({ index }) => !RULED_OUT.test(text.slice(Math.max(0, index - 16), index)));
  // "Hmm 8am is early, move to 10am", "10am instead of 8am": the time turned down is not asked for, beside one that is.
  const turnedDown = (result: (typeof found)[number]) => TURNED_DOWN_AFTER.test(text.slice(result.index + result.text.length)) || TURNED_DOWN_BEFORE.test(text.slice(Math.max(0, result.index - 16), result.index));
  const results = found.some((result) => !turnedDown(result)) ? found.filter((result) => !turnedDown(result)) : found;
  // "El martes que viene a las 4 de la tarde": a day and, a few words on, an hour are one slot (chrono reads two).
  const dayOnly = results.findIndex(({ start }) => !start.isCertain('hour'));
  const next = results[dayOnly + 1];
  const first = results[dayOnly];
  const joined =
    first && next && next.start.isCertain('hour') && !next.start.isCertain('weekday') && !next.start.isCertain('day') && next.index - (first.index + first.text.length) <= 20
      ? [...results.slice(0, dayOnly), { ...first, text: text.slice(first.index, next.index + next.text.length) }, ...results.slice(dayOnly + 2)]
      : results;
  const phrases = joined
    // The daypart after the phrase stays with it ("jueves a las 5" + "de la tarde"): chrono leaves it out.
    // ("Next week, Tuesday 11am": the comma the week leaves behind is no part of the phrase.)
    .map((result) => `${result.text}${TRAILING_DAYPART.exec(text.slice(result.index + result.text.length))?.[0] ?? ''}`.replace(/^[\s,;:]+/u, '').trim())
    .filter((phrase) => phrase.length > 1);
  // "Next week? Wednesday at 3pm": one slot, the Wednesday of next week (book_meeting reads the week with the day).
  const week = phrases.find((phrase) => NEXT_WEEK.test(phrase) && !DAY_NAME.test(phrase));
  const day = phrases.find((phrase) => phrase !== week && DAY_NAME.test(phrase) && !NEXT_WEEK.test(phrase));
  const merged = week && day ? phrases.filter((phrase) => phrase !== week).map((phrase) => (phrase === day ? `${day} ${week}` : phrase)) : phrases;
  const withWeek = weekBesideDay === undefined ? merged : merged.map((phrase) => (DAY_NAME.test(phrase) && !NEXT_WEEK.test(phrase) ? `${phrase} ${weekBesideDay}` : phrase));
  return withWeek.slice(0, 3);
}

/** After a time, said to be no good: "is early", "doesn't work", "es muy temprano", "no puedo", "ça ne va pas", "geht nicht". */
const TURNED_DOWN_AFTER =
  /^\s*(?:(?:is|['’]s|seems|feels|would be|es|ser[ií]a|est|c['’]est|ist|wäre)\s+(?:(?:a bit|a little|too|way|very|kinda|quite|rather|un poco|muy|demasiado|un peu|trop|zu|etwas|sehr)\s+)*|(?:(?:a bit|a little|too|way|very|kinda|quite|rather|muy|demasiado|trop|zu)\s+)+)(?:early|late|soon|bad|no good|not good|not ideal|tight|temprano|tarde|t[ôo]t|tard|fr[üu]h|sp[äa]t)(?![\p{L}])|^\s*(?:doesn['’]t|does not|won['’]t|will not|isn['’]t|is not) (?:work|suit|good)|^\s*,?\s*(?:(?:geht|passt|klappt|kann ich)\s+(?:(?:bei mir|mir|leider|doch|da|es)\s+)*nicht|no (?:puedo|me va|va|me viene bien|me sirve|es posible)|(?:ça|ca) ne (?:me )?(?:va|marche|convient) pas|ne (?:me )?(?:va|convient) pas|je ne peux pas)(?![\p{L}])/iu;
/** Before a time, another put in its place: "instead of 8am", "en vez de las 8", "au lieu de 8h", "statt 8 Uhr". */
const TURNED_DOWN_BEFORE = /(?:instead of|rather than|en vez de(?: las?)?|en lugar de(?: las?)?|au lieu de|statt|anstatt|بدل|بدلا من|بدلًا من)\s*$/iu;
const RULED_OUT = /(?:^|[^\p{L}])(?:not|no|never|except|avoid|but not|pas|jamais|sauf|nicht|nie|kein|außer|ausser|excepto|menos|لا|ليس|غير)\s*$/iu;
const YEAR_WORD = /\b(?:year|years|a[nñ]o|a[nñ]os|ans|ann[ée]e|jahr|jahre[n]?)\b|سنة|العام/iu;

/** Whether the message contains any of the phrases (stemmed word match, so "integrations" finds "integration"). */
export function mentionsAny(text: string, phrases: readonly string[]): boolean {
  const tokens = wordTokens(text);
  return phrases.some((phrase) => containsPhrase(tokens, phrase));
}

export function planById(kb: KnowledgeBase, id: string): Plan | undefined {
  return kb.plans.find((plan) => plan.id === id || plan.name.toLowerCase() === id.toLowerCase());
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
