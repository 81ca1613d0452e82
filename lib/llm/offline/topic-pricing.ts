/** Topics on prices: quotes and requotes, budgets, objections, cheaper plans, discounts, what a plan includes. */
import type { OfflineTurn } from '@/lib/llm/offline/context';
import { billingIn, findMentionedPlans, misspeltPlansIn, fitsSeats, isContactSales, mentionsAny, recommendPlan, seatsIn, westernDigits, type BillingWish } from '@/lib/llm/offline/reading';
import { contentWords } from '@/lib/llm/offline/text';
import { CANCEL_WORDS } from '@/lib/sales/lead/patterns';
import { PHRASES } from '@/lib/llm/offline/phrases';
import { budgetFit, parseBudget, type StatedBudget } from '@/lib/sales/budget';
import { quote } from '@/lib/sales/pricing';
import { grownTeam, mentionsName } from '@/lib/sales/memory';
import type { KnowledgeBase, Plan } from '@/lib/sales/knowledge/schema';
import { faqPassage, getPassage, type Passage } from '@/lib/sales/retrieval';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { speaksLocale } from '@/lib/sales/knowledge-locale';
import { splitSentences } from '@/lib/sales/sentences';
import type { PriceTopic, Topic } from '@/lib/llm/offline/topic-types';
import { competitorNamed, freshFields, GENERAL_WORDS, OBJECTION_WORDS, QUESTION, RECOMMEND, SUPPOSED } from '@/lib/llm/offline/topic-words';
import { atLeast, needsSaid, planForNeeds, requiredPlan, REQUIREMENTS, wanted } from '@/lib/llm/offline/topic-needs';

/** A written quote to be sent: "send a formal quote to my email", "a written proposal", "un devis officiel". */
/** ("Schicken Sie mir bitte ein Angebot", "envíeme una cotización", "envoyez-moi un devis", "ارسل لي عرض سعر": the same.) */
export const FORMAL_QUOTE =
  /\b(?:send|email|e-mail|mail)\b[^.?!]{0,25}\b(?:quote|quotation|proposal|cotizaci[oó]n|devis|angebot)\b|\b(?:formal|written|official|signed) (?:quote|quotation|proposal)\b|\b(?:cotizaci[oó]n|propuesta) (?:formal|por escrito|oficial)\b|\bdevis (?:officiel|formel|écrit)\b|\b(?:offizielles|schriftliches|formelles) angebot\b|(?<!\p{L})(?:(?:zu)?schick\p{L}*|sende[nt]?|zusenden|env[ií]\p{L}*|m[aá]nd\p{L}*|envoy\p{L}*|faites-moi|hacer(?:me|nos)|h[aá]ganme)(?!\p{L})[^.?!]{0,25}(?<!\p{L})(?:angebot|cotizaci[oó]n|presupuesto|devis)(?!\p{L})|(?:ارسل|أرسل|ارسلوا|أرسلوا|ابعث|ابعثوا|ابعتلي|ارسلي|إرسال|ارسال|تبعتوا|تبعتلي|ترسلوا|ترسلون)[^.?!؟]{0,20}عرض سعر|(?<!\p{L})(?:ein|das|ihr) angebot(?!\p{L})[^.?!]{0,25}(?<!\p{L})(?:(?:zu)?schick\p{L}*|senden|zusenden|zukommen|machen|erstellen)(?!\p{L})/iu;
/** Asking for a written quote ("can I get a quote?", "una cotización", "un devis", "ein Angebot"). */
export const QUOTE_ASK = /\b(?:(?:a|the|formal|custom|written|official)\s+(?:quote|quotation|proposal)|quote (?:for us|please)|(?:una|la) cotizaci[oó]n|un presupuesto|un devis|le devis|ein angebot|das angebot)\b|عرض سعر/iu;

/** The plan spoken of last (this message or the three before) has custom pricing: only the sales team quotes it. */
export function quotedBySales(turn: OfflineTurn): boolean {
  const plan = lastPlanSpokenOf(turn, false);
  return plan !== undefined && isContactSales(plan);
}

/** The plan named last in this message or the three before; else (with `quoted`) the plan last quoted. */
export function lastPlanSpokenOf(turn: OfflineTurn, quoted = true): Plan | undefined {
  const recent = turn.userTexts.slice(-4).reverse();
  const named = recent.map((said) => findMentionedPlans(said, turn.kb.plans)[0]).find((found) => found !== undefined);
  const last = quoted ? turn.state.quoted?.at(-1) : undefined;
  return named ?? (last ? turn.kb.plans.find((entry) => entry.id === last.planId) : undefined);
}

/** The lowest-priced plan ("the cheapest plan", "la opción más barata", "das günstigste"). */
export const CHEAPEST = /\b(cheapest|least expensive|lowest[- ]priced?|most affordable|entry[- ]level|m[aá]s barat[oa]s?|m[aá]s econ[oó]mic[oa]s?|moins ch[eè]re?s?|le plus abordable|g[üu]nstigste\w*|billigste\w*)\b|الأرخص|أرخص باقة/iu;
/** Something cheaper than what was quoted ("anything cheaper?", "a cheaper plan", "something more affordable"). */
const CHEAPER = /\b((?:anything|something|a|any|an?other)\s+(?:cheaper|less expensive|more affordable|lower[- ]priced)|(?:cheaper|less expensive|more affordable|lower[- ]priced)\s+(?:plan|option|tier|one|version)|algo m[aá]s barato|(?:un|une|quelque chose de) (?:forfait |offre |plan )?moins cher|(?:etwas|einen|ein) g[üu]nstiger\w*|g[üu]nstigeren tarif)\b|خيار أرخص|باقة أرخص|شيء أرخص/iu;

/**
 * The plan asked for by price: the cheapest one for the team (any team size when none is known), or the next one
 * below the plan last quoted. A question about annual billing ("cheaper if we pay yearly?") is a re-quote instead.
 */
