import type { OfflineTurn } from '@/lib/llm/offline/context';
import { fitsSeats, isContactSales, recommendPlan, seatsIn, westernDigits } from '@/lib/llm/offline/reading';
import { inferredPriceTopic, NONPROFIT, seatsFor } from '@/lib/llm/offline/topic-pricing';
import type { PriceTopic, Topic } from '@/lib/llm/offline/topic-types';
import { EXPLAINER_PHRASES } from '@/lib/llm/offline/phrases-explainers';
import { money, pricingResults } from '@/lib/llm/offline/replies-pricing';
import { PHRASES } from '@/lib/llm/offline/phrases';
import type { Plan } from '@/lib/sales/knowledge/schema';
import { whichOfferLine } from '@/lib/llm/offline/arabic-offer';

/**
 * Two questions the topic reading answered with something said before, in the five languages:
 * - "how does pricing work?": the model (per seat, monthly or annually, the plans' per-seat prices) rather than the last
 *   quote again, and what it means for the team on record (its plan, priced by get_pricing);
 * - "can clients see progress? like a client portal": guest access, from the plans' own feature lines (the first plan
 *   that has it) and the billing FAQ (guests are free view-only collaborators), never a portal the catalogue does not
 *   list. Not the customer story whose words ("clients") retrieval matched.
 */
export type Explainer =
  | { kind: 'pricing-model'; price?: PriceTopic }
  | { kind: 'guest-access'; from: Plan; free: boolean; portal: boolean; below?: Plan; story?: string }
  /** "أريد عرض" alone (arabic-offer.ts): a demo or a price quote, asked. */
  | { kind: 'which-offer' };

/** "How does pricing work?", "¿cómo funcionan los precios?", "comment fonctionne la tarification ?", "wie funktioniert die Preisgestaltung?", "كيف يعمل التسعير؟". */
const PRICING_MODEL =
  /\bhow (?:does|do|is) (?:your |the |ur )?(?:pricing|prices?|price model|pricing model|licensing|licen[cs]es?|cost) (?:work|works|structured|calculated|set up)\b|\bhow (?:do|does) (?:you(?: guys)?|northwind(?: cloud)?|it) (?:charge|price|bill)(?: (?:for it|it|us|people))?\s*[?.!]*$|\b(?:your|the) (?:pricing|price) (?:model|structure)\b|\bexplain (?:your |the |how )?(?:pricing|prices)\b|\bhow is (?:it|this|northwind(?: cloud)?|the product|pricing) priced\b|(?<!\p{L})c[oó]mo (?:funciona|funcionan|es|son) (?:el precio|los precios|la tarificaci[oó]n|el modelo de precios|las licencias|el cobro)(?!\p{L})|(?<!\p{L})c[oó]mo (?:cobran|se cobra)(?!\p{L})|(?<!\p{L})(?:modelo|estructura) de precios(?!\p{L})|(?<!\p{L})comment (?:fonctionne|fonctionnent|marche|marchent) (?:la tarification|les tarifs|les prix|vos tarifs|votre tarification|le prix)(?!\p{L})|(?<!\p{L})comment (?:facturez-vous|vous facturez|est-ce que vous facturez)(?!\p{L})|(?<!\p{L})(?:mod[eè]le|structure) (?:de tarification|tarifaire)(?!\p{L})|(?<!\p{L})comment (?:sont|est) calcul[ée]e?s? (?:les |le |vos )?(?:prix|tarifs?)(?!\p{L})|(?<!\p{L})wie funktionier\p{L}* (?:die |ihre |eure |das |ihr |euer )?(?:preisgestaltung|preise|preismodell|lizenzierung|lizenzmodell)(?!\p{L})|(?<!\p{L})(?:preismodell|lizenzmodell)(?!\p{L})|(?<!\p{L})wie (?:setzt sich|berechnet sich) (?:der|ihr|euer) preis(?!\p{L})|(?<!\p{L})wie werden (?:die|ihre) preise berechnet(?!\p{L})|كيف (?:يعمل|تعمل|يتم|يكون) (?:ال)?تسعير|كيف (?:تحسبون|تحتسبون|يحسب|تحسب) (?:ال)?(?:سعر|أسعار|اسعار|تكلفة|اشتراك)|(?:نموذج|طريقة|هيكل) (?:ال)?تسعير/iu;

