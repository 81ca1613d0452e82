/** @jest-environment node */
import OpenAI from 'openai';
import type { UIMessageChunk } from 'ai';
import type { SalesUIMessage } from '@/lib/sales/ui-message';
import type { LlmConfig } from '@/lib/config';
import { createSalesAgent } from '@/lib/llm';
import { defaultReply, startOpenAIStandIn } from '@/scripts/standins/openai-server.mjs';
import { testSession } from '../support/session';

type StandIn = Awaited<ReturnType<typeof startOpenAIStandIn>>;

let standIn: StandIn;

beforeAll(async () => {
  standIn = await startOpenAIStandIn({ port: 0 });
});

afterAll(async () => {
  await standIn.close();
});

beforeEach(() => {
  standIn.reset();
});

function openaiConfig(apiMode: 'responses' | 'chat', overrides: Partial<Extract<LlmConfig, { provider: 'openai' }>> = {}): LlmConfig {
  return { provider: 'openai', apiKey: 'sk-test', baseURL: standIn.url, model: 'gpt-4.1-mini', apiMode, timeoutMs: 10_000, maxRetries: 2, contextTokens: 6_000, wordDelayMs: 0, ...overrides };
}

function userMessage(text: string): SalesUIMessage {
  return { id: 'u1', role: 'user', parts: [{ type: 'text', text }] };
}

interface Collected {
  chunks: UIMessageChunk[];
  text: string;
  types: string[];
  /** ms from the call to the first text delta. */
  firstDeltaAfterMs?: number;
}

async function collect(stream: ReadableStream<UIMessageChunk>, started = Date.now()): Promise<Collected> {
  const chunks: UIMessageChunk[] = [];
  let firstDeltaAfterMs: number | undefined;
  for await (const chunk of stream) {
    if (chunk.type === 'text-delta' && firstDeltaAfterMs === undefined) firstDeltaAfterMs = Date.now() - started;
    chunks.push(chunk);
  }
  return {
    chunks,
    types: chunks.map((chunk) => chunk.type),
    text: chunks.map((chunk) => (chunk.type === 'text-delta' ? chunk.delta : '')).join(''),
    firstDeltaAfterMs,
  };
}

function silentLog() {
  return jest.fn<void, [string, unknown]>();
}

async function ask(config: LlmConfig, text: string, logError = silentLog()) {
  const agent = createSalesAgent(config, { now: () => 1_700_000_000_000, logError });
  const started = Date.now();
  return { ...(await collect(agent.streamReply({ conversationId: 'conv-standin-1', history: [], userMessage: userMessage(text), ...testSession({ userMessages: [{ id: 'u1', text }] }).input }), started)), logError };
}

const noticeCodes = (collected: Collected) =>
  collected.chunks.flatMap((chunk) => (chunk.type === 'data-notice' ? [(chunk.data as { code: string }).code] : []));

const errorText = (collected: Collected) => collected.chunks.flatMap((chunk) => (chunk.type === 'error' ? [chunk.errorText] : []));

