import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { getLocalizedKnowledgeBase, knowledgeLocale } from '@/lib/sales/knowledge/localized';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import type { SalesLocale } from '@/lib/sales/turn-state';

/**
 * The knowledge base a turn in `locale` answers from: the deployment's base file becomes that locale's overlay
 * (knowledge/knowledge-base.<locale>.json); a knowledge base localized already, or one a caller built itself (tests,
 * a deployer's own), is kept as it is. Same plans, ids and prices either way.
 */
export function knowledgeFor(kb: KnowledgeBase, locale: SalesLocale): KnowledgeBase {
  if (kb !== getKnowledgeBase() || knowledgeLocale(kb) === locale) return kb;
  return getLocalizedKnowledgeBase(locale);
}

/** Whether the knowledge base's words are in `locale` (its passages can be quoted in a reply in that language). */
export function speaksLocale(kb: KnowledgeBase, locale: SalesLocale): boolean {
  return knowledgeLocale(kb) === locale;
}
