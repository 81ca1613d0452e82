import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4FinishReason,
  LanguageModelV4GenerateResult,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
  LanguageModelV4Usage,
} from '@ai-sdk/provider';
import { composeReply } from '@/lib/llm/offline/compose';
import { endsWithToolResults, readTurn } from '@/lib/llm/offline/context';
import { splitIntoWords } from '@/lib/llm/offline/text';
import { planToolCalls } from '@/lib/llm/offline/tool-calls';
import { analyse } from '@/lib/llm/offline/topic';
import { caseAgain } from '@/lib/llm/offline/asides';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import { fnv1a } from '@/lib/fnv';

export const OFFLINE_MODEL_ID = 'offline-sales-agent';

export interface OfflineModelOptions {
  knowledgeBase: KnowledgeBase;
  /** Pause between streamed words, so the offline agent feels like a model typing (0 = as fast as possible). */
  wordDelayMs: number;
  /** Epoch ms clock that meeting phrases ("tomorrow at 10") are read against. */
  now?: () => number;
}

/** One step of the offline agent: tool calls to make, or the reply text. */
export type OfflineStep =
  | { kind: 'tool-calls'; calls: { toolCallId: string; toolName: string; input: string }[] }
  | { kind: 'text'; text: string };

/**
 * The offline agent's decision for one model call, deterministic. When the prompt ends with the prospect's message it
 * calls the tools the topic needs (get_pricing for any price, book_meeting, request_human); when it ends with their
 * results, or no tool is needed, it writes the reply.
 */
export function offlineStep(call: LanguageModelV4CallOptions, knowledgeBase: KnowledgeBase, now: number): OfflineStep {
  const turn = readTurn(call, knowledgeBase, now);
  // (A customer story just told, asked for again: said to be the one there is, not told again.)
  const topic = caseAgain(analyse(turn), turn);
  if (!endsWithToolResults(call.prompt)) {
    const planned = planToolCalls(topic, turn);
    if (planned.length > 0) {
      // Stable tool-call ids (FNV-1a), so the same conversation streams the same chunks.
      const base = `offline_${fnv1a(`${turn.userTexts.length}|${turn.text}`)}`;
      return {
        kind: 'tool-calls',
        calls: planned.map((entry, index) => ({ toolCallId: `${base}_${index}`, toolName: entry.toolName, input: JSON.stringify(entry.input) })),
      };
    }
  }
  return { kind: 'text', text: composeReply(topic, turn) };
}

/**
 * The offline sales agent as an AI SDK language model, so it runs through exactly the same tool loop → tools → UI
 * message stream pipeline as OpenAI (lib/llm/step-loop.ts) (same tool execution, data parts, metadata and abort handling).
 */
export function createOfflineModel(options: OfflineModelOptions): LanguageModelV4 {
  const { knowledgeBase, wordDelayMs } = options;
  const now = options.now ?? Date.now;
  return {
    specificationVersion: 'v4',
    provider: 'offline',
    modelId: OFFLINE_MODEL_ID,
    supportedUrls: {},

    async doGenerate(call: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
      const step = offlineStep(call, knowledgeBase, now());
      const content: LanguageModelV4Content[] =
        step.kind === 'text' ? [{ type: 'text', text: step.text }] : step.calls.map((entry) => ({ type: 'tool-call', ...entry }));
      return {
        content,
        finishReason: finishReason(step),
        usage: usage(call.prompt, step.kind === 'text' ? splitIntoWords(step.text).length : 0),
        warnings: [],
      };
    },

    async doStream(call: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
      // A reply stopped while its call was being prepared (an erasure, the stop button) is not worked out at all.
      if (call.abortSignal?.aborted) throw abortReason(call.abortSignal);
      const step = offlineStep(call, knowledgeBase, now());
      if (step.kind === 'tool-calls') {
        const parts: LanguageModelV4StreamPart[] = [
          { type: 'stream-start', warnings: [] },
          ...step.calls.map((entry): LanguageModelV4StreamPart => ({ type: 'tool-call', ...entry })),
          { type: 'finish', finishReason: finishReason(step), usage: usage(call.prompt, 0) },
        ];
        return { stream: partsStream(parts) };
      }
      const words = splitIntoWords(step.text);
      return { stream: wordStream(words, { wordDelayMs, abortSignal: call.abortSignal, usage: usage(call.prompt, words.length) }) };
    },
  };
}

function finishReason(step: OfflineStep): LanguageModelV4FinishReason {
  return step.kind === 'text' ? { unified: 'stop', raw: 'stop' } : { unified: 'tool-calls', raw: 'tool-calls' };
}

function partsStream(parts: LanguageModelV4StreamPart[]): ReadableStream<LanguageModelV4StreamPart> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
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
  // Words, not tokens: the numbers only feed the analytics view, and counting words needs no tokenizer.
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
