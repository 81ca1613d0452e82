import 'server-only';
import { createOpenAI } from '@ai-sdk/openai';
import { generateId as defaultGenerateId, wrapLanguageModel, type LanguageModel, type UIMessageChunk } from 'ai';
import { getServerConfig, type LlmConfig } from '@/lib/config';
import { getDebugConfig } from '@/lib/config-debug';
import { processSingleton } from '@/lib/process-singleton';
import { outboundFetch } from '@/lib/outbound-fetch';
import { createOfflineModel, OFFLINE_MODEL_ID } from '@/lib/llm/offline/model';
import { pingOpenAI } from '@/lib/llm/ping';
import { retryMiddleware } from '@/lib/llm/retry';
import { stallTimeoutMiddleware } from '@/lib/llm/stall-timeout';
import { streamAgentReply } from '@/lib/llm/stream-reply';
import type { AgentTurnInput, SalesAgent } from '@/lib/llm/types';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';

export type { AgentHealth, AgentTurnInput, SalesAgent } from '@/lib/llm/types';

export interface SalesAgentDeps {
  /** Replaces the configured model (tests inject a mock or the offline model). */
  model?: LanguageModel;
  now?: () => number;
  knowledgeBase?: KnowledgeBase;
  /** The model's HTTP (through the provider) and ping()'s (default: the runtime's own fetch, not Next.js's patched one). */
  fetch?: typeof fetch;
  generateId?: () => string;
  logError?: (message: string, error: unknown) => void;
  /** Stream a `data-debug` part with every reply (default: DEBUG_AGENT, lib/config-debug.ts). */
  debug?: boolean;
}

/** Builds the agent for a validated LLM config: OpenAI through the AI SDK, or the offline agent, same pipeline. */
export function createSalesAgent(llm: LlmConfig, deps: SalesAgentDeps = {}): SalesAgent {
  const knowledgeBase = deps.knowledgeBase ?? getKnowledgeBase();
  const now = deps.now ?? Date.now;
  const generateId = deps.generateId ?? defaultGenerateId;
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const debug = deps.debug ?? getDebugConfig().agent;

  if (llm.provider === 'offline') {
    const model = deps.model ?? createOfflineModel({ knowledgeBase, wordDelayMs: llm.wordDelayMs, now });
    return {
      kind: 'offline',
      model: OFFLINE_MODEL_ID,
      streamReply: (input: AgentTurnInput): ReadableStream<UIMessageChunk> =>
        streamAgentReply({ model, agent: 'offline', input, tokenBudget: llm.contextTokens, now, generateId, logError, debug }),
      ping: async () => ({ ok: true, latencyMs: 0 }),
    };
  }

  // Never Next.js's patched fetch: a model request is never cached (lib/store/runtime-fetch.ts). On Node, `node:http`
  // rather than undici (lib/outbound-fetch.ts, lib/node-fetch.ts; docs/performance.md, session 11).
  const provider = createOpenAI({ apiKey: llm.apiKey, baseURL: llm.baseURL, fetch: deps.fetch ?? outboundFetch });
  const fallbackModel = createOfflineModel({ knowledgeBase, wordDelayMs: llm.wordDelayMs, now });
  const baseModel = deps.model ?? (llm.apiMode === 'chat' ? provider.chat(llm.model) : provider(llm.model));
  const model =
    typeof baseModel === 'string'
      ? baseModel
      : wrapLanguageModel({
          model: baseModel,
          middleware: [retryMiddleware({ maxRetries: llm.maxRetries }), stallTimeoutMiddleware({ timeoutMs: llm.timeoutMs })],
        });
  return {
    kind: 'openai',
    model: llm.model,
    streamReply: (input: AgentTurnInput): ReadableStream<UIMessageChunk> =>
      streamAgentReply({
        model,
        agent: 'openai',
        fallback: { model: fallbackModel, agent: 'offline' },
        input,
        tokenBudget: llm.contextTokens,
        now,
        generateId,
        logError,
        debug,
      }),
    ping: () => pingOpenAI({ baseURL: llm.baseURL, apiKey: llm.apiKey, fetch: deps.fetch ?? outboundFetch, now }),
  };
}

/** The process's agent, chosen once from config. */
export function getSalesAgent(): SalesAgent {
  return processSingleton('sales-agent', () => createSalesAgent(getServerConfig().llm));
}

/** The offline agent, which answers (with a notice) when the app's daily LLM spend cap is reached. */
export function getOfflineAgent(): SalesAgent {
  return processSingleton('offline-agent', () => {
    const llm = getServerConfig().llm;
    return createSalesAgent({ provider: 'offline', model: 'offline-sales-agent', wordDelayMs: llm.wordDelayMs, contextTokens: llm.contextTokens });
  });
}
