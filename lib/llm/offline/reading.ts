// chrono-node finds the time phrase inside a longer message ("book it for Tuesday at 10am, I'm in Madrid"), so the
// booking tool receives the prospect's own words for the time, as the OpenAI agent would pass them.
import { containsPhrase, wordTokens } from '@/lib/llm/offline/text';
import type { KnowledgeBase, Plan } from '@/lib/sales/knowledge/schema';
import { EMAIL, extractTeamSize } from '@/lib/sales/lead/patterns';
import { parseMeetingPhrases } from '@/lib/sales/booking';
import { canonicalTimeZone } from '@/lib/sales/time-zone';
import type { SalesLocale } from '@/lib/sales/turn-state';

/**
 * What the offline agent reads out of the prospect's message besides the lead facts the sales brain already took:
 * plans named, a seat count, the billing period, a meeting time and time zone, and the language. Pure.
 */

/** Plan names that are also everyday words need "plan"/"tier" beside them or a capital letter to count as a plan. */
const COMMON_WORD_NAMES = new Set(['business', 'enterprise', 'team', 'basic', 'standard', 'plus', 'premium', 'growth', 'free', 'starter', 'professional', 'profesional', 'professionnel', 'professionnelle', 'professionell', 'profi']);
const PLAN_NOUN = /^\s*-?(plan|tier|edition|package|subscription|seats?|offre|formule|abonnement|tarif|paket|abo)\b/i;
const PLAN_LEAD = /\b(the|about|on|upgrade to|switch to|vs\.?|versus|or|and|plan|el plan|l['’]offre|offre|formule|le|la|der|die|das|tarif|den)\s+$/i;

/** Plans named in the text (by name, id or alias), in the order they are mentioned. */
export function findMentionedPlans(text: string, plans: readonly Plan[]): Plan[] {
  const found: { plan: Plan; at: number }[] = [];
  for (const plan of plans) {
    let at = -1;
    for (const name of new Set([plan.name, plan.id, ...plan.aliases])) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu');
      for (const match of text.matchAll(pattern)) {
        const capitalised = /^\p{Lu}/u.test(match[0]);
        const followedByNoun = PLAN_NOUN.test(text.slice(match.index + match[0].length));
        const ledIn = PLAN_LEAD.test(text.slice(0, match.index));
        const distinctive = !COMMON_WORD_NAMES.has(name.toLowerCase());
        if (distinctive || capitalised || followedByNoun || ledIn) {
          if (at < 0 || match.index < at) at = match.index;
          break;
        }
      }
    }
    if (at >= 0) found.push({ plan, at });
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.plan);
}

export function fitsSeats(plan: Plan, seats: number): boolean {
  return seats >= plan.minSeats && (plan.maxSeats === null || seats <= plan.maxSeats);
}

/** The plan we would suggest for a team size: the most popular plan if it fits, else the first (cheapest) that does. */
export function recommendPlan(seats: number, plans: readonly Plan[]): Plan | undefined {
  const fitting = plans.filter((plan) => fitsSeats(plan, seats));
  return fitting.find((plan) => plan.highlight) ?? fitting[0];
}

export const isContactSales = (plan: Plan): boolean => plan.pricePerSeatMonthly === null && plan.pricePerSeatMonthlyAnnual === null;

/** "Pro for 25" has no people word; a clock time ("for 10am") or a percentage is not a seat count. */
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
  const text = westernDigits(message);
  const found = Number(TEAM_STATED.map((pattern) => pattern.exec(text)?.[1]).find((value) => value !== undefined));
  return Number.isSafeInteger(found) && found > 0 ? found : undefined;
}

/** Arabic-Indic digits ("١٢") read as the Western digits the rest of the reading expects. */
export function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String((digit.charCodeAt(0) & 0xf) % 10));
}

