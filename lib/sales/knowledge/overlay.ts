import { z } from 'zod';
import type { Locale } from '@/lib/i18n/locales';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';

/**
 * A locale's overlay of the knowledge base (knowledge/knowledge-base.<locale>.json): only words, keyed by entry id.
 * Prices, seat limits, ids, currency, e-mails and every other number live in the base file alone, so a localized
 * knowledge base quotes exactly the base's prices by construction (the schemas are strict: a price in an overlay is
 * refused, as is an id the base does not have). Client-safe.
 */
const text = z.string().min(1);
const texts = z.array(text).min(1);

const overlaySchema = z
  .object({
    company: z.object({ tagline: text, description: text }).partial().strict().optional(),
    plans: z.record(z.string(), z.object({ name: text, summary: text, features: texts, aliases: z.array(text) }).partial().strict()).optional(),
    faqs: z.record(z.string(), z.object({ question: text, answer: text, keywords: z.array(text) }).partial().strict()).optional(),
    objections: z.record(z.string(), z.object({ title: text, answer: text, keywords: z.array(text) }).partial().strict()).optional(),
    competitors: z
      .record(z.string(), z.object({ summary: text, ourAdvantages: texts, theirStrengths: texts }).partial().strict())
      .optional(),
    caseStudies: z
      .record(z.string(), z.object({ industry: text, summary: text, results: texts, keywords: z.array(text) }).partial().strict())
      .optional(),
    policies: z
      .object({ annualDiscountNote: text, mustNotPromise: texts, handoffHours: text })
      .partial()
      .strict()
      .optional(),
    suggestedQuestions: z.array(text).optional(),
  })
  .strict();

export type KnowledgeOverlay = z.infer<typeof overlaySchema>;

/** Section name → ids the overlay may name (the base's own). */
function baseIds(kb: KnowledgeBase) {
  return {
    plans: new Set(kb.plans.map((entry) => entry.id)),
    faqs: new Set(kb.faqs.map((entry) => entry.id)),
    objections: new Set(kb.objections.map((entry) => entry.id)),
    competitors: new Set(kb.competitors.map((entry) => entry.id)),
    caseStudies: new Set(kb.caseStudies.map((entry) => entry.id)),
  };
}

/** Validates an overlay against the base: shape, and only ids the base has. Throws with every problem listed. */
export function parseOverlay(input: unknown, kb: KnowledgeBase, label: string): KnowledgeOverlay {
  const parsed = overlaySchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`Invalid knowledge overlay ${label}:\n${parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`).join('\n')}`);
  }
  const ids = baseIds(kb);
  const unknown: string[] = [];
  for (const section of Object.keys(ids) as Array<keyof typeof ids>) {
    for (const id of Object.keys(parsed.data[section] ?? {})) if (!ids[section].has(id)) unknown.push(`${section}.${id}`);
  }
  if (unknown.length) throw new Error(`Knowledge overlay ${label} names entries the base does not have: ${unknown.join(', ')}`);
  return parsed.data;
}

/** Which passages a locale has in its own words, by retrieval id ("faq:sso"); the rest are left out for that locale. */
export type Coverage = ReadonlySet<string>;

/**
 * The base knowledge base with the overlay's words. Entries the overlay lacks are dropped from their section (but
 * plans always stay: the page lists every plan and prices are never dropped; an untranslated plan keeps its brand
 * name and the English text — the catalogue test keeps that from happening for the shipped locales), so nothing
 * English reaches a prospect who reads another language; `missing` lists what was dropped.
 */
export function applyOverlay(kb: KnowledgeBase, overlay: KnowledgeOverlay): { kb: KnowledgeBase; missing: string[] } {
  const missing: string[] = [];
  const keep = <T extends { id: string }, O>(section: string, entries: T[], words: Record<string, O> | undefined, merge: (entry: T, o: O) => T) =>
    entries.flatMap((entry) => {
      const o = words?.[entry.id];
      if (o === undefined) {
        missing.push(`${section}:${entry.id}`);
        return [];
      }
      return [merge(entry, o)];
    });
  const localized: KnowledgeBase = {
    ...kb,
    company: { ...kb.company, ...overlay.company },
    plans: kb.plans.map((plan) => {
      const o = overlay.plans?.[plan.id];
      if (!o) missing.push(`plan:${plan.id}`);
      return { ...plan, ...o, aliases: [...plan.aliases, ...(o?.aliases ?? []), ...(o?.name && o.name !== plan.name ? [plan.name] : [])] };
    }),
    faqs: keep('faq', kb.faqs, overlay.faqs, (entry, o) => ({ ...entry, ...o, keywords: [...(o.keywords ?? []), ...entry.keywords] })),
    objections: keep('objection', kb.objections, overlay.objections, (entry, o) => ({ ...entry, ...o, keywords: [...(o.keywords ?? []), ...entry.keywords] })),
    competitors: keep('competitor', kb.competitors, overlay.competitors, (entry, o) => ({ ...entry, ...o })),
    caseStudies: keep('case', kb.caseStudies, overlay.caseStudies, (entry, o) => ({ ...entry, ...o, keywords: [...(o.keywords ?? []), ...entry.keywords] })),
    policies: {
      ...kb.policies,
      annualDiscountNote: overlay.policies?.annualDiscountNote ?? kb.policies.annualDiscountNote,
      mustNotPromise: overlay.policies?.mustNotPromise ?? kb.policies.mustNotPromise,
      handoff: { ...kb.policies.handoff, hours: overlay.policies?.handoffHours ?? kb.policies.handoff.hours },
    },
    suggestedQuestions: overlay.suggestedQuestions ?? kb.suggestedQuestions,
  };
  return { kb: localized, missing };
}

const localeOf = new WeakMap<KnowledgeBase, Locale>();

/** Marks a knowledge base as localized to `locale` (lib/sales/knowledge/localized.ts does, for each it builds). */
export function markKnowledgeLocale(kb: KnowledgeBase, locale: Locale): void {
  localeOf.set(kb, locale);
}

/** The locale a knowledge base was localized to: 'en' for the base or any other (retrieval words its passages by it). */
export function knowledgeLocale(kb: KnowledgeBase): Locale {
  return localeOf.get(kb) ?? 'en';
}
