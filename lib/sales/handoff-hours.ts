import { formatLocalHour } from '@/lib/sales/booking';
import { getKnowledgeBase, type KnowledgeBase } from '@/lib/sales/knowledge';
import type { SalesLocale } from '@/lib/sales/turn-state';

/**
 * The sales team's hours (policies.handoff.hours, written on the 24-hour clock) as a reply sets them after a colon or
 * a comma: English with the meeting hours' clock ("9:00–18:00" reads "9 AM to 6 PM", formatLocalHour), Spanish and
 * French with the day in lower case ("horario del equipo: de lunes a viernes"). German nouns and Arabic keep theirs.
 */
export function handoffHoursText(hours: string, locale: SalesLocale): string {
  if (locale === 'en') {
    return hours.replace(/\b([01]?\d|2[0-4]):00(?:\s*[–-]\s*([01]?\d|2[0-4]):00)?\b/g, (_, from: string, to: string | undefined) =>
      to === undefined ? formatLocalHour(Number(from)) : `${formatLocalHour(Number(from))} to ${formatLocalHour(Number(to))}`,
    );
  }
  // ("EE. UU. y la UE…" keeps its capitals.)
  if ((locale === 'es' || locale === 'fr') && !/^\p{Lu}{2}/u.test(hours)) return hours.charAt(0).toLocaleLowerCase(locale) + hours.slice(1);
  return hours;
}

/** The team's hours for an offline reply, or none where the locale's knowledge base has only the base's English words. */
export function teamHours(kb: KnowledgeBase, locale: SalesLocale): string | undefined {
  const { hours } = kb.policies.handoff;
  return locale === 'en' || hours !== getKnowledgeBase().policies.handoff.hours ? handoffHoursText(hours, locale) : undefined;
}
