import 'server-only';
import {
  convertToModelMessages,
  createUIMessageStream,
  streamText,
  toUIMessageStream,
  type LanguageModel,
  type ToolSet,
  type UIMessageChunk,
} from 'ai';
import type { MessageMetadata, SalesUIMessage } from '@/lib/chat/messages';
import { friendlyErrorText } from '@/lib/llm/friendly-error';
import type { AgentTurnInput } from '@/lib/llm/types';

export interface StreamReplyOptions {
  model: LanguageModel;
  agent: NonNullable<MessageMetadata['agent']>;
  instructions: string;
  input: AgentTurnInput;
  /** Who prospects can write to when the assistant fails: part of every error sentence. */
  contactEmail: string;
  now: () => number;
  generateId: () => string;
  logError: (message: string, error: unknown) => void;
}

/**
 * One assistant turn as UI message chunks: start (with metadata) … text … finish. Every failure — converting the
 * history, the upstream call, a dropped stream — ends as an `error` chunk with a friendly sentence, never a throw.
 */
export function streamAgentReply(options: StreamReplyOptions): ReadableStream<UIMessageChunk> {
  const { input, contactEmail, logError } = options;
  const toErrorText = (error: unknown) => friendlyErrorText(error, contactEmail);

  return createUIMessageStream<SalesUIMessage>({
    execute: async ({ writer }) => {
      const messages = await convertToModelMessages([...input.history, input.userMessage]);
      const result = streamText({
        model: options.model,
        instructions: options.instructions,
        messages,
        abortSignal: input.abortSignal,
        // Retries belong to the model (lib/llm/retry.ts), which knows a quota error from a transient one.
        maxRetries: 0,
        onError: ({ error }) => logError(`[llm] ${options.agent} reply failed (conversation ${input.conversationId})`, error),
      });
      writer.merge(
        toUIMessageStream<ToolSet, SalesUIMessage>({
          stream: result.stream,
          generateMessageId: options.generateId,
          messageMetadata: ({ part }) => (part.type === 'start' ? { createdAt: options.now(), agent: options.agent } : undefined),
          onError: toErrorText,
        }),
      );
    },
    onError: (error) => {
      logError(`[llm] ${options.agent} reply failed (conversation ${input.conversationId})`, error);
      return toErrorText(error);
    },
  });
}
