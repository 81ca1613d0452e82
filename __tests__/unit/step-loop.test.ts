/** @jest-environment node */
import { jsonSchema, tool, type LanguageModel, type ModelMessage, type ToolSet } from 'ai';
import { z } from 'zod';
import { streamSteps, type StepLoopOptions, type StepPart } from '@/lib/llm/step-loop';

/** A model's step, as the provider streams it (LanguageModelV4 parts). */
type ProviderPart = Record<string, unknown> & { type: string };

const text = (words: string[], id = 't'): ProviderPart[] => [
  { type: 'text-start', id },
  ...words.map((delta) => ({ type: 'text-delta', id, delta })),
  { type: 'text-end', id },
];
const call = (toolCallId: string, toolName: string, input: unknown): ProviderPart => ({ type: 'tool-call', toolCallId, toolName, input: typeof input === 'string' ? input : JSON.stringify(input) });
const finish = (reason: 'stop' | 'tool-calls', input = 10, output = 5): ProviderPart => ({
  type: 'finish',
  finishReason: { unified: reason, raw: reason },
  usage: { inputTokens: { total: input }, outputTokens: { total: output } },
});

/** A scripted model: one list of parts per step; records what each call was sent. */
function scripted(steps: (ProviderPart[] | Error)[]) {
  const calls: { prompt: { role: string; content: unknown }[]; toolChoice: unknown; tools: unknown[] | undefined }[] = [];
  const model = {
    specificationVersion: 'v4',
    provider: 'scripted',
    modelId: 'scripted',
    supportedUrls: {},
    async doGenerate() {
      throw new Error('not used');
    },
    async doStream(options: { prompt: { role: string; content: unknown }[]; toolChoice: unknown; tools?: unknown[]; abortSignal?: AbortSignal }) {
      calls.push({ prompt: options.prompt, toolChoice: options.toolChoice, tools: options.tools });
      const step = steps[calls.length - 1];
      if (step === undefined) throw new Error(`no step ${calls.length}`);
      if (step instanceof Error) throw step;
      const parts = [{ type: 'stream-start', warnings: [] }, ...step];
      let at = 0;
      return {
        stream: new ReadableStream({
          pull(controller) {
            if (options.abortSignal?.aborted) return controller.error(options.abortSignal.reason);
            const part = parts[at++];
            if (part) controller.enqueue(part);
            else controller.close();
          },
        }),
      };
    },
  };
  return { model: model as unknown as LanguageModel, calls };
}

const tools: ToolSet = {
  get_pricing: tool({
    inputSchema: jsonSchema<{ seats: number }>({ type: 'object', properties: { seats: { type: 'number' } }, required: ['seats'] }),
    execute: async ({ seats }: { seats: number }) => ({ plan: 'Pro', seats, total: seats * 29 }),
  }),
  broken: tool({
    inputSchema: jsonSchema<Record<string, never>>({ type: 'object', properties: {} }),
    execute: async (): Promise<unknown> => {
      throw new Error('the store is down');
    },
  }),
};
const messages: ModelMessage[] = [{ role: 'user', content: 'How much for 12 seats?' }];

async function collect(model: LanguageModel, options: Partial<Omit<StepLoopOptions, 'model'>> = {}): Promise<StepPart[]> {
  const all: StepLoopOptions = {
    model,
    instructions: 'Be brief.',
    messages,
    tools: options.tools ?? tools,
    maxSteps: options.maxSteps ?? 5,
    toolChoice: options.toolChoice ?? (() => 'auto'),
    abortSignal: new AbortController().signal,
  };
  const parts: StepPart[] = [];
  for await (const part of streamSteps(all)) parts.push(part);
  return parts;
}
const types = (parts: StepPart[]): string[] => parts.map((part) => part.type);

