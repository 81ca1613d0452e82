import type { SalesUIMessage } from '@/lib/chat/messages';

/** `metadata.status` of a stored or local reply: set when it did not finish normally. */
export function replyStatus(message: SalesUIMessage): 'stopped' | 'incomplete' | undefined {
  const status = (message.metadata as { status?: unknown } | undefined)?.status;
  return status === 'stopped' || status === 'incomplete' ? status : undefined;
}

export function withReplyStatus(messages: readonly SalesUIMessage[], id: string, status: 'stopped' | 'incomplete'): SalesUIMessage[] {
  return messages.map((message) =>
    message.id === id && message.role === 'assistant' && !replyStatus(message)
      ? ({ ...message, metadata: { ...message.metadata, status } } as SalesUIMessage)
      : message,
  );
}
