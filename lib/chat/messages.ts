import type { UIMessage } from 'ai';
import type { LeadField, Stage } from '@/lib/sales/types';

/**
 * The message type shared by the server, the store and the chat UI. Client-safe (types and constants only).
 * Data parts are the custom `data-<name>` parts the server streams besides text.
 */
export interface MessageMetadata {
  /** Epoch ms when the message was created on the server. */
  createdAt?: number;
  /** Which agent wrote an assistant message. */
  agent?: 'openai' | 'offline';
}

export type SalesDataParts = {
  /** A visible notice attached to a reply, e.g. "answered by the offline agent". */
  notice: { level: 'info' | 'warning'; code: string; message: string };
  /** What the agent has just learned about the prospect, for the UI's "Got it, we'll email you at …". */
  lead: { changed: LeadField[]; values: Partial<Record<LeadField, string | number>>; score: number };
  /** The playbook stage moved, and why. */
  stage: { stage: Stage; reason: string };
  /** A meeting was booked: the invite is downloadable. */
  booking: { id: string; email: string; localLabel: string; start: string; ics: string };
  /** The prospect asked for a human. */
  handoff: { reason: string; email?: string };
};

export type SalesUIMessage = UIMessage<MessageMetadata, SalesDataParts>;

/** Conversation ids are client-generated (useChat / crypto.randomUUID) or ours: url-safe, 8–64 chars. */
export const CONVERSATION_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** The plain text of a message (text parts joined). */
export function messageText(message: Pick<SalesUIMessage, 'parts'>): string {
  return message.parts
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('')
    .trim();
}
