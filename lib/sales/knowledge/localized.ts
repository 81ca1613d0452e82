import type { Locale } from '@/lib/i18n/locales';
import { getKnowledgeBase, getKnowledgeOverlay } from '@/lib/sales/knowledge';
import { applyOverlay, markKnowledgeLocale } from '@/lib/sales/knowledge/overlay';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';

/**
 * The knowledge base in each locale: the base file (English, every number) with the locale's overlay of words
 * (knowledge/knowledge-base.<locale>.json, docs/knowledge-base.md). The overlays are validated with the base, when
 * lib/sales/knowledge/index.ts loads; each merge is built when this module loads.
 */
interface LocalizedKnowledge {
  kb: KnowledgeBase;
  /** Retrieval ids ("faq:sso", "objection:no-time") the locale has no words for: left out of its knowledge base. */
  missing: readonly string[];
}

const cache = new Map<Locale, LocalizedKnowledge>();

function build(locale: Locale): LocalizedKnowledge {
  const base = getKnowledgeBase();
  if (locale === 'en') {
    return { kb: base, missing: [] };
  }
  const overlay = getKnowledgeOverlay(locale);
  const { kb: merged, missing } = applyOverlay(base, overlay);
  // Code that reads the company's words per locale (`kb.localized[locale]`) finds the overlay's, not only the base's.
  const words = { ...base.localized[locale] };
  if (merged.company.tagline !== base.company.tagline) words.tagline = merged.company.tagline;
  if (merged.company.description !== base.company.description) words.description = merged.company.description;
  if (overlay.suggestedQuestions) words.suggestedQuestions = overlay.suggestedQuestions;
  const kb: KnowledgeBase = { ...merged, localized: { ...base.localized, [locale]: words } };
  markKnowledgeLocale(kb, locale);
  return { kb, missing };
}

for (const locale of ['en', 'es', 'fr', 'de', 'ar'] as const) cache.set(locale, build(locale));

/** The knowledge base in `locale`: the same plans, ids and prices as the base, in the locale's words. */
export function getLocalizedKnowledgeBase(locale: Locale): KnowledgeBase {
  return (cache.get(locale) ?? build(locale)).kb;
}

/** What `locale` lacks words for (and so leaves out), e.g. ["objection:no-time"]. */
export function missingPassages(locale: Locale): readonly string[] {
  return (cache.get(locale) ?? build(locale)).missing;
}

export { knowledgeLocale } from '@/lib/sales/knowledge/overlay';
