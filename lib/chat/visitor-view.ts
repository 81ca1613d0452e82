import type { UIMessageChunk } from 'ai';
import { CONTACT_FIELDS, type LeadField } from '@/lib/sales/state';
import type { SalesDataParts, SalesUIMessage } from '@/lib/sales/ui-message';

/**
 * What the prospect's browser receives of a reply (docs/security.md, "What the visitor sees"): the live stream, its
 * resume buffer and the stored history the visitor reads back all pass through here. The store keeps every part as the
 * agent made it, for the admin (transcript, lead evidence, scores); the visitor gets only what the chat UI shows:
 * - text, sources, notices, bookings, metadata: as they are (a cancelled booking without the model's `reason`);
 * - `data-lead`: the contact fields captured (name, e-mail, company, role, phone, team size) and the "Noted: …" line —
 *   no score, no qualification (budget, authority, need, timeline);
 * - `data-handoff`: the e-mail the team will write to — not the model's reason;
 * - never `data-stage` (the playbook stage and why it moved), tool calls (inputs and the tools' answers to the model:
 *   the lead's score, refusals, instructions) nor reasoning.
 * `data-debug` stays: it is only made with DEBUG_AGENT=1 (lib/config-debug.ts), for whoever tunes the agent.
 */

const VISITOR_LEAD_FIELDS: ReadonlySet<LeadField> = new Set(CONTACT_FIELDS);

/** Chunk and part types the visitor never receives. */
const isInternalType = (type: string) => type === 'data-stage' || type.startsWith('tool-') || type === 'dynamic-tool' || type.startsWith('reasoning');

/** A data part's data as the visitor receives it, or undefined when nothing of it is theirs to see. */
function visitorData(type: string, data: unknown): unknown {
  switch (type) {
    case 'data-lead': {
      const lead = data as SalesDataParts['lead'];
      const changed = lead.changed.filter((field) => VISITOR_LEAD_FIELDS.has(field));
      const values = Object.fromEntries(Object.entries(lead.values).filter(([field]) => VISITOR_LEAD_FIELDS.has(field as LeadField)));
      if (changed.length === 0 && !lead.note) return undefined;
      return { changed, values, ...(lead.note ? { note: lead.note } : {}), ...(lead.lang ? { lang: lead.lang } : {}) } satisfies SalesDataParts['lead'];
    }
    case 'data-handoff': {
      const { email } = data as SalesDataParts['handoff'];
      return (email ? { email } : {}) satisfies SalesDataParts['handoff'];
    }
    case 'data-booking': {
      const { reason: _reason, ...booking } = data as SalesDataParts['booking'];
      return booking;
    }
    default:
      return data;
  }
}

/** A chunk as the visitor receives it; undefined for one that is not sent to them at all. */
export function visitorChunk(chunk: UIMessageChunk): UIMessageChunk | undefined {
  if (isInternalType(chunk.type)) return undefined;
  if (!chunk.type.startsWith('data-')) return chunk;
  const { data } = chunk as { data: unknown };
  const shown = visitorData(chunk.type, data);
  if (shown === undefined) return undefined;
  return shown === data ? chunk : ({ ...chunk, data: shown } as UIMessageChunk);
}

/** A stored message as the visitor reads it back (the history route). */
export function visitorMessage(message: SalesUIMessage): SalesUIMessage {
  const parts = message.parts.flatMap((part) => {
    if (isInternalType(part.type)) return [];
    if (!part.type.startsWith('data-')) return [part];
    const { data } = part as { data: unknown };
    const shown = visitorData(part.type, data);
    if (shown === undefined) return [];
    return [shown === data ? part : ({ ...part, data: shown } as typeof part)];
  });
  return { ...message, parts };
}
