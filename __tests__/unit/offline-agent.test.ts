/** @jest-environment node */
import type { UIMessageChunk } from 'ai';
import type { SalesUIMessage } from '@/lib/chat/messages';
import { createSalesAgent } from '@/lib/llm';
import { createOfflineModel } from '@/lib/llm/offline/model';
import { formatPrice, getKnowledgeBase } from '@/lib/sales/knowledge';
import { testSession } from '../support/session';

const kb = getKnowledgeBase();
const offline = { provider: 'offline', model: 'offline-sales-agent', wordDelayMs: 0, contextTokens: 6_000 } as const;

let ids = 0;
function userMessage(text: string): SalesUIMessage {
  return { id: `u${++ids}`, role: 'user', parts: [{ type: 'text', text }] };
}
function assistantMessage(text: string): SalesUIMessage {
  return { id: `a${++ids}`, role: 'assistant', parts: [{ type: 'text', text }] };
}

async function collect(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const textOf = (chunks: UIMessageChunk[]) =>
  chunks.map((chunk) => (chunk.type === 'text-delta' ? chunk.delta : '')).join('');

async function ask(text: string, history: SalesUIMessage[] = [], wordDelayMs = 0) {
  const agent = createSalesAgent({ ...offline, wordDelayMs }, { now: () => 1_700_000_000_000, generateId: () => 'msg-1' });
  const chunks = await collect(agent.streamReply({ conversationId: 'conv-test-1', history, userMessage: userMessage(text), session: testSession() }));
  return { chunks, text: textOf(chunks) };
}

/** Every "$…" amount in a reply. */
const amounts = (text: string) => text.match(/\$\d[\d,]*(?:\.\d+)?/g) ?? [];
const catalogueAmounts = new Set(
  kb.plans.flatMap((plan) => [plan.pricePerSeatMonthly, plan.pricePerSeatMonthlyAnnual]).flatMap((price) => (price === null ? [] : [formatPrice(price)])),
);

describe('offline sales agent', () => {
  it.each(kb.plans.map((plan) => [plan.name, plan] as const))('quotes the catalogue price of %s exactly', async (_name, plan) => {
    const { text } = await ask(`How much is the ${plan.name} plan?`);
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
    const pro = kb.plans.find((plan) => plan.id === 'pro');
    expect(kb.suggestedQuestions[0]).toBe('How much is the Pro plan?');
    const { text } = await ask(kb.suggestedQuestions[0] ?? '');
    expect(text).toContain('**Pro** is **$29 per seat per month** billed monthly, or **$24 per seat per month** billed annually.');
    expect(pro?.pricePerSeatMonthly).toBe(29);
  });

  it('streams the reply as many text deltas inside one start … finish message with metadata', async () => {
    const { chunks, text } = await ask('What plans do you have?');
    const types = chunks.map((chunk) => chunk.type);
    expect(types[0]).toBe('start');
    expect(chunks[0]).toMatchObject({ type: 'start', messageId: 'msg-1', messageMetadata: { createdAt: 1_700_000_000_000, agent: 'offline' } });
    expect(types).toContain('text-start');
    expect(types.filter((type) => type === 'text-delta').length).toBeGreaterThan(20);
    expect(types.at(-1)).toBe('finish');
    expect(types).not.toContain('error');
    for (const plan of kb.plans) expect(text).toContain(`**${plan.name}**`);
  });

  it('never states an amount that is not in the catalogue, whatever it is asked', async () => {
    const questions = [
      'Can I get Pro for $15 per seat?',
      'What is the difference between Pro and Business?',
      'Compare Starter',
      'We are a team of 40, what would it cost?',
      'pricing?',
      'Do you offer discounts for nonprofits?',
      'What does the Business plan include?',
      'How much for 500 seats?',
    ];
    for (const question of questions) {
      const { text } = await ask(question);
      for (const amount of amounts(text)) expect(catalogueAmounts).toContain(amount);
    }
    expect((await ask('Can I get Pro for $15 per seat?')).text).not.toContain('$15');
  });

  it('is deterministic: the same conversation gets the same reply', async () => {
    const history = [userMessage('Hi'), assistantMessage('Hello! How can I help?')];
    const first = await ask('Do you support SSO?', history);
    const second = await ask('Do you support SSO?', history);
    expect(second.text).toBe(first.text);
    expect(second.chunks).toEqual(first.chunks);
  });

  it('answers FAQ topics from the knowledge base', async () => {
    const cases: [string, string][] = [
      ['Are you SOC 2 compliant?', 'security'],
      ['Do you support single sign-on with Okta?', 'sso'],
      ['Can we keep our data in the EU?', 'data-residency'],
      ['Is there a free trial?', 'trial'],
      ['Can we cancel anytime?', 'cancellation'],
      ['Does it integrate with Salesforce?', 'integrations'],
      ['Do you offer discounts for nonprofits?', 'discounts'],
    ];
    for (const [question, faqId] of cases) {
      const faq = kb.faqs.find((entry) => entry.id === faqId);
      const { text } = await ask(question);
      expect(text).toContain(faq?.answer);
    }
  });

  it('answers a plan-specific topic question from the FAQ rather than listing the plan', async () => {
    const sso = kb.faqs.find((faq) => faq.id === 'sso');
    expect((await ask('Does Pro include SSO?')).text).toContain(sso?.answer);
    const both = await ask('Do you support SSO and SOC 2?');
    expect(both.text).toContain(sso?.answer);
    expect(both.text).toContain(kb.faqs.find((faq) => faq.id === 'security')?.answer);
  });

  it('compares two plans, listing what the higher plan adds', async () => {
    const { text } = await ask('What is the difference between Pro and Business?');
    expect(text).toContain('**Pro**: **$29 per seat per month**');
    expect(text).toContain('**Business**: **$49 per seat per month**');
    expect(text).toContain('SAML single sign-on (Okta, Microsoft Entra ID, Google)');
  });

  it('lists a plan’s features', async () => {
    const business = kb.plans.find((plan) => plan.id === 'business');
    const { text } = await ask('What features does the Business plan include?');
    for (const feature of business?.features ?? []) expect(text).toContain(`- ${feature}`);
  });

  it('recommends a plan for a stated team size and remembers it in later turns', async () => {
    const { text } = await ask("We're a team of 25 people");
    expect(text).toContain('For a team of 25, I\'d suggest **Pro**');
    expect(text).not.toMatch(/how many people/i);
    const later = await ask('How much is Starter?', [userMessage("We're a team of 25 people"), assistantMessage(text)]);
    expect(later.text).toContain('For a team of 25 you would need a larger plan.');
  });

  it('greets, thanks, and asks for an email when the prospect wants a demo', async () => {
    expect((await ask('Hello!')).text).toContain("Hi! I'm the Northwind Cloud sales assistant.");
    expect((await ask('Thanks a lot')).text).toMatch(/^You're welcome!/);
    const demo = await ask('Can I book a demo?');
    expect(demo.text).toContain('sales@northwind.example');
    expect(demo.text).toMatch(/work email/);
    const details = await ask('Sure, it is jane@acme.example');
    expect(details.text).toContain('**jane@acme.example**');
  });

  it('answers an unknown question with a qualifying question instead of guessing', async () => {
    const { text, chunks } = await ask('Can your product water my plants?');
    expect(text).toMatch(/rather not guess/);
    expect(text.trim().endsWith('?')).toBe(true);
    expect(text).toMatch(/how many people would be using Northwind Cloud\?/);
    expect(amounts(text)).toEqual([]);
    expect(chunks.at(-1)?.type).toBe('finish');
  });

  it('moves on to the next qualifying question once team size is known', async () => {
    const { text } = await ask('Tell me something interesting', [userMessage('We have 12 people'), assistantMessage('Noted.')]);
    expect(text).toMatch(/What would you mainly use Northwind Cloud for/);
  });

  it('stops streaming when aborted mid-reply', async () => {
    const agent = createSalesAgent({ ...offline, wordDelayMs: 20 }, { now: () => 0 });
    const controller = new AbortController();
    const reader = agent
      .streamReply({ conversationId: 'conv-abort-1', history: [], userMessage: userMessage('What plans do you have?'), abortSignal: controller.signal, session: testSession() })
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
    // The full reply has 60+ words at 20 ms each; stopping early means well under that.
    expect(Date.now() - started).toBeLessThan(600);
  });

  it('implements doGenerate with the same reply as doStream', async () => {
    const model = createOfflineModel({ knowledgeBase: kb, wordDelayMs: 0 });
    const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'How much is the Pro plan?' }] }];
    const generated = await model.doGenerate({ prompt });
    const streamed = await model.doStream({ prompt });
    let text = '';
    for await (const part of streamed.stream) if (part.type === 'text-delta') text += part.delta;
    expect(generated.content).toEqual([{ type: 'text', text }]);
    expect(generated.finishReason.unified).toBe('stop');
  });
});
