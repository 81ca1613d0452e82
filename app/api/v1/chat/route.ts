import { startChatTurn } from '@/lib/chat/turn';
import { canonicalTimeZone } from '@/lib/sales/time-zone';
import { getServerConfig } from '@/lib/config';
import { AppError, toAppError } from '@/lib/errors';
import { otherMethods, readJsonBody, withErrors } from '@/lib/http';
import { setConversationLocale } from '@/lib/i18n/api-errors';
import { getOfflineAgent, getSalesAgent } from '@/lib/llm';
import { getLlmGate } from '@/lib/security/concurrency';
import { guardRequest } from '@/lib/security/guard';
import { enforceRateLimit } from '@/lib/security/rate-limit';
import { getConversationStore, getReplyStore } from '@/lib/store';
import { eventStreamResponse } from '@/lib/stream/sse';
import { chatRequestSchema, eventSourceFor, isFirstMessage, pickUserMessage } from './schema';

// Streams are never cached and the handler reads per-request state.
export const dynamic = 'force-dynamic';

// The whole-body cap is generous because the default useChat transport sends the full history;
// the new message itself is capped by CHAT_MAX_MESSAGE_CHARS.
const MAX_BODY_BYTES = 512 * 1024;

export const POST = withErrors('chat', async (request: Request) => {
  const receivedAt = Date.now();
  const config = getServerConfig();
  const { visitor, ip } = await guardRequest(request);
  // Every request counts, well-formed or not. The check runs while the body is read and, for a valid turn, beside
  // the conversation load (startChatTurn awaits both): no round trip of its own.
  const admission = enforceRateLimit('chat', { visitorId: visitor.visitorId, ip }, config);
  // Awaited below on every path; this marks the rejection as handled meanwhile, and remembers it: the in-process limit
  // refuses before the body has been read, and a refused request must not start a reply speculatively (lib/chat/turn.ts).
  let refused = false;
  admission.catch(() => {
    refused = true;
  });
  const refuse = async (error: AppError): Promise<never> => {
    await admission;
    throw error;
  };
  const parsed = chatRequestSchema.safeParse(
    await readJsonBody(request, { maxBytes: MAX_BODY_BYTES, surface: 'chat' }).catch((error: unknown) => refuse(toAppError(error, 'chat'))),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse(new AppError('bad_request:chat', issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : undefined));
  }
  // The turn's errors from here on are worded in the conversation's language.
  setConversationLocale(request, parsed.data.locale);
  const picked = pickUserMessage(parsed.data);
  if (!picked.ok) return refuse(new AppError('bad_request:chat', picked.reason));
  if (picked.message.text.length > config.chat.maxMessageChars) {
    return refuse(new AppError('payload_too_large:chat', `Messages are limited to ${config.chat.maxMessageChars} characters.`));
  }

  const stream = await startChatTurn({
    admission,
    conversationId: parsed.data.id,
    visitorId: visitor.visitorId,
    address: ip,
    message: picked.message,
    regenerate: parsed.data.trigger === 'regenerate-message',
    firstMessage: isFirstMessage(parsed.data),
    admissionRefused: () => refused,
    locale: parsed.data.locale,
    // A zone this server does not know (an older ICU than the browser's) is left out: the default zone is used.
    visitorTimeZone: parsed.data.timeZone ? canonicalTimeZone(parsed.data.timeZone) : undefined,
    source: eventSourceFor(request, parsed.data.source, config.security),
    receivedAt,
    store: getConversationStore(),
    agent: getSalesAgent(),
    offlineAgent: getOfflineAgent(),
    gate: getLlmGate(),
    replies: getReplyStore(),
    turnWaitMs: config.chat.turnWaitMs,
    resumeTtlSeconds: config.chat.resumeTtlSeconds,
  });
  const { headers } = await admission;
  // Every event has an id, so a client that loses the connection resumes after the last one it saw.
  return eventStreamResponse(stream, { headers });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST']);
