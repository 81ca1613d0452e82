import { createUIMessageStreamResponse } from 'ai';
import { startChatTurn } from '@/lib/chat/turn';
import { getServerConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { otherMethods, readJsonBody, withErrors } from '@/lib/http';
import { getOfflineAgent, getSalesAgent } from '@/lib/llm';
import { getLlmGate } from '@/lib/security/concurrency';
import { guardRequest } from '@/lib/security/guard';
import { getConversationStore } from '@/lib/store';
import { chatRequestSchema, pickUserMessage } from './schema';

// Streams are never cached and the handler reads per-request state.
export const dynamic = 'force-dynamic';

// The whole-body cap is generous because the default useChat transport sends the full history;
// the new message itself is capped by CHAT_MAX_MESSAGE_CHARS.
const MAX_BODY_BYTES = 512 * 1024;

export const POST = withErrors('chat', async (request: Request) => {
  const config = getServerConfig();
  const { visitor, headers } = await guardRequest(request, { limit: 'chat' });
  const parsed = chatRequestSchema.safeParse(await readJsonBody(request, { maxBytes: MAX_BODY_BYTES, surface: 'chat' }));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_request:chat', issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : undefined);
  }
  const picked = pickUserMessage(parsed.data);
  if (!picked.ok) throw new AppError('bad_request:chat', picked.reason);
  if (picked.message.text.length > config.chat.maxMessageChars) {
    throw new AppError('payload_too_large:chat', `Messages are limited to ${config.chat.maxMessageChars} characters.`);
  }

  const stream = await startChatTurn({
    conversationId: parsed.data.id,
    visitorId: visitor.visitorId,
    message: picked.message,
    locale: parsed.data.locale,
    store: getConversationStore(),
    agent: getSalesAgent(),
    offlineAgent: getOfflineAgent(),
    gate: getLlmGate(),
  });
  return createUIMessageStreamResponse({
    stream,
    headers: { ...headers, 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' },
  });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST']);
