/** @jest-environment node */
// The offline agent's prices (always through get_pricing) and the language model itself (steps, streaming, abort).
import type { LanguageModelV4CallOptions, LanguageModelV4Prompt } from '@ai-sdk/provider';
import type { UIMessageChunk } from 'ai';
import { createSalesAgent } from '@/lib/llm';
import { createOfflineModel } from '@/lib/llm/offline/model';
import { formatPrice } from '@/lib/sales/knowledge';
import { allowedAmounts, amounts, ask, kb, NOW, offline, pricingTool, stateWith, userMessage } from '../support/offline-agent';
import { testSession } from '../support/session';

describe('offline sales agent: prices come from get_pricing', () => {
  it.each(kb.plans.map((plan) => [plan.name, plan] as const))('quotes %s through the tool, exactly as the catalogue has it', async (_name, plan) => {
    const { text, tools } = await ask(`How much is the ${plan.name} plan?`);
    expect(tools.map((call) => call.toolName)).toContain('get_pricing');
    expect(tools[0]?.input).toMatchObject({ plan: plan.id });
    expect(text).toContain(`**${plan.name}**`);
    if (plan.pricePerSeatMonthly === null || plan.pricePerSeatMonthlyAnnual === null) {
      expect(text).toMatch(/custom pricing/i);
      expect(amounts(text)).toEqual([]);
    } else {
      expect(text).toContain(`${formatPrice(plan.pricePerSeatMonthly)} per seat per month** billed monthly`);
      expect(text).toContain(`${formatPrice(plan.pricePerSeatMonthlyAnnual)} per seat per month** billed annually`);
      expect(amounts(text).sort()).toEqual([formatPrice(plan.pricePerSeatMonthly), formatPrice(plan.pricePerSeatMonthlyAnnual)].sort());
    }
  });

  it('answers the first suggested question with the Pro price from the catalogue', async () => {
    expect(kb.suggestedQuestions[0]).toBe('How much is the Pro plan?');
    const { text } = await ask(kb.suggestedQuestions[0] ?? '');
    expect(text).toContain('**Pro** is **$29 per seat per month** billed monthly, or **$24 per seat per month** billed annually.');
  });

  it('does the seat maths with the tool: monthly and annual totals for the seats asked', async () => {
    const { text, tools } = await ask('How much is Pro for 25 people?');
    expect(tools).toEqual([
      { toolName: 'get_pricing', input: { plan: 'pro', seats: 25, billing: 'monthly' } },
      { toolName: 'get_pricing', input: { plan: 'pro', seats: 25, billing: 'annual' } },
    ]);
    expect(text).toContain('**$725 a month**');
    expect(text).toContain('**$7,200 a year**');
    expect(text).toContain('saving **$1,500** a year');
  });

  it('quotes annual billing alone when that is what was asked', async () => {
    const { text, tools } = await ask('What would 40 seats on Business cost billed annually?');
    expect(tools).toEqual([{ toolName: 'get_pricing', input: { plan: 'business', seats: 40, billing: 'annual' } }]);
    expect(text).toContain('**$41 per seat per month**: **$19,680 a year**');
    expect(text).not.toMatch(/billed monthly/);
  });

  it('takes the seat count from the lead record and infers the plan from it', async () => {
    const business = await ask('And how much would the Business plan be?', { state: stateWith({ teamSize: 12 }) });
    expect(business.tools[0]?.input).toEqual({ plan: 'business', seats: 12, billing: 'monthly' });
    expect(business.text).toContain('$588 a month');
    const inferred = await ask('We are a team of 25, what would it cost?');
    expect(inferred.text).toContain("For a team of 25, I'd suggest **Pro**");
    expect(inferred.tools[0]?.input).toEqual({ plan: 'pro', seats: 25, billing: 'monthly' });
  });

  it('explains a seat count outside the plan and prices the plan that fits', async () => {
    const { text, tools } = await ask('How much is Starter for 40 users?');
    expect(tools.map((call) => (call.input as { plan: string }).plan)).toEqual(['starter', 'starter', 'pro', 'pro']);
    expect(text).toContain('Starter goes up to 10 seats');
    expect(text).toContain('$1,160 a month');
  });

  it('never states an amount that is neither in the catalogue nor returned by get_pricing, whatever it is asked', async () => {
    const questions = [
      'Can I get Pro for $15 per seat?',
      'What is the difference between Pro and Business?',
      'Compare Starter',
      'We are a team of 40, what would it cost?',
      'pricing?',
      'Do you offer discounts for nonprofits?',
      'What does the Business plan include?',
      'How much for 500 seats?',
      "It's too expensive",
    ];
    for (const question of questions) {
      const { text, outputs } = await ask(question);
      const allowed = allowedAmounts(outputs);
      for (const amount of amounts(text)) expect({ question, amount, allowed: allowed.has(amount) }).toEqual({ question, amount, allowed: true });
    }
    expect((await ask('Can I get Pro for $15 per seat?')).text).not.toContain('$15');
  });

  it('composes the reply from the tool results it is given, not from its own arithmetic', async () => {
    const model = createOfflineModel({ knowledgeBase: kb, wordDelayMs: 0 });
    const input = { plan: 'pro', seats: 5, billing: 'monthly' };
    const prompt: LanguageModelV4Prompt = [
      { role: 'user', content: [{ type: 'text', text: 'How much is Pro for 5 seats, billed monthly?' }] },
      { role: 'assistant', content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'get_pricing', input }] },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c1',
            toolName: 'get_pricing',
            output: {
              type: 'json',
              value: { ok: true, plan: { id: 'pro', name: 'Pro' }, seats: 5, billing: 'monthly', perSeatMonthly: 7, monthlyTotal: 35, annualTotal: 420, annualSavings: 0, currency: 'USD' },
            },
          },
        ],
      },
    ];
    const result = await model.doGenerate({ prompt, tools: [pricingTool] });
    expect(result.finishReason.unified).toBe('stop');
    expect(result.content).toEqual([{ type: 'text', text: expect.stringContaining('**$7 per seat per month**, so **$35 a month** ($420 over a year)') }]);
  });
});

