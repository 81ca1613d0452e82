// Static imports like the base file's (lib/sales/knowledge/index.ts): the bundler inlines them, so every runtime has
// them without `fs`, and a broken overlay fails the build rather than a chat.
import esOverlay from '@/knowledge/knowledge-base.es.json';
import frOverlay from '@/knowledge/knowledge-base.fr.json';
import deOverlay from '@/knowledge/knowledge-base.de.json';
import arOverlay from '@/knowledge/knowledge-base.ar.json';
import type { Locale } from '@/lib/i18n/locales';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { applyOverlay, markKnowledgeLocale, parseOverlay, type KnowledgeOverlay } from '@/lib/sales/knowledge/overlay';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';

/**
 * The knowledge base in each locale: the base file (English, every number) with the locale's overlay of words
 * (knowledge/knowledge-base.<locale>.json, docs/knowledge-base.md). Validated when this module loads.
 */
const OVERLAY_FILES: Record<Exclude<Locale, 'en'>, unknown> = { es: esOverlay, fr: frOverlay, de: deOverlay, ar: arOverlay };

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
  const overlay: KnowledgeOverlay = parseOverlay(OVERLAY_FILES[locale], base, `knowledge/knowledge-base.${locale}.json`);
  const { kb, missing } = applyOverlay(base, overlay);
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
