import { z } from 'zod';
import { isValidTimeZone } from '@/lib/sales/time-zone';

/**
 * The knowledge base a deployer edits (knowledge/knowledge-base.json): company, plans with prices, FAQ, objection
 * answers, competitors, case studies and the policies the agent works under. Client-safe (no secrets in it).
 * Prices are the ONLY source of any number the agent says about price (lib/sales/pricing.ts computes from them).
 *
 * Every section added after the first release has a default, so an older, smaller knowledge base still validates.
 */

/** Ids become retrieval ids ("faq:sso") and URLs, so they stay lower-case and dash-separated. */
const idSchema = z.string().regex(/^[a-z0-9-]+$/, 'Use lower-case letters, digits and dashes, e.g. "too-expensive"');

/** Whole cents only: quotes are computed in integer cents, and a price like 9.999 could not be quoted exactly. */
const priceSchema = z
  .number()
  .nonnegative()
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, 'Prices have at most two decimal places')
  .nullable();

export const planSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  /** Other names prospects use for the plan ("basic", "profesional"); matched case-insensitively by findPlan. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Price per seat per month in `currency` units (may have cents). null = "contact sales". */
  pricePerSeatMonthly: priceSchema,
  /** Price per seat per month when billed annually. */
  pricePerSeatMonthlyAnnual: priceSchema,
  minSeats: z.number().int().positive().default(1),
  maxSeats: z.number().int().positive().nullable().default(null),
  summary: z.string().min(1),
  features: z.array(z.string().min(1)).min(1),
  /** Shown as "Most popular" on the landing page. */
  highlight: z.boolean().default(false),
});

export const faqSchema = z.object({
  id: idSchema,
  question: z.string().min(1),
  answer: z.string().min(1),
  /** Phrases that should find this answer, in every language prospects write in. */
  keywords: z.array(z.string().min(1)).default([]),
});

export const objectionSchema = z.object({
  id: idSchema,
  /** How the objection sounds, e.g. "It's too expensive"; defaults to the id in words. */
  title: z.string().min(1).optional(),
  keywords: z.array(z.string().min(1)).min(1),
  answer: z.string().min(1),
});

export const competitorSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  summary: z.string().min(1),
  ourAdvantages: z.array(z.string().min(1)).min(1),
  /** Required on purpose: a comparison that admits the other tool's strengths is one a prospect believes. */
  theirStrengths: z.array(z.string().min(1)).min(1),
});

export const caseStudySchema = z.object({
  id: idSchema,
  customer: z.string().min(1),
  industry: z.string().min(1),
  teamSize: z.number().int().positive(),
  /** Id of the plan they use, if it helps the story ("a 35-person agency on Pro"). */
  plan: idSchema.optional(),
  summary: z.string().min(1),
  results: z.array(z.string().min(1)).min(1),
  keywords: z.array(z.string().min(1)).default([]),
});

const meetingsSchema = z
  .object({
    durationMinutes: z.number().int().min(10).max(240).default(30),
    /** Used when the prospect gives no time zone. */
    defaultTimezone: z
      .string()
      .refine(isValidTimeZone, 'Not an IANA time zone (e.g. "America/New_York", "Europe/Madrid")')
      .default('UTC'),
    /** Bookable hours (24-hour clock) in the prospect's own time zone: a team that sells across zones covers them. */
    workingHours: z
      .object({ start: z.number().int().min(0).max(23), end: z.number().int().min(1).max(24) })
      .refine((hours) => hours.start < hours.end, 'workingHours.start must be before workingHours.end')
      .default({ start: 9, end: 17 }),
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    workingDays: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .refine((days) => new Set(days).size === days.length, 'workingDays lists a day twice')
      .default([1, 2, 3, 4, 5]),
    /** A meeting is never booked sooner than this after the request, so someone can prepare. */
    minNoticeMinutes: z.number().int().min(0).max(10_080).default(120),
  })
  // Backwards hours already have their own error; repeating it as "does not fit" would only add noise.
  .refine(({ durationMinutes, workingHours: { start, end } }) => start >= end || durationMinutes <= (end - start) * 60, {
    message: 'durationMinutes does not fit inside workingHours',
    path: ['durationMinutes'],
  });

