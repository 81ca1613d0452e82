import type { Locale } from '@/lib/i18n';
import { translate } from '@/lib/i18n';

/**
 * What the agent says on almost every visit: synthesised at start-up so the first words a prospect hears come from the
 * cache. The greeting is the chat's empty-state title, which the browser speaks when voice is on.
 */
export function warmPhrases(locale: Locale): string[] {
  return [translate(locale, 'chat.empty.title'), translate(locale, 'chat.empty.body')];
}