describe('OpenAI stand-in with the official openai SDK', () => {
  const client = () => new OpenAI({ apiKey: 'sk-test', baseURL: standIn.url, maxRetries: 0 });

  it('streams Chat Completions with usage', async () => {
    standIn.setBehaviour({ replyText: 'Pro costs $29 per seat.' });
    const stream = await client().chat.completions.create({
      model: 'gpt-4.1-mini',
      messages: [{ role: 'user', content: 'How much is Pro?' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let roles = 0;
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finishReason: string | null | undefined;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (choice?.delta.role) roles++;
      text += choice?.delta.content ?? '';
      finishReason = choice?.finish_reason ?? finishReason;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Pro costs $29 per seat.');
    expect(roles).toBe(1);
    expect(finishReason).toBe('stop');
    expect(usage?.completion_tokens).toBe(5);
    expect(standIn.requests.at(-1)).toMatchObject({ path: '/v1/chat/completions', body: { model: 'gpt-4.1-mini', stream: true } });
  });

  it('streams Responses events with sequence numbers and a completed usage', async () => {
    const stream = await client().responses.create({ model: 'gpt-4.1-mini', input: 'Do you have SSO?', stream: true });
    let text = '';
    const types: string[] = [];
    const sequence: number[] = [];
    let completedUsage: OpenAI.Responses.ResponseUsage | undefined;
    for await (const event of stream) {
      types.push(event.type);
      sequence.push(event.sequence_number);
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.completed') completedUsage = event.response.usage;
    }
    expect(text).toBe(defaultReply('Do you have SSO?'));
    expect(types.slice(0, 4)).toEqual(['response.created', 'response.in_progress', 'response.output_item.added', 'response.content_part.added']);
    expect(types.slice(-4)).toEqual(['response.output_text.done', 'response.content_part.done', 'response.output_item.done', 'response.completed']);
    expect(sequence).toEqual(sequence.map((_, index) => index));
    expect(completedUsage?.output_tokens).toBeGreaterThan(5);
  });

  it('answers non-streaming requests and lists models', async () => {
    standIn.setBehaviour({ replyText: 'Hello there.' });
    const completion = await client().chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Hi' }] });
    expect(completion.choices[0]?.message.content).toBe('Hello there.');
    const response = await client().responses.create({ model: 'gpt-4.1-mini', input: 'Hi' });
    expect(response.output_text).toBe('Hello there.');
    const models = await client().models.list();
    expect(models.data.map((model) => model.id)).toEqual(['gpt-4.1-mini']);
  });

  it('streams scripted tool calls (the extension point for tools)', async () => {
    standIn.setBehaviour({ turns: [{ toolCalls: [{ id: 'call_1', name: 'get_pricing', arguments: { plan: 'pro' } }] }] });
    const stream = await client().chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Price?' }], stream: true });
    let name = '';
    let args = '';
    let finishReason: string | null | undefined;
    for await (const chunk of stream) {
      const call = chunk.choices[0]?.delta.tool_calls?.[0];
      name += call?.function?.name ?? '';
      args += call?.function?.arguments ?? '';
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
    }
    expect(name).toBe('get_pricing');
    expect(JSON.parse(args)).toEqual({ plan: 'pro' });
    expect(finishReason).toBe('tool_calls');
  });

  it('reports errors in the OpenAI error shape', async () => {
    standIn.setBehaviour({ faults: [{ kind: '429_quota' }] });
    const response = await fetch(`${standIn.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Hi' }] }),
    });
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({
      error: { message: expect.stringContaining('quota'), type: 'insufficient_quota', param: null, code: 'insufficient_quota' },
    });
  });
});

describe.each(['responses', 'chat'] as const)('createSalesAgent over the stand-in (apiMode %s)', (apiMode) => {
  const path = apiMode === 'chat' ? '/v1/chat/completions' : '/v1/responses';

  it('streams the stand-in reply as a UI message: start with metadata, text deltas, finish', async () => {
    const result = await ask(openaiConfig(apiMode), 'How much is the Pro plan?');
    expect(result.types[0]).toBe('start');
    expect(result.chunks[0]).toMatchObject({ type: 'start', messageMetadata: { createdAt: 1_700_000_000_000, agent: 'openai' } });
    expect(result.types.filter((type) => type === 'text-delta').length).toBeGreaterThan(5);
    expect(result.types.at(-1)).toBe('finish');
    expect(result.text).toBe(defaultReply('How much is the Pro plan?'));
    expect(result.logError).not.toHaveBeenCalled();

    const request = standIn.requests.find((entry) => entry.path === path);
    expect(request?.headers.authorization).toBe('Bearer sk-test');
    // The system prompt reaches the model with the catalogue in it.
    expect(JSON.stringify(request?.body)).toContain('$29 per seat/month billed monthly');
  });

  it('waits ttftMs before the first token', async () => {
    standIn.setBehaviour({ ttftMs: 300, tokenIntervalMs: 5 });
    const result = await ask(openaiConfig(apiMode), 'Hello');
    expect(result.firstDeltaAfterMs).toBeGreaterThanOrEqual(290);
    expect(result.text).toBe(defaultReply('Hello'));
  });

  it('retries a 429 after retry-after and then succeeds', async () => {
    standIn.setBehaviour({ faults: [{ kind: '429', times: 1, retryAfterMs: 100 }], replyText: 'Recovered answer.' });
    const started = Date.now();
    const result = await ask(openaiConfig(apiMode), 'Hi');
    expect(result.text).toBe('Recovered answer.');
    expect(result.types).not.toContain('error');
    expect(standIn.requests.filter((entry) => entry.path === path)).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
  });

  it('answers with the offline agent and a visible notice on insufficient_quota, without retrying', async () => {
    standIn.setBehaviour({ faults: [{ kind: '429_quota', times: 5 }] });
    const result = await ask(openaiConfig(apiMode), 'How much is the Pro plan?');
    expect(noticeCodes(result)).toEqual(['fallback_agent']);
    expect(errorText(result)).toEqual([]);
    expect(result.text).toContain('$29');
    // The reply is the offline agent's, and its metadata says so (what is stored and shown to the admin).
    const metadata = result.chunks.flatMap((chunk) => (chunk.type === 'message-metadata' ? [chunk.messageMetadata] : []));
    expect(metadata).toEqual([{ agent: 'offline' }]);
    expect(standIn.requests.filter((entry) => entry.path === path)).toHaveLength(1);
    expect(result.logError).toHaveBeenCalledWith(expect.stringContaining('answering with the offline agent'), expect.anything());
  });

  it('answers with the offline agent when a 500 outlasts the retries', async () => {
    standIn.setBehaviour({ faults: [{ kind: '500', times: 3, retryAfterMs: 10 }] });
    const result = await ask(openaiConfig(apiMode, { maxRetries: 2 }), 'How much is the Starter plan?');
    expect(standIn.requests.filter((entry) => entry.path === path)).toHaveLength(3);
    expect(noticeCodes(result)).toEqual(['fallback_agent']);
    expect(result.text).toContain('$12');
    expect(JSON.stringify(result.chunks)).not.toMatch(/server had an error|stack/i);
  });

  it('turns a broken stream into an error chunk instead of hanging', async () => {
    standIn.setBehaviour({ faults: [{ kind: 'broken_stream', afterTokens: 3 }], tokenIntervalMs: 5 });
    const result = await ask(openaiConfig(apiMode), 'Tell me everything about your plans');
    expect(result.types).toContain('error');
    expect(errorText(result)[0]).toBe('Our assistant lost its connection while answering. Please try again.');
    expect(result.text).toBe(defaultReply('Tell me everything about your plans').split(/(?=\s)/).slice(0, 3).join(''));
  });
});

describe('ping', () => {
  it('reports the stand-in healthy, and a wrong key or dead server as not ok', async () => {
    const healthy = await createSalesAgent(openaiConfig('responses')).ping();
    expect(healthy).toEqual({ ok: true, latencyMs: expect.any(Number) });

    standIn.setBehaviour({ apiKey: 'sk-other' });
    const unauthorised = await createSalesAgent(openaiConfig('responses')).ping();
    expect(unauthorised).toMatchObject({ ok: false, error: 'OpenAI answered HTTP 401' });

    const dead = await startOpenAIStandIn({ port: 0 });
    await dead.close();
    const unreachable = await createSalesAgent(openaiConfig('responses', { baseURL: dead.url })).ping();
    expect(unreachable).toMatchObject({ ok: false, error: 'OpenAI is unreachable' });
  });

  it('is always ok offline', async () => {
    expect(await createSalesAgent({ provider: 'offline', model: 'offline-sales-agent', wordDelayMs: 0, contextTokens: 6_000 }).ping()).toEqual({ ok: true, latencyMs: 0 });
  });
});

describe('stalled upstream', () => {
  it('answers with the offline agent when the model sends nothing within timeoutMs', async () => {
    standIn.setBehaviour({ ttftMs: 5_000 });
    const started = Date.now();
    const result = await ask(openaiConfig('chat', { timeoutMs: 300 }), 'How much is the Pro plan?');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(noticeCodes(result)).toEqual(['fallback_agent']);
    expect(result.text).toContain('$29');
  });

  it('does not cut off a long answer that keeps streaming', async () => {
    // Gaps of 120 ms against a 1 s stall limit: a whole answer (~1.4 s) longer than the limit, with room for a loaded CI
    // host to pause the event loop between two tokens without the gap itself ever reaching the limit.
    standIn.setBehaviour({ tokenIntervalMs: 120, replyText: Array.from({ length: 12 }, (_, index) => `word${index}`).join(' ') });
    const started = Date.now();
    const result = await ask(openaiConfig('responses', { timeoutMs: 1_000 }), 'Hi');
    expect(Date.now() - started).toBeGreaterThan(1_000);
    expect(result.types).not.toContain('error');
    expect(result.text).toBe(Array.from({ length: 12 }, (_, index) => `word${index}`).join(' '));
  });
});