export function cheaperPlanTopic(turn: OfflineTurn): Topic | undefined {
  // ("Vous êtes moins cher que Monday ?" compares us with a competitor: not a plan of ours below another.)
  if (competitorNamed(turn)) return undefined;
  const cheapest = CHEAPEST.test(turn.text);
  if ((!cheapest && !CHEAPER.test(turn.text)) || billingIn(turn.text) === 'annual') return undefined;
  const seats = seatsFor(turn);
  const byPrice = plansByPrice(turn.kb, seats);
  const last = turn.state.quoted?.at(-1);
  // "¿Algo más barato?" is also "cheapest": when that is the plan just quoted, it is said to be the lowest already.
  // ("Whats the cheapest that has sso": the cheapest plan with it, never one without it.)
  const floor = cheapest ? planForNeeds(turn, turn.text) : undefined;
  const pick = floor ? byPrice.find((plan) => turn.kb.plans.indexOf(plan) >= turn.kb.plans.indexOf(floor)) : byPrice[0];
  if (cheapest) return pick ? { ...priceTopic(turn, pick, false), ...(seats !== undefined && !floor && last?.planId === pick.id ? { lowest: true } : {}) } : undefined;
  const current = (last && turn.kb.plans.find((plan) => plan.id === last.planId)) ?? turn.kb.plans.find((plan) => plan.highlight);
  if (!current) return undefined;
  const below = byPrice.filter((plan) => listPrice(plan) < listPrice(current)).at(-1);
  if (below) return priceTopic(turn, below, false);
  // Nothing below the plan quoted for this team: say so, with that plan's price again (annual billing is the saving).
  return seats !== undefined && byPrice[0] === current ? { ...priceTopic(turn, current, false), lowest: true, annualTip: true } : undefined;
}

/** The plans with a list price, cheapest first; only those that hold `seats` when given. */
export function plansByPrice(kb: KnowledgeBase, seats?: number): Plan[] {
  return kb.plans.filter((plan) => !isContactSales(plan) && (seats === undefined || fitsSeats(plan, seats))).sort((a, b) => listPrice(a) - listPrice(b));
}

/** A plan's per-seat list price for ordering plans by price (monthly, else annual; custom pricing last). */
function listPrice(plan: Plan): number {
  return plan.pricePerSeatMonthly ?? plan.pricePerSeatMonthlyAnnual ?? Number.POSITIVE_INFINITY;
}

/** A discount asked for by its size or as money off, in any of the agent's languages. */
export const DISCOUNT_ASK =
  /\d{1,3}\s?%\s?(?:off\b|discount|de descuento|descuento|de remise|de réduction|remise|réduction|rabatt|nachlass|خصم)|\b(?:money|something|anything|a bit) off\b|\bknock\b[^.?!]{0,20}\boff\b|\b(?:rabatt|nachlass|descuento|remise|réduction|discount) (?:von|de|del|of) \d{1,3}\s?%|خصم \d/iu;

/** A nonprofit, a charity or a school saying so ("wir sind ein gemeinnütziger Verein"): the discount they can apply for. */
export const NONPROFIT =
  /\b(?:non-?profits?|charit(?:y|ies)|ngos?|ongs?|sin (?:[áa]nimo|fines) de lucro|association (?:à but non lucratif|loi 1901)|assos?|associations?|asociaci[oó]n(?:es)? (?:civil|sin)\w*|fundaci[oó]n|vereine?|gemeinn[üu]tzig\w*|wohlt[äa]tig\w*|eingetragener verein)\b|جمعية خيرية|غير ربحية/iu;

/** The FAQ entry about discounts: the one whose keywords name them (the deployer's own wording of the answer). */
export function discountPassage(kb: KnowledgeBase): Passage | undefined {
  const faq = kb.faqs.find((entry) => entry.keywords.some((keyword) => /^(discount|discounts|descuento|descuentos|remise|remises|rabatt|rabatte)$/i.test(keyword)));
  return faq ? faqPassage(faq, 1) : undefined;
}

