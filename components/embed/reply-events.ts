import { messageText, type SalesDataParts, type SalesUIMessage } from '@/lib/chat/messages';

/**
 * The host page's events (docs/embed.md, "Events") that one finished reply gives: `message` always, then `lead` when
 * the agent recorded an e-mail in it, `meeting` for a booking (`moved`, `cancelled` when it was), `handoff` when the
 * prospect asked for a human. What the chat receives, so no score nor reason: the sales team's own (lib/chat/visitor-view.ts).
 */
export type HostEvent =
  | { name: 'message'; detail: { id: string; role: 'assistant'; text: string } }
  | { name: 'lead'; detail: { email: string; fields: SalesDataParts['lead']['values'] } }
  | { name: 'meeting'; detail: { id: string; start: string; email: string; moved?: true; cancelled?: true } }
  | { name: 'handoff'; detail: { email?: string } };

export type HostEventName = HostEvent['name'];

export function replyEvents(message: SalesUIMessage): HostEvent[] {
  const events: HostEvent[] = [{ name: 'message', detail: { id: message.id, role: 'assistant', text: messageText(message) } }];
  for (const part of message.parts) {
    if (part.type === 'data-lead') {
      const email = part.data.values.email;
      if (typeof email === 'string' && part.data.changed.includes('email')) {
        events.push({ name: 'lead', detail: { email, fields: part.data.values } });
      }
    } else if (part.type === 'data-booking') {
      const { id, start, email, movedFrom, cancelled } = part.data;
      events.push({ name: 'meeting', detail: { id, start, email, ...(movedFrom ? { moved: true as const } : {}), ...(cancelled ? { cancelled: true as const } : {}) } });
    } else if (part.type === 'data-handoff') {
      events.push({ name: 'handoff', detail: part.data.email ? { email: part.data.email } : {} });
    }
  }
  return events;
}
