import type { UIMessageChunk } from 'ai';
import type { SalesUIMessage } from '@/lib/sales/ui-message';
import type { SalesIntent } from '@/lib/sales/intents';
import type { Passage } from '@/lib/sales/retrieval';
import type { SalesState } from '@/lib/sales/state';
import type { SalesTurnContext, StateUpdate } from '@/lib/sales/turn-state';

export interface AgentTurnInput {
  conversationId: string;
  /** Stored history, oldest first, without the new user message. */
  history: SalesUIMessage[];
  /** The new user message (already validated, role "user", text parts only). */
  userMessage: SalesUIMessage;
  abortSignal?: AbortSignal;
  /** How many of the conversation's oldest messages the store has trimmed away (not in `history`). */
  trimmedMessages?: number;
  /** What the turn reads besides the state: locale, knowledge base, the prospect's messages (evidence), clock. */
  context: SalesTurnContext;
  /** The sales state before the turn. Never changed: every step returns a new one. */
  state: SalesState;
  /**
   * Called with each update the turn applies (new state and the events it streamed), in order: the chat turn stores
   * the last state and publishes the events.
   */
  onUpdate?: (update: StateUpdate) => void;
  /** Called once the reply is written (before `finish`): what it answered, for the turn's events. */
  onReport?: (report: ReplyReport) => void;
  /**
   * When set, the model's request is sent at once but its output is held until this resolves (a turn started before
   * the store answered, lib/chat/turn.ts); when it rejects, the reply is dropped (the turn aborts `abortSignal` too).
   */
  hold?: Promise<void>;
  /** Called with the tokens each model call used (the primary's, then a fallback's): budgets count them. */
  onUsage?: (usage: { inputTokens: number; outputTokens: number }) => void;
}

/** What a reply addressed, read after it was written. */
export interface ReplyReport {
  intent: SalesIntent;
  /** The passages the reply's text used (the sources it shows). */
  used: Passage[];
  /** The objection (knowledge-base id) the reply handled, when the message raised one. */
  objection?: string;
  /** The configured model failed before writing and the fallback (offline) agent answered. */
  fellBack: boolean;
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