describe('the reply’s tool loop (lib/llm/step-loop.ts)', () => {
  it('streams one step of text, then finish with its tokens', async () => {
    const { model, calls } = scripted([[...text(['Hello', ' there']), finish('stop', 12, 3)]]);
    const parts = await collect(model);
    expect(types(parts)).toEqual(['start-step', 'text-start', 'text-delta', 'text-delta', 'text-end', 'finish-step', 'finish']);
    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.text).join('')).toBe('Hello there');
    expect(parts.at(-1)).toEqual({ type: 'finish', usage: { inputTokens: 12, outputTokens: 3 } });
    // The instructions go first as the system message, then the conversation.
    expect(calls[0]?.prompt[0]).toMatchObject({ role: 'system', content: 'Be brief.' });
    expect(calls[0]?.prompt[1]).toMatchObject({ role: 'user' });
    expect(calls).toHaveLength(1);
  });

  it('runs a tool, sends its result back in the next step, and sums the tokens of both steps', async () => {
    const { model, calls } = scripted([
      [call('c1', 'get_pricing', { seats: 12 }), finish('tool-calls', 10, 4)],
      [...text(['Pro for 12 seats is $348.']), finish('stop', 30, 8)],
    ]);
    const parts = await collect(model);
    expect(types(parts)).toEqual(['start-step', 'tool-call', 'tool-result', 'finish-step', 'start-step', 'text-start', 'text-delta', 'text-end', 'finish-step', 'finish']);
    expect(parts.find((part) => part.type === 'tool-result')).toMatchObject({ toolCallId: 'c1', toolName: 'get_pricing', input: { seats: 12 }, output: { plan: 'Pro', seats: 12, total: 348 } });
    expect(parts.at(-1)).toEqual({ type: 'finish', usage: { inputTokens: 40, outputTokens: 12 } });
    // The second call carries the assistant's call and the tool's answer, in the provider's prompt format.
    const second = calls[1]?.prompt ?? [];
    expect(second.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(second[2]?.content).toEqual([expect.objectContaining({ type: 'tool-call', toolCallId: 'c1', toolName: 'get_pricing', input: { seats: 12 } })]);
    expect(second[3]?.content).toEqual([
      expect.objectContaining({ type: 'tool-result', toolCallId: 'c1', toolName: 'get_pricing', output: { type: 'json', value: { plan: 'Pro', seats: 12, total: 348 } } }),
    ]);
  });

  it('sends a tool’s failure back to the model as its result, and the model answers from it', async () => {
    const { model, calls } = scripted([[call('c1', 'broken', {}), finish('tool-calls')], [...text(['Sorry, try again later.']), finish('stop')]]);
    const parts = await collect(model);
    expect(parts.find((part) => part.type === 'tool-error')).toMatchObject({ toolCallId: 'c1', toolName: 'broken' });
    expect(calls[1]?.prompt[3]?.content).toEqual([expect.objectContaining({ type: 'tool-result', output: { type: 'error-text', value: 'the store is down' } })]);
    expect(types(parts).at(-1)).toBe('finish');
  });

  it('an invalid call (bad input, or no such tool) is not run: its error goes back to the model', async () => {
    let ran = 0;
    // (Validated as the app's tools are, by a zod schema.)
    const counted: ToolSet = { get_pricing: tool({ inputSchema: z.object({ seats: z.number() }), execute: async () => ++ran }) };
    const { model, calls } = scripted([
      [call('c1', 'get_pricing', { seats: 'many' }), call('c2', 'no_such_tool', {}), finish('tool-calls')],
      [...text(['Which team size?']), finish('stop')],
    ]);
    const parts = await collect(model, { tools: counted });
    expect(ran).toBe(0);
    expect(parts.filter((part) => part.type === 'tool-error').map((part) => part.toolCallId)).toEqual(['c1', 'c2']);
    expect(calls).toHaveLength(2);
    expect((calls[1]?.prompt[3]?.content as unknown[]).length).toBe(2);
  });

  it('asks for each step’s tool choice with the calls so far, and stops at the step limit', async () => {
    const seen: { stepNumber: number; calls: number[] }[] = [];
    const loop = Array.from({ length: 3 }, (_, i) => [call(`c${i}`, 'get_pricing', { seats: 12 }), finish('tool-calls' as const)]);
    const { model, calls } = scripted(loop);
    const parts = await collect(model, {
      maxSteps: 3,
      toolChoice: ({ stepNumber, calls: made }) => {
        seen.push({ stepNumber, calls: made.map((step) => step.length) });
        return stepNumber >= 2 ? 'none' : 'auto';
      },
    });
    expect(seen).toEqual([
      { stepNumber: 0, calls: [] },
      { stepNumber: 1, calls: [1] },
      { stepNumber: 2, calls: [1, 1] },
    ]);
    expect(calls.map((made) => made.toolChoice)).toEqual([{ type: 'auto' }, { type: 'auto' }, { type: 'none' }]);
    expect(types(parts).filter((type) => type === 'start-step')).toHaveLength(3);
    expect(types(parts).at(-1)).toBe('finish');
  });

  it('a model that fails before its first part ends the reply with an error part', async () => {
    const failure = new Error('upstream 500');
    const { model } = scripted([failure]);
    const parts = await collect(model);
    expect(types(parts)).toEqual(['start-step', 'error']);
    expect(parts[1]).toEqual({ type: 'error', error: failure });
  });

  it('an error part in the stream is passed on and ends the loop after its step', async () => {
    const { model, calls } = scripted([[call('c1', 'get_pricing', { seats: 3 }), { type: 'error', error: new Error('overloaded') }, finish('tool-calls')], []]);
    const parts = await collect(model);
    expect(types(parts)).toContain('error');
    expect(calls).toHaveLength(1);
    expect(types(parts).at(-1)).toBe('finish');
  });

  it('an aborted reply ends with an abort part and its reason, and makes no further call', async () => {
    const stop = new AbortController();
    const { model, calls } = scripted([[...text(['one', ' two', ' three']), finish('stop')], [...text(['never']), finish('stop')]]);
    const parts: StepPart[] = [];
    for await (const part of streamSteps({ model, instructions: 'x', messages, tools, maxSteps: 5, toolChoice: () => 'auto', abortSignal: stop.signal })) {
      parts.push(part);
      if (part.type === 'text-delta') stop.abort(new Error('the visitor left'));
    }
    expect(parts.filter((part) => part.type === 'text-delta')).toHaveLength(1);
    expect(parts.at(-1)).toEqual({ type: 'abort', reason: 'the visitor left' });
    expect(calls).toHaveLength(1);
  });
});