describe('offline sales agent: the model', () => {
  it('streams the reply as many text deltas inside one start … finish message with metadata', async () => {
    const { chunks, text } = await ask('What plans do you have?');
    const types = chunks.map((chunk) => chunk.type);
    expect(chunks[0]).toMatchObject({ type: 'start', messageId: 'msg-1', messageMetadata: { createdAt: NOW, agent: 'offline' } });
    expect(types.filter((type) => type === 'text-delta').length).toBeGreaterThan(20);
    expect(types.at(-1)).toBe('finish');
    expect(types).not.toContain('error');
    for (const plan of kb.plans) expect(text).toContain(`**${plan.name}**`);
  });

  it('stops streaming when aborted mid-reply', async () => {
    const agent = createSalesAgent({ ...offline, wordDelayMs: 20 }, { now: () => 0 });
    const controller = new AbortController();
    const reader = agent
      .streamReply({ conversationId: 'conv-abort-1', history: [], userMessage: userMessage('What plans do you have?'), abortSignal: controller.signal, ...testSession().input })
      .getReader();
    const chunks: UIMessageChunk[] = [];
    const started = Date.now();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      if (chunks.filter((chunk) => chunk.type === 'text-delta').length === 3) controller.abort();
    }
    const deltas = chunks.filter((chunk) => chunk.type === 'text-delta').length;
    expect(deltas).toBeGreaterThanOrEqual(3);
    expect(deltas).toBeLessThan(6);
    expect(chunks.map((chunk) => chunk.type)).toContain('abort');
    expect(chunks.map((chunk) => chunk.type)).not.toContain('finish');
    expect(Date.now() - started).toBeLessThan(600);
  });

  it('calls tools from doGenerate and doStream alike, and answers without tools or turn context', async () => {
    const model = createOfflineModel({ knowledgeBase: kb, wordDelayMs: 0 });
    const prompt: LanguageModelV4Prompt = [{ role: 'user', content: [{ type: 'text', text: 'How much is the Pro plan?' }] }];
    const withTools: LanguageModelV4CallOptions = { prompt, tools: [pricingTool] };
    const generated = await model.doGenerate(withTools);
    expect(generated.finishReason.unified).toBe('tool-calls');
    expect(generated.content).toEqual([
      expect.objectContaining({ type: 'tool-call', toolName: 'get_pricing', input: JSON.stringify({ plan: 'pro', seats: 3, billing: 'monthly' }) }),
      expect.objectContaining({ type: 'tool-call', toolName: 'get_pricing', input: JSON.stringify({ plan: 'pro', seats: 3, billing: 'annual' }) }),
    ]);
    const streamed = await model.doStream(withTools);
    const parts = [];
    for await (const part of streamed.stream) parts.push(part);
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual(generated.content);

    // No tools offered and no (or broken) turn context: the catalogue answers.
    for (const providerOptions of [undefined, { offline: { state: 'not a state' } }]) {
      const plain = await model.doGenerate({ prompt, ...(providerOptions ? { providerOptions } : {}) });
      expect(plain.finishReason.unified).toBe('stop');
      expect(plain.content).toEqual([{ type: 'text', text: expect.stringContaining('**Pro** is **$29 per seat per month** billed monthly') }]);
    }
  });
});
