import 'server-only';
import {
  experimental_streamLanguageModelCall as streamLanguageModelCall,
  type Experimental_LanguageModelStreamPart as LanguageModelStreamPart,
  type LanguageModel,
  type ModelMessage,
  type ToolSet,
} from 'ai';
import type { SharedV4ProviderOptions } from '@ai-sdk/provider';

/**
 * The tool loop of a reply: one model call per step over `experimental_streamLanguageModelCall` (the AI SDK's own
 * prompt conversion, tool preparation and tool-call parsing, and its one stream stage of model parts), the tools run
 * here, their results sent back in the next step. The same loop `streamText` runs, without its ~9 further stream stages
 * per part (step bookkeeping, telemetry, replay, stitching of steps): in one process, 50 replies of 200 tokens at once,
 * 12.5 ms of CPU per reply for `experimental_streamTextLowMemory` against 1.5 ms for this (docs/performance.md, session
 * 31). What it does not do, because no reply here uses it: tool approvals, provider-executed tools, repair of invalid
 * tool calls (an invalid call's error goes back to the model, as `streamText` does without a repair function),
 * retries (the model's own, lib/llm/retry.ts), telemetry.
 */

/** Parts that are written to the UI as they are (`toUIMessageChunk`). */
type ModelPart = Extract<
  LanguageModelStreamPart<ToolSet>,
  {
    type:
      | 'text-start'
      | 'text-delta'
      | 'text-end'
      | 'reasoning-start'
      | 'reasoning-delta'
      | 'reasoning-end'
      | 'tool-input-start'
      | 'tool-input-delta'
      | 'tool-input-end'
      | 'tool-call'
      | 'tool-result'
      | 'tool-error';
  }
>;
export type StepPart =
  | ModelPart
  | { type: 'start-step' }
  | { type: 'finish-step' }
  | { type: 'error'; error: unknown }
  | { type: 'abort'; reason?: string }
  /** After the last step: the tokens of all steps. */
  | { type: 'finish'; usage: { inputTokens: number; outputTokens: number } };

type ToolCall = Extract<ModelPart, { type: 'tool-call' }>;
type ToolOutcome = Extract<ModelPart, { type: 'tool-result' | 'tool-error' }>;

export interface StepLoopOptions {
  model: LanguageModel;
  instructions: string;
  messages: ModelMessage[];
  tools: ToolSet;
  maxSteps: number;
  /** A step's tool choice, from the tool calls of the steps before it (one list per step). */
  toolChoice: (step: { stepNumber: number; calls: readonly (readonly { toolName: string; input: unknown }[])[] }) => 'auto' | 'none';
  providerOptions?: SharedV4ProviderOptions;
  abortSignal: AbortSignal;
}

const PASSED = new Set<string>([
  'text-start',
  'text-delta',
  'text-end',
  'reasoning-start',
  'reasoning-delta',
  'reasoning-end',
  'tool-input-start',
  'tool-input-delta',
  'tool-input-end',
]);

const errorText = (error: unknown): string => (error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error) ?? String(error));

/**
 * The reply's parts, step by step, ending with `finish`; or with `error` when a model call fails, or `abort`, after
 * which nothing follows. (An `error` part the model streams ends the loop after its step, then `finish`.)
 */
