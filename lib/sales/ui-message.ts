import type { InferUITools, UIMessage } from 'ai';
import type { MessageKey } from '@/lib/i18n/catalogues/en';
import type { LeadField, Stage } from '@/lib/sales/state';
import type { SalesLocale } from '@/lib/sales/turn-state';
import type { SalesTools } from '@/lib/sales/tools';

/**
 * The message type shared by the server, the store and the chat UI: the ground floor every layer imports (the sales
 * brain, the store, the chat turn, the components), importing nothing above it at run time. Client-safe. Data parts are
 * the custom `data-<name>` parts the server streams besides text; tool parts are typed from the sales tools' own
 * input schemas and results with `InferUITools` (a type-only import: nothing of the server reaches the browser).
 */
export interface MessageMetadata {
  /** Epoch ms when the message was created on the server. */
  createdAt?: number;
  /** Which agent wrote an assistant message. */
  agent?: 'openai' | 'offline';
  /** An assistant reply that did not end normally: stopped by the prospect, or cut by a failure. */
  status?: 'stopped' | 'incomplete';
  /** The id of the user message an assistant reply answers (the turn's idempotency key). */
  turnId?: string;
}

export type SalesDataParts = {
  /** A visible notice attached to a reply, e.g. "answered by the offline agent". */
  notice: { level: 'info' | 'warning'; code: string; message: string };
  /** What the agent has just learned about the prospect, for the UI's "Got it, we'll email you at …". */
  /** `note`: that line worded by the server in `lang`, the reply's language (lib/sales/lead-note.ts); older parts have none. */
  /** `score` (and the qualification fields) are stored for the admin only: the visitor never receives them (lib/chat/visitor-view.ts). */
  lead: { changed: LeadField[]; values: Partial<Record<LeadField, string | number>>; score?: number; note?: string; lang?: SalesLocale };
  /** The playbook stage moved, and why: stored for the admin's transcript, never sent to the visitor. */
  stage: { stage: Stage; reason: string };
  /** A meeting was booked: the invite is downloadable, and e-mailed only when `emailed` (SMTP with invites on). */
  /** `movedFrom`: this books the prospect's meeting again at a new time (the same id as the card it replaces). */
  /** `cancelled`: the prospect called it off (`ics` is then the cancellation; `reason` in their words, if given: admin only). */
  /** `text`: the card's words, worded by the server in `lang`, the reply's language (lib/sales/booking-frame.ts); older parts have none. */
  booking: { id: string; email: string; localLabel: string; start: string; ics: string; emailed: boolean; movedFrom?: string; previousEmail?: string; cancelled?: true; reason?: string; lang?: SalesLocale; text?: Partial<Record<BookingFrameKey, string>> };
  /** The prospect asked for a human. `reason` (the agent's) is stored for the admin only, never sent to the visitor. */
  handoff: { reason?: string; email?: string };
  /** Only with DEBUG_AGENT=1 (lib/config-debug.ts): how the reply was made, for whoever tunes the agent. */
  debug: AgentDebug;
};

/** The booking card's messages (its frame: everything on it but the time and the address). */
export type BookingFrameKey = Extract<MessageKey, `sales.booking.${string}`>;

export interface AgentDebug {
  stage: Stage;
  stateDiff: { path: string; before: unknown; after: unknown }[];
  passages: { id: string; title: string; score: number; used: boolean }[];
  tools: { name: string; input: unknown; output: unknown }[];
  tokens: { input: number; output: number; budget?: number };
  timings: { name: string; ms: number }[];
}

/** The sales tools' inputs and outputs as the UI sees them (`tool-get_pricing` parts and so on). */
export type SalesUITools = InferUITools<SalesTools>;

export type SalesUIMessage = UIMessage<MessageMetadata, SalesDataParts, SalesUITools>;

/**
 * Conversation ids are random UUIDs (v4: 122 random bits, what crypto.randomUUID makes), lower-case. The id is the
 * only thing a client names a conversation by, so it must be unguessable: the server refuses anything weaker.
 */
export const CONVERSATION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A v4 UUID that also looks random: at least 6 distinct hex digits. A real random UUID has fewer with probability
 * ~1e-12; hand-made ids like 00000000-0000-4000-8000-000000000000 are refused.
 */
export function isStrongConversationId(id: string): boolean {
  return CONVERSATION_ID_PATTERN.test(id) && new Set(id.replace(/-/g, '')).size >= 6;
}

export const CONVERSATION_ID_RULE = 'The conversation id must be a random UUID v4 in lower case (as crypto.randomUUID() makes).';

/** The plain text of a message (text parts joined). */
export function messageText(message: Pick<SalesUIMessage, 'parts'>): string {
  return message.parts
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('')
    .trim();
}
