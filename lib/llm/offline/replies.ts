import type { ConversationFacts, OfflineIntent } from '@/lib/llm/offline/intents';
import { formatPrice } from '@/lib/sales/knowledge';
import type { Faq, KnowledgeBase, Plan } from '@/lib/sales/knowledge/schema';

/**
 * The offline agent's replies, one small function per intent. Every amount of money comes from `priceLine`/`formatPrice`
 * over the catalogue: nothing here computes or invents a price (not even totals, which the catalogue does not state).
 */
export function composeReply(intent: OfflineIntent, knowledgeBase: KnowledgeBase, facts: ConversationFacts): string {
  const paragraphs = replyBody(intent, knowledgeBase, facts);
  return paragraphs.filter(Boolean).join('\n\n');
}

function replyBody(intent: OfflineIntent, kb: KnowledgeBase, facts: ConversationFacts): string[] {
  switch (intent.kind) {
    case 'plan-price':
      return planPriceReply(intent.plan, kb, facts);
    case 'plan-features':
      return planFeaturesReply(intent.plan, kb, facts);
    case 'plan-compare':
      return compareReply(intent.plans, kb, facts);
    case 'pricing-overview':
      return pricingOverviewReply(kb, facts);
    case 'faq':
      return faqReply(intent.faqs, kb, facts);
    case 'recommend':
      return recommendReply(kb, facts);
    case 'contact':
      return contactReply(kb, facts);
    case 'contact-details':
      return contactDetailsReply(intent.email, kb, facts);
    case 'team-size':
      return teamSizeReply(intent.seats, kb, facts);
    case 'greeting':
      return greetingReply(kb, facts);
    case 'thanks':
      return thanksReply(kb);
    case 'qualify':
      return qualifyReply(intent.wasQuestion, kb, facts);
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Prices

const isContactSales = (plan: Plan) => plan.pricePerSeatMonthly === null && plan.pricePerSeatMonthlyAnnual === null;

/** "**$29** per seat/month billed monthly, or **$24** per seat/month billed annually" — straight from the catalogue. */
export function priceLine(plan: Plan, kb: KnowledgeBase): string {
  const currency = kb.company.currency;
  if (isContactSales(plan)) return `custom pricing — our sales team prepares a quote`;
  const monthly = plan.pricePerSeatMonthly;
  const annual = plan.pricePerSeatMonthlyAnnual;
  const parts: string[] = [];
  if (monthly !== null) parts.push(`**${formatPrice(monthly, currency)} per seat per month** billed monthly`);
  if (annual !== null) parts.push(`**${formatPrice(annual, currency)} per seat per month** billed annually`);
  return parts.join(', or ');
}

function seatRange(plan: Plan): string {
  if (plan.maxSeats === null) return plan.minSeats > 1 ? `from ${plan.minSeats} seats` : 'any number of seats';
  return `${plan.minSeats}–${plan.maxSeats.toLocaleString('en-US')} seats`;
}

function fitsSeats(plan: Plan, seats: number): boolean {
  return seats >= plan.minSeats && (plan.maxSeats === null || seats <= plan.maxSeats);
}

/** The plan we would suggest for a team size: the most popular plan if it fits, else the first (cheapest) that does. */
export function recommendPlan(seats: number, plans: readonly Plan[]): Plan | undefined {
  const fitting = plans.filter((plan) => fitsSeats(plan, seats));
  return fitting.find((plan) => plan.highlight) ?? fitting[0];
}

// ---------------------------------------------------------------------------------------------------------------------
// Replies

function planPriceReply(plan: Plan, kb: KnowledgeBase, facts: ConversationFacts): string[] {
  if (isContactSales(plan)) {
    return [
      `**${plan.name}** has custom pricing: our sales team puts together a quote based on your seats and requirements ` +
        `(${plan.name} starts ${seatRange(plan).replace(/^from /, 'at ')}).`,
      plan.summary,
      facts.email ? `I have your email (${facts.email}), so the team can send you a quote.` : 'What is the best work email for our team to send you a quote?',
    ];
  }
  return [
    `**${plan.name}** is ${priceLine(plan, kb)}.`,
    `${plan.summary} It covers ${seatRange(plan)}.${seatNote(plan, facts)}`,
    nextQuestion(kb, facts),
  ];
}

function seatNote(plan: Plan, facts: ConversationFacts): string {
  if (facts.teamSize === undefined || fitsSeats(plan, facts.teamSize)) return '';
  const seats = facts.teamSize;
  return seats < plan.minSeats
    ? ` For a team of ${seats}, note that ${plan.name} starts at ${plan.minSeats} seats.`
    : ` For a team of ${seats} you would need a larger plan.`;
}

function planFeaturesReply(plan: Plan, kb: KnowledgeBase, facts: ConversationFacts): string[] {
  return [
    `**${plan.name}** — ${plan.summary}`,
    bullets(plan.features),
    `Price: ${priceLine(plan, kb)}.`,
    nextQuestion(kb, facts),
  ];
}

function compareReply([first, second]: [Plan, Plan], kb: KnowledgeBase, facts: ConversationFacts): string[] {
  const [lower, higher] = kb.plans.indexOf(first) <= kb.plans.indexOf(second) ? [first, second] : [second, first];
  const added = higher.features.filter((feature) => !/^everything in /i.test(feature));
  return [
    `Here is how **${lower.name}** and **${higher.name}** compare:`,
    bullets([
      `**${lower.name}**: ${priceLine(lower, kb)}. ${lower.summary} (${seatRange(lower)})`,
      `**${higher.name}**: ${priceLine(higher, kb)}. ${higher.summary} (${seatRange(higher)})`,
    ]),
    `On top of ${lower.name}, **${higher.name}** adds:`,
    bullets(added),
    nextQuestion(kb, facts),
  ];
}

function pricingOverviewReply(kb: KnowledgeBase, facts: ConversationFacts): string[] {
  const recommended = facts.teamSize === undefined ? undefined : recommendPlan(facts.teamSize, kb.plans);
  return [
    `${kb.company.name} is priced per seat. Here are our plans:`,
    bullets(
      kb.plans.map(
        (plan) => `**${plan.name}**${plan.highlight ? ' (most popular)' : ''}: ${priceLine(plan, kb)}. ${plan.summary}`,
      ),
    ),
    recommended && facts.teamSize !== undefined
      ? `For your team of ${facts.teamSize}, **${recommended.name}** is the natural fit.`
      : '',
    nextQuestion(kb, facts),
  ];
}

function faqReply(faqs: readonly Faq[], kb: KnowledgeBase, facts: ConversationFacts): string[] {
  if (faqs.length === 1) return [faqs[0]?.answer ?? '', nextQuestion(kb, facts)];
  return [...faqs.map((faq) => `**${faq.question}** ${faq.answer}`), nextQuestion(kb, facts)];
}

function recommendReply(kb: KnowledgeBase, facts: ConversationFacts): string[] {
  if (facts.teamSize !== undefined) return teamSizeReply(facts.teamSize, kb, facts);
  return [
    'Happy to help you choose. Our plans differ mainly by team size and admin needs:',
    bullets(kb.plans.map((plan) => `**${plan.name}** (${seatRange(plan)}): ${lowerFirst(plan.summary)}`)),
    nextQuestion(kb, facts),
  ];
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function contactReply(kb: KnowledgeBase, facts: ConversationFacts): string[] {
  if (facts.email) {
    return [
      `Happy to set that up. Our sales team will reach out at **${facts.email}** to find a time.`,
      facts.teamSize === undefined ? 'So they come prepared: how many people would be using ' + kb.company.name + '?' : '',
    ];
  }
  return [
    `I'd be glad to connect you with our sales team — they can set up a demo or prepare a quote. You can also email them directly at ${kb.company.salesEmail}.`,
    'What is the best work email for them to reach you?',
  ];
}

function contactDetailsReply(email: string, kb: KnowledgeBase, facts: ConversationFacts): string[] {
  return [
    `Thanks — I've noted **${email}**. Our sales team will follow up by email.`,
    facts.teamSize === undefined
      ? `So they come prepared: how many people would be using ${kb.company.name}?`
      : facts.useCaseKnown
        ? 'Is there anything else you would like them to cover on the call?'
        : `So they come prepared: what would you mainly use ${kb.company.name} for?`,
  ];
}

function teamSizeReply(seats: number, kb: KnowledgeBase, facts: ConversationFacts): string[] {
  const plan = recommendPlan(seats, kb.plans);
  if (!plan) {
    return [`For a team of ${seats}, our sales team will tailor a plan for you.`, `What is the best work email for them to reach you?`];
  }
  const cheaper = kb.plans.find((candidate) => candidate !== plan && fitsSeats(candidate, seats) && kb.plans.indexOf(candidate) < kb.plans.indexOf(plan));
  const enterprise = kb.plans.find((candidate) => candidate !== plan && isContactSales(candidate) && fitsSeats(candidate, seats));
  return [
    `For a team of ${seats}, I'd suggest **${plan.name}**: ${priceLine(plan, kb)}. ${plan.summary}`,
    cheaper ? `If you are keeping costs down, **${cheaper.name}** also fits at ${priceLine(cheaper, kb)}.` : '',
    enterprise ? `At your size, **${enterprise.name}** is also an option, with ${priceLine(enterprise, kb)}.` : '',
    nextQuestion(kb, { ...facts, teamSize: seats }),
  ];
}

function greetingReply(kb: KnowledgeBase, facts: ConversationFacts): string[] {
  return [
    `Hi! I'm the ${kb.company.name} sales assistant. ${kb.company.tagline}`,
    'I can help with plans and pricing, security, integrations or getting a trial started.',
    nextQuestion(kb, facts),
  ];
}

function thanksReply(kb: KnowledgeBase): string[] {
  return [`You're welcome! Is there anything else I can help you with — pricing, security or a demo of ${kb.company.name}?`];
}

function qualifyReply(wasQuestion: boolean, kb: KnowledgeBase, facts: ConversationFacts): string[] {
  return [
    wasQuestion
      ? `Good question — I don't have a confirmed answer to that, and I'd rather not guess. Our team at ${kb.company.salesEmail} can give you a definite answer.`
      : 'Thanks, that helps.',
    nextQuestion(kb, facts),
  ];
}

/** One qualifying question at a time, in the order a sales rep would ask them. */
export function nextQuestion(kb: KnowledgeBase, facts: ConversationFacts): string {
  if (facts.teamSize === undefined) return `To point you to the right plan: how many people would be using ${kb.company.name}?`;
  if (!facts.useCaseKnown) return `What would you mainly use ${kb.company.name} for — projects, workflow automation or reporting?`;
  if (!facts.email) return 'Would you like a short demo with our team? If so, what is the best work email to reach you?';
  return 'Is there anything else you would like to know before our team gets in touch?';
}

function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}