/** The seat count the message asks about or states, if any. */
export function seatsIn(message: string): number | undefined {
  const text = westernDigits(message);
  const stated = extractTeamSize(text)?.value;
  if (typeof stated === 'number') return stated;
  const team = TEAM_STATED.map((pattern) => pattern.exec(text)?.[1]).find((found) => found !== undefined);
  const bare = Number(team ?? [FOR_COUNT, PARA_COUNT, POUR_COUNT, FUR_COUNT, LI_COUNT].map((pattern) => pattern.exec(text)?.[1]).find((found) => found !== undefined));
  return Number.isSafeInteger(bare) && bare > 0 ? bare : undefined;
}

export type BillingWish = 'monthly' | 'annual' | 'both';

const ANNUAL = /\b(annual|annually|yearly|per year|a year|each year|every year|12 months|twelve months|anual|anualmente|al a[nñ]o|por a[nñ]o|annuel(?:le)?|annuellement|par an|j(?:ä|a)hrlich|pro jahr|im jahr)\b|سنوي|سنويًا|بالسنة|في السنة/iu;
const MONTHLY = /\b(monthly|month to month|month-to-month|mensual|mensualmente|mensuel(?:le)?|mensuellement|monatlich)\b|شهري|شهريًا|بالشهر/iu;

/** Which billing period the prospect asked about; "both" when they did not say (we show the saving). */
export function billingIn(text: string): BillingWish {
  const annual = ANNUAL.test(text);
  const monthly = MONTHLY.test(text);
  if (annual && !monthly) return 'annual';
  if (monthly && !annual) return 'monthly';
  return 'both';
}

export function emailIn(text: string): string | undefined {
  return EMAIL.exec(text)?.[0]?.toLowerCase();
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
  [/\b(eastern time|new york|nyc|boston|miami|atlanta|toronto)\b/i, 'America/New_York'],
  [/\b(central time|chicago|dallas|houston|austin)\b/i, 'America/Chicago'],
  [/\b(mountain time|denver)\b/i, 'America/Denver'],
  [/\b(pacific time|san francisco|los angeles|seattle|vancouver|silicon valley)\b/i, 'America/Los_Angeles'],
  [/\b(london|uk time|dublin|lisbon|lisboa|londres)\b/i, 'Europe/London'],
  [/\b(madrid|barcelona|valencia|sevilla|seville|spain|espa[nñ]a|espagne|spanien)\b/i, 'Europe/Madrid'],
  [/\b(paris|par[ií]s|france|frankreich|brussels|bruselas|bruxelles|lyon|marseille|toulouse|lille|bordeaux|nantes)\b|(?<!\p{L})(?:باريس|فرنسا)(?!\p{L})/iu, 'Europe/Paris'],
  [/\b(berlin|munich|m(?:ü|u)nchen|frankfurt|hamburg|k(?:ö|o)ln|cologne|stuttgart|d(?:ü|u)sseldorf|deutschland|germany|allemagne|amsterdam|vienna|wien|zurich|z(?:ü|u)rich|rome|roma|milan)\b|(?<!\p{L})(?:برلين|ألمانيا)(?!\p{L})/iu, 'Europe/Berlin'],
  [/\b(mexico city|ciudad de m[eé]xico|cdmx|guadalajara|monterrey)\b/i, 'America/Mexico_City'],
  [/\b(bogot[aá]|colombia)\b/i, 'America/Bogota'],
  [/\b(lima|per[uú])\b/i, 'America/Lima'],
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
  return ZONE_PLACES.find(([pattern]) => pattern.test(text))?.[1];
}

/**
 * The prospect's words for when they want to meet ("Tuesday at 10am", "el martes a las 10"), read relative to
 * `now`. Only phrases with a day or a clock time count: "next month" is a timeline, not a meeting slot.
 */
export function meetingTimesIn(message: string, now: number, locale: SalesLocale = 'en'): string[] {
  const text = westernDigits(message);
  return parseMeetingPhrases(text, new Date(now), { forwardDate: true }, locale)
    .filter(({ start }) => start.isCertain('hour') || start.isCertain('weekday') || start.isCertain('day'))
    .map((result) => result.text.trim())
    .filter((phrase) => phrase.length > 1)
    .slice(0, 3);
}

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
