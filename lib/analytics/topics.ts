import type { KnowledgeBase } from '@/lib/sales/knowledge';
import type { TopicKind } from './keys';

/**
 * A topic id as the admin reads it: the FAQ's question, the objection's title, the plan's or competitor's name.
 * Ids arrive bare (`sso`) or as retrieval ids (`faq:sso`, `objection:too-expensive`); they are the same in every
 * locale, so `kb` may be a localized knowledge base (the viewer's language) and `fallback` the base one, for an entry
 * the locale's overlay lacks (left out of its knowledge base). An id neither has (renamed since it was recorded) reads
 * as its words.
 */
export function topicTitle(kind: TopicKind, id: string, kb: KnowledgeBase, fallback?: KnowledgeBase): string {
  const colon = id.indexOf(':');
  const section = colon > 0 ? id.slice(0, colon) : '';
  const bare = colon > 0 ? id.slice(colon + 1) : id;
  const order = section ? [section] : kind === 'objection' ? ['objection', 'faq'] : ['faq', 'plan', 'competitor', 'case', 'objection'];
  for (const source of fallback && fallback !== kb ? [kb, fallback] : [kb]) {
    const lookups: Record<string, () => string | undefined> = {
      faq: () => source.faqs.find((entry) => entry.id === bare)?.question,
      objection: () => {
        const found = source.objections.find((entry) => entry.id === bare);
        return found ? (found.title ?? words(found.id)) : undefined;
      },
      plan: () => source.plans.find((entry) => entry.id === bare)?.name,
      competitor: () => source.competitors.find((entry) => entry.id === bare)?.name,
      case: () => source.caseStudies.find((entry) => entry.id === bare)?.customer,
    };
    for (const name of order) {
      const title = lookups[name]?.();
      if (title) return title;
    }
  }
  return words(bare);
}

/** `too-expensive` → "Too expensive". */
function words(id: string): string {
  const text = id.replace(/[-_]+/g, ' ').trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : id;
}