export const policiesSchema = z.object({
  /** The most the sales team may discount; the agent itself promises no discount at all. */
  maxDiscountPercent: z.number().min(0).max(100).default(0),
  annualDiscountNote: z.string().default(''),
  /** Things the agent must never promise; stated in the system prompt. */
  mustNotPromise: z
    .array(z.string().min(1))
    .default(['Custom features or release dates', 'Legal advice', 'Discounts', 'Uptime beyond the published SLA']),
  handoff: z
    .object({
      /** Where human follow-ups go; defaults to company.salesEmail. */
      email: z.email().optional(),
      hours: z.string().min(1).default('Monday to Friday, business hours'),
    })
    .prefault({}),
  meetings: meetingsSchema.prefault({}),
});

/** Locale keys like "es" or "pt-BR". */
const localeSchema = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'Use a locale like "es" or "pt-BR"');

export const localizedSchema = z.object({
  tagline: z.string().min(1),
  description: z.string().min(1),
  suggestedQuestions: z.array(z.string().min(1)),
}).partial();

const ID_SECTIONS = ['plans', 'faqs', 'objections', 'competitors', 'caseStudies'] as const;

export const knowledgeBaseSchema = z
  .object({
    company: z.object({
      name: z.string().min(1),
      tagline: z.string().min(1),
      description: z.string().min(1),
      currency: z.string().length(3).default('USD'),
      salesEmail: z.email(),
    }),
    plans: z.array(planSchema).min(1),
    faqs: z.array(faqSchema).default([]),
    objections: z.array(objectionSchema).default([]),
    competitors: z.array(competitorSchema).default([]),
    caseStudies: z.array(caseStudySchema).default([]),
    policies: policiesSchema.prefault({}),
    suggestedQuestions: z.array(z.string().min(1)).default([]),
    /** Per-locale overrides of the company's words, e.g. { "es": { "tagline": "…" } }. */
    localized: z.record(localeSchema, localizedSchema).default({}),
  })
  .superRefine((kb, ctx) => {
    // Ids name retrieval passages ("plan:pro") and the entries in error messages, so each must be unique in its section.
    for (const section of ID_SECTIONS) {
      const seen = new Set<string>();
      kb[section].forEach((entry, index) => {
        if (seen.has(entry.id)) {
          ctx.addIssue({ code: 'custom', path: [section, index, 'id'], message: `Duplicate id "${entry.id}" in ${section}` });
        }
        seen.add(entry.id);
      });
    }
    const planIds = new Set(kb.plans.map((plan) => plan.id));
    kb.caseStudies.forEach((study, index) => {
      if (study.plan !== undefined && !planIds.has(study.plan)) {
        ctx.addIssue({ code: 'custom', path: ['caseStudies', index, 'plan'], message: `No plan has the id "${study.plan}"` });
      }
    });
    kb.plans.forEach((plan, index) => {
      if (plan.maxSeats !== null && plan.maxSeats < plan.minSeats) {
        ctx.addIssue({ code: 'custom', path: ['plans', index, 'maxSeats'], message: 'maxSeats is below minSeats' });
      }
    });
  })
  .transform((kb) => ({
    ...kb,
    policies: { ...kb.policies, handoff: { ...kb.policies.handoff, email: kb.policies.handoff.email ?? kb.company.salesEmail } },
  }));

export type Plan = z.infer<typeof planSchema>;
export type Faq = z.infer<typeof faqSchema>;
export type Objection = z.infer<typeof objectionSchema>;
export type Competitor = z.infer<typeof competitorSchema>;
export type CaseStudy = z.infer<typeof caseStudySchema>;
export type Policies = KnowledgeBase['policies'];
export type MeetingPolicy = Policies['meetings'];
export type KnowledgeBase = z.output<typeof knowledgeBaseSchema>;
/** What a deployer writes: defaults not yet applied. */
export type KnowledgeBaseInput = z.input<typeof knowledgeBaseSchema>;
