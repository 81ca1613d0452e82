/** @jest-environment node */
// A 200-turn conversation through real chat turns stays within the configured token budget: the model never receives
// a prompt larger than CHAT_CONTEXT_TOKENS, because older turns are folded into the rolling summary.
import type { LanguageModelV4, LanguageModelV4Prompt } from '@ai-sdk/provider';
import { startChatTurn } from '@/lib/chat/turn';
import { NO_TURN_LIMITS } from '../support/visitor';
import { parseServerConfig } from '@/lib/config';
import { createSalesAgent } from '@/lib/llm';
import { createOfflineModel } from '@/lib/llm/offline/model';
import { countTokens, MESSAGE_OVERHEAD_TOKENS } from '@/lib/sales/context';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { createMemoryStore } from '@/lib/store/memory';

const kb = getKnowledgeBase();
const now = Date.parse('2026-11-24T12:00:00Z');

/** Tokens of everything the model was sent: system prompt, every message's text, tool inputs and tool outputs. */
function promptTokens(prompt: LanguageModelV4Prompt): number {
  let total = 0;
  for (const message of prompt) {
    total += MESSAGE_OVERHEAD_TOKENS;
    if (typeof message.content === 'string') {
      total += countTokens(message.content);
      continue;
    }
    for (const part of message.content) {
      if (part.type === 'text') total += countTokens(part.text);
      else if (part.type === 'tool-call') total += countTokens(JSON.stringify(part.input));
      else if (part.type === 'tool-result') total += countTokens(JSON.stringify(part.output));
    }
  }
  return total;
}

/** The offline model, recording each prompt it receives. */
function spyModel(): { model: LanguageModelV4; prompts: LanguageModelV4Prompt[] } {
  const inner = createOfflineModel({ knowledgeBase: kb, wordDelayMs: 0, now: () => now });
  const prompts: LanguageModelV4Prompt[] = [];
  return {
    prompts,
    model: {
      ...inner,
      doGenerate: (call) => inner.doGenerate(call),
      doStream: (call) => {
        prompts.push(call.prompt);
        return inner.doStream(call);
      },
    },
  };
}

// A prospect who keeps talking: questions, facts, prices (tool calls and results land in the history too).
const LINES = [
  'Hi, I am looking at tools for our operations team.',
  'How much is the Pro plan?',
  'We are a team of 40 people spread over three offices and we mostly run onboarding and reporting workflows.',
  'Do you support SSO and SOC 2?',
  'What would 40 seats on Business cost billed annually?',
  'How do you compare to Asana?',
  'Honestly it feels a bit too expensive for us right now.',
  'Does it integrate with Salesforce, HubSpot and Slack, and can we keep our data in the EU because of GDPR?',
  'Our budget is around $3,000 a month and we want to start next quarter.',
  'Thanks, that is useful.',
];

describe('context budget', () => {
  it('keeps every prompt of a 200-turn conversation within CHAT_CONTEXT_TOKENS', async () => {
    const { llm } = parseServerConfig({});
    const budget = llm.contextTokens;
    const spy = spyModel();
    const agent = createSalesAgent({ ...llm, wordDelayMs: 0 }, { model: spy.model, knowledgeBase: kb, now: () => now });
    const store = createMemoryStore({ prefix: 'budget:', conversationTtlSeconds: 3600, maxMessages: 1000 });
    const conversationId = 'budget-200-turns';

    for (let turn = 0; turn < 200; turn++) {
      let stored!: () => void;
      const done = new Promise<void>((resolve) => (stored = resolve));
      const text = `${LINES[turn % LINES.length]} (message ${turn + 1})`;
      const stream = await startChatTurn({ conversationId, visitorId: 'budget-visitor', limits: NO_TURN_LIMITS, message: { text }, store, agent, now: () => now, kb, onStored: () => stored() });
      for await (const chunk of stream) expect(chunk.type).not.toBe('error');
      await done;
    }

    const conversation = await store.getConversation({ id: conversationId });
    expect(conversation?.messages).toHaveLength(400);
    // The history outgrew the budget many times over, so it must have been folded into the summary.
    expect(conversation?.state?.summary?.coveredMessages).toBeGreaterThan(300);
    // What the context manager answers for: the prompt up to the prospect's new message. A turn's second step adds that
    // turn's own tool calls and results after it, which no history folding can make room for.
    const sizes = spy.prompts.map((prompt) => promptTokens(prompt.slice(0, prompt.map((message) => message.role).lastIndexOf('user') + 1)));
    expect(sizes.length).toBeGreaterThanOrEqual(200);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(budget);
    // Near the budget, not trivially under it: the history really was carried up to what the budget allows.
    expect(Math.max(...sizes)).toBeGreaterThan(budget * 0.8);
    // The newest messages are in the last prompt verbatim, not only in the summary.
    const last = spy.prompts.at(-1) ?? [];
    expect(JSON.stringify(last)).toContain('(message 200)');
  }, 120_000);
});
