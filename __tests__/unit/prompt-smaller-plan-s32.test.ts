/** @jest-environment node */
// The OpenAI agent's system prompt (session 32): a smaller or cheaper plan is never suggested when none holds the team or
// has what they need, as the offline agent already answers "too expensive". The prompt is the one the agent really
// sends for a conversation: a team of 40 that needs SSO, then "that's too expensive", with a model that records it.
import type { LanguageModel, UIMessageChunk } from 'ai';
import { createSalesAgent } from '@/lib/llm';
import type { LlmConfig } from '@/lib/config';
import { getLocalizedKnowledgeBase } from '@/lib/sales/knowledge/localized';
import type { SalesLocale } from '@/lib/sales/turn-state';
import { messageText } from '@/lib/sales/ui-message';
import { assistantMessage, conversation, NOW, userMessage } from '../support/offline-agent';
import { testSession } from '../support/session';

const RULE =
  '- Never suggest a smaller or cheaper plan that does not hold their whole team or lacks something they said they need ("too expensive", "anything cheaper?"); when none does both, say so and offer annual billing, starting with fewer people and adding seats later, or the sales team.';

const llm: LlmConfig = { provider: 'openai', apiKey: 'sk-test', baseURL: 'http://127.0.0.1:9/v1', model: 'gpt-4.1-mini', apiMode: 'chat', timeoutMs: 5_000, maxRetries: 0, contextTokens: 6_000, wordDelayMs: 0 };

/** A model that answers "Noted." and records the system message of each request. */
function recordingModel() {
  const systems: string[] = [];
  const parts = [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id: 't' },
    { type: 'text-delta', id: 't', delta: 'Noted.' },
    { type: 'text-end', id: 't' },
    { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: { inputTokens: { total: 10 }, outputTokens: { total: 2 } } },
  ];
  const model = {
    specificationVersion: 'v4',
    provider: 'recording',
    modelId: 'recording',
    supportedUrls: {},
    async doGenerate() {
      throw new Error('not used');
    },
    async doStream(options: { prompt: { role: string; content: unknown }[] }) {
      const system = options.prompt.find((message) => message.role === 'system')?.content;
      if (typeof system === 'string') systems.push(system);
      return { stream: new ReadableStream({ start: (controller) => (parts.forEach((part) => controller.enqueue(part)), controller.close()) }) };
    },
  };
  return { model: model as unknown as LanguageModel, systems };
}

/** The system prompt the OpenAI agent sends for "that's too expensive", after `first` (said to the agent before). */
async function promptFor(locale: SalesLocale, first: string, objection: string): Promise<string> {
  // The state the first turn leaves (team size, need), as the chat keeps it between turns.
  const before = await conversation({ locale }).say(first);
  const history = [userMessage(first), assistantMessage(before.text)];
  const message = userMessage(objection);
  const session = testSession({ locale, kb: getLocalizedKnowledgeBase(locale), now: () => NOW, state: before.session.state, userMessages: [...history, message].flatMap((entry) => (entry.role === 'user' ? [{ id: entry.id, text: messageText(entry) }] : [])) });
  const { model, systems } = recordingModel();
  const agent = createSalesAgent(llm, { model, now: () => NOW, generateId: () => 'msg-1' });
  const chunks: UIMessageChunk[] = [];
  for await (const chunk of agent.streamReply({ conversationId: 'conv-s32', history, userMessage: message, ...session.input })) chunks.push(chunk);
  expect(chunks.some((chunk) => chunk.type === 'text-delta' && chunk.delta.includes('Noted.'))).toBe(true);
  const [system] = systems;
  if (!system) throw new Error('the model got no system prompt');
  return system;
}

describe('the OpenAI system prompt: no smaller or cheaper plan that does not hold the team or lacks what they need', () => {
  const said: Record<SalesLocale, [string, string]> = {
    en: ['We are 40 people and we need SSO.', "That's too expensive for us."],
    es: ['Somos 40 personas y necesitamos SSO.', 'Es demasiado caro para nosotros.'],
    fr: ['Nous sommes 40 personnes et nous avons besoin du SSO.', 'C’est trop cher pour nous.'],
    de: ['Wir sind 40 Personen und brauchen SSO.', 'Das ist uns zu teuer.'],
    ar: ['نحن 40 شخصا ونحتاج SSO', 'هذا غالي جدا علينا'],
  };

  it.each(Object.keys(said) as SalesLocale[])('%s: the rule is among the pricing rules of the prompt sent for the conversation', async (locale) => {
    const [first, objection] = said[locale];
    const prompt = await promptFor(locale, first, objection);
    // The conversation's prompt: its memory has the team of 40.
    expect(prompt).toMatch(/team size[^\n]*40/i);
    const rules = prompt.slice(prompt.indexOf('# Rules'));
    expect(prompt.indexOf('# Rules')).toBeGreaterThan(0);
    expect(rules).toContain(RULE);
    // Beside the other pricing rules: right after the one on a stated budget.
    const lines = rules.split('\n');
    const budget = lines.findIndex((line) => line.startsWith('- When a price you quote is over the budget'));
    expect(budget).toBeGreaterThan(0);
    expect(lines[budget + 1]).toBe(RULE);
    expect(prompt.split(RULE).length).toBe(2);
  });
});