export async function* streamSteps(options: StepLoopOptions): AsyncGenerator<StepPart, void, undefined> {
  const { abortSignal, tools } = options;
  const usage = { inputTokens: 0, outputTokens: 0 };
  const calls: ToolCall[][] = [];
  let messages = options.messages;
  const aborted = (): StepPart => ({ type: 'abort', ...(abortSignal.reason !== undefined ? { reason: errorText(abortSignal.reason) } : {}) });
  for (let stepNumber = 0; stepNumber < options.maxSteps; stepNumber++) {
    yield { type: 'start-step' };
    const stepCalls: ToolCall[] = [];
    const outcomes: ToolOutcome[] = [];
    let text = '';
    let failed = false;
    try {
      // (An abort while the call is being prepared or sent ends the reply at once, as `streamText` does; the call's
      // stream, if it comes, is let go.)
      const call = await untilAborted(
        streamLanguageModelCall({
          model: options.model,
          instructions: options.instructions,
          messages,
          tools,
          toolChoice: options.toolChoice({ stepNumber, calls }),
          ...(options.providerOptions ? { providerOptions: options.providerOptions } : {}),
          abortSignal,
        }),
        abortSignal,
      );
      // An abort cancels the read in progress at once (a model that is waiting to write, or held: lib/llm/hold.ts),
      // as `streamText` does: the turn ends now, not at the model's next part.
      const reader = call.stream.getReader();
      const cancel = () => void reader.cancel(abortSignal.reason).catch(() => undefined);
      abortSignal.addEventListener('abort', cancel, { once: true });
      if (abortSignal.aborted) cancel();
      let ended = false;
      try {
        for (;;) {
          const { done, value: part } = await reader.read();
          ended = done;
          if (done || abortSignal.aborted) break;
          if (PASSED.has(part.type)) {
            if (part.type === 'text-delta') text += part.text;
            yield part as ModelPart;
          } else if (part.type === 'tool-call') {
            yield part;
            if (part.providerExecuted) continue;
            stepCalls.push(part);
            // (An invalid call's error follows as its own `tool-error` part.)
            if (part.invalid) continue;
            const outcome = await execute(tools, part, messages, abortSignal);
            outcomes.push(outcome);
            yield outcome;
          } else if (part.type === 'tool-error') {
            outcomes.push(part);
            yield part;
          } else if (part.type === 'model-call-end') {
            usage.inputTokens += part.usage.inputTokens ?? 0;
            usage.outputTokens += part.usage.outputTokens ?? 0;
          } else if (part.type === 'error') {
            failed = true;
            yield { type: 'error', error: part.error };
          }
        }
      } finally {
        abortSignal.removeEventListener('abort', cancel);
        // (A reader left early, by an abort or a consumer that stopped reading, lets the model's stream go.)
        if (!ended) void reader.cancel().catch(() => undefined);
      }
    } catch (error) {
      if (abortSignal.aborted) {
        yield aborted();
        return;
      }
      yield { type: 'error', error };
      return;
    }
    if (abortSignal.aborted) {
      yield aborted();
      return;
    }
    yield { type: 'finish-step' };
    calls.push(stepCalls);
    // The next step only answers tool results: none called, one failed to run, or the model failed: the reply ends.
    if (failed || stepCalls.length === 0 || outcomes.length < stepCalls.length) break;
    messages = [...messages, ...stepMessages(text, stepCalls, outcomes)];
  }
  yield { type: 'finish', usage };
}

/** `call`, or the abort's reason as soon as `signal` aborts (a late call's stream is then cancelled). */
function untilAborted<T extends { stream: ReadableStream<unknown> }>(call: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    call.then((late) => late.stream.cancel(signal.reason).catch(() => undefined)).catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      call.then((late) => late.stream.cancel(signal.reason).catch(() => undefined)).catch(() => undefined);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    call.then(
      (result) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) onAbort();
        else resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Runs one tool call: its result, or its error (sent back to the model, as `streamText` does). */
async function execute(tools: ToolSet, call: ToolCall, messages: ModelMessage[], abortSignal: AbortSignal): Promise<ToolOutcome> {
  const tool = Object.hasOwn(tools, call.toolName) ? tools[call.toolName] : undefined;
  const base = { toolCallId: call.toolCallId, toolName: call.toolName, input: call.input };
  try {
    if (!tool?.execute) throw new Error(`No tool named ${call.toolName} can run here.`);
    const output: unknown = await tool.execute(call.input, { toolCallId: call.toolCallId, messages, abortSignal, context: undefined });
    return { type: 'tool-result', ...base, output } as ToolOutcome;
  } catch (error) {
    return { type: 'tool-error', ...base, error } as ToolOutcome;
  }
}

/** What a step adds to the conversation: the model's words and calls, then the tools' answers. */
function stepMessages(text: string, stepCalls: ToolCall[], outcomes: ToolOutcome[]): ModelMessage[] {
  return [
    {
      role: 'assistant',
      content: [
        ...(text ? [{ type: 'text' as const, text }] : []),
        ...stepCalls.map((call) => ({
          type: 'tool-call' as const,
          toolCallId: call.toolCallId,
          toolName: call.toolName,
          input: call.invalid && (typeof call.input !== 'object' || call.input === null) ? {} : call.input,
        })),
      ],
    },
    {
      role: 'tool',
      content: outcomes.map((outcome) => ({
        type: 'tool-result' as const,
        toolCallId: outcome.toolCallId,
        toolName: outcome.toolName,
        output:
          outcome.type === 'tool-error'
            ? { type: 'error-text' as const, value: errorText(outcome.error) }
            : typeof outcome.output === 'string'
              ? { type: 'text' as const, value: outcome.output }
              : { type: 'json' as const, value: JSON.parse(JSON.stringify(outcome.output ?? null)) },
      })),
    },
  ];
}