/** The seat count for quoting: what this message says, else the team size the lead record holds. */
/** The price said to be too high, in words "expensive" is not among: "el precio de Pro es demasiado", "der Preis ist zu hoch". */
export const PRICE_TOO_HIGH =
  /\b(?:price|prices|pricing|cost|costs)\b[^.?!]{0,25}\b(?:is|are|['’]s|seems?|feels?)\s+(?:(?:way|a bit|a little|just|really|much|far)\s+)?(?:too (?:much|high|steep)|a lot)\b|\b(?:precio|precios|coste|costo)\b[^.?!]{0,25}\b(?:es|son|me parece|nos parece|resulta)\s+(?:un poco |algo |muy |bastante )?(?:demasiado|excesivo|muy alto|alto|elevado)|\b(?:prix|tarifs?|co[uû]t)\b[^.?!]{0,25}\b(?:est|sont|me semble|nous semble|para[iî]t)\s+(?:un peu |beaucoup |bien )?(?:trop|excessif|tr[eè]s [ée]lev[ée]|[ée]lev[ée])|\b(?:preis|preise|kosten)\b[^.?!]{0,25}\b(?:ist|sind|scheint|scheinen)\s+(?:uns |mir )?(?:etwas |viel |deutlich |einfach )?(?:zu hoch|zu viel|zu teuer|hoch|happig)/iu;
const PRICE_OBJECTION = /\b(caro|cara|caros|caras|car[ií]sim[oa]s?|costoso|costosa|presupuesto|mucho dinero|demasiado dinero|expensive|pricey|rip[- ]?off|overpriced|costly|budget|too much|a lot of money|cher|ch[eè]re|chers|co[uû]teux|beaucoup d['’]argent|teuer|zu teuer|kostspielig|viel geld)\b|مكلف|غال|باهظ|الميزانية|(?:السعر|الأسعار|التكلفة)\s+(?:\S+\s+)?(?:مرتفع|عال)|(?:^|\s)(?:ده|دا|دي|هذا|هذي|هاد|السعر)\s+(?:كتير|كثير)(?:\s+(?:اوي|قوي|جدا|علينا|عليا|عليه))?\s*[!.؟?]*$/iu;

/**
 * "Too pricey", "nos parece caro", "السعر مرتفع": the annual price answers it in every language (the numbers are). The plan
 * to speak of is the last one quoted, else the one that fits the team, for the seats known (else the plan's minimum).
 */
export function objectionTopic(turn: OfflineTurn, passage: Passage | undefined): Topic {
  const price = priceObjection(turn);
  // ("Budget is about $45k/year" inside an introduction states a budget; it objects to no price.)
  const pricey = (PRICE_OBJECTION.test(turn.text) || PRICE_TOO_HIGH.test(turn.text)) && !(freshFields(turn).includes('budget') && !OBJECTION_WORDS.test(turn.text));
  // The objection whose own phrase the message says ("necesito pensarlo": wait and think), before the nearest retrieved.
  // ("We're on Asana. Why would we switch?": the tool they use, not the retrieved "no time to switch".)
  const switching = SWITCHING.test(turn.text) ? objectionPassage(turn.kb, /\balready (?:use|using|have)\b|switching/i) : undefined;
  const expensive = objectionPassage(turn.kb, /\bexpensive\b/i);
  const answer = (pricey ? expensive : undefined) ?? saidObjection(turn) ?? switching ?? passage;
  const team = answer && answer.id === expensive?.id ? teamObjecting(turn) : undefined;
  return { kind: 'objection', passage: answer, ...(price ? { price } : {}), ...(team ? { team } : {}) };
}

/**
 * The plan a team of known size objects to the price of (the one quoted last if it holds them, else the cheapest that
 * does), and the cheapest plan below it that holds them and has what they said they need: "a smaller plan" is advice
 * only when there is one (a team of 25 fits no plan below Pro).
 */
function teamObjecting(turn: OfflineTurn): { plan: Plan; seats: number; cheaper?: Plan } | undefined {
  const last = turn.state.quoted?.at(-1);
  const seats = seatsFor(turn) ?? last?.seats;
  if (seats === undefined) return undefined;
  const quoted = last ? turn.kb.plans.find((entry) => entry.id === last.planId) : undefined;
  const plan = quoted && fitsSeats(quoted, seats) && !isContactSales(quoted) ? quoted : recommendPlan(seats, turn.kb.plans);
  if (!plan || isContactSales(plan)) return undefined;
  const needed = requiredPlan(turn);
  const rate = (entry: Plan) => entry.pricePerSeatMonthly ?? Number.POSITIVE_INFINITY;
  const cheaper = turn.kb.plans
    .filter((entry) => !isContactSales(entry) && fitsSeats(entry, seats) && rate(entry) < rate(plan) && atLeast(entry, needed, turn.kb) === entry)
    .sort((a, b) => rate(a) - rate(b))[0];
  return { plan, seats, ...(cheaper ? { cheaper } : {}) };
}

/** Leaving the tool they use: "we're moving off Asana", "switching from Monday", "nos vamos de Trello". */
export const LEAVING =
  /\b(?:moving (?:off|away from|from)|move (?:off|away from)|leaving|switching (?:from|away from)|getting off|ditching|dropping|replacing|migrating (?:off|from)|nos vamos de|dejar(?:emos)? de usar|quitter|wechseln (?:von|weg von))\b/iu;
/** Saying who they are by their role: "I'm in procurement", "I work in procurement", "procurement lead here". */
export const ROLE_INTRO =
  /\b(?:i['’]?m|i am|i work|we['’]?re|we are|from|head of|lead(?:ing)?|in charge of)\s+(?:in\s+|on\s+)?(?:the\s+)?procurement\b|\bprocurement (?:team|lead|manager|officer|department|director|here)\b/iu;

/** "Why would we switch?", "pourquoi changer ?", "warum wechseln?": the objection about leaving the tool they use. */
const SWITCHING = /\bwhy (?:would|should) (?:we|i) (?:switch|change|move)|\bwhy (?:switch|change)\b|\bpourquoi (?:changer|passer|quitter)|\bpor qu[eé] (?:cambiar|deber[ií]amos cambiar)|\bwarum (?:wechseln|umsteigen|sollten wir wechseln)/iu;

/** The objection one of whose phrases (several words, or a long word) the message says: the longest such phrase wins. */
export function saidObjection(turn: OfflineTurn): Passage | undefined {
  const said = turn.kb.objections
    .flatMap((objection) => objection.keywords.filter((word) => (word.includes(' ') || word.length >= 7) && mentionsAny(turn.text, [word])).map((word) => ({ objection, length: word.length })))
    .sort((a, b) => b.length - a.length)[0];
  return said ? getPassage(`objection:${said.objection.id}`, turn.kb) : undefined;
}

/** The knowledge base's objection with a keyword like `keyword` (the price, the tool they use), whatever its id. */
export function objectionPassage(kb: KnowledgeBase, keyword: RegExp): Passage | undefined {
  const objection = kb.objections.find((entry) => entry.keywords.some((word) => keyword.test(word)));
  return objection ? getPassage(`objection:${objection.id}`, kb) : undefined;
}

function priceObjection(turn: OfflineTurn): { plan: Plan; seats: number; atMinimum?: boolean } | undefined {
  if (!(PRICE_OBJECTION.test(turn.text) || PRICE_TOO_HIGH.test(turn.text))) return undefined;
  const last = turn.state.quoted?.at(-1);
  const seats = seatsFor(turn) ?? last?.seats;
  const plan = (last ? turn.kb.plans.find((entry) => entry.id === last.planId) : undefined) ?? (seats === undefined ? turn.kb.plans.find((entry) => entry.highlight) : recommendPlan(seats, turn.kb.plans));
  if (!plan || isContactSales(plan)) return undefined;
  // Without a team size the plan is priced at its minimum, and the reply says so (never as if 3 were their team).
  return { plan, seats: Math.max(plan.minSeats, seats ?? plan.minSeats), ...(seats === undefined ? { atMinimum: true } : {}) };
}

/** The seat count this message names, unless it is the people they add ("4 personnes de plus en janvier": growth). */
function seatsSaid(turn: OfflineTurn): number | undefined {
  const stated = seatsIn(turn.text);
  const growth = turn.state.growth;
  if (!growth || !turn.text.includes(growth.evidence)) return stated;
  // ("We'll be 40 next year" with a team of 30 on record: the 40 is the team they will be, sized by inferredPriceTopic.)
  const grownTo = growth.to !== undefined && growth.when !== undefined && turn.state.lead.fields.teamSize !== undefined;
  return (growth.added !== undefined && stated === growth.added) || (grownTo && stated === growth.to) ? undefined : stated;
}

export function seatsFor(turn: OfflineTurn): number | undefined {
  const stated = seatsSaid(turn);
  if (stated !== undefined) return stated;
  const known = Number(turn.state.lead.fields.teamSize?.value);
  return Number.isSafeInteger(known) && known > 0 ? known : undefined;
}

/**
 * `budgetAware`: a plan we chose (a recommendation, a re-quote) that is over the budget the prospect stated comes with
 * the best plan for the same team that is within it, when there is one.
 */
export function priceTopic(turn: OfflineTurn, plan: Plan, inferred: boolean, budgetAware = false): PriceTopic {
  const seats = seatsFor(turn);
  const billing = billingIn(turn.text);
  if (seats === undefined || isContactSales(plan)) {
    return { kind: 'price', plan, seats: Math.max(plan.minSeats, seats ?? 1), seatsGiven: seats !== undefined, billing, inferred };
  }
  // What they need is on a plan that starts above their size (SSO for 5: Business, from 10): that plan at its minimum,
  // never a plan without it ("for 5 seats Starter fits").
  if (inferred && seats < plan.minSeats && requiredPlan(turn) === plan) {
    return { kind: 'price', plan, seats: plan.minSeats, seatsGiven: true, billing, inferred: false, minimumFor: seats };
  }
  const alternative = fitsSeats(plan, seats) ? undefined : recommendPlan(seats, turn.kb.plans);
  // Asked for by name below its minimum ("how much is Business?" from 8): its price at the minimum, then the plan
  // that fits them (the team's own size is `minimumFor`).
  if (alternative && alternative !== plan && !inferred && seats < plan.minSeats) {
    return { kind: 'price', plan, seats: plan.minSeats, seatsGiven: true, billing, inferred, alternative, minimumFor: seats };
  }
  if (alternative && alternative !== plan) return { kind: 'price', plan, seats, seatsGiven: true, billing, inferred, alternative };
  const withinBudget = budgetAware ? planWithinBudget(turn, plan, seats) : undefined;
  const tradeOff = budgetAware && !withinBudget ? needOverBudget(turn, plan, seats) : undefined;
  return { kind: 'price', plan, seats, seatsGiven: true, billing, inferred, ...(withinBudget ? { alternative: withinBudget, budgetPick: true } : {}), ...(tradeOff ? { tradeOff } : {}) };
}

/**
 * SSO for 12 on $450 a month: Business (the plan with what they need) is over the budget. What they need (the floor
 * plan's own feature line, without its parenthesis), the plans that have it, the cheaper plan within the budget
 * without it, and the most seats of `plan` the budget holds (when that is at least its minimum).
 */
function needOverBudget(turn: OfflineTurn, plan: Plan, seats: number): { feature: string; plans: Plan[]; cheaper?: Plan; fewer?: number } | undefined {
  const stated = statedBudget(turn);
  if (!stated || requiredPlan(turn) !== plan) return undefined;
  const base = getKnowledgeBase().plans;
  const at = base.findIndex((entry) => entry.id === plan.id);
  const said = needsSaid(turn);
  const requirement = REQUIREMENTS.find(({ asked, feature }) => wanted(said, asked) && base[at]?.features.some((line) => feature.test(line)));
  const index = requirement ? (base[at]?.features.findIndex((line) => requirement.feature.test(line)) ?? -1) : -1;
  const line = index >= 0 ? (plan.features[index] ?? base[at]?.features[index]) : undefined;
  if (!line) return undefined;
  const amounts = (candidate: Plan, count: number, billing: 'monthly' | 'annual') => {
    const result = quote({ planId: candidate.id, seats: count, billing }, turn.kb);
    return result.ok ? result : undefined;
  };
  const within = (candidate: Plan, count: number) => {
    const fit = budgetFit(stated.budget, amounts(candidate, count, 'monthly'), amounts(candidate, count, 'annual'));
    return fit === 'within' || fit === 'annual-within';
  };
  if (within(plan, seats)) return undefined;
  const cheaper = turn.kb.plans
    .filter((entry) => entry !== plan && !isContactSales(entry) && fitsSeats(entry, seats) && listPrice(entry) < listPrice(plan) && within(entry, seats))
    .sort((a, b) => listPrice(b) - listPrice(a))[0];
  let fewer: number | undefined;
  for (let count = seats - 1; count >= plan.minSeats && !stated.budget.perSeat; count -= 1) {
    if (within(plan, count)) {
      fewer = count;
      break;
    }
  }
  const bare = line.replace(/\s*\([^)]*\)/gu, '').trim();
  // (Mid-sentence, lower case: "sin inicio de sesión único SAML"; German nouns and Arabic keep theirs.)
  const feature = turn.locale === 'es' || turn.locale === 'fr' ? bare.charAt(0).toLowerCase() + bare.slice(1) : bare;
  const plans = turn.kb.plans.slice(turn.kb.plans.indexOf(plan));
  return { feature, plans, ...(cheaper ? { cheaper } : {}), ...(fewer !== undefined ? { fewer } : {}) };
}

/** The budget the prospect stated, when it can be compared with a price (an amount, a period, the catalogue's currency). */
export function statedBudget(turn: OfflineTurn): { said: string; budget: StatedBudget } | undefined {
  const said = turn.state.lead.fields.budget?.value;
  const budget = typeof said === 'string' ? parseBudget(said, turn.kb.company.currency) : undefined;
  return budget && typeof said === 'string' ? { said, budget } : undefined;
}

/** When `plan` for these seats is over the stated budget: the dearest cheaper plan for them that is within it. */
function planWithinBudget(turn: OfflineTurn, plan: Plan, seats: number): Plan | undefined {
  const stated = statedBudget(turn);
  if (!stated) return undefined;
  const fit = (candidate: Plan) => {
    const amounts = (billing: 'monthly' | 'annual') => {
      const result = quote({ planId: candidate.id, seats, billing }, turn.kb);
      return result.ok ? result : undefined;
    };
    return budgetFit(stated.budget, amounts('monthly'), amounts('annual'));
  };
  if (fit(plan) !== 'above') return undefined;
  // Never a plan without what they said they need ("For less, there is Pro" to a team that needs SSO).
  const floor = requiredPlan(turn);
  const floorAt = floor ? turn.kb.plans.indexOf(floor) : -1;
  return turn.kb.plans
    .filter((entry) => entry !== plan && !isContactSales(entry) && fitsSeats(entry, seats) && listPrice(entry) < listPrice(plan) && turn.kb.plans.indexOf(entry) >= floorAt)
    .filter((entry) => {
      const within = fit(entry);
      return within === 'within' || within === 'annual-within';
    })
    .sort((a, b) => listPrice(b) - listPrice(a))[0];
}

/** "Make that annual": the last quote again, for the billing period now asked for. */
export function requoteTopic(turn: OfflineTurn): Topic | undefined {
  const billing = billingIn(turn.text);
  // ("Annual for the 25 one": the plan quoted for those 25, though another team was quoted since.)
  const seats = seatsSaid(turn);
  const quotedFor = seats === undefined ? undefined : turn.state.quoted?.filter((quote) => quote.seats === seats).at(-1);
  const plan = (quotedFor && turn.kb.plans.find((entry) => entry.id === quotedFor.planId)) ?? lastQuotedPlan(turn);
  // ("How does annual billing work?" asks how; "what about annual billing?", "what if we pay annually?" ask for that quote.)
  // ("Was kostet das bei jährlicher Zahlung?" asks for that quote too: "was kostet" is "how much".)
  const asked = turn.text.replace(/\b(?:what|how) (?:about|if)\b|\bwas (?:kostet|kosten|w[üu]rde)\b/giu, ' ');
  // ("Can we cancel monthly?", "Kann man monatlich kündigen?" ask about cancelling: the FAQ answers, not the monthly price.)
  if (CANCEL_WORDS.test(turn.text) || /k[üu]ndig|k[üu]ndbar|r[ée]sili|dar(?:se)? de baja/iu.test(turn.text)) return undefined;
  if (billing === 'both' || !plan || /\b(how|what|explain|c[oó]mo|qu[eé]|comment|quoi|wie|was)\b|كيف|ماذا|اشرح/iu.test(asked)) return undefined;
  // ("لو صرنا ١٥؟" then "وكم بالسنة؟": the team that quote was for, not the one on record.)
  const last = turn.state.quoted?.at(-1);
  if (seats === undefined && last && last.planId === plan.id) return { ...priceTopic({ ...turn, text: `${last.seats} people` }, plan, false), billing };
  return priceTopic(turn, plan, false);
}

/** The plan of the last quote given in this conversation, if any. */
export function lastQuotedPlan(turn: OfflineTurn): Plan | undefined {
  const last = turn.state.quoted?.at(-1);
  return last ? turn.kb.plans.find((entry) => entry.id === last.planId) : undefined;
}

/** The plan last quoted, priced again for the team size now on record, when that plan takes a team of that size. */
export function requotedPlan(turn: OfflineTurn): Topic | undefined {
  const plan = lastQuotedPlan(turn);
  const seats = seatsFor(turn);
  if (!plan || seats === undefined || !fitsSeats(plan, seats)) return undefined;
  // Only a plan they asked for by name: a plan we recommended is recommended again for the new size (the cheapest).
  // ("hw much is buisness for 25 ppl", misspelt, is asked for by name too.)
  const askedFor = turn.userTexts.slice(-5, -1).some((said) => [plan.name, ...plan.aliases].some((name) => mentionsName(said, name)) || misspeltPlansIn(said, [plan]).length > 0);
  return askedFor ? priceTopic(turn, plan, false) : undefined;
}

/** What they would pay: the plan last quoted, else the one for the team on record, for the period they name. */
export function paidTopic(turn: OfflineTurn): Topic | undefined {
  const plan = lastQuotedPlan(turn);
  if (!plan) return inferredPriceTopic(turn);
  // ("What's the total?" after an annual quote: the annual total, as quoted; "the total for the year": billed annually.)
  const priced = priceTopic(turn, plan, false);
  if (billingIn(turn.text) !== 'both') return priced;
  return { ...priced, billing: /\b(?:for|over|in) (?:the|a) (?:whole |full )?year\b/iu.test(turn.text) ? 'annual' : lastBilling(turn) };
}

/** The billing of the last quote: one period when only that one was quoted, both when both were. */
function lastBilling(turn: OfflineTurn): BillingWish {
  const quoted = turn.state.quoted ?? [];
  const last = quoted.at(-1);
  const before = quoted.at(-2);
  if (!last) return 'both';
  if (!before) return last.billing;
  return before.planId === last.planId && before.seats === last.seats && before.billing !== last.billing ? 'both' : last.billing;
}

/** "Is that per month?", "¿es por mes?", "c'est par mois ?", "pro Monat?": the period asked of the quote just given. */
const PER_PERIOD = /(?:^|[\s¿¡,])(?:(?:per|a|each|every|por|al|par|pro|im|the) (month|mes|mois|monat)|(?:per|a|each|every|por|al|par|pro|im|the) (year|a[nñ]o|an|ann[ée]e|jahr))\b/iu;
/** "And for 50?", "what about 30?", "¿y para 60?", "et pour 40 ?", "und für 40?": the same quote for another team size. */
const FOR_COUNT_ASK =
  /^\s*[¿¡]?\s*(?:(?:ok(?:ay)?|so|and|what about|how about|y|et|und|also|vale|alors|bon|pues|entonces)[\s,]+)+(?:(?:for|para|pour|f[üu]r|with|con|avec|mit|bei)\s+)?(\d{1,5})(?:\s+(?:seats?|users?|people|persons|usuarios|personas|utilisateurs|personnes|nutzer(?:n)?|leute(?:n)?|personen|licen[cs]es))?\s*[?؟.!]*\s*$/iu;
/** "That's for how many people?", "is that for 12 people?", "¿eso es para cuántos?", "c'est pour combien de personnes ?". */
const QUOTE_SEATS_ASK =
  /^\s*[¿¡]?\s*(?:(?:and|so|ok(?:ay)?|wait|y|et|und|also|alors)[\s,]+)?(?:(?:(?:that|it|this)(?:'s|’s|s| is)?|is (?:that|it|this)|was (?:that|it|this)) for (?:how many(?: people| seats| users)?|\d{1,5}(?: people| seats| users| persons)?)|for how many (?:people|seats|users)|how many (?:seats|people|users) (?:is|was) (?:that|it|this)(?: for)?|(?:eso )?(?:es )?para cu[aá]nt[oa]s(?: personas| usuarios)?|c['’]est pour combien(?: de (?:personnes|utilisateurs|si[eè]ges))?|f[üu]r wie viele(?: personen| nutzer)?(?: ist das)?)\s*[?؟.!]*\s*$/iu;
/** "Which one?", "which fits?", "¿cuál?", "lequel ?", "welcher?": the plan to choose, for the team on record. */
const WHICH_ONE =
  /^\s*[¿¡]?\s*(?:(?:and|so|ok(?:ay)?|then|y|et|und|also|alors|donc|entonces|pues|vale)[\s,]+)*(?:which (?:one|fits|would you (?:pick|choose|take)|is (?:best|better|right))(?: best| us| for us| then)?|cu[aá]l(?: (?:nos conviene|me conviene|encaja))?|lequel|laquelle|welche[rns]?(?: passt)?)\s*[?؟.!]*\s*$/iu;

/**
 * A short question that leans on the quote just given ("is that per month?", "and for 50?", "which one?"): that quote,
 * for the period or the team size asked about, or the plan for the team. Never a plan other than the one quoted.
 */
export function quoteFollowUpTopic(turn: OfflineTurn, plans: Plan[]): Topic | undefined {
  const text = westernDigits(turn.text);
  // ("Is that per month or per year?": both, as quoted.)
  const both = turn.locale === 'en' && /\b(?:per|a|each) month\b.*\b(?:per|a|each) year\b|\b(?:per|a|each) year\b.*\b(?:per|a|each) month\b|\bmonthly or (?:yearly|annual(?:ly)?)\b/i.test(text);
  if (text.trim().split(/\s+/).length > (both ? 9 : 6)) return undefined;
  const plan = lastQuotedPlan(turn);
  const last = turn.state.quoted?.at(-1);
  if (both && plan && last && plans.length === 0 && !/\d/.test(text)) return { ...priceTopic({ ...turn, text: `${last.seats} people` }, plan, false), billing: 'both', periods: true };
  if (WHICH_ONE.test(text) && plans.length === 0) return inferredPriceTopic(turn);
  if (!plan || !last) return undefined;
  const period = PER_PERIOD.exec(text);
  // (German "pro Monat" is "per month", not the Pro plan.)
  const other = plans.filter((entry) => !(period && entry.id === 'pro' && /\bpro (?:monat|jahr)\b/iu.test(text)));
  if (period && other.length === 0 && !/\d/.test(text)) {
    const priced = priceTopic({ ...turn, text: `${last.seats} people` }, plan, false);
    return { ...priced, billing: period[1] ? 'monthly' : 'annual' };
  }
  // "That's for how many people?", "is that for 12 people?": the last quote again, for the seats it was for.
  if (QUOTE_SEATS_ASK.test(text) && plans.length === 0) return { ...priceTopic({ ...turn, text: `${last.seats} people` }, plan, false), billing: lastBilling(turn) };
  const count = FOR_COUNT_ASK.exec(text)?.[1];
  if (count && plans.length === 0) {
    const priced = priceTopic({ ...turn, text: `${count} people` }, plan, false);
    // ("Et pour 12 ?" after Starter for 5: Starter stops at 10, so the plan for 12, priced — not Starter's line again.)
    const { alternative } = priced;
    if (alternative && plan.maxSeats !== null && Number(count) > plan.maxSeats) return { ...priceTopic({ ...turn, text: `${count} people` }, alternative, false), billing: lastBilling(turn), outgrew: plan };
    return { ...priced, billing: lastBilling(turn) };
  }
  return undefined;
}

/** "Is Business even possible?", "not an option for us?", "out of reach then?": whether a named plan can work for them. */
export const FEASIBLE = /(?:\bnot|n['’]?t)(?: even| really)? (?:possible|an option|feasible|doable|affordable|realistic)\b|\b(?:(?:possible|an option|feasible|doable|affordable) (?:for us|at all)|out of (?:reach|the question)|off the table|(?:pas|plus) possible|hors de port[ée]e|no es posible|no (?:es|ser[ií]a) (?:una )?opci[oó]n|nicht (?:m[öo]glich|drin|machbar))\b/iu;
/** "Is that within budget?", "does it fit our budget?", "does that fit?", "¿entra en el presupuesto?", "c'est dans notre budget ?". */
export const BUDGET_CHECK =
  /\b(?:(?:is|are|would) (?:that|it|this|those|be) (?:within|in|under|over|inside|above|below) (?:the |our |my )?budget|(?:is|are|would) (?:that|it|this|\p{L}+) (?:be )?(?:within|under|inside|below|over|above) (?:that|it|this)(?=\s*[?؟.!]*\s*$)|can (?:i|we) afford (?:that|it|this|\p{L}+)(?=\s*[?؟.!]*\s*$)|(?:does|would|will|did) (?:that|it|this|\p{L}+) fit(?=\s*(?:then|now|us)?\s*[?؟.!]*\s*$)|fits? (?:in(?:to)? |within )?(?:the |our |my )?budget|within (?:the |our |my )?budget|(?:entra|cabe|est[aá]) (?:en|dentro del?) (?:el |nuestro )?presupuesto|dans (?:le |notre |mon )?budget|im budget|(?:passt|liegt) (?:das |es )?(?:ins|im) budget|passt (?:\S+ ){0,2}in (?:unser|das|ihr|mein) budget)\b|ضمن (?:الميزانية|ميزانيتنا)|^\s*[¿]?\s*(?:(?:y|pero|vale|entonces)[\s,]+)?(?:entra|cabe|nos alcanza)\s*[?]*\s*$|^\s*(?:(?:und|also|aber)[\s,]+)?passt (?:das|es)(?: so| dann)?\s*[?]*\s*$|^\s*(?:(?:et|alors|donc)[\s,]+)?(?:ça|ca) (?:passe|rentre)\s*[?]*\s*$/iu;

export function budgetRequote(turn: OfflineTurn, offerCheaper = true): Topic | undefined {
  // ("We need SSO" after Pro was quoted, then "our budget is $2000 a month": Business, which has SSO, is set beside it.)
  const quoted = lastQuotedPlan(turn);
  const plan = offerCheaper ? atLeast(quoted, quoted ? requiredPlan(turn) : undefined, turn.kb) : quoted;
  // (A budget in another currency — "12.000 Euro im Jahr" — cannot be set beside the price: the price is given again, in
  // ours, with a word on the currency.)
  // (Said as an objection, "trop cher, on a 30 000 €", the objection is answered.)
  const foreign = turn.intent !== 'objection' && freshFields(turn).includes('budget') && typeof turn.state.lead.fields.budget?.value === 'string';
  if (!plan || !(statedBudget(turn) || foreign)) return undefined;
  // (A custom-priced plan has no amount to set the budget beside: its quote is the sales team's, and that is said.)
  if (isContactSales(plan)) return offerCheaper && freshFields(turn).includes('budget') && statedBudget(turn) ? priceTopic(turn, plan, false) : undefined;
  return priceTopic(turn, plan, plan !== quoted, offerCheaper);
}

/** Asking for a plan's list of features: "what does Pro include?", "what's in Business?", "¿qué incluye?", "was beinhaltet …?". */
export const INCLUDES_ASK =
  /\b(?:what(?:'s| is| do you get| comes) (?:in|with)|what does (?:the )?\S+(?: plan)? (?:include|come with|have|offer|give)|what(?:'s| is) included|features of|qu[eé] (?:incluye|trae|ofrece|tiene)|qu['’](?:est-ce qu['’])?(?:inclut|comprend|contient)|que (?:comprend|contient|inclut)|was (?:beinhaltet|enth[äa]lt|umfasst|bietet)|was ist (?:in|bei) .{1,30} (?:enthalten|dabei|inklusive))|ماذا تتضمن|ما الذي تتضمنه|ماذا يشمل/iu;
/** Asking whether a plan has something: "does Pro have…", "is … included in Business?", "¿Pro incluye…?". */
const HAS_ASK =
  /\b(?:do(?:es)?|is|are|will|can|could|comes?|includes?|included|has|have|get|gets|what(?:'s|’s| is| are)?|which|incluye|tiene|trae|viene|hay|existe|cu[aá]l|inclut|comprend|a-t-il|avec|est-ce que|y a-t-il|il y a|quel(?:le)?s?|enth[äa]lt|hat|gibt es|beinhaltet|inklusive|dabei|welche[snrm]?)\b|هل|تتضمن|يشمل|تشمل/iu;
const NOT_FEATURE_WORDS = new Set(['plan', 'tier', 'seat', 'user', 'include', 'included', 'come', 'get', 'offer', 'support', 'feature', 'everything', 'per', 'month', 'incluye', 'tiene', 'inclut', 'hat', 'enthalt', 'beinhaltet', 'tarif', 'offre', 'باقة', 'الباقة', 'الباقات', 'باقات']);

/** The words a prospect uses for what the feature lines call otherwise ("automation" → "workflow runs"). */
const FEATURE_SYNONYMS: Record<string, string[]> = {
  automation: ['workflow'],
  automate: ['workflow'],
  report: ['dashboard'],
  reporting: ['dashboard'],
  sso: ['sign', 'saml'],
  client: ['guest'],
  automatizacion: ['flujo'],
  automatisation: ['workflow'],
  automatisierung: ['workflow'],
  // "Is there an uptime SLA?", "a guaranteed availability?": the line that names the SLA.
  uptime: ['sla'],
  guarantee: ['sla'],
  guaranteed: ['sla'],
  availability: ['sla'],
  verfugbarkeit: ['sla'],
};

/**
 * "Does Pro have time tracking?": the feature line of the plan (or of the first plan above it) that says every word
 * asked about. Nothing when no line does ("does Pro have phone support?": a line about chat support is not a yes).
 */
export function planHasTopic(turn: OfflineTurn, plan: Plan): Topic | undefined {
  // ("Business SLA?": a short question names what it asks about without a verb.)
  const short = QUESTION.test(turn.text) && turn.text.trim().split(/\s+/).length <= 3;
  if ((!HAS_ASK.test(turn.text) && !short) || !speaksLocale(turn.kb, turn.locale)) return undefined;
  const asked = featureWordsAsked(turn);
  if (asked.length === 0 || asked.length > 4) return undefined;
  // The plan's own lines first ("25,000 workflow runs" on Pro, not Starter's 1,000), then the plans it builds on, then
  // the ones above it.
  const at = turn.kb.plans.indexOf(plan);
  const order = [plan, ...turn.kb.plans.slice(0, at).reverse(), ...turn.kb.plans.slice(at + 1)];
  for (const from of order) {
    const feature = from.features.find((line) => asked.every(lineSays(line)));
    if (feature) return { kind: 'plan-has', plan, feature, from };
  }
  return undefined;
}

/** The words of the message that could name a feature: not a plan's name, a general word or a word about plans. */
export function featureWordsAsked(turn: OfflineTurn): string[] {
  const names = new Set(turn.kb.plans.flatMap((entry) => contentWords(entry.name)));
  return contentWords(turn.text).filter((word) => !names.has(word) && !GENERAL_WORDS.has(word) && !NOT_FEATURE_WORDS.has(word));
}

/** Whether a feature line says a word, in its own words or the line's ("automation" is said by "workflow runs"). */
export function lineSays(line: string): (word: string) => boolean {
  const said = new Set(contentWords(line));
  return (word) => said.has(word) || (FEATURE_SYNONYMS[word] ?? []).some((other) => said.has(other));
}

/** A plan named in a few words ("and Business?", "what about Starter?", "¿y Business?", "und Business?") after a quote. */
const FOLLOW_UP = /^\s*[¿¡]?\s*(?:(?:hmm*|hm+|ok(?:ay)?|so|well|oh|ah|um+|euh|bon|bueno|pues|vale|also|na|äh?m?)[\s,.¿¡]+)*(?:and|what about|how about|y|et|und|was ist mit|wie sieht es mit|qu[eé] tal|وماذا عن|ماذا عن|و)(?=[\s\p{P}])/iu;
/** The team said to grow later: "will be 50 next year", "we plan to double", "seremos 30", "on sera 40", "wir werden 30". */
export const GROWS_LATER = /\b(?:grow|growing|scale|scaling|expand|expanding|double|doubling|will be \d+|['’]ll (?:probably |likely |soon )?be \d+|crecer|seremos|duplicar|on sera|nous serons|wachsen|verdoppeln|wir werden)\b/iu;

/** "What about Pro instead?", "¿y Pro mejor?", "plutôt Pro", "lieber Pro": another plan in place of the one quoted. */
const INSTEAD = /\b(?:instead|rather|actually|mejor|en su lugar|plut[ôo]t|finalement|lieber|stattdessen|doch)\b|بدلا|بدلًا|الأفضل/iu;
export function priceFollowUp(turn: OfflineTurn): boolean {
  if ((turn.state.quoted?.length ?? 0) === 0) return false;
  const words = turn.text.trim().split(/\s+/).length;
  return (FOLLOW_UP.test(turn.text) && words <= 5) || (INSTEAD.test(turn.text) && words <= 6) || SAME_TEAM.test(turn.text);
}

/** "What about Business for the same team?": the team just quoted, priced on another plan. */
const SAME_TEAM =
  /\b(?:for|with) the same (?:team|number|size|people|seats|headcount)\b|\bpara el mismo (?:equipo|n[uú]mero)|\bpour (?:la m[eê]me [ée]quipe|le m[eê]me nombre)|\bf[uü]r (?:dasselbe|das gleiche|die gleiche) (?:team|anzahl)|لنفس الفريق|لنفس العدد/iu;

/** "Can I get Starter…?", "could we just use Pro?", "is Starter ok for us?": whether a plan will do, yes or no (English). */
/** "¿Puedo tener Starter para 20?", "on peut prendre Starter pour 20 ?", "Können wir Starter für 20 nehmen?", "هل يمكننا أخذ باقة …؟". */
export const CAN_HAVE_ELSEWHERE =
  /\b(?:(?:puedo|podemos|podr[ií]a|podr[ií]amos) (?:tener|usar|contratar|coger|tomar|quedarnos con|quedarme con|seguir (?:en|con))|(?:je peux|on peut|peut-on|nous pouvons|pouvons-nous|est-ce qu['’]on peut) (?:prendre|avoir|utiliser|rester sur|garder)|(?:k[öo]nnen|k[öo]nnten) wir\b[^?]{0,40}\b(?:nehmen|nutzen|haben|bleiben|buchen))\b|(?:هل )?(?:يمكننا|ممكن|نقدر|بنقدر|يمكنني) (?:أخذ|اخذ|ناخذ|نستخدم|استخدام|نشترك في|الاشتراك في)/iu;
export const CAN_HAVE = /^\s*(?:(?:so|ok|okay|and|but|hmm)[,\s]+)*(?:(?:can|could) (?:i|we) (?:just |still |only )?(?:get|buy|use|have|take|go with|stay on)|(?:is|would) \p{L}+ (?:be )?(?:ok|okay|fine|work))\b/iu;

/** "Which plan do you recommend?", "¿cuál me recomienda?": asking for the plan to choose. */
export function asksRecommendation(text: string): boolean {
  return mentionsAny(text, RECOMMEND);
}

/**
 * The plan for their team, priced. With growth on record ("we'll add 5 more in january") and no size named in this
 * message, sized for the team as it will be: the plan that still fits, or the one they grow into (English).
 */
export function inferredPriceTopic(turn: OfflineTurn): PriceTopic | undefined {
  const today = inferredToday(turn);
  const growth = turn.state.growth;
  // (A size asked about in this message is priced as asked; the team's size stated now is today's, and grows.)
  // ("We're 60 and growing to 90 by next summer": the 60 is today's team, said with its growth in one message.)
  const sized = seatsSaid(turn) === undefined || (freshFields(turn).includes('teamSize') && growth !== undefined && (!turn.text.includes(growth.evidence) || (seatsFor(turn) !== undefined && seatsFor(turn) !== grownTeam(turn.state))));
  const then = PHRASES[turn.locale].growthFit !== undefined && today && sized ? grownTeam(turn.state) : undefined;
  const now = seatsFor(turn);
  if (!today || !growth || then === undefined || now === undefined || then <= now) return today;
  const later = inferredToday({ ...turn, text: `${then} people` });
  const grown = { now, then, fresh: turn.text.includes(growth.evidence), ...(later && later.plan !== today.plan ? { outgrows: today.plan } : {}) };
  // ("What if I hire 2 more?" asks what it would cost then: priced for that team, though the plan stays the same.)
  const supposes = grown.fresh && SUPPOSED.test(turn.text);
  return later && (later.plan !== today.plan || supposes) && !isContactSales(later.plan) ? { ...later, billing: today.billing, inferred: false, grown } : { ...today, inferred: false, grown };
}

/** A plan named for today's team ("¿cuánto sería Pro al mes?") with growth on record: the grown team beside it. */
export function withGrownTotal(turn: OfflineTurn, topic: PriceTopic): PriceTopic {
  const then = turn.state.growth ? grownTeam(turn.state) : undefined;
  if (then === undefined || seatsSaid(turn) !== undefined || !topic.seatsGiven || topic.alternative || topic.minimumFor !== undefined || isContactSales(topic.plan) || then <= topic.seats) return topic;
  return { ...topic, grownTo: then };
}

export function inferredToday(turn: OfflineTurn): PriceTopic | undefined {
  const seats = seatsFor(turn);
  const plan = seats === undefined ? undefined : atLeast(recommendPlan(seats, turn.kb.plans), requiredPlan(turn), turn.kb);
  // The plan they said they are buying ("60 seats of Business, annual") stays theirs, at the billing they named.
  const chosen = seats === undefined ? undefined : chosenPlan(turn);
  if (chosen && plan && seats !== undefined && fitsSeats(chosen.plan, seats) && turn.kb.plans.indexOf(chosen.plan) >= turn.kb.plans.indexOf(plan)) {
    const priced = priceTopic(turn, chosen.plan, false);
    return billingIn(turn.text) === 'both' ? { ...priced, billing: chosen.billing } : priced;
  }
  return plan ? priceTopic(turn, plan, true, true) : undefined;
}

/** Saying which plan they are buying: "we're looking at 60 seats of Business", "we'll go with Pro", "nos quedamos con Pro". */
const BUYING_PLAN =
  /\b(?:(?:we['’]?re|we are|i['’]?m|i am) (?:looking at|considering|interested in|going with|buying|getting|planning on)|(?:seats?|licen[cs]es?|users?) (?:of|on)|we (?:want|need|would like|['’]d like)|let['’]?s go with|we['’]?ll (?:go with|take)|i['’]?ll (?:go with|take)|we(?:'ll| will)? (?:choose|pick)|nos quedamos con|vamos con|queremos|nos interesa|nous prenons|on prend|nous voulons|wir nehmen|ich nehme|wir wollen)\b/iu;

/** The plan they said they are buying, in a message before this one that named it and asked nothing, and its billing. */
function chosenPlan(turn: OfflineTurn): { plan: Plan; billing: BillingWish } | undefined {
  for (const said of turn.userTexts.slice(0, -1).reverse()) {
    const named = findMentionedPlans(said, turn.kb.plans);
    if (named.length === 0) continue;
    const [only] = named;
    const states = splitSentences(said).some((sentence) => !QUESTION.test(sentence.trim()) && BUYING_PLAN.test(sentence));
    return only && named.length === 1 && states && !isContactSales(only) ? { plan: only, billing: billingIn(said) } : undefined;
  }
  return undefined;
}

/** A price asked in a booking message: the plan it names, priced for the team (the booking alone would leave it out). */
export function alsoPriced(turn: OfflineTurn): PriceTopic | undefined {
  const plan = findMentionedPlans(turn.text, turn.kb.plans)[0];
  if (!plan || !PRICE_WORDS.test(turn.text)) return undefined;
  const topic = priceTopic(turn, plan, false);
  return topic.kind === 'price' ? topic : undefined;
}
export const PRICE_WORDS = /\b(?:quote|price|prices|pricing|cost|costs|how much|precio|cu[aá]nto|cotizaci[oó]n|presupuesto|prix|combien|devis|tarif|preis|kosten|was kostet|angebot)\b|سعر|(?<![\p{L}])(?:كم|بكام)(?![\p{L}])|(?<![\p{L}])بكم(?=\s*[?؟]|\s*$)|^\s*بكم(?![\p{L}])/iu;
