import { z } from 'zod';

/**
 * The knowledge base a deployer edits: company, plans with prices, FAQ. Client-safe (no secrets in it).
 * Prices are the ONLY source of any number the agent says about price.
 */
export const planSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** Price per seat per month in the smallest sensible unit of `currency` (USD dollars, may have cents). null = "contact sales". */
  pricePerSeatMonthly: z.number().nonnegative().nullable(),
  /** Price per seat per month when billed annually. */
  pricePerSeatMonthlyAnnual: z.number().nonnegative().nullable(),
  minSeats: z.number().int().positive().default(1),
  maxSeats: z.number().int().positive().nullable().default(null),
  summary: z.string().min(1),
  features: z.array(z.string().min(1)).min(1),
  /** Shown as "Most popular" on the landing page. */
  highlight: z.boolean().default(false),
});

export const faqSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  question: z.string().min(1),
  answer: z.string().min(1),
  keywords: z.array(z.string().min(1)).default([]),
});

export const knowledgeBaseSchema = z.object({
  company: z.object({
    name: z.string().min(1),
    tagline: z.string().min(1),
    description: z.string().min(1),
    currency: z.string().length(3).default('USD'),
    salesEmail: z.email(),
  }),
  plans: z.array(planSchema).min(1),
  faqs: z.array(faqSchema).default([]),
  suggestedQuestions: z.array(z.string().min(1)).default([]),
});

export type Plan = z.infer<typeof planSchema>;
export type Faq = z.infer<typeof faqSchema>;
export type KnowledgeBase = z.infer<typeof knowledgeBaseSchema>;
