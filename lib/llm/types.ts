import type { UIMessageChunk } from 'ai';
import type { SalesUIMessage } from '@/lib/chat/messages';
import type { SalesSession } from '@/lib/sales/session';

export interface AgentTurnInput {
  conversationId: string;
  /** Stored history, oldest first, without the new user message. */
  history: SalesUIMessage[];
  /** The new user message (already validated, role "user", text parts only). */
  userMessage: SalesUIMessage;
  abortSignal?: AbortSignal;
  /** How many of the conversation's oldest messages the store has trimmed away (not in `history`). */
  trimmedMessages?: number;
  /** The sales brain's state for this turn; the agent's tools update it and the chat turn stores it. */
  session: SalesSession;
  /** Called with the tokens each model call used (the primary's, then a fallback's): budgets count them. */
  onUsage?: (usage: { inputTokens: number; outputTokens: number }) => void;
}

export interface AgentHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/** The sales agent behind the chat route: OpenAI through the AI SDK, or the offline agent. Chosen once from config. */
export interface SalesAgent {
  readonly kind: 'openai' | 'offline';
  readonly model: string;
  /** The assistant reply as AI SDK UI message chunks (start … finish). Errors arrive as chunks, never as a throw. */
  streamReply(input: AgentTurnInput): ReadableStream<UIMessageChunk>;
  ping(): Promise<AgentHealth>;
}
