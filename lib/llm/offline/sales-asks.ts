import type { OfflineTurn } from '@/lib/llm/offline/context';
import { fitsSeats, isContactSales, recommendPlan, seatsIn, westernDigits } from '@/lib/llm/offline/reading';
import { discountPassage, lastQuotedPlan, NONPROFIT, priceTopic, seatsFor } from '@/lib/llm/offline/topic-pricing';
import { upcomingMeeting } from '@/lib/llm/offline/topic-booking';
import { inReplyLanguage } from '@/lib/llm/offline/booking-ahead';
import type { PriceTopic, Topic } from '@/lib/llm/offline/topic-types';
import { SALES_ASK_PHRASES, type BillingPeriod } from '@/lib/llm/offline/phrases-sales-asks';
import { PHRASES } from '@/lib/llm/offline/phrases';
import { cataloguePriceLine } from '@/lib/llm/offline/replies-pricing';
import { teamHours } from '@/lib/sales/handoff-hours';
import { mayAskEmail } from '@/lib/sales/asked-questions';
import { mentionsName } from '@/lib/sales/memory';
import { colon } from '@/lib/llm/offline/text';
import { faqById } from '@/lib/llm/offline/topic-words';
import type { Plan } from '@/lib/sales/knowledge/schema';
import type { Passage } from '@/lib/sales/retrieval';

/**
 * Sales questions the topic reading (topic.ts) answered with the last price line said again, or with "no confirmed
 * answer", in the five languages:
 * - "what happens next?": after a handoff, who gets in touch, where and when; before a meeting, the meeting; with
 *   nothing set up, the next steps on offer (a price for their team, a demo);
 * - "what happens after the demo?": the demo (with the sales team; the one booked, with its time), then what they can
 *   do after it — the knowledge base describes no follow-up of the team's, so none is promised;
 * - "do you do custom pricing?": the plan the sales team quotes (Enterprise, from its minimum), and for a smaller team
 *   the list price of the plan that fits;
 * - "can we negotiate the price?", "can I pay $20 per seat for Pro?": no price agreed here, the discount policy (annual
 *   billing is the saving; more is the sales team's call) and the plan's catalogue price;
 * - "Pro for 12 users billed quarterly?": the billing periods the catalogue prices (monthly, annual), then the price;
 * - a plan asked for outside its seat range ("Starter for 15 people?", "Business for 5?"): the plan's limit first, then
 *   the plan that fits (the price topic's own `alternative`, as "how much is Pro for 300 users?" has it).
 */
export type SalesAsk =
  | { kind: 'next-steps' }
  | { kind: 'after-demo' }
  | { kind: 'custom-pricing'; plan: Plan; team?: number; fits?: Plan }
  | { kind: 'negotiate'; offered: boolean; passage?: Passage; plan?: Plan }
  | { kind: 'billing-period'; asked: BillingPeriod; price?: PriceTopic };

