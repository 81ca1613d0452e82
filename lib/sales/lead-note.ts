import { messagesFor, type MessageKey } from '@/lib/i18n';
import { en } from '@/lib/i18n/catalogues/en';
import { formatMessage } from '@/lib/i18n/plural';
import type { SalesLocale } from '@/lib/sales/turn-state';
import type { LeadField } from '@/lib/sales/state';

/**
 * The line the chat shows under a reply when the agent has just recorded something about the prospect ("Noted: Ana,
 * Acme, team of 12."), worded on the server in the reply's language: a Spanish reply on the French page gets its note
 * in Spanish too, not "C'est noté" above Spanish. The same choice of line as the chat card makes for a part without it
 * (components/chat/sales-parts.tsx). Server-only (every catalogue).
 */
export function leadNote(locale: SalesLocale, values: Partial<Record<LeadField, string | number>>): string | undefined {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => formatMessage(locale, messagesFor(locale)[key] ?? en[key], vars);
  if (values.email) return t('sales.lead.email', { email: String(values.email) });
  const details = [values.name ? String(values.name) : null, values.company ? String(values.company) : null, values.teamSize ? t('sales.lead.teamSize', { count: values.teamSize }) : null].filter(
    (item): item is string => Boolean(item),
  );
  return details.length > 0 ? t('sales.lead.noted', { details: details.join(', ') }) : undefined;
}
