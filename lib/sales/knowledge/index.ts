// A static import, not a file read at run time: the bundler inlines the JSON, so pages, client components and the
// edge-portable routes all get it without `fs`, and a deployment always carries the file it was built and checked with.
import knowledgeBaseData from '@/knowledge/knowledge-base.json';
import esOverlay from '@/knowledge/knowledge-base.es.json';
import frOverlay from '@/knowledge/knowledge-base.fr.json';
import deOverlay from '@/knowledge/knowledge-base.de.json';
import arOverlay from '@/knowledge/knowledge-base.ar.json';
import type { Locale } from '@/lib/i18n/locales';
import { numberFormat } from '@/lib/intl-formats';
import { parseOverlays, type KnowledgeOverlay } from '@/lib/sales/knowledge/overlay';
import { knowledgeBaseSchema, type KnowledgeBase, type Plan } from '@/lib/sales/knowledge/schema';

export type {
  CaseStudy,
  Competitor,
  Faq,
  KnowledgeBase,
  KnowledgeBaseInput,
  MeetingPolicy,
  Objection,
  Plan,
  Policies,
} from '@/lib/sales/knowledge/schema';

/** The raw, unvalidated contents of knowledge/knowledge-base.json (tests break copies of it on purpose). */
export const knowledgeBaseFile: unknown = knowledgeBaseData;

import { KnowledgeBaseError } from '@/lib/sales/knowledge/errors';

export { KnowledgeBaseError };

/**
 * Validates knowledge-base data. Issues name the entry by its id (`plans[1] "pro".pricePerSeatMonthly: …`) because the
 * person fixing it edits the data file by entry, not by array index.
 */
export function parseKnowledgeBase(input: unknown): KnowledgeBase {
  const parsed = knowledgeBaseSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new KnowledgeBaseError(parsed.error.issues.map((issue) => `${describePath(input, issue.path)}: ${issue.message}`));
}

function describePath(input: unknown, path: readonly PropertyKey[]): string {
  let label = '';
  let node: unknown = input;
  for (const segment of path) {
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[segment] : undefined;
    if (typeof segment === 'number') {
      const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      label += typeof id === 'string' ? `[${segment}] "${id}"` : `[${segment}]`;
    } else {
      label += `${label ? '.' : ''}${String(segment)}`;
    }
  }
  return label || '(root)';
}

/**
 * Validated when this module loads rather than on first call: `next build` loads every route module while collecting
 * page data, so a broken file fails the build instead of the first chat after a deploy.
 */
const knowledgeBase = parseKnowledgeBase(knowledgeBaseData);

/** The locales with an overlay of words over the base (knowledge/knowledge-base.<locale>.json). */
export type OverlayLocale = Exclude<Locale, 'en'>;

/** The raw, unvalidated overlays (tests break copies of them on purpose). */
export const knowledgeOverlayFiles: Readonly<Record<OverlayLocale, unknown>> = { es: esOverlay, fr: frOverlay, de: deOverlay, ar: arOverlay };

/**
 * The overlays, validated against the base right after it: getKnowledgeBase() is what start-up (lib/startup.ts) and
 * the build call, so a bad overlay stops them with every problem listed (file, section, entry id, field), the same way
 * a bad base does, instead of failing the first visitor who reads French.
 */
const overlays = parseOverlays(knowledgeOverlayFiles, knowledgeBase);

/** The deployment's knowledge base (knowledge/knowledge-base.json), validated once, with its overlays. */
export function getKnowledgeBase(): KnowledgeBase {
  return knowledgeBase;
}

/** A locale's validated overlay of words (lib/sales/knowledge/localized.ts merges it over the base). */
export function getKnowledgeOverlay(locale: OverlayLocale): KnowledgeOverlay {
  return overlays[locale];
}

/** Whose conventions each locale's prices follow; Arabic in Western digits, as the replies write every number. */
const PRICE_TAGS: Readonly<Record<Locale, string>> = { en: 'en-US', es: 'es-ES', fr: 'fr-FR', de: 'de-DE', ar: 'ar' };

/**
 * A price as `locale`'s readers write it, in the catalogue's currency: "$1,365", "1365 US$", "1 365 $US", "1.365 $",
 * "1,365 US$" ("$12.50" / "12,50 $" with cents); `null` (Enterprise-style) reads "Contact sales".
 */
export function formatPrice(amount: number | null, currency = 'USD', locale: Locale = 'en'): string {
  if (amount === null) return 'Contact sales';
  const cents = !Number.isInteger(amount);
  // Made once per locale, currency and precision (every prompt prices every plan).
  const format = numberFormat(PRICE_TAGS[locale], { style: 'currency', currency, numberingSystem: 'latn', minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 });
  // Without Arabic's leading right-to-left mark: the reply around it is right-to-left already (and the price guard and
  // the voice read a figure, not a mark before it).
  return format.format(amount).replace(/[\u200e\u200f\u061c]/gu, '');
}

/** A count (seats, runs) as `locale`'s readers write it, with the same conventions as formatPrice: "1,000", "1.000", "1 000". */
export function formatCount(count: number, locale: Locale = 'en'): string {
  return numberFormat(PRICE_TAGS[locale], { numberingSystem: 'latn', maximumFractionDigits: 0 }).format(count).replace(/[\u200e\u200f\u061c]/gu, '');
}

/** Whether a text quotes an amount as formatPrice writes one in some locale: "$29", "29 $US", "1.365 $", "29 US$". */
export const QUOTES_PRICE = /[$€£]\s?\d|\d\s?(?:US)?[$€£]/u;

/** A plan's price line, e.g. "$29 per seat/month billed monthly, $24 per seat/month billed annually". */
export function describePlanPrice(plan: Plan, currency = 'USD'): string {
  if (plan.pricePerSeatMonthly === null && plan.pricePerSeatMonthlyAnnual === null) return 'Custom pricing — contact sales';
  const parts: string[] = [];
  if (plan.pricePerSeatMonthly !== null) parts.push(`${formatPrice(plan.pricePerSeatMonthly, currency)} per seat/month billed monthly`);
  if (plan.pricePerSeatMonthlyAnnual !== null) {
    parts.push(`${formatPrice(plan.pricePerSeatMonthlyAnnual, currency)} per seat/month billed annually`);
  }
  return parts.join(', ');
}