/** "What happens next?", "what are the next steps?", "¿y ahora qué?", "et maintenant ?", "wie geht es weiter?". */
const NEXT_STEPS =
  /\bwhat(?:'s|’s| is)? (?:happens|will happen|comes) (?:next|now|after this|from here)\b(?!\s+(?:after|when|if|once|with|to)\b)|\bwhat (?:are|r) (?:the )?next steps\b|^\s*(?:(?:so|ok(?:ay)?|and)[,\s]+)?(?:what(?:'s|’s| is) next|what now|now what|next steps?)\s*[?!.]*\s*$|\bwhat do (?:i|we) do (?:now|next)\b|(?<!\p{L})qu[eé] (?:pasa|sigue|viene|ocurre) (?:ahora|despu[eé]s|luego|a continuaci[oó]n)(?!\p{L})|(?<!\p{L})cu[aá]les son los (?:pr[oó]ximos|siguientes) pasos(?!\p{L})|^\s*¿?\s*y ahora(?: qu[eé])?\s*[?!.]*\s*$|(?<!\p{L})qu['’]est-ce qui se passe (?:maintenant|ensuite|apr[eè]s)(?!\p{L})|(?<!\p{L})quelle est la suite(?!\p{L})|(?<!\p{L})quelles sont les (?:prochaines|suivantes) [ée]tapes(?!\p{L})|^\s*et maintenant\s*[?!.]*\s*$|(?<!\p{L})wie geht(?: es)? (?:jetzt |nun |dann )?weiter(?!\p{L})|(?<!\p{L})was passiert (?:jetzt|nun|als n[äa]chstes|dann)(?!\p{L})|(?<!\p{L})was sind die n[äa]chsten schritte(?!\p{L})|(?:ماذا|وماذا|ما الذي) (?:يحدث|سيحدث|بعد) (?:الآن|بعد ذلك|الان)|ما (?:هي )?(?:الخطوة التالية|الخطوات التالية|الخطوات القادمة)|وش (?:الخطوة )?(?:الجاية|التالية)/iu;

/** "What happens after the demo?", "¿qué pasa después de la demo?", "que se passe-t-il après la démo ?", "was passiert nach der Demo?", "ماذا يحدث بعد العرض التوضيحي؟". */
const AFTER_DEMO =
  /\b(?:what(?:'s|’s| is)? (?:happens|will happen|comes|is next)|what(?:'s|’s| is) next|what (?:are|r) (?:the )?next steps|what do (?:i|we) do|next steps?) (?:after|once|following) (?:the |our |my |that |this )?(?:demo|meeting)\b|(?<!\p{L})(?:qu[eé] (?:pasa|sigue|viene|ocurre|pasar[aá])|(?:cu[aá]les son )?los (?:pr[oó]ximos|siguientes) pasos) (?:despu[eé]s de|tras) (?:la|nuestra|mi|esa) (?:demo|reuni[oó]n)(?!\p{L})|(?<!\p{L})(?:qu['’]est-ce qui se passe|que se passe-t-il|qu['’]est-ce qui (?:vient|suit)|quelle est la suite|quelles sont les (?:prochaines|suivantes) [ée]tapes) apr[eè]s (?:la|notre|ma|cette) (?:d[ée]mo|r[ée]union)(?!\p{L})|(?<!\p{L})(?:(?:was passiert|was kommt|was sind die n[äa]chsten schritte) nach (?:der|unserer|meiner|dieser) (?:demo|vorf[üu]hrung)|wie geht(?: es)? nach (?:der|unserer|meiner|dieser) (?:demo|vorf[üu]hrung) weiter)(?!\p{L})|(?:ماذا|وماذا|ما الذي|ما (?:هي )?(?:الخطوات|الخطوة) (?:التالية|القادمة)) (?:(?:يحدث|سيحدث|يأتي|سيأتي) )?بعد (?:العرض التوضيحي|الديمو|الاجتماع)/iu;

/** "Custom pricing", "precios a medida", "tarif sur mesure", "individuelle Preise", "تسعير مخصص". */
const CUSTOM_PRICING =
  /\b(?:custom|bespoke|tailored|special|individual) (?:pricing|prices?|quotes?|deals?|rates?)\b|(?<!\p{L})(?:precios?|tarifas?) (?:a medida|personalizad[oa]s?|especial(?:es)?)(?!\p{L})|(?<!\p{L})(?:tarif(?:ication|s)?|prix) (?:sur mesure|personnalis[ée]s?|sp[ée]ciaux?|sp[ée]cifiques?)(?!\p{L})|(?<!\p{L})(?:individuelle[nrs]?|ma(?:ß|ss)geschneiderte[nrs]?|spezielle[nrs]?) (?:preise?|preisgestaltung|angebot|konditionen)(?!\p{L})|(?:تسعير|سعر|أسعار|اسعار) (?:مخصص|مخصصة|خاص|خاصة)/iu;

/** "Can we negotiate the price?", "¿se puede negociar?", "c'est négociable ?", "ist der Preis verhandelbar?", "هل السعر قابل للتفاوض؟". */
const NEGOTIATE = /\bnegotia(?:te|ble|tion|ting)\b|(?<!\p{L})negoci(?:ar|able|aci[oó]n|amos)(?!\p{L})|(?<!\p{L})n[ée]goci(?:er|able|ation|ons)(?!\p{L})|(?<!\p{L})verhandel(?:n|bar)|verhandlungs(?:spielraum|sache)|(?:قابل لل|ال)?تفاوض/iu;

/** Those the discounts FAQ names, in the plural too: "special pricing for nonprofits?", "¿precios especiales para ONG?". */
const DISCOUNT_GROUPS = /\b(?:non-?profits?|charit(?:y|ies)|ngos?|ongs?|schools?|students?|education\w*|educativ\w*|[ée]coles?|[ée]tudiants?|bildung\w*|schulen?|studierende\w*)\b|غير ربحية|خيرية|تعليمي/iu;

/** What is negotiated: the price, a discount, the terms. */
const NEGOTIATED = /\b(?:price|pricing|cost|discount|deal|terms|precio|descuento|prix|tarif|remise|preis|rabatt|konditionen)\b|سعر|السعر|خصم/iu;

/** A price they name for a plan: "can I pay $20 per seat for Pro?", "¿puedo pagar 20 por usuario?", "on peut payer 20 € ?". */
const PRICE_OFFER =
  /\b(?:can|could|may) (?:i|we) (?:just |only )?(?:pay|have (?:it|\w+) for|get (?:it|\w+) for)\s+(?:only\s+)?(?:[$€£]\s?\d+|\d+(?:[.,]\d+)?\s?(?:dollars?|bucks|euros?|usd|eur|[$€£])|\d+(?:[.,]\d+)?\s+(?:per|a|each)\s+(?:seat|user))|\bhow about [$€£]\s?\d+|(?<!\p{L})(?:puedo|podemos|podr[ií]a|podr[ií]amos) pagar (?:solo |solamente )?(?:[$€]\s?\d+|\d+\s?(?:d[oó]lares|euros|[$€]|por usuario))|(?<!\p{L})(?:je peux|on peut|nous pouvons|pourrions-nous|puis-je) payer (?:seulement |juste )?(?:[$€]\s?\d+|\d+\s?(?:dollars|euros|[$€]|par utilisateur))|(?<!\p{L})(?:k[öo]nnen wir|kann ich|d[üu]rfen wir) (?:auch )?(?:nur )?(?:[$€]\s?\d+|\d+\s?(?:dollar|euro|[$€]))[^.?!]{0,30}zahlen|(?:يمكنني|يمكننا|ممكن) (?:أن )?(?:ن|أ)?دفع (?:[$€]\s?\d+|\d+\s?(?:دولار|يورو|[$€]))/iu;

/** "Billed quarterly?", "facturación trimestral", "facturation trimestrielle", "quartalsweise", "ربع سنوي". */
const PERIODS: readonly [BillingPeriod, RegExp][] = [
  ['quarterly', /\bquarterly\b|\bevery (?:three|3) months\b|\bper quarter\b|(?<!\p{L})trimestral(?:mente)?(?!\p{L})|(?<!\p{L})trimestriel(?:le(?:ment)?)?(?!\p{L})|(?<!\p{L})(?:par|chaque) trimestre(?!\p{L})|(?<!\p{L})(?:quartalsweise\p{L}*|viertelj[äa]hrlich\p{L}*|pro quartal|je quartal)(?!\p{L})|ربع سنوي|ربع سنوية|كل (?:ثلاثة|3) (?:أشهر|شهور)/iu],
  ['half-yearly', /\b(?:half-?yearly|semi-?annual(?:ly)?|bi-?annual(?:ly)?|every (?:six|6) months)\b|(?<!\p{L})semestral(?:mente)?(?!\p{L})|(?<!\p{L})semestriel(?:le(?:ment)?)?(?!\p{L})|(?<!\p{L})halbj[äa]hrlich\p{L}*|نصف سنوي|نصف سنوية|كل (?:ستة|6) (?:أشهر|شهور)/iu],
  ['weekly', /\b(?:billed|pay|paid|billing) weekly\b|\bweekly (?:billing|payments?)\b|(?<!\p{L})facturaci[oó]n semanal(?!\p{L})|(?<!\p{L})facturation hebdomadaire(?!\p{L})|(?<!\p{L})w[öo]chentliche\p{L}* abrechnung(?!\p{L})|فوترة أسبوعية/iu],
];

/** The plan asked about: named in this message, else the last one quoted, else the one their team size calls for. */
function planInFocus(turn: OfflineTurn, plans: readonly Plan[]): Plan | undefined {
  const [named] = plans;
  if (named) return named;
  const quoted = lastQuotedPlan(turn);
  if (quoted) return quoted;
  const seats = seatsFor(turn);
  return seats === undefined ? undefined : recommendPlan(seats, turn.kb.plans);
}

export function salesAskTopic(turn: OfflineTurn, plans: readonly Plan[]): Topic | undefined {
  const text = westernDigits(turn.text);
  if (AFTER_DEMO.test(text)) return { kind: 'sales-ask', ask: { kind: 'after-demo' } };
  if (NEXT_STEPS.test(text)) return { kind: 'sales-ask', ask: { kind: 'next-steps' } };
  // A plan asked for outside its seat range ("Starter for 15 people?"): its limit said first, then the plan that fits.
  const outside = outOfRange(turn, plans);
  if (outside) return outside;
  // ("Special pricing for nonprofits?" is the discount they can apply for: topic.ts answers it.)
  if (CUSTOM_PRICING.test(text) && !NONPROFIT.test(text) && !DISCOUNT_GROUPS.test(text)) {
    const quoted = turn.kb.plans.find((entry) => isContactSales(entry));
    if (quoted) {
      const team = seatsFor(turn);
      const fits = team !== undefined && team < quoted.minSeats ? recommendPlan(team, turn.kb.plans) : undefined;
      return { kind: 'sales-ask', ask: { kind: 'custom-pricing', plan: quoted, ...(team === undefined ? {} : { team }), ...(fits && !isContactSales(fits) ? { fits } : {}) } };
    }
  }
  const offered = PRICE_OFFER.test(text);
  // ("We're negotiating with another vendor" is no ask: a question, or the price named, is.)
  if (offered || (NEGOTIATE.test(text) && (/[?؟]/.test(text) || NEGOTIATED.test(text)))) {
    const plan = planInFocus(turn, plans);
    const passage = discountPassage(turn.kb);
    return { kind: 'sales-ask', ask: { kind: 'negotiate', offered, ...(passage ? { passage } : {}), ...(plan && !isContactSales(plan) ? { plan } : {}) } };
  }
  const period = PERIODS.find(([, pattern]) => pattern.test(text))?.[0];
  if (period) {
    const plan = planInFocus(turn, plans);
    // (Both periods the catalogue has: "ربع سنوية" holds the word for annual, which is not what they asked for.)
    const price = plan && !isContactSales(plan) ? { ...priceTopic(turn, plan, plans.length === 0), billing: 'both' as const } : undefined;
    return { kind: 'sales-ask', ask: { kind: 'billing-period', asked: period, ...(price ? { price } : {}) } };
  }
  return undefined;
}

/**
 * "Starter for 15 people?", "business for 5 people?": one plan named with a seat count in this message that it does
 * not hold. The price topic for that plan as asked (not the recommendation for their size), which says its limit
 * first and the plan that fits after it (above its top: the tool's own words; below its minimum: billed as the
 * minimum, then the plan that fits).
 */
function outOfRange(turn: OfflineTurn, plans: readonly Plan[]): Topic | undefined {
  // (A plan named in lower case, "starter for 15 people?", is one when it is asked about: a question.)
  const asked = plans.length > 0 || !/[?؟]/.test(turn.text) ? plans : turn.kb.plans.filter((entry) => [entry.name, ...entry.aliases].some((name) => mentionsName(turn.text, name)));
  const [plan] = asked;
  const seats = seatsIn(westernDigits(turn.text));
  if (asked.length !== 1 || !plan || isContactSales(plan) || seats === undefined || fitsSeats(plan, seats)) return undefined;
  const topic = priceTopic(turn, plan, false);
  return topic.alternative && topic.alternative !== plan ? topic : undefined;
}

/** The reply's paragraphs; `render` writes a topic of the usual kinds (the price and the discount policy). */
export function salesAskReply(ask: SalesAsk, turn: OfflineTurn, render: (topic: Topic) => string[]): string[] {
  const ph = SALES_ASK_PHRASES[turn.locale];
  const { kb } = turn;
  const minutes = kb.policies.meetings.durationMinutes;
  switch (ask.kind) {
    case 'next-steps': {
      const fields = turn.state.lead.fields;
      const meeting = upcomingMeeting(turn);
      const lines: string[] = [];
      if (turn.state.handoff !== undefined) {
        const { handoff } = kb.policies;
        const hours = teamHours(kb, turn.locale);
        const contact = [fields.phone?.value, fields.email?.value].find((value): value is string => typeof value === 'string');
        lines.push(ph.nextAfterHandoff(contact, hours, handoff.email ?? kb.company.salesEmail, mayAskEmail(turn.state, turn.previousReplies.at(-1))));
      }
      // (The meeting's label as booked is in the booking's language: said in the reply's.)
      if (meeting) lines.push(ph.nextMeeting(inReplyLanguage(meeting.localLabel, meeting.start, meeting.timezone, turn), meeting.durationMinutes, meeting.email));
      if (lines.length > 0) return [...lines, ph.meanwhile];
      const team = Number(fields.teamSize?.value);
      return [ph.nextOffer(Number.isFinite(team) && team > 0 ? team : undefined, minutes)];
    }
    case 'after-demo': {
      // The demo as booked (its time and address) or as the booking flow sets one up; after it, only what the knowledge
      // base offers: the free trial (when it has one), a price here, the sales team's address and hours.
      const meeting = upcomingMeeting(turn);
      const demo = ph.demoIs(meeting ? { when: inReplyLanguage(meeting.localLabel, meeting.start, meeting.timezone, turn), email: meeting.email } : undefined, meeting?.durationMinutes ?? minutes);
      return [demo, ph.afterDemo(faqById(kb, 'trial') !== undefined, kb.policies.handoff.email ?? kb.company.salesEmail, teamHours(kb, turn.locale))];
    }
    case 'custom-pricing': {
      const lines = [ph.customPricing(ask.plan.name, ask.plan.minSeats)];
      if (ask.team !== undefined && ask.fits) lines.push(ph.customBelow(ask.team, ask.fits.name, cataloguePriceLine(ask.fits, turn, PHRASES[turn.locale])));
      else if (ask.team !== undefined) lines.push(ph.customQuote(ask.team, ask.plan.name, kb.company.salesEmail));
      return lines;
    }
    case 'negotiate': {
      const policy = ask.passage ? render({ kind: 'knowledge', passages: [ask.passage], discountAsked: true }) : [PHRASES[turn.locale].furtherDiscount(kb.company.salesEmail)];
      const price = ask.plan ? [`**${ask.plan.name}**${colon(turn.locale)} ${cataloguePriceLine(ask.plan, turn, PHRASES[turn.locale])}.`] : [];
      return [ph.noNegotiation(ask.offered), ...policy, ...price];
    }
    case 'billing-period': {
      // The periods the catalogue prices: a monthly and an annual per-seat price on its plans.
      const options = (['monthly', 'annual'] as const).filter((option) => kb.plans.some((plan) => (option === 'monthly' ? plan.pricePerSeatMonthly : plan.pricePerSeatMonthlyAnnual) !== null));
      return [ph.billingOptions(ask.asked, [...options]), ...(ask.price ? render(ask.price) : [])];
    }
  }
}
