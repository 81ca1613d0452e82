import { z } from 'zod';
import { eventSourceSchema, type EventSource } from '@/lib/events/schema';
import { LOCALES } from '@/lib/i18n/locales';
import { isPlainLabel, messageTextProblem } from '@/lib/security/plain-text';
import { isOwnOrigin } from '@/lib/security/request';
import { CONVERSATION_ID_RULE, isStrongConversationId } from '@/lib/sales/ui-message';

/**
 * The chat route's body, as `useChat`'s transport sends it: `{ id, message }` (our client) or `{ id, messages }`
 * (the default transport). The server owns the history: only the new user message is taken from the client.
 */
const textPart = z.object({ type: z.literal('text'), text: z.string() }).loose();
// Other part kinds (files, step markers) are tolerated in the schema and ignored; only text is answered.
const otherPart = z.object({ type: z.string().min(1) }).loose();

const clientMessage = z
  .object({
    id: z.string().min(1).max(100).optional(),
    role: z.enum(['user', 'assistant', 'system']),
    parts: z.array(z.union([textPart, otherPart])).max(50),
  })
  .loose();

export const chatRequestSchema = z
  .object({
    id: z.string().refine(isStrongConversationId, CONVERSATION_ID_RULE),
    message: clientMessage.optional(),
    messages: z.array(clientMessage).max(1_000).optional(),
    trigger: z.enum(['submit-message', 'regenerate-message']).optional(),
    /** The client's word that this is the conversation's first message (a hint for a faster start; the store decides). */
    first: z.boolean().optional(),
    messageId: z.string().max(100).optional(),
    /** The UI's language: the agent answers in it (or in the language the prospect writes in; docs/i18n.md). */
    locale: z.enum(LOCALES).optional(),
    /** The browser's time zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`): meetings are booked in it. */
    timeZone: z.string().min(1).max(64).optional(),
    /** Where the chat runs: page path, utm, the embedding site (events and analytics read it; never answered on). */
    source: eventSourceSchema.pick({ page: true, utm: true, embedSite: true }).optional(),
  })
  .loose();

export type ChatRequest = z.infer<typeof chatRequestSchema>;
type ClientMessage = z.infer<typeof clientMessage>;

export type NewUserMessage = { id?: string; text: string };

/**
 * The new message's id names its reply in the store (`stream:<conversation>:<id>`, the turn lock's value): only the
 * characters the clients' ids use (crypto.randomUUID(), the AI SDK's generateId, nanoid), so no id can carry a key
 * separator, a glob character, a line break or a path into a key. The history's own ids are not read, so not checked.
 */
export const MESSAGE_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;
export const MESSAGE_ID_RULE = 'A message id is 1 to 100 letters, digits, ".", "-" or "_" (as crypto.randomUUID() or the AI SDK makes them).';

/** A URL path as the browser gives it (percent-encoded): no white space, controls or invisible format characters. */
const PAGE_PATH = /^\/[^\s\p{C}]*$/u;

/** Picks the new user message out of a valid body, or says why there is none. */
export function pickUserMessage(body: ChatRequest): { ok: true; message: NewUserMessage } | { ok: false; reason: string } {
  if (body.messages?.some((message) => message.role === 'system')) {
    return { ok: false, reason: 'System messages cannot be sent to the chat; the server sets the instructions.' };
  }
  const candidate: ClientMessage | undefined = body.message ?? body.messages?.at(-1);
  if (!candidate) return { ok: false, reason: 'Send the new message as "message" (or as the last of "messages").' };
  if (candidate.role !== 'user') {
    return { ok: false, reason: 'Only a new user message is accepted; the server keeps the history.' };
  }
  if (candidate.id !== undefined && !MESSAGE_ID_PATTERN.test(candidate.id)) return { ok: false, reason: MESSAGE_ID_RULE };
  const text = candidate.parts
    .map((part) => (part.type === 'text' && typeof part.text === 'string' ? part.text : ''))
    .join('')
    .trim();
  if (!text) return { ok: false, reason: 'The message has no text.' };
  const problem = messageTextProblem(text);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, message: { id: candidate.id, text } };
}

/** Whether the client says this message opens its conversation: `first: true`, or the default transport's one message. */
export function isFirstMessage(body: ChatRequest): boolean {
  if (body.trigger === 'regenerate-message') return false;
  return body.first === true || (body.message === undefined && body.messages?.length === 1);
}

/**
 * The turn's event source: the page and utm the client sent, and the embedding site — the request's Origin when it is
 * not the app's own, else the site the embed reported if that site is on the embed allow-list (an embed runs in a
 * frame on the app's origin). Locale and agent are added by the turn. The page is kept only as a path (what
 * `location.pathname` gives) and a utm value only as one plain line: they reach the sales team's e-mails and the admin,
 * and the utm comes from whatever link the visitor followed (`?utm_source=%0A%0AURGENT…` would have written lines of
 * its own into the team's notification). Dropped, not refused: the prospect did not write them.
 */
export function eventSourceFor(
  request: Request,
  sent: ChatRequest['source'],
  security: { appOrigin?: string; embedAllowedOrigins: readonly string[] },
): EventSource {
  const origin = request.headers.get('origin');
  const embedSite =
    origin && origin !== 'null' && !isOwnOrigin(origin, request, security) ? origin : sent?.embedSite && security.embedAllowedOrigins.includes(sent.embedSite) ? sent.embedSite : undefined;
  const path = sent?.page?.split(/[?#]/)[0];
  const page = path && PAGE_PATH.test(path) ? path : undefined;
  const utm = Object.fromEntries(Object.entries(sent?.utm ?? {}).filter(([, value]) => typeof value === 'string' && value.trim() && isPlainLabel(value)));
  return { ...(page ? { page } : {}), ...(Object.keys(utm).length > 0 ? { utm } : {}), ...(embedSite ? { embedSite } : {}) };
}