/** "Can clients see progress?", "a client portal", "guest access", "¿pueden nuestros clientes ver el avance?", "portail client", "Gastzugang", "بوابة العملاء". */
const GUEST_ASK =
  /\b(?:client|customer|guest|external)s?['’]? ?(?:portal|area|space|login|access|view(?:er)?s?)\b|\b(?:can|could|do|will|would|is it possible (?:for|to))\b[^.?!]{0,25}\b(?:clients?|customers?|guests?|external (?:people|users|partners|stakeholders|collaborators)|contractors?|freelancers?|stakeholders?|outside (?:people|users))\b[^.?!]{0,30}\b(?:see|view|follow|track|access|check|look at|log in|comment on)\b|\binvite (?:our |my )?(?:clients?|customers?|guests?|external (?:people|users|partners))\b|\bshare (?:\p{L}+ ){0,2}with (?:our |my )?(?:clients?|customers?)\b|(?<!\p{L})portal (?:de|para) (?:clientes|invitados)(?!\p{L})|(?<!\p{L})acceso (?:de|para) (?:clientes|invitados)(?!\p{L})|(?<!\p{L})(?:pueden|podr[ií]an|puede|podr[aá]n) (?:nuestros |mis |los |sus )?clientes[^.?!]{0,30}(?:ver|seguir|consultar|acceder|revisar)(?!\p{L})|(?<!\p{L})invitar a (?:nuestros |mis |los )?clientes(?!\p{L})|(?<!\p{L})(?:portail|espace) clients?(?!\p{L})|(?<!\p{L})acc[eè]s (?:client|invit[ée]s?)(?!\p{L})|(?<!\p{L})(?:nos |mes |les )?clients (?:peuvent|pourraient|pourront|pourraient-ils|peuvent-ils)[^.?!]{0,30}(?:voir|suivre|consulter|acc[ée]der)(?!\p{L})|(?<!\p{L})inviter (?:nos |mes |des )?clients(?!\p{L})|(?<!\p{L})(?:kundenportal|kundenzugang|kundenbereich|gastzugang|gastzug[äa]nge)(?!\p{L})|(?<!\p{L})(?:k[öo]nnen|k[öo]nnten|d[üu]rfen) (?:unsere |meine |die )?kunden[^.?!]{0,30}(?:sehen|verfolgen|einsehen|zugreifen|mitlesen)(?!\p{L})|(?<!\p{L})kunden einladen(?!\p{L})|بوابة (?:لل|ال)?عملا[ءئ]|(?:يمكن|يستطيع|تقدر|ممكن|يقدر)[^.؟?]{0,10}(?:ل)?(?:ال)?عملا[ءئ](?:نا|ي)?[^.؟?]{0,30}(?:رؤية|متابعة|الاطلاع|يشوفوا|يشاهدوا|يروا|يتابعوا)|وصول (?:ال)?ضيوف|دعوة (?:ال)?عملا[ءئ]/iu;

/** Those a discount is for, in the plural too: "… for nonprofits?", "… para ONG?", "… pour les écoles ?". */
const FOR_GROUPS = /\b(?:non-?profits?|charit(?:y|ies)|ngos?|ongs?|schools?|students?|education\w*|startups?|[ée]coles?|[ée]tudiants?|schulen?|studierende\w*|vereine?)\b|غير ربحية|خيرية/iu;

/** A client portal named as such: the catalogue lists guest access, not a portal (said so, not promised). */
const PORTAL = /\bportal\b|(?<!\p{L})(?:portail|espace client)|kundenportal|kundenbereich|بوابة/iu;

/** Guests in a plan's feature line or the billing FAQ, in the five languages. */
const GUEST_WORDS = /\bguests?\b|invitad|invit[ée]s?\b|gast|g[äa]ste|ضيوف|ضيف/iu;
const FREE_WORDS = /\bfree\b|gratis|gratuit|kostenlos|مجان/iu;

export function explainerTopic(turn: OfflineTurn, plans: readonly Plan[]): Topic | undefined {
  const text = westernDigits(turn.text);
  // ("How does pricing work for 50 people?" asks for a price; "… for nonprofits?", the discount.)
  if (PRICING_MODEL.test(text) && plans.length === 0 && seatsIn(text) === undefined && !NONPROFIT.test(text) && !FOR_GROUPS.test(text)) {
    const price = seatsFor(turn) === undefined ? undefined : inferredPriceTopic(turn);
    return { kind: 'explain', explain: { kind: 'pricing-model', ...(price ? { price: { ...price, billing: 'both' } } : {}) } };
  }
  if (plans.length > 0 || !GUEST_ASK.test(text)) return undefined;
  const from = turn.kb.plans.find((plan) => plan.features.some((line) => GUEST_WORDS.test(line)));
  if (!from) return undefined;
  const billing = turn.kb.faqs.find((faq) => faq.id === 'billing')?.answer ?? '';
  const free = GUEST_WORDS.test(billing) && FREE_WORDS.test(billing);
  const team = seatsFor(turn);
  const theirs = team === undefined ? undefined : recommendPlan(team, turn.kb.plans);
  const below = theirs && turn.kb.plans.indexOf(theirs) < turn.kb.plans.indexOf(from) ? theirs : undefined;
  // A customer whose clients follow their work as guests (BrightPath), named in one clause.
  const story = turn.kb.caseStudies.find((study) => [study.summary, ...study.results].some((line) => GUEST_WORDS.test(line)))?.customer;
  return { kind: 'explain', explain: { kind: 'guest-access', from, free, portal: PORTAL.test(text), ...(below ? { below } : {}), ...(story ? { story } : {}) } };
}

export function explainerReply(explain: Explainer, turn: OfflineTurn): string[] {
  const ph = EXPLAINER_PHRASES[turn.locale];
  const { kb } = turn;
  switch (explain.kind) {
    case 'pricing-model': {
      const listed = kb.plans.filter((plan) => !isContactSales(plan));
      const custom = kb.plans.filter((plan) => isContactSales(plan));
      const annual = listed.some((plan) => plan.pricePerSeatMonthlyAnnual !== null && plan.pricePerSeatMonthly !== null && plan.pricePerSeatMonthlyAnnual < plan.pricePerSeatMonthly);
      const range = (plan: Plan) => PHRASES[turn.locale].seatRange(plan.minSeats, plan.maxSeats);
      const rates = [
        ...listed.map((plan) => `- ${ph.rate(plan.name, range(plan), plan.pricePerSeatMonthly === null ? undefined : money(plan.pricePerSeatMonthly, turn), plan.pricePerSeatMonthlyAnnual === null ? undefined : money(plan.pricePerSeatMonthlyAnnual, turn))}`),
        ...custom.map((plan) => `- ${ph.customRate(plan.name, range(plan))}`),
      ].join('\n');
      const lines = [ph.model(annual), rates];
      const price = explain.price;
      if (price) {
        const quotes = pricingResults(turn).filter((result) => result.planId === price.plan.id).flatMap((result) => (result.quote ? [result.quote] : []));
        const monthly = quotes.find((quote) => quote.billing === 'monthly');
        const yearly = quotes.find((quote) => quote.billing === 'annual');
        if (isContactSales(price.plan)) lines.push(ph.forTeamCustom(price.seats, price.plan.name, kb.company.salesEmail));
        else if (monthly && fitsSeats(price.plan, price.seats)) lines.push(ph.forTeam(price.seats, price.plan.name, money(monthly.monthlyTotal, turn), yearly ? money(yearly.annualTotal, turn) : undefined));
      }
      return lines;
    }
    case 'guest-access': {
      const last = kb.plans.at(-1)?.id === explain.from.id;
      const lines = [ph.guests(explain.from.name, last, explain.free)];
      if (explain.below) lines[0] = `${lines[0]} ${ph.notOnTheirs(explain.below.name)}`;
      if (explain.story) lines.push(ph.story(explain.story));
      if (explain.portal) lines.push(ph.noPortal(kb.company.salesEmail));
      return [lines.join(' ')];
    }
    case 'which-offer':
      return [whichOfferLine(kb.policies.meetings.durationMinutes)];
  }
}
