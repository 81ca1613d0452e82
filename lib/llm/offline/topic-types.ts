import type { BillingWish } from '@/lib/llm/offline/reading';
import type { NotListed, UnstatedDetail } from '@/lib/llm/offline/phrasebook';
import type { RecallField } from '@/lib/llm/offline/understanding';
import type { Plan } from '@/lib/sales/knowledge/schema';
import type { Passage } from '@/lib/sales/retrieval';
import type { Booking } from '@/lib/sales/types';
import type { Aside } from '@/lib/llm/offline/asides';
import type { IntegrationAnswer } from '@/lib/llm/offline/integration-answer';
import type { SalesAsk } from '@/lib/llm/offline/sales-asks';
import type { Explainer } from '@/lib/llm/offline/explainers';

/**
 * What the offline agent will answer this turn, decided from the sales brain's context (intent, stage, lead state,
 * passages) and the message. Both steps of a turn derive the same topic: the first to choose tool calls, the second to
 * write the reply from their results. Pure and deterministic.
 */
export type Topic =
  | { kind: 'injection'; discount?: Passage }
  | { kind: 'human' }
  | { kind: 'identity' }
  /** "Please delete my data": how to erase this conversation, and whom to write to for the rest. */
  | { kind: 'erase' }
  /** "I'm not interested anymore": a polite close, no question. */
  | { kind: 'not-interested' }
  /** "You're useless": an apology, and a person offered. */
  | { kind: 'frustrated' }
  /** "What currencies do you accept?": prices are in the catalogue's currency only. */
  | { kind: 'currency' }
  /** "Are you there?", "hello??": here, and what it helps with. */
  | { kind: 'present' }
  /** "Stop asking me questions": agreed, and none asked from then on. */
  | { kind: 'no-questions' }
  /** "No email please": agreed, and the e-mail not asked for again. */
  | { kind: 'email-declined' }
  | { kind: 'colleagues' }
  | { kind: 'purchase' }
  | { kind: 'competitor-price'; competitor: string; price: PriceTopic | undefined }
  | { kind: 'free-plan'; cheapest: Plan; trial: Passage | undefined }
  /** "Who will contact me and when?" after a person was asked for: the sales team, their hours, the contact on record. */
  | { kind: 'handoff-status' }
  /** "Is Starter 8 dollars a seat?", "pro is $19 right": the price they name checked against the catalogue's. */
  | { kind: 'price-claim'; plan: Plan; claimed: number; right: boolean }
  | { kind: 'start'; trial: Passage | undefined }
  | { kind: 'plan-gap'; plan: Plan; above: Plan; seats: number | undefined }
  /** "Wait, I have to pay for 3 seats?" after a plan priced at its minimum: yes, and the plan without that minimum. */
  | { kind: 'seat-minimum'; plan: Plan; team: number; fits?: Plan }
  /** `price`: the same message also asked for a plan's price ("quote Business annually and book a demo Thursday"). */
  /** `byPhone`: the e-mail was declined and a phone is on record: the sales team is asked to call and confirm (request_human). */
  /** `invite`: "will I get an invite?" asked on the way, answered first: whether the invite is e-mailed (the configuration). */
  | { kind: 'booking'; email?: string; times: string[]; timezone?: string; price?: PriceTopic; hours?: boolean; booked?: string; week?: [string, string]; byPhone?: string; invite?: boolean }
  /** "Will I get a calendar invite?" with no booking under way to go on with, or about the meeting ahead (`booking`). */
  | { kind: 'invite'; emailed: boolean; booking?: Booking }
  /**
   * "What time is that for me?": the meeting ahead, and its time in `zone` (named, else the browser's) when known.
   * `right`: "Is that 2pm London?" asks to confirm a time, and the booked time in that zone is (or is not) it.
   */
  | { kind: 'meeting-time'; booking: Booking; zone?: string; right?: boolean }
  /** "Please cancel the demo": cancel_meeting (for `email`, when they named one); said again, it is cancelled already. */
  | { kind: 'meeting-cancel'; booking: Booking; email?: string }
  | {
      kind: 'price';
      plan: Plan;
      seats: number;
      seatsGiven: boolean;
      billing: BillingWish;
      inferred: boolean;
      alternative?: Plan;
      /** The alternative is a cheaper plan for the same team, because `plan` is over the budget they stated. */
      budgetPick?: boolean;
      /** "Can you do 15% off Business for 50?": the list price first, then the discount policy (the sales team's call). */
      discount?: Passage;
      /** "Anything cheaper?" when `plan` is already the lowest-priced plan for their team: said before the price. */
      lowest?: boolean;
      /** "Anything cheaper?" answered so: annual billing, the one way to pay less, said as the saving. */
      annualTip?: boolean;
      /** Sized with the growth they told us of: `now` people today, `then` after it; `outgrows`, the plan for today they
       *  would outgrow (the price is then for `then`); `fresh`, the growth was said in this message. */
      grown?: { now: number; then: number; fresh: boolean; outgrows?: Plan };
      /** A plan named and priced for today's team, with growth on record: the size they will be, priced beside it. */
      grownTo?: number;
      /** "Is that per month or per year?": both periods of the quote, said again whole. */
      periods?: boolean;
      /** "Pro is 29 a month for the whole team, right?": no, per seat, said first (their team's total follows). */
      perSeatClaim?: boolean;
      /** "Does Pro fit our budget?": the amount that fits is named beside the budget. */
      budgetAsked?: boolean;
      /** The team today with its growth said beside it ("we're 20 now, 50 next year"): changing plans later, after the price. */
      scales?: Passage;
      /** What they said they need that the plan quoted before lacks ("time tracking", "Jira"): why this plan now. */
      raisedBy?: string;
      /** Tools named beside it that the plan quoted before connects to already ("Slack" beside "HubSpot"): said first. */
      connected?: string[];
      /** Tools named beside it that we do not list ("Figma"): said to be none of our integrations, never dropped. */
      unlisted?: string[];
      /** The team is smaller than the plan they need starts at (SSO for 5: Business, from 10 seats): priced at its
       *  minimum, `seats`, and the team's own size said beside it. */
      minimumFor?: number;
      /** The plan they need is over their budget: what they need, the plans that have it, and the trade-offs. */
      tradeOff?: { feature: string; plans: Plan[]; cheaper?: Plan; fewer?: number };
      /** "And for 12?" after a quote for a plan that stops below it (Starter, up to 10): that plan's top, said first. */
      outgrew?: Plan;
      /** "Would Business still fit?" (once they grow to 70): whether `plan` holds `seats`, yes or no, said first. */
      fitAsked?: boolean;
      /** "Would Pro still fit?" from a team that needs SSO: no, `plan` lacks `need` (their words); this topic's plan has it. */
      fitLacks?: { plan: Plan; need: string };
      /** "Would Business still fit?" answered yes: what they said they need that it includes too (their words). */
      fitHas?: string;
    }
  | { kind: 'overview'; unknownPlan?: string }
  /** "How many seats minimum for Business?": the seat range of the plans named (all of them when none is). */
  | { kind: 'seat-range'; plans: Plan[] }
  | { kind: 'compare-plans'; plans: [Plan, Plan]; seats?: number; billing: BillingWish }
  | { kind: 'competitor'; passage: Passage }
  /** `price.atMinimum`: no team size is known, so the plan is priced at its minimum seats (and said to be). */
  /**
   * `team`: a price objection from a team of known size, with the plan in question (the one quoted last, else the
   * cheapest that holds them) and `cheaper`, the cheapest plan below it that holds them too and has what they need.
   */
  | { kind: 'objection'; passage?: Passage; price?: { plan: Plan; seats: number; atMinimum?: boolean }; team?: { plan: Plan; seats: number; cheaper?: Plan } }
  | { kind: 'plan-features'; plan: Plan }
  /** "Is there a limit on projects?": the plans' own feature lines that speak of it. */
  /** `about`: the company description's sentence on what was asked ("how does your automation work?"), said first. */
  | { kind: 'feature-lines'; lines: [{ plan: Plan; line: string }, ...{ plan: Plan; line: string }[]]; about?: string }
  /** "Does Pro have time tracking?": yes, with the plan's own line, or the plan that first has it. */
  /** `line`: asked which plan has a tool ("which plan has Salesforce?"), no plan named: the first plan's own line for it. */
  | { kind: 'plan-has'; plan: Plan; feature: string; from: Plan; line?: string; trial?: boolean }
  /** `priceMatch`: "can you match their $20/seat?": no price matched by the agent, the discount policy, the annual price. */
  /** `alsoNeeded`: a need said beside the FAQ's that no FAQ answers ("…and audit logs"): the plan whose line has it. */
  /** `onPlans`: "do you integrate with HubSpot?": after the integrations FAQ, the first plan whose line names it. */
  | { kind: 'knowledge'; passages: [Passage, ...Passage[]]; onPlans?: { tool: string; from: Plan; line: string }; alsoNeeded?: { need: string; from: Plan; line: string }[]; securityPack?: boolean; discountAsked?: boolean; priceMatch?: Plan; unconfirmed?: string; unlistedTool?: string; selfHosting?: boolean; unstated?: UnstatedDetail }
  | { kind: 'recommend' }
  /** `fits`: the description's sentence on what they said they need ("patient onboarding tasks fall through the cracks"). */
  | { kind: 'contact'; fits?: string }
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'farewell' }
  | { kind: 'small-talk' }
  /** "Cancel my demo" with no demo booked. */
  | { kind: 'no-meeting' }
  /** "Send me a brochure": no files from here; the plans now, and the team for material. `price`: "something to share
   *  with my CFO" — the plan for them, priced, as a summary to copy for `forWhom`. */
  | { kind: 'brochure'; price?: PriceTopic; forWhom?: string; byEmail?: 'ask' | 'without' | 'known' }
  /** "Not sure", "no idea", "maybe later" in answer to a qualifying question: fine, nothing stored, no objection read. */
  | { kind: 'not-sure' }
  /** "Why not?" just after a no: the reason that no gave. */
  | { kind: 'why-not'; reason: string }
  /** "What did I ask about before?": their earlier questions, in their words (shortened). */
  | { kind: 'asked-before'; questions: string[] }
  /** "How much do we save?" with no team size: annual billing per seat (the plan in focus), and the team size asked. */
  | { kind: 'saving'; plan?: Plan }
  /** A bare number ("15") that answers none of the questions asked ("when?"): which it is, asked. */
  | { kind: 'bare-number'; value: string }
  | { kind: 'off-topic' }
  | { kind: 'unknown'; wasQuestion: boolean }
  /** "Is there a mobile app?": something the catalogue says nothing of; said so, and the question offered to the team. */
  | { kind: 'not-listed'; subject: NotListed }
  /** An aside topic.ts has no reading for (asides.ts): "shorter please", a tool corrected, a plan's minimum, a goodbye thanks. */
  | { kind: 'aside'; aside: Aside }
  /** "Can we continue in English?" and nothing else: yes (the reply is in that language already: replyLanguage). */
  | { kind: 'language' }
  | { kind: 'recall'; fields: RecallField[] }
  | { kind: 'about' }
  | { kind: 'unclear' }
  | { kind: 'alongside'; tool: string }
  /** `need`/`price`: a need said with the tools ("…et on a besoin du SSO avec Azure AD"): its FAQ and the plan that has it. */
  | { kind: 'tools'; tools: string[]; from?: string; need?: Passage; price?: PriceTopic }
  | { kind: 'rival-integration'; tool: string }
  /** "¿Se integra con nuestro CRM?" (no plan named): yes first, and the plan that has it (integration-answer.ts). */
  | { kind: 'integration'; answer: IntegrationAnswer }
  /** "Is there a minimum contract?": no first, then the cancellation terms (contract-term.ts). */
  | { kind: 'contract-term'; passage: Passage }
  | { kind: 'meeting-invite'; booking: Booking }
  | { kind: 'meeting-who'; booking: Booking }
  | { kind: 'no-comparison'; competitor: string; covers?: Extract<Topic, { kind: 'covers' }> }
  /** "Is there a setup fee?", "any hidden costs?": the price list is per seat; anything else the team confirms. */
  | { kind: 'fees' }
  /** "We use QuickBooks and Gmail", "and Gmail?": the tools we list, apps of a suite we list, and those we do not (stack-answer.ts). */
  /** `not`: the tool they said they do not use after all ("we use Pipedrive, not HubSpot"). */
  /** `from`: a tool like ours named among them ("we're on Asana + Slack + Gmail"): their projects come over from it. */
  | { kind: 'stack'; listed: string[]; suites: { app: string; suite: string; from: Plan }[]; unlisted: string[]; not?: string; from?: string }
  /** "We use Okta" after the SSO answer: an identity provider the SSO answer names, and the plan SSO starts on. */
  | { kind: 'idp'; idp: string; from: Plan }
  /** A plan asked about again ("y el pro?" twice) with no team size on record: its price in short, not the page again. */
  | { kind: 'plan-again'; plan: Plan }
  /** "Does that cover what we need?": each need they stated, checked against the plan (and the plan that has them all). */
  | { kind: 'covers'; plan: Plan; seats?: number; checks: CoverCheck[]; all?: Plan; single?: boolean }
  /** "What happens next?", custom pricing, a price negotiated, a billing period not offered (sales-asks.ts). */
  | { kind: 'sales-ask'; ask: SalesAsk }
  /** "How does pricing work?", "can clients see progress? like a client portal" (explainers.ts). */
  | { kind: 'explain'; explain: Explainer };

/** One need they stated, checked against a plan: covered, not (and the first plan that has it), or not in the catalogue. */
export interface CoverCheck {
  need: string;
  covered: boolean | undefined;
  /** The catalogue's own words for it (a feature line, the FAQ's sentence). */
  line?: string;
  from?: Plan;
  /** The company's (a security standard it holds), not a plan's feature. */
  company?: boolean;
  /** A tool the integrations FAQ lists, which no plan's line names. */
  listed?: boolean;
  /** Their workflow runs a month, said as a statement: the feature line of the first plan with enough runs. */
  runs?: string;
}

export type PriceTopic = Extract<Topic, { kind: 'price' }>;
