import type { LlmConfig } from '@/lib/config';
import { startOpenAIStandIn } from '../../scripts/standins/openai-server.mjs';

export type OpenAIStandIn = Awaited<ReturnType<typeof startOpenAIStandIn>>;

/**
 * The OpenAI stand-in for one test file, over real HTTP: started before its tests, reset before each, closed after.
 * `config()` is an LLM config that points the real agent at it (Chat Completions unless told otherwise).
 */
export function withOpenAIStandIn(): { readonly standIn: OpenAIStandIn; config(apiMode?: 'chat' | 'responses'): LlmConfig } {
  let current: OpenAIStandIn | undefined;
  beforeAll(async () => {
    current = await startOpenAIStandIn({ port: 0 });
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(() => current?.reset());
  const standIn = (): OpenAIStandIn => {
    if (!current) throw new Error('The OpenAI stand-in starts in beforeAll: use it inside a test or hook.');
    return current;
  };
  return {
    get standIn() {
      return standIn();
    },
    config: (apiMode = 'chat') => ({
      provider: 'openai', apiKey: 'sk-test', baseURL: standIn().url, model: 'gpt-4.1-mini', apiMode,
      timeoutMs: 10_000, maxRetries: 0, contextTokens: 6_000, wordDelayMs: 0,
    }),
  };
}
