import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
  LanguageModelV4Usage,
} from '@ai-sdk/provider';
import { detectIntent, readConversationFacts } from '@/lib/llm/offline/intents';
import { composeReply } from '@/lib/llm/offline/replies';
import { splitIntoWords } from '@/lib/llm/offline/text';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';

export const OFFLINE_MODEL_ID = 'offline-sales-agent';

export interface OfflineModelOptions {
  knowledgeBase: KnowledgeBase;
  /** Pause between streamed words, so the offline agent feels like a model typing (0 = as fast as possible). */
  wordDelayMs: number;
}

/** The user messages of a prompt, oldest first, as plain text. */
export function userTexts(prompt: LanguageModelV4Prompt): string[] {
  return prompt.flatMap((message) =>
    message.role === 'user'
      ? [message.content.map((part) => (part.type === 'text' ? part.text : '')).join('').trim()]
      : [],
  );
}

/** The offline agent's whole reply to a prompt: deterministic, grounded in the knowledge base. */
export function offlineReply(prompt: LanguageModelV4Prompt, knowledgeBase: KnowledgeBase): string {
  const texts = userTexts(prompt);
  const latest = texts.at(-1) ?? '';
  return composeReply(detectIntent(latest, knowledgeBase), knowledgeBase, readConversationFacts(texts));
}

/**
 * The offline sales agent as an AI SDK language model, so it runs through exactly the same streamText → UI message
 * stream pipeline as OpenAI (same chunks, same metadata, same abort handling).
 */
export function createOfflineModel(options: OfflineModelOptions): LanguageModelV4 {
  const { knowledgeBase, wordDelayMs } = options;
  return {
    specificationVersion: 'v4',
    provider: 'offline',
    modelId: OFFLINE_MODEL_ID,
    supportedUrls: {},

    async doGenerate(call: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
      const text = offlineReply(call.prompt, knowledgeBase);
      return {
        content: [{ type: 'text', text }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: usage(call.prompt, splitIntoWords(text).length),
        warnings: [],
      };
    },

    async doStream(call: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
      const words = splitIntoWords(offlineReply(call.prompt, knowledgeBase));
      return { stream: wordStream(words, { wordDelayMs, abortSignal: call.abortSignal, usage: usage(call.prompt, words.length) }) };
    },
  };
}

function wordStream(
  words: readonly string[],
  options: { wordDelayMs: number; abortSignal?: AbortSignal; usage: LanguageModelV4Usage },
): ReadableStream<LanguageModelV4StreamPart> {
  const textId = 'text-0';
  const cancelled = new AbortController();
  const stop = options.abortSignal ? AbortSignal.any([options.abortSignal, cancelled.signal]) : cancelled.signal;
  let next = -1;

  return new ReadableStream<LanguageModelV4StreamPart>({
    async pull(controller) {
      if (options.abortSignal?.aborted) return controller.error(abortReason(options.abortSignal));
      if (next === -1) {
        controller.enqueue({ type: 'stream-start', warnings: [] });
        controller.enqueue({ type: 'text-start', id: textId });
        next = 0;
        return;
      }
      if (next < words.length) {
        if (next > 0 && options.wordDelayMs > 0) {
          const finished = await delay(options.wordDelayMs, stop);
          if (cancelled.signal.aborted) return;
          if (!finished) return controller.error(abortReason(options.abortSignal));
        }
        controller.enqueue({ type: 'text-delta', id: textId, delta: words[next] ?? '' });
        next++;
        return;
      }
      controller.enqueue({ type: 'text-end', id: textId });
      controller.enqueue({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: options.usage });
      controller.close();
    },
    cancel() {
      cancelled.abort();
    },
  });
}

/** Resolves true after `ms`, or false as soon as `signal` aborts (clearing the timer). */
function delay(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

function usage(prompt: LanguageModelV4Prompt, outputWords: number): LanguageModelV4Usage {
  // Words, not tokens: there is no tokenizer offline, and the numbers only feed the analytics view.
  const inputWords = prompt.reduce(
    (total, message) =>
      total +
      (typeof message.content === 'string'
        ? splitIntoWords(message.content).length
        : message.content.reduce((sum, part) => sum + (part.type === 'text' ? splitIntoWords(part.text).length : 0), 0)),
    0,
  );
  return {
    inputTokens: { total: inputWords, noCache: inputWords, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: outputWords, text: outputWords, reasoning: 0 },
  };
}
