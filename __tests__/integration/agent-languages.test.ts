/** @jest-environment node */
// The OpenAI agent is told the prospect's language by name: read from the system prompt the stand-in received.
import type { UIMessageChunk } from 'ai';
import { createSalesAgent } from '@/lib/llm';
import type { SalesLocale } from '@/lib/sales/turn-state';
import { testSession } from '../support/session';
import { withOpenAIStandIn } from '../support/openai-standin';

const openai = withOpenAIStandIn();
const config = () => openai.config();

async function systemPromptFor(locale: SalesLocale, text: string): Promise<string> {
  openai.standIn.reset();
  const agent = createSalesAgent(config(), { logError: () => undefined });
  const session = testSession({ locale, userMessages: [{ id: 'u1', text }] });
  const stream = agent.streamReply({ conversationId: 'conv-languages', history: [], userMessage: { id: 'u1', role: 'user', parts: [{ type: 'text', text }] }, ...session.input });
  const chunks: UIMessageChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  expect(chunks.some((chunk) => chunk.type === 'text-delta')).toBe(true);
  const call = openai.standIn.requests.find((entry: { path: string }) => entry.path.startsWith('/v1/'));
  const messages = (call?.body as { messages?: { role: string; content: unknown }[] } | undefined)?.messages ?? [];
  return messages.filter((message) => message.role === 'system').map((message) => JSON.stringify(message.content)).join('\n');
}

it.each([
  ['fr', 'Combien coûte Pro ?', 'French'],
  ['de', 'Was kostet Pro?', 'German'],
  ['ar', 'كم سعر Pro؟', 'Arabic'],
  ['es', '¿Cuánto cuesta Pro?', 'Spanish'],
] as const)('on the %s site the system prompt names the language to answer in', async (locale, question, language) => {
  const prompt = await systemPromptFor(locale, question);
  expect(prompt).toContain(`answer in ${language}`);
  expect(prompt).toContain('unless they write in another language');
  if (locale === 'ar') expect(prompt).toContain('Western digits');
});

it('on the English site it answers in the language the prospect writes in', async () => {
  const prompt = await systemPromptFor('en', 'How much is Pro?');
  expect(prompt).toContain('Answer in the language the prospect writes in');
  expect(prompt).not.toMatch(/answer in (French|German|Arabic|Spanish)/);
});
