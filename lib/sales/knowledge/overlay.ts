import { z } from 'zod';
import type { Locale } from '@/lib/i18n/locales';
import { KnowledgeBaseError } from '@/lib/sales/knowledge/errors';
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

/** The sections keyed by entry id, and the base's entries in each. */
const ID_SECTIONS = ['plans', 'faqs', 'objections', 'competitors', 'caseStudies'] as const;

/**
 * Lists that translate item by item (a feature, a result, an advantage…): an overlay gives exactly as many items as the
 * base, in the same order. A shorter list would silently drop a fact (a feature a plan has), a longer one add a fact
 * the base does not state.
 */
const ITEM_LISTS = {
  plans: ['features'],
  competitors: ['ourAdvantages', 'theirStrengths'],
  caseStudies: ['results'],
} as const satisfies Partial<Record<(typeof ID_SECTIONS)[number], readonly string[]>>;

/**
 * Every problem with an overlay, each naming the section, the entry id and the field (`objections.no-time.answer: …`),
 * or none. Checks the shape (words only: a price, a seat limit or an unknown field is refused), that every id is one the
 * base has, and that item-by-item lists have the base's length.
 */
export function overlayIssues(input: unknown, kb: KnowledgeBase): { overlay: KnowledgeOverlay | null; issues: string[] } {
  const parsed = overlaySchema.safeParse(input);
  if (!parsed.success) {
    return { overlay: null, issues: parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`) };
  }
  const overlay = parsed.data;
  const issues: string[] = [];
  for (const section of ID_SECTIONS) {
    const entries: ReadonlyArray<{ id: string }> = kb[section];
    const byId = new Map(entries.map((entry) => [entry.id, entry as unknown as Record<string, unknown>]));
    for (const [id, words] of Object.entries(overlay[section] ?? {})) {
      const entry = byId.get(id);
      if (!entry) {
        issues.push(`${section}.${id}: The base (knowledge/knowledge-base.json) has no ${section} entry with this id`);
        continue;
      }
      const lists: readonly string[] = (ITEM_LISTS as Partial<Record<string, readonly string[]>>)[section] ?? [];
      for (const field of lists) {
        const mine = (words as Record<string, unknown>)[field];
        const theirs = entry[field];
        if (Array.isArray(mine) && Array.isArray(theirs) && mine.length !== theirs.length) {
          issues.push(`${section}.${id}.${field}: Has ${mine.length} items; the base has ${theirs.length} (one translation per item, in the same order)`);
        }
      }
    }
  }
  const mustNotPromise = overlay.policies?.mustNotPromise;
  if (mustNotPromise && mustNotPromise.length !== kb.policies.mustNotPromise.length) {
    issues.push(`policies.mustNotPromise: Has ${mustNotPromise.length} items; the base has ${kb.policies.mustNotPromise.length} (one translation per item, in the same order)`);
  }
  if (overlay.suggestedQuestions && overlay.suggestedQuestions.length !== kb.suggestedQuestions.length) {
    issues.push(`suggestedQuestions: Has ${overlay.suggestedQuestions.length} items; the base has ${kb.suggestedQuestions.length}`);
  }
  return { overlay, issues };
}

/** Validates one overlay against the base; throws KnowledgeBaseError listing every problem, each prefixed by `label`. */
export function parseOverlay(input: unknown, kb: KnowledgeBase, label: string): KnowledgeOverlay {
  const { overlay, issues } = overlayIssues(input, kb);
  if (overlay && issues.length === 0) return overlay;
  throw new KnowledgeBaseError(
    issues.map((line) => `${label}: ${line}`),
    `knowledge overlay ${label}`,
  );
}

/**
 * Validates every overlay against the base at once, so a deployer sees all problems in one run; throws one
 * KnowledgeBaseError whose issues name the file, the section, the entry id and the field.
 */
export function parseOverlays<L extends string>(files: Readonly<Record<L, unknown>>, kb: KnowledgeBase): Record<L, KnowledgeOverlay> {
  const result = {} as Record<L, KnowledgeOverlay>;
  const issues: string[] = [];
  for (const locale of Object.keys(files) as L[]) {
    const found = overlayIssues(files[locale], kb);
    issues.push(...found.issues.map((line) => `${overlayPath(locale)}: ${line}`));
    if (found.overlay) result[locale] = found.overlay;
  }
  if (issues.length) throw new KnowledgeBaseError(issues, 'knowledge overlays');
  return result;
}

/** Where a locale's overlay lives, for messages. */
export function overlayPath(locale: string): string {
  return `knowledge/knowledge-base.${locale}.json`;
}

/** Which passages a locale has in its own words, by retrieval id ("faq:sso"); the rest are left out for that locale. */
export type Coverage = ReadonlySet<string>;

/** The base's words then the overlay's, once each: keywords and aliases add up, and duplicates would only skew ranking. */
function union(...lists: ReadonlyArray<readonly string[] | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const item of list ?? []) {
      const key = item.toLocaleLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}

/**
 * The base knowledge base with the overlay's words. Entries the overlay lacks are dropped from their section (but
 * plans always stay: the page lists every plan and prices are never dropped; an untranslated plan keeps its brand
 * name and the English text — the knowledge tests keep that from happening for the shipped locales), so nothing
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
      return { ...plan, ...o, aliases: union(plan.aliases, o?.aliases, o?.name && o.name !== plan.name ? [plan.name] : []) };
    }),
    faqs: keep('faq', kb.faqs, overlay.faqs, (entry, o) => ({ ...entry, ...o, keywords: union(o.keywords, entry.keywords) })),
    objections: keep('objection', kb.objections, overlay.objections, (entry, o) => ({ ...entry, ...o, keywords: union(o.keywords, entry.keywords) })),
    competitors: keep('competitor', kb.competitors, overlay.competitors, (entry, o) => ({ ...entry, ...o })),
    caseStudies: keep('case', kb.caseStudies, overlay.caseStudies, (entry, o) => ({ ...entry, ...o, keywords: union(o.keywords, entry.keywords) })),
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

/**
 * Which locale each localized knowledge base is, shared by every bundle of the process: the offline agent (one per
 * process, lib/llm) is built by whichever bundle asks first and then retrieves from the knowledge bases other bundles
 * built — the chat's fast route runs in instrumentation.ts's bundle — so a per-bundle map answered 'en' for an Arabic
 * knowledge base there and titled its passages "الاحترافية plan". On globalThis under a registered symbol, and not a
 * process singleton: tests reset those, while knowledge bases are marked once, when their module loads.
 */
const LOCALES = Symbol.for('ai-sales-agent.knowledge-locales');
const localeOf: WeakMap<KnowledgeBase, Locale> = ((globalThis as typeof globalThis & { [LOCALES]?: WeakMap<KnowledgeBase, Locale> })[LOCALES] ??= new WeakMap());

/** Marks a knowledge base as localized to `locale` (lib/sales/knowledge/localized.ts does, for each it builds). */
export function markKnowledgeLocale(kb: KnowledgeBase, locale: Locale): void {
  localeOf.set(kb, locale);
}

/** The locale a knowledge base was localized to: 'en' for the base or any other (retrieval words its passages by it). */
export function knowledgeLocale(kb: KnowledgeBase): Locale {
  return localeOf.get(kb) ?? 'en';
}
